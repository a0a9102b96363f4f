//! The report use cases, one method each, taking the acting [`Actor`] first. A configuration
//! belongs to the account that made it; its rows always stay within the actor's scope (R-LAP-04).

use crate::LaporanError;
use crate::model::{IsianLaporan, KonfigurasiLaporan, PenyusunRekap, SistemLaporan};
use crate::ports::{LaporanRepo, PabrikBerkas};
use pse_kernel::{Actor, AuditEvent, Clock, IsiBerkas, Kursor, LaporanId, Lingkup, Unduhan};
use sistem_elektronik::model::akses::lingkup;
use std::sync::Arc;

const SUBJEK: &str = "laporan";
/// Systems read from the store at a time.
const UKURAN_BACA: u64 = 1000;

/// The adapters the service runs on.
#[derive(Clone)]
pub struct PortLaporan {
    pub repo: Arc<dyn LaporanRepo>,
    pub berkas: Arc<dyn PabrikBerkas>,
    pub clock: Arc<dyn Clock>,
}

/// The report service.
#[derive(Clone)]
pub struct LaporanService {
    port: PortLaporan,
}

impl LaporanService {
    /// A service on `port`.
    pub fn new(port: PortLaporan) -> Self {
        Self { port }
    }

    /// The actor's configurations, newest first (R-LAP-01).
    pub async fn daftar(&self, aktor: &Actor) -> Result<Vec<KonfigurasiLaporan>, LaporanError> {
        lingkup(aktor)?;
        let akun = aktor.akun_id().ok_or(LaporanError::BelumMasuk)?;
        Ok(self.port.repo.milik(akun).await?)
    }

    /// One of the actor's configurations; anyone else's does not exist.
    pub async fn lihat(
        &self,
        aktor: &Actor,
        id: LaporanId,
    ) -> Result<KonfigurasiLaporan, LaporanError> {
        lingkup(aktor)?;
        let k = self
            .port
            .repo
            .konfigurasi(id)
            .await?
            .ok_or(LaporanError::TidakDitemukan)?;
        if Some(k.pemilik) == aktor.akun_id() {
            Ok(k)
        } else {
            Err(LaporanError::TidakDitemukan)
        }
    }

