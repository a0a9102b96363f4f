//! The system registration ports on sea-orm.

use crate::entitas::{akun, instansi, sistem, unit};
use crate::registrasi::{Transaksi, gagal, simpan_berversi};
use crate::{Store, infra, peta};
use pse_kernel::{
    AkunId, AuditEvent, GagalSimpan, Halaman, InfraError, InstansiId, PesanEmail, SistemId,
    UKURAN_HALAMAN, UnitId,
};
use sea_orm::sea_query::{Expr, Func};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};
use sistem_elektronik::model::{RekamSistem, SistemElektronik, StatusSistem};
use sistem_elektronik::ports::{CariPublik, SistemBernama, SistemRepo, UnitKerjaSe};
use std::collections::HashMap;

pub(crate) fn dari(m: sistem::Model) -> Result<SistemElektronik, InfraError> {
    Ok(SistemElektronik::pulihkan(RekamSistem {
        id: peta::id("sistem", &m.id)?,
        versi: m.versi,
        instansi_id: peta::id("sistem", &m.instansi_id)?,
        unit_id: m
            .unit_id
            .as_deref()
            .map(|s| peta::id("sistem", s))
            .transpose()?,
        pendaftar: peta::id("sistem", &m.pendaftar)?,
        status: StatusSistem::parse(&m.status)
            .ok_or_else(|| InfraError(format!("status sistem {}", m.status)))?,
        data_awal: peta::json("sistem", m.data_awal)?,
        bagian: peta::json("sistem", m.bagian)?,
        draf: peta::json("sistem", m.draf)?,
        dokumen: peta::json("sistem", m.dokumen)?,
        penilaian: m.penilaian.map(|v| peta::json("sistem", v)).transpose()?,
        pengembalian: m
            .pengembalian
            .map(|v| peta::json("sistem", v))
            .transpose()?,
        tanda_daftar: m
            .tanda_daftar
            .map(|v| peta::json("sistem", v))
            .transpose()?,
        dibuat_pada: m.dibuat_pada,
        masuk_antrian_pada: m.masuk_antrian_pada,
    }))
}

fn ke(s: &SistemElektronik, versi: i64) -> Result<sistem::Model, InfraError> {
    let d = &s.data_awal;
    Ok(sistem::Model {
        id: s.id.to_string(),
        versi,
        instansi_id: s.instansi_id.to_string(),
        unit_id: s.unit_id.map(|u| u.to_string()),
        pendaftar: s.pendaftar.to_string(),
        status: s.status.kode().into(),
        nama_eksternal: d.nama_eksternal.clone(),
        kunci_nama: format!("{} {}", d.nama_eksternal, d.nama_internal).to_lowercase(),
        kategori: s.kategori_berlaku().kode().into(),
        publikasi: d.publikasi_spbe,
        nomor_tanda_daftar: s
            .tanda_daftar
            .as_ref()
            .map(|t| i64::try_from(t.nomor).unwrap_or(i64::MAX)),
        data_awal: peta::ke_json(&s.data_awal)?,
        bagian: peta::ke_json(&s.bagian)?,
        draf: peta::ke_json(&s.draf)?,
        dokumen: peta::ke_json(&s.dokumen)?,
        penilaian: s.penilaian.as_ref().map(peta::ke_json).transpose()?,
        pengembalian: s.pengembalian.as_ref().map(peta::ke_json).transpose()?,
        tanda_daftar: s.tanda_daftar.as_ref().map(peta::ke_json).transpose()?,
        dibuat_pada: s.dibuat_pada,
        masuk_antrian_pada: s.masuk_antrian_pada,
    })
}

impl Transaksi {
    /// Saves a system, version-checked (shared by every unit of work that moves one).
    pub(crate) async fn sistem(&self, s: &SistemElektronik) -> Result<(), GagalSimpan> {
        simpan_berversi::<sistem::Entity>(
            &self.txn,
            ke(s, s.versi + 1)?.into_active_model().reset_all(),
            sistem::Column::Id,
            s.id.to_string(),
            sistem::Column::Versi,
            s.versi,
        )
        .await
    }
}

#[async_trait::async_trait]
impl UnitKerjaSe for Transaksi {
    async fn simpan_sistem(&mut self, s: &SistemElektronik) -> Result<(), GagalSimpan> {
        self.sistem(s).await
    }

    async fn nomor_tanda_daftar_berikutnya(&mut self) -> Result<u64, GagalSimpan> {
        let maks: Option<Option<i64>> = sistem::Entity::find()
            .select_only()
            .column_as(
                Expr::from(Func::max(Expr::col(sistem::Column::NomorTandaDaftar))),
                "maks",
            )
            .into_tuple()
            .one(&self.txn)
            .await
            .map_err(gagal)?;
        Ok(u64::try_from(maks.flatten().unwrap_or(0)).unwrap_or(0) + 1)
    }

    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        self.audit(e).await
    }

    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        self.email(p).await
    }

    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        self.txn.commit().await.map_err(gagal)
    }
}

