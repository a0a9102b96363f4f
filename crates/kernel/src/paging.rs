//! Paged lists: `{items, total, page}` in the API contract.

use serde::Serialize;

/// Items per page.
pub const UKURAN_HALAMAN: u64 = 50;

/// Audit records per page.
pub const UKURAN_HALAMAN_AUDIT: u64 = 100;

/// One page of a list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Halaman<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// How many items the whole list holds.
    pub total: u64,
    /// The page number, from 1.
    pub page: u64,
}
