//! The working-time calendar through HTTP (R-DAE-05), on the holidays the portal loads.

use pse_tests::*;

#[tokio::test]
async fn r_dae_05_the_calendar_api_counts_office_hours_in_the_zone_over_holidays() {
    for backend in backends() {
        let app = jalankan(backend).await;
        let tamu = klien();
        let tenggat = |q: &'static str| {
            let (app, tamu) = (&app, &tamu);
            async move {
                app.get(tamu, &format!("/api/v1/kalender/tenggat?{q}"))
                    .await
            }
        };
        // Friday 16:20 WITA + 60 working minutes: Monday 08:50 WITA.
        let (s, v) = tenggat("mulai=2026-12-04T16:20:00%2B08:00&menit_kerja=60&zona=WITA").await;
        assert_eq!(
            (s, v["tenggat"].as_str()),
            (200, Some("2026-12-07T08:50:00+08:00")),
            "{backend:?}"
        );
        // Before Independence Day, a Monday holiday in the loaded calendar: Tuesday.
        let (_, v) = tenggat("mulai=2026-08-14T16:20:00%2B08:00&menit_kerja=60&zona=WITA").await;
        assert_eq!(v["tenggat"], "2026-08-18T08:50:00+08:00");
        // The same instant asked in UTC, answered in the zone asked for.
        let (_, v) = tenggat("mulai=2026-12-04T08:20:00Z&menit_kerja=60&zona=wita").await;
        assert_eq!(v["tenggat"], "2026-12-07T08:50:00+08:00");
        // Working days keep the time of day; WIB when no zone is named.
        let (_, v) = tenggat("mulai=2026-08-14T10:00:00%2B07:00&hari_kerja=1").await;
        assert_eq!(v["tenggat"], "2026-08-18T10:00:00+07:00");
        let (s, v) = tenggat("mulai=kemarin&menit_kerja=999999&zona=CET").await;
        assert_eq!(s, 422, "{v}");
        let mut medan: Vec<&str> = v["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["field"].as_str().unwrap())
            .collect();
        medan.sort();
        assert_eq!(medan, ["menit_kerja", "mulai", "zona"], "{v}");
        app.selesai().await;
    }
}
