//! The app's side that touches files, through jobs: approving and saving
//! the note, the drafts screen's actions, and what to do with the answers
//! of file jobs (where the note went, the pace warning, what was deleted).

use super::app::{App, Effect, Focus, Screen};
use super::dialog::{After, Dialog};
use super::io::{Done, Job, no_folder};
use super::keys::Action;
use super::shelf::ShelfEvent;
use poignee::draft::{Draft, Status};
use poignee::drafts::Pace;
use poignee::lang::{Lang, Localized, Text};
use poignee::lint::Severity;
use poignee::target::{Platform, Target, Tier};
use std::path::{Path, PathBuf};

impl App {
    /// Asks for the drafts folder to be read again.
    pub(super) fn list_drafts(&mut self, announce: bool) {
        self.shelf.loading = true;
        self.shelf.announce = announce;
        self.ask(Effect::Io(Job::List {
            platform: self.form.platform,
            tier: self.form.tier,
        }));
    }

    pub(super) fn drafts_act(&mut self, action: Action, extend: bool) {
        if action == Action::CleanAside && !self.shelf.filtering {
            self.clean_aside();
            return;
        }
        match self.shelf.act(action, extend) {
            ShelfEvent::Copied(s) => {
                self.clip = s.clone();
                self.ask(Effect::Copy(s));
            }
            ShelfEvent::Leave => self.screen = Screen::Compose,
            ShelfEvent::Recheck => self.list_drafts(true),
            ShelfEvent::Delete(i) => {
                if let Some(e) = self.shelf.entries.get(i) {
                    self.dialog = Some(Dialog::Delete(e.path.clone()));
                }
            }
            ShelfEvent::Open(i) => self.open_entry(i),
            ShelfEvent::Mark(i, mark) => {
                let Some(e) = self.shelf.entries.get(i) else {
                    return;
                };
                let path = e.path.clone();
                match e.status() {
                    // An answer is a fact: replacing it by another asks.
                    Some(from @ (Status::Accepted | Status::Ignored | Status::Declined))
                        if from != mark.status() =>
                    {
                        self.dialog = Some(Dialog::Remark { path, from, mark });
                    }
                    _ => self.mark(path, mark),
                }
            }
            ShelfEvent::Nothing => {}
        }
    }

    /// The drafts screen's key for the old texts set aside: asks first.
    fn clean_aside(&mut self) {
        if self.aside.old.is_empty() {
            let n = self.aside.all.len();
            let msg = match self.lang {
                Lang::Fr => {
                    format!("aucun texte mis de côté depuis plus de 30 jours ({n} plus récent(s))")
                }
                Lang::En => format!("no text set aside over 30 days ago ({n} more recent)"),
            };
            self.say(Severity::Info, msg);
            return;
        }
        self.dialog = Some(Dialog::CleanAside(self.aside.old.clone()));
    }

    /// Asks for a draft to be marked; its row changes when it is done.
    pub(super) fn mark(&mut self, path: PathBuf, mark: poignee::outcome::Mark) {
        self.ask(Effect::Io(Job::Mark {
            path,
            mark,
            today: self.today(),
            platform: self.form.platform,
            tier: self.form.tier,
        }));
    }

    pub(super) fn open_entry(&mut self, i: usize) {
        let Some(entry) = self.shelf.entries.get(i).cloned() else {
            return;
        };
        match entry.draft {
            Some(d) if !self.unsaved() => {
                let msg = match self.lang {
                    Lang::Fr => format!("ouvert : {}", self.shown(&entry.path)),
                    Lang::En => format!("opened {}", self.shown(&entry.path)),
                };
                self.open(&d, Some(entry.path));
                self.say(Severity::Info, msg);
            }
            Some(_) => {
                let (approve, save) = (self.key_of(Action::Approve), self.key_of(Action::Save));
                let msg = match self.lang {
                    Lang::Fr => format!(
                        "la note en cours n’est pas enregistrée : approuvez-la ({approve}) ou gardez-la en brouillon ({save}) d’abord"
                    ),
                    Lang::En => format!(
                        "the current note is not saved: approve it ({approve}) or keep it as a draft ({save}) first"
                    ),
                };
                self.say(Severity::Warning, msg);
            }
            None => {
                let path = self.shown(&entry.path);
                let why = entry.error.as_ref().map(|e| self.l(e)).unwrap_or_default();
                let msg = match self.lang {
                    Lang::Fr => format!("{path} ne se lit pas : {why}"),
                    Lang::En => format!("{path} does not read: {why}"),
                };
                self.say(Severity::Error, msg);
            }
        }
    }

