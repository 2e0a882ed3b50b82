//! What became of a note once it left poignee, kept in its front matter:
//! `sent` (with `sent_at`), then `accepted`, `ignored` or `declined` (with
//! `accepted_at`, `ignored_at` or `declined_at`). [`plan`] is the state
//! machine: which marks a note takes, which it refuses and what it warns
//! about. [`mark`] carries one out by editing only the front-matter lines
//! that change, so that the rest of the file — comments, key order, line
//! ends, a BOM, the note itself — stays byte for byte as the user left it.
//!
//! The rules, as a demanding user expects them:
//! - `sent` is taken from any state. On a note never approved (a draft, a
//!   plain text) it is recorded with a warning: poignee sends nothing, the
//!   user did, and the figures must say so — but the note skipped approval.
//! - `sent` on an answered note withdraws the answer (a slip undone): the
//!   answer's date goes, the sending date stays.
//! - An answer needs a note that went out: on a draft or an approved note it
//!   is refused, with the command that marks it sent first. An answer with
//!   no sending date would make the time to accept and the pace guesses.
//! - Another answer replaces the one there (its date goes), with a warning
//!   that says what it was.
//! - Marking what is already there changes nothing, unless `--date` gives
//!   another date.
//! - An answer dated before the note was sent is refused; a note sent before
//!   it was approved is only warned about (it may have been sent from the
//!   platform first). A date in the future, or before LinkedIn existed
//!   ([`FIRST_DAY`]), is refused ([`check_date`]).
//! - An answer to a note marked sent with no date is refused: mark it sent
//!   with its date first.
//!
//! What a file says happened is checked the same way ([`impossible()`]): a
//! date in the future or before [`FIRST_DAY`], an answer before its
//! sending, an answer or `sent` without `sent_at` are errors of `check`,
//! with their line and column, and `stats` leaves such a file out.
//!
//! Here: the marks, the state machine and what it says; `impossible.rs`
//! the dates and outcomes that cannot be, `edit.rs` the line-by-line edit
//! of the front matter, `file.rs` marking a note's text or its file.

mod edit;
mod file;
mod impossible;

pub use file::{MarkError, Marked, mark, mark_file};
pub use impossible::{FIRST_DAY, check_date, impossible};

use crate::draft::{FrontMatter, Status};
use crate::lang::{Localize, Localized};
use jiff::civil::Date;
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;
use toml::value::Datetime;

/// What `poignee mark` records, named as the status it sets.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString, strum::VariantNames,
)]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Mark {
    Sent,
    Accepted,
    Ignored,
    Declined,
}

impl Mark {
    /// Every mark, by value (`for how in Mark::ALL`).
    pub const ALL: [Mark; 4] = [Mark::Sent, Mark::Accepted, Mark::Ignored, Mark::Declined];

    pub fn name(self) -> &'static str {
        self.into()
    }

    /// A mark as typed: its name, in any case.
    pub fn parse(s: &str) -> Option<Mark> {
        s.trim().parse().ok()
    }

    pub fn status(self) -> Status {
        match self {
            Mark::Sent => Status::Sent,
            Mark::Accepted => Status::Accepted,
            Mark::Ignored => Status::Ignored,
            Mark::Declined => Status::Declined,
        }
    }

    /// The front-matter key of its date.
    pub fn key(self) -> &'static str {
        match self {
            Mark::Sent => "sent_at",
            Mark::Accepted => "accepted_at",
            Mark::Ignored => "ignored_at",
            Mark::Declined => "declined_at",
        }
    }

    fn of(status: Status) -> Option<Mark> {
        Mark::ALL.into_iter().find(|m| m.status() == status)
    }
}

/// The answers, which exclude one another.
const ANSWERS: [Mark; 3] = [Mark::Accepted, Mark::Ignored, Mark::Declined];

