//! The request and its life (R-DAE-01..05): applied with its two PDFs, disposed twice, returned
//! and completed on the same request, registered as a Data Awal of the OPD's unit, reported. Each
//! step keeps when it began and ended, and reads its working minutes against its standard.

mod isian;
mod peran;

pub use isian::{Berkas, FormPermohonan, IsianPermohonan, PANJANG_MAKS};
pub use peran::{KodeLangkah, Pelaku, Petugas, Tugas};

use chrono::{DateTime, Utc};
use pse_kernel::{
    AkunId, Galat, GalatIsian, InstansiId, PermohonanDaerahId, SistemId, UnitId, WaktuKerja,
};
use serde::{Deserialize, Serialize};

/// Where a request stands (contract values of DESIGN "Statuses").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum StatusPermohonanDaerah {
    /// Applied: waits for the Kepala Dinas.
    Diajukan,
    /// Disposed to a Kepala Bidang: waits for them.
    DidisposisiKepalaBidang,
    /// Disposed to a Tim Teknis member: waits for the check.
    DidisposisiTimTeknis,
    /// Returned to the applicant with what is missing.
    Dikembalikan,
    /// The system is registered (its Data Awal made): waits for the report.
    Tercatat,
    /// Reported with the Surat Balasan: done.
    Selesai,
}

impl StatusPermohonanDaerah {
    /// Every status, in order.
    pub const SEMUA: [Self; 6] = [
        Self::Diajukan,
        Self::DidisposisiKepalaBidang,
        Self::DidisposisiTimTeknis,
        Self::Dikembalikan,
        Self::Tercatat,
        Self::Selesai,
    ];

    /// The contract value.
    pub fn kode(self) -> &'static str {
        match self {
            Self::Diajukan => "diajukan",
            Self::DidisposisiKepalaBidang => "didisposisi_kepala_bidang",
            Self::DidisposisiTimTeknis => "didisposisi_tim_teknis",
            Self::Dikembalikan => "dikembalikan",
            Self::Tercatat => "tercatat",
            Self::Selesai => "selesai",
        }
    }

    /// As people read it.
    pub fn label(self) -> &'static str {
        match self {
            Self::Diajukan => "Menunggu disposisi Kepala Dinas",
            Self::DidisposisiKepalaBidang => "Menunggu disposisi Kepala Bidang",
            Self::DidisposisiTimTeknis => "Diperiksa Tim Teknis",
            Self::Dikembalikan => "Dikembalikan untuk dilengkapi",
            Self::Tercatat => "Sistem elektronik tercatat, menunggu laporan",
            Self::Selesai => "Selesai",
        }
    }

    /// The status of a contract value.
    pub fn dari_kode(kode: &str) -> Option<Self> {
        Self::SEMUA.into_iter().find(|s| s.kode() == kode)
    }
}

/// One step as it ran: when it began and, once done, when it ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Langkah {
    /// Which step.
    pub kode: KodeLangkah,
    /// When it began.
    pub mulai: DateTime<Utc>,
    /// When it ended; none while it runs.
    pub selesai: Option<DateTime<Utc>>,
}

impl Langkah {
    /// The working minutes it took, or has taken by `sekarang` while it runs.
    pub fn menit_kerja(&self, w: &WaktuKerja, sekarang: DateTime<Utc>) -> u32 {
        w.menit_antara(self.mulai, self.selesai.unwrap_or(sekarang))
    }

    /// When it is due: its standard in working minutes after it began.
    pub fn tenggat(&self, w: &WaktuKerja) -> DateTime<Utc> {
        w.tambah_menit(self.mulai, self.kode.standar_menit())
    }

    /// Whether it took, or has taken by `sekarang`, longer than its standard.
    pub fn terlambat(&self, w: &WaktuKerja, sekarang: DateTime<Utc>) -> bool {
        self.menit_kerja(w, sekarang) > self.kode.standar_menit()
    }
}

/// A disposition: who sent the request to whom, with what instruction, when (the Lembar
/// Disposisi's rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Disposisi {
    /// From.
    pub dari: Petugas,
    /// To.
    pub kepada: Petugas,
    /// The instruction.
    pub instruksi: String,
    /// When.
    pub pada: DateTime<Utc>,
}

/// A return to the applicant with what is missing, and its completion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pengembalian {
    /// The Tim Teknis member who returned it.
    pub oleh: AkunId,
    /// What is missing, in the Tim Teknis' words.
    pub kekurangan: String,
    /// When it was returned.
    pub pada: DateTime<Utc>,
    /// The applicant's note on completing it, and when; none while it waits.
    pub dilengkapi: Option<(String, DateTime<Utc>)>,
}

