//! The complaint ports on sea-orm (R-LAY-03). A number is the highest of its year plus one, taken
//! inside the transaction; the unique index on (year, place) refuses the second of two that took
//! the same one, and the service takes the next.

use crate::entitas::pengaduan;
use crate::registrasi::{Transaksi, gagal, simpan_berversi};
use crate::{Store, infra, peta};
use layanan::pengaduan::{
    DataPengaduan, KategoriPengaduan, NomorPengaduan, Pengaduan, StatusPengaduan, Tanggapan,
};
use layanan::ports::{PengaduanRepo, UnitKerjaPengaduan};
use pse_kernel::{AuditEvent, GagalSimpan, InfraError, JendelaAntrian, PengaduanId, PesanEmail};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter};

fn dari(m: pengaduan::Model) -> Result<Pengaduan, InfraError> {
    let rusak = |apa: &str| InfraError::new(format!("pengaduan {}: {apa}", m.id));
    Ok(Pengaduan {
        id: peta::id("pengaduan", &m.id)?,
        nomor: NomorPengaduan {
            tahun: m.tahun,
            urut: u32::try_from(m.urut).map_err(|_| rusak("urut"))?,
        },
        hash_kode: m.hash_kode.clone(),
        data: DataPengaduan {
            nama: m.nama.clone(),
            email: m.email.clone(),
            kategori: KategoriPengaduan::dari_kode(&m.kategori).ok_or_else(|| rusak("kategori"))?,
            uraian: m.uraian.clone(),
            rujukan: m.rujukan.clone(),
        },
        status: StatusPengaduan::dari_kode(&m.status).ok_or_else(|| rusak("status"))?,
        tanggapan: tanggapan_dari(m.tanggapan.clone()).map_err(|_| rusak("tanggapan"))?,
        diajukan_pada: m.diajukan_pada,
        versi: m.versi,
    })
}

/// An answer as kept in the JSON column.
#[derive(serde::Serialize, serde::Deserialize)]
struct TanggapanDb {
    isi: String,
    status: String,
    pada: chrono::DateTime<chrono::Utc>,
    oleh: String,
}

fn tanggapan_dari(v: sea_orm::JsonValue) -> Result<Vec<Tanggapan>, InfraError> {
    let daftar: Vec<TanggapanDb> = peta::json("pengaduan", v)?;
    daftar
        .into_iter()
        .map(|t| {
            Ok(Tanggapan {
                isi: t.isi,
                status: StatusPengaduan::dari_kode(&t.status)
                    .ok_or_else(|| InfraError::new("status tanggapan"))?,
                pada: t.pada,
                oleh: peta::id("pengaduan", &t.oleh)?,
            })
        })
        .collect()
}

fn ke(p: &Pengaduan) -> Result<pengaduan::Model, InfraError> {
    let tanggapan: Vec<TanggapanDb> = p
        .tanggapan
        .iter()
        .map(|t| TanggapanDb {
            isi: t.isi.clone(),
            status: t.status.kode().into(),
            pada: t.pada,
            oleh: t.oleh.to_string(),
        })
        .collect();
    Ok(pengaduan::Model {
        id: p.id.to_string(),
        versi: p.versi + 1,
        tahun: p.nomor.tahun,
        urut: i32::try_from(p.nomor.urut).map_err(InfraError::new)?,
        hash_kode: p.hash_kode.clone(),
        nama: p.data.nama.clone(),
        email: p.data.email.clone(),
        kategori: p.data.kategori.kode().into(),
        uraian: p.data.uraian.clone(),
        rujukan: p.data.rujukan.clone(),
        status: p.status.kode().into(),
        tanggapan: peta::ke_json(&tanggapan)?,
        diajukan_pada: p.diajukan_pada,
    })
}

#[async_trait::async_trait]
impl PengaduanRepo for Store {
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaPengaduan>, InfraError> {
        Ok(Box::new(self.transaksi().await?))
    }

    async fn dengan_nomor(&self, nomor: NomorPengaduan) -> Result<Option<Pengaduan>, InfraError> {
        let urut = i32::try_from(nomor.urut).map_err(InfraError::new)?;
        pengaduan::Entity::find()
            .filter(pengaduan::Column::Tahun.eq(nomor.tahun))
            .filter(pengaduan::Column::Urut.eq(urut))
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(dari)
            .transpose()
    }

    async fn pengaduan(&self, id: PengaduanId) -> Result<Option<Pengaduan>, InfraError> {
        pengaduan::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(dari)
            .transpose()
    }

    async fn daftar(
        &self,
        status: Option<StatusPengaduan>,
        j: &JendelaAntrian,
    ) -> Result<(Vec<Pengaduan>, u64), InfraError> {
        let (q, sumber) = match status {
            Some(s) => (
                pengaduan::Entity::find().filter(pengaduan::Column::Status.eq(s.kode())),
                format!("pengaduan:{}", s.kode()),
            ),
            // Word for word the predicate of the partial index `pengaduan_terbuka`.
            None => (
                pengaduan::Entity::find().filter(Expr::cust("status IN ('baru', 'diproses')")),
                "pengaduan:terbuka".to_string(),
            ),
        };
        let (baris, total) = self
            .jendela(
                &sumber,
                q,
                pengaduan::Column::DiajukanPada,
                pengaduan::Column::Id,
                j,
            )
            .await?;
        Ok((
            baris.into_iter().map(dari).collect::<Result<_, _>>()?,
            total,
        ))
    }
}

#[async_trait::async_trait]
impl UnitKerjaPengaduan for Transaksi {
    async fn urut_berikutnya(&mut self, tahun: i32) -> Result<u32, GagalSimpan> {
        let terpakai = crate::penghitung::terbesar("pengaduan", "urut")
            .and_where(pengaduan::Column::Tahun.eq(tahun))
            .to_owned();
        let n = crate::penghitung::naikkan(&self.txn, &format!("pengaduan-{tahun}"), terpakai)
            .await
            .map_err(gagal)?;
        u32::try_from(n).map_err(|e| InfraError::new(e).into())
    }

    async fn simpan(&mut self, p: &Pengaduan) -> Result<(), GagalSimpan> {
        self.antrian_berubah = true;
        simpan_berversi::<pengaduan::Entity>(
            &self.txn,
            ke(p)?.into_active_model().reset_all(),
            pengaduan::Column::Id,
            p.id.to_string(),
            pengaduan::Column::Versi,
            p.versi,
        )
        .await
    }

    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        self.email(p).await
    }

    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        self.audit(e).await
    }

    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        self.selesai().await
    }
}
