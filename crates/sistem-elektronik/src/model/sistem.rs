//! The system's registration and its state machine (R-SE-03, R-SE-07…R-SE-10):
//! `data_awal_diajukan` → `pengisian` (or `data_awal_ditolak` → corrected → `data_awal_diajukan`) →
//! `diajukan` at 100% (locked) → `dikembalikan` (unlocked) … → `terdaftar` with a Tanda Daftar.

use super::bagian::Bagian;
use super::data_awal::DataAwal;
use super::kategori::PenilaianKategori;
use crate::SistemError;
use chrono::{DateTime, NaiveDate, Utc};
use pse_kernel::{AkunId, InstansiId, SistemId, UnitId};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// Where a system stands (JSON values of the contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusSistem {
    DataAwalDiajukan,
    DataAwalDitolak,
    Pengisian,
    Diajukan,
    Dikembalikan,
    Terdaftar,
    DalamPerubahan,
}

impl StatusSistem {
    /// Every status.
    pub const SEMUA: [StatusSistem; 7] = [
        Self::DataAwalDiajukan,
        Self::DataAwalDitolak,
        Self::Pengisian,
        Self::Diajukan,
        Self::Dikembalikan,
        Self::Terdaftar,
        Self::DalamPerubahan,
    ];

    /// The statuses that hold a valid Tanda Daftar (R-PD-04); published ones are public (R-SE-12).
    pub const TERDAFTAR: [StatusSistem; 2] = [Self::Terdaftar, Self::DalamPerubahan];

    /// The statuses waiting for the admin's decision (R-SE-13): the verification queue.
    pub const MENUNGGU_KEPUTUSAN: [StatusSistem; 2] = [Self::DataAwalDiajukan, Self::Diajukan];

    /// Whether a system in this status holds a valid Tanda Daftar.
    pub fn terdaftar(self) -> bool {
        Self::TERDAFTAR.contains(&self)
    }

    /// Whether a system in this status waits for the admin.
    pub fn menunggu_keputusan(self) -> bool {
        Self::MENUNGGU_KEPUTUSAN.contains(&self)
    }

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::DataAwalDiajukan => "data_awal_diajukan",
            Self::DataAwalDitolak => "data_awal_ditolak",
            Self::Pengisian => "pengisian",
            Self::Diajukan => "diajukan",
            Self::Dikembalikan => "dikembalikan",
            Self::Terdaftar => "terdaftar",
            Self::DalamPerubahan => "dalam_perubahan",
        }
    }

    /// Parses a stored value.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|s| s.kode() == raw)
    }

    /// The label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::DataAwalDiajukan => "Data Awal menunggu verifikasi",
            Self::DataAwalDitolak => "Data Awal ditolak",
            Self::Pengisian => "Pengisian formulir",
            Self::Diajukan => "Diajukan, menunggu verifikasi",
            Self::Dikembalikan => "Dikembalikan untuk diperbaiki",
            Self::Terdaftar => "Terdaftar",
            Self::DalamPerubahan => "Dalam perubahan",
        }
    }

    /// Whether the form can be edited (R-SE-07, R-SE-10).
    pub fn bisa_diisi(self) -> bool {
        matches!(
            self,
            Self::Pengisian | Self::Dikembalikan | Self::DalamPerubahan
        )
    }

    /// Why the form cannot be filled in now, and what to do instead (`None` while it can).
    pub fn alasan_terkunci(self) -> Option<&'static str> {
        match self {
            Self::Pengisian | Self::Dikembalikan | Self::DalamPerubahan => None,
            Self::DataAwalDiajukan => Some(
                "Data Awal sedang diperiksa Direktorat LAIP; formulir dapat diisi setelah Data Awal disetujui.",
            ),
            Self::DataAwalDitolak => {
                Some("Data Awal dikembalikan; perbaiki dan kirim ulang Data Awal lebih dahulu.")
            }
            Self::Diajukan => Some(
                "Formulir sudah diajukan dan menunggu verifikasi Direktorat LAIP; isian tidak dapat diubah.",
            ),
            Self::Terdaftar => {
                Some("Sistem sudah terdaftar; untuk mengubah isian, ajukan Perubahan Data.")
            }
        }
    }
}

