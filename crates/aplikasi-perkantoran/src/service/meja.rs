//! Requests to use an office application on the verification desk: each waits for its file
//! check (one working day) and, once complete, for the decision (4 working days, R-SEP-02); the
//! desk's approval and refusal are the service's own.

use super::{SepService, hanya_admin};
use async_trait::async_trait;
use pse_kernel::{
    Actor, Diputuskan, Galat, ItemAntrian, JendelaAntrian, JenisAntrian, Keputusan,
    PermohonanSepId, SumberAntrian,
};

#[async_trait]
impl<E> SumberAntrian<E> for SepService
where
    E: From<Galat> + Send + 'static,
{
    fn jenis(&self) -> &'static [JenisAntrian] {
        &[JenisAntrian::PermohonanSep]
    }

    async fn antrian(
        &self,
        aktor: &Actor,
        jenis: JenisAntrian,
        j: JendelaAntrian,
        terlambat: bool,
    ) -> Result<(Vec<ItemAntrian>, u64), E> {
        Ok(self.antrian_meja(aktor, jenis, &j, terlambat).await?)
    }

    async fn putuskan(
        &self,
        aktor: &Actor,
        _jenis: JenisAntrian,
        id: &str,
        keputusan: &Keputusan,
    ) -> Result<Diputuskan, E> {
        let id: PermohonanSepId = id.parse().map_err(|_| Galat::TidakDitemukan)?;
        let p = match keputusan {
            Keputusan::Setujui { .. } => self.setujui(aktor, id).await?,
            Keputusan::Tolak {
                kategori_alasan,
                catatan,
            } => self.tolak(aktor, id, kategori_alasan, catatan).await?,
        };
        Ok(Diputuskan {
            id: p.id.to_string(),
            status: p.status.kode(),
            masuk: p.diajukan_pada,
        })
    }
}

impl SepService {
    /// The desk's window of the requests, each due at its next step's due time.
    async fn antrian_meja(
        &self,
        aktor: &Actor,
        jenis: JenisAntrian,
        j: &JendelaAntrian,
        terlambat: bool,
    ) -> Result<(Vec<ItemAntrian>, u64), Galat> {
        if !aktor.membaca_antrian() {
            hanya_admin(aktor)?;
        }
        let now = self.now();
        let (v, total) = self.port.repo.antrian(j, terlambat.then_some(now)).await?;
        if v.is_empty() {
            return Ok((Vec::new(), total));
        }
        let ids: Vec<_> = v.iter().map(|p| p.instansi_id).collect();
        let instansi = self.port.repo.nama_instansi(&ids).await?;
        let katalog = self.port.repo.katalog().await?;
        let items = v
            .into_iter()
            .map(|p| {
                let aplikasi = katalog
                    .iter()
                    .find(|a| a.id == p.aplikasi_id)
                    .map_or("", |a| a.nama.as_str());
                let tenggat = p.tenggat_meja().unwrap_or(p.diajukan_pada);
                ItemAntrian {
                    jenis,
                    id: p.id.to_string(),
                    judul: format!("{aplikasi}: {}", p.isian.sekretaris.nama),
                    keterangan: p.status.label().to_string(),
                    instansi: instansi.get(&p.instansi_id).cloned().unwrap_or_default(),
                    masuk: p.diajukan_pada,
                    terlambat: now > tenggat,
                    tenggat,
                }
            })
            .collect();
        Ok((items, total))
    }
}
