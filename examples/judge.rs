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
//! `measure` takes `--folds K` (5), `-v` (every disagreement, with the
//! probabilities and what the patterns saw, then the flattery not named) and
//! `--drop c:,p:`; both take the fit's settings (`--seed`, `--epochs`,
//! `--rate`, `--cost`… see `--help`); `why "…"` prints each fault's
//! probability for one note; `holdout FILE [-v]` fits as `train` does,
//! writes nothing, and judges labelled notes kept outside the project (JSON
//! lines as `dev.jsonl`).

use clap::{Parser, Subcommand};
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

/// Fits the judgement and measures it on notes it never saw.
#[derive(Parser)]
struct Args {
    #[command(subcommand)]
    command: Command,
    /// The real notes, JSON lines.
    #[arg(long, global = true, default_value = REAL)]
    real: String,
    #[command(flatten)]
    fit: Fit,
}

#[derive(Subcommand)]
enum Command {
    /// Writes data/model/judge.tsv.
    Train,
    /// Leave-sources-out: each fold of sources judged by a fit without it.
    Measure {
        #[arg(long, default_value_t = 5)]
        folds: usize,
        /// Every disagreement, with the rules that fired.
        #[arg(short)]
        v: bool,
        /// Leaves out families of features (`c:,p:`), to see what each brings.
        #[arg(long, value_delimiter = ',')]
        drop: Vec<String>,
    },
    /// What the shipped judgement says of one note.
    Why { text: String },
    /// Fits as `train` does, writes nothing, and judges the labelled notes
    /// of FILE (JSON lines, as `--real`): notes from sources kept outside
    /// the project.
    Holdout {
        file: String,
        /// Every disagreement.
        #[arg(short)]
        v: bool,
    },
}

/// The fit's settings; each defaults to `Settings::default()`.
#[derive(clap::Args)]
struct Fit {
    #[arg(long, global = true)]
    seed: Option<u64>,
    #[arg(long, global = true)]
    epochs: Option<usize>,
    #[arg(long, global = true)]
    rate: Option<f64>,
    #[arg(long, global = true)]
    l2: Option<f64>,
    #[arg(long, global = true)]
    real_weight: Option<f64>,
    #[arg(long, global = true)]
    cost: Option<f64>,
    #[arg(long, global = true)]
    pitch_cost: Option<f64>,
    #[arg(long, global = true)]
    flattery_cost: Option<f64>,
    #[arg(long, global = true)]
    reason_cost: Option<f64>,
    #[arg(long, global = true)]
    min_notes: Option<usize>,
}

