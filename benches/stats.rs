//! `poignee stats` over 10,000 drafts (SPEC §8: ≤ 0.5 s): the figures as
//! the library makes them (walk, read, parse, lint, group, on every core),
//! and the whole command as a user runs it (start-up, config, JSON out).
//! The drafts are made here, in a temporary folder, not stored.

use criterion::{Criterion, criterion_group, criterion_main};
use poignee::Linter;
use poignee::batch::Options;
use poignee::stats::{self, Window};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

const N: usize = 10_000;

/// Notes of every kind the figures tell apart: a meeting, their work, a
/// pitch, a stock phrase, a mutual contact, a thin reason.
const BODIES: [&str; 6] = [
    "Bonjour {first}, nous avons échangé au salon VivaTech sur la logistique urbaine. Ravie de poursuivre, merci !",
    "Hi {first}, I read your article on pricing pages and tried your checklist on our own site. Thanks for sharing it!",
    "Hi, we help teams cut their cloud bill by 40%. Can I send you our case study? Book a free demo today!",
    "Bonjour {first}, nous travaillons tous les deux dans les RH. Au plaisir d'échanger, merci.",
    "Hi {first}, Sara Lopez suggested I reach out about the Rust meetup in Lyon. Thanks!",
    "Hi {first}, we both work in the HR field. I'd love to connect.",
];

const FIRST: [&str; 7] = ["Claire", "Paul", "Inès", "Sam", "Zoé", "Karim", "Léa"];

const TEMPLATES: [&str; 4] = ["fr/evenement", "en/article", "en/met", "fr/lecture"];

/// 10,000 drafts in 10 folders of 1,000, as `scripts/bench-check.sh` lays
/// them out: 8,000 sent, of which 4,000 accepted.
fn write_drafts(dir: &Path) {
    for i in 0..N {
        let first = FIRST[i % FIRST.len()];
        let body = BODIES[i % BODIES.len()].replace("{first}", first);
        let month = 1 + i % 9;
        let day = 1 + i % 27;
        let (status, answer) = match i % 10 {
            0..=3 => (
                "accepted",
                format!("accepted_at = 2026-{month:02}-{:02}\n", day + 1),
            ),
            4 => (
                "declined",
                format!("declined_at = 2026-{month:02}-{:02}\n", day + 1),
            ),
            5 => ("ignored", String::new()),
            6 | 7 => ("sent", String::new()),
            8 => ("approved", String::new()),
            _ => ("draft", String::new()),
        };
        let sent = if matches!(status, "approved" | "draft") {
            String::new()
        } else {
            format!("sent_at = 2026-{month:02}-{day:02}\n")
        };
        let region = ["Lyon", "Brest", "Paris 11e"][i % 3];
        let text = format!(
            "+++\nstatus = \"{status}\"\ntemplate = \"{}\"\napproved_at = 2026-01-01T09:00:00Z\n{sent}{answer}[target]\nname = \"{first} Martin{i}\"\nregion = \"{region}\"\nsector = \"Software Development\"\n+++\n{body}\n",
            TEMPLATES[i % TEMPLATES.len()]
        );
        std::fs::write(dir.join(format!("{:02}/{i:05}.md", i % 10)), text)
            .expect("writes the file");
    }
}

fn folder() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("drafts");
    for sub in 0..10 {
        std::fs::create_dir_all(dir.join(format!("{sub:02}"))).expect("creates the folder");
    }
    write_drafts(&dir);
    (tmp, dir)
}

fn bench(c: &mut Criterion) {
    let (_tmp, dir) = folder();
    let linter = Linter::default();
    let window = Window {
        today: "2026-11-25".parse().expect("parses"),
        since: None,
        ignored_after_days: 30,
    };
    let paths = [dir.clone()];
    // The figures are what the folder says: a check that the work is done.
    let s = stats::collect(&paths, &linter, &Options::default(), window);
    assert_eq!((s.drafts, s.overall.sent), (N, 8_000));
    let mut group = c.benchmark_group("stats 10,000 drafts");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("collect (library)", |b| {
        b.iter(|| stats::collect(black_box(&paths), &linter, &Options::default(), window))
    });
    let exe = env!("CARGO_BIN_EXE_poignee");
    group.bench_function("poignee stats --format json (process)", |b| {
        b.iter(|| {
            let out = std::process::Command::new(exe)
                .args(["stats", "--format", "json"])
                .arg(&dir)
                .env("HOME", "/nonexistent-poignee-bench")
                .env("XDG_CONFIG_HOME", "/nonexistent-poignee-bench")
                .env_remove("POIGNEE_CONFIG")
                .output()
                .expect("the binary runs");
            assert!(out.status.success());
            out.stdout.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
