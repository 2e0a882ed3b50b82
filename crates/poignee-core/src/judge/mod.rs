//! The judgement: whether a note gives a reason, sells or asks, could go to
//! anyone, or flatters — learned from real notes, not written phrase by
//! phrase.
//!
//! The rules run first and say what they see (the patterns' cues, the word
//! lists, the mechanical facts). Then four logistic regressions, one per
//! fault, weigh everything the note shows ([`features`]) — its words, its
//! letter groups, those findings, its shape — and give each fault a
//! probability. The weights ship as data (`data/model/judge.tsv`); they are
//! fitted by `cargo run --release --example judge -- train` on the real
//! notes of `../shared/corpus` (read then, never shipped) and the team's
//! written corpus, with each fault's threshold chosen on notes the fit did
//! not see ([`train`]).
//!
//! The judgement has the last word on those four faults; the rules keep
//! theirs on the facts (length, a link, a greeting, a placeholder…). A
//! finding the judgement overrules stays, as `info`, for the writer to see;
//! a fault the judgement finds that no rule named points at the sentence
//! that weighs most towards it. A fault well past its threshold is an
//! error, one just past it a warning.

pub mod features;
pub mod train;

use crate::diagnostic::{Diagnostic, ReasonSeen, RuleId, Severity};
use crate::lang::Localized;
use crate::lexicon::Category;
use crate::note::Note;
use crate::reading::{CueKind, Family};
use crate::spans::holding;
use features::{Sink, hash};
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

/// The faults the judgement weighs, in the weights file's column order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, strum::IntoStaticStr)]
#[strum(serialize_all = "kebab-case")]
pub enum Fault {
    /// No reason particular to this person.
    NoReason,
    /// Sells, offers or asks before any relationship.
    Pitch,
    /// Could go unchanged to anyone.
    Generic,
    /// Praise with nothing behind it, or a shared past that isn't there.
    Flattery,
    /// Not a fault of its own: the note needs fixing, for any reason a
    /// careful reader has (the four above, no greeting, too long). A fault
    /// is found where this one agrees, so four doubts do not add up to a
    /// false alarm, or where the fault alone is very likely ([`found`]).
    Fix,
}

impl Fault {
    /// The four faults the judgement has the last word on.
    pub const ALL: [Fault; 4] = [
        Fault::NoReason,
        Fault::Pitch,
        Fault::Generic,
        Fault::Flattery,
    ];
    /// Every column of the weights file.
    pub const COLUMNS: [Fault; N] = [
        Fault::NoReason,
        Fault::Pitch,
        Fault::Generic,
        Fault::Flattery,
        Fault::Fix,
    ];

    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

/// A feature's weights are written in ten-thousandths.
pub const UNITS: f64 = 10_000.0;

/// How many numbers a feature has: one per column.
pub const N: usize = 5;

/// A number per column.
pub type PerFault = [f64; N];

/// A feature's row: 16 hexadecimal digits, then [`N`] whole numbers of
/// ten-thousandths, separated by tabs. `None` when the line does not start
/// with 16 hexadecimal digits and a tab (a comment, `bias`, `threshold`).
fn feature_row(line: &str) -> Option<Result<(u64, [f32; N]), &'static str>> {
    let b = line.as_bytes();
    if b.len() < 17 || b[16] != b'\t' {
        return None;
    }
    let mut key = 0u64;
    for &c in &b[..16] {
        key = (key << 4) | u64::from(hex_digit(c)?);
    }
    let mut values = [0.0f32; N];
    let mut cells = b[17..].split(|&c| c == b'\t');
    for v in &mut values {
        let Some(cell) = cells.next() else {
            return Some(Err("fewer numbers than columns"));
        };
        let Some(units) = whole(cell.trim_ascii()) else {
            return Some(Err("not a whole number"));
        };
        *v = (f64::from(units) / UNITS) as f32;
    }
    if cells.next().is_some() {
        return Some(Err("more numbers than columns"));
    }
    Some(Ok((key, values)))
}

fn hex_digit(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        b'A'..=b'F' => Some(c - b'A' + 10),
        _ => None,
    }
}

