//! The catalogue, the Sekretaris' application (R-SEP-01) and the Direktorat's decisions
//! (R-SEP-02, R-SEP-03).

use super::{GalatSep, SepService, Tulis, Unggahan, hanya_admin};
use crate::katalog::{AplikasiPerkantoran, IsianAplikasi};
use crate::pengguna::{PenggunaSep, PeranSep};
use crate::permohonan::{AlasanTolak, FormPermohonanSep, PermohonanSep, StatusPermohonanSep};
use crate::surat::Surat;
use pse_kernel::{
    Actor, AkunId, AplikasiId, AuditEvent, Galat, Halaman, InstansiId, JendelaAntrian, Kursor,
    Paging, Peran, PermohonanSepId, PesanEmail, Surel, hash_token,
};
use registrasi_pejabat::model::{Akun, Email, RekamAkun, StatusAkun, TokenAktivasi};
use secrecy::{ExposeSecret, SecretString};
use serde_json::json;

const SUBJEK: &str = "permohonan_sep";

/// A filed request and the code of its status link (shown once, emailed, kept as its hash).
#[derive(Debug)]
pub struct Diajukan {
    /// The request.
    pub permohonan: PermohonanSep,
    /// The code of its status link.
    pub kode: SecretString,
}

/// What the Sekretaris reads on the status page.
#[derive(Debug, Clone)]
pub struct StatusPublik {
    /// The request.
    pub permohonan: PermohonanSep,
    /// The application's name.
    pub aplikasi: String,
    /// The Badan Pemerintahan's name.
    pub instansi: String,
    /// The decision letter, once decided.
    pub keputusan: Option<Surat>,
}

impl SepService {
    /// The catalogue, for anyone.
    pub async fn katalog(&self) -> Result<Vec<AplikasiPerkantoran>, Galat> {
        Ok(self.port.repo.katalog().await?)
    }

    /// The admin adds an application the Minister set.
    pub async fn tambah_aplikasi(
        &self,
        aktor: &Actor,
        isian: &IsianAplikasi,
    ) -> Result<AplikasiPerkantoran, Galat> {
        hanya_admin(aktor)?;
        let a = isian.periksa()?;
        let audit = AuditEvent::baru(self.now(), aktor, "aplikasi_sep", a.id, "tambah");
        self.simpan(vec![Tulis::Aplikasi(&a)], vec![audit], Vec::new())
            .await?;
        Ok(a)
    }

    /// The Sekretaris applies (R-SEP-01), logged in or not: every field and both PDFs are checked
    /// before anything is kept; the status link's code goes by email and is shown once.
    pub async fn ajukan(
        &self,
        aktor: &Actor,
        aplikasi_id: &str,
        instansi_id: &str,
        form: &FormPermohonanSep,
        surat_kuasa: Option<Unggahan>,
        bukti_kepegawaian: Option<Unggahan>,
    ) -> Result<Diajukan, GalatSep> {
        let aplikasi = match aplikasi_id.trim().parse::<AplikasiId>() {
            Ok(id) => self.port.repo.aplikasi(id).await?,
            Err(_) => None,
        };
        let instansi = match instansi_id.trim().parse::<InstansiId>() {
            Ok(id) => self
                .port
                .repo
                .nama_instansi(&[id])
                .await?
                .remove(&id)
                .map(|n| (id, n)),
            Err(_) => None,
        };
        let isian = form.periksa(surat_kuasa.is_some(), bukti_kepegawaian.is_some());
        let mut galat = Vec::new();
        if aplikasi.is_none() {
            galat.push(pse_kernel::GalatIsian::new(
                "aplikasi_id",
                "Pilih aplikasi perkantoran dari katalog.",
            ));
        }
        if instansi.is_none() {
            galat.push(pse_kernel::GalatIsian::new(
                "instansi_id",
                "Pilih Badan Pemerintahan pemohon.",
            ));
        }
        let isian = match isian {
            Ok(i) if galat.is_empty() => i,
            Ok(_) => return Err(Galat::Validasi(galat).into()),
            Err(Galat::Validasi(g)) => {
                galat.extend(g);
                return Err(Galat::Validasi(galat).into());
            }
            Err(e) => return Err(e.into()),
        };
        let (Some(aplikasi), Some((instansi, nama_instansi)), Some(kuasa), Some(bukti)) =
            (aplikasi, instansi, surat_kuasa, bukti_kepegawaian)
        else {
            return Err(Galat::Dilarang.into());
        };
        let kuasa = self.simpan_berkas("surat_kuasa", kuasa).await?;
        let bukti = self.simpan_berkas("bukti_kepegawaian", bukti).await?;
        let now = self.now();
        let kode = self.port.token.buat();
        let mut p = PermohonanSep::ajukan(
            aplikasi.id,
            instansi,
            isian,
            kuasa,
            bukti,
            &self.kalender,
            now,
        );
        p.hash_kode = hash_token(kode.expose_secret());
        let surel = PesanEmail::baru(
            p.isian.sekretaris.email.clone(),
            Surel::SepPermohonanDiterima,
            json!({
                "nama": p.isian.sekretaris.nama, "aplikasi": aplikasi.nama, "instansi": nama_instansi,
                "id": p.id.to_string(), "kode": kode.expose_secret(),
            }),
        );
        let audit =
            AuditEvent::baru(now, aktor, SUBJEK, p.id, "ajukan").status(None, p.status.kode());
        self.simpan(vec![Tulis::Permohonan(&p)], vec![audit], vec![surel])
            .await?;
        Ok(Diajukan {
            permohonan: p,
            kode,
        })
    }

