//! Ids in paths, one parser for every kind: an id that does not parse is answered 404, exactly
//! like an id that is not there (or belongs to another instansi).

use crate::web::galat::WebError;
use crate::web::halaman::GalatHalaman;
use crate::web::sesi::Aktor;
use std::str::FromStr;

/// An id from an API path.
pub fn id<T: FromStr>(s: &str) -> Result<T, WebError> {
    s.parse().map_err(|_| WebError::tidak_ditemukan())
}

/// An id from a page's path: a bad one is the page "tidak ditemukan" with the reader's header.
pub fn id_halaman<T: FromStr>(a: &Aktor, s: &str) -> Result<T, GalatHalaman> {
    id(s).map_err(|e| GalatHalaman::untuk(e, a))
}
