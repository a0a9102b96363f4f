//! Misuse cases (R-SEP-04, R-SEP-05): recorded by the admin, warned by letter (to the user with
//! the answer link, a copy to the Sekretaris), answered through the link (a copy to the
//! Sekretaris), decided; a deactivation reaches the user's state at once.

use super::{SepService, Tulis, hanya_admin};
use crate::pengguna::PenggunaSep;
use crate::penyalahgunaan::{KategoriPenyalahgunaan, Keputusan, Penyalahgunaan, Sanksi};
use crate::surat::Surat;
use pse_kernel::{
    Actor, AuditEvent, Galat, Halaman, JendelaAntrian, Kursor, Paging, PenggunaSepId,
    PenyalahgunaanId, PesanEmail, Surel, hash_token,
};
use secrecy::ExposeSecret;
use serde_json::json;

const SUBJEK: &str = "penyalahgunaan_sep";

/// A case with what its pages show: the user, the application, the instansi.
#[derive(Debug, Clone)]
pub struct KasusLengkap {
    pub kasus: Penyalahgunaan,
    pub pengguna: PenggunaSep,
    pub aplikasi: String,
    pub instansi: String,
}

impl SepService {
    /// The admin records a case of one of the four kinds (R-SEP-04).
    pub async fn catat_penyalahgunaan(
        &self,
        aktor: &Actor,
        pengguna_id: &str,
        kategori: &str,
        uraian: &str,
    ) -> Result<Penyalahgunaan, Galat> {
        hanya_admin(aktor)?;
        let pengguna = match pengguna_id.trim().parse::<PenggunaSepId>() {
            Ok(id) => self.port.repo.pengguna(id).await?,
            Err(_) => None,
        };
        let Some(pengguna) = pengguna else {
            return Err(Galat::isian(
                "pengguna_id",
                "Pilih pengguna aplikasi perkantoran.",
            ));
        };
        let sebelumnya = self.port.repo.terbukti(pengguna.id).await?;
        let now = self.now();
        let k = Penyalahgunaan::catat(
            pengguna.id,
            KategoriPenyalahgunaan::dari_kode(kategori),
            uraian,
            sebelumnya,
            now,
        )?;
        let audit =
            AuditEvent::baru(now, aktor, SUBJEK, k.id, "catat").status(None, k.status.kode());
        self.simpan(vec![Tulis::Kasus(&k)], vec![audit], Vec::new())
            .await?;
        Ok(k)
    }

    /// The admin records a case by the user's application and email (the register's form).
    pub async fn catat_penyalahgunaan_email(
        &self,
        aktor: &Actor,
        aplikasi_id: &str,
        email: &str,
        kategori: &str,
        uraian: &str,
    ) -> Result<Penyalahgunaan, Galat> {
        hanya_admin(aktor)?;
        let pengguna = match aplikasi_id.trim().parse() {
            Ok(a) => self.port.repo.pengguna_email(a, email).await?,
            Err(_) => None,
        };
        let Some(p) = pengguna else {
            return Err(Galat::isian(
                "email",
                "Tidak ada pengguna aplikasi ini dengan email tersebut.",
            ));
        };
        self.catat_penyalahgunaan(aktor, &p.id.to_string(), kategori, uraian)
            .await
    }

