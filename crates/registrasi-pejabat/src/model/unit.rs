//! The Struktur Organisasi: a tree of units per instansi, each with a parent, a name and the title of
//! its head (R-SUB-01).

use crate::{GalatIsian, RegistrasiError};
use chrono::{DateTime, Utc};
use pse_kernel::Galat;
use pse_kernel::{InstansiId, UnitId};
use serde::{Deserialize, Serialize};

/// A unit as typed (`nama`, `jabatan_kepala`, optional `induk_id`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct IsianUnit {
    pub nama: String,
    pub jabatan_kepala: String,
    pub induk_id: Option<String>,
}

/// What a unit record holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RekamUnit {
    pub id: UnitId,
    /// Optimistic-concurrency version (0 before the first save).
    pub versi: i64,
    pub instansi_id: InstansiId,
    pub induk_id: Option<UnitId>,
    pub nama: String,
    pub jabatan_kepala: String,
    pub dibuat_pada: DateTime<Utc>,
}

/// One unit of an instansi's Struktur Organisasi.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitOrganisasi(RekamUnit);

impl std::ops::Deref for UnitOrganisasi {
    type Target = RekamUnit;
    fn deref(&self) -> &RekamUnit {
        &self.0
    }
}

/// Checks a unit's fields against the instansi's other units: the parent must be one of them and
/// not the unit itself or one of its descendants; names are unique under one parent.
fn periksa(
    isian: &IsianUnit,
    diri: Option<UnitId>,
    unit_lain: &[UnitOrganisasi],
) -> Result<(String, String, Option<UnitId>), RegistrasiError> {
    let mut galat = Vec::new();
    let nama = isian.nama.trim().to_string();
    if nama.is_empty() {
        galat.push(GalatIsian::new("nama", "Nama unit wajib diisi."));
    } else if nama.chars().count() > 200 {
        galat.push(GalatIsian::new(
            "nama",
            "Nama unit paling banyak 200 karakter.",
        ));
    }
    let jabatan = isian.jabatan_kepala.trim().to_string();
    if jabatan.is_empty() {
        galat.push(GalatIsian::new(
            "jabatan_kepala",
            "Jabatan kepala unit wajib diisi, contoh: Kepala Bidang Aplikasi Informatika.",
        ));
    }
    let induk = match isian
        .induk_id
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(raw) => match unit_lain.iter().find(|u| u.id.to_string() == raw) {
            None => {
                galat.push(GalatIsian::new(
                    "induk_id",
                    "Unit induk tidak ditemukan di Struktur Organisasi instansi ini.",
                ));
                None
            }
            Some(u)
                if Some(u.id) == diri
                    || diri.is_some_and(|d| keturunan(unit_lain, d).contains(&u.id)) =>
            {
                galat.push(GalatIsian::new(
                    "induk_id",
                    "Unit tidak dapat dipindahkan ke bawah dirinya sendiri atau sub-unitnya.",
                ));
                None
            }
            Some(u) => Some(u.id),
        },
    };
    let kunci = crate::model::Instansi::kunci_nama(&nama);
    if !nama.is_empty()
        && unit_lain.iter().any(|u| {
            Some(u.id) != diri
                && u.induk_id == induk
                && crate::model::Instansi::kunci_nama(&u.nama) == kunci
        })
    {
        galat.push(GalatIsian::new(
            "nama",
            "Sudah ada unit dengan nama ini di bawah induk yang sama.",
        ));
    }
    if galat.is_empty() {
        Ok((nama, jabatan, induk))
    } else {
        Err(Galat::Validasi(galat).into())
    }
}

/// The ids of every descendant of `akar`.
pub fn keturunan(semua: &[UnitOrganisasi], akar: UnitId) -> Vec<UnitId> {
    let mut hasil = Vec::new();
    let mut antre = vec![akar];
    while let Some(u) = antre.pop() {
        for anak in semua.iter().filter(|x| x.induk_id == Some(u)) {
            if !hasil.contains(&anak.id) {
                hasil.push(anak.id);
                antre.push(anak.id);
            }
        }
    }
    hasil
}