    /// The request behind a status link: its id and code (a wrong code is not found).
    pub async fn status(&self, id: PermohonanSepId, kode: &str) -> Result<StatusPublik, Galat> {
        let p = self
            .port
            .repo
            .permohonan(id)
            .await?
            .filter(|p| !kode.is_empty() && p.hash_kode == hash_token(kode))
            .ok_or(Galat::TidakDitemukan)?;
        self.status_dari(p).await
    }

    pub(super) async fn status_dari(&self, p: PermohonanSep) -> Result<StatusPublik, Galat> {
        let aplikasi = self
            .port
            .repo
            .aplikasi(p.aplikasi_id)
            .await?
            .map(|a| a.nama)
            .unwrap_or_default();
        let instansi = self.nama_instansi(p.instansi_id).await?;
        let keputusan = Surat::keputusan(&p, &instansi, &aplikasi, &self.pengaturan.bantuan).ok();
        Ok(StatusPublik {
            permohonan: p,
            aplikasi,
            instansi,
            keputusan,
        })
    }

    /// The Sekretaris corrects the same request through its link, when asked.
    pub async fn perbaiki(
        &self,
        aktor: &Actor,
        id: PermohonanSepId,
        kode: &str,
        form: &FormPermohonanSep,
        surat_kuasa: Option<Unggahan>,
        bukti_kepegawaian: Option<Unggahan>,
    ) -> Result<PermohonanSep, GalatSep> {
        let mut p = self.status(id, kode).await?.permohonan;
        if p.status != StatusPermohonanSep::PerluPerbaikan {
            return Err(Galat::StatusTidakSesuai(
                "Permohonan ini tidak sedang diminta perbaikan.".into(),
            )
            .into());
        }
        // The files already kept count as given.
        let isian = form.periksa(true, true)?;
        let kuasa = match surat_kuasa {
            Some(u) => Some(self.simpan_berkas("surat_kuasa", u).await?),
            None => None,
        };
        let bukti = match bukti_kepegawaian {
            Some(u) => Some(self.simpan_berkas("bukti_kepegawaian", u).await?),
            None => None,
        };
        p.perbaiki(isian, kuasa, bukti, &self.kalender, self.now())?;
        let audit = AuditEvent::baru(self.now(), aktor, SUBJEK, p.id, "perbaiki")
            .status(Some("perlu_perbaikan"), p.status.kode());
        self.simpan(vec![Tulis::Permohonan(&p)], vec![audit], Vec::new())
            .await?;
        p.versi += 1;
        Ok(p)
    }

