//! The report ports on sea-orm: configurations, and the systems in scope with their names.

use crate::entitas::{laporan as tabel, sistem};
use crate::registrasi::{gagal, simpan_berversi};
use crate::{Store, infra, peta};
use ::laporan::model::{FilterLaporan, Kolom, KonfigurasiLaporan, RekamLaporan, SistemLaporan};
use ::laporan::ports::LaporanRepo;
use pse_kernel::{AkunId, AuditEvent, GagalSimpan, InfraError, Kursor, LaporanId, Lingkup};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseBackend, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect,
};
use sistem_elektronik::model::{KategoriSe, StatusSistem};

fn dari(m: tabel::Model) -> Result<KonfigurasiLaporan, InfraError> {
    Ok(KonfigurasiLaporan::pulihkan(RekamLaporan {
        id: peta::id("laporan", &m.id)?,
        versi: m.versi,
        pemilik: peta::id("laporan", &m.pemilik)?,
        nama: m.nama,
        kolom: peta::json("laporan", m.kolom)?,
        filter: peta::json("laporan", m.filter)?,
        urutan: m.urutan.as_deref().and_then(Kolom::parse),
        dibuat_pada: m.dibuat_pada,
        diubah_pada: m.diubah_pada,
    }))
}

fn ke(k: &KonfigurasiLaporan) -> Result<tabel::Model, InfraError> {
    Ok(tabel::Model {
        id: k.id.to_string(),
        versi: k.versi + 1,
        pemilik: k.pemilik.to_string(),
        nama: k.nama.clone(),
        kolom: peta::ke_json(&k.kolom)?,
        filter: peta::ke_json(&k.filter)?,
        urutan: k.urutan.map(|u| u.kode().to_string()),
        dibuat_pada: k.dibuat_pada,
        diubah_pada: k.diubah_pada,
    })
}

#[async_trait::async_trait]
impl LaporanRepo for Store {
    async fn konfigurasi(&self, id: LaporanId) -> Result<Option<KonfigurasiLaporan>, InfraError> {
        tabel::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(dari)
            .transpose()
    }

    async fn milik(&self, pemilik: AkunId) -> Result<Vec<KonfigurasiLaporan>, InfraError> {
        tabel::Entity::find()
            .filter(tabel::Column::Pemilik.eq(pemilik.to_string()))
            .order_by_desc(tabel::Column::DibuatPada)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(dari)
            .collect()
    }

    async fn simpan(&self, k: &KonfigurasiLaporan, audit: &AuditEvent) -> Result<(), GagalSimpan> {
        let t = self.transaksi().await?;
        simpan_berversi::<tabel::Entity>(
            &t.txn,
            ke(k)?.into_active_model().reset_all(),
            tabel::Column::Id,
            k.id.to_string(),
            tabel::Column::Versi,
            k.versi,
        )
        .await?;
        t.audit(audit).await?;
        t.selesai().await
    }

    async fn hapus(&self, id: LaporanId, audit: &AuditEvent) -> Result<(), GagalSimpan> {
        let t = self.transaksi().await?;
        tabel::Entity::delete_by_id(id.to_string())
            .exec(&t.txn)
            .await
            .map_err(gagal)?;
        t.audit(audit).await?;
        t.selesai().await
    }

    async fn sistem(
        &self,
        lingkup: Lingkup,
        filter: &FilterLaporan,
        setelah: Option<&Kursor>,
        batas: u64,
    ) -> Result<Vec<SistemLaporan>, InfraError> {
        let mut q = sistem::Entity::find();
        match lingkup {
            Lingkup::Semua => {}
            Lingkup::Instansi(i) => q = q.filter(sistem::Column::InstansiId.eq(i.to_string())),
            Lingkup::Unit(i, u) => {
                q = q
                    .filter(sistem::Column::InstansiId.eq(i.to_string()))
                    .filter(sistem::Column::UnitId.eq(u.to_string()));
            }
        }
        if let Some(s) = filter.status {
            q = q.filter(sistem::Column::Status.eq(s.kode()));
        }
        if let Some(k) = filter.kategori {
            q = q.filter(sistem::Column::Kategori.eq(k.kode()));
        }
        if let Some(i) = filter.instansi_id {
            q = q.filter(sistem::Column::InstansiId.eq(i.to_string()));
        }
        if let Some(p) = &filter.provinsi {
            q = q.filter(crate::sistem::di_provinsi(p));
        }
        if let Some(k) = setelah {
            q = q.filter(crate::sistem::setelah_nama(k));
        }
        let backend = self.db.get_database_backend();
        let baris = kolom_laporan(q, backend)
            .order_by_asc(sistem::Column::NamaEksternal)
            .order_by_asc(sistem::Column::Id)
            .limit(batas)
            .into_model::<BarisDb>()
            .all(&self.db)
            .await
            .map_err(infra)?;
        baris.into_iter().map(BarisDb::sistem).collect()
    }
}

