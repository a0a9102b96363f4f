//! The office applications' ports ([`SepRepo`], [`UnitKerjaSep`]) in memory: writes staged in
//! the unit of work and applied at commit, version-checked, as the real store does.

use crate::{Isi, StoreMemori, UnitKerjaMemori, jendela};
use aplikasi_perkantoran::katalog::AplikasiPerkantoran;
use aplikasi_perkantoran::pengguna::{PenggunaSep, PeranSep, StatusPengguna};
use aplikasi_perkantoran::penyalahgunaan::{Penyalahgunaan, StatusPenyalahgunaan};
use aplikasi_perkantoran::permohonan::{PermohonanSep, StatusPermohonanSep};
use aplikasi_perkantoran::ports::{PerubahanPengguna, SepRepo, UnitKerjaSep};
use chrono::{DateTime, Utc};
use pse_kernel::{
    AkunId, AplikasiId, AuditEvent, GagalSimpan, InfraError, InstansiId, JendelaAntrian,
    PenggunaSepId, PenyalahgunaanId, PermohonanSepId, PesanEmail,
};
use registrasi_pejabat::model::{Akun, TokenAktivasi};
use sistem_elektronik::ports::UnitKerjaSe;
use std::collections::HashMap;

/// What a unit of work stages for the office applications.
#[derive(Default)]
pub(crate) struct Tahap {
    aplikasi: Vec<AplikasiPerkantoran>,
    token: Vec<(AplikasiId, Option<String>)>,
    permohonan: Vec<PermohonanSep>,
    pengguna: Vec<(PenggunaSep, DateTime<Utc>)>,
    kasus: Vec<Penyalahgunaan>,
    akun: Vec<Akun>,
    aktivasi: Vec<TokenAktivasi>,
}

impl Tahap {
    /// A stale version anywhere refuses the whole unit.
    pub(crate) fn periksa(&self, isi: &Isi) -> Result<(), GagalSimpan> {
        let basi = self
            .permohonan
            .iter()
            .any(|p| isi.sep_permohonan.get(&p.id).map_or(0, |x| x.versi) != p.versi)
            || self
                .pengguna
                .iter()
                .any(|(p, _)| isi.sep_pengguna.get(&p.id).map_or(0, |x| x.0.versi) != p.versi)
            || self
                .kasus
                .iter()
                .any(|k| isi.sep_kasus.get(&k.id).map_or(0, |x| x.versi) != k.versi);
        if basi {
            Err(GagalSimpan::VersiBasi)
        } else {
            Ok(())
        }
    }

    /// Applies everything staged.
    pub(crate) fn terapkan(self, isi: &mut Isi) {
        for a in self.aplikasi {
            let token = isi.sep_aplikasi.get(&a.id).and_then(|x| x.1.clone());
            isi.sep_aplikasi.insert(a.id, (a, token));
        }
        for (id, hash) in self.token {
            if let Some(x) = isi.sep_aplikasi.get_mut(&id) {
                x.1 = hash;
            }
        }
        for mut p in self.permohonan {
            p.versi += 1;
            isi.sep_permohonan.insert(p.id, p);
        }
        for (mut p, pada) in self.pengguna {
            p.versi += 1;
            // The sync reads the time of the last change of state.
            let sejak = match isi.sep_pengguna.get(&p.id) {
                Some((lama, t)) if lama.status == p.status => *t,
                _ => pada,
            };
            isi.sep_pengguna.insert(p.id, (p, sejak));
        }
        for mut k in self.kasus {
            k.versi += 1;
            isi.sep_kasus.insert(k.id, k);
        }
        for a in self.akun {
            let t = self.aktivasi.iter().find(|t| t.akun_id == a.id).cloned();
            isi.akun.insert(a.id, (a.email.to_string(), a.nama.clone()));
            isi.sep_akun.push((a, t));
        }
    }
}

#[async_trait::async_trait]
impl SepRepo for StoreMemori {
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaSep>, InfraError> {
        Ok(Box::new(UnitKerjaMemori::baru(self.clone())))
    }

    async fn katalog(&self) -> Result<Vec<AplikasiPerkantoran>, InfraError> {
        let mut v: Vec<_> = self
            .isi()
            .sep_aplikasi
            .values()
            .map(|x| x.0.clone())
            .collect();
        v.sort_by(|a, b| a.nama.cmp(&b.nama));
        Ok(v)
    }

    async fn aplikasi(&self, id: AplikasiId) -> Result<Option<AplikasiPerkantoran>, InfraError> {
        Ok(self.isi().sep_aplikasi.get(&id).map(|x| x.0.clone()))
    }