    /// A request, for the admin.
    pub async fn lihat(&self, aktor: &Actor, id: PermohonanSepId) -> Result<StatusPublik, Galat> {
        hanya_admin(aktor)?;
        let p = self
            .port
            .repo
            .permohonan(id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        self.status_dari(p).await
    }

    /// The requests waiting for the Direktorat, oldest first.
    pub async fn antrian(
        &self,
        aktor: &Actor,
        paging: &Paging,
    ) -> Result<Halaman<PermohonanSep>, Galat> {
        hanya_admin(aktor)?;
        let j = JendelaAntrian::dari(paging)?;
        let (v, total) = self.port.repo.antrian(&j, None).await?;
        Ok(Halaman::susun(v, total, paging, |p| Kursor {
            kunci: p.diajukan_pada.to_rfc3339(),
            id: p.id.to_string(),
        })?)
    }

    async fn baca_admin(&self, aktor: &Actor, id: PermohonanSepId) -> Result<PermohonanSep, Galat> {
        hanya_admin(aktor)?;
        self.port
            .repo
            .permohonan(id)
            .await?
            .ok_or(Galat::TidakDitemukan)
    }

    /// The file is complete: the 4 working days run from now (R-SEP-02).
    pub async fn lengkap(
        &self,
        aktor: &Actor,
        id: PermohonanSepId,
    ) -> Result<PermohonanSep, Galat> {
        let mut p = self.baca_admin(aktor, id).await?;
        let now = self.now();
        p.nyatakan_lengkap(&self.kalender, now)?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "lengkap")
            .status(Some("diajukan"), p.status.kode());
        self.simpan(vec![Tulis::Permohonan(&p)], vec![audit], Vec::new())
            .await?;
        p.versi += 1;
        Ok(p)
    }

