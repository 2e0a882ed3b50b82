//! The lint engine: a note and its context in, a report out. No I/O, no
//! terminal: the CLI and the TUI are two faces over this.

use crate::audience::Audience;
use crate::judge::{self, Weights};
use crate::lang::{self, Lang};
use crate::lexicon::{Category, Hit, Lexicon};
use crate::note::{Levels, Note, Out, configured};
use crate::reading::Library;
use crate::rules;
use crate::spans::Spans;
use crate::target::Platform;
use crate::text::{self, Folded};
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;

pub use crate::diagnostic::{Diagnostic, Level, RuleId, Severity};
pub use crate::note::Context;
pub use crate::settings::{Limits, Thresholds};

/// The score: 100 less each failing rule's weight at its highest severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Score {
    pub value: u8,
    pub breakdown: Vec<Penalty>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Penalty {
    pub rule: RuleId,
    pub severity: Severity,
    pub points: u32,
}

impl Score {
    pub fn of(diagnostics: &[Diagnostic]) -> Score {
        let mut worst: BTreeMap<RuleId, Severity> = BTreeMap::new();
        for d in diagnostics.iter().filter(|d| d.rule.is_problem()) {
            let e = worst.entry(d.rule).or_insert(d.severity);
            *e = (*e).max(d.severity);
        }
        let breakdown: Vec<Penalty> = worst
            .into_iter()
            .map(|(rule, severity)| Penalty {
                rule,
                severity,
                points: severity.weight(),
            })
            .collect();
        let lost: u32 = breakdown.iter().map(|p| p.points).sum();
        Score {
            value: 100u32.saturating_sub(lost) as u8,
            breakdown,
        }
    }
}

/// Figures about a note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Length as the platform counts it.
    pub length: usize,
    pub limit: usize,
    pub words: usize,
    pub sentences: usize,
    /// Flesch reading ease (English) or Kandel–Moles (French): higher is easier.
    pub readability: Option<f32>,
    /// Words about the sender and about the recipient.
    pub first_person: usize,
    pub second_person: usize,
}

impl Stats {
    /// The readability figure in words: « facile », "hard".
    pub fn readability_label(&self) -> Option<crate::lang::Text> {
        use crate::lang::Text;
        self.readability.map(|score| match score {
            s if s >= 70.0 => Text::new("facile", "easy"),
            s if s >= 50.0 => Text::new("assez facile", "fairly easy"),
            s if s >= 30.0 => Text::new("difficile", "hard"),
            _ => Text::new("très difficile", "very hard"),
        })
    }
}

/// What the engine says about a note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub lang: Lang,
    pub lang_detected: bool,
    pub diagnostics: Vec<Diagnostic>,
    pub score: Score,
    pub stats: Stats,
}

impl Report {
    /// The problems at `severity` (what was understood, `reason-found`, is
    /// not a problem).
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity && d.rule.is_problem())
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

/// Everything the rules need that comes from the user's settings.
#[derive(Clone)]
pub struct Linter {
    lexicon: Arc<Lexicon>,
    library: Arc<Library>,
    pub(crate) levels: Levels,
    pub limits: Limits,
    pub thresholds: Thresholds,
    pub audience: Audience,
    /// The language of notes that give no clue.
    pub fallback_lang: Lang,
    /// The learned judgement of the four faults; none to hear the rules
    /// alone (their own tests).
    judge: Option<Arc<Weights>>,
}

impl Default for Linter {
    /// The shipped word lists and default settings.
    fn default() -> Self {
        Linter::with_lexicon(Lexicon::shipped())
    }
}

impl Linter {
    pub fn with_lexicon(lexicon: Arc<Lexicon>) -> Self {
        Linter {
            lexicon,
            library: Library::shipped(),
            levels: BTreeMap::new(),
            limits: Limits::default(),
            thresholds: Thresholds::default(),
            audience: Audience::default(),
            fallback_lang: Lang::Fr,
            judge: Some(Weights::shipped()),
        }
    }

    /// The same linter with another judgement (one fitted on part of the
    /// notes, to measure it on the rest).
    pub fn with_judge(mut self, judge: Arc<Weights>) -> Self {
        self.judge = Some(judge);
        self
    }

    /// The same linter without the judgement: the rules' findings as they
    /// are, for the rules' own tests.
    #[cfg(test)]
    pub(crate) fn rules_only(mut self) -> Self {
        self.judge = None;
        self
    }