/// A reason the admin gave when rejecting Data Awal or returning the form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pengembalian {
    /// The reason.
    pub alasan: String,
    /// When.
    pub waktu: DateTime<Utc>,
}

/// The kinds of supporting document (codes; [`super::isi::label_kode`] names them).
pub const JENIS_DOKUMEN: &[&str] = &["sop", "arsitektur", "manual", "lainnya"];

/// A supporting document (the ninth part).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DokumenPendukung {
    /// `sop`, `arsitektur`, `manual`, `lainnya`.
    pub jenis: String,
    /// Hex SHA-256 of the PDF.
    pub sha256: String,
    /// File name.
    pub nama_berkas: String,
    /// Size in bytes.
    pub ukuran: u64,
}

/// The Tanda Daftar (R-SE-09): a sequential number and the date of issue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TandaDaftar {
    /// Sequential number.
    pub nomor: u64,
    /// Date of issue (WIB).
    pub tanggal_terbit: NaiveDate,
    /// Where the self-assessment result went (R-SE-08); `None` when it was only recorded.
    #[serde(default)]
    pub bssn_dikirim_ke: Option<String>,
}

/// What a system record holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RekamSistem {
    pub id: SistemId,
    /// Optimistic-concurrency version (0 before the first save).
    pub versi: i64,
    pub instansi_id: InstansiId,
    pub unit_id: Option<UnitId>,
    /// The account that registered it.
    pub pendaftar: AkunId,
    pub status: StatusSistem,
    pub data_awal: DataAwal,
    /// Completed sections, normalised.
    pub bagian: BTreeMap<Bagian, Value>,
    /// Sections saved part-way, as typed (R-SE-07 "sedang diisi"); a complete save clears its draft.
    pub draf: BTreeMap<Bagian, Value>,
    pub dokumen: Vec<DokumenPendukung>,
    pub penilaian: Option<PenilaianKategori>,
    /// The last rejection or return.
    pub pengembalian: Option<Pengembalian>,
    pub tanda_daftar: Option<TandaDaftar>,
    pub dibuat_pada: DateTime<Utc>,
    /// When it last entered the admin's queue.
    pub masuk_antrian_pada: DateTime<Utc>,
}

/// An electronic system being registered.
#[derive(Debug, Clone, PartialEq)]
pub struct SistemElektronik(RekamSistem);

impl std::ops::Deref for SistemElektronik {
    type Target = RekamSistem;
    fn deref(&self) -> &RekamSistem {
        &self.0
    }
}

/// The ten parts of the form.
pub const JUMLAH_BAGIAN: u32 = 10;

/// Where one part of the form stands in the task list (R-SE-07).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusBagian {
    BelumDiisi,
    SedangDiisi,
    Lengkap,
}

impl StatusBagian {
    /// The label shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Self::BelumDiisi => "Belum diisi",
            Self::SedangDiisi => "Sedang diisi",
            Self::Lengkap => "Lengkap",
        }
    }
}

impl SistemElektronik {
    /// A new system whose Data Awal waits for the admin (R-SE-03).
    pub fn ajukan(
        instansi_id: InstansiId,
        unit_id: Option<UnitId>,
        pendaftar: AkunId,
        data_awal: DataAwal,
        now: DateTime<Utc>,
    ) -> Self {
        Self(RekamSistem {
            id: SistemId::new(),
            versi: 0,
            instansi_id,
            unit_id,
            pendaftar,
            status: StatusSistem::DataAwalDiajukan,
            data_awal,
            bagian: BTreeMap::new(),
            draf: BTreeMap::new(),
            dokumen: Vec::new(),
            penilaian: None,
            pengembalian: None,
            tanda_daftar: None,
            dibuat_pada: now,
            masuk_antrian_pada: now,
        })
    }

    /// Restores a system from storage.
    pub fn pulihkan(rekam: RekamSistem) -> Self {
        Self(rekam)
    }