    /// A file job came back.
    pub(super) fn done(&mut self, done: Done) {
        self.busy = self.busy.saturating_sub(1);
        match done {
            Done::Listed(entries) => {
                let n = entries.len();
                let announce = std::mem::take(&mut self.shelf.announce);
                self.shelf.today = Some(self.today());
                self.shelf.ignored_after_days = self.worker.ignored_after_days;
                self.shelf.set(entries);
                if announce {
                    let c = self.lang.count(n);
                    let msg = match (self.lang, n) {
                        (Lang::Fr, 0 | 1) => format!("{c} brouillon revérifié"),
                        (Lang::Fr, _) => format!("{c} brouillons revérifiés"),
                        (Lang::En, 1) => format!("{c} draft re-checked"),
                        (Lang::En, _) => format!("{c} drafts re-checked"),
                    };
                    self.say(Severity::Info, msg);
                }
            }
            Done::Saved {
                result,
                draft,
                then,
                revision,
                note,
            } => {
                self.saving = false;
                if note == self.doc.id {
                    self.saved(result, &draft, then, revision);
                    if let Some((status, then)) = self.doc.pending_save.take() {
                        self.write(status, then);
                    }
                } else {
                    self.saved_elsewhere(result, &draft);
                }
            }
            Done::Failed(e) => {
                let msg = self.l(&e);
                self.say(Severity::Error, msg);
            }
            Done::Deleted { path, result } => self.deleted(&path, result),
            Done::Marked {
                path,
                mark,
                result,
                entry,
                never_sent,
            } => {
                // The command line's way (`poignee mark FILE sent`) is not
                // this screen's: its own key is said.
                let result = match result {
                    Err(_) if never_sent => {
                        let sent = self.key_of(Action::MarkSent);
                        // The note, feminine in French: « acceptée ».
                        let (fr, en) = match mark.status() {
                            Status::Accepted => ("acceptée", "accepted"),
                            Status::Ignored => ("ignorée", "ignored"),
                            Status::Declined => ("refusée", "declined"),
                            _ => ("marquée", "marked"),
                        };
                        Err(Localized::new(
                            format!(
                                "jamais marquée envoyée : marquez-la d’abord envoyée ({sent}), puis {fr}"
                            ),
                            format!("never marked sent: mark it sent first ({sent}), then {en}"),
                        ))
                    }
                    other => other,
                };
                self.marked(&path, mark, result, entry)
            }
            Done::Stats(stats) => self.stats = Some(stats),
            Done::Cross { note, found } if note == self.doc.id => {
                self.doc.cross = found;
                if !self.checks.stale {
                    self.relint();
                }
            }
            Done::Cross { .. } => {}
            Done::Pruned { gone, failed } => {
                self.aside.all.retain(|p| !gone.contains(p));
                self.aside.old.retain(|p| !gone.contains(p));
                let n = gone.len();
                let (level, msg) = match (failed, self.lang) {
                    (None, Lang::Fr) => (
                        Severity::Info,
                        format!("{n} texte(s) mis de côté supprimé(s)"),
                    ),
                    (None, Lang::En) => (Severity::Info, format!("{n} text(s) set aside deleted")),
                    (Some(e), Lang::Fr) => (
                        Severity::Error,
                        format!("{n} texte(s) supprimé(s), les autres non : {}", self.l(&e)),
                    ),
                    (Some(e), Lang::En) => (
                        Severity::Error,
                        format!("{n} text(s) deleted, not the others: {}", self.l(&e)),
                    ),
                };
                self.say(level, msg);
            }
        }
    }