/// A request of an OPD to have its system registered through the Dinas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PermohonanDaerah {
    /// Its id, kept from application to report.
    pub id: PermohonanDaerahId,
    /// The pemda.
    pub instansi_id: InstansiId,
    /// The OPD's unit.
    pub unit_id: UnitId,
    /// The applicant (the unit's Sub Pejabat).
    pub pemohon: AkunId,
    /// What was applied for.
    pub isian: IsianPermohonan,
    /// The Surat Rekomendasi Pembangunan Aplikasi (PDF).
    pub surat_rekomendasi: Berkas,
    /// The report of the planning, analysis, design, implementation and testing stages (PDF).
    pub laporan_tahapan: Berkas,
    /// Where it stands.
    pub status: StatusPermohonanDaerah,
    /// The steps as they ran, in order (a returned check runs again once completed).
    pub langkah: Vec<Langkah>,
    /// The dispositions, in order.
    pub disposisi: Vec<Disposisi>,
    /// The returns, in order.
    pub pengembalian: Vec<Pengembalian>,
    /// The Sistem Elektronik the Tim Teknis registered from it.
    pub sistem_elektronik_id: Option<SistemId>,
    /// The Tim Teknis' report, sent with the Surat Balasan.
    pub ringkasan: Option<String>,
    /// When it was applied.
    pub diajukan_pada: DateTime<Utc>,
    /// The stored version (0 before the first save).
    pub versi: i64,
}

/// Words that say a request is not waiting for this step.
fn bukan_giliran(p: &PermohonanDaerah) -> Galat {
    Galat::StatusTidakSesuai(format!(
        "Permohonan ini tidak menunggu langkah tersebut: statusnya \"{}\".",
        p.status.label()
    ))
}

/// A required text of at most [`PANJANG_MAKS`] characters, trimmed.
fn teks_wajib(field: &str, nilai: &str, kosong: &str) -> Result<String, GalatIsian> {
    let t = nilai.trim();
    if t.is_empty() {
        Err(GalatIsian::new(field, kosong))
    } else if t.chars().count() > PANJANG_MAKS {
        Err(GalatIsian::new(
            field,
            format!("Paling panjang {PANJANG_MAKS} karakter."),
        ))
    } else {
        Ok(t.to_string())
    }
}

impl PermohonanDaerah {
    /// A request applied by the Sub Pejabat `pelaku` at `pada` (R-DAE-01): it waits for the
    /// Kepala Dinas. Only an OPD's Sub Pejabat applies.
    pub fn ajukan(
        pelaku: &Pelaku,
        isian: IsianPermohonan,
        surat_rekomendasi: Berkas,
        laporan_tahapan: Berkas,
        pada: DateTime<Utc>,
    ) -> Result<Self, Galat> {
        let Pelaku::Pemohon {
            akun_id,
            instansi_id,
            unit_id,
        } = pelaku
        else {
            return Err(Galat::Dilarang);
        };
        Ok(Self {
            id: PermohonanDaerahId::new(),
            instansi_id: *instansi_id,
            unit_id: *unit_id,
            pemohon: *akun_id,
            isian,
            surat_rekomendasi,
            laporan_tahapan,
            status: StatusPermohonanDaerah::Diajukan,
            langkah: vec![Langkah {
                kode: KodeLangkah::DisposisiKepalaDinas,
                mulai: pada,
                selesai: None,
            }],
            disposisi: Vec::new(),
            pengembalian: Vec::new(),
            sistem_elektronik_id: None,
            ringkasan: None,
            diajukan_pada: pada,
            versi: 0,
        })
    }

    /// Whether `pelaku` may read it: its pemda's petugas, its applicant, its pejabat, the admin.
    /// Anyone else is told it does not exist.
    pub fn boleh_dilihat(&self, pelaku: &Pelaku) -> Result<(), Galat> {
        match pelaku {
            Pelaku::Admin => Ok(()),
            Pelaku::Pemohon { akun_id, .. } if *akun_id == self.pemohon => Ok(()),
            Pelaku::Petugas(p) if p.instansi_id == self.instansi_id => Ok(()),
            Pelaku::Pejabat { instansi_id } if *instansi_id == self.instansi_id => Ok(()),
            _ => Err(Galat::TidakDitemukan),
        }
    }

    /// The step running now; none once reported or while returned.
    pub fn langkah_berjalan(&self) -> Option<&Langkah> {
        self.langkah.last().filter(|l| l.selesai.is_none())
    }

