//! Request bodies: JSON read into the handler's type, where a `null` is an absent field (R-X-04)
//! and a value of the wrong type is answered 400 naming its field.

use crate::web::galat::WebError;
use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, Request};
use axum::http::StatusCode;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// A JSON request body of type `T`.
pub struct Isian<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for Isian<T> {
    type Rejection = WebError;

    async fn from_request(req: Request, state: &S) -> Result<Self, WebError> {
        let Json(v) = Json::<Value>::from_request(req, state)
            .await
            .map_err(tolak)?;
        baca(v).map(Isian)
    }
}

/// `v` read as `T`, its nulls taken as absent.
pub fn baca<T: DeserializeOwned>(v: Value) -> Result<T, WebError> {
    serde_path_to_error::deserialize(tanpa_null(v)).map_err(|e| {
        let field = e.path().to_string();
        let pesan = format!("Nilai isian {field} tidak sesuai jenisnya ({}).", e.inner());
        WebError::isian(StatusCode::BAD_REQUEST, &field, &pesan)
    })
}

/// Drops every object member whose value is `null`, at any depth (array items keep their place).
fn tanpa_null(v: Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.into_iter()
                .filter(|(_, x)| !x.is_null())
                .map(|(k, x)| (k, tanpa_null(x)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.into_iter().map(tanpa_null).collect()),
        lain => lain,
    }
}

fn tolak(e: JsonRejection) -> WebError {
    match e {
        JsonRejection::MissingJsonContentType(_) => WebError::new(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Kirim isian sebagai JSON (Content-Type: application/json).",
        ),
        JsonRejection::JsonSyntaxError(e) => WebError::new(
            StatusCode::BAD_REQUEST,
            format!("Isian JSON tidak terbaca: {}", e.body_text()),
        ),
        lain => WebError::new(
            lain.status(),
            format!("Isian tidak terbaca: {}", lain.body_text()),
        ),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use serde_json::json;

    #[derive(serde::Deserialize, Default, Debug, PartialEq)]
    #[serde(default)]
    struct Contoh {
        url: String,
        induk: Option<String>,
        daftar: Vec<String>,
    }

    #[test]
    fn r_x_04_a_null_is_an_absent_field_and_a_wrong_type_names_its_field() {
        let v: Contoh = baca(json!({"url": null, "induk": null, "daftar": ["a"]})).unwrap();
        assert_eq!(
            v,
            Contoh {
                daftar: vec!["a".into()],
                ..Contoh::default()
            }
        );
        let e = baca::<Contoh>(json!({"url": 5})).unwrap_err();
        assert_eq!(
            (e.status, e.galat[0].field.as_str()),
            (StatusCode::BAD_REQUEST, "url")
        );
    }
}