/// The date field of `key` in a front matter.
fn field(front: &mut FrontMatter, mark: Mark) -> &mut Option<Datetime> {
    match mark {
        Mark::Sent => &mut front.sent_at,
        Mark::Accepted => &mut front.accepted_at,
        Mark::Ignored => &mut front.ignored_at,
        Mark::Declined => &mut front.declined_at,
    }
}

fn field_of(front: &FrontMatter, mark: Mark) -> Option<&Datetime> {
    match mark {
        Mark::Sent => front.sent_at.as_ref(),
        Mark::Accepted => front.accepted_at.as_ref(),
        Mark::Ignored => front.ignored_at.as_ref(),
        Mark::Declined => front.declined_at.as_ref(),
    }
}

/// The day of a TOML date or date-time, as written (its offset, if any,
/// is the day the user saw).
pub fn day(dt: &Datetime) -> Option<Date> {
    let d = dt.date?;
    Date::new(
        i16::try_from(d.year).ok()?,
        i8::try_from(d.month).ok()?,
        i8::try_from(d.day).ok()?,
    )
    .ok()
}

/// A day as a TOML date, for the file.
fn toml_date(date: Date) -> Option<Datetime> {
    date.to_string().parse().ok()
}

/// What marking does, decided before any text is touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    pub from: Option<Status>,
    pub to: Status,
    /// The date written, `None` when the one there stays.
    pub date: Option<Date>,
    /// The date the mark stands on after: the one written, else the one there.
    pub on: Option<Date>,
    /// The date keys taken out: a former answer's.
    pub remove: Vec<Mark>,
    pub warnings: Vec<Warning>,
}

impl Plan {
    /// Nothing to write: the note is so already, on that date.
    pub fn unchanged(&self) -> bool {
        self.from == Some(self.to) && self.date.is_none() && self.remove.is_empty()
    }
}

/// What is recorded, but said.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Marked sent without having been approved in poignee.
    NeverApproved,
    /// Sent on a day before the one it was approved.
    SentBeforeApproval { approved: Date },
    /// `sent` again on an answered note: the answer is taken back.
    AnswerWithdrawn { was: Status, on: Option<Date> },
    /// Another answer replaces this one.
    Replaced { was: Status, on: Option<Date> },
}

/// A mark the note cannot take; nothing is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// An answer to a note that was never sent.
    NeverSent { status: Option<Status> },
    /// An answer dated before the note was sent.
    AnswerBeforeSent { sent: Date, date: Date },
    /// An answer to a note marked sent without its day (`sent_at`).
    SentUndated,
    /// A template is not an invitation.
    Template,
}

fn on_fr(on: Option<Date>) -> String {
    on.map(|d| format!(" le {d}")).unwrap_or_default()
}

fn on_en(on: Option<Date>) -> String {
    on.map(|d| format!(" on {d}")).unwrap_or_default()
}

impl Localize for Warning {
    fn message(&self) -> Localized {
        match self {
            Warning::NeverApproved => Localized::new(
                "jamais approuvée dans poignee : notée envoyée quand même, mais elle n’a pas passé l’approbation",
                "never approved in poignee: recorded as sent all the same, but it skipped approval",
            ),
            Warning::SentBeforeApproval { approved } => Localized::new(
                format!("envoyée avant d’être approuvée (le {approved}) : vérifiez la date"),
                format!("sent before it was approved (on {approved}): check the date"),
            ),
            Warning::AnswerWithdrawn { was, on } => Localized::new(
                format!(
                    "la réponse « {} »{} est retirée : l’invitation attend de nouveau",
                    was.word().fr,
                    on_fr(*on)
                ),
                format!(
                    "the answer “{}”{} is withdrawn: the invitation is waiting again",
                    was.word().en,
                    on_en(*on)
                ),
            ),
            Warning::Replaced { was, on } => Localized::new(
                format!("remplace « {} »{}", was.word().fr, on_fr(*on)),
                format!("replaces “{}”{}", was.word().en, on_en(*on)),
            ),
        }
    }
}

