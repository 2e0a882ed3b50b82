//! The shipped judgement (`data/model/judge.tsv`) is the one the training
//! command fits: on the `dev` split of the written corpus and the real notes
//! of `../shared/corpus/dev.jsonl`, which only a checkout beside `shared/`
//! has. Elsewhere the test says it skipped.

use poignee::Lang;
use poignee::judge::Weights;
use poignee::judge::train::{self, Labelled, Settings};
use poignee::lint::Linter;
use std::path::Path;

const REAL: &str = "../shared/corpus/dev.jsonl";

fn written(linter: &Linter) -> Vec<Labelled> {
    let mut out = Vec::new();
    for (lang, text) in [
        (Lang::Fr, include_str!("corpus/fr.toml")),
        (Lang::En, include_str!("corpus/en.toml")),
    ] {
        match train::written(text, lang, linter) {
            Ok(notes) => out.extend(notes),
            Err(e) => panic!("tests/corpus/{}.toml: {e}", lang.code()),
        }
    }
    out
}

#[test]
fn the_shipped_judgement_is_what_training_fits() {
    let shipped = include_str!("../data/model/judge.tsv");
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(REAL);
    let Ok(jsonl) = std::fs::read_to_string(&path) else {
        println!(
            "skipped: {} is not here (a clone without ../shared)",
            path.display()
        );
        return;
    };
    let linter = Linter::default();
    let written = written(&linter);
    let real = match train::real(&jsonl, &linter) {
        Ok(r) => r,
        Err(e) => panic!("{}: {e}", path.display()),
    };
    let all: Vec<&Labelled> = written.iter().chain(&real).collect();
    let fresh = train::fit(&all, &Settings::default()).write("");
    let rows = |text: &str| -> Vec<(String, Vec<f64>)> {
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .map(|l| {
                let mut cells = l.split('\t');
                let name = cells.next().unwrap_or_default().to_owned();
                // Features' weights are in ten-thousandths.
                let unit = if name.len() == 16 { 1e-4 } else { 1.0 };
                (
                    name,
                    cells
                        .filter_map(|c| c.parse::<f64>().ok())
                        .map(|x| x * unit)
                        .collect(),
                )
            })
            .collect()
    };
    let (fresh, shipped) = (rows(&fresh), rows(shipped));
    assert_eq!(
        fresh.len(),
        shipped.len(),
        "retrain: cargo run --release --example judge -- train"
    );
    for ((a, x), (b, y)) in fresh.iter().zip(&shipped) {
        let close = x.len() == y.len() && x.iter().zip(y).all(|(p, q)| (p - q).abs() < 2e-3);
        assert!(a == b && close, "{a} {x:?} ≠ {b} {y:?}: retrain");
    }
}

#[test]
fn the_shipped_judgement_reads_and_weighs_a_note_each_way() {
    let w = Weights::shipped();
    assert!(w.len() > 1000, "{} features", w.len());
    let linter = Linter::default();
    let cx = poignee::Context {
        lang: Some(Lang::En),
        ..poignee::Context::default()
    };
    let j = linter.judgement(
        "Hi Tom, our crew installs solar carports for car dealers in Kent, fixed price \
         and no downtime. Could I pop by your site on Thursday with a quote?",
        &cx,
    );
    assert!(j.has(poignee::judge::Fault::Pitch), "{j:?}");
    let j = linter.judgement(
        "Hi Tom, we met at the Kent renewables meetup on Tuesday; your point about \
         grid delays stayed with me. Thanks for the talk!",
        &cx,
    );
    assert!(!j.has(poignee::judge::Fault::Pitch), "{j:?}");
    assert!(!j.has(poignee::judge::Fault::NoReason), "{j:?}");
}

/// The rules' ids at warning or above in the linted note.
fn flags(text: &str, lang: Lang) -> Vec<poignee::RuleId> {
    let cx = poignee::Context {
        lang: Some(lang),
        ..poignee::Context::default()
    };
    Linter::default()
        .lint(text, &cx)
        .diagnostics
        .iter()
        .filter(|d| d.severity >= poignee::Severity::Warning)
        .map(|d| d.rule)
        .collect()
}

#[test]
fn a_group_both_belong_to_is_a_reason_the_judgement_does_not_overrule() {
    use poignee::RuleId::{Generic, NoReason};
    for (text, lang) in [
        (
            "Hi Priya, we both are part of the Outreachy spring cohort. Let's connect!",
            Lang::En,
        ),
        (
            "Hey Sam, found your profile through the Rust Lyon discord server, would love to connect.",
            Lang::En,
        ),
        (
            "Bonjour Inès, nous sommes dans la même promo du bootcamp data de Lille. Au plaisir !",
            Lang::Fr,
        ),
    ] {
        let f = flags(text, lang);
        assert!(
            !f.contains(&NoReason) && !f.contains(&Generic),
            "{text}: {f:?}"
        );
    }
}

#[test]
fn a_pitch_or_praise_the_patterns_name_plainly_is_not_waved_through() {
    use poignee::RuleId::{Hype, SalesPitch};
    for (text, lang, rule) in [
        (
            "Hi Claire, our AI training delivers real productivity gains for engineering teams. Would love to connect!",
            Lang::En,
            SalesPitch,
        ),
        (
            "Hi Tom, we've built a 10-module course on warehouse safety. Thought you'd find it valuable. Let's connect!",
            Lang::En,
            SalesPitch,
        ),
        (
            "Hi Sam, love what you guys are building! Would be great to connect.",
            Lang::En,
            Hype,
        ),
        // Praise the judgement hardly reads, in a note to fix for another
        // fault: the writer hears of it too.
        (
            "Hi Jo, your background really stood out to me. Would love to connect.",
            Lang::En,
            Hype,
        ),
        (
            "Bonjour Claire, très inspiré par votre vision du commerce en ligne ! Au plaisir de vous lire ici.",
            Lang::Fr,
            Hype,
        ),
    ] {
        let f = flags(text, lang);
        assert!(f.contains(&rule), "{text}: {f:?}");
    }
}