    pub fn set_level(&mut self, rule: RuleId, level: Level) {
        self.levels.insert(rule, level);
    }

    /// The severity a rule reports at, `None` when it is off.
    pub fn severity(&self, rule: RuleId) -> Option<Severity> {
        configured(&self.levels, rule)
    }

    pub fn lint(&self, text: &str, cx: &Context) -> Report {
        self.read(text, cx, |note, found| {
            let mut found = found;
            // An empty note is only that.
            let empty = found.iter().any(|d| d.rule == RuleId::Empty);
            if let Some(weights) = self.judge.as_ref().filter(|_| !empty) {
                let judgement = weights.judge(note, &found);
                judge::apply(note, &judgement, &mut found);
            }
            crate::rules::reason::quoted_once(&mut found);
            let mut diagnostics = configure(found, &self.levels, cx.allow);
            diagnostics.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.severity), d.rule));
            // The score counts every finding; the cap keeps each rule's worst,
            // so it would be the same after.
            let score = Score::of(&diagnostics);
            let diagnostics = cap(diagnostics);
            let stats = stats(note);
            Report {
                lang: note.lang,
                lang_detected: note.lang_detected,
                diagnostics,
                score,
                stats,
            }
        })
    }

    /// What the judgement alone says of a note: each fault's probability.
    pub fn judgement(&self, text: &str, cx: &Context) -> judge::Judgement {
        let weights = self.judge.clone().unwrap_or_else(Weights::shipped);
        self.read(text, cx, |note, found| weights.judge(note, &found))
    }

    /// The names of the features the judgement weighs in a note, for
    /// training it ([`judge::train`]).
    pub fn features(&self, text: &str, cx: &Context) -> Vec<String> {
        self.read(text, cx, |note, found| {
            let mut names = judge::features::Names::default();
            judge::features::extract(note, &found, &mut names);
            names.0
        })
    }

    /// Reads a note and runs the rules over it at their own severities
    /// (neither the config's severities nor the draft's exceptions change
    /// what the judgement weighs; a rule turned off may skip its work);
    /// `then` gets the note and the rules' findings.
    fn read<T>(
        &self,
        text: &str,
        cx: &Context,
        then: impl FnOnce(&Note, Vec<Diagnostic>) -> T,
    ) -> T {
        let folded = Folded::new(text);
        let (lang, lang_detected) = match cx.lang {
            Some(l) => (l, false),
            None => {
                // An empty or wordless note has no language to detect.
                let (fr, en) = self.lexicon.stopwords(&folded);
                match lang::detect(text, fr, en) {
                    Some(l) => (l, true),
                    None => (self.fallback_lang, false),
                }
            }
        };
        let hits = resolve_overlaps(self.lexicon.scan_lang(&folded, lang));
        let limit = self.limits.for_platform(cx.platform, cx.tier);
        let body = text.trim();
        let length = match cx.platform {
            Platform::Linkedin => text::utf16_len(body),
            Platform::Viadeo => text::char_len(body),
        };
        let sentences = text::sentences(text);
        let mut reading = self.library.read(lang, text, &folded, &sentences);
        let note = Note {
            text,
            words: std::mem::take(&mut reading.words),
            sentences,
            reading,
            folded,
            hits,
            lang,
            lang_detected,
            cx,
            levels: &self.levels,
            thresholds: &self.thresholds,
            audience: &self.audience,
            limit,
            length,
        };
        let mut out = Out::default();
        rules::run(&note, &mut out);
        then(&note, out.diagnostics)
    }
}

/// The findings as the config and the draft want them: a rule turned off or
/// allowed by the draft goes, a rule's severity is the configured one (a
/// finding milder than the rule's own stays milder).
fn configure(found: Vec<Diagnostic>, levels: &Levels, allow: &[RuleId]) -> Vec<Diagnostic> {
    found
        .into_iter()
        .filter(|d| !allow.contains(&d.rule))
        .filter_map(|mut d| {
            let configured = configured(levels, d.rule)?;
            d.severity = if d.severity == d.rule.info().severity {
                configured
            } else {
                d.severity.min(configured)
            };
            Some(d)
        })
        .collect()
}

