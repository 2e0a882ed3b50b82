//! Judgement measured on notes written for poignee (tests/corpus/{fr,en}.toml),
//! labelled the way a careful reader labels real notes (../shared/LABELS.md):
//! a reason and its kind, a sales pitch, politeness, genericity, flattery,
//! and the mechanical findings (a link, contact details…). The notes were
//! split once into `dev` (to tune on) and `test` (never tuned on); this test
//! prints, per split and language, the verdict agreement and each category's
//! precision and recall, the targets of issue 10 it misses, and fails when
//! the `test` split falls under the floors below.

use poignee::{Context, Lang, Linter, Platform, Relationship, RuleId, Severity, Target, Tier};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Deserialize)]
struct Corpus {
    note: Vec<Note>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Note {
    id: String,
    split: Split,
    text: String,
    name: Option<String>,
    relationship: Option<Relationship>,
    /// The kind of the main reason, or "none".
    reason: String,
    pitch: bool,
    polite: bool,
    generic: bool,
    flattery: bool,
    /// Mechanical findings that must fire (and only on these notes).
    #[serde(default)]
    rules: Vec<RuleId>,
    why: String,
}

#[derive(Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
enum Split {
    Dev,
    Test,
}

/// Rules whose findings need context the corpus does not carry, or that the
/// labels do not judge (as `../shared/corpus/eval.py` does).
const IGNORED: [RuleId; 5] = [
    RuleId::Audience,
    RuleId::Pace,
    RuleId::RepeatedText,
    RuleId::NoName,
    RuleId::UnfilledPlaceholder,
];

/// Mechanical rules checked note by note against `rules`: those the
/// labellers were asked to mark. (A placeholder, a note too short or with no
/// name are facts of the text, tested in the rules' own tests.)
const MECHANICAL: [RuleId; 4] = [
    RuleId::Link,
    RuleId::ContactDetails,
    RuleId::FalseFamiliarity,
    RuleId::ContactRace,
];

/// The labels' limit: LinkedIn Premium, 300 characters.
const LIMIT: usize = 300;

/// What the `test` split of a language is measured against.
struct Bar {
    agreement: f64,
    false_alarms: f64,
    pitch_recall: f64,
    reason_recall: f64,
    reason_precision: f64,
    flattery_recall: f64,
    mechanical: f64,
}

/// The targets of issue 10, printed when missed.
const TARGET: Bar = Bar {
    agreement: 0.90,
    false_alarms: 0.10,
    pitch_recall: 0.90,
    reason_recall: 0.90,
    reason_precision: 0.90,
    flattery_recall: 0.80,
    mechanical: 0.90,
};

/// The floors the test fails under: a little below the levels reached when
/// the pitch model landed (Nov 2026), so any loss of judgement shows. The
/// written `test` split is harder than real notes (half of it was written to
/// avoid every trigger word); raise the floors as the judgement improves.
const FLOOR: Bar = Bar {
    agreement: 0.87,
    false_alarms: 0.15,
    pitch_recall: 0.75,
    reason_recall: 0.77,
    reason_precision: 0.87,
    flattery_recall: 0.55,
    mechanical: 0.75,
};

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

/// Hits and misses of one yes/no judgement.
#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
}