    pub(super) fn saved(
        &mut self,
        result: Result<(PathBuf, Option<Localized>), Localized>,
        draft: &Draft,
        then: After,
        revision: u64,
    ) {
        let (path, pace) = match result {
            Ok(saved) => saved,
            Err(e) => {
                let dir = self
                    .worker
                    .folder
                    .as_ref()
                    .map(|f| self.shown(f.dir()))
                    .unwrap_or_default();
                let e = self.l(&e);
                let msg = match self.lang {
                    Lang::Fr => format!("non enregistrée ({dir}) : {e} — votre texte reste ici"),
                    Lang::En => format!("not saved ({dir}): {e} — your text stays here"),
                };
                self.say(Severity::Error, msg);
                return;
            }
        };
        // Typed on while it was written: those keys are not saved yet.
        if revision == self.doc.revision {
            self.doc.dirty = false;
        }
        // The recovery file goes at the next sync (the text is saved).
        self.unsynced = true;
        self.doc.created_at = draft.front.created_at;
        // Saved beside a record (approved, sent, answered): that one stays.
        let beside = self
            .doc
            .path
            .as_deref()
            .filter(|p| *p != path && self.doc.is_record())
            .map(|p| self.shown(p));
        // Asked to go over the draft it was opened from, and gone beside
        // it: that one was marked meanwhile (`poignee mark` in another
        // terminal) or removed, and stays as it is.
        let moved = self
            .over(draft.front.status.unwrap_or(Status::Draft))
            .filter(|p| *p != path)
            .map(|p| match self.lang {
                Lang::Fr => format!(
                    " ; {} a été marqué envoyé entre-temps (un autre terminal ?) ou n’est plus là : il reste tel quel",
                    self.shown(&p)
                ),
                Lang::En => format!(
                    "; {} was marked sent meanwhile (another terminal?) or is gone: it stays as it is",
                    self.shown(&p)
                ),
            });
        self.doc.opened = draft.front.status;
        self.doc.path = Some(path.clone());
        self.check_across(draft.clone(), Some(path.clone()));
        let at = self.shown(&path);
        if draft.front.status == Some(Status::Approved) {
            // What was saved, without the file's final newline.
            let body = draft.body.strip_suffix('\n').unwrap_or(&draft.body);
            self.ask(Effect::Copy(body.to_string()));
            // What comes next before where the file went: at a narrow
            // width the path is what gives way.
            let (new, sent) = (self.key_of(Action::NewNote), self.key_of(Action::MarkSent));
            let mut msg = self.t(Text::new(
                "✓ approuvée et copiée dans le presse-papiers",
                "✓ approved and copied to the clipboard",
            ));
            let level = if pace.is_some() || moved.is_some() {
                Severity::Warning
            } else {
                Severity::Info
            };
            if let Some(p) = pace {
                msg.push_str(" — ");
                msg.push_str(&self.l(&p));
            }
            msg.push_str(&match self.lang {
                Lang::Fr => format!(
                    " · {sent} : marquer envoyée · {new} : nouvelle note · enregistrée dans {at}"
                ),
                Lang::En => format!(" · {sent}: mark it sent · {new}: new note · saved to {at}"),
            });
            msg.push_str(moved.as_deref().unwrap_or_default());
            self.say(level, msg);
        } else {
            let mut msg = match self.lang {
                Lang::Fr => format!("✎ enregistrée comme brouillon dans {at} (non approuvée)"),
                Lang::En => format!("✎ saved as a draft to {at} (not approved)"),
            };
            let level = if let Some(moved) = &moved {
                msg.push_str(moved);
                Severity::Warning
            } else {
                if let Some(approved) = beside {
                    msg.push_str(&match self.lang {
                        Lang::Fr => format!(" ; la note approuvée reste dans {approved}"),
                        Lang::En => format!("; the approved note stays in {approved}"),
                    });
                }
                Severity::Info
            };
            self.say(level, msg);
        }
        if !self.doc.dirty {
            match then {
                After::Stay => {}
                After::Quit => self.quit = true,
                After::NewNote => self.reset(),
            }
        }
    }

    pub(super) fn deleted(&mut self, path: &Path, result: Result<(), Localized>) {
        let msg = match result {
            Ok(()) if self.doc.path.as_deref() == Some(path) => {
                // The open note now lives only here: leaving will ask.
                self.doc.path = None;
                self.doc.dirty = true;
                self.unsynced = true;
                match self.lang {
                    Lang::Fr => format!(
                        "{} supprimé — la note reste ouverte, non enregistrée",
                        self.shown(path)
                    ),
                    Lang::En => format!(
                        "{} deleted — the note stays open, unsaved",
                        self.shown(path)
                    ),
                }
            }
            Ok(()) => match self.lang {
                Lang::Fr => format!("{} supprimé", self.shown(path)),
                Lang::En => format!("{} deleted", self.shown(path)),
            },
            Err(e) => {
                let e = self.l(&e);
                let msg = match self.lang {
                    Lang::Fr => format!("{} non supprimé : {e}", self.shown(path)),
                    Lang::En => format!("{} not deleted: {e}", self.shown(path)),
                };
                self.say(Severity::Error, msg);
                self.list_drafts(false);
                return;
            }
        };
        self.say(Severity::Info, msg);
        self.list_drafts(false);
    }