/// At most this many findings of one rule in one note. A note is 300
/// characters at most (200 on a free LinkedIn account): twenty findings of
/// one rule there is one every 15 characters, more than any real note holds
/// (none of the corpus's 1,489 comes near), and as many as a reader can act
/// on. Past it, a pasted page or a hostile text would bury the other rules
/// under a hundred thousand lines, in the terminal and in the editor's list.
pub const MAX_PER_RULE: usize = 20;

/// Keeps at most [`MAX_PER_RULE`] findings of each rule, the most severe
/// first and then in text order, so the rule's severity (and the score) is
/// unchanged; the last one kept says how many more there were. The
/// diagnostics stay in the order they come in.
fn cap(mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut counts: BTreeMap<RuleId, usize> = BTreeMap::new();
    for d in &diagnostics {
        *counts.entry(d.rule).or_default() += 1;
    }
    let mut keep = vec![true; diagnostics.len()];
    for (&rule, &count) in counts.iter().filter(|(_, c)| **c > MAX_PER_RULE) {
        let mut of_rule: Vec<usize> = (0..diagnostics.len())
            .filter(|&i| diagnostics[i].rule == rule)
            .collect();
        of_rule.sort_by_key(|&i| (std::cmp::Reverse(diagnostics[i].severity), i));
        for &i in &of_rule[MAX_PER_RULE..] {
            keep[i] = false;
        }
        let more = count - MAX_PER_RULE;
        if let Some(&last) = of_rule[..MAX_PER_RULE].iter().max() {
            let m = &mut diagnostics[last].message;
            m.fr.push_str(&format!(" (et {more} autres de cette règle, non montrées)"));
            m.en.push_str(&format!(" (and {more} more of this rule, not shown)"));
        }
    }
    let mut kept = keep.into_iter();
    diagnostics.retain(|_| kept.next().unwrap_or(true));
    diagnostics
}

/// Overlapping hits of one list merge into one (« découvrez notre » +
/// « notre offre »); a reason inside a generic phrase (« j'ai vu votre
/// profil ») is no reason; a pitch word inside a reassurance (« rien à
/// vendre ») is no pitch.
fn resolve_overlaps(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| (h.cat, h.folded.start, std::cmp::Reverse(h.folded.end)));
    let mut merged: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        match merged.last_mut() {
            Some(last) if last.cat == h.cat && h.folded.start < last.folded.end => {
                last.folded.end = last.folded.end.max(h.folded.end);
                last.span.end = last.span.end.max(h.span.end);
            }
            _ => merged.push(h),
        }
    }
    let shadows = |inner: Category, outer: Category| {
        matches!(
            (inner, outer),
            (Category::Reason, Category::Generic)
                | (Category::SalesPitch, Category::SalesDisclaimer)
                | (Category::Reason, Category::FalseFamiliarity)
                | (Category::Hype, Category::Generic)
                | (Category::Hype, Category::Thanks)
        )
    };
    // The hits of each category that shadows another, to ask whether one
    // holds a hit in O(log n) rather than by a scan of every hit.
    let outer = |cat: Category| {
        Spans::new(
            merged
                .iter()
                .filter(|h| h.cat == cat)
                .map(|h| h.folded.clone()),
        )
    };
    let shadowing = [
        Category::Generic,
        Category::SalesDisclaimer,
        Category::FalseFamiliarity,
        Category::Thanks,
    ]
    .map(|cat| (cat, outer(cat)));
    merged.retain(|h| {
        !shadowing
            .iter()
            .any(|(cat, spans)| shadows(h.cat, *cat) && spans.contains(&h.folded))
    });
    merged.sort_by_key(|h| (h.span.start, h.span.end));
    merged
}

