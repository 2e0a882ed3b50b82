//! The lint engine: a note and its context in, a report out. No I/O, no
//! terminal: the CLI and the TUI are two faces over this.

use crate::audience::Audience;
use crate::lang::{self, Lang, Localized};
use crate::lexicon::{Category, Hit, Lexicon};
use crate::rules::{self, RuleId};
use crate::target::{Platform, Target, Tier};
use crate::text::{self, Folded};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Points a rule at this severity takes off the score of 100.
    pub fn weight(self) -> u32 {
        match self {
            Severity::Error => 25,
            Severity::Warning => 10,
            Severity::Info => 2,
        }
    }
}

/// A severity as the config sets it: a level, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// One problem in a note.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub severity: Severity,
    /// Byte range in the note; empty for something missing (it points where
    /// the thing belongs).
    pub span: Range<usize>,
    pub message: Localized,
    pub suggestion: Option<Localized>,
}

/// Where the note goes and who reads it.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    pub platform: Platform,
    pub tier: Tier,
    /// The note's language; detected when `None`.
    pub lang: Option<Lang>,
    pub target: Option<&'a Target>,
    /// Rules the draft accepts an exception for (`allow = ["link"]`).
    pub allow: &'a [RuleId],
}

/// Note limits per platform, in characters as the platform counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    pub linkedin_free: usize,
    pub linkedin_premium: usize,
    pub linkedin_sales_navigator: usize,
    pub viadeo: usize,
    /// Invitations a free LinkedIn account may attach a note to in a month.
    pub linkedin_free_notes_per_month: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            linkedin_free: 200,
            linkedin_premium: 300,
            linkedin_sales_navigator: 300,
            viadeo: 300,
            linkedin_free_notes_per_month: 5,
        }
    }
}

impl Limits {
    pub fn for_platform(&self, platform: Platform, tier: Tier) -> usize {
        match (platform, tier) {
            (Platform::Viadeo, _) => self.viadeo,
            (Platform::Linkedin, Tier::Free) => self.linkedin_free,
            (Platform::Linkedin, Tier::Premium) => self.linkedin_premium,
            (Platform::Linkedin, Tier::SalesNavigator) => self.linkedin_sales_navigator,
        }
    }
}

/// Thresholds of the rules that measure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// `too-short` below this many characters.
    pub min_chars: usize,
    /// `too-long` warns from this share of the limit (0.9 = 90 %).
    pub near_limit: f32,
    /// `long-sentence` above this many words.
    pub long_sentence_words: usize,
    /// `self-centered` when words about the sender reach this many...
    pub self_centered_min: usize,
    /// ...and are this many times the words about the recipient (plus one).
    pub self_centered_ratio: f32,
    /// `hype` from this many emoji.
    pub max_emoji: usize,
    /// `repeated-text` when nearly the same note goes to this many people...
    pub repeated_text_people: usize,
    /// ...nearly the same meaning this Jaccard similarity of word pairs.
    pub repeated_text_similarity: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_chars: 40,
            near_limit: 0.9,
            long_sentence_words: 25,
            self_centered_min: 4,
            self_centered_ratio: 2.0,
            max_emoji: 2,
            repeated_text_people: 3,
            repeated_text_similarity: 0.6,
        }
    }
}

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
        for d in diagnostics {
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
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
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
    pub(crate) levels: BTreeMap<RuleId, Level>,
    pub limits: Limits,
    pub thresholds: Thresholds,
    pub audience: Audience,
    /// The language of notes that give no clue.
    pub fallback_lang: Lang,
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
            levels: BTreeMap::new(),
            limits: Limits::default(),
            thresholds: Thresholds::default(),
            audience: Audience::default(),
            fallback_lang: Lang::Fr,
        }
    }

    pub fn set_level(&mut self, rule: RuleId, level: Level) {
        self.levels.insert(rule, level);
    }

    /// The severity a rule reports at, `None` when it is off.
    pub fn severity(&self, rule: RuleId) -> Option<Severity> {
        match self.levels.get(&rule) {
            Some(level) => level.severity(),
            None => Some(rule.info().severity),
        }
    }

    pub fn lint(&self, text: &str, cx: &Context) -> Report {
        let folded = Folded::new(text);
        let all_hits = self.lexicon.scan(&folded);
        let stop = |l| {
            all_hits
                .iter()
                .filter(|h| h.cat == Category::Stopwords && h.lang == l)
                .count()
        };
        let (lang, lang_detected) = match cx.lang {
            Some(l) => (l, false),
            None => (
                lang::detect(text, stop(Lang::Fr), stop(Lang::En)).unwrap_or(self.fallback_lang),
                true,
            ),
        };
        let hits = resolve_overlaps(all_hits.into_iter().filter(|h| h.lang == lang).collect());
        let limit = self.limits.for_platform(cx.platform, cx.tier);
        let body = text.trim();
        let length = match cx.platform {
            Platform::Linkedin => text::utf16_len(body),
            Platform::Viadeo => text::char_len(body),
        };
        let note = Note {
            text,
            words: text::words(text).collect(),
            sentences: text::sentences(text),
            folded,
            hits,
            lang,
            cx,
            linter: self,
            limit,
            length,
        };
        let mut out = Out {
            linter: self,
            allow: cx.allow,
            diagnostics: Vec::new(),
        };
        rules::run(&note, &mut out);
        let mut diagnostics = out.diagnostics;
        diagnostics.sort_by_key(|d| (d.span.start, std::cmp::Reverse(d.severity), d.rule));
        let stats = note.stats();
        Report {
            lang,
            lang_detected,
            score: Score::of(&diagnostics),
            diagnostics,
            stats,
        }
    }
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
    let outer: Vec<(Category, Range<usize>)> =
        merged.iter().map(|h| (h.cat, h.folded.clone())).collect();
    merged.retain(|h| {
        !outer.iter().any(|(cat, r)| {
            shadows(h.cat, *cat) && r.start <= h.folded.start && h.folded.end <= r.end
        })
    });
    merged.sort_by_key(|h| (h.span.start, h.span.end));
    merged
}

