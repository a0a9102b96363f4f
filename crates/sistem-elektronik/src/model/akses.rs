//! Who sees and changes a system (R-SE-11, R-SE-12): the instansi's pejabat, the sub pejabat of the
//! system's unit, and the admin; everyone else is told it does not exist.

use crate::SistemError;
use pse_kernel::{Actor, InstansiId, Lingkup, Peran, UnitId};

/// The scope of a logged-in actor's lists and reports; the public must log in, the portal itself
/// has none.
pub fn lingkup(aktor: &Actor) -> Result<Lingkup, SistemError> {
    match Lingkup::dari(aktor) {
        Some(l) => Ok(l),
        None if matches!(aktor, Actor::Publik) => Err(SistemError::BelumMasuk),
        None => Err(SistemError::Dilarang),
    }
}

/// Whether `aktor` may read a system of `instansi` and `unit`.
pub fn boleh_lihat(aktor: &Actor, instansi: InstansiId, unit: Option<UnitId>) -> bool {
    aktor.adalah_admin() || boleh_ubah(aktor, instansi, unit)
}

/// Whether `aktor` may fill in and submit a system of `instansi` and `unit` (the pejabat of the
/// instansi, or the sub pejabat of that unit).
pub fn boleh_ubah(aktor: &Actor, instansi: InstansiId, unit: Option<UnitId>) -> bool {
    match aktor {
        Actor::Pengguna {
            peran: Peran::PejabatPendaftar,
            instansi_id: Some(i),
            ..
        } => *i == instansi,
        Actor::Pengguna {
            peran: Peran::SubPejabat,
            instansi_id: Some(i),
            unit_id: Some(u),
            ..
        } => *i == instansi && unit == Some(*u),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pse_kernel::AkunId;

    #[test]
    fn r_se_12_only_the_instansi_the_unit_and_the_admin_see_a_system() {
        let (a, b) = (InstansiId::new(), InstansiId::new());
        let (u1, u2) = (UnitId::new(), UnitId::new());
        let orang = |peran, i: Option<InstansiId>, u: Option<UnitId>| Actor::Pengguna {
            akun_id: AkunId::new(),
            peran,
            instansi_id: i,
            unit_id: u,
        };
        let kasus = [
            ("admin", orang(Peran::Admin, None, None)),
            ("pejabat A", orang(Peran::PejabatPendaftar, Some(a), None)),
            (
                "sub pejabat unit 1",
                orang(Peran::SubPejabat, Some(a), Some(u1)),
            ),
            (
                "sub pejabat unit 2",
                orang(Peran::SubPejabat, Some(a), Some(u2)),
            ),
            ("pejabat B", orang(Peran::PejabatPendaftar, Some(b), None)),
            ("publik", Actor::Publik),
        ];
        let hasil: Vec<_> = kasus
            .iter()
            .map(|(n, ak)| {
                format!(
                    "{n}: lihat={} ubah={}",
                    boleh_lihat(ak, a, Some(u1)),
                    boleh_ubah(ak, a, Some(u1))
                )
            })
            .collect();
        insta::assert_yaml_snapshot!(hasil);
    }
}