/// A whole number written in ASCII digits, with an optional `-`, that fits
/// an `i32`.
fn whole(cell: &[u8]) -> Option<i32> {
    let (negative, digits) = match cell.split_first() {
        Some((b'-', rest)) => (true, rest),
        _ => (false, cell),
    };
    if digits.is_empty() || digits.len() > 10 {
        return None;
    }
    let mut n: i64 = 0;
    for &d in digits {
        if !d.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(d - b'0');
    }
    i32::try_from(if negative { -n } else { n }).ok()
}

/// The shipped weights.
const SHIPPED_TEXT: &str = include_str!("../../../../data/model/judge.tsv");

/// A fitted judgement: per fault a bias, a threshold and a weight per
/// feature (by the hash of its name).
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    pub bias: PerFault,
    /// The probability from which a note has the fault.
    pub threshold: PerFault,
    table: FxHashMap<u64, [f32; N]>,
}

/// A malformed line of a weights file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {what}")]
pub struct WeightsError {
    pub line: usize,
    pub what: &'static str,
}

static SHIPPED: LazyLock<Arc<Weights>> = LazyLock::new(|| {
    // Fixed data, read by the tests below and by `tests/judge.rs`.
    Arc::new(Weights::parse(SHIPPED_TEXT).expect("the shipped weights parse"))
});

impl Weights {
    /// The shipped judgement.
    pub fn shipped() -> Arc<Weights> {
        Arc::clone(&SHIPPED)
    }

    /// Reads a weights file: `bias`, `threshold`, then a line per feature:
    /// the 64-bit FNV-1a hash of its name in 16 hexadecimal digits
    /// ([`features::hash`]; the names themselves, words of the notes fitted
    /// on, never ship), then a whole number of ten-thousandths per column
    /// ([`Fault::COLUMNS`]), all separated by tabs; `bias` and `threshold`
    /// are decimals; `#` starts a comment.
    pub fn parse(text: &str) -> Result<Weights, WeightsError> {
        let mut w = Weights {
            bias: [0.0; N],
            threshold: [0.5; N],
            // About 40 bytes a feature: the table is not grown row by row.
            table: FxHashMap::with_capacity_and_hasher(text.len() / 40, Default::default()),
        };
        for (i, line) in text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let err = |what| WeightsError { line: i + 1, what };
            // A feature's row, read byte by byte: 14,000 of them at every
            // start (a tenth of the time `str::parse` takes on them).
            if let Some(row) = feature_row(line) {
                let (key, values) = row.map_err(err)?;
                if w.table.insert(key, values).is_some() {
                    return Err(err("a feature named twice"));
                }
                continue;
            }
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cells = line.split('\t');
            let name = cells.next().unwrap_or_default();
            let mut values = [0.0f64; N];
            for v in &mut values {
                let cell = cells.next().ok_or(err("fewer numbers than columns"))?;
                *v = cell.trim().parse().map_err(|_| err("not a number"))?;
                if !v.is_finite() {
                    return Err(err("not a finite number"));
                }
            }
            if cells.next().is_some() {
                return Err(err("more numbers than columns"));
            }
            match name {
                "bias" => w.bias = values,
                "threshold" => {
                    if values.iter().any(|t| !(0.0..=1.0).contains(t)) {
                        return Err(err("a threshold outside 0–1"));
                    }
                    w.threshold = values;
                }
                _ => return Err(err("a feature is 16 hexadecimal digits")),
            }
        }
        Ok(w)
    }

    /// How many features weigh something.
    pub fn len(&self) -> usize {
        self.table.len()
    }

    pub fn is_empty(&self) -> bool {
        self.table.is_empty()
    }

    /// Weighs a note: `found` is what the rules said about it.
    pub(crate) fn judge(&self, n: &Note, found: &[Diagnostic]) -> Judgement {
        let mut sink = Scorer {
            weights: self,
            z: self.bias,
            sentences: &n.sentences,
            by_sentence: vec![[0.0; N]; n.sentences.len()],
        };
        features::extract(n, found, &mut sink);
        Judgement {
            probability: sink.z.map(sigmoid),
            threshold: self.threshold,
            by_sentence: sink.by_sentence,
        }
    }
}

