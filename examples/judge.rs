//! Fits the judgement (`data/model/judge.tsv`) and measures it on notes it
//! never saw; see `poignee::judge::train`.
//!
//! ```sh
//! cargo run --release --example judge -- train     # writes data/model/judge.tsv
//! cargo run --release --example judge -- measure   # leave-sources-out figures
//! ```
//!
//! Both read the team's written corpus (`tests/corpus/{fr,en}.toml`) and the
//! real notes of `../shared/corpus/dev.jsonl` (or `--real FILE`); the real
//! notes are read, never copied: only the fitted numbers are written.
//! `measure` takes `--folds K` (5) and `--seed N`; both take the fit's settings
//! (`--epochs`, `--rate`, `--l2`, `--real-weight`, `--cost`, `--min-notes`).

use poignee::Lang;
use poignee::judge::train::{self, Labelled, Settings};
use poignee::lint::Linter;
use std::process::ExitCode;

const OUT: &str = "data/model/judge.tsv";
const REAL: &str = "../shared/corpus/dev.jsonl";

fn load(real_path: &str) -> Result<(Vec<Labelled>, Vec<Labelled>), String> {
    let linter = Linter::default();
    let mut written = Vec::new();
    for lang in Lang::ALL {
        let path = format!("tests/corpus/{}.toml", lang.code());
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        written.extend(train::written(&text, lang, &linter).map_err(|e| format!("{path}: {e}"))?);
    }
    let text = std::fs::read_to_string(real_path).map_err(|e| format!("{real_path}: {e}"))?;
    let real = train::real(&text, &linter).map_err(|e| format!("{real_path}: {e}"))?;
    Ok((written, real))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let real_path = value("--real").unwrap_or_else(|| REAL.to_owned());
    let mut settings = Settings::default();
    if let Some(seed) = value("--seed").and_then(|s| s.parse().ok()) {
        settings.seed = seed;
    }
    let num = |flag: &str| value(flag).and_then(|s| s.parse::<f64>().ok());
    if let Some(x) = num("--epochs") {
        settings.epochs = x as usize;
    }
    if let Some(x) = num("--rate") {
        settings.rate = x;
    }
    if let Some(x) = num("--l2") {
        settings.l2 = x;
    }
    if let Some(x) = num("--real-weight") {
        settings.real_weight = x;
    }
    if let Some(x) = num("--cost") {
        settings.false_alarm_cost = x;
    }
    if let Some(x) = num("--pitch-cost") {
        settings.pitch_miss_cost = x;
    }
    if let Some(x) = num("--flattery-cost") {
        settings.flattery_miss_cost = x;
    }
    if let Some(x) = num("--reason-cost") {
        settings.reason_cost = x;
    }
    if let Some(x) = num("--min-notes") {
        settings.min_notes = x as usize;
    }
    let folds: usize = value("--folds").and_then(|s| s.parse().ok()).unwrap_or(5);
    // `judge why TEXT`: what the shipped judgement says of one note.
    if args.first().map(String::as_str) == Some("why") {
        let text = args.get(1).cloned().unwrap_or_default();
        let j = Linter::default().judgement(&text, &poignee::Context::default());
        for f in poignee::judge::Fault::COLUMNS {
            println!(
                "{:<10} p {:.3}  threshold {:.2}",
                f.name(),
                j.probability[f.index()],
                j.threshold[f.index()]
            );
        }
        return ExitCode::SUCCESS;
    }
    let (mut written, mut real) = match load(&real_path) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("judge: {e}");
            return ExitCode::FAILURE;
        }
    };
    // Leaves out families of features (`--drop c:,p:`), to see what each brings.
    if let Some(drop) = value("--drop") {
        let prefixes: Vec<&str> = drop.split(',').collect();
        for n in written.iter_mut().chain(real.iter_mut()) {
            n.features
                .retain(|f| !prefixes.iter().any(|p| f.starts_with(p)));
        }
    }
    match args.first().map(String::as_str) {
        Some("train") => {
            let all: Vec<&Labelled> = written.iter().chain(&real).collect();
            let fitted = train::fit(&all, &settings);
            let about = format!(
                "The judgement: written by `cargo run --release --example judge -- train` from\n\
                 {} notes the team wrote and {} real notes ({} sources), read, never shipped.",
                written.len(),
                real.len(),
                train::folds(&real.iter().collect::<Vec<_>>(), 1, 1).len()
            );
            let text = fitted.write(&about);
            if let Err(e) =
                poignee::fsutil::write_replace(std::path::Path::new(OUT), text.as_bytes())
            {
                eprintln!("judge: {OUT}: {e}");
                return ExitCode::FAILURE;
            }
            println!(
                "{OUT}: {} features; thresholds {:?}",
                text.lines().filter(|l| !l.starts_with('#')).count() - 2,
                fitted.threshold
            );
            ExitCode::SUCCESS
        }
        Some("measure") => {
            let figures = train::measure(&written, &real, folds, &settings);
            println!(
                "leave-sources-out: {} real notes from {} sources in {} folds, each judged by a fit without it\n",
                real.len(),
                figures.groups,
                figures.folds
            );
            print!("{}", figures.table());
            let all = figures.all();
            println!("\nrules behind the false alarms:");
            for (rule, n) in &all.alarms {
                println!("  {:<20} {n}", rule.as_str());
            }
            if args.iter().any(|a| a == "-v") {
                let by_id: std::collections::HashMap<&str, &Labelled> =
                    real.iter().map(|n| (n.id.as_str(), n)).collect();
                for (id, fix, said, flags) in all.verdicts.iter().filter(|v| v.1 != v.2) {
                    let Some(n) = by_id.get(id.as_str()) else {
                        continue;
                    };
                    let faults: Vec<&str> = poignee::judge::Fault::ALL
                        .iter()
                        .zip(n.faults)
                        .filter(|(_, f)| *f)
                        .map(|(f, _)| f.name())
                        .collect();
                    println!(
                        "{id} [{}]: label {} {faults:?}{}, said {} {:?}\n    {:?}",
                        n.group,
                        if *fix { "fix" } else { "send" },
                        if n.impolite { " impolite" } else { "" },
                        if *said { "fix" } else { "send" },
                        flags.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
                        n.text
                    );
                }
            }
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: judge train | measure [--folds K] [--seed N] [--real FILE]");
            ExitCode::FAILURE
        }
    }
}
