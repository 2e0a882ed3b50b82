//! The note as a document: what is known of it besides its text and its
//! recipient ([`Doc`]), the draft file it makes, and opening another or
//! starting anew.

use super::{App, Focus, Screen};
use crate::tui::dialog::After;
use crate::tui::keys::Action;
use poignee::draft::{Draft, FrontMatter, Status};
use poignee::drafts::NewDraft;
use poignee::lang::{Lang, Localized};
use poignee::lint::Severity;
use poignee::target::Target;
use poignee::template;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// The note being edited as a document: where it comes from and what it
/// was, what its file keeps besides the text and the recipient, and where
/// its saving stands. Opening another note or starting one makes a new one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Doc {
    /// Which note this is: a new one for each note opened or started, so
    /// that a save answered late is not taken for this one.
    pub id: u64,
    /// The file the note was opened from or last saved to.
    pub path: Option<PathBuf>,
    /// The status of the file the note was opened from or last saved to:
    /// an approved or sent note is a record, never written over by a draft,
    /// and a sent or answered one never written over at all.
    pub opened: Option<Status>,
    /// When the file the note was opened from was sent, as it says.
    pub sent_at: Option<toml::value::Datetime>,
    pub created_at: Option<toml::value::Datetime>,
    /// The template the note started from, and its values.
    pub template: Option<String>,
    pub values: BTreeMap<String, String>,
    /// The rules the opened draft deliberately allows, kept when it is saved.
    pub allow: Vec<poignee::RuleId>,
    /// The checks across drafts (`repeated-text`) of the note as last saved
    /// or opened: found off the UI thread, shown among the checks.
    pub cross: Option<Localized>,
    /// Bumped at every change of the note or the target.
    pub revision: u64,
    /// Text changed since the last save.
    pub dirty: bool,
    /// A save asked while another was out: made once that one answers (it
    /// needs the path the first one wrote).
    pub pending_save: Option<(Status, After)>,
}

impl Doc {
    /// The note `draft`, opened from `path` (none for a new note or a text
    /// recovered), in place of `before`: another note, with its own id, and
    /// a revision that goes on counting.
    fn opened(draft: &Draft, path: Option<PathBuf>, before: &Doc) -> Doc {
        let front = &draft.front;
        Doc {
            id: before.id + 1,
            opened: path.as_ref().and(front.status),
            sent_at: path.as_ref().and(front.sent_at),
            path,
            created_at: front.created_at,
            template: front.template.clone(),
            values: front.values.clone(),
            allow: front.allow.clone(),
            cross: None,
            revision: before.revision + 1,
            dirty: false,
            pending_save: None,
        }
    }

    /// The note came from an approved, sent or answered file.
    pub fn is_record(&self) -> bool {
        self.opened.is_some_and(|s| s != Status::Draft)
    }
}

impl App {
    pub(in crate::tui) fn changed(&mut self) {
        self.doc.dirty = true;
        self.unsynced = true;
        self.doc.revision += 1;
        self.notice = None;
        self.relint_soon();
    }

    /// The note as a draft file, for saving and for the recovery file.
    pub fn to_draft(&self, status: Status) -> Draft {
        let target = self.target();
        NewDraft {
            platform: self.form.platform,
            tier: self.form.tier,
            lang: Some(self.checks.report.lang),
            status,
            created_at: self.doc.created_at,
            template: self.doc.template.clone().filter(|t| self.still_from(t)),
            target: (target != Target::default()).then_some(target),
            values: self.doc.values.clone(),
            allow: self.doc.allow.clone(),
            body: with_final_newline(self.note.text()),
        }
        .at(self.clock.timestamp())
    }

    /// Whether the note still comes from the template `name`: at least half
    /// the words of its own text (what is not a `{{…}}`) are still in the
    /// note. A note rewritten by hand is no longer credited to it (the
    /// figures by template would count it). A template not in the library
    /// is kept as the draft said.
    pub fn still_from(&self, name: &str) -> bool {
        let Some(t) = self.library.find(name) else {
            return true;
        };
        let words = |text: &str| -> Vec<String> {
            text.split(|c: char| !c.is_alphanumeric())
                .filter(|w| w.chars().count() >= 4)
                .map(str::to_lowercase)
                .collect()
        };
        let body = &t.draft.body;
        let mut own = String::with_capacity(body.len());
        let mut from = 0;
        for slot in template::slots(body) {
            own.push_str(body.get(from..slot.span.start).unwrap_or(""));
            own.push(' ');
            from = slot.span.end;
        }
        own.push_str(body.get(from..).unwrap_or(""));
        let theirs = words(&own);
        if theirs.is_empty() {
            return true;
        }
        let note: std::collections::HashSet<String> = words(self.note.text()).into_iter().collect();
        let kept = theirs.iter().filter(|w| note.contains(*w)).count();
        kept * 2 >= theirs.len()
    }

    /// Loads a draft into the form and the editor.
    pub(in crate::tui) fn open(&mut self, draft: &Draft, path: Option<PathBuf>) {
        self.form
            .fill(&draft.front.target.clone().unwrap_or_default());
        if let Some(p) = draft.front.platform {
            self.form.platform = p;
        }
        if let Some(t) = draft.front.tier {
            self.form.tier = t;
        }
        // The file's final newline is the file's, not a line of the note.
        let body = draft.body.strip_suffix('\n').unwrap_or(&draft.body);
        self.note.replace(body.strip_suffix('\r').unwrap_or(body));
        self.doc = Doc::opened(draft, path.clone(), &self.doc);
        // A saved draft is compared with the others of the folder, off the
        // UI thread.
        if let Some(p) = path {
            self.check_across(draft.clone(), Some(p));
        }
        self.screen = Screen::Compose;
        self.focus = Focus::Note;
        self.relint_soon();
        if self.checks.stale {
            self.checks.forget();
        }
    }

    pub(in crate::tui) fn reset(&mut self) {
        let empty = Draft {
            front: FrontMatter::default(),
            body: String::new(),
            body_offset: 0,
        };
        self.open(&empty, None);
        self.focus = Focus::Form;
        self.form.at = 0;
        // What was said of the last note is not about this one; what is
        // said is where the keys now go.
        let msg = self.new_note_hint();
        self.say(Severity::Info, msg);
    }

    /// Where a new note starts: the person's name, in the form.
    fn new_note_hint(&self) -> String {
        let tab = self.key_of(Action::NextFocus);
        match self.lang {
            Lang::Fr => {
                format!("Nouvelle note. À qui écrivez-vous ? Son nom ici, puis {tab} : la note")
            }
            Lang::En => format!("New note. Who is it for? Their name here, then {tab}: the note"),
        }
    }

    /// Text or a recipient that only this editor holds: leaving asks first.
    pub fn unsaved(&self) -> bool {
        self.doc.dirty
            && (!self.note.text().trim().is_empty() || self.target() != Target::default())
    }
}

/// A text file ends with a newline (`cat`, `git diff` and editors expect
/// one); an empty note stays empty.
fn with_final_newline(text: &str) -> String {
    let mut body = text.to_string();
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    body
}
