//! Systems on the verification desk: Data Awal to check and submitted forms to verify.

use crate::SistemError;
use crate::model::StatusSistem;
use crate::service::SistemService;
use async_trait::async_trait;
use pse_kernel::{
    Actor, Diputuskan, ItemAntrian, JendelaAntrian, JenisAntrian, Keputusan, SistemId,
    SumberAntrian,
};

/// The status whose systems wait as `jenis`.
fn status(jenis: JenisAntrian) -> StatusSistem {
    if jenis == JenisAntrian::DataAwal {
        StatusSistem::DataAwalDiajukan
    } else {
        StatusSistem::Diajukan
    }
}

#[async_trait]
impl<E> SumberAntrian<E> for SistemService
where
    E: From<SistemError> + Send + 'static,
{
    fn jenis(&self) -> &'static [JenisAntrian] {
        &[JenisAntrian::DataAwal, JenisAntrian::SistemElektronik]
    }

    async fn antrian(
        &self,
        aktor: &Actor,
        jenis: JenisAntrian,
        j: JendelaAntrian,
        terlambat: bool,
    ) -> Result<(Vec<ItemAntrian>, u64), E> {
        let (v, n) = self.antrian(aktor, status(jenis), &j, terlambat).await?;
        let items = v
            .into_iter()
            .map(|i| ItemAntrian {
                jenis,
                id: i.sistem.id.to_string(),
                judul: i.sistem.nama_eksternal,
                keterangan: i.sistem.url.unwrap_or_default(),
                instansi: i.sistem.instansi,
                masuk: i.sistem.masuk_antrian_pada,
                tenggat: i.tenggat,
                terlambat: i.terlambat,
            })
            .collect();
        Ok((items, n))
    }

    async fn putuskan(
        &self,
        aktor: &Actor,
        jenis: JenisAntrian,
        id: &str,
        keputusan: &Keputusan,
    ) -> Result<Diputuskan, E> {
        let id: SistemId = id.parse().map_err(|_| SistemError::TidakDitemukan)?;
        let s = match (jenis, keputusan) {
            (JenisAntrian::DataAwal, k) => {
                let alasan = match k {
                    Keputusan::Setujui { .. } => "",
                    Keputusan::Tolak { catatan, .. } => catatan,
                };
                self.putuskan_data_awal(aktor, id, k.setuju(), alasan)
                    .await?
            }
            (_, Keputusan::Setujui { .. }) => self.setujui(aktor, id).await?,
            (_, Keputusan::Tolak { catatan, .. }) => self.kembalikan(aktor, id, catatan).await?,
        };
        Ok(Diputuskan {
            id: s.id.to_string(),
            status: s.status.kode(),
            masuk: s.masuk_antrian_pada,
        })
    }
}