impl Refusal {
    /// In both languages, naming `mark`, the one refused (as [`MarkError`]).
    pub fn message(&self, mark: Mark) -> Localized {
        match self {
            Refusal::NeverSent { status } => {
                let (fr, en) = match status {
                    Some(s) => (format!("« {} »", s.word().fr), format!("“{}”", s.word().en)),
                    None => ("sans statut".to_string(), "without a status".to_string()),
                };
                Localized::new(
                    format!(
                        "cette invitation n’a jamais été notée envoyée ({fr}) : marquez-la d’abord, `poignee mark FICHIER sent --date AAAA-MM-JJ`, puis `{}`",
                        mark.name()
                    ),
                    format!(
                        "this invitation was never marked sent ({en}): mark it first, `poignee mark FILE sent --date YYYY-MM-DD`, then `{}`",
                        mark.name()
                    ),
                )
            }
            Refusal::AnswerBeforeSent { sent, date } => Localized::new(
                format!(
                    "une réponse le {date} à une invitation envoyée le {sent} : la réponse ne peut pas précéder l’envoi"
                ),
                format!(
                    "an answer on {date} to an invitation sent on {sent}: the answer cannot come before it was sent"
                ),
            ),
            Refusal::SentUndated => Localized::new(
                format!(
                    "cette invitation est notée envoyée sans date (`sent_at`) : donnez-lui d’abord son jour, `poignee mark FICHIER sent --date AAAA-MM-JJ`, puis `{}`",
                    mark.name()
                ),
                format!(
                    "this invitation is marked sent without a date (`sent_at`): give it its day first, `poignee mark FILE sent --date YYYY-MM-DD`, then `{}`",
                    mark.name()
                ),
            ),
            Refusal::Template => Localized::new(
                "c’est un modèle, pas une invitation : marquez les brouillons faits à partir de lui",
                "this is a template, not an invitation: mark the drafts made from it",
            ),
        }
    }
}

/// The state machine: what marking a note with `front` as `mark` on `date`
/// does (`explicit`: the date was given, not today's by default).
pub fn plan(front: &FrontMatter, mark: Mark, date: Date, explicit: bool) -> Result<Plan, Refusal> {
    if front.name.is_some() || !front.placeholders.is_empty() {
        return Err(Refusal::Template);
    }
    let from = front.status;
    let sent = front.sent_at.as_ref().and_then(day);
    let answer_of = |s: Status| Mark::of(s).and_then(|m| field_of(front, m)).and_then(day);
    let mut warnings = Vec::new();
    let present = |m: Mark| field_of(front, m).is_some();
    match mark {
        Mark::Sent => {
            match from {
                None | Some(Status::Draft) => warnings.push(Warning::NeverApproved),
                Some(s) if s.is_sent() && s != Status::Sent => {
                    warnings.push(Warning::AnswerWithdrawn {
                        was: s,
                        on: answer_of(s),
                    });
                }
                _ => {}
            }
            let written = (explicit || sent.is_none()).then_some(date);
            let written = written.filter(|d| Some(*d) != sent || from != Some(Status::Sent));
            let on = written.or(sent);
            let approved = front.approved_at.as_ref().and_then(day);
            if let (Some(on), Some(approved)) = (on, approved) {
                if on < approved {
                    warnings.push(Warning::SentBeforeApproval { approved });
                }
            }
            let remove = ANSWERS.into_iter().filter(|&m| present(m)).collect();
            // A same-date `sent` already there rewrites nothing.
            let written = written.filter(|d| Some(*d) != sent);
            Ok(Plan {
                from,
                to: Status::Sent,
                date: written,
                on,
                remove,
                warnings,
            })
        }
        answer => {
            if !from.is_some_and(Status::is_sent) {
                return Err(Refusal::NeverSent { status: from });
            }
            // An answer with no sending day: what `check` calls impossible.
            if sent.is_none() {
                return Err(Refusal::SentUndated);
            }
            let existing = field_of(front, answer).and_then(day);
            let same = from == Some(answer.status());
            let written = if same && existing.is_some() && !explicit {
                None
            } else {
                Some(date).filter(|d| !(same && Some(*d) == existing))
            };
            let on = written.or(existing);
            if let (Some(d), Some(sent)) = (written, sent) {
                if d < sent {
                    return Err(Refusal::AnswerBeforeSent { sent, date: d });
                }
            }
            if let Some(was) = from.filter(|s| *s != Status::Sent && *s != answer.status()) {
                warnings.push(Warning::Replaced {
                    was,
                    on: answer_of(was),
                });
            }
            let remove = ANSWERS
                .into_iter()
                .filter(|&m| m != answer && present(m))
                .collect();
            Ok(Plan {
                from,
                to: answer.status(),
                date: written,
                on,
                remove,
                warnings,
            })
        }
    }
}

