//! The report ports on sea-orm: configurations, and the systems in scope with their names.

use crate::entitas::{laporan as tabel, sistem};
use crate::registrasi::{gagal, simpan_berversi};
use crate::sistem::BarisTeks;
use crate::{Store, infra, peta};
use ::laporan::model::{FilterLaporan, Kolom, KonfigurasiLaporan, RekamLaporan, SistemLaporan};
use ::laporan::ports::LaporanRepo;
use pse_kernel::{AkunId, AuditEvent, GagalSimpan, InfraError, Kursor, LaporanId, Lingkup};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect,
};

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
        let baris = crate::sistem::sebagai_teks(
            q.order_by_asc(sistem::Column::NamaEksternal)
                .order_by_asc(sistem::Column::Id)
                .limit(batas),
        )
        .all(&self.db)
        .await
        .map_err(infra)?;
        // Parsed on blocking threads, so the report's writer goes on with the batch before.
        tokio::task::spawn_blocking(move || urai_paralel(baris))
            .await
            .map_err(|_| InfraError::new("penguraian baris laporan berhenti"))?
    }
}

/// Parses a batch's JSON in two halves at once (the report's slowest step), keeping the order.
fn urai_paralel(mut baris: Vec<BarisTeks>) -> Result<Vec<SistemLaporan>, InfraError> {
    let urai = |b: Vec<BarisTeks>| {
        b.into_iter()
            .map(|b| {
                let (instansi, unit, provinsi) = (
                    b.nama_instansi.clone().unwrap_or_default(),
                    b.nama_unit.clone(),
                    b.nama_provinsi.clone(),
                );
                Ok(SistemLaporan {
                    sistem: b.sistem()?,
                    instansi,
                    unit,
                    provinsi,
                })
            })
            .collect::<Result<Vec<_>, InfraError>>()
    };
    let kedua = baris.split_off(baris.len() / 2);
    std::thread::scope(|s| {
        let lain = s.spawn(|| urai(kedua));
        let mut hasil = urai(baris)?;
        hasil.extend(
            lain.join()
                .map_err(|_| InfraError::new("penguraian baris laporan berhenti"))??,
        );
        Ok(hasil)
    })
}
