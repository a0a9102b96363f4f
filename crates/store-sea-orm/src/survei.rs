//! The satisfaction survey on sea-orm (R-LAY-04): invitations written inside the unit of work of
//! the service that finished, an answer kept by one conditional update (a used link updates no
//! row), the index of a period one aggregate on `undangan_survei_dijawab`.

use crate::entitas::survei;
use crate::registrasi::{Transaksi, gagal};
use crate::{Store, infra, peta};
use chrono::{DateTime, Utc};
use layanan::ports::SurveiRepo;
use layanan::survei::{Ikm, Jawaban, JawabanSurvei};
use pse_kernel::{GagalSimpan, InfraError, LayananSurvei, SurveiId, UndanganSurvei};
use sea_orm::sea_query::{Alias, Expr, ExprTrait};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

impl Transaksi {
    /// Writes an invitation.
    pub(crate) async fn survei(&mut self, u: &UndanganSurvei) -> Result<(), GagalSimpan> {
        survei::Entity::insert(survei::ActiveModel {
            id: Set(u.id.to_string()),
            hash_token: Set(u.hash_token.clone()),
            layanan: Set(u.layanan.kode().into()),
            subjek_id: Set(u.subjek_id.clone()),
            email: Set(u.email.clone()),
            dibuat_pada: Set(u.dibuat_pada),
            dijawab_pada: Set(None),
            saran: Set(None),
            u1: Set(None),
            u2: Set(None),
            u3: Set(None),
            u4: Set(None),
            u5: Set(None),
            u6: Set(None),
            u7: Set(None),
            u8: Set(None),
            u9: Set(None),
        })
        .exec_without_returning(&self.txn)
        .await
        .map_err(gagal)?;
        Ok(())
    }
}

/// The nine score columns, in the elements' order.
const UNSUR: [survei::Column; 9] = [
    survei::Column::U1,
    survei::Column::U2,
    survei::Column::U3,
    survei::Column::U4,
    survei::Column::U5,
    survei::Column::U6,
    survei::Column::U7,
    survei::Column::U8,
    survei::Column::U9,
];

#[async_trait::async_trait]
impl SurveiRepo for Store {
    async fn undangan(&self, hash: &str) -> Result<Option<(UndanganSurvei, bool)>, InfraError> {
        let Some(m) = survei::Entity::find()
            .filter(survei::Column::HashToken.eq(hash))
            .one(&self.db)
            .await
            .map_err(infra)?
        else {
            return Ok(None);
        };
        let layanan = layanan(&m.layanan)?;
        Ok(Some((
            UndanganSurvei {
                id: peta::id("survei", &m.id)?,
                hash_token: m.hash_token,
                layanan,
                subjek_id: m.subjek_id,
                email: m.email,
                dibuat_pada: m.dibuat_pada,
            },
            m.dijawab_pada.is_some(),
        )))
    }

    async fn jawab(
        &self,
        hash: &str,
        jawaban: &Jawaban,
        saran: Option<&str>,
        pada: DateTime<Utc>,
    ) -> Result<bool, InfraError> {
        let mut q = survei::Entity::update_many()
            .col_expr(survei::Column::DijawabPada, Expr::value(pada))
            .col_expr(survei::Column::Saran, Expr::value(saran.map(String::from)));
        for (c, n) in UNSUR.into_iter().zip(jawaban.nilai()) {
            q = q.col_expr(c, Expr::value(i16::from(n)));
        }
        let hasil = q
            .filter(survei::Column::HashToken.eq(hash))
            .filter(survei::Column::DijawabPada.is_null())
            .exec(&self.db)
            .await
            .map_err(infra)?;
        Ok(hasil.rows_affected == 1)
    }

    async fn ikm(&self, dari: DateTime<Utc>, sampai: DateTime<Utc>) -> Result<Ikm, InfraError> {
        let mut q = survei::Entity::find()
            .select_only()
            .column_as(Expr::col(survei::Column::Id).count(), "n");
        for (i, c) in UNSUR.into_iter().enumerate() {
            // Summed as a 64-bit integer on both databases.
            q = q.column_as(
                Expr::col(c).sum().cast_as(Alias::new("BIGINT")),
                format!("s{i}"),
            );
        }
        let baris: Option<(
            i64,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            Option<i64>,
            Option<i64>,
        )> = q
            .filter(survei::Column::DijawabPada.gte(dari))
            .filter(survei::Column::DijawabPada.lt(sampai))
            .into_tuple()
            .one(&self.db)
            .await
            .map_err(infra)?;
        let Some((n, a, b, c, d, e, f, g, h, i)) = baris else {
            return Ok(Ikm::dari([]));
        };
        let jumlah =
            [a, b, c, d, e, f, g, h, i].map(|s| u64::try_from(s.unwrap_or(0)).unwrap_or(0));
        Ok(Ikm {
            jumlah_responden: u64::try_from(n).unwrap_or(0),
            jumlah_unsur: jumlah,
        })
    }

    async fn jawaban(
        &self,
        dari: DateTime<Utc>,
        sampai: DateTime<Utc>,
        setelah: Option<(DateTime<Utc>, SurveiId)>,
        batas: u64,
    ) -> Result<Vec<JawabanSurvei>, InfraError> {
        let mut q = survei::Entity::find()
            .filter(survei::Column::DijawabPada.gte(dari))
            .filter(survei::Column::DijawabPada.lt(sampai));
        if let Some((pada, id)) = setelah {
            q = q.filter(
                Condition::any()
                    .add(survei::Column::DijawabPada.gt(pada))
                    .add(
                        Condition::all()
                            .add(survei::Column::DijawabPada.eq(pada))
                            .add(survei::Column::Id.gt(id.to_string())),
                    ),
            );
        }
        q.order_by_asc(survei::Column::DijawabPada)
            .order_by_asc(survei::Column::Id)
            .limit(batas)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(|m| {
                let nilai = [m.u1, m.u2, m.u3, m.u4, m.u5, m.u6, m.u7, m.u8, m.u9]
                    .map(|n| i64::from(n.unwrap_or(0)));
                Ok(JawabanSurvei {
                    id: peta::id("survei", &m.id)?,
                    layanan: layanan(&m.layanan)?,
                    pada: m
                        .dijawab_pada
                        .ok_or_else(|| InfraError::new("survei tanpa waktu jawaban"))?,
                    jawaban: Jawaban::baru(&nilai)
                        .map_err(|_| InfraError::new(format!("nilai survei {}", m.id)))?,
                    saran: m.saran,
                })
            })
            .collect()
    }
}

/// The service of a stored code.
fn layanan(kode: &str) -> Result<LayananSurvei, InfraError> {
    LayananSurvei::dari_kode(kode).ok_or_else(|| InfraError::new(format!("layanan survei {kode}")))
}
