//! The pemda intake's ports ([`PermohonanDaerahRepo`], [`UnitKerjaDaerah`]) in memory, on the
//! same unit of work as the systems, so a registration and its request commit together.

use crate::{StoreMemori, UnitKerjaMemori, jendela};
use permohonan_daerah::ports::{Kantor, PermohonanDaerahRepo, Saring, UnitKerjaDaerah};
use permohonan_daerah::{PermohonanDaerah, Petugas, Tugas};
use pse_kernel::{
    AkunId, AuditEvent, GagalSimpan, InfraError, InstansiId, JendelaAntrian, PermohonanDaerahId,
    PesanEmail, UnitId,
};
use sistem_elektronik::model::SistemElektronik;
use sistem_elektronik::ports::UnitKerjaSe;

/// Whether `p` is what `saring` selects.
fn dipilih(p: &PermohonanDaerah, saring: Saring) -> bool {
    match saring {
        Saring::Instansi(i) => p.instansi_id == i,
        Saring::Pemohon(a) => p.pemohon == a,
        Saring::Menunggu(akun, tugas) => {
            let petugas = Petugas {
                akun_id: akun,
                instansi_id: p.instansi_id,
                tugas,
                nama: String::new(),
                email: String::new(),
            };
            p.menunggu(&petugas)
        }
    }
}

#[async_trait::async_trait]
impl PermohonanDaerahRepo for StoreMemori {
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaDaerah>, InfraError> {
        Ok(Box::new(UnitKerjaMemori::baru(self.clone())))
    }

    async fn permohonan(
        &self,
        id: PermohonanDaerahId,
    ) -> Result<Option<PermohonanDaerah>, InfraError> {
        Ok(self.isi().permohonan_daerah.get(&id).cloned())
    }

    async fn daftar(
        &self,
        instansi: InstansiId,
        saring: Saring,
        j: &JendelaAntrian,
    ) -> Result<(Vec<PermohonanDaerah>, u64), InfraError> {
        let mut v: Vec<PermohonanDaerah> = self
            .isi()
            .permohonan_daerah
            .values()
            .filter(|p| p.instansi_id == instansi && dipilih(p, saring))
            .cloned()
            .collect();
        v.sort_by_key(|p| (p.diajukan_pada, p.id.to_string()));
        Ok(jendela(v, j, |p| (p.diajukan_pada, p.id.to_string())))
    }

    async fn petugas(&self, akun: AkunId) -> Result<Option<Petugas>, InfraError> {
        Ok(self.isi().petugas.get(&akun).cloned())
    }

    async fn petugas_bertugas(
        &self,
        instansi: InstansiId,
        tugas: Tugas,
    ) -> Result<Vec<Petugas>, InfraError> {
        let mut v: Vec<Petugas> = self
            .isi()
            .petugas
            .values()
            .filter(|p| p.instansi_id == instansi && p.tugas == tugas)
            .cloned()
            .collect();
        v.sort_by(|a, b| a.nama.cmp(&b.nama));
        Ok(v)
    }

    async fn kantor(&self, instansi: InstansiId) -> Result<Option<Kantor>, InfraError> {
        Ok(self.isi().instansi.get(&instansi).map(|i| Kantor {
            pemda: i.pemda,
            provinsi: i.provinsi.as_ref().map(|(k, _)| k.clone()),
            jam: i.jam_kerja,
        }))
    }

    async fn simpan_jam_kerja(
        &self,
        instansi: InstansiId,
        jam: &pse_kernel::JamKerja,
        audit: &AuditEvent,
    ) -> Result<(), GagalSimpan> {
        let mut isi = self.isi();
        let i = isi
            .instansi
            .get_mut(&instansi)
            .ok_or_else(|| GagalSimpan::Infra(InfraError::new("instansi tidak ada")))?;
        i.jam_kerja = *jam;
        isi.audit.push(audit.clone());
        Ok(())
    }

    async fn akun(&self, akun: AkunId) -> Result<Option<(String, String)>, InfraError> {
        Ok(self
            .isi()
            .akun
            .get(&akun)
            .map(|(email, nama)| (nama.clone(), email.clone())))
    }

    async fn nama_unit(&self, unit: UnitId) -> Result<Option<String>, InfraError> {
        Ok(self.isi().instansi.values().find_map(|i| {
            i.unit
                .iter()
                .find(|(id, _)| *id == unit)
                .map(|(_, n)| n.clone())
        }))
    }
}

#[async_trait::async_trait]
impl UnitKerjaDaerah for UnitKerjaMemori {
    async fn simpan(&mut self, p: &PermohonanDaerah) -> Result<(), GagalSimpan> {
        self.daerah.push(p.clone());
        Ok(())
    }

    async fn simpan_sistem(&mut self, s: &SistemElektronik) -> Result<(), GagalSimpan> {
        UnitKerjaSe::simpan_sistem(self, s).await
    }

    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        UnitKerjaSe::catat_audit(self, e).await
    }

    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        UnitKerjaSe::kirim_email(self, p).await
    }

    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        self.terapkan()
    }
}