    /// Adds a configuration.
    pub async fn buat(
        &self,
        aktor: &Actor,
        isian: &IsianLaporan,
    ) -> Result<KonfigurasiLaporan, LaporanError> {
        lingkup(aktor)?;
        let akun = aktor.akun_id().ok_or(LaporanError::BelumMasuk)?;
        let now = self.port.clock.now();
        let k = KonfigurasiLaporan::baru(akun, isian, aktor.adalah_admin(), now)?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, k.id, "buat").alasan(k.nama.clone());
        self.port
            .repo
            .simpan(&k, &audit)
            .await
            .map_err(LaporanError::from)?;
        Ok(k)
    }

    /// Replaces a configuration's choices.
    pub async fn ubah(
        &self,
        aktor: &Actor,
        id: LaporanId,
        isian: &IsianLaporan,
    ) -> Result<KonfigurasiLaporan, LaporanError> {
        let k = self.lihat(aktor, id).await?;
        let now = self.port.clock.now();
        let k = k.ubah(isian, aktor.adalah_admin(), now)?;
        let audit = AuditEvent::baru(now, aktor, SUBJEK, k.id, "ubah").alasan(k.nama.clone());
        self.port
            .repo
            .simpan(&k, &audit)
            .await
            .map_err(LaporanError::from)?;
        Ok(k)
    }

    /// Deletes a configuration.
    pub async fn hapus(&self, aktor: &Actor, id: LaporanId) -> Result<(), LaporanError> {
        let k = self.lihat(aktor, id).await?;
        let audit = AuditEvent::baru(self.port.clock.now(), aktor, SUBJEK, k.id, "hapus")
            .alasan(k.nama.clone());
        self.port
            .repo
            .hapus(k.id, &audit)
            .await
            .map_err(LaporanError::from)
    }

    /// Feeds `f` every system of the report, batch by batch along the name's index; the next
    /// batch is already asked for while `f` handles the current one.
    async fn setiap_halaman(
        &self,
        l: Lingkup,
        k: &KonfigurasiLaporan,
        mut f: impl FnMut(Vec<SistemLaporan>) -> Result<(), LaporanError>,
    ) -> Result<(), LaporanError> {
        let baca = |setelah: Option<Kursor>| async move {
            self.port
                .repo
                .sistem(l, &k.filter, setelah.as_ref(), UKURAN_BACA)
                .await
        };
        let mut halaman = baca(None).await?;
        loop {
            if (halaman.len() as u64) < UKURAN_BACA {
                return f(halaman);
            }
            let setelah = halaman.last().map(|x| Kursor {
                kunci: x.nama_eksternal.clone(),
                id: x.id.to_string(),
            });
            let (berikut, ditulis) =
                futures::future::join(baca(setelah), async { f(halaman) }).await;
            ditulis?;
            halaman = berikut?;
        }
    }

    /// The report as an `.xlsx` (R-LAP-03): the systems of the actor's scope (R-LAP-04), one row
    /// each. Rows stream to the writer page by page unless another order than the name's is asked.
    pub async fn unduh(&self, aktor: &Actor, id: LaporanId) -> Result<Unduhan, LaporanError> {
        let l = lingkup(aktor)?;
        let k = self.lihat(aktor, id).await?;
        let mut w = self.port.berkas.tabel(&k.nama)?;
        w.judul(&k.kolom.iter().map(|c| c.kepala()).collect::<Vec<_>>())?;
        if k.perlu_diurutkan() {
            // Only the cells are held, not the systems they come from.
            let mut semua = Vec::new();
            self.setiap_halaman(l, &k, |h| {
                semua.extend(h.iter().map(|x| k.baris(x)));
                Ok(())
            })
            .await?;
            k.urutkan(&mut semua);
            for b in &semua {
                w.baris(&b.sel)?;
            }
        } else {
            self.setiap_halaman(l, &k, |h| {
                h.iter()
                    .try_for_each(|x| w.baris(&k.sel(x)))
                    .map_err(LaporanError::from)
            })
            .await?;
        }
        let tanggal = self
            .port
            .clock
            .now()
            .with_timezone(&pse_kernel::kalender::wib())
            .date_naive();
        Ok(Unduhan {
            nama_berkas: k.nama_berkas(tanggal),
            isi: w.selesai()?,
        })
    }

    /// The admin's national recap workbook: systems per province and per instansi by status and
    /// category, with a chart of registered systems per province.
    pub async fn rekap(&self, aktor: &Actor) -> Result<Unduhan, LaporanError> {
        if lingkup(aktor)? != Lingkup::Semua {
            return Err(LaporanError::Dilarang);
        }
        let now = self.port.clock.now();
        let semua = KonfigurasiLaporan::baru(
            aktor.akun_id().ok_or(LaporanError::BelumMasuk)?,
            &IsianLaporan {
                nama: "Rekap nasional".into(),
                kolom: vec!["nama_eksternal".into()],
                ..IsianLaporan::default()
            },
            true,
            now,
        )?;
        let mut penyusun = PenyusunRekap::default();
        self.setiap_halaman(Lingkup::Semua, &semua, |h| {
            h.iter().for_each(|x| penyusun.tambah(x));
            Ok(())
        })
        .await?;
        let isi = IsiBerkas::dari_memori(self.port.berkas.rekap(&penyusun.selesai())?);
        let tanggal = now.with_timezone(&pse_kernel::kalender::wib()).date_naive();
        Ok(Unduhan {
            nama_berkas: semua.nama_berkas(tanggal).replacen(
                "rekap-nasional",
                "rekap-nasional-pse",
                1,
            ),
            isi,
        })
    }
}
