//! Change requests on the verification desk.

use crate::PerubahanError;
use crate::service::PerubahanService;
use async_trait::async_trait;
use pse_kernel::Galat;
use pse_kernel::{
    Actor, Diputuskan, ItemAntrian, JendelaAntrian, JenisAntrian, Keputusan, PerubahanId,
    SumberAntrian,
};

#[async_trait]
impl<E> SumberAntrian<E> for PerubahanService
where
    E: From<PerubahanError> + Send + 'static,
{
    fn jenis(&self) -> &'static [JenisAntrian] {
        &[JenisAntrian::PerubahanData]
    }

    async fn antrian(
        &self,
        aktor: &Actor,
        jenis: JenisAntrian,
        j: JendelaAntrian,
        terlambat: bool,
    ) -> Result<(Vec<ItemAntrian>, u64), E> {
        let (v, n) = self.antrian(aktor, &j, terlambat).await?;
        let items = v
            .into_iter()
            .map(|i| ItemAntrian {
                jenis,
                id: i.perubahan.id.to_string(),
                judul: i.perubahan.nama_sistem.clone(),
                keterangan: i.perubahan.alasan.clone(),
                instansi: i.instansi,
                masuk: i.perubahan.diajukan_pada,
                tenggat: i.tenggat,
                terlambat: i.terlambat,
            })
            .collect();
        Ok((items, n))
    }

    async fn putuskan(
        &self,
        aktor: &Actor,
        _jenis: JenisAntrian,
        id: &str,
        keputusan: &Keputusan,
    ) -> Result<Diputuskan, E> {
        let id: PerubahanId = id
            .parse()
            .map_err(|_| PerubahanError::from(Galat::TidakDitemukan))?;
        let p = match keputusan {
            Keputusan::Setujui { .. } => self.putuskan(aktor, id, true, "", "").await?,
            Keputusan::Tolak {
                kategori_alasan,
                catatan,
            } => {
                self.putuskan(aktor, id, false, kategori_alasan, catatan)
                    .await?
            }
        };
        Ok(Diputuskan {
            id: p.id.to_string(),
            status: p.status.kode(),
            masuk: p.diajukan_pada,
        })
    }
}
