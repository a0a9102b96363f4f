//! Counters taken atomically in the caller's transaction (table `penghitung`): one statement
//! increments and answers, and its row lock holds concurrent transactions, on one instance or
//! several, until this one ends, so they take consecutive values and a rolled-back one gives its
//! value back. A counter never falls behind the numbers already used (rows written by the seeder
//! or a restore): the statement takes the larger of the two before adding one.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, OnConflict, Query, SelectStatement};
use sea_orm::{ConnectionTrait, DbErr};

fn kolom(nama: &str) -> Alias {
    Alias::new(nama)
}

/// The highest value of `kolom_nomor` in `tabel` (0 when none), the floor of a counter.
pub(crate) fn terbesar(tabel: &str, kolom_nomor: &str) -> SelectStatement {
    Query::select()
        .expr(Func::coalesce([
            Expr::from(Func::max(Expr::col(kolom(kolom_nomor)))),
            Expr::val(0),
        ]))
        .from(kolom(tabel))
        .to_owned()
}

/// Takes the next value of counter `nama`: one more than both its last value and the highest
/// number `terpakai` finds in use.
pub(crate) async fn naikkan(
    db: &impl ConnectionTrait,
    nama: &str,
    terpakai: SelectStatement,
) -> Result<u64, DbErr> {
    let buat = Query::insert()
        .into_table(kolom("penghitung"))
        .columns([kolom("nama"), kolom("nilai")])
        .values_panic([nama.into(), 0i64.into()])
        .on_conflict(OnConflict::column(kolom("nama")).do_nothing().to_owned())
        .to_owned();
    db.execute(&buat).await?;
    let perintah = Query::update()
        .table(kolom("penghitung"))
        .value(
            kolom("nilai"),
            Func::greatest([
                Expr::col(kolom("nilai")),
                Expr::SubQuery(None, Box::new(terpakai.into())),
            ])
            .add(1),
        )
        .and_where(Expr::col(kolom("nama")).eq(nama))
        .returning_col(kolom("nilai"))
        .to_owned();
    let baris = db
        .query_one(&perintah)
        .await?
        .ok_or_else(|| DbErr::RecordNotFound(format!("penghitung {nama}")))?;
    let nilai: i64 = baris.try_get("", "nilai")?;
    u64::try_from(nilai).map_err(|e| DbErr::Custom(e.to_string()))
}
