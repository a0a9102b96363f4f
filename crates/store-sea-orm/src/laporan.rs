//! The report ports on sea-orm: configurations, and the systems in scope with their names.

use crate::entitas::{laporan as tabel, sistem, unit, wilayah};
use crate::registrasi::{gagal, simpan_berversi};
use crate::{Store, infra, peta};
use ::laporan::model::{FilterLaporan, Kolom, KonfigurasiLaporan, RekamLaporan, SistemLaporan};
use ::laporan::ports::LaporanRepo;
use pse_kernel::{AkunId, AuditEvent, GagalSimpan, InfraError, Kursor, LaporanId, Lingkup};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;

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
        let instansi = self
            .instansi_bernama(baris.iter().map(|b| b.instansi_id().to_string()).collect())
            .await?;
        let daftar = baris
            .into_iter()
            .map(|b| {
                let (nama, provinsi) = instansi.get(b.instansi_id()).cloned().unwrap_or_default();
                Ok(sistem_elektronik::ports::SistemBernama {
                    sistem: b.sistem()?,
                    instansi: nama,
                    provinsi,
                })
            })
            .collect::<Result<Vec<_>, InfraError>>()?;
        let nama_unit: HashMap<String, String> = unit::Entity::find()
            .filter(
                unit::Column::Id.is_in(
                    daftar
                        .iter()
                        .filter_map(|x| x.sistem.unit_id.map(|u| u.to_string())),
                ),
            )
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(|u| (u.id, u.nama))
            .collect();
        let nama_provinsi: HashMap<String, String> = wilayah::Entity::find()
            .filter(wilayah::Column::Kode.is_in(daftar.iter().filter_map(|x| x.provinsi.clone())))
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(|w| (w.kode, w.nama))
            .collect();
        Ok(daftar
            .into_iter()
            .map(|x| SistemLaporan {
                unit: x
                    .sistem
                    .unit_id
                    .and_then(|u| nama_unit.get(&u.to_string()).cloned()),
                provinsi: x.provinsi.and_then(|p| nama_provinsi.get(&p).cloned()),
                instansi: x.instansi,
                sistem: x.sistem,
            })
            .collect())
    }
}