impl Store {
    /// Systems with their instansi's name and province code.
    pub(crate) async fn bernama(
        &self,
        daftar: Vec<sistem::Model>,
    ) -> Result<Vec<SistemBernama>, InfraError> {
        let ids: Vec<String> = daftar.iter().map(|m| m.instansi_id.clone()).collect();
        let instansi: HashMap<String, (String, Option<String>)> = instansi::Entity::find()
            .filter(instansi::Column::Id.is_in(ids))
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(|i| (i.id, (i.nama, i.provinsi)))
            .collect();
        daftar
            .into_iter()
            .map(|m| {
                let (nama, provinsi) = instansi.get(&m.instansi_id).cloned().unwrap_or_default();
                Ok(SistemBernama {
                    sistem: dari(m)?,
                    instansi: nama,
                    provinsi,
                })
            })
            .collect()
    }
}

#[async_trait::async_trait]
impl SistemRepo for Store {
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaSe>, InfraError> {
        Ok(Box::new(self.transaksi().await?))
    }

    async fn sistem(&self, id: SistemId) -> Result<Option<SistemElektronik>, InfraError> {
        sistem::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(dari)
            .transpose()
    }

    async fn sistem_instansi(
        &self,
        instansi_id: InstansiId,
        unit_id: Option<UnitId>,
    ) -> Result<Vec<SistemElektronik>, InfraError> {
        let mut q =
            sistem::Entity::find().filter(sistem::Column::InstansiId.eq(instansi_id.to_string()));
        if let Some(u) = unit_id {
            q = q.filter(sistem::Column::UnitId.eq(u.to_string()));
        }
        q.order_by_desc(sistem::Column::DibuatPada)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(dari)
            .collect()
    }

    async fn antrian(&self) -> Result<Vec<SistemBernama>, InfraError> {
        let daftar = sistem::Entity::find()
            .filter(sistem::Column::Status.is_in([
                StatusSistem::DataAwalDiajukan.kode(),
                StatusSistem::Diajukan.kode(),
            ]))
            .order_by_asc(sistem::Column::MasukAntrianPada)
            .all(&self.db)
            .await
            .map_err(infra)?;
        self.bernama(daftar).await
    }

    async fn cari_publik(&self, c: &CariPublik) -> Result<Halaman<SistemBernama>, InfraError> {
        let mut q = sistem::Entity::find()
            .filter(sistem::Column::Status.is_in([
                StatusSistem::Terdaftar.kode(),
                StatusSistem::DalamPerubahan.kode(),
            ]))
            .filter(sistem::Column::Publikasi.eq(true));
        let kata = c.q.trim().to_lowercase();
        if !kata.is_empty() {
            q = q.filter(sistem::Column::KunciNama.contains(&kata));
        }
        if let Some(i) = c.instansi {
            q = q.filter(sistem::Column::InstansiId.eq(i.to_string()));
        }
        if let Some(k) = c.kategori.as_deref().filter(|k| !k.is_empty()) {
            q = q.filter(sistem::Column::Kategori.eq(k));
        }
        if let Some(p) = c.provinsi.as_deref().filter(|p| !p.is_empty()) {
            let ids: Vec<String> = instansi::Entity::find()
                .filter(instansi::Column::Provinsi.eq(p))
                .select_only()
                .column(instansi::Column::Id)
                .into_tuple()
                .all(&self.db)
                .await
                .map_err(infra)?;
            q = q.filter(sistem::Column::InstansiId.is_in(ids));
        }
        let page = c.page.max(1);
        let pager = q
            .order_by_asc(sistem::Column::NamaEksternal)
            .paginate(&self.db, UKURAN_HALAMAN);
        let total = pager.num_items().await.map_err(infra)?;
        let daftar = pager.fetch_page(page - 1).await.map_err(infra)?;
        Ok(Halaman {
            items: self.bernama(daftar).await?,
            total,
            page,
        })
    }

    async fn dengan_tanda_daftar(&self, nomor: u64) -> Result<Option<SistemBernama>, InfraError> {
        let Ok(n) = i64::try_from(nomor) else {
            return Ok(None);
        };
        let daftar = sistem::Entity::find()
            .filter(sistem::Column::NomorTandaDaftar.eq(n))
            .all(&self.db)
            .await
            .map_err(infra)?;
        Ok(self.bernama(daftar).await?.into_iter().next())
    }

    async fn unit_milik(
        &self,
        instansi_id: InstansiId,
        unit_id: UnitId,
    ) -> Result<bool, InfraError> {
        Ok(unit::Entity::find_by_id(unit_id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .is_some_and(|u| u.instansi_id == instansi_id.to_string()))
    }

    async fn kontak_akun(&self, akun_id: AkunId) -> Result<Option<(String, String)>, InfraError> {
        Ok(akun::Entity::find_by_id(akun_id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(|a| (a.email, a.nama)))
    }

    async fn nama_instansi(&self, instansi_id: InstansiId) -> Result<Option<String>, InfraError> {
        Ok(instansi::Entity::find_by_id(instansi_id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(|i| i.nama))
    }
}
