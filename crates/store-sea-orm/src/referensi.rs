//! Reference data on sea-orm: wilayah, instansi search and loading, holidays.

use crate::entitas::{instansi, libur, wilayah};
use crate::{Store, infra, peta};
use pse_kernel::{Halaman, HariLibur, InfraError, UKURAN_HALAMAN};
use registrasi_pejabat::model::{Instansi, Wilayah};
use registrasi_pejabat::referensi::{ReferensiRepo, SaringWilayah};
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};
use std::collections::HashSet;

/// A holiday row as the CSV gives it.
pub type RekamLibur = HariLibur;

const POTONGAN: usize = 200;

impl Store {
    /// The wilayah that `saring` keeps (all when `None`), by code.
    async fn wilayah_tersaring(
        &self,
        saring: Option<sea_orm::sea_query::SimpleExpr>,
    ) -> Result<Vec<Wilayah>, InfraError> {
        let mut q = wilayah::Entity::find().order_by_asc(wilayah::Column::Kode);
        if let Some(s) = saring {
            q = q.filter(s);
        }
        Ok(q.all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(|m| Wilayah {
                kode: m.kode,
                nama: m.nama,
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl ReferensiRepo for Store {
    async fn daftar_provinsi(&self) -> Result<Vec<Wilayah>, InfraError> {
        self.wilayah_tersaring(Some(wilayah::Column::Induk.is_null()))
            .await
    }

    async fn semua_wilayah(&self) -> Result<Vec<Wilayah>, InfraError> {
        self.wilayah_tersaring(None).await
    }

    async fn daftar_kota(&self, provinsi: &str) -> Result<Vec<Wilayah>, InfraError> {
        self.wilayah_tersaring(Some(wilayah::Column::Induk.eq(provinsi)))
            .await
    }

    async fn cari_instansi(
        &self,
        q: &str,
        wilayah: SaringWilayah<'_>,
        page: u64,
    ) -> Result<Halaman<Instansi>, InfraError> {
        let mut query = instansi::Entity::find().filter(instansi::Column::Terverifikasi.eq(true));
        let kunci = Instansi::kunci_nama(q);
        if !kunci.is_empty() {
            query = query.filter(instansi::Column::KunciNama.contains(&kunci));
        }
        if let Some(p) = wilayah.provinsi {
            let mut di_provinsi = Condition::all().add(instansi::Column::Provinsi.eq(p));
            if let Some(k) = wilayah.kota {
                di_provinsi = di_provinsi.add(
                    Condition::any()
                        .add(instansi::Column::Kota.eq(k))
                        .add(instansi::Column::Kota.is_null()),
                );
            }
            query = query.filter(
                Condition::any()
                    .add(di_provinsi)
                    .add(instansi::Column::Provinsi.is_null()),
            );
        }
        let pager = query
            .order_by_asc(instansi::Column::Nama)
            .paginate(&self.db, UKURAN_HALAMAN * 20);
        let total = pager.num_items().await.map_err(infra)?;
        let items = pager
            .fetch_page(page.max(1) - 1)
            .await
            .map_err(infra)?
            .into_iter()
            .map(peta::instansi_dari)
            .collect::<Result<_, _>>()?;
        Ok(Halaman {
            items,
            total,
            page: Some(page.max(1)),
            berikutnya: None,
        })
    }

    async fn jumlah_wilayah(&self) -> Result<u64, InfraError> {
        wilayah::Entity::find().count(&self.db).await.map_err(infra)
    }

    async fn simpan_wilayah(&self, daftar: &[Wilayah]) -> Result<(), InfraError> {
        for potong in daftar.chunks(POTONGAN) {
            let baris = potong.iter().map(|w| {
                wilayah::Model {
                    kode: w.kode.clone(),
                    nama: w.nama.clone(),
                    induk: w.kode.split_once('.').map(|(p, _)| p.to_string()),
                }
                .into_active_model()
                .reset_all()
            });
            wilayah::Entity::insert_many(baris)
                .on_conflict(
                    OnConflict::column(wilayah::Column::Kode)
                        .update_columns([wilayah::Column::Nama, wilayah::Column::Induk])
                        .to_owned(),
                )
                .exec_without_returning(&self.db)
                .await
                .map_err(infra)?;
        }
        Ok(())
    }

    async fn tambah_instansi(&self, daftar: &[Instansi]) -> Result<u64, InfraError> {
        let ada: HashSet<String> = instansi::Entity::find()
            .select_only()
            .column(instansi::Column::KunciNama)
            .into_tuple::<String>()
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .collect();
        let mut baru: Vec<_> = Vec::new();
        let mut dilihat = HashSet::new();
        for i in daftar {
            let kunci = Instansi::kunci_nama(&i.rekam().nama);
            if !ada.contains(&kunci) && dilihat.insert(kunci) {
                baru.push(peta::instansi_ke(i));
            }
        }
        for potong in baru.chunks(POTONGAN) {
            instansi::Entity::insert_many(
                potong
                    .iter()
                    .cloned()
                    .map(|m| m.into_active_model().reset_all()),
            )
            .exec_without_returning(&self.db)
            .await
            .map_err(infra)?;
        }
        Ok(baru.len() as u64)
    }

    async fn simpan_libur(&self, daftar: &[HariLibur]) -> Result<(), InfraError> {
        for potong in daftar.chunks(POTONGAN) {
            let baris = potong.iter().map(|l| {
                libur::Model {
                    tanggal: l.tanggal,
                    keterangan: l.keterangan.clone(),
                    jenis: l.jenis.clone(),
                }
                .into_active_model()
                .reset_all()
            });
            libur::Entity::insert_many(baris)
                .on_conflict(
                    OnConflict::column(libur::Column::Tanggal)
                        .update_columns([libur::Column::Keterangan, libur::Column::Jenis])
                        .to_owned(),
                )
                .exec_without_returning(&self.db)
                .await
                .map_err(infra)?;
        }
        Ok(())
    }

    async fn daftar_libur(&self) -> Result<Vec<HariLibur>, InfraError> {
        Ok(libur::Entity::find()
            .order_by_asc(libur::Column::Tanggal)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(|m| HariLibur {
                tanggal: m.tanggal,
                keterangan: m.keterangan,
                jenis: m.jenis,
            })
            .collect())
    }
}