    /// F9 after approving: the note just approved is marked sent today.
    pub(super) fn mark_open_sent(&mut self) {
        match self
            .doc
            .path
            .clone()
            .filter(|_| self.doc.is_record() && !self.doc.dirty)
        {
            Some(path) => {
                self.mark(path, poignee::outcome::Mark::Sent);
            }
            None => {
                let (approve, drafts) = (self.key_of(Action::Approve), self.key_of(Action::Drafts));
                let msg = match self.lang {
                    Lang::Fr => format!(
                        "rien à marquer : approuvez d’abord la note ({approve}), ou choisissez un brouillon ({drafts})"
                    ),
                    Lang::En => format!(
                        "nothing to mark: approve the note first ({approve}), or choose a draft ({drafts})"
                    ),
                };
                self.say(Severity::Warning, msg);
            }
        }
    }

    /// A note marked (or not, and why).
    pub(super) fn marked(
        &mut self,
        path: &Path,
        mark: poignee::outcome::Mark,
        result: Result<Option<Localized>, Localized>,
        entry: Option<Box<poignee::drafts::Entry>>,
    ) {
        let word = self.t(mark.status().label());
        let at = self.shown(path);
        let (level, msg) = match result {
            Ok(warning) => {
                let msg = match self.lang {
                    Lang::Fr => format!("{word} : {at}"),
                    Lang::En => format!("{word}: {at}"),
                };
                match warning {
                    Some(w) => (Severity::Warning, format!("{msg} — {}", self.l(&w))),
                    None => (Severity::Info, msg),
                }
            }
            Err(e) => {
                let why = self.l(&e);
                let msg = match self.lang {
                    Lang::Fr => format!("{at} : {why}"),
                    Lang::En => format!("{at}: {why}"),
                };
                (Severity::Error, msg)
            }
        };
        self.say(level, msg);
        if self.doc.path.as_deref() == Some(path) {
            // The open note is now sent or answered: a record.
            self.doc.opened = Some(mark.status());
            if let Some(sent) = entry.as_ref().and_then(|e| e.draft.as_ref()?.front.sent_at) {
                self.doc.sent_at = Some(sent);
            }
        }
        // The one row marked changes; the folder is not read again (at
        // thousands of drafts that takes a while).
        if let Some(entry) = entry {
            self.shelf.replace(*entry);
        }
    }

    /// The answer of a save for a note no longer open (another was opened
    /// or started meanwhile): said, and copied if approved; this note's
    /// path and state are left alone.
    fn saved_elsewhere(
        &mut self,
        result: Result<(PathBuf, Option<Localized>), Localized>,
        draft: &Draft,
    ) {
        let (level, msg) = match result {
            Ok((path, _)) => {
                let at = self.shown(&path);
                if draft.front.status == Some(Status::Approved) {
                    // What was saved, without the file's final newline.
                    let body = draft.body.strip_suffix('\n').unwrap_or(&draft.body);
                    self.ask(Effect::Copy(body.to_string()));
                }
                let msg = match self.lang {
                    Lang::Fr => format!("la note précédente est enregistrée dans {at}"),
                    Lang::En => format!("the previous note is saved to {at}"),
                };
                (Severity::Info, msg)
            }
            Err(e) => {
                let e = self.l(&e);
                let msg = match self.lang {
                    Lang::Fr => format!("la note précédente n’a pas été enregistrée : {e}"),
                    Lang::En => format!("the previous note was not saved: {e}"),
                };
                (Severity::Error, msg)
            }
        };
        self.say(level, msg);
    }

    /// Approve and save: refuses on errors unless `force`; writes
    /// atomically, never over another file; copies the note.
    pub(super) fn approve(&mut self, force: bool) {
        self.approve_with(force, After::Stay);
    }

    /// Approves, then quits or starts anew once the note is saved (an
    /// approval that asks about errors first carries `then` along).
    pub(super) fn approve_with(&mut self, force: bool, then: After) {
        self.approve_checked(force, false, then);
    }

