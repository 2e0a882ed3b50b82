//! The text found in the recovery file at start (the app was killed or
//! crashed): offered in a banner while a new note is typed, restored
//! (Ctrl-R) or set aside (Esc); the texts set aside counted at start; and
//! what the runtime did with the recovery file, told as messages.

use super::{App, Effect, Focus, Recovery, Screen};
use crate::tui::keys::Action;
use poignee::lang::{Lang, Text};
use poignee::lint::Severity;
use poignee::target::Target;
use std::path::Path;

impl App {
    /// Ctrl-R: the text found at start back in the editor. Over a new note
    /// nothing is lost and nothing glued: what was typed follows the
    /// recovered text after a blank line (one undo takes the recovered
    /// text out again), and the recipient typed is kept, the recovered one
    /// filling only the fields left empty (its file is kept aside when a
    /// field it names was not taken).
    pub(super) fn restore(&mut self) {
        let Some(offer) = self.offer.take() else {
            let msg = self.t(Text::new(
                "aucun texte retrouvé à reprendre",
                "no recovered text to restore",
            ));
            self.say(Severity::Info, msg);
            return;
        };
        let found = *offer.draft;
        self.screen = Screen::Compose;
        self.focus = Focus::Note;
        if !self.unsaved() {
            self.open(&found, None);
            self.doc.dirty = true;
            self.unsynced = true;
            self.ask(Effect::Restored {
                aside: offer.aside,
                keep: false,
            });
            let msg = self.t(Text::new(
                "texte retrouvé repris",
                "recovered text restored",
            ));
            self.say(Severity::Info, msg);
            return;
        }
        let typed = self.note.text().trim_end().to_string();
        let mine = self.target();
        let theirs = found.front.target.clone().unwrap_or_default();
        let either = |m: &Option<String>, t: &Option<String>| m.clone().or_else(|| t.clone());
        let differ = |m: &Option<String>, t: &Option<String>| matches!((m, t), (Some(a), Some(b)) if a.trim() != b.trim());
        let keep = differ(&mine.name, &theirs.name)
            || differ(&mine.headline, &theirs.headline)
            || differ(&mine.region, &theirs.region)
            || differ(&mine.sector, &theirs.sector)
            || matches!((mine.relationship, theirs.relationship), (Some(a), Some(b)) if a != b);
        let target = Target {
            name: either(&mine.name, &theirs.name),
            headline: either(&mine.headline, &theirs.headline),
            company: theirs.company.clone(),
            region: either(&mine.region, &theirs.region),
            sector: either(&mine.sector, &theirs.sector),
            relationship: mine.relationship.or(theirs.relationship),
            profile: theirs.profile.clone(),
        };
        let old = found.body.trim_end();
        // Merged with what was typed, the recovered text is one undo away
        // from gone: its file stays aside until the user cleans it.
        let keep = keep || !(old.trim().is_empty() || typed.trim().is_empty());
        let body = if old.trim().is_empty() {
            typed.clone()
        } else if typed.trim().is_empty() {
            old.to_string()
        } else {
            format!("{old}\n\n{typed}")
        };
        let mut merged = found.clone();
        merged.front.target = (target != Target::default()).then_some(target);
        // Opened with the text typed, then the merged text as one step:
        // undo gives back what was typed.
        merged.body = self.note.text().to_string();
        self.open(&merged, None);
        self.note.editor.set_text(&body);
        self.note.follow();
        self.changed();
        self.ask(Effect::Restored {
            aside: offer.aside,
            keep,
        });
        let undo = self.key_of(Action::Undo);
        let msg = match self.lang {
            Lang::Fr => format!(
                "texte retrouvé repris ; ce que vous aviez tapé le suit, après une ligne vide ({undo} l’enlève)"
            ),
            Lang::En => format!(
                "recovered text restored; what you had typed follows it, after a blank line ({undo} takes it out)"
            ),
        };
        self.say(Severity::Info, msg);
    }

    /// Esc at the banner: the text found at start goes aside (its file,
    /// dated, beside the recovery file); the note being typed stays.
    pub(super) fn decline_offer(&mut self) {
        if let Some(offer) = self.offer.take() {
            self.ask(Effect::SetAside(offer.aside));
        }
    }

    /// How many recovered texts are set aside and where, said at start
    /// when there are any, with the key that cleans the old ones.
    pub(super) fn say_aside(&mut self) {
        let (n, old) = (self.aside.all.len(), self.aside.old.len());
        let Some(dir) = self
            .aside
            .all
            .first()
            .and_then(|p| p.parent())
            .map(|p| self.shown(p))
        else {
            return;
        };
        let (drafts, clean) = (self.key_of(Action::Drafts), self.key_of(Action::CleanAside));
        let msg = match (self.lang, old) {
            (Lang::Fr, 0) => {
                format!("{n} texte(s) retrouvé(s) mis de côté dans {dir} (recovery-*.md)")
            }
            (Lang::En, 0) => format!("{n} recovered text(s) set aside in {dir} (recovery-*.md)"),
            (Lang::Fr, _) => format!(
                "{n} texte(s) retrouvé(s) mis de côté dans {dir} (recovery-*.md), dont {old} de plus de 30 jours : {drafts} puis {clean} pour les supprimer"
            ),
            (Lang::En, _) => format!(
                "{n} recovered text(s) set aside in {dir} (recovery-*.md), {old} of them over 30 days old: {drafts} then {clean} deletes those"
            ),
        };
        let msg = crate::tui::theme::fr(self.lang, msg);
        self.say(Severity::Info, msg);
    }

    /// What the runtime did with the recovery file.
    pub(super) fn recovery(&mut self, done: Recovery) {
        match done {
            Recovery::Synced => self.unsynced = false,
            Recovery::MadeRoom(to) => {
                if let Some(offer) = &mut self.offer {
                    offer.aside = Some(to);
                }
            }
            Recovery::SetAside(to) => self.set_aside_notice(&to),
            Recovery::KeptAside(to) => self.kept_aside_notice(&to),
        }
    }

    /// The recovered file kept aside after a restore that did not take
    /// all of it (a recipient of its own).
    fn kept_aside_notice(&mut self, to: &Path) {
        let msg = match self.lang {
            Lang::Fr => format!(
                "texte retrouvé repris, avec ce que vous aviez tapé ; son fichier reste aussi dans {}",
                self.shown(to)
            ),
            Lang::En => format!(
                "recovered text restored, with what you had typed; its file stays in {} too",
                self.shown(to)
            ),
        };
        self.say(Severity::Info, msg);
    }

    fn set_aside_notice(&mut self, to: &Path) {
        let msg = match self.lang {
            Lang::Fr => format!("texte retrouvé mis de côté dans {}", self.shown(to)),
            Lang::En => format!("recovered text set aside in {}", self.shown(to)),
        };
        self.say(Severity::Info, msg);
    }
}
