//! A note as the rules read it: its text, words, sentences, word-list hits
//! and where it goes; and [`Out`], where the rules put what they find. Below
//! both the rules and the engine, so neither imports the other's insides.

use crate::audience::Audience;
use crate::diagnostic::{Diagnostic, Level, ReasonSeen, RuleId, Severity};
use crate::lang::{Lang, Localized};
use crate::lexicon::{Category, Hit};
use crate::reading::Reading;
use crate::settings::Thresholds;
use crate::target::{Platform, Target, Tier};
use crate::text::Folded;
use std::collections::BTreeMap;
use std::ops::Range;

/// The severities the config sets, per rule.
pub type Levels = BTreeMap<RuleId, Level>;

/// The severity `rule` reports at under `levels`, `None` when it is off.
pub fn configured(levels: &Levels, rule: RuleId) -> Option<Severity> {
    match levels.get(&rule) {
        Some(level) => level.severity(),
        None => Some(rule.info().severity),
    }
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

/// A note being linted, with what every rule shares.
pub(crate) struct Note<'a> {
    pub text: &'a str,
    /// Byte ranges of the words, computed once for every rule.
    pub words: Vec<Range<usize>>,
    /// Byte ranges of the sentences, computed once for every rule.
    pub sentences: Vec<Range<usize>>,
    /// What the patterns read in the note: reasons, pitches, praise, stock phrases.
    pub reading: Reading,
    pub folded: Folded,
    /// Word list hits in the note's language, in text order.
    pub hits: Vec<Hit>,
    pub lang: Lang,
    /// The language was detected, not given.
    pub lang_detected: bool,
    pub cx: &'a Context<'a>,
    /// The config's severities (`None` for a rule turned off).
    pub levels: &'a Levels,
    pub thresholds: &'a Thresholds,
    pub audience: &'a Audience,
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

    /// The rule is on and the draft does not except it: a rule whose work
    /// would be thrown away can skip it.
    pub fn enabled(&self, rule: RuleId) -> bool {
        !self.cx.allow.contains(&rule) && configured(self.levels, rule).is_some()
    }

    pub fn thresholds(&self) -> &Thresholds {
        self.thresholds
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
}

/// Where rules put what they find, at the severities the rules give: the
/// judgement weighs them as shipped, and the config's severities and the
/// draft's exceptions are applied after it, once (`lint::configure`).
#[derive(Default)]
pub(crate) struct Out {
    pub diagnostics: Vec<Diagnostic>,
}

impl Out {
    /// Reports `rule` at its own severity.
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
    /// rule lowers this too (`lint::configure`).
    pub fn push_at(
        &mut self,
        rule: RuleId,
        natural: Severity,
        span: Range<usize>,
        message: Localized,
        suggestion: Option<Localized>,
    ) {
        self.push_with(rule, natural, span, message, suggestion, None);
    }

    /// Reports `reason-found` at `natural`, with the reason it names.
    pub fn push_reason(
        &mut self,
        natural: Severity,
        span: Range<usize>,
        message: Localized,
        seen: ReasonSeen,
    ) {
        let rule = RuleId::ReasonFound;
        self.push_with(rule, natural, span, message, None, Some(seen));
    }

    fn push_with(
        &mut self,
        rule: RuleId,
        severity: Severity,
        span: Range<usize>,
        message: Localized,
        suggestion: Option<Localized>,
        reason: Option<ReasonSeen>,
    ) {
        self.diagnostics.push(Diagnostic {
            rule,
            severity,
            span,
            message,
            suggestion,
            reason,
        });
    }
}
