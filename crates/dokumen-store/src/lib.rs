//! Document storage on `object_store`: a local folder by default, or a bucket of any S3-compatible
//! store (so several portal instances share one), content addressed by SHA-256, so the same file
//! uploaded twice is stored once.

use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};
use pse_kernel::DokumenStore;
use pse_kernel::InfraError;
use secrecy::{ExposeSecret, SecretString};
use std::sync::Arc;

/// How to reach an S3-compatible store.
#[derive(Clone, Debug, Default)]
pub struct PengaturanS3 {
    /// The store's address (`http://127.0.0.1:9000`); unset: AWS itself.
    pub endpoint: Option<String>,
    /// Region (`us-east-1` for most S3-compatible servers).
    pub region: String,
    /// Access key id.
    pub key_id: Option<String>,
    /// Secret access key.
    pub secret: Option<SecretString>,
}

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

    /// Documents in the bucket of `url` (`s3://bucket`, optionally `s3://bucket/prefix`) on the
    /// S3-compatible store `s3` describes.
    pub fn s3(url: &str, s3: &PengaturanS3) -> Result<Self, InfraError> {
        let (bucket, awalan) = url
            .strip_prefix("s3://")
            .map(|r| r.split_once('/').unwrap_or((r, "")))
            .filter(|(b, _)| !b.is_empty())
            .ok_or_else(|| {
                InfraError::new(format!(
                    "PSE_DOKUMEN_URL harus berbentuk s3://nama-bucket, bukan {url}"
                ))
            })?;
        let mut b = AmazonS3Builder::new()
            .with_bucket_name(bucket)
            .with_region(&s3.region);
        if let Some(e) = s3.endpoint.as_deref().filter(|e| !e.is_empty()) {
            b = b
                .with_endpoint(e)
                .with_allow_http(e.starts_with("http://"))
                .with_virtual_hosted_style_request(false);
        }
        if let (Some(id), Some(rahasia)) = (&s3.key_id, &s3.secret) {
            b = b
                .with_access_key_id(id)
                .with_secret_access_key(rahasia.expose_secret());
        }
        let store: Arc<dyn ObjectStore> = Arc::new(b.build().map_err(InfraError::new)?);
        let store: Arc<dyn ObjectStore> = match awalan.trim_matches('/') {
            "" => store,
            a => Arc::new(PrefixStore::new(store, a)),
        };
        Ok(Self { store })
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

    #[test]
    fn an_s3_address_names_its_bucket() {
        let s3 = PengaturanS3 {
            endpoint: Some("http://127.0.0.1:9000".into()),
            region: "us-east-1".into(),
            ..Default::default()
        };
        assert!(PenyimpananDokumen::s3("s3://pse-dokumen", &s3).is_ok());
        assert!(PenyimpananDokumen::s3("s3://pse-dokumen/portal", &s3).is_ok());
        for salah in ["pse-dokumen", "s3://", "https://x/y"] {
            let e = PenyimpananDokumen::s3(salah, &s3).unwrap_err();
            assert!(e.to_string().contains("s3://nama-bucket"), "{e}");
        }
    }
}
