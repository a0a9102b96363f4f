//! Mapping between rows and domain aggregates. A row that does not map back is an infrastructure
//! failure (the store was written by something else), never a panic.

use crate::entitas::{akun, instansi, permohonan, token};
use pse_kernel::{InfraError, Peran};
use registrasi_pejabat::model::{
    Akun, Email, Instansi, JenisInstansi, PermohonanPejabat, RekamAkun, RekamInstansi,
    RekamPermohonan, StatusAkun, StatusPermohonan, TokenAktivasi,
};
use std::str::FromStr;

fn rusak(apa: &str, isi: impl std::fmt::Display) -> InfraError {
    InfraError::new(format!("data {apa} tidak terbaca: {isi}"))
}

pub(crate) fn id<T: FromStr>(apa: &str, s: &str) -> Result<T, InfraError> {
    s.parse().map_err(|_| rusak(apa, s))
}

pub(crate) fn json<T: serde::de::DeserializeOwned>(
    apa: &str,
    v: serde_json::Value,
) -> Result<T, InfraError> {
    serde_json::from_value(v).map_err(|e| rusak(apa, e))
}

pub(crate) fn ke_json<T: serde::Serialize>(v: &T) -> Result<serde_json::Value, InfraError> {
    serde_json::to_value(v).map_err(InfraError::new)
}

pub(crate) fn instansi_dari(m: instansi::Model) -> Result<Instansi, InfraError> {
    Ok(Instansi::pulihkan(RekamInstansi {
        id: id("instansi", &m.id)?,
        jenis: JenisInstansi::parse(&m.jenis).ok_or_else(|| rusak("instansi", &m.jenis))?,
        nama: m.nama,
        provinsi: m.provinsi,
        kota: m.kota,
        alamat: m.alamat,
        website: m.website,
        telepon: m.telepon,
        domain_email: m.domain_email,
        terverifikasi: m.terverifikasi,
    }))
}

pub(crate) fn instansi_ke(i: &Instansi) -> instansi::Model {
    let r = i.rekam();
    instansi::Model {
        id: r.id.to_string(),
        nama: r.nama.clone(),
        kunci_nama: Instansi::kunci_nama(&r.nama),
        jenis: r.jenis.kode().into(),
        provinsi: r.provinsi.clone(),
        kota: r.kota.clone(),
        alamat: r.alamat.clone(),
        website: r.website.clone(),
        telepon: r.telepon.clone(),
        domain_email: r.domain_email.clone(),
        terverifikasi: r.terverifikasi,
    }
}

pub(crate) fn akun_dari(m: akun::Model) -> Result<Akun, InfraError> {
    Ok(Akun::pulihkan(RekamAkun {
        id: id("akun", &m.id)?,
        versi: m.versi,
        email: Email::parse(&m.email).map_err(|e| rusak("akun", e))?,
        nama: m.nama,
        peran: Peran::dari_kode(&m.peran).ok_or_else(|| rusak("akun", &m.peran))?,
        instansi_id: m
            .instansi_id
            .as_deref()
            .map(|s| id("akun", s))
            .transpose()?,
        unit_id: m.unit_id.as_deref().map(|s| id("akun", s)).transpose()?,
        status: StatusAkun::parse(&m.status).ok_or_else(|| rusak("akun", &m.status))?,
        kata_sandi_hash: m.kata_sandi_hash,
        jabatan: m.jabatan,
        nomor_induk: m.nomor_induk,
        telepon_kantor: m.telepon_kantor,
        nomor_hp: m.nomor_hp,
        dibuat_pada: m.dibuat_pada,
        tugas: m.tugas.as_deref().and_then(pse_kernel::Tugas::dari_kode),
    }))
}

pub(crate) fn akun_ke(a: &Akun, versi: i64) -> akun::Model {
    akun::Model {
        id: a.id.to_string(),
        versi,
        email: a.email.to_string(),
        nama: a.nama.clone(),
        peran: a.peran.kode().into(),
        instansi_id: a.instansi_id.map(|i| i.to_string()),
        unit_id: a.unit_id.map(|i| i.to_string()),
        status: a.status.kode().into(),
        kata_sandi_hash: a.kata_sandi_hash.clone(),
        jabatan: a.jabatan.clone(),
        nomor_induk: a.nomor_induk.clone(),
        telepon_kantor: a.telepon_kantor.clone(),
        nomor_hp: a.nomor_hp.clone(),
        dibuat_pada: a.dibuat_pada,
        tugas: a.tugas.map(|t| t.kode().into()),
    }
}

pub(crate) fn permohonan_dari(m: permohonan::Model) -> Result<PermohonanPejabat, InfraError> {
    Ok(PermohonanPejabat::pulihkan(RekamPermohonan {
        id: id("permohonan", &m.id)?,
        versi: m.versi,
        status: StatusPermohonan::parse(&m.status).ok_or_else(|| rusak("permohonan", &m.status))?,
        data: json("permohonan", m.data)?,
        instansi: json("permohonan", m.instansi)?,
        dokumen: json("permohonan", m.dokumen)?,
        diajukan_pada: m.diajukan_pada,
        masuk_antrian_pada: m.masuk_antrian_pada,
        jumlah_pengajuan: u32::try_from(m.jumlah_pengajuan).unwrap_or(1),
        penolakan: m.penolakan.map(|p| json("permohonan", p)).transpose()?,
        kode_perbaikan_hash: m.kode_perbaikan_hash,
        akun_id: m
            .akun_id
            .as_deref()
            .map(|s| id("permohonan", s))
            .transpose()?,
    }))
}

