//! The system registration ports on sea-orm.

use crate::entitas::{akun, instansi, sistem, unit};
use crate::registrasi::{Transaksi, gagal, simpan_berversi};
use crate::{Store, infra, peta};
use pse_kernel::{
    AkunId, AuditEvent, GagalSimpan, InfraError, InstansiId, JendelaAntrian, Kursor, Paging,
    PesanEmail, SistemId, UnitId,
};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query, SimpleExpr};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseBackend, DbErr, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};
use sistem_elektronik::model::{DataAwal, KategoriSe, RekamSistem, SistemElektronik, StatusSistem};
use sistem_elektronik::ports::{
    CariPublik, RingkasanPublik, RingkasanSistem, SistemAntrian, SistemBernama, SistemRepo,
    UnitKerjaSe,
};
use std::collections::HashMap;

pub(crate) fn dari(m: sistem::Model) -> Result<SistemElektronik, InfraError> {
    Ok(SistemElektronik::pulihkan(RekamSistem {
        id: peta::id("sistem", &m.id)?,
        versi: m.versi,
        instansi_id: peta::id("sistem", &m.instansi_id)?,
        unit_id: m
            .unit_id
            .as_deref()
            .map(|s| peta::id("sistem", s))
            .transpose()?,
        pendaftar: peta::id("sistem", &m.pendaftar)?,
        status: StatusSistem::parse(&m.status)
            .ok_or_else(|| InfraError::new(format!("status sistem {}", m.status)))?,
        data_awal: peta::json("sistem", m.data_awal)?,
        bagian: peta::json("sistem", m.bagian)?,
        draf: peta::json("sistem", m.draf)?,
        dokumen: peta::json("sistem", m.dokumen)?,
        penilaian: m.penilaian.map(|v| peta::json("sistem", v)).transpose()?,
        pengembalian: m
            .pengembalian
            .map(|v| peta::json("sistem", v))
            .transpose()?,
        tanda_daftar: m
            .tanda_daftar
            .map(|v| peta::json("sistem", v))
            .transpose()?,
        dibuat_pada: m.dibuat_pada,
        masuk_antrian_pada: m.masuk_antrian_pada,
    }))
}

pub(crate) fn ke(s: &SistemElektronik, versi: i64) -> Result<sistem::Model, InfraError> {
    let d = &s.data_awal;
    Ok(sistem::Model {
        id: s.id.to_string(),
        versi,
        instansi_id: s.instansi_id.to_string(),
        unit_id: s.unit_id.map(|u| u.to_string()),
        pendaftar: s.pendaftar.to_string(),
        status: s.status.kode().into(),
        nama_eksternal: d.nama_eksternal.clone(),
        kunci_nama: format!("{} {}", d.nama_eksternal, d.nama_internal).to_lowercase(),
        kategori: s.kategori_berlaku().kode().into(),
        publikasi: d.publikasi_spbe,
        nomor_tanda_daftar: s
            .tanda_daftar
            .as_ref()
            .map(|t| i64::try_from(t.nomor).unwrap_or(i64::MAX)),
        data_awal: peta::ke_json(&s.data_awal)?,
        bagian: peta::ke_json(&s.bagian)?,
        draf: peta::ke_json(&s.draf)?,
        dokumen: peta::ke_json(&s.dokumen)?,
        penilaian: s.penilaian.as_ref().map(peta::ke_json).transpose()?,
        pengembalian: s.pengembalian.as_ref().map(peta::ke_json).transpose()?,
        tanda_daftar: s.tanda_daftar.as_ref().map(peta::ke_json).transpose()?,
        dibuat_pada: s.dibuat_pada,
        masuk_antrian_pada: s.masuk_antrian_pada,
        progres: i32::try_from(s.progres()).unwrap_or(0),
    })
}

impl Transaksi {
    /// Saves a system, version-checked (shared by every unit of work that moves one).
    pub(crate) async fn sistem(&mut self, s: &SistemElektronik) -> Result<(), GagalSimpan> {
        // A registered system may enter, leave or change the public registry.
        self.publik_berubah |= s.terdaftar();
        self.antrian_berubah = true;
        simpan_berversi::<sistem::Entity>(
            &self.txn,
            ke(s, s.versi + 1)?.into_active_model().reset_all(),
            sistem::Column::Id,
            s.id.to_string(),
            sistem::Column::Versi,
            s.versi,
        )
        .await
    }
}