    fn harus(&self, boleh: &[StatusSistem], pesan: &str) -> Result<(), SistemError> {
        if boleh.contains(&self.0.status) {
            Ok(())
        } else {
            Err(SistemError::StatusTidakSesuai(format!(
                "{pesan} (status sistem: {}).",
                self.0.status.label()
            )))
        }
    }

    /// Refuses (409) any filling-in unless the form is open: checked before the fields (R-X-04).
    pub fn harus_bisa_diisi(&self) -> Result<(), SistemError> {
        match self.0.status {
            s if s.bisa_diisi() => Ok(()),
            StatusSistem::DataAwalDiajukan | StatusSistem::DataAwalDitolak => {
                Err(SistemError::StatusTidakSesuai(
                    "Formulir baru dapat diisi setelah Data Awal disetujui admin.".into(),
                ))
            }
            StatusSistem::Diajukan => Err(SistemError::StatusTidakSesuai(
                "Formulir sudah diajukan dan terkunci selama verifikasi.".into(),
            )),
            _ => Err(SistemError::StatusTidakSesuai(
                "Sistem yang sudah terdaftar hanya dapat diubah melalui Pengajuan Perubahan Data."
                    .into(),
            )),
        }
    }

    /// Approves the Data Awal: the form opens (R-SE-03).
    pub fn setujui_data_awal(mut self) -> Result<Self, SistemError> {
        self.harus(
            &[StatusSistem::DataAwalDiajukan],
            "Hanya Data Awal yang menunggu verifikasi dapat disetujui",
        )?;
        self.0.status = StatusSistem::Pengisian;
        self.0.pengembalian = None;
        Ok(self)
    }

    /// Rejects the Data Awal with a reason; it can be corrected and sent again.
    pub fn tolak_data_awal(mut self, p: Pengembalian) -> Result<Self, SistemError> {
        self.harus(
            &[StatusSistem::DataAwalDiajukan],
            "Hanya Data Awal yang menunggu verifikasi dapat ditolak",
        )?;
        self.0.status = StatusSistem::DataAwalDitolak;
        self.0.pengembalian = Some(p);
        Ok(self)
    }

    /// Corrects rejected Data Awal and sends it again.
    pub fn perbaiki_data_awal(
        mut self,
        data_awal: DataAwal,
        now: DateTime<Utc>,
    ) -> Result<Self, SistemError> {
        self.harus(
            &[
                StatusSistem::DataAwalDitolak,
                StatusSistem::DataAwalDiajukan,
                StatusSistem::DalamPerubahan,
            ],
            "Data Awal hanya dapat diperbaiki sebelum disetujui atau saat perubahan data",
        )?;
        self.0.data_awal = data_awal;
        if self.0.status != StatusSistem::DalamPerubahan {
            self.0.status = StatusSistem::DataAwalDiajukan;
            self.0.masuk_antrian_pada = now;
        }
        Ok(self)
    }

    /// Saves one section (already validated); its draft is done with.
    pub fn isi_bagian(mut self, bagian: Bagian, isi: Value) -> Result<Self, SistemError> {
        self.harus_bisa_diisi()?;
        self.0.draf.remove(&bagian);
        self.0.bagian.insert(bagian, isi);
        Ok(self)
    }

    /// Keeps a section's draft (already tidied by [`Bagian::draf`]); an empty draft is dropped.
    /// A complete section stays complete until its new values are saved in full.
    pub fn simpan_draf(mut self, bagian: Bagian, draf: Value) -> Result<Self, SistemError> {
        self.harus_bisa_diisi()?;
        if draf.as_object().is_none_or(|o| o.is_empty()) {
            self.0.draf.remove(&bagian);
        } else {
            self.0.draf.insert(bagian, draf);
        }
        Ok(self)
    }

    /// A section's status in the task list.
    pub fn status_bagian(&self, bagian: Bagian) -> StatusBagian {
        if self.0.bagian.contains_key(&bagian) {
            StatusBagian::Lengkap
        } else if self.0.draf.contains_key(&bagian) {
            StatusBagian::SedangDiisi
        } else {
            StatusBagian::BelumDiisi
        }
    }

