//! `poignee import linkedin`: a user's real history, from LinkedIn's data
//! export, as drafts `stats` counts.
//!
//! - Each invitation the user sent with a note (`Invitations.csv`, direction
//!   `OUTGOING`) becomes a draft: the recipient, their profile link, the note
//!   as written, `status = "sent"` with `sent_at`, `platform = "linkedin"`,
//!   `source = "linkedin-export"` and an `import_key` (the day and the
//!   person) that finds it again at the next import.
//! - A person among the connections (`Connections.csv`), connected on or
//!   after the sending, makes it `accepted` with `accepted_at`: by profile
//!   link, else by a full name only one connection has. A name several
//!   connections share, or a connection older than the invitation, leaves it
//!   `sent`, and is said.
//! - An accepted invitation's note often comes back as the first message of
//!   the conversation (`messages.csv`): such a message, sent by the user to
//!   one person, with no subject, within a note's length, dated on or before
//!   the day that person connected, is taken for the note of an invitation
//!   `Invitations.csv` no longer lists (`source = "linkedin-messages"`).
//! - An invitation without a note is counted in the [ledger], not written.
//!
//! Importing again changes only what the export says anew: a draft still
//! `sent` (as the import or the user left it) becomes `accepted` through
//! [`crate::outcome::mark_file`], which touches only the status and date
//! lines, so a note or a field the user edited stays; a draft the user
//! marked otherwise (declined, ignored…) is kept as it is, and said. One of
//! the user's own drafts found to be the same invitation (the same person,
//! sent the same day) is not written again.

pub mod dates;
pub mod export;
pub mod ledger;
mod read;

use crate::draft::{Draft, FrontMatter, Source, Status};
use crate::drafts::Folder;
use crate::fsutil::FreeNames;
use crate::lang::{Localize, Localized};
use crate::outcome::{FIRST_DAY, Mark};
use crate::target::{Platform, Target};
use dates::Stamp;
use export::{Export, ExportError, Table};
use jiff::civil::Date;
use ledger::{Entry, Kind, LEDGER, Ledger};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use strum::VariantArray;

/// What an import is asked.
#[derive(Debug, Clone)]
pub struct Job {
    pub export: PathBuf,
    /// The drafts folder.
    pub out: PathBuf,
    /// Say what would be written; write nothing.
    pub dry_run: bool,
    pub today: Date,
}

/// A row or a file the import left out, with its place.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub file: &'static str,
    /// 0 for the file as a whole.
    pub line: usize,
    pub message: Localized,
}

/// What became of one invitation worth saying.
#[derive(Debug, Clone, PartialEq)]
pub enum Event {
    /// A new draft (or, with `--dry-run`, where it would go).
    Written {
        path: PathBuf,
        who: String,
        status: Status,
        sent_on: Date,
        accepted_on: Option<Date>,
        source: Source,
    },
    /// A draft left `sent` is now accepted.
    Accepted {
        path: PathBuf,
        who: String,
        on: Date,
    },
    /// The export says connected, the draft says otherwise, marked by the
    /// user: kept.
    Kept {
        path: PathBuf,
        who: String,
        status: Option<Status>,
        connected_on: Date,
    },
    /// Not sure the person accepted: left `sent`.
    Uncertain {
        who: String,
        sent_on: Date,
        why: Localized,
    },
    /// A draft the import wrote was deleted since: not written again.
    Deleted { path: PathBuf, who: String },
    /// A draft that could not be written or marked.
    Failed { who: String, message: Localized },
}

/// Counts of one kind of invitation (with a note, without).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// In the export.
    pub seen: usize,
    /// Of them, accepted as far as the export tells.
    pub accepted: usize,
    /// New to poignee.
    pub new: usize,
    /// Known, and now accepted.
    pub now_accepted: usize,
    /// Known, and nothing changed.
    pub unchanged: usize,
}

