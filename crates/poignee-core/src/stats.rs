//! The figures of `poignee stats`: of the invitations sent, how many were
//! accepted, how fast, and which notes do better — split by template, by
//! language, by platform, by score band, by the kind of reason the note
//! gives (the `reason-found` diagnostic's) and by audience verdict.
//!
//! How they are counted:
//! - an invitation is a draft whose status is `sent`, `accepted`, `ignored`
//!   or `declined`; drafts and approved notes are not (yet) invitations;
//! - its day is `sent_at`; `--since` keeps the invitations sent on that
//!   day or after;
//! - a file whose outcome cannot have happened (a date in the future or
//!   before LinkedIn opened, an answer before its sending, `sent` or an
//!   answer without `sent_at`: [`crate::outcome::impossible`]) is skipped,
//!   with its line and column, as a file that does not read is;
//! - one left `sent` more than `[outcomes] ignored_after_days` (30) days
//!   counts as ignored (and is shown as such, *unanswered*); one left `sent`
//!   for less is *pending*, and is not in the rate yet;
//! - the acceptance rate is accepted ÷ answered (accepted, declined and
//!   ignored): pending invitations have not had their chance;
//! - the time to accept is `accepted_at` − `sent_at`, in days, over the
//!   accepted invitations that have both dates; the figure is the median;
//! - a group with fewer than [`TOO_FEW`] answered invitations is marked too
//!   small to mean anything;
//! - poignee's own verdict on each note (it would pass it: no error; it
//!   would flag it: an error), alone and with the kind of reason found;
//! - with a note against without: the invitations sent without a note are
//!   not drafts, but `poignee import` counts them in its ledger
//!   ([`crate::import::ledger`]) in the folders read; they are only in the
//!   group *without a note*, not in the overall figures, which are over
//!   notes.

use crate::audience::Decision;
use crate::batch::Options;
use crate::draft::{Draft, Status};
use crate::input;
use crate::lang::{Lang, Localize, Localized};
use crate::lint::{Context, Level, Linter, RuleId};
use crate::outcome::day;
use crate::reading::CueKind;
use crate::target::Platform;
use crate::walk::{Input, inputs};
use jiff::civil::Date;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::PathBuf;

/// Fewer answered invitations than this in a group, and its rate is noise.
pub const TOO_FEW: usize = 10;

/// What became of one invitation, as the figures count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Accepted,
    Declined,
    /// Marked ignored.
    Ignored,
    /// Left `sent` past `ignored_after_days`: counted as ignored.
    Unanswered,
    /// Left `sent` for less: not in the rate yet.
    Pending,
}

/// The ways the figures are split, in the order they are shown. The names
/// (JSON and CSV) are snake_case: `verdict_reason`.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Dimension {
    Template,
    Lang,
    Platform,
    Score,
    Reason,
    Audience,
    /// Whether poignee would pass the note (no error) or flag it.
    Verdict,
    /// The verdict, and the kind of reason found.
    VerdictReason,
    /// With a note, or without (imported).
    Note,
}

impl Dimension {
    /// Its name in JSON and CSV.
    pub fn key(self) -> &'static str {
        self.into()
    }

    /// A heading: « Par modèle », "By template".
    pub fn heading(self) -> crate::lang::Text {
        use crate::lang::Text;
        match self {
            Dimension::Template => Text::new("Par modèle", "By template"),
            Dimension::Lang => Text::new("Par langue", "By language"),
            Dimension::Platform => Text::new("Par plateforme", "By platform"),
            Dimension::Score => Text::new("Par score", "By score"),
            Dimension::Reason => Text::new("Par raison donnée", "By reason given"),
            Dimension::Audience => Text::new("Par cible", "By audience"),
            Dimension::Verdict => Text::new("Selon le verdict de poignee", "By poignee's verdict"),
            Dimension::VerdictReason => Text::new(
                "Par verdict et raison donnée",
                "By verdict and reason given",
            ),
            Dimension::Note => Text::new("Avec ou sans note", "With a note or without"),
        }
    }
}

