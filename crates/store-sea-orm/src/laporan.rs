//! The report ports on sea-orm: configurations, and the systems in scope with their names.

use crate::entitas::{laporan as tabel, sistem};
use crate::registrasi::{gagal, simpan_berversi};
use crate::{Store, infra, peta};
use ::laporan::model::{FilterLaporan, Kolom, KonfigurasiLaporan, RekamLaporan, SistemLaporan};
use ::laporan::ports::LaporanRepo;
use pse_kernel::{AkunId, AuditEvent, GagalSimpan, InfraError, Kursor, LaporanId, Lingkup};
use sea_orm::sea_query::{Alias, Expr, ExprTrait as _};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect,
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
        let baris = kolom_laporan(q)
            .order_by_asc(sistem::Column::NamaEksternal)
            .order_by_asc(sistem::Column::Id)
            .limit(batas)
            .into_model::<BarisDb>()
            .all(&self.db)
            .await
            .map_err(infra)?;
        // Parsed off the async workers, so the report's writer goes on with the batch before.
        tokio::task::spawn_blocking(move || baris.into_iter().map(BarisDb::sistem).collect())
            .await
            .map_err(|_| InfraError::new("penguraian baris laporan berhenti"))?
    }
}

/// A report row as the statement returns it: plain columns, the three JSON columns a report reads
/// as text (parsed into the few fields it shows, never into the aggregate; extracting them in SQL
/// costs PostgreSQL a parse of its `json` per field), and the names joined in the same statement
/// (one round trip a batch).
#[derive(sea_orm::FromQueryResult)]
struct BarisDb {
    id: String,
    nama_eksternal: String,
    status: String,
    kategori: String,
    progres: i32,
    nomor_tanda_daftar: Option<i64>,
    data_awal: String,
    bagian: String,
    tanda_daftar: Option<String>,
    nama_instansi: Option<String>,
    nama_provinsi: Option<String>,
    nama_unit: Option<String>,
}

/// What a report reads of the Data Awal.
#[derive(serde::Deserialize)]
struct DataAwalLaporan {
    #[serde(default)]
    nama_internal: String,
    #[serde(default)]
    kategori_akses: String,
    #[serde(default)]
    sasaran_pelayanan: String,
    #[serde(default)]
    url: Option<String>,
}

/// What a report reads of the sections (the others are skipped unparsed).
#[derive(serde::Deserialize)]
struct BagianLaporan {
    #[serde(rename = "perangkat-keras", default)]
    perangkat_keras: Option<PerangkatKeras>,
    #[serde(rename = "penanggung-jawab", default)]
    penanggung_jawab: Option<PenanggungJawab>,
}

#[derive(serde::Deserialize)]
struct PerangkatKeras {
    #[serde(default)]
    lokasi_hosting: Option<String>,
}

#[derive(serde::Deserialize)]
struct PenanggungJawab {
    #[serde(default)]
    nama: Option<String>,
}

#[derive(serde::Deserialize)]
struct TandaDaftarLaporan {
    tanggal_terbit: chrono::NaiveDate,
}

fn kolom_laporan(q: sea_orm::Select<sistem::Entity>) -> sea_orm::Select<sistem::Entity> {
    use sistem::Column as C;
    let mut q = q.select_only().columns([
        C::Id,
        C::NamaEksternal,
        C::Status,
        C::Kategori,
        C::Progres,
        C::NomorTandaDaftar,
    ]);
    for (c, nama) in [
        (C::DataAwal, "data_awal"),
        (C::Bagian, "bagian"),
        (C::TandaDaftar, "tanda_daftar"),
    ] {
        q = q.column_as(Expr::col(c).cast_as(Alias::new("TEXT")), nama);
    }
    // The names by joins (PostgreSQL memoizes the repeated instansi and province lookups).
    let t = |n: &str| Alias::new(n);
    for (tabel, nama) in [
        ("instansi", "nama_instansi"),
        ("wilayah", "nama_provinsi"),
        ("unit_organisasi", "nama_unit"),
    ] {
        q = q.column_as(Expr::col((t(tabel), t("nama"))), nama);
    }
    let s = sistem::Entity;
    sea_orm::QueryTrait::query(&mut q)
        .left_join(
            t("instansi"),
            Expr::col((t("instansi"), t("id"))).equals((s, C::InstansiId)),
        )
        .left_join(
            t("wilayah"),
            Expr::col((t("wilayah"), t("kode"))).equals((t("instansi"), t("provinsi"))),
        )
        .left_join(
            t("unit_organisasi"),
            Expr::col((t("unit_organisasi"), t("id"))).equals((s, C::UnitId)),
        );
    q
}

impl BarisDb {
    fn sistem(self) -> Result<SistemLaporan, InfraError> {
        let rusak = |apa: &str| InfraError::new(format!("baris laporan {}: {apa}", self.id));
        let d: DataAwalLaporan =
            serde_json::from_str(&self.data_awal).map_err(|_| rusak("data awal"))?;
        let b: BagianLaporan = serde_json::from_str(&self.bagian).map_err(|_| rusak("bagian"))?;
        let tanda_daftar = match (self.nomor_tanda_daftar, &self.tanda_daftar) {
            (Some(n), Some(t)) => {
                let t: TandaDaftarLaporan =
                    serde_json::from_str(t).map_err(|_| rusak("tanda daftar"))?;
                Some((
                    u64::try_from(n).map_err(|_| rusak("nomor tanda daftar"))?,
                    t.tanggal_terbit,
                ))
            }
            _ => None,
        };
        Ok(SistemLaporan {
            id: peta::id("sistem", &self.id)?,
            status: StatusSistem::parse(&self.status).ok_or_else(|| rusak("status"))?,
            kategori: KategoriSe::parse(&self.kategori).ok_or_else(|| rusak("kategori"))?,
            progres: u32::try_from(self.progres).unwrap_or(0),
            nama_internal: d.nama_internal,
            nama_eksternal: self.nama_eksternal,
            instansi: self.nama_instansi.unwrap_or_default(),
            unit: self.nama_unit,
            provinsi: self.nama_provinsi,
            kategori_akses: d.kategori_akses,
            sasaran_pelayanan: d.sasaran_pelayanan,
            url: d.url,
            lokasi_hosting: b.perangkat_keras.and_then(|p| p.lokasi_hosting),
            penanggung_jawab: b.penanggung_jawab.and_then(|p| p.nama),
            tanda_daftar,
        })
    }
}