impl Fit {
    fn settings(&self) -> Settings {
        let d = Settings::default();
        Settings {
            seed: self.seed.unwrap_or(d.seed),
            epochs: self.epochs.unwrap_or(d.epochs),
            rate: self.rate.unwrap_or(d.rate),
            l2: self.l2.unwrap_or(d.l2),
            real_weight: self.real_weight.unwrap_or(d.real_weight),
            false_alarm_cost: self.cost.unwrap_or(d.false_alarm_cost),
            pitch_miss_cost: self.pitch_cost.unwrap_or(d.pitch_miss_cost),
            flattery_miss_cost: self.flattery_cost.unwrap_or(d.flattery_miss_cost),
            reason_cost: self.reason_cost.unwrap_or(d.reason_cost),
            min_notes: self.min_notes.unwrap_or(d.min_notes),
            ..d
        }
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    let settings = args.fit.settings();
    if let Command::Why { text } = &args.command {
        let j = Linter::default().judgement(text, &poignee::Context::default());
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
    let (mut written, mut real) = match load(&args.real) {
        Ok(x) => x,
        Err(e) => {
            eprintln!("judge: {e}");
            return ExitCode::FAILURE;
        }
    };
    match &args.command {
        Command::Train => {
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
        Command::Measure { folds, v, drop } => {
            for n in written.iter_mut().chain(real.iter_mut()) {
                n.features
                    .retain(|f| !drop.iter().any(|p| f.starts_with(p.as_str())));
            }
            let figures = match train::measure(&written, &real, *folds, &settings) {
                Ok(f) => f,
                Err(e) => {
                    eprintln!("judge: a fitted judgement does not read back: {e}");
                    return ExitCode::FAILURE;
                }
            };
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
            if *v {
                disagreements(&all, &real);
                flattery_missed(&all, &real);
            }
            ExitCode::SUCCESS
        }
        Command::Holdout { file, v } => {
            let held = match std::fs::read_to_string(file)
                .map_err(|e| e.to_string())
                .and_then(|t| train::real(&t, &Linter::default()))
            {
                Ok(h) => h,
                Err(e) => {
                    eprintln!("judge: {file}: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let all: Vec<&Labelled> = written.iter().chain(&real).collect();
            let fitted = train::fit(&all, &settings);
            let weights = match fitted.weights() {
                Ok(w) => w,
                Err(e) => {
                    eprintln!("judge: a fitted judgement does not read back: {e}");
                    return ExitCode::FAILURE;
                }
            };
            let linter = Linter::default().with_judge(std::sync::Arc::new(weights));
            let mut figures = train::Figures::default();
            for n in &held {
                figures.by_lang.entry(n.lang).or_default().count(&linter, n);
            }
            println!(
                "{} notes of {file}, judged by a fit on all the others\n",
                held.len()
            );
            print!("{}", figures.table());
            if *v {
                disagreements(&figures.all(), &held);
            }
            ExitCode::SUCCESS
        }
        Command::Why { .. } => ExitCode::SUCCESS,
    }
}

/// Every note judged otherwise than its label, with the judgement's
/// probabilities and what the rules and the patterns saw before it.
fn disagreements(all: &train::Tally, real: &[Labelled]) {
    let by_id: std::collections::HashMap<&str, &Labelled> =
        real.iter().map(|n| (n.id.as_str(), n)).collect();
    for (id, fix, said, flags, p) in all.verdicts.iter().filter(|v| v.1 != v.2) {
        let Some(n) = by_id.get(id.as_str()) else {
            continue;
        };
        let faults: Vec<&str> = poignee::judge::Fault::ALL
            .iter()
            .zip(n.faults)
            .filter(|(_, f)| *f)
            .map(|(f, _)| f.name())
            .collect();
        // What the rules and the patterns saw before the judgement.
        let seen: Vec<&str> = n
            .features
            .iter()
            .map(String::as_str)
            .filter(|f| f.starts_with("r:") || f.starts_with("k:"))
            .collect();
        println!(
            "{id} [{}]: label {} {faults:?}{}, said {} {:?}\n    p {}\n    saw {seen:?}\n    {:?}",
            n.group,
            if *fix { "fix" } else { "send" },
            if n.impolite { " impolite" } else { "" },
            if *said { "fix" } else { "send" },
            flags.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
            poignee::judge::Fault::COLUMNS
                .iter()
                .map(|f| format!("{} {:.2}", f.name(), p[f.index()]))
                .collect::<Vec<_>>()
                .join(", "),
            n.text
        );
    }
}

/// Every note with flattery the verdict did not name as such.
fn flattery_missed(all: &train::Tally, real: &[Labelled]) {
    let by_id: std::collections::HashMap<&str, &Labelled> =
        real.iter().map(|n| (n.id.as_str(), n)).collect();
    println!("\nflattery not named:");
    for (id, _, _, flags, p) in &all.verdicts {
        let Some(n) = by_id.get(id.as_str()) else {
            continue;
        };
        let named = flags
            .iter()
            .any(|r| matches!(r, poignee::RuleId::Hype | poignee::RuleId::FalseFamiliarity));
        if n.faults[poignee::judge::Fault::Flattery.index()] && !named {
            println!(
                "{id}: p {:.2}, said {:?}\n    {:?}",
                p[poignee::judge::Fault::Flattery.index()],
                flags.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
                n.text
            );
        }
    }
}