#[async_trait::async_trait]
impl UnitKerjaSe for Transaksi {
    async fn simpan_sistem(&mut self, s: &SistemElektronik) -> Result<(), GagalSimpan> {
        self.sistem(s).await
    }

    async fn nomor_tanda_daftar_berikutnya(&mut self) -> Result<u64, GagalSimpan> {
        let terpakai = crate::penghitung::terbesar("sistem_elektronik", "nomor_tanda_daftar");
        crate::penghitung::naikkan(&self.txn, "tanda_daftar", terpakai)
            .await
            .map_err(gagal)
    }

    async fn catat_audit(&mut self, e: &AuditEvent) -> Result<(), GagalSimpan> {
        self.audit(e).await
    }

    async fn undang_survei(&mut self, u: &pse_kernel::UndanganSurvei) -> Result<(), GagalSimpan> {
        self.survei(u).await
    }

    async fn kirim_email(&mut self, p: &PesanEmail) -> Result<(), GagalSimpan> {
        self.email(p).await
    }

    async fn commit(self: Box<Self>) -> Result<(), GagalSimpan> {
        self.selesai().await
    }
}

/// The public registry's filter, word for word the predicate of its partial index `sistem_publik`.
const PREDIKAT_PUBLIK: &str = "publikasi AND status IN ('terdaftar', 'dalam_perubahan')";

/// A row of an instansi's list: id, unit, name, status, progress, category, number, created.
type BarisDaftar = (
    String,
    Option<String>,
    String,
    String,
    i32,
    String,
    Option<i64>,
    chrono::DateTime<chrono::Utc>,
);

/// Systems waiting for the admin, word for word the predicate of the partial index `sistem_antrian`.
const PREDIKAT_ANTRIAN: &str = "status IN ('data_awal_diajukan', 'diajukan')";

/// Matches from which a search word counts as common (see [`Store::cari_kata`]).
const KATA_UMUM: u64 = 500;

/// A row of the public registry: id, name, category, Data Awal, Tanda Daftar, and its instansi's
/// name and province code.
type BarisPublik = (
    String,
    String,
    String,
    sea_orm::JsonValue,
    Option<sea_orm::JsonValue>,
    Option<String>,
    Option<String>,
);

/// The highest Tanda Daftar number issued (0 when none), read on `db` (a transaction or the pool).
pub(crate) async fn nomor_terbesar(db: &impl sea_orm::ConnectionTrait) -> Result<u64, DbErr> {
    let maks: Option<Option<i64>> = sistem::Entity::find()
        .select_only()
        .column_as(
            Expr::from(Func::max(Expr::col(sistem::Column::NomorTandaDaftar))),
            "maks",
        )
        .into_tuple()
        .one(db)
        .await?;
    Ok(u64::try_from(maks.flatten().unwrap_or(0)).unwrap_or(0))
}

/// Systems of instansi in province `kode`.
pub(crate) fn di_provinsi(kode: &str) -> SimpleExpr {
    sistem::Column::InstansiId.in_subquery(
        Query::select()
            .column(instansi::Column::Id)
            .from(instansi::Entity)
            .and_where(instansi::Column::Provinsi.eq(kode))
            .to_owned(),
    )
}

/// Rows after cursor `k` in the order (name, id).
pub(crate) fn setelah_nama(k: &Kursor) -> SimpleExpr {
    Expr::tuple([
        Expr::col((sistem::Entity, sistem::Column::NamaEksternal)),
        Expr::col((sistem::Entity, sistem::Column::Id)),
    ])
    .gt(Expr::tuple([
        Expr::val(k.kunci.clone()),
        Expr::val(k.id.clone()),
    ]))
}

impl Store {
    /// Systems whose name holds `kata` (lower case; `%` and `_` are taken as letters to drop).
    /// PostgreSQL's planner chooses between the trigram index and the name order itself. SQLite's
    /// does not: with `banyak` (the word is common) the registry's covering index is walked in
    /// name order, which soon finds a page; otherwise the FTS5 trigram table finds the few
    /// matches at once.
    fn cari_kata(&self, kata: &str, banyak: bool) -> SimpleExpr {
        let pola = format!("%{}%", kata.replace(['%', '_', '\\'], ""));
        match self.db.get_database_backend() {
            DatabaseBackend::Sqlite if !banyak => Expr::cust("rowid").in_subquery(
                Query::select()
                    .expr(Expr::cust("rowid"))
                    .from(Alias::new("sistem_cari"))
                    .and_where(Expr::col(Alias::new("kunci_nama")).like(pola))
                    .to_owned(),
            ),
            _ => Expr::col(sistem::Column::KunciNama).like(pola),
        }
    }