    /// What a section page shows: the draft when there is one, else the saved section.
    pub fn isian_bagian(&self, bagian: Bagian) -> Option<&Value> {
        self.0
            .draf
            .get(&bagian)
            .or_else(|| self.0.bagian.get(&bagian))
    }

    /// Saves the self-assessment.
    pub fn nilai_kategori(mut self, p: PenilaianKategori) -> Result<Self, SistemError> {
        self.harus_bisa_diisi()?;
        self.0.penilaian = Some(p);
        Ok(self)
    }

    /// Adds a supporting document.
    pub fn tambah_dokumen(mut self, d: DokumenPendukung) -> Result<Self, SistemError> {
        self.harus_bisa_diisi()?;
        self.0.dokumen.push(d);
        Ok(self)
    }

    /// Removes the supporting document `sha256` while the form can be filled in (to replace it,
    /// upload the right one); another is not found.
    pub fn hapus_dokumen(mut self, sha256: &str) -> Result<(Self, DokumenPendukung), SistemError> {
        self.harus_bisa_diisi()?;
        let i = self
            .0
            .dokumen
            .iter()
            .position(|d| d.sha256 == sha256)
            .ok_or(SistemError::TidakDitemukan)?;
        let d = self.0.dokumen.remove(i);
        Ok((self, d))
    }

    /// Complete parts: the eight sections, the documents, the self-assessment.
    pub fn bagian_lengkap(&self) -> u32 {
        let bagian = Bagian::SEMUA
            .iter()
            .filter(|b| self.0.bagian.contains_key(b))
            .count() as u32;
        bagian + u32::from(!self.0.dokumen.is_empty()) + u32::from(self.0.penilaian.is_some())
    }

    /// Progress in percent: complete parts × 10 (R-SE-07).
    pub fn progres(&self) -> u32 {
        self.bagian_lengkap() * 100 / JUMLAH_BAGIAN
    }

    /// Submits the form, only at 100% and with the pejabat's declaration that what was filled
    /// in is true (`pernyataan`); it is locked until the admin decides (R-SE-07).
    pub fn ajukan_formulir(
        mut self,
        now: DateTime<Utc>,
        pernyataan: bool,
    ) -> Result<Self, SistemError> {
        self.harus(
            &[StatusSistem::Pengisian, StatusSistem::Dikembalikan],
            "Formulir hanya dapat diajukan saat pengisian",
        )?;
        if self.progres() < 100 {
            return Err(SistemError::StatusTidakSesuai(format!(
                "Formulir baru {}% lengkap; lengkapi semua bagian hingga 100% sebelum mengajukan.",
                self.progres()
            )));
        }
        if !pernyataan {
            return Err(SistemError::isian(
                "pernyataan",
                "Centang pernyataan bahwa data yang Anda isi benar dan dapat dipertanggungjawabkan.",
            ));
        }
        self.0.status = StatusSistem::Diajukan;
        self.0.masuk_antrian_pada = now;
        Ok(self)
    }

    /// Returns a submitted form with a reason; it is unlocked (R-SE-10).
    pub fn kembalikan(mut self, p: Pengembalian) -> Result<Self, SistemError> {
        self.harus(
            &[StatusSistem::Diajukan],
            "Hanya formulir yang diajukan dapat dikembalikan",
        )?;
        self.0.status = StatusSistem::Dikembalikan;
        self.0.pengembalian = Some(p);
        Ok(self)
    }

    /// Approves a submitted form and issues the Tanda Daftar `nomor` (R-SE-09), noting where
    /// the self-assessment result is sent (R-SE-08).
    pub fn setujui(
        mut self,
        nomor: u64,
        tanggal: NaiveDate,
        bssn_dikirim_ke: Option<String>,
    ) -> Result<Self, SistemError> {
        self.harus(
            &[StatusSistem::Diajukan],
            "Hanya formulir yang diajukan dapat disetujui",
        )?;
        self.0.status = StatusSistem::Terdaftar;
        self.0.pengembalian = None;
        self.0.draf.clear();
        self.0.tanda_daftar = Some(TandaDaftar {
            nomor,
            tanggal_terbit: tanggal,
            bssn_dikirim_ke,
        });
        Ok(self)
    }

