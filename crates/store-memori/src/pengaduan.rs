//! The complaints' ports ([`PengaduanRepo`], [`UnitKerjaPengaduan`]) in memory, on the same unit
//! of work as the rest: a number another complaint holds breaks the unique rule at commit.

use crate::{StoreMemori, UnitKerjaMemori, jendela};
use layanan::pengaduan::{NomorPengaduan, Pengaduan, StatusPengaduan};
use layanan::ports::{PengaduanRepo, UnitKerjaPengaduan};
use pse_kernel::{AuditEvent, GagalSimpan, InfraError, JendelaAntrian, PengaduanId, PesanEmail};
use sistem_elektronik::ports::UnitKerjaSe;

#[async_trait::async_trait]
impl PengaduanRepo for StoreMemori {
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaPengaduan>, InfraError> {
        Ok(Box::new(UnitKerjaMemori::baru(self.clone())))
    }

    async fn dengan_nomor(&self, nomor: NomorPengaduan) -> Result<Option<Pengaduan>, InfraError> {
        Ok(self
            .isi()
            .pengaduan
            .values()
            .find(|p| p.nomor == nomor)
            .cloned())
    }

    async fn pengaduan(&self, id: PengaduanId) -> Result<Option<Pengaduan>, InfraError> {
        Ok(self.isi().pengaduan.get(&id).cloned())
    }

    async fn daftar(
        &self,
        status: Option<StatusPengaduan>,
        j: &JendelaAntrian,
    ) -> Result<(Vec<Pengaduan>, u64), InfraError> {
        let mut v: Vec<Pengaduan> = self
            .isi()
            .pengaduan
            .values()
            .filter(|p| status.map_or(p.status.terbuka(), |s| p.status == s))
            .cloned()
            .collect();
        v.sort_by_key(|p| (p.diajukan_pada, p.id.to_string()));
        Ok(jendela(v, j, |p| (p.diajukan_pada, p.id.to_string())))
    }
}

#[async_trait::async_trait]
impl UnitKerjaPengaduan for UnitKerjaMemori {
    async fn urut_berikutnya(&mut self, tahun: i32) -> Result<u32, GagalSimpan> {
        Ok(self
            .store
            .isi()
            .pengaduan
            .values()
            .filter(|p| p.nomor.tahun == tahun)
            .map(|p| p.nomor.urut)
            .max()
            .unwrap_or(0)
            + 1)
    }

    async fn simpan(&mut self, p: &Pengaduan) -> Result<(), GagalSimpan> {
        self.pengaduan.push(p.clone());
        Ok(())
    }

    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        UnitKerjaSe::kirim_email(self, p).await
    }

    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        UnitKerjaSe::catat_audit(self, e).await
    }

    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        self.terapkan()
    }
}