    /// Approves a note already sent, once the user said so.
    pub(super) fn approve_again(&mut self, then: After) {
        self.approve_checked(false, true, then);
    }

    /// The approval: `force` past errors, `again` past the question on a
    /// note already sent.
    fn approve_checked(&mut self, force: bool, again: bool, then: After) {
        self.fresh();
        if self.note.text().trim().is_empty() {
            let msg = self.t(Text::new(
                "rien à approuver : la note est vide",
                "nothing to approve: the note is empty",
            ));
            self.say(Severity::Warning, msg);
            return;
        }
        // Who it is for first: asking about errors, then about the name,
        // would ask twice.
        if self.target().name.is_none() {
            let save = self.key_of(Action::Save);
            let msg = match self.lang {
                Lang::Fr => format!(
                    "pour qui ? donnez le nom de la personne avant d’approuver ({save} enregistre sans approuver)"
                ),
                Lang::En => format!(
                    "who is it for? give the person's name before approving ({save} saves without approving)"
                ),
            };
            self.say(Severity::Warning, msg);
            self.focus = Focus::Form;
            self.form.at = 0;
            return;
        }
        // A note opened as sent (or answered), approved again, edited or
        // not (a letter typed and taken back is no new note): a second
        // approved file for the same person, which the pace would count
        // twice. Asked.
        let sent = self.doc.is_record() && self.doc.opened != Some(Status::Approved);
        if sent && !again && !force {
            let day = self
                .doc
                .sent_at
                .as_ref()
                .and_then(poignee::outcome::day)
                .map(|d| d.to_string());
            self.dialog = Some(Dialog::Resend { sent: day, then });
            return;
        }
        let errors = self.checks.report.count(Severity::Error);
        if errors > 0 && !force {
            self.dialog = Some(Dialog::Approve { errors, then });
            return;
        }
        self.write(Status::Approved, then);
    }

    /// Saves the note as a draft, not approved: nothing is copied, no check
    /// stops it, and it can be approved later from the drafts screen.
    pub(super) fn save_draft(&mut self) {
        self.save_draft_then(After::Stay);
    }

    /// [`App::save_draft`], then quits or starts anew once it is written.
    pub(super) fn save_draft_then(&mut self, then: After) {
        self.fresh();
        if self.note.text().trim().is_empty() && self.target() == Target::default() {
            let msg = self.t(Text::new(
                "rien à enregistrer : la note est vide",
                "nothing to save: the note is empty",
            ));
            self.say(Severity::Warning, msg);
            return;
        }
        self.write(Status::Draft, then);
    }

    /// Asks for the note to be written with `status`, over the draft it was
    /// opened from or at a free name; the answer comes as [`Done::Saved`].
    pub(super) fn write(&mut self, status: Status, then: After) {
        if self.worker.folder.is_none() {
            let msg = self.l(&no_folder());
            self.say(Severity::Error, msg);
            return;
        }
        // One save at a time: the next needs the path the first wrote.
        if self.saving {
            self.doc.pending_save = Some((status, then));
            return;
        }
        // An approved note is a record (it was copied, the pace counts it):
        // kept as a draft, its changes go to a new file beside it; a sent or
        // answered one is never written over.
        let over = self.over(status);
        self.saving = true;
        self.ask(Effect::Io(Job::Save {
            draft: Box::new(self.to_draft(status)),
            over,
            then,
            revision: self.doc.revision,
            note: self.doc.id,
        }));
    }

    /// The file a save with `status` writes over: the draft the note was
    /// opened from, unless it is a record a save goes beside.
    fn over(&self, status: Status) -> Option<PathBuf> {
        let sent = self.doc.is_record() && self.doc.opened != Some(Status::Approved);
        self.doc
            .path
            .clone()
            .filter(|_| !sent && (status == Status::Approved || !self.doc.is_record()))
    }

    /// Your pace, from the drafts listed, sent or approved ([`Pace::of`]).
    pub fn pace(&self, now: jiff::Timestamp) -> Pace {
        let free = self.form.platform == Platform::Linkedin && self.form.tier == Tier::Free;
        Pace::of(
            self.shelf.entries.iter().filter_map(|e| e.paced_at),
            now,
            &self.worker.cross,
            free,
        )
    }
}
