//! Document storage on `object_store`: a local folder by default (S3-compatible by configuration),
//! content addressed by SHA-256, so the same file uploaded twice is stored once.

use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use pse_kernel::DokumenStore;
use pse_kernel::InfraError;
use std::sync::Arc;

/// Documents in an object store.
#[derive(Clone, Debug)]
pub struct PenyimpananDokumen {
    store: Arc<dyn ObjectStore>,
}

impl PenyimpananDokumen {
    /// Documents under the local folder `dir` (created if missing).
    pub fn lokal(dir: &std::path::Path) -> Result<Self, InfraError> {
        std::fs::create_dir_all(dir).map_err(InfraError::new)?;
        let fs = LocalFileSystem::new_with_prefix(dir).map_err(InfraError::new)?;
        Ok(Self {
            store: Arc::new(fs),
        })
    }

    /// Documents in any object store (S3-compatible, in-memory for tests).
    pub fn dengan(store: Arc<dyn ObjectStore>) -> Self {
        Self { store }
    }

    fn lokasi(sha256: &str) -> Result<Path, InfraError> {
        if sha256.len() != 64 || !sha256.chars().all(|c| c.is_ascii_hexdigit()) {
            return Err(InfraError::new(format!(
                "kunci dokumen tidak sah: {sha256}"
            )));
        }
        Ok(Path::from(format!("dokumen/{}/{}", &sha256[..2], sha256)))
    }
}

#[async_trait::async_trait]
impl DokumenStore for PenyimpananDokumen {
    async fn simpan(&self, sha256: &str, isi: Vec<u8>) -> Result<(), InfraError> {
        let lokasi = Self::lokasi(sha256)?;
        self.store
            .put(&lokasi, PutPayload::from(isi))
            .await
            .map_err(InfraError::new)?;
        Ok(())
    }

    async fn ambil(&self, sha256: &str) -> Result<Option<Vec<u8>>, InfraError> {
        let lokasi = Self::lokasi(sha256)?;
        match self.store.get(&lokasi).await {
            Ok(r) => Ok(Some(r.bytes().await.map_err(InfraError::new)?.to_vec())),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(InfraError::new(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn stores_by_hash_on_the_local_folder() {
        let dir = std::env::temp_dir().join(format!("pse-dok-{}", std::process::id()));
        let s = PenyimpananDokumen::lokal(&dir).unwrap();
        let sha = "ab".repeat(32);
        assert_eq!(s.ambil(&sha).await.unwrap(), None);
        s.simpan(&sha, b"%PDF-1.4".to_vec()).await.unwrap();
        assert_eq!(s.ambil(&sha).await.unwrap(), Some(b"%PDF-1.4".to_vec()));
        assert!(s.simpan("../../etc/passwd", vec![]).await.is_err());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