/// A score band: below 60, 60 to 79, 80 to 100.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Band {
    Low,
    Mid,
    High,
}

impl Band {
    pub fn of(score: u8) -> Band {
        match score {
            0..=59 => Band::Low,
            60..=79 => Band::Mid,
            _ => Band::High,
        }
    }
}

/// The reason a note gives, as `reason-found` names it: the first that
/// counts alone, in text order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ReasonGroup {
    Kind(CueKind),
    /// A phrase of the user's own `reason` list.
    List,
    /// Only clues, too thin to count alone.
    Thin,
    None,
}

/// What poignee says of a note now: it would pass it (no error), or flag it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, strum::IntoStaticStr)]
#[strum(serialize_all = "lowercase")]
pub enum Verdict {
    Pass,
    Flag,
}

impl Verdict {
    fn key(self) -> &'static str {
        self.into()
    }

    /// Short: it goes under the heading that says whose verdict it is.
    fn label(self) -> Localized {
        match self {
            Verdict::Pass => Localized::new("passée", "passed"),
            Verdict::Flag => Localized::new("signalée", "flagged"),
        }
    }
}

/// Whether the invitation went with a note.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Noted {
    With,
    /// Imported: counted in an import's ledger, never a draft.
    Without,
}

/// One group of one dimension.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    Template(Option<String>),
    Lang(Lang),
    Platform(Platform),
    Score(Band),
    Reason(ReasonGroup),
    Audience(Decision),
    Verdict(Verdict),
    VerdictReason(Verdict, ReasonGroup),
    Note(Noted),
}

impl Group {
    pub fn dimension(&self) -> Dimension {
        match self {
            Group::Template(_) => Dimension::Template,
            Group::Lang(_) => Dimension::Lang,
            Group::Platform(_) => Dimension::Platform,
            Group::Score(_) => Dimension::Score,
            Group::Reason(_) => Dimension::Reason,
            Group::Audience(_) => Dimension::Audience,
            Group::Verdict(_) => Dimension::Verdict,
            Group::VerdictReason(..) => Dimension::VerdictReason,
            Group::Note(_) => Dimension::Note,
        }
    }

    /// Its stable name, for JSON and CSV: `fr/evenement` (`""` for no
    /// template), `fr`, `linkedin`, `60-79`, `event`, `in`.
    pub fn key(&self) -> String {
        match self {
            Group::Template(t) => t.clone().unwrap_or_default(),
            Group::Lang(l) => l.code().to_string(),
            Group::Platform(p) => p.name().to_string(),
            Group::Score(Band::Low) => "0-59".into(),
            Group::Score(Band::Mid) => "60-79".into(),
            Group::Score(Band::High) => "80-100".into(),
            Group::Reason(r) => reason_key(*r).into(),
            Group::Verdict(v) => v.key().into(),
            Group::VerdictReason(v, r) => format!("{}/{}", v.key(), reason_key(*r)),
            Group::Note(Noted::With) => "with-note".into(),
            Group::Note(Noted::Without) => "without-note".into(),
            Group::Audience(d) => d.name().into(),
        }
    }

