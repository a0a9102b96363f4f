//! The face of a public service (RULES R-LAY): the service standard as data, rendered from one
//! place ([`standar`]), complaints with a number and a code ([`pengaduan`]), and the satisfaction
//! survey with its index ([`survei`], PermenPANRB 14/2017).

pub mod pengaduan;
pub mod ports;
pub mod service;
pub mod standar;
pub mod survei;