pub(crate) fn permohonan_ke(
    p: &PermohonanPejabat,
    versi: i64,
) -> Result<permohonan::Model, InfraError> {
    Ok(permohonan::Model {
        id: p.id.to_string(),
        versi,
        status: p.status.kode().into(),
        email: p.data.email.to_string(),
        data: ke_json(&p.data)?,
        instansi: ke_json(&p.instansi)?,
        dokumen: ke_json(&p.dokumen)?,
        diajukan_pada: p.diajukan_pada,
        masuk_antrian_pada: p.masuk_antrian_pada,
        jumlah_pengajuan: i32::try_from(p.jumlah_pengajuan).unwrap_or(i32::MAX),
        penolakan: p.penolakan.as_ref().map(ke_json).transpose()?,
        kode_perbaikan_hash: p.kode_perbaikan_hash.clone(),
        akun_id: p.akun_id.map(|a| a.to_string()),
    })
}

pub(crate) fn token_dari(m: token::Model) -> Result<TokenAktivasi, InfraError> {
    Ok(TokenAktivasi {
        akun_id: id("token", &m.akun_id)?,
        hash: m.hash,
        kedaluwarsa: m.kedaluwarsa,
        dipakai_pada: m.dipakai_pada,
    })
}

pub(crate) fn token_ke(t: &TokenAktivasi) -> token::Model {
    token::Model {
        hash: t.hash.clone(),
        akun_id: t.akun_id.to_string(),
        kedaluwarsa: t.kedaluwarsa,
        dipakai_pada: t.dipakai_pada,
    }
}

pub(crate) fn unit_dari(
    m: crate::entitas::unit::Model,
) -> Result<registrasi_pejabat::model::UnitOrganisasi, InfraError> {
    Ok(registrasi_pejabat::model::UnitOrganisasi::pulihkan(
        registrasi_pejabat::model::RekamUnit {
            id: id("unit", &m.id)?,
            versi: m.versi,
            instansi_id: id("unit", &m.instansi_id)?,
            induk_id: m.induk_id.as_deref().map(|s| id("unit", s)).transpose()?,
            nama: m.nama,
            jabatan_kepala: m.jabatan_kepala,
            dibuat_pada: m.dibuat_pada,
        },
    ))
}

pub(crate) fn unit_ke(
    u: &registrasi_pejabat::model::UnitOrganisasi,
    versi: i64,
) -> crate::entitas::unit::Model {
    crate::entitas::unit::Model {
        id: u.id.to_string(),
        versi,
        instansi_id: u.instansi_id.to_string(),
        induk_id: u.induk_id.map(|i| i.to_string()),
        nama: u.nama.clone(),
        jabatan_kepala: u.jabatan_kepala.clone(),
        dibuat_pada: u.dibuat_pada,
    }
}

pub(crate) fn sub_dari(
    m: crate::entitas::sub_pejabat::Model,
) -> Result<registrasi_pejabat::model::SubPejabat, InfraError> {
    use registrasi_pejabat::model::{RekamSubPejabat, StatusSubPejabat, SubPejabat};
    Ok(SubPejabat::pulihkan(RekamSubPejabat {
        id: id("sub_pejabat", &m.id)?,
        versi: m.versi,
        instansi_id: id("sub_pejabat", &m.instansi_id)?,
        data: json("sub_pejabat", m.data)?,
        surat_tugas: json("sub_pejabat", m.surat_tugas)?,
        status: StatusSubPejabat::parse(&m.status)
            .ok_or_else(|| rusak("sub_pejabat", &m.status))?,
        penolakan: m.penolakan.map(|p| json("sub_pejabat", p)).transpose()?,
        akun_id: m
            .akun_id
            .as_deref()
            .map(|s| id("sub_pejabat", s))
            .transpose()?,
        didaftarkan_oleh: id("sub_pejabat", &m.didaftarkan_oleh)?,
        diajukan_pada: m.diajukan_pada,
        masuk_antrian_pada: m.masuk_antrian_pada,
    }))
}

pub(crate) fn sub_ke(
    s: &registrasi_pejabat::model::SubPejabat,
    versi: i64,
) -> Result<crate::entitas::sub_pejabat::Model, InfraError> {
    Ok(crate::entitas::sub_pejabat::Model {
        id: s.id.to_string(),
        versi,
        instansi_id: s.instansi_id.to_string(),
        unit_id: s.data.unit_id.to_string(),
        email: s.data.email.to_string(),
        status: s.status.kode().into(),
        data: ke_json(&s.data)?,
        surat_tugas: ke_json(&s.surat_tugas)?,
        penolakan: s.penolakan.as_ref().map(ke_json).transpose()?,
        akun_id: s.akun_id.map(|a| a.to_string()),
        didaftarkan_oleh: s.didaftarkan_oleh.to_string(),
        diajukan_pada: s.diajukan_pada,
        masuk_antrian_pada: s.masuk_antrian_pada,
    })
}