    /// What a person reads: « une rencontre », "60–79", "(no template)".
    pub fn label(&self) -> Localized {
        let same = |s: &str| Localized::new(s, s);
        match self {
            Group::Template(Some(t)) => same(t),
            Group::Template(None) => Localized::new("(sans modèle)", "(no template)"),
            Group::Lang(Lang::Fr) => Localized::new("français", "French"),
            Group::Lang(Lang::En) => Localized::new("anglais", "English"),
            Group::Platform(Platform::Linkedin) => same("LinkedIn"),
            Group::Platform(Platform::Viadeo) => same("Viadeo"),
            Group::Score(Band::Low) => Localized::new("moins de 60", "below 60"),
            Group::Score(Band::Mid) => same("60–79"),
            Group::Score(Band::High) => same("80–100"),
            Group::Reason(r) => reason_label(*r),
            Group::Verdict(v) => v.label(),
            Group::VerdictReason(v, r) => {
                let (v, r) = (v.label(), reason_label(*r));
                Localized::new(
                    format!("{} · {}", v.fr, r.fr),
                    format!("{} · {}", v.en, r.en),
                )
            }
            Group::Note(Noted::With) => Localized::new("avec une note", "with a note"),
            Group::Note(Noted::Without) => Localized::new("sans note", "without a note"),
            Group::Audience(Decision::In) => Localized::new("dans la cible", "in"),
            Group::Audience(Decision::Out) => Localized::new("hors cible", "out"),
            Group::Audience(Decision::Unknown) => Localized::new("indécis", "unknown"),
        }
    }
}

fn reason_key(r: ReasonGroup) -> &'static str {
    match r {
        ReasonGroup::Kind(k) => k.name(),
        ReasonGroup::List => "word-list",
        ReasonGroup::Thin => "thin",
        ReasonGroup::None => "none",
    }
}

fn reason_label(r: ReasonGroup) -> Localized {
    match r {
        ReasonGroup::Kind(k) => {
            let l = k.label();
            Localized::new(l.fr, l.en)
        }
        ReasonGroup::List => Localized::new("votre liste", "your word list"),
        ReasonGroup::Thin => Localized::new("raison mince", "thin reason"),
        ReasonGroup::None => Localized::new("aucune raison", "no reason"),
    }
}

impl Group {
    /// [`Group::label`] in `lang`; a template's name as it is written (no
    /// French typography in a name).
    pub fn label_in(&self, lang: Lang) -> String {
        match self {
            Group::Template(Some(t)) => t.clone(),
            _ => self.label().get(lang).into_owned(),
        }
    }
}

/// One invitation, as the figures see it.
#[derive(Debug, Clone, PartialEq)]
pub struct Invitation {
    pub outcome: Outcome,
    /// Days from `sent_at` to `accepted_at`, when both are there.
    pub days_to_accept: Option<i32>,
    /// Its group in each [`Dimension`], in their order (an invitation
    /// without a note: only [`Group::Note`]).
    pub groups: Vec<Group>,
}

/// Counts of a set of invitations.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub sent: usize,
    pub accepted: usize,
    pub declined: usize,
    /// Marked ignored, and left unanswered past the delay.
    pub ignored: usize,
    /// Of the ignored: left `sent` past the delay.
    pub unanswered: usize,
    pub pending: usize,
    /// Days to accept, sorted once counted ([`Figures::median_days`]).
    days: Vec<i32>,
}

impl Figures {
    fn add(&mut self, inv: &Invitation) {
        self.sent += 1;
        match inv.outcome {
            Outcome::Accepted => self.accepted += 1,
            Outcome::Declined => self.declined += 1,
            Outcome::Ignored => self.ignored += 1,
            Outcome::Unanswered => {
                self.ignored += 1;
                self.unanswered += 1;
            }
            Outcome::Pending => self.pending += 1,
        }
        self.days.extend(inv.days_to_accept);
    }

    /// Accepted, declined or ignored: the invitations the rate is over.
    pub fn answered(&self) -> usize {
        self.accepted + self.declined + self.ignored
    }

    /// Accepted ÷ answered, `None` when nothing is answered yet.
    pub fn rate(&self) -> Option<f64> {
        let n = self.answered();
        (n > 0).then(|| self.accepted as f64 / n as f64)
    }

    /// The median number of days to accept.
    pub fn median_days(&self) -> Option<f64> {
        let d = &self.days;
        let mid = d.len() / 2;
        match d.len() {
            0 => None,
            n if n % 2 == 1 => Some(f64::from(d[mid])),
            _ => Some((f64::from(d[mid - 1]) + f64::from(d[mid])) / 2.0),
        }
    }

