//! The change requests' ports ([`PerubahanRepo`], [`UnitKerjaPerubahan`]) in memory, on the same
//! state and unit of work as the systems they move, so a request and its system commit together.

use crate::{StoreMemori, UnitKerjaMemori, jendela};
use perubahan_data::model::{PermohonanPerubahan, StatusPerubahan};
use perubahan_data::ports::{PerubahanRepo, UnitKerjaPerubahan};
use pse_kernel::{
    AuditEvent, GagalSimpan, InfraError, JendelaAntrian, Lingkup, PerubahanId, PesanEmail, SistemId,
};
use sistem_elektronik::model::SistemElektronik;
use sistem_elektronik::ports::UnitKerjaSe;

/// Requests, newest first.
fn terbaru_dulu(mut v: Vec<PermohonanPerubahan>) -> Vec<PermohonanPerubahan> {
    v.sort_by(|a, b| b.diajukan_pada.cmp(&a.diajukan_pada).then(b.id.cmp(&a.id)));
    v
}

#[async_trait::async_trait]
impl PerubahanRepo for StoreMemori {
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaPerubahan>, InfraError> {
        Ok(Box::new(UnitKerjaMemori::baru(self.clone())))
    }

    async fn perubahan(&self, id: PerubahanId) -> Result<Option<PermohonanPerubahan>, InfraError> {
        Ok(self.isi().perubahan.get(&id).cloned())
    }

    async fn terbuka_untuk(
        &self,
        sistem: SistemId,
    ) -> Result<Option<PermohonanPerubahan>, InfraError> {
        Ok(self
            .isi()
            .perubahan
            .values()
            .find(|p| p.sistem_id == sistem && p.status.terbuka())
            .cloned())
    }

    async fn daftar(&self, lingkup: Lingkup) -> Result<Vec<PermohonanPerubahan>, InfraError> {
        Ok(terbaru_dulu(
            self.isi()
                .perubahan
                .values()
                .filter(|p| lingkup.memuat(p.instansi_id, p.unit_id))
                .cloned()
                .collect(),
        ))
    }

    async fn untuk_sistem(&self, sistem: SistemId) -> Result<Vec<PermohonanPerubahan>, InfraError> {
        Ok(terbaru_dulu(
            self.isi()
                .perubahan
                .values()
                .filter(|p| p.sistem_id == sistem)
                .cloned()
                .collect(),
        ))
    }

    async fn antrian(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<PermohonanPerubahan>, u64), InfraError> {
        let mut v: Vec<PermohonanPerubahan> = self
            .isi()
            .perubahan
            .values()
            .filter(|p| p.status == StatusPerubahan::Terkirim)
            .cloned()
            .collect();
        v.sort_by_key(|p| (p.diajukan_pada, p.id.to_string()));
        Ok(jendela(v, j, |p| (p.diajukan_pada, p.id.to_string())))
    }
}

#[async_trait::async_trait]
impl UnitKerjaPerubahan for UnitKerjaMemori {
    async fn simpan_perubahan(&mut self, p: &PermohonanPerubahan) -> Result<(), GagalSimpan> {
        self.perubahan.push(p.clone());
        Ok(())
    }

    async fn simpan_sistem(&mut self, s: &SistemElektronik) -> Result<(), GagalSimpan> {
        UnitKerjaSe::simpan_sistem(self, s).await
    }

    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        UnitKerjaSe::catat_audit(self, e).await
    }

    async fn undang_survei(&mut self, u: &pse_kernel::UndanganSurvei) -> Result<(), GagalSimpan> {
        UnitKerjaSe::undang_survei(self, u).await
    }

    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        UnitKerjaSe::kirim_email(self, p).await
    }

    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        self.terapkan()
    }
}