    /// How many published systems match `c` (the query `q`), from the short-lived totals when
    /// the same filter was counted since the last change.
    async fn total_publik(
        &self,
        c: &CariPublik,
        q: sea_orm::Select<sistem::Entity>,
    ) -> Result<u64, InfraError> {
        let kunci = format!(
            "{}\u{1f}{:?}\u{1f}{:?}\u{1f}{:?}",
            c.q.trim().to_lowercase(),
            c.instansi,
            c.kategori,
            c.provinsi
        );
        // Counted over the ids in the registry's order: it steers SQLite (3.51) to the covering
        // partial index instead of a scan of the whole table (sea-orm's `count` drops the order);
        // PostgreSQL reads that index in order anyway.
        let dalam = sea_orm::QueryTrait::into_query(
            q.select_only()
                .column(sistem::Column::Id)
                .order_by_asc(sistem::Column::NamaEksternal)
                .order_by_asc(sistem::Column::Id),
        );
        let hitung = Query::select()
            .expr_as(Expr::cust("COUNT(*)"), Alias::new("n"))
            .from_subquery(dalam, Alias::new("urut"))
            .to_owned();
        let db = &self.db;
        self.hitungan
            .atau_hitung(kunci, async move {
                let n: i64 = sea_orm::ConnectionTrait::query_one(db, &hitung)
                    .await
                    .map_err(infra)?
                    .map(|r| r.try_get("", "n"))
                    .transpose()
                    .map_err(infra)?
                    .unwrap_or(0);
                Ok(u64::try_from(n).unwrap_or(0))
            })
            .await
    }

    /// The names of the instansi `ids` that exist, in one statement.
    pub(crate) async fn nama_instansi_banyak(
        &self,
        ids: &[InstansiId],
    ) -> Result<HashMap<InstansiId, String>, InfraError> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let mut unik: Vec<String> = ids.iter().map(ToString::to_string).collect();
        unik.sort();
        unik.dedup();
        let baris: Vec<(String, String)> = instansi::Entity::find()
            .select_only()
            .columns([instansi::Column::Id, instansi::Column::Nama])
            .filter(instansi::Column::Id.is_in(unik))
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(infra)?;
        baris
            .into_iter()
            .map(|(id, nama)| Ok((peta::id("instansi", &id)?, nama)))
            .collect()
    }

    /// Instansi names and province codes by id.
    pub(crate) async fn instansi_bernama(
        &self,
        ids: Vec<String>,
    ) -> Result<HashMap<String, (String, Option<String>)>, InfraError> {
        Ok(instansi::Entity::find()
            .filter(instansi::Column::Id.is_in(ids))
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(|i| (i.id, (i.nama, i.provinsi)))
            .collect())
    }

    /// Systems with their instansi's name and province code.
    pub(crate) async fn bernama(
        &self,
        daftar: Vec<sistem::Model>,
    ) -> Result<Vec<SistemBernama>, InfraError> {
        let instansi = self
            .instansi_bernama(daftar.iter().map(|m| m.instansi_id.clone()).collect())
            .await?;
        daftar
            .into_iter()
            .map(|m| {
                let (nama, provinsi) = instansi.get(&m.instansi_id).cloned().unwrap_or_default();
                Ok(SistemBernama {
                    sistem: dari(m)?,
                    instansi: nama,
                    provinsi,
                })
            })
            .collect()
    }
}

#[async_trait::async_trait]
impl SistemRepo for Store {
    async fn mulai(&self) -> Result<Box<dyn UnitKerjaSe>, InfraError> {
        Ok(Box::new(self.transaksi().await?))
    }