    async fn nama_instansi(
        &self,
        ids: &[InstansiId],
    ) -> Result<HashMap<InstansiId, String>, InfraError> {
        Ok(self.nama_instansi_banyak(ids))
    }

    async fn permohonan(&self, id: PermohonanSepId) -> Result<Option<PermohonanSep>, InfraError> {
        Ok(self.isi().sep_permohonan.get(&id).cloned())
    }

    async fn antrian(
        &self,
        j: &JendelaAntrian,
        terlambat_pada: Option<DateTime<Utc>>,
    ) -> Result<(Vec<PermohonanSep>, u64), InfraError> {
        let mut v: Vec<PermohonanSep> = self
            .isi()
            .sep_permohonan
            .values()
            .filter(|p| {
                matches!(
                    p.status,
                    StatusPermohonanSep::Diajukan | StatusPermohonanSep::Lengkap
                ) && terlambat_pada.is_none_or(|t| p.tenggat_meja().is_some_and(|d| d < t))
            })
            .cloned()
            .collect();
        v.sort_by_key(|p| (p.diajukan_pada, p.id.to_string()));
        Ok(jendela(v, j, |p| (p.diajukan_pada, p.id.to_string())))
    }

    async fn perlu_diingatkan(
        &self,
        pada: DateTime<Utc>,
        batas: u64,
    ) -> Result<Vec<PermohonanSep>, InfraError> {
        let mut v: Vec<PermohonanSep> = self
            .isi()
            .sep_permohonan
            .values()
            .filter(|p| p.ingat_pada.is_some_and(|t| t <= pada))
            .cloned()
            .collect();
        v.sort_by_key(|p| p.ingat_pada);
        v.truncate(usize::try_from(batas).unwrap_or(usize::MAX));
        Ok(v)
    }

    async fn email_admin(&self, batas: u64) -> Result<Vec<(String, String)>, InfraError> {
        let mut v = self.isi().admin.clone();
        v.truncate(usize::try_from(batas).unwrap_or(usize::MAX));
        Ok(v)
    }

    async fn pengguna(&self, id: PenggunaSepId) -> Result<Option<PenggunaSep>, InfraError> {
        Ok(self.isi().sep_pengguna.get(&id).map(|x| x.0.clone()))
    }

    async fn pengguna_akun(&self, akun: AkunId) -> Result<Option<PenggunaSep>, InfraError> {
        Ok(self
            .isi()
            .sep_pengguna
            .values()
            .find(|x| x.0.akun_id == Some(akun))
            .map(|x| x.0.clone()))
    }

    async fn pengguna_email(
        &self,
        aplikasi: AplikasiId,
        email: &str,
    ) -> Result<Option<PenggunaSep>, InfraError> {
        let email = email.trim().to_lowercase();
        Ok(self
            .isi()
            .sep_pengguna
            .values()
            .map(|x| &x.0)
            .find(|p| p.aplikasi_id == aplikasi && p.email == email)
            .cloned())
    }

    async fn admin_aktif(
        &self,
        aplikasi: AplikasiId,
        instansi: InstansiId,
    ) -> Result<Option<PenggunaSep>, InfraError> {
        Ok(self
            .isi()
            .sep_pengguna
            .values()
            .map(|x| &x.0)
            .find(|p| {
                p.aplikasi_id == aplikasi
                    && p.instansi_id == instansi
                    && p.peran == PeranSep::AdminPengelola
                    && p.status == StatusPengguna::Aktif
            })
            .cloned())
    }

    async fn pengguna_instansi(
        &self,
        aplikasi: AplikasiId,
        instansi: InstansiId,
        batas: u64,
    ) -> Result<Vec<PenggunaSep>, InfraError> {
        let mut v: Vec<PenggunaSep> = self
            .isi()
            .sep_pengguna
            .values()
            .map(|x| &x.0)
            .filter(|p| p.aplikasi_id == aplikasi && p.instansi_id == instansi)
            .cloned()
            .collect();
        v.sort_by(|a, b| a.nama.cmp(&b.nama).then(a.id.cmp(&b.id)));
        v.truncate(usize::try_from(batas).unwrap_or(usize::MAX));
        Ok(v)
    }

    async fn penyalahgunaan(
        &self,
        id: PenyalahgunaanId,
    ) -> Result<Option<Penyalahgunaan>, InfraError> {
        Ok(self.isi().sep_kasus.get(&id).cloned())
    }

