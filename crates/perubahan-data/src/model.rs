//! The change request and its state machine (R-PD-01…R-PD-04):
//! `terkirim` → `disetujui_sedang_dalam_perubahan` → `sudah_selesai`, or `terkirim` → `ditolak`.
//! Each transition moves the system with it, so both are saved in one unit of work.

use crate::PerubahanError;
use chrono::{DateTime, Utc};
use pse_kernel::{AkunId, InstansiId, PerubahanId, SistemId, UnitId};
use pse_kernel::{Galat, GalatIsian};
use serde::{Deserialize, Serialize};
use sistem_elektronik::model::{IsiSistem, Perbedaan, SistemElektronik, StatusSistem};

/// Where a change request stands (JSON values of the contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatusPerubahan {
    Terkirim,
    DisetujuiSedangDalamPerubahan,
    Ditolak,
    SudahSelesai,
}

impl StatusPerubahan {
    /// Every status.
    pub const SEMUA: [StatusPerubahan; 4] = [
        Self::Terkirim,
        Self::DisetujuiSedangDalamPerubahan,
        Self::Ditolak,
        Self::SudahSelesai,
    ];

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Terkirim => "terkirim",
            Self::DisetujuiSedangDalamPerubahan => "disetujui_sedang_dalam_perubahan",
            Self::Ditolak => "ditolak",
            Self::SudahSelesai => "sudah_selesai",
        }
    }

    /// Parses a stored value.
    pub fn parse(raw: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|s| s.kode() == raw)
    }

    /// The label the requester reads.
    pub fn label(self) -> &'static str {
        match self {
            Self::Terkirim => "Terkirim",
            Self::DisetujuiSedangDalamPerubahan => "Disetujui - Sedang Dalam Perubahan",
            Self::Ditolak => "Ditolak",
            Self::SudahSelesai => "Sudah Selesai",
        }
    }

    /// The label the admin reads.
    pub fn label_admin(self) -> &'static str {
        match self {
            Self::Terkirim => "Menunggu Persetujuan",
            lain => lain.label(),
        }
    }

    /// Whether the request is still open (at most one per system, R-PD-02).
    pub fn terbuka(self) -> bool {
        matches!(self, Self::Terkirim | Self::DisetujuiSedangDalamPerubahan)
    }
}

/// The admin's reason for a rejection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PenolakanPerubahan {
    /// `data_tidak_valid`, `lainnya`, …
    pub kategori: String,
    pub catatan: String,
    pub waktu: DateTime<Utc>,
}

/// What a change request record holds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RekamPerubahan {
    pub id: PerubahanId,
    /// Optimistic-concurrency version (0 before the first save).
    pub versi: i64,
    pub sistem_id: SistemId,
    /// The system's external name when the request was made.
    pub nama_sistem: String,
    pub instansi_id: InstansiId,
    /// The system's unit (a sub pejabat sees its unit's requests).
    pub unit_id: Option<UnitId>,
    pub pemohon: AkunId,
    pub alasan: String,
    pub status: StatusPerubahan,
    pub penolakan: Option<PenolakanPerubahan>,
    /// The system's data when the change was approved: the previous version (R-PD-04).
    pub sebelum: Option<IsiSistem>,
    /// What changed, field by field, once finished.
    pub perbedaan: Vec<Perbedaan>,
    pub diajukan_pada: DateTime<Utc>,
    pub diputus_pada: Option<DateTime<Utc>>,
    pub selesai_pada: Option<DateTime<Utc>>,
}

/// A request to change a registered system.
#[derive(Debug, Clone, PartialEq)]
pub struct PermohonanPerubahan(RekamPerubahan);

impl std::ops::Deref for PermohonanPerubahan {
    type Target = RekamPerubahan;
    fn deref(&self) -> &RekamPerubahan {
        &self.0
    }
}

const BATAS_ALASAN: usize = 2000;

/// What is wrong with a request's reason, if anything (R-PD-02: always with a reason).
pub(crate) fn galat_alasan(alasan: &str) -> Option<GalatIsian> {
    let alasan = alasan.trim();
    if alasan.is_empty() {
        Some(GalatIsian::new(
            "alasan",
            "Tulis alasan perubahan, misalnya apa yang berubah pada sistem.",
        ))
    } else if alasan.chars().count() > BATAS_ALASAN {
        Some(GalatIsian::new(
            "alasan",
            format!("Alasan paling banyak {BATAS_ALASAN} karakter."),
        ))
    } else {
        None
    }
}