    /// Opens a registered system for an approved change (R-PD-03); its Tanda Daftar stays.
    pub fn buka_perubahan(mut self) -> Result<Self, SistemError> {
        self.harus(
            &[StatusSistem::Terdaftar],
            "Hanya sistem yang terdaftar dapat dibuka untuk perubahan data",
        )?;
        self.0.status = StatusSistem::DalamPerubahan;
        Ok(self)
    }

    /// Closes a change: the system is registered again with the same Tanda Daftar (R-PD-04).
    pub fn tutup_perubahan(mut self) -> Result<Self, SistemError> {
        self.harus(
            &[StatusSistem::DalamPerubahan],
            "Sistem tidak sedang dalam perubahan data",
        )?;
        if self.progres() < 100 {
            return Err(SistemError::StatusTidakSesuai(format!(
                "Formulir baru {}% lengkap; lengkapi semua bagian sebelum menyelesaikan perubahan.",
                self.progres()
            )));
        }
        self.0.status = StatusSistem::Terdaftar;
        self.0.draf.clear();
        Ok(self)
    }

    /// What was filled in, as one value.
    pub fn isi(&self) -> super::IsiSistem {
        super::IsiSistem {
            data_awal: self.0.data_awal.clone(),
            bagian: self.0.bagian.clone(),
            dokumen: self.0.dokumen.clone(),
            penilaian: self.0.penilaian.clone(),
        }
    }

    /// Whether it holds a valid Tanda Daftar: registered, or registered and being changed (R-PD-04).
    pub fn terdaftar(&self) -> bool {
        self.0.status.terdaftar()
    }

    /// Whether the public may see it (R-SE-12): registered and marked for publication.
    pub fn publik(&self) -> bool {
        self.terdaftar() && self.0.data_awal.publikasi_spbe
    }

    /// Whether the declared category differs from the self-assessment's (shown to people).
    pub fn kategori_berbeda(&self) -> bool {
        self.kategori_berlaku() != self.0.data_awal.kategori
    }