    async fn daftar_penyalahgunaan(
        &self,
        j: &JendelaAntrian,
    ) -> Result<(Vec<Penyalahgunaan>, u64), InfraError> {
        let kunci = |k: &Penyalahgunaan| {
            (
                k.riwayat.first().map(|(_, t)| *t).unwrap_or_default(),
                k.id.to_string(),
            )
        };
        let mut v: Vec<Penyalahgunaan> = self.isi().sep_kasus.values().cloned().collect();
        v.sort_by_key(kunci);
        Ok(jendela(v, j, kunci))
    }

    async fn terbukti(&self, pengguna: PenggunaSepId) -> Result<u32, InfraError> {
        Ok(self
            .isi()
            .sep_kasus
            .values()
            .filter(|k| k.pengguna_id == pengguna && k.status.terbukti())
            .count() as u32)
    }

    async fn menunggu_jawaban(
        &self,
        sebelum: DateTime<Utc>,
        batas: u64,
    ) -> Result<Vec<Penyalahgunaan>, InfraError> {
        let mut v: Vec<Penyalahgunaan> = self
            .isi()
            .sep_kasus
            .values()
            .filter(|k| {
                k.status == StatusPenyalahgunaan::MenungguJawaban
                    && k.peringatan.is_some_and(|(_, t)| t < sebelum)
            })
            .cloned()
            .collect();
        v.sort_by_key(|k| k.peringatan.map(|(_, t)| t));
        v.truncate(usize::try_from(batas).unwrap_or(usize::MAX));
        Ok(v)
    }

    async fn perubahan_pengguna(
        &self,
        aplikasi: AplikasiId,
        setelah: Option<(DateTime<Utc>, PenggunaSepId)>,
        batas: u64,
    ) -> Result<Vec<PerubahanPengguna>, InfraError> {
        let mut v: Vec<PerubahanPengguna> = self
            .isi()
            .sep_pengguna
            .values()
            .filter(|(p, t)| p.aplikasi_id == aplikasi && setelah.is_none_or(|s| (*t, p.id) > s))
            .map(|(p, t)| PerubahanPengguna {
                pengguna: p.clone(),
                pada: *t,
            })
            .collect();
        v.sort_by_key(|p| (p.pada, p.pengguna.id));
        v.truncate(usize::try_from(batas).unwrap_or(usize::MAX));
        Ok(v)
    }

    async fn aplikasi_token(&self, hash: &str) -> Result<Option<AplikasiId>, InfraError> {
        Ok(self
            .isi()
            .sep_aplikasi
            .iter()
            .find(|(_, (_, t))| t.as_deref() == Some(hash))
            .map(|(id, _)| *id))
    }

    async fn klaim_jadwal(
        &self,
        nama: &str,
        sekarang: DateTime<Utc>,
        sampai: DateTime<Utc>,
    ) -> Result<bool, InfraError> {
        let mut isi = self.isi();
        match isi.jadwal.get(nama) {
            Some(t) if *t > sekarang => Ok(false),
            _ => {
                isi.jadwal.insert(nama.to_string(), sampai);
                Ok(true)
            }
        }
    }
}

#[async_trait::async_trait]
impl UnitKerjaSep for UnitKerjaMemori {
    async fn simpan_aplikasi(&mut self, a: &AplikasiPerkantoran) -> Result<(), GagalSimpan> {
        self.sep.aplikasi.push(a.clone());
        Ok(())
    }

    async fn simpan_token_aplikasi(
        &mut self,
        aplikasi: AplikasiId,
        hash: Option<&str>,
    ) -> Result<(), GagalSimpan> {
        self.sep.token.push((aplikasi, hash.map(String::from)));
        Ok(())
    }

    async fn simpan_permohonan(&mut self, p: &PermohonanSep) -> Result<(), GagalSimpan> {
        self.sep.permohonan.push(p.clone());
        Ok(())
    }

    async fn simpan_pengguna(
        &mut self,
        p: &PenggunaSep,
        pada: DateTime<Utc>,
    ) -> Result<(), GagalSimpan> {
        self.sep.pengguna.push((p.clone(), pada));
        Ok(())
    }

    async fn simpan_penyalahgunaan(&mut self, p: &Penyalahgunaan) -> Result<(), GagalSimpan> {
        self.sep.kasus.push(p.clone());
        Ok(())
    }

    async fn simpan_akun(&mut self, a: &Akun) -> Result<(), GagalSimpan> {
        self.sep.akun.push(a.clone());
        Ok(())
    }

    async fn simpan_token(&mut self, t: &TokenAktivasi) -> Result<(), GagalSimpan> {
        self.sep.aktivasi.push(t.clone());
        Ok(())
    }

    async fn akhiri_sesi(&mut self, _akun: AkunId) -> Result<(), GagalSimpan> {
        // Sessions are the portal's; the in-memory store keeps none.
        Ok(())
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