/// The units in tree order (each parent before its children, siblings by name) with their depth.
pub fn pohon(semua: &[UnitOrganisasi]) -> Vec<(usize, &UnitOrganisasi)> {
    fn turun<'a>(
        semua: &'a [UnitOrganisasi],
        induk: Option<UnitId>,
        d: usize,
        out: &mut Vec<(usize, &'a UnitOrganisasi)>,
    ) {
        let mut anak: Vec<_> = semua.iter().filter(|u| u.induk_id == induk).collect();
        anak.sort_by_key(|u| u.nama.to_lowercase());
        for a in anak {
            out.push((d, a));
            turun(semua, Some(a.id), d + 1, out);
        }
    }
    let mut out = Vec::with_capacity(semua.len());
    turun(semua, None, 0, &mut out);
    out
}

impl UnitOrganisasi {
    /// A new unit of `instansi_id`, checked against its existing units.
    pub fn baru(
        instansi_id: InstansiId,
        isian: &IsianUnit,
        unit_lain: &[UnitOrganisasi],
        now: DateTime<Utc>,
    ) -> Result<Self, RegistrasiError> {
        let (nama, jabatan_kepala, induk_id) = periksa(isian, None, unit_lain)?;
        Ok(Self(RekamUnit {
            id: UnitId::new(),
            versi: 0,
            instansi_id,
            induk_id,
            nama,
            jabatan_kepala,
            dibuat_pada: now,
        }))
    }

    /// Restores a unit from storage.
    pub fn pulihkan(rekam: RekamUnit) -> Self {
        Self(rekam)
    }

    /// Renames or moves the unit.
    pub fn ubah(
        mut self,
        isian: &IsianUnit,
        unit_lain: &[UnitOrganisasi],
    ) -> Result<Self, RegistrasiError> {
        let (nama, jabatan_kepala, induk_id) = periksa(isian, Some(self.0.id), unit_lain)?;
        self.0.nama = nama;
        self.0.jabatan_kepala = jabatan_kepala;
        self.0.induk_id = induk_id;
        Ok(self)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn isian(nama: &str, induk: Option<UnitId>) -> IsianUnit {
        IsianUnit {
            nama: nama.into(),
            jabatan_kepala: "Kepala".into(),
            induk_id: induk.map(|i| i.to_string()),
        }
    }

    #[test]
    fn r_sub_01_units_form_a_tree_without_cycles() {
        let ins = InstansiId::new();
        let now = DateTime::<Utc>::default();
        let dinas = UnitOrganisasi::baru(ins, &isian("Diskominfo", None), &[], now).unwrap();
        let bidang = UnitOrganisasi::baru(
            ins,
            &isian("Bidang Aplikasi", Some(dinas.id)),
            std::slice::from_ref(&dinas),
            now,
        )
        .unwrap();
        let semua = vec![dinas.clone(), bidang.clone()];
        let seksi =
            UnitOrganisasi::baru(ins, &isian("Seksi Layanan", Some(bidang.id)), &semua, now)
                .unwrap();
        let semua = vec![dinas.clone(), bidang.clone(), seksi.clone()];
        let urut: Vec<_> = pohon(&semua)
            .iter()
            .map(|(d, u)| (*d, u.nama.clone()))
            .collect();
        assert_eq!(
            urut,
            vec![
                (0, "Diskominfo".into()),
                (1, "Bidang Aplikasi".into()),
                (2, "Seksi Layanan".into())
            ]
        );

        let ke_cucu = dinas
            .clone()
            .ubah(&isian("Diskominfo", Some(seksi.id)), &semua)
            .unwrap_err();
        let ganda = UnitOrganisasi::baru(
            ins,
            &isian(" bidang  APLIKASI ", Some(dinas.id)),
            &semua,
            now,
        )
        .unwrap_err();
        let induk_asing =
            UnitOrganisasi::baru(ins, &isian("X", Some(UnitId::new())), &semua, now).unwrap_err();
        let kosong = UnitOrganisasi::baru(ins, &IsianUnit::default(), &semua, now).unwrap_err();
        insta::assert_debug_snapshot!((ke_cucu, ganda, induk_asing, kosong));
    }
}
