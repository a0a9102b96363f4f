//! The change request ports on sea-orm.

use crate::entitas::perubahan;
use crate::registrasi::{Transaksi, simpan_berversi};
use crate::{Store, infra, peta};
use perubahan_data::model::{PermohonanPerubahan, RekamPerubahan, StatusPerubahan};
use perubahan_data::ports::{PerubahanRepo, UnitKerjaPerubahan};
use pse_kernel::{
    AuditEvent, GagalSimpan, InfraError, JendelaAntrian, Lingkup, PerubahanId, PesanEmail, SistemId,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, QueryOrder, Select,
};
use sistem_elektronik::model::SistemElektronik;

fn dari(m: perubahan::Model) -> Result<PermohonanPerubahan, InfraError> {
    Ok(PermohonanPerubahan::pulihkan(RekamPerubahan {
        id: peta::id("perubahan", &m.id)?,
        versi: m.versi,
        sistem_id: peta::id("perubahan", &m.sistem_id)?,
        nama_sistem: m.nama_sistem,
        instansi_id: peta::id("perubahan", &m.instansi_id)?,
        unit_id: m
            .unit_id
            .as_deref()
            .map(|s| peta::id("perubahan", s))
            .transpose()?,
        pemohon: peta::id("perubahan", &m.pemohon)?,
        status: StatusPerubahan::parse(&m.status)
            .ok_or_else(|| InfraError::new(format!("status perubahan {}", m.status)))?,
        alasan: m.alasan,
        penolakan: m
            .penolakan
            .map(|v| peta::json("perubahan", v))
            .transpose()?,
        sebelum: m.sebelum.map(|v| peta::json("perubahan", v)).transpose()?,
        perbedaan: peta::json("perubahan", m.perbedaan)?,
        diajukan_pada: m.diajukan_pada,
        diputus_pada: m.diputus_pada,
        selesai_pada: m.selesai_pada,
    }))
}

fn ke(p: &PermohonanPerubahan) -> Result<perubahan::Model, InfraError> {
    Ok(perubahan::Model {
        id: p.id.to_string(),
        versi: p.versi + 1,
        sistem_id: p.sistem_id.to_string(),
        nama_sistem: p.nama_sistem.clone(),
        instansi_id: p.instansi_id.to_string(),
        unit_id: p.unit_id.map(|u| u.to_string()),
        pemohon: p.pemohon.to_string(),
        status: p.status.kode().into(),
        alasan: p.alasan.clone(),
        penolakan: p.penolakan.as_ref().map(peta::ke_json).transpose()?,
        sebelum: p.sebelum.as_ref().map(peta::ke_json).transpose()?,
        perbedaan: peta::ke_json(&p.perbedaan)?,
        diajukan_pada: p.diajukan_pada,
        diputus_pada: p.diputus_pada,
        selesai_pada: p.selesai_pada,
    })
}

impl Store {
    async fn semua_perubahan(
        &self,
        q: Select<perubahan::Entity>,
    ) -> Result<Vec<PermohonanPerubahan>, InfraError> {
        q.all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(dari)
            .collect()
    }
}

#[async_trait::async_trait]
impl PerubahanRepo for Store {
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaPerubahan>, InfraError> {
        Ok(Box::new(self.transaksi().await?))
    }

    async fn perubahan(&self, id: PerubahanId) -> Result<Option<PermohonanPerubahan>, InfraError> {
        perubahan::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(dari)
            .transpose()
    }

    async fn terbuka_untuk(
        &self,
        sistem: SistemId,
    ) -> Result<Option<PermohonanPerubahan>, InfraError> {
        let terbuka = StatusPerubahan::SEMUA
            .into_iter()
            .filter(|s| s.terbuka())
            .map(StatusPerubahan::kode);
        perubahan::Entity::find()
            .filter(perubahan::Column::SistemId.eq(sistem.to_string()))
            .filter(perubahan::Column::Status.is_in(terbuka))
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(dari)
            .transpose()
    }

    async fn daftar(&self, lingkup: Lingkup) -> Result<Vec<PermohonanPerubahan>, InfraError> {
        let mut q = perubahan::Entity::find();
        match lingkup {
            Lingkup::Semua => {}
            Lingkup::Instansi(i) => {
                q = q.filter(perubahan::Column::InstansiId.eq(i.to_string()));
            }
            Lingkup::Unit(i, u) => {
                q = q
                    .filter(perubahan::Column::InstansiId.eq(i.to_string()))
                    .filter(perubahan::Column::UnitId.eq(u.to_string()));
            }
        }
        self.semua_perubahan(q.order_by_desc(perubahan::Column::DiajukanPada))
            .await
    }

    async fn untuk_sistem(&self, sistem: SistemId) -> Result<Vec<PermohonanPerubahan>, InfraError> {
        self.semua_perubahan(
            perubahan::Entity::find()
                .filter(perubahan::Column::SistemId.eq(sistem.to_string()))
                .order_by_desc(perubahan::Column::DiajukanPada),
        )
        .await
    }

    async fn antrian(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<PermohonanPerubahan>, u64), InfraError> {
        let (baris, total) = self
            .jendela(
                "perubahan",
                perubahan::Entity::find()
                    .filter(perubahan::Column::Status.eq(StatusPerubahan::Terkirim.kode())),
                perubahan::Column::DiajukanPada,
                perubahan::Column::Id,
                j,
            )
            .await?;
        let daftar = baris.into_iter().map(dari).collect::<Result<_, _>>()?;
        Ok((daftar, total))
    }
}

#[async_trait::async_trait]
impl UnitKerjaPerubahan for Transaksi {
    async fn simpan_perubahan(&mut self, p: &PermohonanPerubahan) -> Result<(), GagalSimpan> {
        self.antrian_berubah = true;
        simpan_berversi::<perubahan::Entity>(
            &self.txn,
            ke(p)?.into_active_model().reset_all(),
            perubahan::Column::Id,
            p.id.to_string(),
            perubahan::Column::Versi,
            p.versi,
        )
        .await
    }

    async fn simpan_sistem(&mut self, s: &SistemElektronik) -> Result<(), GagalSimpan> {
        self.sistem(s).await
    }

    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        self.audit(e).await
    }

    async fn undang_survei(&mut self, u: &pse_kernel::UndanganSurvei) -> Result<(), GagalSimpan> {
        self.survei(u).await
    }

    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        self.email(p).await
    }

    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        self.selesai().await
    }
}