    /// How many accepted invitations the median is over.
    pub fn timed(&self) -> usize {
        self.days.len()
    }

    /// Too few answered invitations for the rate to mean anything.
    pub fn too_small(&self) -> bool {
        self.answered() < TOO_FEW
    }
}

/// A file left out of the figures, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    pub path: String,
    /// Line and column, where the error has a place.
    pub at: Option<(usize, usize)>,
    pub message: Localized,
}

/// Everything `poignee stats` shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    pub overall: Figures,
    /// Each dimension's groups, in the order of [`Dimension`]'s variants, the largest
    /// first where the groups have no order of their own.
    pub groups: Vec<(Group, Figures)>,
    /// Drafts read.
    pub drafts: usize,
    /// Of them, not sent (drafts, approved notes, plain notes).
    pub not_sent: usize,
    /// Of them, sent before `since` (or on no known day).
    pub before: usize,
    pub skipped: Vec<Skipped>,
}

impl Stats {
    /// The groups of one dimension.
    pub fn of(&self, dimension: Dimension) -> impl Iterator<Item = &(Group, Figures)> {
        self.groups
            .iter()
            .filter(move |(g, _)| g.dimension() == dimension)
    }
}

/// What the figures are taken over.
#[derive(Debug, Clone, Copy)]
pub struct Window {
    /// The day the figures are for: an invitation sent more than
    /// `ignored_after_days` before it without an answer is ignored.
    pub today: Date,
    /// Only invitations sent on this day or after.
    pub since: Option<Date>,
    pub ignored_after_days: u32,
}

/// What one file is to the figures.
enum Read {
    Invitation(Box<Invitation>),
    /// Sent without a note (an import's ledger).
    NoNote(Invitation),
    NotSent,
    Before,
    Skipped(Skipped),
}

/// The figures over the drafts under `paths` (files, and folders walked for
/// `.txt` and `.md` as `check` walks them), read and linted on every core.
pub fn collect(paths: &[PathBuf], linter: &Linter, options: &Options, window: Window) -> Stats {
    // The kind of reason is read from `reason-found`: on even when the
    // config turns it off (it is an `info`, and weighs nothing in the score).
    let mut linter = linter.clone();
    if linter.severity(RuleId::ReasonFound).is_none() {
        linter.set_level(RuleId::ReasonFound, Level::Info);
    }
    let all: Vec<Input> = inputs(paths).collect();
    let mut read: Vec<Read> = all
        .into_par_iter()
        .map(|input| read_one(input, &linter, options, &window))
        .collect();
    for dir in paths.iter().filter(|p| p.is_dir()) {
        read.extend(no_notes(dir, &window));
    }
    let mut stats = Stats::default();
    let mut groups: HashMap<Group, Figures> = HashMap::new();
    for r in read {
        match r {
            Read::Invitation(inv) => {
                stats.drafts += 1;
                stats.overall.add(&inv);
                for g in &inv.groups {
                    groups.entry(g.clone()).or_default().add(&inv);
                }
            }
            Read::NoNote(inv) => {
                for g in &inv.groups {
                    groups.entry(g.clone()).or_default().add(&inv);
                }
            }
            Read::NotSent => {
                stats.drafts += 1;
                stats.not_sent += 1;
            }
            Read::Before => {
                stats.drafts += 1;
                stats.before += 1;
            }
            Read::Skipped(s) => stats.skipped.push(s),
        }
    }
    stats.overall.days.sort_unstable();
    let mut groups: Vec<(Group, Figures)> = groups
        .into_iter()
        .map(|(g, mut f)| {
            f.days.sort_unstable();
            (g, f)
        })
        .collect();
    // Templates and reasons by size; the others in their own order.
    groups.sort_by(|(a, fa), (b, fb)| {
        let by_size = matches!(a.dimension(), Dimension::Template | Dimension::Reason);
        // The verdicts apart, then each verdict's reasons by size.
        let verdicts = match (a, b) {
            (Group::VerdictReason(va, _), Group::VerdictReason(vb, _)) => va.cmp(vb),
            _ => std::cmp::Ordering::Equal,
        };
        a.dimension()
            .cmp(&b.dimension())
            .then(verdicts)
            .then_with(|| {
                if by_size || a.dimension() == Dimension::VerdictReason {
                    fb.sent.cmp(&fa.sent)
                } else {
                    std::cmp::Ordering::Equal
                }
            })
            .then_with(|| no_template(a).cmp(&no_template(b)))
            .then_with(|| a.cmp(b))
    });
    stats.groups = groups;
    stats
}