    /// The category that counts: the self-assessment's result, else the declared one (R-SE-05).
    pub fn kategori_berlaku(&self) -> super::KategoriSe {
        self.0
            .penilaian
            .as_ref()
            .map_or(self.0.data_awal.kategori, |p| p.kategori)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    fn sistem() -> SistemElektronik {
        crate::contoh::data_awal_diajukan().unwrap()
    }

    fn lengkapi(s: SistemElektronik) -> SistemElektronik {
        crate::contoh::lengkapi(s, &json!({})).unwrap()
    }

    #[test]
    fn r_se_03_sections_wait_for_the_data_awal_check() {
        let e = sistem()
            .isi_bagian(Bagian::DataUmum, json!({}))
            .unwrap_err();
        insta::assert_snapshot!(e.to_string(), @"Formulir baru dapat diisi setelah Data Awal disetujui admin.");
        let ditolak = sistem()
            .tolak_data_awal(Pengembalian {
                alasan: "Nama ganda".into(),
                waktu: DateTime::<Utc>::default(),
            })
            .unwrap();
        let ulang = ditolak
            .perbaiki_data_awal(sistem().data_awal.clone(), DateTime::<Utc>::default())
            .unwrap();
        assert_eq!(ulang.status, StatusSistem::DataAwalDiajukan);
        assert_eq!(
            ulang.setujui_data_awal().unwrap().status,
            StatusSistem::Pengisian
        );
    }

    #[test]
    fn r_se_07_progress_counts_ten_parts_and_submission_needs_100_and_locks() {
        let s = sistem().setujui_data_awal().unwrap();
        assert_eq!(s.progres(), 0);
        let s = s
            .isi_bagian(Bagian::DataUmum, json!({}))
            .unwrap()
            .isi_bagian(Bagian::Helpdesk, json!({}))
            .unwrap();
        assert_eq!(s.progres(), 20);
        let kurang = s
            .clone()
            .ajukan_formulir(DateTime::<Utc>::default(), true)
            .unwrap_err();
        insta::assert_snapshot!(kurang.to_string(), @"Formulir baru 20% lengkap; lengkapi semua bagian hingga 100% sebelum mengajukan.");
        let s = lengkapi(s);
        assert_eq!(s.progres(), 100);
        let diajukan = s.ajukan_formulir(DateTime::<Utc>::default(), true).unwrap();
        let terkunci = diajukan
            .clone()
            .isi_bagian(Bagian::DataUmum, json!({}))
            .unwrap_err();
        insta::assert_snapshot!(terkunci.to_string(), @"Formulir sudah diajukan dan terkunci selama verifikasi.");
    }

    #[test]
    fn r_se_07_a_draft_marks_its_section_sedang_diisi_until_saved_in_full() {
        let s = sistem().setujui_data_awal().unwrap();
        assert_eq!(s.status_bagian(Bagian::Helpdesk), StatusBagian::BelumDiisi);
        let s = s
            .simpan_draf(Bagian::Helpdesk, json!({"email": "helpdesk@"}))
            .unwrap();
        assert_eq!(s.status_bagian(Bagian::Helpdesk), StatusBagian::SedangDiisi);
        assert_eq!(s.progres(), 0, "a draft is not progress");
        assert_eq!(
            s.isian_bagian(Bagian::Helpdesk),
            Some(&json!({"email": "helpdesk@"}))
        );
        let s = s
            .isi_bagian(Bagian::Helpdesk, json!({"email": "helpdesk@x.go.id"}))
            .unwrap();
        assert_eq!(s.status_bagian(Bagian::Helpdesk), StatusBagian::Lengkap);
        assert!(s.draf.is_empty());
        let kosong = s
            .clone()
            .simpan_draf(Bagian::DataUmum, json!({"fungsi": "x"}))
            .unwrap()
            .simpan_draf(Bagian::DataUmum, json!({}))
            .unwrap();
        assert_eq!(
            kosong.status_bagian(Bagian::DataUmum),
            StatusBagian::BelumDiisi
        );
        let belum = sistem()
            .simpan_draf(Bagian::DataUmum, json!({"fungsi": "x"}))
            .unwrap_err();
        assert!(matches!(belum, SistemError::StatusTidakSesuai(_)));
    }

    #[test]
    fn r_se_10_returned_form_unlocks_and_can_be_submitted_again() {
        let s = lengkapi(sistem().setujui_data_awal().unwrap())
            .ajukan_formulir(DateTime::<Utc>::default(), true)
            .unwrap();
        let kembali = s
            .kembalikan(Pengembalian {
                alasan: "URL tidak dapat diakses".into(),
                waktu: DateTime::<Utc>::default(),
            })
            .unwrap();
        assert_eq!(kembali.status, StatusSistem::Dikembalikan);
        let diubah = kembali
            .isi_bagian(Bagian::Helpdesk, json!({"email": "x"}))
            .unwrap();
        assert_eq!(
            diubah
                .ajukan_formulir(DateTime::<Utc>::default(), true)
                .unwrap()
                .status,
            StatusSistem::Diajukan
        );
    }

    #[test]
    fn r_se_09_approval_issues_the_tanda_daftar_and_r_se_12_publication_follows_it() {
        let s = lengkapi(sistem().setujui_data_awal().unwrap())
            .ajukan_formulir(DateTime::<Utc>::default(), true)
            .unwrap();
        assert!(!s.publik(), "nothing is public before registration");
        let tanggal = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let t = s.setujui(1771, tanggal, None).unwrap();
        assert_eq!(
            t.tanda_daftar,
            Some(TandaDaftar {
                nomor: 1771,
                tanggal_terbit: tanggal,
                bssn_dikirim_ke: None,
            })
        );
        assert!(t.publik());
        assert!(t.kategori_berbeda(), "declared rendah, assessed tinggi");
        let lagi = t.clone().setujui(1772, tanggal, None).unwrap_err();
        assert!(matches!(lagi, SistemError::StatusTidakSesuai(_)));
        let edit = t.isi_bagian(Bagian::DataUmum, json!({})).unwrap_err();
        insta::assert_snapshot!(edit.to_string(), @"Sistem yang sudah terdaftar hanya dapat diubah melalui Pengajuan Perubahan Data.");
    }
}