/// A note being linted, with what every rule shares.
pub(crate) struct Note<'a> {
    pub text: &'a str,
    /// Byte ranges of the words, computed once for every rule.
    pub words: Vec<Range<usize>>,
    /// Byte ranges of the sentences, computed once for every rule.
    pub sentences: Vec<Range<usize>>,
    pub folded: Folded,
    /// Word list hits in the note's language, in text order.
    pub hits: Vec<Hit>,
    pub lang: Lang,
    pub cx: &'a Context<'a>,
    pub linter: &'a Linter,
    pub limit: usize,
    pub length: usize,
}

impl Note<'_> {
    pub fn hits(&self, cat: Category) -> impl Iterator<Item = &Hit> {
        self.hits.iter().filter(move |h| h.cat == cat)
    }

    pub fn has(&self, cat: Category) -> bool {
        self.hits(cat).next().is_some()
    }

    pub fn count(&self, cat: Category) -> usize {
        self.hits(cat).count()
    }

    pub fn thresholds(&self) -> &Thresholds {
        &self.linter.thresholds
    }

    pub fn french(&self) -> bool {
        self.lang == Lang::Fr
    }

    /// The span of the first word, or an empty span at the start.
    pub fn first_word(&self) -> Range<usize> {
        self.words.first().cloned().unwrap_or(0..0)
    }

    /// An empty span just after the last non-blank character.
    pub fn end(&self) -> Range<usize> {
        let end = self.text.trim_end().len();
        end..end
    }

    fn stats(&self) -> Stats {
        let words = &self.words;
        let sentences = self.sentences.len();
        let readability = (!words.is_empty() && sentences > 0).then(|| {
            let w = words.len() as f32;
            let syl: usize = words
                .iter()
                .map(|r| text::syllables(&self.text[r.clone()], self.french()))
                .sum();
            let per_sentence = w / sentences as f32;
            let per_word = syl as f32 / w;
            match self.lang {
                Lang::Fr => 207.0 - 1.015 * per_sentence - 73.6 * per_word,
                Lang::En => 206.835 - 1.015 * per_sentence - 84.6 * per_word,
            }
        });
        Stats {
            length: self.length,
            limit: self.limit,
            words: words.len(),
            sentences,
            readability,
            first_person: self.count(Category::FirstPerson),
            second_person: self.count(Category::SecondPerson),
        }
    }
}

/// Where rules put what they find; it applies the config's severities and the
/// draft's exceptions.
pub(crate) struct Out<'a> {
    linter: &'a Linter,
    allow: &'a [RuleId],
    pub diagnostics: Vec<Diagnostic>,
}

impl Out<'_> {
    /// Reports `rule` at its configured severity.
    pub fn push(
        &mut self,
        rule: RuleId,
        span: Range<usize>,
        message: Localized,
        suggestion: Option<Localized>,
    ) {
        self.push_at(rule, rule.info().severity, span, message, suggestion);
    }

    /// Reports `rule` at a milder severity than its default (a near miss: a
    /// note close to the limit, an unknown audience); a config that lowers the
    /// rule lowers this too.
    pub fn push_at(
        &mut self,
        rule: RuleId,
        natural: Severity,
        span: Range<usize>,
        message: Localized,
        suggestion: Option<Localized>,
    ) {
        if self.allow.contains(&rule) {
            return;
        }
        let Some(configured) = self.linter.severity(rule) else {
            return;
        };
        let severity = if natural == rule.info().severity {
            configured
        } else {
            natural.min(configured)
        };
        self.diagnostics.push(Diagnostic {
            rule,
            severity,
            span,
            message,
            suggestion,
        });
    }

    pub fn enabled(&self, rule: RuleId) -> bool {
        !self.allow.contains(&rule) && self.linter.severity(rule).is_some()
    }
}