/// Where the values of the keys `mark` edits are, in the TOML text.
#[derive(Deserialize)]
struct Places {
    status: Option<Spanned<toml::Value>>,
    sent_at: Option<Spanned<toml::Value>>,
    accepted_at: Option<Spanned<toml::Value>>,
    ignored_at: Option<Spanned<toml::Value>>,
    declined_at: Option<Spanned<toml::Value>>,
}

impl Places {
    fn of(&self, mark: Mark) -> Option<Range<usize>> {
        match mark {
            Mark::Sent => self.sent_at.as_ref(),
            Mark::Accepted => self.accepted_at.as_ref(),
            Mark::Ignored => self.ignored_at.as_ref(),
            Mark::Declined => self.declined_at.as_ref(),
        }
        .map(Spanned::span)
    }
}

#[cfg(test)]
mod tests {
    use super::edit::edit;
    use super::*;
    use crate::draft::Draft;

    /// `ALL` holds every mark in order, each named as the status it sets.
    #[test]
    fn all_is_every_mark() {
        use strum::VariantNames;
        assert_eq!(Mark::ALL.map(Mark::name).as_slice(), Mark::VARIANTS);
        for m in Mark::ALL {
            assert_eq!(m.name(), m.status().name());
            assert_eq!(
                Mark::parse(&format!(" {} ", m.name().to_uppercase())),
                Some(m)
            );
        }
    }