/// The notes written without a template: after the templates of their size.
fn no_template(g: &Group) -> bool {
    *g == Group::Template(None)
}

/// The invitations an import counted without a note, in `dir`'s ledger;
/// a ledger that does not read is said, as a file that does not.
fn no_notes(dir: &std::path::Path, window: &Window) -> Vec<Read> {
    let ledger = match crate::import::ledger::Ledger::read(dir) {
        Ok(l) => l,
        Err(message) => {
            let path = dir
                .join(crate::import::ledger::LEDGER)
                .display()
                .to_string();
            return vec![Read::Skipped(Skipped {
                path,
                at: None,
                message,
            })];
        }
    };
    ledger
        .no_notes()
        .filter_map(|e| {
            if window.since.is_some_and(|s| e.sent_on < s) || e.sent_on > window.today {
                return None;
            }
            let outcome = match (e.status, e.accepted_on) {
                (Status::Accepted, _) => Outcome::Accepted,
                _ => waiting(e.sent_on, window),
            };
            let days_to_accept = e
                .accepted_on
                .and_then(|a| e.sent_on.until(a).ok())
                .map(|s| s.get_days())
                .filter(|&n| n >= 0);
            Some(Read::NoNote(Invitation {
                outcome,
                days_to_accept,
                groups: vec![Group::Note(Noted::Without)],
            }))
        })
        .collect()
}

/// An invitation still `sent`: pending, or ignored past the delay.
fn waiting(on: Date, window: &Window) -> Outcome {
    match on.until(window.today).ok().map(|s| s.get_days()) {
        Some(n) if n > i32::try_from(window.ignored_after_days).unwrap_or(i32::MAX) => {
            Outcome::Unanswered
        }
        _ => Outcome::Pending,
    }
}

fn read_one(input: Input, linter: &Linter, options: &Options, window: &Window) -> Read {
    let skipped = |path: String, at: Option<(usize, usize)>, message: Localized| {
        Read::Skipped(Skipped { path, at, message })
    };
    let (path, bytes) = match input {
        Input::File(p) => {
            let shown = p.display().to_string();
            match input::read_bytes(&p, input::MAX_BYTES) {
                Ok(b) => (shown, b),
                Err(e) => return skipped(shown, None, e.message()),
            }
        }
        Input::Stdin(b) => ("<stdin>".to_string(), b),
        Input::Unreadable { path, error } => return skipped(path, None, error.message()),
        Input::Unwalkable { path, error } => return skipped(path, None, error.message()),
        Input::Loop { path, back } => {
            return skipped(
                path,
                None,
                Localized::new(
                    format!("boucle de liens symboliques (retour à {back})"),
                    format!("symbolic link loop (back to {back})"),
                ),
            );
        }
    };
    let source = match input::decode(bytes) {
        Ok(s) => s,
        Err(e) => {
            let at = match e {
                input::DecodeError::NotUtf8 { line, column } => Some((line, column)),
                _ => None,
            };
            return skipped(path, at, e.message());
        }
    };
    let draft = match Draft::parse(&source) {
        Ok(d) => d,
        Err(at) => {
            let message = at.message();
            return skipped(path, Some((at.line, at.column)), message);
        }
    };
    // An outcome that cannot have happened is not counted, silently or not.
    if let Some(at) = crate::outcome::impossible(&source, &draft, window.today) {
        let message = at.message();
        return skipped(path, Some((at.line, at.column)), message);
    }
    match invitation(&draft, linter, options, window) {
        Some(Ok(inv)) => Read::Invitation(Box::new(inv)),
        Some(Err(())) => Read::Before,
        None => Read::NotSent,
    }
}