    /// Asks the Sekretaris for a correction, by email with the link to the same request.
    pub async fn minta_perbaikan(
        &self,
        aktor: &Actor,
        id: PermohonanSepId,
        catatan: &str,
    ) -> Result<PermohonanSep, Galat> {
        let mut p = self.baca_admin(aktor, id).await?;
        let now = self.now();
        p.minta_perbaikan(catatan, now)?;
        // A fresh code: the link in this email works, the earlier one no longer does.
        let kode = self.port.token.buat();
        p.hash_kode = hash_token(kode.expose_secret());
        let aplikasi = self.nama_aplikasi(p.aplikasi_id).await?;
        let surel = PesanEmail::baru(
            p.isian.sekretaris.email.clone(),
            Surel::SepPerluPerbaikan,
            json!({
                "nama": p.isian.sekretaris.nama, "aplikasi": aplikasi, "catatan": catatan.trim(),
                "id": p.id.to_string(), "kode": kode.expose_secret(),
            }),
        );
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "minta_perbaikan")
            .status(Some("diajukan"), p.status.kode())
            .alasan(catatan.trim());
        self.simpan(vec![Tulis::Permohonan(&p)], vec![audit], vec![surel])
            .await?;
        p.versi += 1;
        Ok(p)
    }

    async fn nama_aplikasi(&self, id: AplikasiId) -> Result<String, Galat> {
        Ok(self
            .port
            .repo
            .aplikasi(id)
            .await?
            .map(|a| a.nama)
            .unwrap_or_default())
    }

    /// Approves a complete request: its Admin Pengelola gets a portal account and the activation
    /// link, and becomes the instansi's Admin Pengelola for the application. With one already
    /// active, approval is refused and the third ground proposed (R-SEP-03).
    pub async fn setujui(
        &self,
        aktor: &Actor,
        id: PermohonanSepId,
    ) -> Result<PermohonanSep, Galat> {
        let mut p = self.baca_admin(aktor, id).await?;
        let aktif = self
            .port
            .repo
            .admin_aktif(p.aplikasi_id, p.instansi_id)
            .await?
            .is_some();
        let now = self.now();
        p.setujui(aktif, now)?;
        let email =
            Email::parse(&p.isian.admin.email).map_err(|m| Galat::isian("admin_email", m))?;
        let akun = Akun::baru(RekamAkun {
            id: AkunId::new(),
            versi: 0,
            email,
            nama: p.isian.admin.nama.clone(),
            peran: Peran::AdminPengelola,
            instansi_id: Some(p.instansi_id),
            unit_id: None,
            status: StatusAkun::MenungguAktivasi,
            kata_sandi_hash: None,
            jabatan: p.isian.admin.jabatan.clone(),
            nomor_induk: p.isian.admin.nip.clone(),
            telepon_kantor: String::new(),
            nomor_hp: p.isian.admin_nomor_hp.clone(),
            dibuat_pada: now,
            tugas: None,
        });
        let raw = self.port.token.buat();
        let token = TokenAktivasi {
            hash: hash_token(raw.expose_secret()),
            akun_id: akun.id,
            kedaluwarsa: now + chrono::Duration::hours(self.pengaturan.masa_aktivasi_jam),
            dipakai_pada: None,
        };
        let mut admin = PenggunaSep::baru(
            p.aplikasi_id,
            p.instansi_id,
            PeranSep::AdminPengelola,
            &p.isian.admin.nama,
            &p.isian.admin.nip,
            &p.isian.admin.email,
            &p.isian.admin.jabatan,
            now,
        );
        admin.akun_id = Some(akun.id);
        admin.sekretaris = (
            p.isian.sekretaris.nama.clone(),
            p.isian.sekretaris.email.clone(),
        );
        let st = self.status_dari(p.clone()).await?;
        let mut surel = vec![PesanEmail::baru(
            p.isian.admin.email.clone(),
            Surel::SepAdminAktivasi,
            json!({
                "nama": p.isian.admin.nama, "aplikasi": st.aplikasi, "instansi": st.instansi,
                "token": raw.expose_secret(), "masa_berlaku_jam": self.pengaturan.masa_aktivasi_jam,
            }),
        )];
        surel.extend(self.surel_keputusan(&st));
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "setujui")
            .status(Some("lengkap"), p.status.kode());
        self.simpan(
            vec![
                Tulis::Permohonan(&p),
                Tulis::Akun(&akun),
                Tulis::Aktivasi(&token),
                Tulis::Pengguna(&admin),
            ],
            vec![audit],
            surel,
        )
        .await?;
        p.versi += 1;
        Ok(p)
    }

    /// The decision letter to the Sekretaris.
    fn surel_keputusan(&self, st: &StatusPublik) -> Option<PesanEmail> {
        st.keputusan.as_ref().map(|s| {
            PesanEmail::baru(
                st.permohonan.isian.sekretaris.email.clone(),
                Surel::SepKeputusan,
                json!({
                    "nama": st.permohonan.isian.sekretaris.nama, "perihal": s.perihal,
                    "paragraf": s.paragraf,
                }),
            )
        })
    }

    /// Refuses a request on one of the three grounds (R-SEP-03); the letter goes to the
    /// Sekretaris.
    pub async fn tolak(
        &self,
        aktor: &Actor,
        id: PermohonanSepId,
        kategori_alasan: &str,
        catatan: &str,
    ) -> Result<PermohonanSep, Galat> {
        let mut p = self.baca_admin(aktor, id).await?;
        let dari = p.status.kode();
        let now = self.now();
        p.tolak(AlasanTolak::dari_kode(kategori_alasan), catatan, now)?;
        let st = self.status_dari(p.clone()).await?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, p.id, "tolak")
            .status(Some(dari), p.status.kode())
            .alasan(kategori_alasan.trim());
        self.simpan(
            vec![Tulis::Permohonan(&p)],
            vec![audit],
            self.surel_keputusan(&st).into_iter().collect(),
        )
        .await?;
        p.versi += 1;
        Ok(p)
    }

    /// One of a request's PDFs (`surat-kuasa`, `bukti-kepegawaian`), for the admin.
    pub async fn dokumen(
        &self,
        aktor: &Actor,
        id: PermohonanSepId,
        jenis: &str,
    ) -> Result<(String, Vec<u8>), Galat> {
        let p = self.baca_admin(aktor, id).await?;
        let b = match jenis {
            "surat-kuasa" => &p.surat_kuasa,
            "bukti-kepegawaian" => &p.bukti_kepegawaian,
            _ => return Err(Galat::TidakDitemukan),
        };
        let isi = self
            .port
            .dokumen
            .ambil(&b.sha256)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        Ok((b.nama_berkas.clone(), isi))
    }
}