    fn d(s: &str) -> Date {
        s.parse().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn front(text: &str) -> FrontMatter {
        Draft::parse(text)
            .map(|d| d.front)
            .expect("the draft parses")
    }

    const APPROVED: &str =
        "+++\nstatus = \"approved\"\napproved_at = 2026-11-20T10:00:00Z\n+++\nBonjour Claire.\n";

    #[test]
    fn the_state_machine() {
        let today = d("2026-11-25");
        // draft → sent: recorded, with a warning.
        let p = plan(
            &front("+++\nstatus = \"draft\"\n+++\nx"),
            Mark::Sent,
            today,
            false,
        );
        let p = p.expect("allowed");
        assert_eq!((p.to, p.date), (Status::Sent, Some(today)));
        assert_eq!(p.warnings, [Warning::NeverApproved]);
        // A plain note too.
        let p = plan(&FrontMatter::default(), Mark::Sent, today, false).expect("allowed");
        assert_eq!(p.warnings, [Warning::NeverApproved]);
        // approved → sent: no warning; sent before approval: a warning.
        let p = plan(&front(APPROVED), Mark::Sent, today, false).expect("allowed");
        assert!(p.warnings.is_empty() && !p.unchanged());
        let p = plan(&front(APPROVED), Mark::Sent, d("2026-11-19"), true).expect("allowed");
        assert_eq!(
            p.warnings,
            [Warning::SentBeforeApproval {
                approved: d("2026-11-20")
            }]
        );
        // An answer to a note never sent is refused.
        for m in ANSWERS {
            assert_eq!(
                plan(&front(APPROVED), m, today, false),
                Err(Refusal::NeverSent {
                    status: Some(Status::Approved)
                })
            );
            assert_eq!(
                plan(&FrontMatter::default(), m, today, false),
                Err(Refusal::NeverSent { status: None })
            );
        }
        let sent = front("+++\nstatus = \"sent\"\nsent_at = 2026-11-21\n+++\nx");
        // sent again: unchanged without a date, a new date with one.
        assert!(
            plan(&sent, Mark::Sent, today, false)
                .expect("ok")
                .unchanged()
        );
        assert!(
            plan(&sent, Mark::Sent, d("2026-11-21"), true)
                .expect("ok")
                .unchanged()
        );
        let p = plan(&sent, Mark::Sent, d("2026-11-22"), true).expect("ok");
        assert_eq!(p.date, Some(d("2026-11-22")));
        // sent → accepted; not before it was sent.
        let p = plan(&sent, Mark::Accepted, today, false).expect("ok");
        assert_eq!(
            (p.to, p.date, p.on),
            (Status::Accepted, Some(today), Some(today))
        );
        assert_eq!(
            plan(&sent, Mark::Declined, d("2026-11-20"), true),
            Err(Refusal::AnswerBeforeSent {
                sent: d("2026-11-21"),
                date: d("2026-11-20")
            })
        );
        // The same day is fine.
        assert!(plan(&sent, Mark::Accepted, d("2026-11-21"), true).is_ok());
        let accepted = front(
            "+++\nstatus = \"accepted\"\nsent_at = 2026-11-21\naccepted_at = 2026-11-23\n+++\nx",
        );
        // The same answer again: unchanged, unless another date is given.
        assert!(
            plan(&accepted, Mark::Accepted, today, false)
                .expect("ok")
                .unchanged()
        );
        let p = plan(&accepted, Mark::Accepted, today, true).expect("ok");
        assert_eq!((p.date, p.on), (Some(today), Some(today)));
        // Another answer replaces it, and says so.
        let p = plan(&accepted, Mark::Declined, today, false).expect("ok");
        assert_eq!(p.remove, [Mark::Accepted]);
        assert_eq!(
            p.warnings,
            [Warning::Replaced {
                was: Status::Accepted,
                on: Some(d("2026-11-23"))
            }]
        );
        // sent on an answered note withdraws the answer, keeps the sending date.
        let p = plan(&accepted, Mark::Sent, today, false).expect("ok");
        assert_eq!(
            (p.to, p.date, p.on),
            (Status::Sent, None, Some(d("2026-11-21")))
        );
        assert_eq!(p.remove, [Mark::Accepted]);
        assert!(matches!(p.warnings[..], [Warning::AnswerWithdrawn { .. }]));
        // A hand-written `sent` with no date takes today's.
        let undated = front("+++\nstatus = \"sent\"\n+++\nx");
        assert_eq!(
            plan(&undated, Mark::Sent, today, false).expect("ok").date,
            Some(today)
        );
        // An answer to it: its sending day first (`check` would call the
        // answer impossible).
        assert_eq!(
            plan(&undated, Mark::Ignored, today, false),
            Err(Refusal::SentUndated)
        );
        // A template is not an invitation.
        let template = front("+++\nname = \"fr/evenement\"\n+++\nBonjour {{first_name}}");
        assert_eq!(
            plan(&template, Mark::Sent, today, false),
            Err(Refusal::Template)
        );
    }

    #[test]
    fn dates_from_the_command_line() {
        let today = d("2026-11-25");
        assert_eq!(check_date("2026-11-24", today), Ok(d("2026-11-24")));
        assert_eq!(check_date(" 2026-11-25 ", today), Ok(today));
        let e = check_date("2026-11-26", today).expect_err("future");
        assert!(e.en.contains("in the future"), "{e:?}");
        let e = check_date("24/11/2026", today).expect_err("format");
        assert!(e.fr.contains("AAAA-MM-JJ"), "{e:?}");
        assert!(check_date("2026-02-30", today).is_err());
        // Before LinkedIn opened: refused, the first day taken.
        assert_eq!(check_date("2003-05-05", today), Ok(FIRST_DAY));
        let e = check_date("2003-05-04", today).expect_err("before LinkedIn");
        assert!(e.en.contains("before LinkedIn opened"), "{e:?}");
        assert!(check_date("0000-01-01", today).is_err());
    }

    #[test]
    fn outcomes_that_cannot_have_happened_are_placed() {
        let today = d("2026-11-25");
        let find = |text: &str| {
            let draft = Draft::parse(text).expect("the draft parses");
            impossible(text, &draft, today).map(|at| {
                (
                    at.line,
                    at.column,
                    at.key.unwrap_or_default(),
                    at.message.en,
                )
            })
        };
        let said = |text: &str, line: usize, column: usize, key: &str, part: &str| {
            let (l, c, k, m) = find(text).unwrap_or_else(|| panic!("nothing in {text}"));
            assert_eq!((l, c, k.as_str()), (line, column, key), "{m}");
            assert!(m.contains(part), "{m}");
        };
        said(
            "+++\nstatus = \"sent\"\nsent_at = 2026-11-26\n+++\nHi",
            3,
            11,
            "sent_at",
            "2026-11-26 is in the future",
        );
        said(
            "+++\nstatus = \"accepted\"\nsent_at = 2026-11-20\naccepted_at = 2026-11-19\n+++\nHi",
            4,
            15,
            "accepted_at",
            "cannot come before it was sent",
        );
        said(
            "+++\nstatus = \"accepted\"\naccepted_at = 2026-11-19\n+++\nHi",
            2,
            10,
            "status",
            "“accepted” without `sent_at`",
        );
        said(
            "+++\nlang = \"fr\"\nstatus = \"sent\"\n+++\nHi",
            3,
            10,
            "status",
            "“sent” without `sent_at`",
        );
        said(
            "+++\nstatus = \"sent\"\nsent_at = 0000-01-01\n+++\nHi",
            3,
            11,
            "sent_at",
            "before LinkedIn opened",
        );
        said(
            "+++\nstatus = \"ignored\"\nsent_at = 2026-11-01\nignored_at = 2026-12-01T10:00:00\n+++\nHi",
            4,
            14,
            "ignored_at",
            "in the future",
        );
        said(
            "+++\nstatus = \"sent\"\nsent_at = 10:00:00\n+++\nHi",
            3,
            11,
            "sent_at",
            "not a calendar day",
        );
        // What can have happened is not an error: today, the same day, a
        // draft, a plain note.
        for fine in [
            "+++\nstatus = \"accepted\"\nsent_at = 2026-11-20\naccepted_at = 2026-11-25\n+++\nHi",
            "+++\nstatus = \"declined\"\nsent_at = 2003-05-05\ndeclined_at = 2003-05-05\n+++\nHi",
            "+++\nstatus = \"approved\"\napproved_at = 2026-11-20T10:00:00Z\n+++\nHi",
            "Hi Claire",
        ] {
            assert_eq!(find(fine), None, "{fine}");
        }
    }

    fn marked(source: &str, m: Mark, date: &str) -> String {
        mark(source, m, d(date), true)
            .expect("marks the draft")
            .text
            .unwrap_or_else(|| panic!("unchanged"))
    }

    #[test]
    fn only_the_lines_that_change_are_touched() {
        // Comments, odd key order, a value after a table: all kept.
        let source = "+++\n# my notes\ntemplate = \"fr/evenement\"   # from the fair\nstatus = \"approved\" # checked twice\napproved_at = 2026-11-20T10:00:00Z\n\n[target]\nname = \"Claire Martin\"\n+++\nBonjour Claire,\n\nmerci !\n";
        let sent = marked(source, Mark::Sent, "2026-11-21");
        assert_eq!(
            sent,
            source.replace(
                "status = \"approved\" # checked twice\n",
                "status = \"sent\" # checked twice\nsent_at = 2026-11-21\n"
            )
        );
        let accepted = marked(&sent, Mark::Accepted, "2026-11-23");
        assert_eq!(
            accepted,
            sent.replace(
                "status = \"sent\" # checked twice\nsent_at = 2026-11-21\n",
                "status = \"accepted\" # checked twice\nsent_at = 2026-11-21\naccepted_at = 2026-11-23\n"
            )
        );
        // Another answer: the old one's line goes, the new one comes.
        let declined = marked(&accepted, Mark::Declined, "2026-11-24");
        assert_eq!(
            declined,
            accepted.replace(
                "status = \"accepted\" # checked twice\nsent_at = 2026-11-21\naccepted_at = 2026-11-23\n",
                "status = \"declined\" # checked twice\nsent_at = 2026-11-21\ndeclined_at = 2026-11-24\n"
            )
        );
        // A date already there is replaced in place, its comment kept.
        let moved = marked(
            "+++\nsent_at = 2026-11-01 # by phone\nstatus = \"sent\"\n+++\nHi",
            Mark::Sent,
            "2026-11-02",
        );
        assert_eq!(
            moved,
            "+++\nsent_at = 2026-11-02 # by phone\nstatus = \"sent\"\n+++\nHi"
        );
    }

    #[test]
    fn crlf_bom_plain_and_no_status() {
        let crlf = "+++\r\nlang = \"fr\"\r\nstatus = \"approved\"\r\n[target]\r\nname = \"Inès\"\r\n+++\r\nBonjour Inès\r\n";
        assert_eq!(
            marked(crlf, Mark::Sent, "2026-11-21"),
            crlf.replace(
                "status = \"approved\"\r\n",
                "status = \"sent\"\r\nsent_at = 2026-11-21\r\n"
            )
        );
        // No status yet: the lines go first in the front matter, before any table.
        let bare = "+++\n[target]\nname = \"Sam\"\n+++\nHi Sam";
        assert_eq!(
            marked(bare, Mark::Sent, "2026-11-21"),
            "+++\nstatus = \"sent\"\nsent_at = 2026-11-21\n[target]\nname = \"Sam\"\n+++\nHi Sam"
        );
        // A plain note gets a front matter; its text is untouched.
        let plain = "Bonjour Claire,\r\nmerci !";
        assert_eq!(
            marked(plain, Mark::Sent, "2026-11-21"),
            format!("+++\r\nstatus = \"sent\"\r\nsent_at = 2026-11-21\r\n+++\r\n{plain}")
        );
        // A key written quoted is found too.
        let quoted = "+++\n\"status\" = 'sent'\n'sent_at' = 2026-11-01\n+++\nx";
        assert_eq!(
            marked(quoted, Mark::Ignored, "2026-11-21"),
            "+++\n\"status\" = \"ignored\"\n'sent_at' = 2026-11-01\nignored_at = 2026-11-21\n+++\nx"
        );
    }

    #[test]
    fn what_cannot_be_edited_safely_is_not() {
        // The edit is read back: a plan that does not fit the file (here, a
        // line to take out that is not there) writes nothing.
        let source = "+++\nstatus = \"sent\"\nsent_at = 2026-11-01\n+++\nx";
        let draft = Draft::parse(source).expect("parses");
        let mut p = plan(&draft.front, Mark::Accepted, d("2026-11-03"), true).expect("ok");
        assert!(edit(source, &draft, &p).is_some());
        p.remove.push(Mark::Declined);
        assert_eq!(edit(source, &draft, &p), None);
        // A bad front matter is an error with its place.
        let e = mark(
            "+++\nstatus = \"sentt\"\n+++\nx",
            Mark::Sent,
            d("2026-11-03"),
            true,
        )
        .expect_err("fails");
        assert_eq!(e.place(), Some((2, 10)));
        assert!(
            e.message(Mark::Sent).en.contains("did you mean `sent`?"),
            "{e:?}"
        );
        let e = mark(
            "+++\nsent_at = \"yesterday\"\n+++\nx",
            Mark::Sent,
            d("2026-11-03"),
            true,
        )
        .expect_err("fails");
        assert_eq!(e.place(), Some((2, 11)));
        assert!(
            e.message(Mark::Sent).en.starts_with("key `sent_at`"),
            "{e:?}"
        );
    }
}