    /// A case with its user, application and instansi.
    pub(crate) async fn kasus_lengkap(&self, k: Penyalahgunaan) -> Result<KasusLengkap, Galat> {
        let pengguna = self
            .port
            .repo
            .pengguna(k.pengguna_id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        let aplikasi = self
            .port
            .repo
            .aplikasi(pengguna.aplikasi_id)
            .await?
            .map(|a| a.nama)
            .unwrap_or_default();
        let instansi = self.nama_instansi(pengguna.instansi_id).await?;
        Ok(KasusLengkap {
            kasus: k,
            pengguna,
            aplikasi,
            instansi,
        })
    }

    /// A case, for the admin.
    pub async fn kasus(&self, aktor: &Actor, id: PenyalahgunaanId) -> Result<KasusLengkap, Galat> {
        hanya_admin(aktor)?;
        let k = self
            .port
            .repo
            .penyalahgunaan(id)
            .await?
            .ok_or(Galat::TidakDitemukan)?;
        self.kasus_lengkap(k).await
    }

    /// The register of cases, newest first.
    pub async fn daftar_kasus(
        &self,
        aktor: &Actor,
        paging: &Paging,
    ) -> Result<Halaman<Penyalahgunaan>, Galat> {
        hanya_admin(aktor)?;
        let j = JendelaAntrian::dari(paging)?;
        let (v, total) = self.port.repo.daftar_penyalahgunaan(&j).await?;
        Ok(Halaman::susun(v, total, paging, |k| Kursor {
            kunci: k
                .riwayat
                .first()
                .map(|(_, t)| t.to_rfc3339())
                .unwrap_or_default(),
            id: k.id.to_string(),
        })?)
    }

    /// The Surat Peringatan of a warned case.
    pub async fn surat_peringatan(
        &self,
        aktor: &Actor,
        id: PenyalahgunaanId,
    ) -> Result<Surat, Galat> {
        let l = self.kasus(aktor, id).await?;
        Surat::peringatan(
            &l.kasus,
            &l.pengguna,
            &l.instansi,
            &l.pengguna.sekretaris.0,
            &l.aplikasi,
            &self.pengaturan.bantuan,
        )
    }

    /// Sends the written warning (R-SEP-05): to the user with the answer link, a copy to the
    /// Sekretaris; 5 working days to answer.
    pub async fn peringatkan(
        &self,
        aktor: &Actor,
        id: PenyalahgunaanId,
    ) -> Result<Penyalahgunaan, Galat> {
        let mut l = self.kasus(aktor, id).await?;
        let now = self.now();
        let tenggat = l.kasus.peringatkan(&self.kalender, now)?;
        let kode = self.port.token.buat();
        l.kasus.hash_kode = Some(hash_token(kode.expose_secret()));
        let surat = Surat::peringatan(
            &l.kasus,
            &l.pengguna,
            &l.instansi,
            &l.pengguna.sekretaris.0,
            &l.aplikasi,
            &self.pengaturan.bantuan,
        )?;
        let tenggat_teks = crate::surat::waktu(tenggat);
        let mut surel = vec![PesanEmail::baru(
            l.pengguna.email.clone(),
            Surel::SepPeringatan,
            json!({
                "nama": l.pengguna.nama, "perihal": surat.perihal, "paragraf": surat.paragraf,
                "id": l.kasus.id.to_string(), "kode": kode.expose_secret(), "tenggat": tenggat_teks,
            }),
        )];
        if !l.pengguna.sekretaris.1.is_empty() {
            surel.push(PesanEmail::baru(
                l.pengguna.sekretaris.1.clone(),
                Surel::SepPeringatan,
                json!({
                    "nama": l.pengguna.sekretaris.0, "perihal": format!("Tembusan: {}", surat.perihal),
                    "paragraf": surat.paragraf, "id": l.kasus.id.to_string(), "kode": "", "tenggat": tenggat_teks,
                }),
            ));
        }
        let audit = AuditEvent::baru(now, aktor, SUBJEK, l.kasus.id, "peringatkan")
            .status(Some("tercatat"), l.kasus.status.kode());
        self.simpan(vec![Tulis::Kasus(&l.kasus)], vec![audit], surel)
            .await?;
        l.kasus.versi += 1;
        Ok(l.kasus)
    }

    /// The case behind an answer link: its id and code (a wrong code is not found).
    pub async fn kasus_dengan_kode(
        &self,
        id: PenyalahgunaanId,
        kode: &str,
    ) -> Result<KasusLengkap, Galat> {
        let k = self
            .port
            .repo
            .penyalahgunaan(id)
            .await?
            .filter(|k| {
                !kode.is_empty() && k.hash_kode.as_deref() == Some(hash_token(kode).as_str())
            })
            .ok_or(Galat::TidakDitemukan)?;
        self.kasus_lengkap(k).await
    }

    /// The warned user answers through the link, in time (a copy goes to the Sekretaris).
    pub async fn jawab_peringatan(
        &self,
        aktor: &Actor,
        id: PenyalahgunaanId,
        kode: &str,
        jawaban: &str,
    ) -> Result<Penyalahgunaan, Galat> {
        let mut l = self.kasus_dengan_kode(id, kode).await?;
        let now = self.now();
        l.kasus.jawab(jawaban, now)?;
        let surel = (!l.pengguna.sekretaris.1.is_empty()).then(|| {
            PesanEmail::baru(
                l.pengguna.sekretaris.1.clone(),
                Surel::SepJawaban,
                json!({
                    "nama": l.pengguna.sekretaris.0, "pengguna": l.pengguna.nama,
                    "aplikasi": l.aplikasi, "jawaban": jawaban.trim(),
                }),
            )
        });
        let audit = AuditEvent::baru(now, aktor, SUBJEK, l.kasus.id, "jawab")
            .status(Some("menunggu_jawaban"), l.kasus.status.kode());
        self.simpan(
            vec![Tulis::Kasus(&l.kasus)],
            vec![audit],
            surel.into_iter().collect(),
        )
        .await?;
        l.kasus.versi += 1;
        Ok(l.kasus)
    }

    /// Applies a case's sanction to its user: deactivated (permanently or not), its state
    /// stamped for the sync, the user and the Sekretaris emailed.
    pub(crate) fn sanksi(
        &self,
        l: &mut KasusLengkap,
        sanksi: Sanksi,
        alasan: &str,
    ) -> Result<Vec<PesanEmail>, Galat> {
        let Sanksi::Nonaktifkan { permanen } = sanksi else {
            return Ok(Vec::new());
        };
        l.pengguna.nonaktifkan(permanen, self.now())?;
        let mut kepada = vec![(l.pengguna.nama.clone(), l.pengguna.email.clone())];
        if !l.pengguna.sekretaris.1.is_empty() {
            kepada.push(l.pengguna.sekretaris.clone());
        }
        Ok(kepada
            .into_iter()
            .map(|(nama, email)| {
                PesanEmail::baru(
                    email,
                    Surel::SepDinonaktifkan,
                    json!({
                        "nama": nama, "pengguna": l.pengguna.nama, "aplikasi": l.aplikasi,
                        "permanen": permanen, "alasan": alasan,
                    }),
                )
            })
            .collect())
    }

    /// The admin decides an answered case: close it, or deactivate (permanently only for a
    /// repeated misuse).
    pub async fn putuskan(
        &self,
        aktor: &Actor,
        id: PenyalahgunaanId,
        keputusan: &str,
    ) -> Result<Penyalahgunaan, Galat> {
        let mut l = self.kasus(aktor, id).await?;
        let now = self.now();
        let sanksi = l.kasus.putuskan(Keputusan::dari_kode(keputusan), now)?;
        let alasan = format!("diputuskan Direktorat atas {}", l.kasus.kategori.label());
        let surel = self.sanksi(&mut l, sanksi, &alasan)?;
        let mut tulis = vec![Tulis::Kasus(&l.kasus)];
        if sanksi != Sanksi::Tidak {
            tulis.push(Tulis::Pengguna(&l.pengguna));
            // An Admin Pengelola's portal sessions end with it.
            tulis.extend(l.pengguna.akun_id.map(Tulis::AkhiriSesi));
        }
        let audit = AuditEvent::baru(now, aktor, SUBJEK, l.kasus.id, "putuskan")
            .status(Some("dijawab"), l.kasus.status.kode());
        self.simpan(tulis, vec![audit], surel).await?;
        l.kasus.versi += 1;
        Ok(l.kasus)
    }
}