impl Counts {
    fn add(&mut self, found: bool, labelled: bool) {
        match (found, labelled) {
            (true, true) => self.tp += 1,
            (true, false) => self.fp += 1,
            (false, true) => self.fn_ += 1,
            (false, false) => self.tn += 1,
        }
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// What one split of one language scores.
#[derive(Default)]
struct Scores {
    notes: usize,
    agree: usize,
    /// Good notes (labelled send) that poignee flags.
    good: usize,
    false_alarms: usize,
    /// A reason found (`reason-found`, no `no-reason`) against `reason != none`.
    reason: Counts,
    /// The kind of the reason found, among notes with a labelled reason found.
    kind_right: usize,
    kind_total: usize,
    pitch: Counts,
    impolite: Counts,
    generic: Counts,
    flattery: Counts,
    too_long: Counts,
}

#[test]
fn judgement_on_the_written_corpus() {
    let linter = Linter::default();
    let mut scores: BTreeMap<(Split, Lang), Scores> = BTreeMap::new();
    let mut mechanical: BTreeMap<RuleId, Counts> = BTreeMap::new();
    let mut mistakes: Vec<String> = Vec::new();
    let mut ids = std::collections::BTreeSet::new();
    // Which rules raise the false alarms, per split (counts only).
    let mut alarm_rules: BTreeMap<(Split, RuleId), usize> = BTreeMap::new();
    for lang in Lang::ALL {
        let notes = load(lang);
        assert!(
            notes.len() >= 250,
            "{lang}: {} notes, want at least 250",
            notes.len()
        );
        for note in &notes {
            assert!(ids.insert(note.id.clone()), "two notes are {}", note.id);
            let target = Target {
                name: note.name.clone(),
                relationship: note.relationship,
                ..Target::default()
            };
            let cx = Context {
                platform: Platform::Linkedin,
                tier: Tier::Premium,
                lang: Some(lang),
                target: Some(&target),
                allow: &[],
            };
            let report = linter.lint(&note.text, &cx);
            let fired = |rule: RuleId| report.diagnostics.iter().any(|d| d.rule == rule);
            let flags: Vec<RuleId> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity >= Severity::Warning && !IGNORED.contains(&d.rule))
                .map(|d| d.rule)
                .collect();
            let flagged = |rules: &[RuleId]| flags.iter().any(|r| rules.contains(r));
            let long = report.stats.length > LIMIT;
            let labelled_fix = note.reason == "none"
                || note.pitch
                || !note.polite
                || note.generic
                || note.flattery
                || long;
            let s = scores.entry((note.split, lang)).or_default();
            s.notes += 1;
            let says_fix = !flags.is_empty();
            if says_fix == labelled_fix {
                s.agree += 1;
            } else if note.split == Split::Dev {
                // Only the dev split's mistakes are shown: the test split is
                // never tuned on.
                mistakes.push(format!(
                    "[{lang} {:?}] {}: label {}, poignee {} ({:?})\n    {}\n    why: {}",
                    note.split,
                    note.id,
                    if labelled_fix { "fix" } else { "send" },
                    if says_fix { "fix" } else { "send" },
                    flags.iter().map(|r| r.as_str()).collect::<Vec<_>>(),
                    note.text.replace('\n', " / "),
                    note.why
                ));
            }
            if !labelled_fix {
                s.good += 1;
                s.false_alarms += usize::from(says_fix);
                if says_fix {
                    for r in &flags {
                        *alarm_rules.entry((note.split, *r)).or_insert(0usize) += 1;
                    }
                }
            }
            let reason_found = !fired(RuleId::NoReason)
                && report.diagnostics.iter().any(|d| {
                    d.rule == RuleId::ReasonFound && !d.message.en.starts_with("thin reason")
                });
            s.reason.add(reason_found, note.reason != "none");
            if reason_found && note.reason != "none" {
                s.kind_total += 1;
                let kind = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.rule == RuleId::ReasonFound)
                    .any(|d| d.message.en.contains(kind_label(&note.reason)));
                s.kind_right += usize::from(kind);
            }
            // On the dev split, a fault missed though the verdict is right
            // is worth seeing too.
            if note.split == Split::Dev && says_fix == labelled_fix {
                let missed: Vec<&str> = [
                    (
                        note.pitch,
                        flagged(&[RuleId::SalesPitch, RuleId::Link, RuleId::ContactDetails]),
                        "pitch",
                    ),
                    (
                        note.flattery,
                        flagged(&[RuleId::Hype, RuleId::FalseFamiliarity]),
                        "flattery",
                    ),
                ]
                .into_iter()
                .filter(|(labelled, found, _)| *labelled && !found)
                .map(|(_, _, what)| what)
                .collect();
                if !missed.is_empty() {
                    mistakes.push(format!(
                        "[{lang} Dev] {}: missed {missed:?}\n    {}\n    why: {}",
                        note.id,
                        note.text.replace('\n', " / "),
                        note.why
                    ));
                }
            }
            // A fault counts as caught by the rules that report it (as in
            // ../shared/corpus/eval.py).
            s.pitch.add(
                flagged(&[RuleId::SalesPitch, RuleId::Link, RuleId::ContactDetails]),
                note.pitch,
            );
            s.impolite.add(flagged(&[RuleId::NoGreeting]), !note.polite);
            s.generic
                .add(flagged(&[RuleId::Generic, RuleId::NoReason]), note.generic);
            s.flattery.add(
                flagged(&[RuleId::Hype, RuleId::FalseFamiliarity]),
                note.flattery,
            );
            s.too_long.add(flagged(&[RuleId::TooLong]), long);
            for rule in MECHANICAL {
                mechanical
                    .entry(rule)
                    .or_default()
                    .add(fired(rule), note.rules.contains(&rule));
            }
        }
    }
    let mut table = String::new();
    let _ = writeln!(
        table,
        "{:<9} {:>5} {:>7} {:>6} {:>13} {:>13} {:>13} {:>13} {:>13} {:>6} {:>6}",
        "split",
        "notes",
        "agree",
        "false",
        "reason P/R",
        "pitch P/R",
        "generic P/R",
        "flattery P/R",
        "impolite P/R",
        "kind",
        "long R"
    );
    let pr = |c: &Counts| format!("{:.2}/{:.2}", c.precision(), c.recall());
    let mut failing: Vec<String> = Vec::new();
    let mut missed: Vec<String> = Vec::new();
    for ((split, lang), s) in &scores {
        let agreement = ratio(s.agree, s.notes);
        let false_alarms = ratio(s.false_alarms, s.good);
        let _ = writeln!(
            table,
            "{:<9} {:>5} {:>7.2} {:>6.2} {:>13} {:>13} {:>13} {:>13} {:>13} {:>6.2} {:>6.2}",
            format!("{split:?} {lang}"),
            s.notes,
            agreement,
            false_alarms,
            pr(&s.reason),
            pr(&s.pitch),
            pr(&s.generic),
            pr(&s.flattery),
            pr(&s.impolite),
            ratio(s.kind_right, s.kind_total),
            s.too_long.recall(),
        );
        if *split == Split::Test {
            for (bar, under) in [(&FLOOR, &mut failing), (&TARGET, &mut missed)] {
                let checks = [
                    ("agreement", agreement >= bar.agreement),
                    ("false alarms", false_alarms <= bar.false_alarms),
                    ("pitch recall", s.pitch.recall() >= bar.pitch_recall),
                    ("reason recall", s.reason.recall() >= bar.reason_recall),
                    (
                        "reason precision",
                        s.reason.precision() >= bar.reason_precision,
                    ),
                    (
                        "flattery recall",
                        s.flattery.recall() >= bar.flattery_recall,
                    ),
                ];
                for (what, ok) in checks {
                    if !ok {
                        under.push(format!("{lang} test: {what}"));
                    }
                }
            }
        }
    }
    let _ = writeln!(table, "\nrules behind the false alarms:");
    for ((split, rule), n) in &alarm_rules {
        let _ = writeln!(table, "  {split:?} {:<22} {n}", rule.as_str());
    }
    let _ = writeln!(table, "\nmechanical rules (both splits): precision/recall");
    for (rule, c) in &mechanical {
        let _ = writeln!(
            table,
            "  {:<22} {} ({} notes)",
            rule.as_str(),
            pr(c),
            c.tp + c.fn_
        );
        for (bar, under) in [(&FLOOR, &mut failing), (&TARGET, &mut missed)] {
            if c.precision() < bar.mechanical || c.recall() < bar.mechanical {
                under.push(format!("mechanical {rule}"));
            }
        }
    }
    let _ = writeln!(table, "\nunder the targets of issue 10: {missed:?}");
    println!("{table}");
    for m in &mistakes {
        println!("{m}");
    }
    assert!(failing.is_empty(), "under the floors: {failing:?}\n{table}");
}

/// The words `reason-found` uses (in English) for a labelled kind.
fn kind_label(kind: &str) -> &'static str {
    match kind {
        "event" => "a meeting",
        "work" => "their work",
        "shared" => "common ground",
        "mutual" => "a mutual contact",
        "purpose" => "a purpose",
        _ => "?",
    }
}