/// What an import did (or, with `--dry-run`, would do).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    pub read: Vec<Table>,
    pub missing: Vec<Table>,
    pub problems: Vec<Problem>,
    pub events: Vec<Event>,
    pub notes: Counts,
    pub no_notes: Counts,
    /// Of the notes, those found in `messages.csv`.
    pub from_messages: usize,
    /// Invitations received: not the user's notes.
    pub incoming: usize,
    /// The same person on the same day twice in the export: once.
    pub duplicates: usize,
    /// Notes that were the user's own drafts already.
    pub own: usize,
    pub dry_run: bool,
    pub out: PathBuf,
}

/// Why nothing was imported.
#[derive(Debug)]
pub enum ImportError {
    Export(ExportError),
    /// The ledger does not read, or cannot be written.
    Ledger(Localized),
    /// The drafts folder cannot be made or locked.
    Folder(Localized),
}

impl Localize for ImportError {
    fn message(&self) -> Localized {
        match self {
            ImportError::Export(e) => e.message(),
            ImportError::Ledger(m) | ImportError::Folder(m) => m.clone(),
        }
    }
}

/// What the export says of one invitation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Sent,
    Accepted(Date),
}

/// A name as compared: folded, single spaces.
fn name_key(name: &str) -> String {
    crate::text::fold(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A profile link as compared: no scheme, no `www.`, no query, no trailing
/// slash, lower case.
fn url_key(url: &str) -> Option<String> {
    let u = url.trim().to_lowercase();
    let u = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"))
        .unwrap_or(&u);
    let u = u.strip_prefix("www.").unwrap_or(u);
    let u = u.split(['?', '#']).next().unwrap_or(u);
    let u = u.trim_end_matches('/');
    (u.contains('/') && !u.is_empty()).then(|| u.to_string())
}

/// The key an invitation is known by in every export: the day it was sent
/// and the person, folded (`linkedin/2024-01-15/ines-haddad`).
pub fn import_key(sent_on: Date, who: &str) -> String {
    let mut slug = String::new();
    for c in crate::text::fold(who).chars() {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    format!("linkedin/{sent_on}/{}", slug.trim_end_matches('-'))
}

/// A cell cleaned for a front matter and the terminal: no control, bidi or
/// zero-width character, single spaces.
fn clean(cell: &str) -> String {
    crate::text::without_hidden(cell)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Who is connected, and since when.
#[derive(Default)]
struct Connections {
    by_url: HashMap<String, Date>,
    /// By name: how many connections have it, and the day of the last.
    by_name: HashMap<String, (usize, Date)>,
    known: bool,
}

enum Found {
    One(Date),
    Homonyms(usize),
    Nobody,
}

impl Connections {
    fn find(&self, url: Option<&str>, who: &str) -> Found {
        if let Some(d) = url.and_then(url_key).and_then(|u| self.by_url.get(&u)) {
            return Found::One(*d);
        }
        match self.by_name.get(&name_key(who)) {
            Some(&(1, d)) => Found::One(d),
            Some(&(n, _)) => Found::Homonyms(n),
            None => Found::Nobody,
        }
    }
}

/// The drafts already in the folder, read once and only when the ledger
/// does not know an invitation: by import key (a ledger lost), and the
/// user's own sent drafts by day and person.
#[derive(Default)]
struct Index {
    by_key: HashMap<String, (PathBuf, Option<Status>)>,
    own: HashMap<(Date, String), (PathBuf, Option<Status>)>,
}

fn index(folder: &Folder) -> Index {
    let read: Vec<(PathBuf, Draft)> = folder
        .files()
        .into_par_iter()
        .filter_map(|p| {
            let text = crate::input::read_text(&p, crate::input::MAX_BYTES).ok()?;
            let d = Draft::parse(&text).ok()?;
            Some((p, d))
        })
        .collect();
    let mut index = Index::default();
    for (p, d) in read {
        let f = &d.front;
        if let Some(k) = &f.import_key {
            index.by_key.insert(k.clone(), (p, f.status));
            continue;
        }
        let sent = f.sent_at.as_ref().and_then(crate::outcome::day);
        let who = f.target.as_ref().and_then(|t| t.name.as_deref());
        let linkedin = f.platform.is_none_or(|p| p == Platform::Linkedin);
        if let (Some(sent), Some(who), true, true) =
            (sent, who, linkedin, f.status.is_some_and(Status::is_sent))
        {
            index.own.insert((sent, name_key(who)), (p, f.status));
        }
    }
    index
}

/// One invitation the user sent, as read.
struct Invite {
    who: String,
    profile: Option<String>,
    sent: Stamp,
    note: String,
    source: Source,
}

/// A new draft, as the ledger and the summary will know it once written.
struct New {
    key: String,
    who: String,
    status: Status,
    sent_on: Date,
    accepted_on: Option<Date>,
    source: Source,
}

/// How many new drafts are written together: their syncs wait on the disk
/// at once, and only these are held in memory.
const BATCH: usize = 2048;

struct Run<'a> {
    job: &'a Job,
    folder: Folder,
    ledger: Ledger,
    ledger_changed: bool,
    connections: Connections,
    index: Option<Index>,
    names: FreeNames,
    seen: HashSet<String>,
    /// New drafts not yet written ([`Run::flush`]).
    pending: Vec<(Draft, New)>,
    summary: Summary,
}

/// A TOML date for the front matter.
fn toml_date(d: Date) -> Option<toml::value::Datetime> {
    d.to_string().parse().ok()
}

impl Run<'_> {
    fn problem(&mut self, file: &'static str, line: usize, message: Localized) {
        self.summary.problems.push(Problem {
            file,
            line,
            message,
        });
    }

    /// The state of an invitation after what the connections say; an
    /// uncertain one is said.
    fn state(&mut self, who: &str, url: Option<&str>, sent: Date) -> State {
        match self.connections.find(url, who) {
            Found::One(d) if d >= sent => State::Accepted(d),
            Found::One(d) => {
                self.summary.events.push(Event::Uncertain {
                    who: who.to_string(),
                    sent_on: sent,
                    why: Localized::new(
                        format!(
                            "connecté le {d}, avant l’invitation du {sent} : une autre invitation, ou une autre personne ; laissée envoyée"
                        ),
                        format!(
                            "connected on {d}, before the invitation of {sent}: another invitation, or another person; left sent"
                        ),
                    ),
                });
                State::Sent
            }
            Found::Homonyms(n) => {
                self.summary.events.push(Event::Uncertain {
                    who: who.to_string(),
                    sent_on: sent,
                    why: Localized::new(
                        format!(
                            "{n} relations portent ce nom, et l’invitation ne donne pas de lien de profil qui tranche ; laissée envoyée"
                        ),
                        format!(
                            "{n} connections have this name, and the invitation has no profile link to tell; left sent"
                        ),
                    ),
                });
                State::Sent
            }
            Found::Nobody => State::Sent,
        }
    }

    fn index(&mut self) -> &Index {
        let folder = &self.folder;
        self.index.get_or_insert_with(|| index(folder))
    }

    /// An invitation with a note.
    fn note(&mut self, inv: Invite, state: State) {
        let day = inv.sent.date;
        let key = import_key(day, &inv.who);
        if !self.seen.insert(key.clone()) {
            self.summary.duplicates += 1;
            return;
        }
        self.summary.notes.seen += 1;
        if matches!(state, State::Accepted(_)) {
            self.summary.notes.accepted += 1;
        }
        if inv.source == Source::LinkedinMessages {
            self.summary.from_messages += 1;
        }
        if let Some(entry) = self.ledger.entries.get(&key).cloned() {
            self.update(&key, entry, &inv.who, state);
            return;
        }
        // Not in the ledger: a draft written by an import whose ledger was
        // lost, or one of the user's own.
        let by_key = self.index().by_key.get(&key).cloned();
        let own = self.index().own.get(&(day, name_key(&inv.who))).cloned();
        for (found, kind) in [(by_key, Kind::Note), (own, Kind::Own)] {
            if let Some((path, status)) = found {
                if kind == Kind::Own {
                    self.summary.own += 1;
                }
                let entry = Entry {
                    kind,
                    file: file_name(&path),
                    status: status
                        .filter(|s| *s == Status::Accepted)
                        .unwrap_or(Status::Sent),
                    sent_on: day,
                    accepted_on: None,
                };
                self.ledger.entries.insert(key.clone(), entry.clone());
                self.ledger_changed = true;
                self.update(&key, entry, &inv.who, state);
                return;
            }
        }
        self.summary.notes.new += 1;
        let (status, accepted_on) = match state {
            State::Sent => (Status::Sent, None),
            State::Accepted(d) => (Status::Accepted, Some(d)),
        };
        let draft = Draft {
            front: FrontMatter {
                platform: Some(Platform::Linkedin),
                status: Some(status),
                sent_at: toml_date(day),
                accepted_at: accepted_on.and_then(toml_date),
                source: Some(inv.source),
                import_key: Some(key.clone()),
                target: Some(Target {
                    name: Some(inv.who.clone()),
                    profile: inv.profile.clone(),
                    ..Target::default()
                }),
                ..FrontMatter::default()
            },
            body: format!("{}\n", inv.note),
            body_offset: 0,
        };
        let new = New {
            key,
            who: inv.who,
            status,
            sent_on: day,
            accepted_on,
            source: inv.source,
        };
        if self.job.dry_run {
            // Where it would go (the next free name is found on writing).
            match draft.to_file() {
                Ok(_) => {
                    let path = self.names.next(&self.folder.file_for(&draft));
                    self.written(new, path);
                }
                Err(m) => self.summary.events.push(Event::Failed {
                    who: new.who,
                    message: m,
                }),
            }
            return;
        }
        self.pending.push((draft, new));
        if self.pending.len() >= BATCH {
            self.flush();
        }
    }

    /// Writes the new drafts waiting, together
    /// ([`Folder::save_new_all`]), and notes each in the ledger.
    fn flush(&mut self) {
        if self.pending.is_empty() {
            return;
        }
        let (drafts, news): (Vec<Draft>, Vec<New>) =
            std::mem::take(&mut self.pending).into_iter().unzip();
        let saved = self.folder.save_new_all(&drafts, &mut self.names);
        drop(drafts);
        for (new, saved) in news.into_iter().zip(saved) {
            match saved {
                Ok(saved) => self.written(new, saved.path),
                Err(e) => self.summary.events.push(Event::Failed {
                    who: new.who,
                    message: e.message(),
                }),
            }
        }
    }

    /// A new draft written at `path` (or, with `--dry-run`, to be).
    fn written(&mut self, new: New, path: PathBuf) {
        self.ledger.entries.insert(
            new.key,
            Entry {
                kind: Kind::Note,
                file: file_name(&path),
                status: new.status,
                sent_on: new.sent_on,
                accepted_on: new.accepted_on,
            },
        );
        self.ledger_changed = true;
        self.summary.events.push(Event::Written {
            path,
            who: new.who,
            status: new.status,
            sent_on: new.sent_on,
            accepted_on: new.accepted_on,
            source: new.source,
        });
    }

    /// A note known to the ledger: accepted now, if the export says so
    /// and the draft is still `sent`.
    fn update(&mut self, key: &str, entry: Entry, who: &str, state: State) {
        let State::Accepted(on) = state else {
            self.summary.notes.unchanged += 1;
            return;
        };
        if entry.status == Status::Accepted || entry.kind == Kind::Gone {
            self.summary.notes.unchanged += 1;
            return;
        }
        let path = self.folder.dir().join(&entry.file);
        let done = Entry {
            status: Status::Accepted,
            accepted_on: Some(on),
            ..entry.clone()
        };
        let current = crate::input::read_text(&path, crate::input::MAX_BYTES)
            .ok()
            .and_then(|t| Draft::parse(&t).ok());
        let Some(current) = current else {
            if std::fs::symlink_metadata(&path).is_err() {
                self.summary.events.push(Event::Deleted {
                    path,
                    who: who.to_string(),
                });
                self.set(
                    key,
                    Entry {
                        kind: Kind::Gone,
                        ..done
                    },
                );
            } else {
                self.summary.events.push(Event::Failed {
                    who: who.to_string(),
                    message: Localized::new(
                        format!(
                            "{} ne se lit plus comme un brouillon : laissé tel quel",
                            path.display()
                        ),
                        format!(
                            "{} no longer reads as a draft: left as it is",
                            path.display()
                        ),
                    ),
                });
            }
            return;
        };
        match current.front.status {
            Some(Status::Sent) => {
                if !self.job.dry_run {
                    if let Err(e) = crate::outcome::mark_file(&path, Mark::Accepted, on, true) {
                        self.summary.events.push(Event::Failed {
                            who: who.to_string(),
                            message: e.message(Mark::Accepted),
                        });
                        return;
                    }
                }
                self.summary.notes.now_accepted += 1;
                self.summary.events.push(Event::Accepted {
                    path,
                    who: who.to_string(),
                    on,
                });
            }
            Some(Status::Accepted) => self.summary.notes.unchanged += 1,
            other => {
                // Marked by the user: theirs is kept.
                self.summary.notes.unchanged += 1;
                self.summary.events.push(Event::Kept {
                    path,
                    who: who.to_string(),
                    status: other,
                    connected_on: on,
                });
            }
        }
        self.set(key, done);
    }

    fn set(&mut self, key: &str, entry: Entry) {
        self.ledger.entries.insert(key.to_string(), entry);
        self.ledger_changed = true;
    }

    /// An invitation without a note: counted in the ledger.
    fn no_note(&mut self, who: &str, sent: Date, state: State) {
        let key = import_key(sent, who);
        if !self.seen.insert(key.clone()) {
            self.summary.duplicates += 1;
            return;
        }
        let c = &mut self.summary.no_notes;
        c.seen += 1;
        let accepted_on = match state {
            State::Accepted(d) => {
                c.accepted += 1;
                Some(d)
            }
            State::Sent => None,
        };
        let status = if accepted_on.is_some() {
            Status::Accepted
        } else {
            Status::Sent
        };
        match self.ledger.entries.get(&key) {
            Some(e) if e.status == Status::Accepted || accepted_on.is_none() => c.unchanged += 1,
            known => {
                // Known and now accepted, or new: the same entry either way.
                match known {
                    Some(_) => c.now_accepted += 1,
                    None => c.new += 1,
                }
                let e = Entry {
                    kind: Kind::NoNote,
                    file: String::new(),
                    status,
                    sent_on: sent,
                    accepted_on,
                };
                self.set(&key, e);
            }
        }
    }

    /// A day the invitation can have been sent: not to come, not before
    /// LinkedIn.
    fn possible(&mut self, file: &'static str, line: usize, raw: &str, d: Date) -> bool {
        if d > self.job.today || d < FIRST_DAY {
            self.problem(
                file,
                line,
                Localized::new(
                    format!("date « {raw} » impossible (dans le futur, ou avant LinkedIn) : ligne ignorée"),
                    format!("date “{raw}” cannot be (in the future, or before LinkedIn): row left out"),
                ),
            );
            return false;
        }
        true
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn bad_date(raw: &str, column: &str) -> Localized {
    let raw = crate::text::terminal_line(raw).into_owned();
    Localized::new(
        format!(
            "« {raw} » dans « {column} » n’est pas une date qu’un export écrit : ligne ignorée"
        ),
        format!("“{raw}” in “{column}” is not a date an export writes: row left out"),
    )
}

fn not_utf8() -> Localized {
    Localized::new(
        "ligne qui n’est pas en UTF-8 : ignorée",
        "row not in UTF-8: left out",
    )
}

/// Runs an import.
pub fn run(job: &Job) -> Result<Summary, ImportError> {
    let mut export = Export::open(&job.export).map_err(ImportError::Export)?;
    let folder = Folder::new(&job.out);
    if job.out.exists() && !job.out.is_dir() {
        let p = job.out.display();
        return Err(ImportError::Folder(Localized::new(
            format!("{p} n’est pas un dossier : donnez un dossier de brouillons (--out)"),
            format!("{p} is not a folder: give a drafts folder (--out)"),
        )));
    }
    let ledger = Ledger::read(&job.out).map_err(ImportError::Ledger)?;
    // Two imports at once would write twice: the second waits.
    let _lock = if job.dry_run {
        None
    } else {
        Some(lock(&job.out)?)
    };
    // Read again under the lock: another import may have written since.
    let ledger = if job.dry_run {
        ledger
    } else {
        Ledger::read(&job.out).map_err(ImportError::Ledger)?
    };
    let mut run = Run {
        job,
        folder,
        ledger,
        ledger_changed: false,
        connections: Connections::default(),
        index: None,
        names: FreeNames::default(),
        seen: HashSet::new(),
        pending: Vec::new(),
        summary: Summary {
            dry_run: job.dry_run,
            out: job.out.clone(),
            ..Summary::default()
        },
    };
    for &t in Table::VARIANTS {
        if export.has(t) {
            run.summary.read.push(t);
        } else {
            run.summary.missing.push(t);
        }
    }
    read::read_connections(&mut export, &mut run);
    let user = read::read_invitations(&mut export, &mut run);
    read::read_messages(&mut export, &mut run, user);
    run.flush();
    if run.ledger_changed && !job.dry_run {
        let path = job.out.join(LEDGER);
        crate::fsutil::write_replace(&path, &run.ledger.render()).map_err(|e| {
            let m = crate::input::ReadError::from_io(&e).message();
            let p = path.display();
            ImportError::Ledger(Localized::new(
                format!(
                    "{p} : {} ; les brouillons écrits restent, un nouvel import les retrouvera",
                    m.fr
                ),
                format!(
                    "{p}: {}; the drafts written stay, the next import finds them again",
                    m.en
                ),
            ))
        })?;
    }
    Ok(run.summary)
}

/// The import's lock, beside the ledger (made first, empty, if needed).
fn lock(dir: &Path) -> Result<crate::fsutil::Lock, ImportError> {
    let fail = |e: &std::io::Error| {
        let m = crate::input::ReadError::from_io(e).message();
        let p = dir.display();
        ImportError::Folder(Localized::new(
            format!("{p} : {}", m.fr),
            format!("{p}: {}", m.en),
        ))
    };
    crate::fsutil::create_private_dir(dir).map_err(|e| fail(&e))?;
    let path = dir.join(LEDGER);
    if std::fs::symlink_metadata(&path).is_err() {
        match crate::fsutil::write_new(&path, &Ledger::default().render()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(fail(&e)),
        }
    }
    crate::fsutil::Lock::beside(&path).map_err(|e| match e {
        crate::fsutil::LockError::Io(e) => fail(&e),
        _ => ImportError::Folder(Localized::new(
            format!("un autre import écrit dans {} : réessayez", dir.display()),
            format!("another import is writing to {}: try again", dir.display()),
        )),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_links_compare_as_they_should() {
        let d = jiff::civil::date(2024, 1, 15);
        assert_eq!(
            import_key(d, "Inès  Haddad"),
            "linkedin/2024-01-15/ines-haddad"
        );
        assert_eq!(import_key(d, "王 小明"), "linkedin/2024-01-15/王-小明");
        assert_eq!(
            url_key("https://www.linkedin.com/in/Ann-Lee/?trk=x"),
            url_key("http://linkedin.com/in/ann-lee")
        );
        assert_eq!(url_key(""), None);
        assert_eq!(clean("Ann\u{202e}\tLee\u{200b}"), "Ann Lee");
    }
}
