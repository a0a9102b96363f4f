//! Registration's place on the verification desk: Pejabat Pendaftar applications and Sub Pejabat.

use super::RegistrasiService;
use crate::RegistrasiError;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use pse_kernel::Galat;
use pse_kernel::{
    Actor, Diputuskan, ItemAntrian, JendelaAntrian, JenisAntrian, Keputusan, SumberAntrian,
};

impl RegistrasiService {
    /// The window `j`, narrowed to the overdue items when `terlambat`.
    pub(super) fn jendela_antrian(
        &self,
        j: &JendelaAntrian,
        terlambat: bool,
        now: DateTime<Utc>,
    ) -> JendelaAntrian {
        if terlambat {
            j.clone().masuk_sebelum(
                self.kalender
                    .batas_terlambat(now, self.pengaturan.hari_layanan),
            )
        } else {
            j.clone()
        }
    }
}

fn id<T: std::str::FromStr>(s: &str) -> Result<T, RegistrasiError> {
    s.parse()
        .map_err(|_| RegistrasiError::Umum(Galat::TidakDitemukan))
}

#[async_trait]
impl<E> SumberAntrian<E> for RegistrasiService
where
    E: From<RegistrasiError> + Send + 'static,
{
    fn jenis(&self) -> &'static [JenisAntrian] {
        &[JenisAntrian::PendaftaranPejabat, JenisAntrian::SubPejabat]
    }

    async fn antrian(
        &self,
        aktor: &Actor,
        jenis: JenisAntrian,
        j: JendelaAntrian,
        terlambat: bool,
    ) -> Result<(Vec<ItemAntrian>, u64), E> {
        if jenis == JenisAntrian::SubPejabat {
            let (v, n) = self.antrian_sub_pejabat(aktor, &j, terlambat).await?;
            let items = v
                .into_iter()
                .map(|i| ItemAntrian {
                    jenis,
                    id: i.sub_pejabat.id.to_string(),
                    judul: i.sub_pejabat.data.nama_lengkap.clone(),
                    keterangan: i.sub_pejabat.data.email.to_string(),
                    instansi: i.instansi,
                    masuk: i.sub_pejabat.masuk_antrian_pada,
                    tenggat: i.tenggat,
                    terlambat: i.terlambat,
                })
                .collect();
            return Ok((items, n));
        }
        let (v, n) = self.antrian(aktor, &j, terlambat).await?;
        let items = v
            .into_iter()
            .map(|i| ItemAntrian {
                jenis,
                id: i.permohonan.id.to_string(),
                keterangan: i.permohonan.data.email.to_string(),
                instansi: i.permohonan.instansi.nama().to_string(),
                judul: i.permohonan.data.nama_lengkap.clone(),
                masuk: i.permohonan.masuk_antrian_pada,
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
        id_item: &str,
        keputusan: &Keputusan,
    ) -> Result<Diputuskan, E> {
        if jenis == JenisAntrian::SubPejabat {
            let id = id(id_item)?;
            let s = match keputusan {
                Keputusan::Setujui { .. } => self.setujui_sub_pejabat(aktor, id).await?,
                Keputusan::Tolak {
                    kategori_alasan,
                    catatan,
                } => {
                    self.tolak_sub_pejabat(aktor, id, kategori_alasan, catatan)
                        .await?
                }
            };
            return Ok(Diputuskan {
                id: s.id.to_string(),
                status: s.status.kode(),
                masuk: s.masuk_antrian_pada,
            });
        }
        let id = id(id_item)?;
        let p = match keputusan {
            Keputusan::Setujui { catatan } => self.setujui(aktor, id, catatan.as_deref()).await?,
            Keputusan::Tolak {
                kategori_alasan,
                catatan,
            } => self.tolak(aktor, id, kategori_alasan, catatan).await?,
        };
        Ok(Diputuskan {
            id: p.id.to_string(),
            status: p.status.kode(),
            masuk: p.masuk_antrian_pada,
        })
    }
}
