//! Isu dan Keluhan (R-LAY-03): the public form and status page, the admin's list and answer, and
//! their JSON API; the satisfaction survey (R-LAY-04, `survei`).

pub mod api;
pub mod halaman;
pub mod rute;
pub mod skema;
pub mod survei;