/// `draft` as an invitation: `None` if it was not sent, `Err` if it was
/// sent before the window.
pub fn invitation(
    draft: &Draft,
    linter: &Linter,
    options: &Options,
    window: &Window,
) -> Option<Result<Invitation, ()>> {
    let f = &draft.front;
    let status = f.status.filter(|s| s.is_sent())?;
    let sent = f.sent_at.as_ref().and_then(day);
    let on = sent.or_else(|| f.approved_at.as_ref().and_then(day));
    if let Some(since) = window.since {
        if on.is_none_or(|d| d < since) {
            return Some(Err(()));
        }
    }
    let days = |from: Date, to: Date| from.until(to).ok().map(|s| s.get_days());
    let outcome = match status {
        Status::Accepted => Outcome::Accepted,
        Status::Declined => Outcome::Declined,
        Status::Ignored => Outcome::Ignored,
        _ => match on.and_then(|d| days(d, window.today)) {
            Some(n) if n > i32::try_from(window.ignored_after_days).unwrap_or(i32::MAX) => {
                Outcome::Unanswered
            }
            _ => Outcome::Pending,
        },
    };
    let accepted = f.accepted_at.as_ref().and_then(day);
    let days_to_accept = match (outcome, sent, accepted) {
        (Outcome::Accepted, Some(s), Some(a)) => days(s, a).filter(|&n| n >= 0),
        _ => None,
    };
    let (platform, tier) = options.platform_tier(draft);
    let cx = Context {
        platform,
        tier,
        lang: f.lang,
        target: f.target.as_ref(),
        allow: &f.allow,
    };
    let report = linter.lint(&draft.body, &cx);
    let found = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == RuleId::ReasonFound)
        .filter_map(|d| d.reason);
    let mut reason = ReasonGroup::None;
    for r in found {
        if !r.clue {
            reason = r.kind.map_or(ReasonGroup::List, ReasonGroup::Kind);
            break;
        }
        reason = ReasonGroup::Thin;
    }
    let audience = linter.audience.verdict(f.target.as_ref()).decision;
    // Flagged: poignee asks for a change to the note (an error or a
    // warning), as the judgement is measured; who the note goes to
    // (`audience`) is not the note's fault.
    let flagged = report
        .diagnostics
        .iter()
        .any(|d| d.severity >= crate::diagnostic::Severity::Warning && d.rule != RuleId::Audience);
    let verdict = if flagged {
        Verdict::Flag
    } else {
        Verdict::Pass
    };
    Some(Ok(Invitation {
        outcome,
        days_to_accept,
        groups: vec![
            Group::Template(f.template.clone().filter(|t| !t.trim().is_empty())),
            Group::Lang(f.lang.unwrap_or(report.lang)),
            Group::Platform(platform),
            Group::Score(Band::of(report.score.value)),
            Group::Reason(reason),
            Group::Audience(audience),
            Group::Verdict(verdict),
            Group::VerdictReason(verdict, reason),
            Group::Note(Noted::With),
        ],
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window() -> Window {
        Window {
            today: "2026-11-25".parse().expect("parses"),
            since: None,
            ignored_after_days: 30,
        }
    }

    fn inv(front: &str, body: &str) -> Option<Result<Invitation, ()>> {
        let draft = Draft::parse(&format!("+++\n{front}\n+++\n{body}")).expect("the draft parses");
        invitation(&draft, &Linter::default(), &Options::default(), &window())
    }

    const MET: &str = "Bonjour Claire, nous avons échangé au salon VivaTech sur la logistique urbaine. Ravie de poursuivre, merci !";

    #[test]
    fn what_counts_and_how() {
        assert!(inv("status = \"approved\"", MET).is_none());
        assert!(inv("", MET).is_none());
        let accepted = inv(
            "status = \"accepted\"\nlang = \"fr\"\ntemplate = \"fr/evenement\"\nsent_at = 2026-11-10\naccepted_at = 2026-11-13",
            MET,
        );
        let accepted = accepted.and_then(Result::ok).expect("an invitation");
        assert_eq!(accepted.outcome, Outcome::Accepted);
        assert_eq!(accepted.days_to_accept, Some(3));
        assert_eq!(
            accepted.groups[0],
            Group::Template(Some("fr/evenement".into()))
        );
        assert_eq!(accepted.groups[3], Group::Score(Band::High));
        assert_eq!(
            accepted.groups[4],
            Group::Reason(ReasonGroup::Kind(CueKind::Event))
        );
        assert_eq!(accepted.groups[5], Group::Audience(Decision::In));
        assert_eq!(accepted.groups[6], Group::Verdict(Verdict::Pass));
        assert_eq!(
            accepted.groups[7],
            Group::VerdictReason(Verdict::Pass, ReasonGroup::Kind(CueKind::Event))
        );
        assert_eq!(accepted.groups[8], Group::Note(Noted::With));
        assert_eq!(accepted.groups[7].key(), "pass/event");
        // Left `sent`: pending for 30 days, then ignored.
        let at = |d: &str| {
            inv(&format!("status = \"sent\"\nsent_at = {d}"), MET)
                .and_then(Result::ok)
                .map(|i| i.outcome)
        };
        assert_eq!(at("2026-10-26"), Some(Outcome::Pending), "30 days");
        assert_eq!(at("2026-10-25"), Some(Outcome::Unanswered), "31 days");
        // No sending date: the approval's.
        let approved = inv("status = \"sent\"\napproved_at = 2026-10-01T10:00:00Z", MET);
        assert_eq!(
            approved.and_then(Result::ok).map(|i| i.outcome),
            Some(Outcome::Unanswered)
        );
        let pitch = inv(
            "status = \"declined\"\nsent_at = 2026-11-10",
            "Bonjour, découvrez notre offre gratuite : une démo de 30 minutes ?",
        );
        let pitch = pitch.and_then(Result::ok).expect("an invitation");
        assert_eq!(pitch.groups[3], Group::Score(Band::Low));
        assert_eq!(pitch.groups[4], Group::Reason(ReasonGroup::None));
        assert_eq!(pitch.groups[0], Group::Template(None));
        assert_eq!(pitch.groups[6], Group::Verdict(Verdict::Flag));
        assert_eq!(
            pitch.groups[7].label().en,
            "flagged · no reason",
            "the verdict with the kind of reason"
        );
    }

    #[test]
    fn figures_rate_and_median() {
        let mut f = Figures::default();
        let mk = |outcome, days| Invitation {
            outcome,
            days_to_accept: days,
            groups: vec![Group::Template(None)],
        };
        for (o, d) in [
            (Outcome::Accepted, Some(1)),
            (Outcome::Accepted, Some(4)),
            (Outcome::Accepted, None),
            (Outcome::Declined, None),
            (Outcome::Unanswered, None),
            (Outcome::Pending, None),
        ] {
            f.add(&mk(o, d));
        }
        f.days.sort_unstable();
        assert_eq!(
            (f.sent, f.answered(), f.ignored, f.unanswered),
            (6, 5, 1, 1)
        );
        assert_eq!(f.rate(), Some(0.6));
        assert_eq!(f.median_days(), Some(2.5));
        assert!(f.too_small());
        assert_eq!(Figures::default().rate(), None);
    }
}