/// The figures of a note.
fn stats(note: &Note) -> Stats {
    let words = &note.words;
    let sentences = note.sentences.len();
    let readability = (!words.is_empty() && sentences > 0).then(|| {
        let w = words.len() as f32;
        let syl: usize = words
            .iter()
            .map(|r| text::syllables(&note.text[r.clone()], note.lang))
            .sum();
        let per_sentence = w / sentences as f32;
        let per_word = syl as f32 / w;
        match note.lang {
            Lang::Fr => 207.0 - 1.015 * per_sentence - 73.6 * per_word,
            Lang::En => 206.835 - 1.015 * per_sentence - 84.6 * per_word,
        }
    });
    Stats {
        length: note.length,
        limit: note.limit,
        words: words.len(),
        sentences,
        readability,
        first_person: note.count(Category::FirstPerson),
        second_person: note.count(Category::SecondPerson),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lint(text: &str, lang: Lang) -> Report {
        let cx = Context {
            lang: Some(lang),
            ..Context::default()
        };
        Linter::default().lint(text, &cx)
    }

    #[test]
    fn a_rule_reports_at_most_its_cap_and_says_how_many_more() {
        let text = "GRATUIT ".repeat(100);
        let r = lint(&text, Lang::Fr);
        let pitches: Vec<&Diagnostic> = r
            .diagnostics
            .iter()
            .filter(|d| d.rule == RuleId::SalesPitch)
            .collect();
        assert_eq!(pitches.len(), MAX_PER_RULE);
        // The first ones in the text, the last of them with the count.
        assert_eq!(pitches[0].span, 0..7);
        let last = pitches[MAX_PER_RULE - 1];
        assert_eq!(
            last.span,
            8 * (MAX_PER_RULE - 1)..8 * (MAX_PER_RULE - 1) + 7
        );
        assert!(
            last.message
                .fr
                .ends_with("(et 80 autres de cette règle, non montrées)")
        );
        assert!(
            last.message
                .en
                .ends_with("(and 80 more of this rule, not shown)")
        );
        assert!(!pitches[0].message.en.contains("more"));
        assert!(r.has_errors());
    }

    #[test]
    fn the_cap_keeps_the_worst_severity() {
        // Twenty-five hints, then one error of the same rule, last in the
        // text: the error is kept, so the rule's severity and the score are
        // what they were, and the hints kept are the first ones.
        let at = |i: usize, severity| Diagnostic {
            rule: RuleId::Hype,
            severity,
            span: i..i + 1,
            message: crate::lang::Localized::new("m", "m"),
            suggestion: None,
            reason: None,
        };
        let mut all: Vec<Diagnostic> = (0..25).map(|i| at(i, Severity::Info)).collect();
        all.push(at(25, Severity::Error));
        let kept = cap(all.clone());
        assert_eq!(kept.len(), MAX_PER_RULE);
        assert_eq!(kept.last().map(|d| d.severity), Some(Severity::Error));
        assert_eq!(kept[MAX_PER_RULE - 2].span, 18..19);
        assert_eq!(Score::of(&kept), Score::of(&all));
        assert!(
            kept[MAX_PER_RULE - 1]
                .message
                .en
                .ends_with("(and 6 more of this rule, not shown)")
        );
    }

    /// Hostile texts: a unit repeated to 16 KiB.
    const HOSTILE: [&str; 14] = [
        "GRATUIT ",
        "A. ",
        "free demo ",
        "\n",
        "http://x.io ",
        "Bonjour Claire, ",
        "« a » ",
        "🚀",
        "Dr. M. ",
        "!!! ??? ",
        "0612345678 ",
        "Acme Corp ",
        "we met at RustConf. You're amazing! ",
        "Bonjour Claire, nous nous sommes croisés au salon VivaTech. Merci !\n",
    ];

    #[test]
    fn hostile_texts_get_sound_findings() {
        for unit in HOSTILE {
            let text = unit.repeat(16 * 1024 / unit.len());
            for lang in Lang::ALL {
                let r = lint(&text, lang);
                let mut per_rule: BTreeMap<RuleId, usize> = BTreeMap::new();
                for d in &r.diagnostics {
                    let s = &d.span;
                    assert!(s.start <= s.end && s.end <= text.len(), "{unit:?} {d:?}");
                    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                    *per_rule.entry(d.rule).or_default() += 1;
                }
                assert!(per_rule.values().all(|&n| n <= MAX_PER_RULE), "{unit:?}");
                assert!(
                    r.diagnostics
                        .windows(2)
                        .all(|w| w[0].span.start <= w[1].span.start),
                    "{unit:?}"
                );
                assert_eq!(r.score, Score::of(&r.diagnostics), "{unit:?}");
                assert!(r.stats.words <= text.len() && r.stats.sentences <= text.len());
            }
        }
        // What they say is still said: each pitch, the long sentence.
        let pitch = "GRATUIT ".repeat(2048);
        assert!(
            lint(&pitch, Lang::Fr)
                .diagnostics
                .iter()
                .any(|d| d.rule == RuleId::SalesPitch)
        );
        let dots = "A. ".repeat(5000);
        let r = lint(&dots, Lang::En);
        assert_eq!(r.stats.sentences, 5000);
    }
}
