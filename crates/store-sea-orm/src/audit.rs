//! The back office's log reader: the audit trail (R-X-01; rows are only inserted, by units of work,
//! and a database trigger refuses updates and deletes) and the undelivered emails of the outbox.

use crate::entitas::{audit, outbox};
use crate::{Store, infra};
use pse_kernel::{AuditEvent, AuditLog, Halaman, InfraError, PesanTertunda, UKURAN_HALAMAN_AUDIT};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder};

#[async_trait::async_trait]
impl AuditLog for Store {
    async fn daftar(
        &self,
        subjek_id: Option<&str>,
        page: u64,
    ) -> Result<Halaman<AuditEvent>, InfraError> {
        let mut q = audit::Entity::find();
        if let Some(s) = subjek_id {
            q = q.filter(audit::Column::SubjekId.eq(s));
        }
        let pager = q
            .order_by_desc(audit::Column::Waktu)
            .order_by_desc(audit::Column::Id)
            .paginate(&self.db, UKURAN_HALAMAN_AUDIT);
        let total = pager.num_items().await.map_err(infra)?;
        let items = pager
            .fetch_page(page.saturating_sub(1))
            .await
            .map_err(infra)?
            .into_iter()
            .map(|m| {
                Ok(AuditEvent {
                    id: crate::peta::id("audit", &m.id)?,
                    waktu: m.waktu,
                    aktor: m.aktor,
                    subjek_jenis: m.subjek_jenis,
                    subjek_id: m.subjek_id,
                    aksi: m.aksi,
                    dari_status: m.dari_status,
                    ke_status: m.ke_status,
                    alasan: m.alasan,
                })
            })
            .collect::<Result<Vec<_>, InfraError>>()?;
        Ok(Halaman {
            items,
            total,
            page: Some(page),
            berikutnya: None,
        })
    }

    async fn surel_tertunda(&self) -> Result<Vec<PesanTertunda>, InfraError> {
        Ok(outbox::Entity::find()
            .filter(outbox::Column::Status.ne(crate::outbox::TERKIRIM))
            .order_by_desc(outbox::Column::DibuatPada)
            .all(&self.db)
            .await
            .map_err(infra)?
            .into_iter()
            .map(|m| PesanTertunda {
                kepada: m.kepada,
                template: m.template,
                status: m.status,
                percobaan: u32::try_from(m.percobaan).unwrap_or(0),
                galat_terakhir: m.galat_terakhir,
                dibuat_pada: m.dibuat_pada,
            })
            .collect())
    }
}
