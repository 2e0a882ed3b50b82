//! Speed targets (SPEC §8): lint one note of 50, 200 and 300 characters in
//! ≤ 20 µs (median), French and English; and the library's `check` on
//! 100,000 notes (the whole-binary comparison with the floor and the peers is
//! `scripts/bench-check.sh`).

use criterion::{Criterion, criterion_group, criterion_main};
use poignee::batch::{self, Options};
use poignee::config::Config;
use poignee::crossdraft;
use poignee::{Context, Lang, Linter, Relationship, Target};
use std::hint::black_box;
use std::path::PathBuf;

const FR_300: &str = "Bonjour Claire, nous nous sommes croisés au salon VivaTech sur le stand de la logistique urbaine. Votre intervention sur les entrepôts de proximité m’a beaucoup appris. Découvrez notre offre gratuite ! J’aimerais suivre vos travaux. Merci et au plaisir d’échanger !";
const EN_300: &str = "Hi Sam, we met at RustConf last week and talked about error handling in libraries. Your talk on async cancellation changed how my team writes services. Book a demo of our platform! I'd love to hear what you would do differently today. Thanks, and hope to stay in touch!";

/// The first `n` characters of a note, cut at a word.
fn cut(note: &str, n: usize) -> &str {
    let end = note.char_indices().nth(n).map_or(note.len(), |(i, _)| i);
    let end = note[..end].rfind(' ').unwrap_or(end);
    &note[..end]
}

fn lint_one(c: &mut Criterion) {
    let linter = Linter::default();
    let target = Target {
        name: Some("Claire Martin".into()),
        relationship: Some(Relationship::Met),
        ..Target::default()
    };
    for (name, note, lang) in [("fr", FR_300, Lang::Fr), ("en", EN_300, Lang::En)] {
        let cx = Context {
            lang: Some(lang),
            target: Some(&target),
            ..Context::default()
        };
        for size in [50, 200, 300] {
            let text = cut(note, size);
            c.bench_function(&format!("lint {size} chars {name}"), |b| {
                b.iter(|| linter.lint(black_box(text), black_box(&cx)))
            });
        }
        let detect = Context { lang: None, ..cx };
        c.bench_function(&format!("lint 300 chars {name} (detect language)"), |b| {
            b.iter(|| linter.lint(black_box(note), black_box(&detect)))
        });
    }
}

/// A folder of `n` generated drafts, French and English, with front matter.
fn generate(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    for i in 0..n {
        let sub = dir.path().join(format!("{:03}", i % 100));
        if i < 100 {
            std::fs::create_dir_all(&sub).unwrap_or_else(|e| panic!("mkdir: {e}"));
        }
        let (lang, body) = if i % 2 == 0 {
            ("fr", FR_300)
        } else {
            ("en", EN_300)
        };
        let text = format!(
            "+++\nlang = \"{lang}\"\n[target]\nname = \"Person {i}\"\nregion = \"Lyon\"\n+++\n{body} ({i})\n"
        );
        std::fs::write(sub.join(format!("note-{i}.md")), text)
            .unwrap_or_else(|e| panic!("write: {e}"));
    }
    dir
}

fn check_folder(c: &mut Criterion) {
    let n: usize = std::env::var("POIGNEE_BENCH_FILES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = generate(n);
    let paths = vec![PathBuf::from(dir.path())];
    let linter = Linter::default();
    // As the CLI runs it: with the records for the checks across drafts.
    let options = Options {
        cross: true,
        ..Options::default()
    };
    let mut group = c.benchmark_group(format!("check {n} files"));
    group.sample_size(10);
    group.bench_function("floor: walk and read every file", |b| {
        b.iter(|| {
            let mut bytes = 0;
            for input in batch::inputs(&paths) {
                if let batch::Input::File(p) = input {
                    bytes += std::fs::read(p).map(|b| b.len()).unwrap_or(0);
                }
            }
            bytes
        })
    });
    group.bench_function("check: walk, read, parse, lint in parallel", |b| {
        b.iter(|| {
            let mut errors = 0;
            let mut records = Vec::new();
            batch::check(&linter, &options, batch::inputs(&paths), |mut c| {
                records.extend(c.record.take());
                errors += c.outcome.map(|r| r.report.diagnostics.len()).unwrap_or(1);
            });
            let settings = Config::default().cross_settings();
            let now = jiff::Timestamp::now();
            errors + crossdraft::findings(&records, &linter, &settings, now).len()
        })
    });
    group.finish();
}

criterion_group!(benches, lint_one, check_folder);
criterion_main!(benches);
