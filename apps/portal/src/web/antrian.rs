//! The admin's verification queue read once for the page and the API: each service answers the
//! same keyset window (entered, id), and the rows are merged oldest first, so a page never holds
//! more than `batas` items however long the queue is.

use crate::state::AppState;
use crate::web::galat::WebError;
use chrono::{DateTime, Utc};
use pse_kernel::{Actor, Halaman, JendelaAntrian, Paging};
use sistem_elektronik::model::StatusSistem;

/// One item waiting for the admin.
pub struct ItemMeja {
    /// The decision path's kind (`pendaftaran-pejabat`, `sub-pejabat`, `data-awal`,
    /// `sistem-elektronik`, `perubahan-data`).
    pub jenis: &'static str,
    /// The kind as people read it.
    pub label: &'static str,
    /// The item's id.
    pub id: String,
    /// The applicant or the system.
    pub nama: String,
    /// A second line: the email, the system's address or the reason of a change.
    pub keterangan: String,
    /// The instansi's name.
    pub instansi: String,
    /// When it entered the queue.
    pub masuk: DateTime<Utc>,
    /// When it is due.
    pub tenggat: DateTime<Utc>,
    /// Whether it is past due.
    pub terlambat: bool,
}

impl ItemMeja {
    /// The admin page that decides it.
    pub fn tautan(&self) -> String {
        let halaman = match self.jenis {
            "data-awal" => "sistem-elektronik",
            j => j,
        };
        format!("/admin/{halaman}/{}", self.id)
    }
}

/// One page of the queue, oldest first.
pub async fn baca(
    s: &AppState,
    aktor: &Actor,
    paging: &Paging,
) -> Result<Halaman<ItemMeja>, WebError> {
    let j = JendelaAntrian::dari(paging)?;
    let mut items = Vec::new();
    let (permohonan, n1) = s.registrasi.antrian(aktor, &j).await?;
    items.extend(permohonan.into_iter().map(|i| ItemMeja {
        jenis: "pendaftaran-pejabat",
        label: "Pendaftaran Pejabat",
        id: i.permohonan.id.to_string(),
        nama: i.permohonan.data.nama_lengkap.clone(),
        keterangan: i.permohonan.data.email.to_string(),
        instansi: i.permohonan.instansi.nama().to_string(),
        masuk: i.permohonan.masuk_antrian_pada,
        tenggat: i.tenggat,
        terlambat: i.terlambat,
    }));
    let (sub, n2) = s.registrasi.antrian_sub_pejabat(aktor, &j).await?;
    items.extend(sub.into_iter().map(|i| ItemMeja {
        jenis: "sub-pejabat",
        label: "Sub Pejabat",
        id: i.sub_pejabat.id.to_string(),
        nama: i.sub_pejabat.data.nama_lengkap.clone(),
        keterangan: i.sub_pejabat.data.email.to_string(),
        instansi: i.instansi,
        masuk: i.sub_pejabat.masuk_antrian_pada,
        tenggat: i.tenggat,
        terlambat: i.terlambat,
    }));
    let (sistem, n3) = s.sistem.antrian(aktor, &j).await?;
    items.extend(sistem.into_iter().map(|i| {
        let x = &i.sistem;
        let data_awal = x.status == StatusSistem::DataAwalDiajukan;
        ItemMeja {
            jenis: if data_awal {
                "data-awal"
            } else {
                "sistem-elektronik"
            },
            label: if data_awal {
                "Data Awal Sistem Elektronik"
            } else {
                "Formulir Sistem Elektronik"
            },
            id: x.id.to_string(),
            nama: x.nama_eksternal.clone(),
            keterangan: x.url.clone().unwrap_or_default(),
            instansi: x.instansi.clone(),
            masuk: x.masuk_antrian_pada,
            tenggat: i.tenggat,
            terlambat: i.terlambat,
        }
    }));
    let (perubahan, n4) = s.perubahan.antrian(aktor, &j).await?;
    items.extend(perubahan.into_iter().map(|i| ItemMeja {
        jenis: "perubahan-data",
        label: "Perubahan Data",
        id: i.perubahan.id.to_string(),
        nama: i.perubahan.nama_sistem.clone(),
        keterangan: i.perubahan.alasan.clone(),
        instansi: i.instansi,
        masuk: i.perubahan.diajukan_pada,
        tenggat: i.tenggat,
        terlambat: i.terlambat,
    }));
    items.sort_by(|a, b| (a.masuk, &a.id).cmp(&(b.masuk, &b.id)));
    items.truncate(usize::try_from(j.batas).unwrap_or(usize::MAX));
    Ok(Halaman::susun(items, n1 + n2 + n3 + n4, paging, |i| {
        JendelaAntrian::kursor(i.masuk, &i.id)
    })?)
}
