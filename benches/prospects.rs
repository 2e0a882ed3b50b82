//! A prospect list (issue 11): 100,000 rows of a French Excel export
//! (Windows-1252, `;`), read as it streams and judged against an audience,
//! in ≤ 1 s. The list is made here, not stored in the repository.

use criterion::{Criterion, criterion_group, criterion_main};
use poignee::audience::AudienceFilter;
use poignee::prospects::Sheet;
use std::hint::black_box;
use std::io::Write;
use std::time::Duration;

const ROWS: usize = 100_000;

/// Places and sectors as exports write them: in, out, unknown, ambiguous.
const PLACES: [&str; 8] = [
    "Lyon;69003",
    "Villeurbanne;",
    "Paris 8e;75008",
    "Lille;59000",
    "Saint-Denis;",
    "Clermont-Ferrand;63000",
    "Genève;",
    "Atlantis;",
];
const SECTORS: [&str; 5] = [
    "Développement de logiciels",
    "Software Development",
    "Services financiers",
    "Construction",
    "Boulangerie",
];

fn list(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("prospects.csv");
    let mut text = String::from("Prénom;Nom;Société;Ville;Code postal;Secteur d'activité\r\n");
    for i in 0..ROWS {
        text.push_str(&format!(
            "Prénom{i};Nom{i};Société {i};{};{}\r\n",
            PLACES[i % PLACES.len()],
            SECTORS[i % SECTORS.len()]
        ));
    }
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
    let mut f = std::fs::File::create(&path).expect("opens the file");
    f.write_all(&bytes).expect("writes the file");
    path
}

fn prospects(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = list(dir.path());
    let audience = AudienceFilter {
        regions: vec!["Auvergne-Rhône-Alpes".into(), "Île-de-France".into()],
        sectors: vec!["Technology, Information and Media".into()],
        ..AudienceFilter::default()
    }
    .compile()
    .expect("compiles");
    let mut group = c.benchmark_group("audience list");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(10));
    group.bench_function(
        "100,000 rows, Windows-1252, read and judged afresh at every row",
        |b| {
            b.iter(|| {
                let mut sheet = Sheet::open(&path).expect("opens");
                let mut n = 0;
                while let Some(row) = sheet.next_row() {
                    let row = row.expect("a row reads");
                    n += usize::from(
                        audience.verdict(Some(&row.target)).decision
                            == poignee::audience::Decision::In,
                    );
                }
                black_box(n)
            })
        },
    );
    // The whole command, as a person runs it: the verdicts worked out once
    // a place and sector pair, the list written back with two columns more.
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[audience]\nregions = [\"Auvergne-Rhône-Alpes\", \"Île-de-France\"]\nsectors = [\"Technology, Information and Media\"]\n",
    )
    .expect("writes the file");
    for format in ["csv", "json", "human"] {
        group.bench_function(
            format!("poignee audience --people (100,000 rows) --format {format}"),
            |b| {
                b.iter(|| {
                    let out = std::process::Command::new(env!("CARGO_BIN_EXE_poignee"))
                        .arg("--config")
                        .arg(&config)
                        .args(["audience", "--people"])
                        .arg(&path)
                        .args(["--format", format])
                        .stdout(std::process::Stdio::null())
                        .stderr(std::process::Stdio::null())
                        .status()
                        .expect("the binary runs");
                    assert!(out.success());
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, prospects);
criterion_main!(benches);