fn salah_status(pesan: &str, status: StatusPerubahan) -> PerubahanError {
    Galat::StatusTidakSesuai(format!("{pesan} (status pengajuan: {}).", status.label())).into()
}

impl PermohonanPerubahan {
    /// A new request `terkirim` for `sistem` (R-PD-01, R-PD-02): only a system with a Tanda Daftar,
    /// only one open request per system, always with a reason.
    pub fn ajukan(
        sistem: &SistemElektronik,
        pemohon: AkunId,
        alasan: &str,
        terbuka: Option<&PermohonanPerubahan>,
        now: DateTime<Utc>,
    ) -> Result<Self, PerubahanError> {
        let alasan = alasan.trim();
        let mut galat: Vec<GalatIsian> = galat_alasan(alasan).into_iter().collect();
        if sistem.tanda_daftar.is_none() {
            galat.push(GalatIsian::new(
                "sistem_elektronik_id",
                "Hanya sistem yang sudah memiliki Tanda Daftar yang dapat diajukan perubahan datanya.",
            ));
        } else if terbuka.is_some() {
            return Err(PerubahanError::SudahAdaPengajuan);
        }
        if !galat.is_empty() {
            return Err(Galat::Validasi(galat).into());
        }
        Ok(Self(RekamPerubahan {
            id: PerubahanId::new(),
            versi: 0,
            sistem_id: sistem.id,
            nama_sistem: sistem.data_awal.nama_eksternal.clone(),
            instansi_id: sistem.instansi_id,
            unit_id: sistem.unit_id,
            pemohon,
            alasan: alasan.into(),
            status: StatusPerubahan::Terkirim,
            penolakan: None,
            sebelum: None,
            perbedaan: Vec::new(),
            diajukan_pada: now,
            diputus_pada: None,
            selesai_pada: None,
        }))
    }

    /// Restores a request from storage.
    pub fn pulihkan(rekam: RekamPerubahan) -> Self {
        Self(rekam)
    }

    /// Approves (R-PD-03): the system opens for editing and its current data is kept as the
    /// previous version.
    pub fn setujui(
        mut self,
        sistem: SistemElektronik,
        now: DateTime<Utc>,
    ) -> Result<(Self, SistemElektronik), PerubahanError> {
        if self.0.status != StatusPerubahan::Terkirim {
            return Err(salah_status(
                "Hanya pengajuan yang menunggu persetujuan dapat disetujui",
                self.0.status,
            ));
        }
        let sebelum = sistem.isi();
        let sistem = sistem.buka_perubahan()?;
        self.0.status = StatusPerubahan::DisetujuiSedangDalamPerubahan;
        self.0.sebelum = Some(sebelum);
        self.0.diputus_pada = Some(now);
        Ok((self, sistem))
    }

    /// Rejects with a reason (R-PD-03); the system is untouched.
    pub fn tolak(mut self, p: PenolakanPerubahan) -> Result<Self, PerubahanError> {
        if self.0.status != StatusPerubahan::Terkirim {
            return Err(salah_status(
                "Hanya pengajuan yang menunggu persetujuan dapat ditolak",
                self.0.status,
            ));
        }
        if p.catatan.trim().is_empty() {
            return Err(Galat::isian(
                "catatan",
                "Tulis alasan penolakan agar pemohon mengetahuinya.",
            )
            .into());
        }
        self.0.diputus_pada = Some(p.waktu);
        self.0.penolakan = Some(p);
        self.0.status = StatusPerubahan::Ditolak;
        Ok(self)
    }