/// A fault is found past its threshold where "needs fixing" agrees, so
/// four doubts do not add up to a false alarm; or, alone, when its own
/// probability is [`ALONE`] or more.
pub(crate) fn found(p: &PerFault, t: &PerFault, f: Fault) -> bool {
    let (i, fix) = (f.index(), Fault::Fix.index());
    p[i] >= t[i] && (p[fix] >= t[fix] || p[i] >= ALONE)
}

/// The probability from which a fault stands without "needs fixing"
/// (leave-sources-out, 5 seeds, thresholds chosen with this rule: 0.892
/// agreement and 0.176 false alarms against 0.888 and 0.180 without it;
/// BENCHMARKS).
const ALONE: f64 = 0.9;

pub(crate) fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// Adds up the weights of a note's features, in all and per sentence.
struct Scorer<'a> {
    weights: &'a Weights,
    z: PerFault,
    sentences: &'a [Range<usize>],
    by_sentence: Vec<PerFault>,
}

impl Sink for Scorer<'_> {
    fn feature(&mut self, parts: &[&str], at: Option<Range<usize>>) {
        let Some(w) = self.weights.table.get(&hash(parts)) else {
            return;
        };
        let sentence = at
            .and_then(|r| holding(self.sentences, r.start))
            .and_then(|i| self.by_sentence.get_mut(i));
        for (z, w) in self.z.iter_mut().zip(w) {
            *z += f64::from(*w);
        }
        if let Some(s) = sentence {
            for (s, w) in s.iter_mut().zip(w) {
                *s += f64::from(*w);
            }
        }
    }
}

/// What the judgement says of a note.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    /// The probability of each fault.
    pub probability: PerFault,
    pub threshold: PerFault,
    /// What each sentence adds to each fault's log-odds.
    by_sentence: Vec<PerFault>,
}

impl Judgement {
    /// The note has the fault (and needs fixing).
    pub fn has(&self, f: Fault) -> bool {
        found(&self.probability, &self.threshold, f)
    }

    /// The judgement hardly reads the fault: under a quarter of its
    /// threshold. What a pattern named plainly stands unless it is so
    /// (measured leave-sources-out against a half and nothing: BENCHMARKS).
    pub fn hardly(&self, f: Fault) -> bool {
        let i = f.index();
        self.probability[i] < self.threshold[i] / 4.0
    }

    /// The note has the fault, well past the threshold: halfway from it to
    /// certainty.
    pub fn sure(&self, f: Fault) -> bool {
        let t = self.threshold[f.index()];
        self.probability[f.index()] >= (1.0 + t) / 2.0
    }

    /// The sentence that weighs most towards the fault (`toward`) or against
    /// it, when one does.
    fn leaning(
        &self,
        f: Fault,
        toward: bool,
        sentences: &[Range<usize>],
        fit: impl Fn(usize, &Range<usize>) -> bool,
    ) -> Option<usize> {
        let sign = if toward { 1.0 } else { -1.0 };
        self.by_sentence
            .iter()
            .enumerate()
            .filter(|(i, _)| sentences.get(*i).is_some_and(|s| fit(*i, s)))
            .map(|(i, s)| (i, sign * s[f.index()]))
            .filter(|(_, w)| *w > 0.0)
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map(|(i, _)| i)
    }
}