/// A report row as the statement returns it: plain columns, the few JSON fields a report shows
/// extracted by the database, and the names looked up in the same statement (one round trip a
/// batch, no aggregate parsed).
#[derive(sea_orm::FromQueryResult)]
struct BarisDb {
    id: String,
    nama_eksternal: String,
    status: String,
    kategori: String,
    progres: i32,
    nomor_tanda_daftar: Option<i64>,
    nama_internal: Option<String>,
    kategori_akses: Option<String>,
    sasaran_pelayanan: Option<String>,
    url: Option<String>,
    lokasi_hosting: Option<String>,
    penanggung_jawab: Option<String>,
    tanggal_terbit: Option<String>,
    nama_instansi: Option<String>,
    nama_provinsi: Option<String>,
    nama_unit: Option<String>,
}

/// `kolom -> k1 -> … ->> kn` as text, in the back end's dialect.
fn json_teks(backend: DatabaseBackend, kolom: &str, jalur: &[&str]) -> String {
    match backend {
        DatabaseBackend::Sqlite => {
            let jalur: String = jalur.iter().map(|k| format!(".\"{k}\"")).collect();
            format!("json_extract({kolom}, '${jalur}')")
        }
        _ => {
            let (akhir, awal) = jalur.split_last().unwrap_or((&"", &[]));
            let awal: String = awal.iter().map(|k| format!(" -> '{k}'")).collect();
            format!("({kolom}{awal} ->> '{akhir}')")
        }
    }
}

fn kolom_laporan(
    q: sea_orm::Select<sistem::Entity>,
    backend: DatabaseBackend,
) -> sea_orm::Select<sistem::Entity> {
    use sistem::Column as C;
    let mut q = q.select_only().columns([
        C::Id,
        C::NamaEksternal,
        C::Status,
        C::Kategori,
        C::Progres,
        C::NomorTandaDaftar,
    ]);
    let json = [
        ("data_awal", &["nama_internal"][..], "nama_internal"),
        ("data_awal", &["kategori_akses"], "kategori_akses"),
        ("data_awal", &["sasaran_pelayanan"], "sasaran_pelayanan"),
        ("data_awal", &["url"], "url"),
        (
            "bagian",
            &["perangkat-keras", "lokasi_hosting"],
            "lokasi_hosting",
        ),
        ("bagian", &["penanggung-jawab", "nama"], "penanggung_jawab"),
        ("tanda_daftar", &["tanggal_terbit"], "tanggal_terbit"),
    ];
    for (kolom, jalur, nama) in json {
        q = q.column_as(Expr::cust(json_teks(backend, kolom, jalur)), nama);
    }
    for (sql, nama) in [
        (
            "(SELECT i.nama FROM instansi i WHERE i.id = sistem_elektronik.instansi_id)",
            "nama_instansi",
        ),
        (
            "(SELECT w.nama FROM instansi i JOIN wilayah w ON w.kode = i.provinsi \
             WHERE i.id = sistem_elektronik.instansi_id)",
            "nama_provinsi",
        ),
        (
            "(SELECT u.nama FROM unit_organisasi u WHERE u.id = sistem_elektronik.unit_id)",
            "nama_unit",
        ),
    ] {
        q = q.column_as(Expr::cust(sql), nama);
    }
    q
}

impl BarisDb {
    fn sistem(self) -> Result<SistemLaporan, InfraError> {
        let rusak = |apa: &str| InfraError::new(format!("baris laporan {}: {apa}", self.id));
        let tanda_daftar = match (self.nomor_tanda_daftar, &self.tanggal_terbit) {
            (Some(n), Some(t)) => Some((
                u64::try_from(n).map_err(|_| rusak("nomor tanda daftar"))?,
                chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
                    .map_err(|_| rusak("tanggal terbit"))?,
            )),
            _ => None,
        };
        Ok(SistemLaporan {
            id: peta::id("sistem", &self.id)?,
            status: StatusSistem::parse(&self.status).ok_or_else(|| rusak("status"))?,
            kategori: KategoriSe::parse(&self.kategori).ok_or_else(|| rusak("kategori"))?,
            progres: u32::try_from(self.progres).unwrap_or(0),
            nama_internal: self.nama_internal.unwrap_or_default(),
            nama_eksternal: self.nama_eksternal,
            instansi: self.nama_instansi.unwrap_or_default(),
            unit: self.nama_unit,
            provinsi: self.nama_provinsi,
            kategori_akses: self.kategori_akses.unwrap_or_default(),
            sasaran_pelayanan: self.sasaran_pelayanan.unwrap_or_default(),
            url: self.url,
            lokasi_hosting: self.lokasi_hosting,
            penanggung_jawab: self.penanggung_jawab,
            tanda_daftar,
        })
    }
}