    /// Finishes (R-PD-04): the system is registered again with its Tanda Daftar, and what changed
    /// since approval is recorded field by field (possibly nothing).
    pub fn selesai(
        mut self,
        sistem: SistemElektronik,
        now: DateTime<Utc>,
        wilayah: &pse_kernel::DaftarWilayah,
    ) -> Result<(Self, SistemElektronik), PerubahanError> {
        if self.0.status != StatusPerubahan::DisetujuiSedangDalamPerubahan
            || sistem.status != StatusSistem::DalamPerubahan
        {
            return Err(salah_status(
                "Perubahan hanya dapat diselesaikan setelah disetujui dan sebelum selesai",
                self.0.status,
            ));
        }
        let sistem = sistem.tutup_perubahan()?;
        if let Some(sebelum) = &self.0.sebelum {
            self.0.perbedaan = sistem.isi().perbedaan_dari(sebelum, wilayah);
        }
        self.0.status = StatusPerubahan::SudahSelesai;
        self.0.selesai_pada = Some(now);
        Ok((self, sistem))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;
    use sistem_elektronik::model::Bagian;

    fn waktu() -> DateTime<Utc> {
        DateTime::<Utc>::default()
    }

    fn sistem() -> SistemElektronik {
        sistem_elektronik::contoh::pengisian().unwrap()
    }

    fn terdaftar() -> SistemElektronik {
        sistem_elektronik::contoh::terdaftar(7, &json!({"email": "a@b.go.id"})).unwrap()
    }

    #[test]
    fn r_pd_01_only_a_system_with_a_tanda_daftar_can_be_changed() {
        let e =
            PermohonanPerubahan::ajukan(&sistem(), AkunId::new(), "", None, waktu()).unwrap_err();
        insta::assert_debug_snapshot!(e);
    }

    #[test]
    fn r_pd_02_one_open_request_per_system_starting_as_terkirim() {
        let s = terdaftar();
        let p =
            PermohonanPerubahan::ajukan(&s, AkunId::new(), " URL pindah ", None, waktu()).unwrap();
        assert_eq!(
            (p.status, p.alasan.as_str()),
            (StatusPerubahan::Terkirim, "URL pindah")
        );
        assert_eq!(p.status.label_admin(), "Menunggu Persetujuan");
        let kedua =
            PermohonanPerubahan::ajukan(&s, AkunId::new(), "Lagi", Some(&p), waktu()).unwrap_err();
        insta::assert_snapshot!(kedua.to_string(), @"Sistem ini sudah memiliki pengajuan perubahan yang belum selesai; selesaikan atau tunggu keputusannya dahulu.");
    }

    #[test]
    fn r_pd_03_approval_opens_the_form_and_rejection_needs_a_reason() {
        let s = terdaftar();
        let p =
            PermohonanPerubahan::ajukan(&s, AkunId::new(), "URL pindah", None, waktu()).unwrap();
        let tanpa_alasan = p
            .clone()
            .tolak(PenolakanPerubahan {
                kategori: "lainnya".into(),
                catatan: " ".into(),
                waktu: waktu(),
            })
            .unwrap_err();
        assert!(matches!(
            tanpa_alasan,
            PerubahanError::Umum(Galat::Validasi(_))
        ));
        let (p, s) = p.setujui(s, waktu()).unwrap();
        assert_eq!(
            (p.status, s.status),
            (
                StatusPerubahan::DisetujuiSedangDalamPerubahan,
                StatusSistem::DalamPerubahan
            )
        );
        assert!(s.tanda_daftar.is_some());
        let lagi = p
            .tolak(PenolakanPerubahan {
                kategori: "lainnya".into(),
                catatan: "x".into(),
                waktu: waktu(),
            })
            .unwrap_err();
        insta::assert_snapshot!(lagi.to_string(), @"Hanya pengajuan yang menunggu persetujuan dapat ditolak (status pengajuan: Disetujui - Sedang Dalam Perubahan).");
    }

    #[test]
    fn r_pd_04_finishing_keeps_the_number_and_records_each_changed_field() {
        let s = terdaftar();
        let p =
            PermohonanPerubahan::ajukan(&s, AkunId::new(), "Helpdesk baru", None, waktu()).unwrap();
        let (p, s) = p.setujui(s, waktu()).unwrap();
        let s = s
            .isi_bagian(Bagian::Helpdesk, json!({"email": "helpdesk@b.go.id"}))
            .unwrap();
        let (p, s) = p.selesai(s, waktu(), &Default::default()).unwrap();
        assert_eq!(s.status, StatusSistem::Terdaftar);
        assert_eq!(s.tanda_daftar.as_ref().map(|t| t.nomor), Some(7));
        assert_eq!(p.status, StatusPerubahan::SudahSelesai);
        insta::assert_yaml_snapshot!(p.perbedaan);
        let lagi = p.selesai(s, waktu(), &Default::default()).unwrap_err();
        assert!(matches!(
            lagi,
            PerubahanError::Umum(Galat::StatusTidakSesuai(_))
        ));
    }

    #[test]
    fn r_pd_04_finishing_without_a_change_is_allowed_and_records_nothing() {
        let s = terdaftar();
        let p = PermohonanPerubahan::ajukan(&s, AkunId::new(), "Periksa", None, waktu()).unwrap();
        let (p, s) = p.setujui(s, waktu()).unwrap();
        let (p, _) = p.selesai(s, waktu(), &Default::default()).unwrap();
        assert!(p.perbedaan.is_empty());
    }
}