    async fn status_notifikasi_bssn(
        &self,
        nomor: u64,
    ) -> Result<Option<pse_kernel::StatusKirim>, InfraError> {
        use crate::entitas::outbox;
        let nomor_di_data = pse_migrations::nomor_bssn(self.db.get_database_backend());
        let status: Option<String> = outbox::Entity::find()
            .select_only()
            .column(outbox::Column::Status)
            // Both as in the partial index `outbox_bssn_nomor`, so one lookup finds the row.
            .filter(Expr::cust(pse_migrations::PREDIKAT_BSSN))
            .filter(Expr::cust(nomor_di_data).eq(nomor.to_string()))
            .into_tuple()
            .one(&self.db)
            .await
            .map_err(infra)?;
        Ok(status.map(|s| match s.as_str() {
            crate::outbox::TERKIRIM => pse_kernel::StatusKirim::Terkirim,
            crate::outbox::GAGAL => pse_kernel::StatusKirim::Gagal,
            _ => pse_kernel::StatusKirim::Menunggu,
        }))
    }

    async fn sistem(&self, id: SistemId) -> Result<Option<SistemElektronik>, InfraError> {
        sistem::Entity::find_by_id(id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(dari)
            .transpose()
    }

    async fn sistem_instansi(
        &self,
        instansi_id: InstansiId,
        unit_id: Option<UnitId>,
    ) -> Result<Vec<SistemElektronik>, InfraError> {
        let mut q =
            sistem::Entity::find().filter(sistem::Column::InstansiId.eq(instansi_id.to_string()));
        if let Some(u) = unit_id {
            q = q.filter(sistem::Column::UnitId.eq(u.to_string()));
        }
        q.order_by_desc(sistem::Column::DibuatPada)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(dari)
            .collect()
    }

    async fn halaman_instansi(
        &self,
        instansi_id: InstansiId,
        unit_id: Option<UnitId>,
        paging: &Paging,
    ) -> Result<(Vec<RingkasanSistem>, u64), InfraError> {
        let mut q =
            sistem::Entity::find().filter(sistem::Column::InstansiId.eq(instansi_id.to_string()));
        if let Some(u) = unit_id {
            q = q.filter(sistem::Column::UnitId.eq(u.to_string()));
        }
        let total = q
            .clone()
            .select_only()
            .column(sistem::Column::Id)
            .count(&self.db)
            .await
            .map_err(infra)?;
        if let Some(k) = paging.setelah() {
            let waktu = chrono::DateTime::parse_from_rfc3339(&k.kunci)
                .map_err(InfraError::new)?
                .with_timezone(&chrono::Utc);
            q = q.filter(
                Expr::tuple([
                    Expr::col(sistem::Column::DibuatPada),
                    Expr::col(sistem::Column::Id),
                ])
                .lt(Expr::tuple([Expr::val(waktu), Expr::val(k.id.clone())])),
            );
        }
        let baris: Vec<BarisDaftar> = q
            .select_only()
            .columns([
                sistem::Column::Id,
                sistem::Column::UnitId,
                sistem::Column::NamaEksternal,
                sistem::Column::Status,
                sistem::Column::Progres,
                sistem::Column::Kategori,
                sistem::Column::NomorTandaDaftar,
                sistem::Column::DibuatPada,
            ])
            .order_by_desc(sistem::Column::DibuatPada)
            .order_by_desc(sistem::Column::Id)
            .offset(paging.lewati())
            .limit(paging.baca_baris())
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(infra)?;
        let daftar = baris
            .into_iter()
            .map(
                |(id, unit, nama, status, progres, kategori, nomor, dibuat)| {
                    Ok(RingkasanSistem {
                        id: peta::id("sistem", &id)?,
                        unit_id: unit.as_deref().map(|u| peta::id("sistem", u)).transpose()?,
                        nama_eksternal: nama,
                        status: StatusSistem::parse(&status)
                            .ok_or_else(|| InfraError::new(format!("status sistem {status}")))?,
                        progres: u32::try_from(progres).unwrap_or(0),
                        kategori: KategoriSe::parse(&kategori).ok_or_else(|| {
                            InfraError::new(format!("kategori sistem {kategori}"))
                        })?,
                        nomor_tanda_daftar: nomor.and_then(|n| u64::try_from(n).ok()),
                        dibuat_pada: dibuat,
                    })
                },
            )
            .collect::<Result<_, InfraError>>()?;
        Ok((daftar, total))
    }

    async fn hitung_status(
        &self,
        instansi_id: Option<InstansiId>,
        unit_id: Option<UnitId>,
    ) -> Result<Vec<(StatusSistem, u64)>, InfraError> {
        let mut q = sistem::Entity::find();
        if let Some(i) = instansi_id {
            q = q.filter(sistem::Column::InstansiId.eq(i.to_string()));
        }
        let mut q = q
            .select_only()
            .column(sistem::Column::Status)
            .column_as(Expr::col(sistem::Column::Id).count(), "n")
            .group_by(sistem::Column::Status);
        if let Some(u) = unit_id {
            q = q.filter(sistem::Column::UnitId.eq(u.to_string()));
        }
        let baris: Vec<(String, i64)> = q.into_tuple().all(&self.db).await.map_err(infra)?;
        baris
            .into_iter()
            .map(|(st, n)| {
                let status = StatusSistem::parse(&st)
                    .ok_or_else(|| InfraError::new(format!("status sistem {st}")))?;
                Ok((status, u64::try_from(n).unwrap_or(0)))
            })
            .collect()
    }

    async fn antrian(
        &self,
        status: StatusSistem,
        j: &JendelaAntrian,
    ) -> Result<(Vec<SistemAntrian>, u64), InfraError> {
        let (q, total) = self
            .pilih_jendela(
                &format!("sistem:{}", status.kode()),
                sistem::Entity::find()
                    .filter(Expr::cust(PREDIKAT_ANTRIAN))
                    .filter(sistem::Column::Status.eq(status.kode())),
                sistem::Column::MasukAntrianPada,
                sistem::Column::Id,
                j,
            )
            .await?;
        if total == 0 {
            return Ok((Vec::new(), 0));
        }
        // The instansi's name joined in the same statement.
        let mut q = q
            .select_only()
            .columns([
                sistem::Column::Id,
                sistem::Column::Status,
                sistem::Column::NamaEksternal,
                sistem::Column::DataAwal,
                sistem::Column::MasukAntrianPada,
            ])
            .column_as(
                Expr::col((Alias::new("instansi"), Alias::new("nama"))),
                "nama_instansi",
            );
        sea_orm::QueryTrait::query(&mut q).left_join(
            Alias::new("instansi"),
            Expr::col((Alias::new("instansi"), Alias::new("id")))
                .equals((sistem::Entity, sistem::Column::InstansiId)),
        );
        let baris: Vec<(
            String,
            String,
            String,
            sea_orm::JsonValue,
            chrono::DateTime<chrono::Utc>,
            Option<String>,
        )> = q.into_tuple().all(&self.db).await.map_err(infra)?;
        let daftar = baris
            .into_iter()
            .map(|(id, status, nama, data_awal, masuk, instansi)| {
                let da: DataAwal = peta::json("sistem", data_awal)?;
                Ok(SistemAntrian {
                    id: peta::id("sistem", &id)?,
                    status: StatusSistem::parse(&status)
                        .ok_or_else(|| InfraError::new(format!("status sistem {status}")))?,
                    nama_eksternal: nama,
                    url: da.url.map(|u| u.as_ref().to_string()),
                    instansi: instansi.unwrap_or_default(),
                    masuk_antrian_pada: masuk,
                })
            })
            .collect::<Result<_, InfraError>>()?;
        Ok((daftar, total))
    }

    async fn cari_publik(&self, c: &CariPublik) -> Result<(Vec<RingkasanPublik>, u64), InfraError> {
        let mut q = sistem::Entity::find().filter(Expr::cust(PREDIKAT_PUBLIK));
        let kata = c.q.trim().to_lowercase();
        if let Some(i) = c.instansi {
            q = q.filter(sistem::Column::InstansiId.eq(i.to_string()));
        }
        if let Some(k) = c.kategori.as_deref().filter(|k| !k.is_empty()) {
            q = q.filter(sistem::Column::Kategori.eq(k));
        }
        if let Some(p) = c.provinsi.as_deref().filter(|p| !p.is_empty()) {
            q = q.filter(di_provinsi(p));
        }
        let total = if kata.is_empty() {
            self.total_publik(c, q.clone()).await?
        } else {
            let total = self
                .total_publik(c, q.clone().filter(self.cari_kata(&kata, false)))
                .await?;
            q = q.filter(self.cari_kata(&kata, total >= KATA_UMUM));
            total
        };
        if let Some(k) = c.paging.setelah() {
            q = q.filter(setelah_nama(k));
        }
        // The page's ids first, from the covering partial index alone; then only their rows.
        let ids = sea_orm::QueryTrait::into_query(
            q.select_only()
                .column(sistem::Column::Id)
                .order_by_asc(sistem::Column::NamaEksternal)
                .order_by_asc(sistem::Column::Id)
                .offset(c.paging.lewati())
                .limit(c.paging.baca_baris()),
        );
        // Then only their rows, the instansi's name and province joined in the same statement.
        let t = Alias::new;
        let mut baris = sistem::Entity::find()
            .filter(sistem::Column::Id.in_subquery(ids))
            .select_only()
            .columns([
                sistem::Column::Id,
                sistem::Column::NamaEksternal,
                sistem::Column::Kategori,
                sistem::Column::DataAwal,
                sistem::Column::TandaDaftar,
            ])
            .column_as(Expr::col((t("instansi"), t("nama"))), "nama_instansi")
            .column_as(
                Expr::col((t("instansi"), t("provinsi"))),
                "provinsi_instansi",
            )
            .order_by_asc(sistem::Column::NamaEksternal)
            .order_by_asc(sistem::Column::Id);
        sea_orm::QueryTrait::query(&mut baris).left_join(
            t("instansi"),
            Expr::col((t("instansi"), t("id")))
                .equals((sistem::Entity, sistem::Column::InstansiId)),
        );
        let baris: Vec<BarisPublik> = baris.into_tuple().all(&self.db).await.map_err(infra)?;
        let daftar = baris
            .into_iter()
            .map(
                |(id, nama, kategori, data_awal, tanda_daftar, nama_instansi, provinsi)| {
                    let da: DataAwal = peta::json("sistem", data_awal)?;
                    Ok(RingkasanPublik {
                        id: peta::id("sistem", &id)?,
                        nama_eksternal: nama,
                        instansi: nama_instansi.unwrap_or_default(),
                        provinsi,
                        url: da.url.map(|u| u.as_ref().to_string()),
                        kategori_akses: da.kategori_akses,
                        kategori: KategoriSe::parse(&kategori).ok_or_else(|| {
                            InfraError::new(format!("kategori sistem {kategori}"))
                        })?,
                        tanda_daftar: tanda_daftar.map(|t| peta::json("sistem", t)).transpose()?,
                    })
                },
            )
            .collect::<Result<_, InfraError>>()?;
        Ok((daftar, total))
    }

    async fn dengan_tanda_daftar(&self, nomor: u64) -> Result<Option<SistemBernama>, InfraError> {
        let Ok(n) = i64::try_from(nomor) else {
            return Ok(None);
        };
        let daftar = sistem::Entity::find()
            .filter(sistem::Column::NomorTandaDaftar.eq(n))
            .all(&self.db)
            .await
            .map_err(infra)?;
        Ok(self.bernama(daftar).await?.into_iter().next())
    }

    async fn unit_milik(
        &self,
        instansi_id: InstansiId,
        unit_id: UnitId,
    ) -> Result<bool, InfraError> {
        Ok(unit::Entity::find_by_id(unit_id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .is_some_and(|u| u.instansi_id == instansi_id.to_string()))
    }

    async fn kontak_akun(&self, akun_id: AkunId) -> Result<Option<(String, String)>, InfraError> {
        Ok(akun::Entity::find_by_id(akun_id.to_string())
            .one(&self.db)
            .await
            .map_err(infra)?
            .map(|a| (a.email, a.nama)))
    }

    async fn nama_instansi(
        &self,
        ids: &[InstansiId],
    ) -> Result<HashMap<InstansiId, String>, InfraError> {
        self.nama_instansi_banyak(ids).await
    }
}

/// The statuses named in a predicate's `status IN (…)`.
#[cfg(test)]
fn status_dalam(predikat: &str) -> Vec<StatusSistem> {
    let daftar = predikat
        .split("status IN (")
        .nth(1)
        .and_then(|s| s.split(')').next())
        .unwrap_or_default();
    daftar
        .split(',')
        .filter_map(|k| StatusSistem::parse(k.trim().trim_matches('\'')))
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// The partial indexes' predicates are SQL text (an index is used only for the same words);
    /// the statuses they name are the domain's, not the store's choice.
    #[test]
    fn r_se_12_r_se_13_the_index_predicates_name_the_domains_statuses() {
        assert_eq!(status_dalam(PREDIKAT_PUBLIK), StatusSistem::TERDAFTAR);
        assert_eq!(
            status_dalam(PREDIKAT_ANTRIAN),
            StatusSistem::MENUNGGU_KEPUTUSAN
        );
        assert!(PREDIKAT_PUBLIK.starts_with("publikasi AND "));
    }
}
