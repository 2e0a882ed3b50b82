//! Judgement you can trust: a labelled corpus of French and English notes
//! (tests/corpus/*.toml, written for poignee) linted, with per-rule precision
//! and recall printed and held above thresholds.
//!
//! Judged rules: every rule but `no-exchange` and `long-sentence` (mechanical
//! hints, tested next to their code) and `audience` (needs a filter; tested in
//! its module). Labels say whether a rule fires, at any severity.

use poignee::{Context, Lang, Linter, RuleId, Target};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Deserialize)]
struct Corpus {
    note: Vec<Note>,
}

#[derive(Deserialize)]
struct Note {
    text: String,
    name: Option<String>,
    relationship: Option<poignee::Relationship>,
    expect: Vec<RuleId>,
}

/// Rules the corpus does not judge: informational ones, and those that need
/// more than a note (a target, other drafts), tested on their own.
const NOT_JUDGED: [RuleId; 6] = [
    RuleId::ReasonFound,
    RuleId::NoExchange,
    RuleId::LongSentence,
    RuleId::Audience,
    RuleId::RepeatedText,
    RuleId::Pace,
];
const MIN_PRECISION: f64 = 0.9;
const MIN_RECALL: f64 = 0.9;
const MIN_DETECTION: f64 = 0.97;

fn load(lang: Lang) -> Vec<Note> {
    let text = match lang {
        Lang::Fr => include_str!("corpus/fr.toml"),
        Lang::En => include_str!("corpus/en.toml"),
    };
    match toml::from_str::<Corpus>(text) {
        Ok(c) => c.note,
        Err(e) => panic!("tests/corpus/{lang}.toml: {e}"),
    }
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

#[test]
fn corpus_precision_and_recall() {
    let linter = Linter::default();
    let mut counts: BTreeMap<RuleId, Counts> = BTreeMap::new();
    let mut mistakes = Vec::new();
    let mut detected_right = 0;
    let mut total = 0;
    for lang in Lang::ALL {
        let notes = load(lang);
        assert!(
            notes.len() >= 120,
            "{lang}: {} notes, want at least 120",
            notes.len()
        );
        for note in &notes {
            let target = Target {
                name: note.name.clone(),
                relationship: note.relationship,
                ..Target::default()
            };
            let cx = Context {
                target: Some(&target),
                ..Context::default()
            };
            let report = linter.lint(&note.text, &cx);
            total += 1;
            if report.lang == lang || note.text.trim().len() < 10 {
                detected_right += 1;
            } else {
                mistakes.push(format!(
                    "[{lang}] detected as {}: {}",
                    report.lang, note.text
                ));
            }
            let cx = Context {
                lang: Some(lang),
                ..cx
            };
            let found: BTreeSet<RuleId> = linter
                .lint(&note.text, &cx)
                .diagnostics
                .iter()
                .map(|d| d.rule)
                .filter(|r| !NOT_JUDGED.contains(r))
                .collect();
            let expected: BTreeSet<RuleId> = note.expect.iter().copied().collect();
            for r in found.union(&expected) {
                let c = counts.entry(*r).or_default();
                match (found.contains(r), expected.contains(r)) {
                    (true, true) => c.tp += 1,
                    (true, false) => {
                        c.fp += 1;
                        mistakes.push(format!("[{lang}] false {r}: {}", note.text));
                    }
                    (false, true) => {
                        c.fn_ += 1;
                        mistakes.push(format!("[{lang}] missed {r}: {}", note.text));
                    }
                    (false, false) => {}
                }
            }
        }
    }
    println!(
        "{:<22} {:>4} {:>4} {:>4} {:>9} {:>7}",
        "rule", "tp", "fp", "fn", "precision", "recall"
    );
    let mut failing = Vec::new();
    for (rule, c) in &counts {
        println!(
            "{:<22} {:>4} {:>4} {:>4} {:>9.2} {:>7.2}",
            rule.as_str(),
            c.tp,
            c.fp,
            c.fn_,
            c.precision(),
            c.recall()
        );
        if c.precision() < MIN_PRECISION || c.recall() < MIN_RECALL {
            failing.push(rule.as_str());
        }
    }
    let detection = detected_right as f64 / total as f64;
    println!("language detection: {detected_right}/{total} ({detection:.3})");
    for m in &mistakes {
        println!("  {m}");
    }
    // Every judged rule is exercised by the corpus.
    for rule in RuleId::ALL.iter().filter(|r| !NOT_JUDGED.contains(r)) {
        assert!(
            counts.get(rule).is_some_and(|c| c.tp >= 2),
            "the corpus has too few {rule} notes"
        );
    }
    assert!(
        failing.is_empty(),
        "below {MIN_PRECISION}/{MIN_RECALL}: {failing:?}"
    );
    assert!(
        detection >= MIN_DETECTION,
        "language detection {detection:.3} < {MIN_DETECTION}"
    );
}
