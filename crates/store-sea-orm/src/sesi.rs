//! Server-side sessions in the database (a `tower_sessions::SessionStore`). The account id is kept in
//! its own column so that ending an account's sessions is one delete.

use crate::entitas::{akun, sesi};
use crate::{Store, peta};
use chrono::{DateTime, Utc};
use registrasi_pejabat::model::Akun;
use sea_orm::sea_query::OnConflict;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, JoinType, QueryFilter,
    QuerySelect, RelationDef,
};
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{Error, ExpiredDeletion, Result, SessionStore};

/// The session key under which the portal keeps the logged-in account id.
pub const KUNCI_AKUN: &str = "akun_id";

/// Sessions on the portal's database.
#[derive(Clone, Debug)]
pub struct SesiStore(Store);

impl SesiStore {
    /// Sessions on `store`.
    pub fn new(store: Store) -> Self {
        Self(store)
    }

    /// The unexpired session `id` and its account (none when it holds no account or the account
    /// is gone), read in one statement: what every logged-in request reads first.
    pub async fn baca_dengan_akun(&self, id: &Id) -> Result<Option<(Record, Option<Akun>)>> {
        let akun_sesi: RelationDef = sesi::Entity::belongs_to(akun::Entity)
            .from(sesi::Column::AkunId)
            .to(akun::Column::Id)
            .into();
        let Some((m, a)) = sesi::Entity::find_by_id(id.to_string())
            .filter(sesi::Column::Kedaluwarsa.gt(self.0.clock.now()))
            .join(JoinType::LeftJoin, akun_sesi)
            .select_also(akun::Entity)
            .one(&self.0.db)
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let akun = a.map(peta::akun_dari).transpose().map_err(backend)?;
        Ok(Some((rekaman(*id, m)?, akun)))
    }
}

fn rekaman(id: Id, m: sesi::Model) -> Result<Record> {
    Ok(Record {
        id,
        data: serde_json::from_str(&m.data).map_err(|e| Error::Decode(e.to_string()))?,
        expiry_date: ke_time(m.kedaluwarsa),
    })
}

fn backend(e: impl std::fmt::Display) -> Error {
    Error::Backend(e.to_string())
}

fn ke_chrono(t: time::OffsetDateTime) -> DateTime<Utc> {
    DateTime::from_timestamp(t.unix_timestamp(), t.nanosecond()).unwrap_or_default()
}

fn ke_time(t: DateTime<Utc>) -> time::OffsetDateTime {
    time::OffsetDateTime::from_unix_timestamp(t.timestamp())
        .unwrap_or(time::OffsetDateTime::UNIX_EPOCH)
}

#[async_trait::async_trait]
impl SessionStore for SesiStore {
    async fn save(&self, r: &Record) -> Result<()> {
        let m = sesi::Model {
            id: r.id.to_string(),
            data: serde_json::to_string(&r.data).map_err(|e| Error::Encode(e.to_string()))?,
            kedaluwarsa: ke_chrono(r.expiry_date),
            akun_id: r
                .data
                .get(KUNCI_AKUN)
                .and_then(|v| v.as_str())
                .map(String::from),
        };
        sesi::Entity::insert(m.into_active_model().reset_all())
            .on_conflict(
                OnConflict::column(sesi::Column::Id)
                    .update_columns([
                        sesi::Column::Data,
                        sesi::Column::Kedaluwarsa,
                        sesi::Column::AkunId,
                    ])
                    .to_owned(),
            )
            .exec_without_returning(&self.0.db)
            .await
            .map_err(backend)?;
        Ok(())
    }

    async fn load(&self, id: &Id) -> Result<Option<Record>> {
        let Some(m) = sesi::Entity::find_by_id(id.to_string())
            .filter(sesi::Column::Kedaluwarsa.gt(self.0.clock.now()))
            .one(&self.0.db)
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        rekaman(*id, m).map(Some)
    }

    async fn delete(&self, id: &Id) -> Result<()> {
        sesi::Entity::delete_by_id(id.to_string())
            .exec(&self.0.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

#[async_trait::async_trait]
impl ExpiredDeletion for SesiStore {
    async fn delete_expired(&self) -> Result<()> {
        sesi::Entity::delete_many()
            .filter(sesi::Column::Kedaluwarsa.lte(self.0.clock.now()))
            .exec(&self.0.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}