    /// Who the request waits for: any Kepala Dinas of its pemda first (no account), then the
    /// petugas it was disposed to; none while returned or once finished.
    pub fn menunggu_siapa(&self) -> Option<(Tugas, Option<AkunId>)> {
        match self.status {
            StatusPermohonanDaerah::Diajukan => Some((Tugas::KepalaDinas, None)),
            StatusPermohonanDaerah::DidisposisiKepalaBidang => {
                Some((Tugas::KepalaBidang, self.penerima_terakhir()))
            }
            StatusPermohonanDaerah::DidisposisiTimTeknis | StatusPermohonanDaerah::Tercatat => {
                Some((Tugas::TimTeknis, self.tim_teknis()))
            }
            StatusPermohonanDaerah::Dikembalikan | StatusPermohonanDaerah::Selesai => None,
        }
    }

    /// Whether the request waits for the petugas `p`.
    pub fn menunggu(&self, p: &Petugas) -> bool {
        p.instansi_id == self.instansi_id
            && match self.menunggu_siapa() {
                Some((tugas, None)) => p.tugas == tugas,
                Some((_, Some(akun))) => p.akun_id == akun,
                None => false,
            }
    }

    /// Who the last disposition went to.
    fn penerima_terakhir(&self) -> Option<AkunId> {
        self.disposisi.last().map(|d| d.kepada.akun_id)
    }

    /// The Tim Teknis member it was disposed to.
    pub fn tim_teknis(&self) -> Option<AkunId> {
        self.disposisi
            .iter()
            .find(|d| d.kepada.tugas == Tugas::TimTeknis)
            .map(|d| d.kepada.akun_id)
    }