/// A sentence without the blanks around it.
fn trimmed(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// The rules' findings, judged: the four faults set as the judgement says.
pub(crate) fn apply(n: &Note, j: &Judgement, diags: &mut Vec<Diagnostic>) {
    reason(n, j, diags);
    pitch(n, j, diags);
    generic(n, j, diags);
    flattery(n, j, diags);
    // Talking about oneself is a fault in a note that sells; in one that
    // does not, saying who you are is context (LABELS.md).
    if !j.has(Fault::Pitch) {
        overrule(diags, &[RuleId::SelfCentered]);
    }
    // A note that gives a reason was long enough to carry one.
    if !diags.iter().any(|d| d.rule == RuleId::NoReason) {
        overrule(diags, &[RuleId::TooShort]);
    }
}

fn severity(j: &Judgement, f: Fault, natural: Severity) -> Severity {
    if j.sure(f) {
        natural
    } else {
        natural.min(Severity::Warning)
    }
}

/// Rules whose findings depend on who the note goes to and when, not on
/// what it says.
pub const CONTEXT: [RuleId; 5] = [
    RuleId::Audience,
    RuleId::Pace,
    RuleId::RepeatedText,
    RuleId::NoName,
    RuleId::UnfilledPlaceholder,
];

/// Lowers the findings of `rules` to `info`: evidence the judgement weighed
/// and did not take for the fault.
fn overrule(diags: &mut [Diagnostic], rules: &[RuleId]) {
    for d in diags.iter_mut().filter(|d| rules.contains(&d.rule)) {
        d.severity = Severity::Info;
    }
}

fn sentence_span(n: &Note, j: &Judgement, f: Fault, toward: bool) -> Option<Range<usize>> {
    // A reason is not in a stock phrase, nor in a sentence that is mostly a
    // greeting or a thank-you. Each asked once per sentence, by binary search
    // or a pass over the hits, so a long note stays linear.
    let stock = crate::spans::Spans::new(n.reading.of(Family::Generic).map(|c| c.span.clone()));
    let mut courtesy = vec![false; if toward { 0 } else { n.sentences.len() }];
    for h in n
        .hits
        .iter()
        .filter(|h| matches!(h.cat, Category::Thanks | Category::Greeting))
    {
        if let Some(i) = holding(&n.sentences, h.span.start)
            && let Some(c) = courtesy.get_mut(i)
        {
            *c |= h.span.len() * 2 >= n.sentences[i].len();
        }
    }
    let i = j.leaning(f, toward, &n.sentences, |i, s| {
        toward || !(stock.overlaps(s) || courtesy.get(i).copied().unwrap_or(false))
    })?;
    let span = trimmed(n.text, n.sentences.get(i)?.clone());
    (!span.is_empty()).then_some(span)
}

fn reason(n: &Note, j: &Judgement, diags: &mut Vec<Diagnostic>) {
    // A phrase of the user's own `reason` list is a reason they vouch for.
    let vouched = n.has(Category::Reason);
    let found = |d: &Diagnostic| d.rule == RuleId::ReasonFound && d.reason.is_some_and(|r| !r.clue);
    // A reason the patterns name is overruled only by a sure judgement; a
    // meeting or a mutual contact they name, never (a pitch beside it is a
    // fault of its own, not the lack of a reason).
    let named = diags.iter().find(|d| found(d));
    let standing = named.is_some_and(|d| {
        d.reason
            .and_then(|r| r.kind)
            .is_some_and(|k| matches!(k, CueKind::Event | CueKind::Mutual | CueKind::Shared))
    });
    let named = named.map(|d| d.span.clone());
    let no_reason =
        j.has(Fault::NoReason) && !standing && (named.is_none() || j.sure(Fault::NoReason));
    if no_reason && !vouched {
        if diags.iter().any(|d| d.rule == RuleId::NoReason) {
            for d in diags.iter_mut().filter(|d| d.rule == RuleId::NoReason) {
                d.severity = severity(j, Fault::NoReason, Severity::Error);
            }
            return;
        }
        let (message, span) = match named {
            // What the patterns took for a reason reads, in the whole note,
            // like one that could be said to anyone.
            Some(span) => (
                crate::rules::quoting(
                    "{} : lu dans toute la note, cela pourrait se dire à n’importe qui",
                    "{}: read in the whole note, this could be said to anyone",
                    n.text[span.clone()].trim(),
                ),
                span,
            ),
            None => (crate::rules::reason::missing(), 0..0),
        };
        diags.retain(|d| d.rule != RuleId::ReasonFound);
        diags.push(Diagnostic {
            rule: RuleId::NoReason,
            severity: severity(j, Fault::NoReason, Severity::Error),
            span,
            message,
            suggestion: Some(crate::rules::reason::give_one(n.lang)),
            reason: None,
        });
        return;
    }
    // A reason is given.
    diags.retain(|d| d.rule != RuleId::NoReason);
    // A clue in a note that could go to anyone stays a clue.
    if named.is_some() || j.has(Fault::Generic) {
        return;
    }
    // A clue the patterns thought too thin is, read in the whole note, what
    // the reason rests on: said as a clue, not as "thin".
    if let Some(d) = diags.iter_mut().find(|d| d.rule == RuleId::ReasonFound) {
        let kind = d.reason.and_then(|r| r.kind);
        let (fr, en) = kind.map_or(("une mention précise", "a specific mention"), |k| {
            (k.label().fr, k.label().en)
        });
        let (qf, qe) = crate::rules::quoted(&n.text[d.span.clone()]);
        d.message = Localized::new(
            format!("indice : {fr} — {qf}"),
            format!("clue: {en} — {qe}"),
        );
        return;
    }
    // No pattern saw it: the sentence that weighs most against "no reason",
    // when it names something (an event, a place, a group) or holds a cue;
    // else nothing is quoted rather than the wrong words.
    let Some(span) = sentence_span(n, j, Fault::NoReason, false) else {
        return;
    };
    let cue = n
        .reading
        .of(Family::Reason)
        .find(|c| c.span.start >= span.start && c.span.end <= span.end)
        .map(|c| c.kind);
    let names_something = n
        .reading
        .names
        .iter()
        .any(|r| r.start >= span.start && r.end <= span.end && !features::recipient(n, r));
    if cue.is_none() && !names_something {
        return;
    }
    let kind = cue.unwrap_or(CueKind::Named);
    let (qf, qe) = crate::rules::quoted(&n.text[span.clone()]);
    let (fr, en) = (kind.label().fr, kind.label().en);
    diags.push(Diagnostic {
        rule: RuleId::ReasonFound,
        severity: Severity::Info,
        span,
        message: Localized::new(
            format!("raison : {fr} — {qf}"),
            format!("reason: {en} — {qe}"),
        ),
        suggestion: None,
        reason: Some(ReasonSeen {
            kind: Some(kind),
            clue: false,
        }),
    });
}

/// The findings that say a note sells or asks.
const SELLS: [RuleId; 1] = [RuleId::SalesPitch];

fn pitch(n: &Note, j: &Judgement, diags: &mut Vec<Diagnostic>) {
    let named = |d: &Diagnostic| SELLS.contains(&d.rule) && d.severity > Severity::Info;
    if !j.has(Fault::Pitch) {
        let plain = n.reading.of(Family::Pitch).any(|c| {
            !c.weak
                && matches!(
                    c.kind,
                    CueKind::Sells
                        | CueKind::Results
                        | CueKind::Sends
                        | CueKind::Meeting
                        | CueKind::Job
                )
        });
        // A pitch the patterns name plainly (what is sold, results promised,
        // an offer to send, a call, a job asked) stands, as a warning,
        // unless the judgement hardly reads any.
        if plain && diags.iter().any(named) && !j.hardly(Fault::Pitch) {
            for d in diags.iter_mut().filter(|d| named(d)) {
                d.severity = d.severity.min(Severity::Warning);
            }
            return;
        }
        overrule(diags, &SELLS);
        return;
    }
    if diags.iter().any(named) {
        let s = severity(j, Fault::Pitch, Severity::Error);
        for d in diags.iter_mut().filter(|d| named(d)) {
            d.severity = d.severity.min(s);
        }
        return;
    }
    let span = sentence_span(n, j, Fault::Pitch, true).unwrap_or(0..0);
    let piece = n.text[span.clone()].trim();
    diags.push(Diagnostic {
        rule: RuleId::SalesPitch,
        severity: severity(j, Fault::Pitch, Severity::Error),
        message: if piece.is_empty() {
            Localized::new(
                "la note se lit comme une prospection — une offre, une demande",
                "the note reads like prospecting — an offer, an ask",
            )
        } else {
            crate::rules::quoting(
                "la note se lit comme une prospection ; la phrase qui y pèse le plus : {}",
                "the note reads like prospecting; the sentence that weighs most: {}",
                piece,
            )
        },
        span,
        suggestion: Some(Localized::new(
            "ne proposez ni ne demandez rien ; dites pourquoi cette personne",
            "offer and ask nothing; say why this person",
        )),
        reason: None,
    });
}

fn generic(n: &Note, j: &Judgement, diags: &mut Vec<Diagnostic>) {
    if !j.has(Fault::Generic) {
        overrule(diags, &[RuleId::Generic]);
        return;
    }
    if diags
        .iter()
        .any(|d| d.rule == RuleId::Generic && d.severity > Severity::Info)
    {
        return;
    }
    // A note without a reason is already told so: `no-reason` says it.
    if diags.iter().any(|d| d.rule == RuleId::NoReason) {
        return;
    }
    let stock = n
        .reading
        .of(Family::Generic)
        .map(|c| c.span.clone())
        .next()
        .unwrap_or(0..0);
    diags.push(Diagnostic {
        rule: RuleId::Generic,
        severity: Severity::Warning,
        span: stock,
        message: Localized::new(
            "sans le prénom, cette note pourrait partir à n’importe qui",
            "without the name, this note could go to anyone",
        ),
        suggestion: Some(Localized::new(
            "ajoutez ce qui ne vaut que pour cette personne : où vous l’avez croisée, ce que vous avez lu d’elle",
            "add what holds only for this person: where you met, what of theirs you read",
        )),
        reason: None,
    });
}

fn flattery(n: &Note, j: &Judgement, diags: &mut Vec<Diagnostic>) {
    // Praise a pattern named stands unless the judgement hardly reads any,
    // or, whatever it reads, in a note that needs fixing for another fault
    // (it adds no alarm, and the writer hears of it); praise the patterns
    // did not see needs the threshold.
    let named = diags
        .iter()
        .any(|d| d.rule == RuleId::Hype && d.severity > Severity::Info);
    let other = |diags: &[Diagnostic]| {
        diags.iter().any(|d| {
            d.severity >= Severity::Warning && d.rule != RuleId::Hype && !CONTEXT.contains(&d.rule)
        })
    };
    if !(j.has(Fault::Flattery) || named && (!j.hardly(Fault::Flattery) || other(diags))) {
        overrule(diags, &[RuleId::Hype]);
        return;
    }
    let named = |d: &Diagnostic| {
        matches!(d.rule, RuleId::Hype | RuleId::FalseFamiliarity) && d.severity > Severity::Info
    };
    if diags.iter().any(named) {
        return;
    }
    let span = n
        .reading
        .of(Family::Praise)
        .map(|c| c.span.clone())
        .next()
        .or_else(|| sentence_span(n, j, Fault::Flattery, true))
        .unwrap_or(0..0);
    let piece = n.text[span.clone()].trim();
    diags.push(Diagnostic {
        rule: RuleId::Hype,
        severity: Severity::Warning,
        message: crate::rules::quoting(
            "{} : un compliment sans rien de précis derrière",
            "{}: praise with nothing specific behind it",
            piece,
        ),
        span,
        suggestion: Some(Localized::new(
            "dites ce que vous avez lu ou vu, plutôt qu’un compliment",
            "say what you read or saw, rather than a compliment",
        )),
        reason: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Level;
    use crate::lang::Lang;
    use crate::lint::{Context, Linter, Report};

    #[test]
    fn a_fault_needs_fixing_to_agree_unless_it_is_very_likely_alone() {
        let t = [0.5, 0.5, 0.5, 0.5, 0.6];
        // Past its threshold, "needs fixing" agreeing.
        assert!(found(&[0.6, 0.0, 0.0, 0.0, 0.7], &t, Fault::NoReason));
        // Past it, "needs fixing" not agreeing: a doubt, not a fault.
        assert!(!found(&[0.6, 0.0, 0.0, 0.0, 0.5], &t, Fault::NoReason));
        // Very likely alone.
        assert!(found(&[0.0, 0.95, 0.0, 0.0, 0.1], &t, Fault::Pitch));
        // Under its own threshold, whatever "needs fixing" says.
        assert!(!found(&[0.0, 0.4, 0.0, 0.0, 1.0], &t, Fault::Pitch));
        let j = Judgement {
            probability: [0.0, 0.1, 0.2, 0.0, 1.0],
            threshold: [0.5, 0.6, 0.6, 0.5, 0.5],
            by_sentence: Vec::new(),
        };
        assert!(j.hardly(Fault::Pitch), "0.1 under a quarter of 0.6");
        assert!(
            !j.hardly(Fault::Generic),
            "0.2 is more than a quarter of 0.6"
        );
    }

    fn report(linter: &Linter, text: &str, lang: Lang) -> Report {
        let cx = Context {
            lang: Some(lang),
            ..Context::default()
        };
        linter.lint(text, &cx)
    }

    fn flagged(r: &Report, rule: RuleId) -> bool {
        r.diagnostics
            .iter()
            .any(|d| d.rule == rule && d.severity >= Severity::Warning)
    }

    #[test]
    fn a_mutual_contact_stays_a_reason_beside_a_pitch() {
        let r = report(
            &Linter::default(),
            "Hi Dana, Marc Leroy suggested we connect. We've helped 40 agencies double \
             their leads and I'd love to show you how.",
            Lang::En,
        );
        assert!(flagged(&r, RuleId::SalesPitch), "{:?}", r.diagnostics);
        assert!(!flagged(&r, RuleId::NoReason), "{:?}", r.diagnostics);
        assert!(
            r.diagnostics
                .iter()
                .any(|d| d.rule == RuleId::ReasonFound && d.message.en.contains("mutual")),
            "{:?}",
            r.diagnostics
        );
    }

    #[test]
    fn no_reason_quotes_no_name() {
        let text = "Bonjour Camille Durand, heureux de vous ajouter à mon réseau.";
        let r = report(&Linter::default(), text, Lang::Fr);
        let d = r.diagnostics.iter().find(|d| d.rule == RuleId::NoReason);
        assert!(
            d.is_some_and(|d| !text[d.span.clone()].contains("Camille")),
            "{:?}",
            r.diagnostics
        );
    }

    #[test]
    fn an_empty_note_is_only_empty() {
        let r = report(&Linter::default(), "   ", Lang::En);
        let rules: Vec<RuleId> = r.diagnostics.iter().map(|d| d.rule).collect();
        assert_eq!(rules, [RuleId::Empty]);
    }

    #[test]
    fn the_config_has_the_last_word_after_the_judgement() {
        let text = "Hi Tom, I came across your profile and would love to connect.";
        let mut linter = Linter::default();
        assert!(flagged(&report(&linter, text, Lang::En), RuleId::NoReason));
        linter.set_level(RuleId::NoReason, Level::Off);
        let r = report(&linter, text, Lang::En);
        assert!(
            r.diagnostics.iter().all(|d| d.rule != RuleId::NoReason),
            "{:?}",
            r.diagnostics
        );
    }

    #[test]
    fn a_pitch_in_plain_words_points_at_its_words() {
        let text = "Bonjour Léo, notre petite équipe pose des bornes de recharge dans les \
                    parkings d’hôtel, sans gros travaux. Un quart d’heure mardi pour en parler ?";
        let r = report(&Linter::default(), text, Lang::Fr);
        let d = r
            .diagnostics
            .iter()
            .find(|d| d.rule == RuleId::SalesPitch && d.severity >= Severity::Warning);
        assert!(d.is_some_and(|d| !d.span.is_empty()), "{:?}", r.diagnostics);
    }

    #[test]
    fn a_bad_weights_file_names_its_line() {
        assert_eq!(
            Weights::parse("bias\t0\t0\t0\t0\t0\nzz\t1\t1\t1\t1\t1\n").err(),
            Some(WeightsError {
                line: 2,
                what: "a feature is 16 hexadecimal digits"
            })
        );
        assert_eq!(
            Weights::parse("threshold\t2\t0\t0\t0\t0\n").err(),
            Some(WeightsError {
                line: 1,
                what: "a threshold outside 0–1"
            })
        );
        assert_eq!(
            Weights::parse("00111ec6fc0e03d3\t0.5\t0\t0\t0\t0\n").err(),
            Some(WeightsError {
                line: 1,
                what: "not a whole number"
            })
        );
        let w = Weights::parse("00111ec6fc0e03d3\t-604\t95\t0\t0\t10000\n");
        assert_eq!(
            w.map(|w| w.table.get(&0x0011_1ec6_fc0e_03d3).copied()),
            Ok(Some([-0.0604, 0.0095, 0.0, 0.0, 1.0]))
        );
        assert_eq!(
            Weights::parse("bias\t0\t0\n").err(),
            Some(WeightsError {
                line: 1,
                what: "fewer numbers than columns"
            })
        );
    }
}