    /// The petugas acting, when they belong to this pemda (another pemda's is told it does not
    /// exist) and the step waits for them (else forbidden).
    fn petugas_bergiliran<'a>(&self, pelaku: &'a Pelaku) -> Result<&'a Petugas, Galat> {
        self.boleh_dilihat(pelaku)?;
        match pelaku {
            Pelaku::Petugas(p) if self.menunggu(p) => Ok(p),
            _ => Err(Galat::Dilarang),
        }
    }

    /// Ends the running step at `pada` and, when given, starts the next.
    fn pindah(&mut self, pada: DateTime<Utc>, berikut: Option<KodeLangkah>) {
        if let Some(l) = self.langkah.last_mut()
            && l.selesai.is_none()
        {
            l.selesai = Some(pada);
        }
        if let Some(kode) = berikut {
            self.langkah.push(Langkah {
                kode,
                mulai: pada,
                selesai: None,
            });
        }
    }

    /// Disposes the request (R-DAE-02): the Kepala Dinas to a Kepala Bidang, then that Kepala
    /// Bidang to a Tim Teknis member, with an instruction. Out of turn is a state error, another
    /// petugas forbidden, checked before the fields.
    pub fn disposisi(
        &mut self,
        pelaku: &Pelaku,
        kepada: Option<&Petugas>,
        instruksi: &str,
        pada: DateTime<Utc>,
    ) -> Result<(), Galat> {
        self.boleh_dilihat(pelaku)?;
        let (tujuan, berikut, status) = match self.status {
            StatusPermohonanDaerah::Diajukan => (
                Tugas::KepalaBidang,
                KodeLangkah::DisposisiKepalaBidang,
                StatusPermohonanDaerah::DidisposisiKepalaBidang,
            ),
            StatusPermohonanDaerah::DidisposisiKepalaBidang => (
                Tugas::TimTeknis,
                KodeLangkah::PemeriksaanPencatatan,
                StatusPermohonanDaerah::DidisposisiTimTeknis,
            ),
            _ => return Err(bukan_giliran(self)),
        };
        let dari = self.petugas_bergiliran(pelaku)?.clone();
        let mut galat = Vec::new();
        let kepada = match kepada {
            Some(k) if k.instansi_id == self.instansi_id && k.tugas == tujuan => Some(k.clone()),
            _ => {
                galat.push(GalatIsian::new(
                    "kepada_id",
                    format!("Pilih {} di instansi Anda.", tujuan.label()),
                ));
                None
            }
        };
        let instruksi = teks_wajib("instruksi", instruksi, "Tulis instruksi disposisi.")
            .map_err(|g| galat.push(g))
            .ok();
        let (Some(kepada), Some(instruksi)) = (kepada, instruksi) else {
            return Err(Galat::Validasi(galat));
        };
        self.disposisi.push(Disposisi {
            dari,
            kepada,
            instruksi,
            pada,
        });
        self.status = status;
        self.pindah(pada, Some(berikut));
        Ok(())
    }

    /// Returns it to the applicant with what is missing (R-DAE-03); the check's clock stops
    /// until the applicant completes it.
    pub fn kembalikan(
        &mut self,
        pelaku: &Pelaku,
        kekurangan: &str,
        pada: DateTime<Utc>,
    ) -> Result<(), Galat> {
        self.boleh_dilihat(pelaku)?;
        if self.status != StatusPermohonanDaerah::DidisposisiTimTeknis {
            return Err(bukan_giliran(self));
        }
        let oleh = self.petugas_bergiliran(pelaku)?.akun_id;
        let kekurangan = teks_wajib(
            "kekurangan",
            kekurangan,
            "Tulis apa yang perlu dilengkapi pemohon.",
        )
        .map_err(|g| Galat::Validasi(vec![g]))?;
        self.pengembalian.push(Pengembalian {
            oleh,
            kekurangan,
            pada,
            dilengkapi: None,
        });
        self.status = StatusPermohonanDaerah::Dikembalikan;
        self.pindah(pada, None);
        Ok(())
    }

    /// The applicant completes a returned request (R-DAE-03): new PDFs for what was asked and/or
    /// a note; the same request goes back to the same Tim Teknis member, whose check runs again.
    pub fn lengkapi(
        &mut self,
        pelaku: &Pelaku,
        surat_rekomendasi: Option<Berkas>,
        laporan_tahapan: Option<Berkas>,
        keterangan: &str,
        pada: DateTime<Utc>,
    ) -> Result<(), Galat> {
        self.boleh_dilihat(pelaku)?;
        if self.status != StatusPermohonanDaerah::Dikembalikan {
            return Err(bukan_giliran(self));
        }
        if !matches!(pelaku, Pelaku::Pemohon { akun_id, .. } if *akun_id == self.pemohon) {
            return Err(Galat::Dilarang);
        }
        let keterangan = keterangan.trim();
        if keterangan.chars().count() > PANJANG_MAKS {
            return Err(Galat::isian(
                "keterangan",
                format!("Paling panjang {PANJANG_MAKS} karakter."),
            ));
        }
        if surat_rekomendasi.is_none() && laporan_tahapan.is_none() && keterangan.is_empty() {
            return Err(Galat::isian(
                "keterangan",
                "Unggah berkas yang diminta atau tulis keterangan kelengkapannya.",
            ));
        }
        if let Some(b) = surat_rekomendasi {
            self.surat_rekomendasi = b;
        }
        if let Some(b) = laporan_tahapan {
            self.laporan_tahapan = b;
        }
        if let Some(p) = self.pengembalian.last_mut() {
            p.dilengkapi = Some((keterangan.to_string(), pada));
        }
        self.status = StatusPermohonanDaerah::DidisposisiTimTeknis;
        self.pindah(pada, Some(KodeLangkah::PemeriksaanPencatatan));
        Ok(())
    }

    /// Whether `pelaku` may register the system now: the Tim Teknis member it waits for, while it
    /// is checked. The service asks before it makes the Data Awal.
    pub fn boleh_dicatat(&self, pelaku: &Pelaku) -> Result<(), Galat> {
        self.boleh_dilihat(pelaku)?;
        if self.status != StatusPermohonanDaerah::DidisposisiTimTeknis {
            return Err(bukan_giliran(self));
        }
        self.petugas_bergiliran(pelaku).map(|_| ())
    }

    /// Links the Sistem Elektronik registered from it (R-DAE-03); the report's step begins.
    pub fn catat(
        &mut self,
        pelaku: &Pelaku,
        sistem: SistemId,
        pada: DateTime<Utc>,
    ) -> Result<(), Galat> {
        self.boleh_dicatat(pelaku)?;
        self.sistem_elektronik_id = Some(sistem);
        self.status = StatusPermohonanDaerah::Tercatat;
        self.pindah(pada, Some(KodeLangkah::Pelaporan));
        Ok(())
    }

    /// Reports the result (R-DAE-04): the Surat Balasan to the applicant and the Kepala Dinas.
    pub fn selesaikan(
        &mut self,
        pelaku: &Pelaku,
        ringkasan: &str,
        pada: DateTime<Utc>,
    ) -> Result<(), Galat> {
        self.boleh_dilihat(pelaku)?;
        if self.status != StatusPermohonanDaerah::Tercatat {
            return Err(bukan_giliran(self));
        }
        self.petugas_bergiliran(pelaku)?;
        let ringkasan = teks_wajib(
            "ringkasan",
            ringkasan,
            "Tulis ringkasan hasil pendaftaran untuk pimpinan dan pemohon.",
        )
        .map_err(|g| Galat::Validasi(vec![g]))?;
        self.ringkasan = Some(ringkasan);
        self.status = StatusPermohonanDaerah::Selesai;
        self.pindah(pada, None);
        Ok(())
    }
}

#[cfg(test)]
mod tests;
