//! The TUI's state and its `update`: a message in (a key, a paste, a new
//! size, a pause in the typing, a file job done), the state changed and
//! the effects it asks for handed back (the clipboard, file jobs). No
//! terminal and no file here: the runtime (`run.rs`) carries out the
//! effects, `ui.rs` draws.
//! The components own their state and keys; the app routes keys to the one
//! in focus and does what their answers mean.
//!
//! Here, the state, the messages and `update`; the rest of the `impl` in
//! `input.rs` (keys, pastes, actions, dialogs' answers), `doc.rs` (the note
//! as a document: opened, started anew, made a draft), `problems.rs` (the
//! checks and F8), `library.rs` (the templates), `recovery.rs` (the text
//! found at start, the recovery file's news), `hints.rs` (what the keys do
//! here, from the component in sight), and `../files.rs` (saving, the
//! drafts screen, file jobs' answers).

use super::checks::Checks;
use super::dialog::{Dialog, Help};
use super::form::Form;
use super::io::{Done, Job, Worker};
use super::keys::{Action, Keymap};
use super::layout;
use super::note::Note;
pub use super::setup::{Aside, Setup, Start};
use super::shelf::Shelf;
use super::templates::Picker;
use super::theme::Notice;
pub use doc::Doc;
use poignee::audience::{Decision, Verdict};
use poignee::draft::Draft;
use poignee::drafts::Folder;
use poignee::lang::{Lang, Localized, Text};
use poignee::lint::{Linter, Severity};
use poignee::target::Target;
use poignee::template::Library;
use ratatui::crossterm::event::KeyEvent;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod doc;
mod hints;
mod input;
mod library;
mod problems;
mod recovery;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Compose,
    Templates,
    Drafts,
    /// Outcomes: sent, accepted, by week and by template.
    Stats,
}

/// Where keys go on the compose screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The target form (its field in focus is the form's own).
    Form,
    Note,
    Checks,
}

/// What `update` takes.
#[derive(Debug)]
pub enum Msg {
    Key(KeyEvent),
    /// Pasted text (bracketed paste).
    Paste(String),
    /// The terminal's new size.
    Resize(u16, u16),
    /// The typing paused: a long note is checked now.
    Pause,
    Done(Done),
    /// The time now, where the user is: said by the runtime before each
    /// message, as `update` never reads the clock.
    Tick(jiff::Zoned),
    /// What the app starts with besides its settings: the first message.
    Start(Box<Start>),
    /// What the runtime did with the recovery file.
    Recovery(Recovery),
    /// A file job the runtime could not hand to its worker (gone after a
    /// panic): no answer will come for it.
    Unanswered,
}

/// What the runtime did with the recovery file, for `update` to know.
#[derive(Debug, Clone, PartialEq)]
pub enum Recovery {
    /// It holds the note as it is now, or is gone (nothing to keep).
    Synced,
    /// The text found there at start, still offered, went to this path
    /// (beside it, dated) so that it could take the note being typed.
    MadeRoom(PathBuf),
    /// The text found at start, declined, is now at this path.
    SetAside(PathBuf),
    /// A restore did not take all of the text found (a recipient of its
    /// own): its file stays at this path too.
    KeptAside(PathBuf),
}

/// Something for the runtime to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Put the text on the system clipboard.
    Copy(String),
    /// The text found at start declined: its file goes beside the
    /// recovery file, dated (unless it went there already: the path).
    SetAside(Option<PathBuf>),
    /// The text found at start restored: the recovery file now holds it
    /// (the copy set aside, if any, goes), or, when `keep`, the recovered
    /// file stays aside too (a recipient it named was not taken).
    Restored { aside: Option<PathBuf>, keep: bool },
    /// Clear the terminal and draw every cell again.
    Redraw,
    /// File work, off the UI thread; its [`Done`] comes back as a message.
    Io(Job),
}

/// A note found in the recovery file at start (the app was killed or
/// crashed): offered in a banner above the note while a new one is typed;
/// never a question that typing could answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Offer {
    pub draft: Box<Draft>,
    /// Where its file went once the new note had to be kept in the recovery
    /// file: beside it, dated. `None` while it is still the recovery file.
    pub aside: Option<PathBuf>,
}

pub struct App {
    pub lang: Lang,
    pub linter: Arc<Linter>,
    pub keymap: Keymap,
    pub library: Library,
    pub worker: Worker,
    pub color: bool,

    pub screen: Screen,
    pub focus: Focus,
    pub dialog: Option<Dialog>,
    /// The text found at start, until it is restored or set aside.
    pub offer: Option<Offer>,
    pub help: Help,
    pub form: Form,
    pub note: Note,
    pub checks: Checks,
    pub picker: Picker,
    pub shelf: Shelf,
    /// The outcomes, once read (F6).
    pub stats: Option<Box<poignee::stats::Stats>>,
    /// The first row of the outcomes' rates in sight.
    pub outcomes_scroll: usize,
    pub verdict: Verdict,

    /// What is known of the note being edited besides its text and its
    /// recipient: its file, its status, its template.
    pub doc: Doc,
    /// The recovered texts set aside beside the recovery file (`recovery-
    /// ….md`), and which of them are over 30 days old: said at start, and
    /// cleaned from the drafts screen.
    pub aside: Aside,
    /// A save is out (of this note or the one before): another asked
    /// meanwhile waits for its answer, as [`Doc::pending_save`].
    pub saving: bool,

    pub notice: Option<Notice>,
    /// Text changed since the recovery file was last written (whichever
    /// note it is: the recovery file holds the one open).
    pub unsynced: bool,
    pub quit: bool,
    /// The effects asked for by the message being handled: `update` hands
    /// them to its caller, so that between two messages it is empty.
    outbox: Vec<Effect>,
    /// Internal clipboard, for copy and paste inside the app.
    pub clip: String,
    /// The time now, where the user is: the runtime says it before each
    /// message ([`Msg::Tick`]), so that `update` never reads the clock
    /// (and a test sets it).
    pub clock: jiff::Zoned,
    /// The home folder, for paths written `~/…`.
    pub home: Option<PathBuf>,
    /// The terminal's size, for the layout.
    pub size: (u16, u16),
    /// File jobs asked for and not done yet.
    pub busy: usize,
}

/// From this many bytes, the note is checked when the typing pauses rather
/// than at every key: about 10 ms of linting, a hundred times the longest
/// note a platform takes, so no real note ever waits.
pub const LIVE_LINT_BYTES: usize = 32 * 1024;

impl App {
    pub fn new(setup: Setup) -> App {
        let linter = Arc::new(setup.linter);
        let mut app = App {
            lang: setup.lang,
            worker: Worker {
                folder: setup.drafts_dir.map(Folder::new),
                linter: Arc::clone(&linter),
                cross: setup.cross,
                ignored_after_days: setup.ignored_after_days,
            },
            linter,
            keymap: setup.keymap,
            library: setup.library,
            color: setup.color,
            screen: Screen::Compose,
            focus: Focus::Note,
            dialog: None,
            offer: None,
            help: Help::default(),
            form: Form::new(setup.platform, setup.tier),
            note: Note::new(""),
            checks: Checks::new(),
            picker: Picker::new(),
            shelf: Shelf::default(),
            stats: None,
            outcomes_scroll: 0,
            verdict: Verdict {
                decision: Decision::In,
                fields: Vec::new(),
            },
            aside: Aside::default(),
            doc: Doc::default(),
            saving: false,
            notice: None,
            unsynced: false,
            quit: false,
            outbox: Vec::new(),
            clip: String::new(),
            clock: setup.clock,
            home: setup.home,
            size: (80, 24),
            busy: 0,
        };
        app.relint();
        app.layout();
        app
    }

    pub fn t(&self, t: Text) -> String {
        t.get(self.lang).into_owned()
    }

    pub fn l(&self, l: &Localized) -> String {
        l.get(self.lang).into_owned()
    }

    /// Today where the user is, by [`App::clock`].
    pub fn today(&self) -> jiff::civil::Date {
        self.clock.date()
    }

    /// A path as the user reads it: `~/…` under the home folder.
    pub fn shown(&self, path: &Path) -> String {
        super::theme::tilde(path, self.home.as_deref())
    }

    pub(super) fn say(&mut self, level: Severity, text: String) {
        // Messages built with `format!` get French typography here, as the
        // catalogue's texts get it when shown.
        let text = crate::tui::theme::fr(self.lang, text);
        self.notice = Some(Notice { text, level });
    }

    /// The first key of an action, as this keyboard names it.
    pub fn key_of(&self, action: Action) -> String {
        self.keymap.label(action)
    }

    pub fn target(&self) -> Target {
        self.form.target()
    }

    pub fn limit(&self) -> usize {
        self.linter
            .limits
            .for_platform(self.form.platform, self.form.tier)
    }

    /// Everything that comes in, and what the runtime is to do about it:
    /// the clipboard, file jobs (whose answers come back as
    /// [`Msg::Done`]), a redraw, the recovery file.
    #[must_use = "the effects are the runtime's to carry out: a file job dropped never answers"]
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        match msg {
            Msg::Key(ev) if self.takes(&ev) => self.key(ev),
            Msg::Key(_) => {}
            // Nothing can be seen to paste into on the too-small screen
            // (a dialog has no text field).
            Msg::Paste(text) if self.seen() => self.paste(&text),
            Msg::Paste(_) => {}
            Msg::Resize(w, h) => self.size = (w, h),
            Msg::Pause => self.fresh(),
            Msg::Done(done) => self.done(done),
            Msg::Start(start) => self.start(*start),
            Msg::Recovery(done) => self.recovery(done),
            Msg::Unanswered => self.busy = self.busy.saturating_sub(1),
            // No pane changes size with the time: nothing to lay out.
            Msg::Tick(now) => {
                self.clock = now;
                return Vec::new();
            }
        }
        self.layout();
        std::mem::take(&mut self.outbox)
    }

    /// The app's start: the draft or template asked for on the command
    /// line, the texts set aside said, the text found offered.
    fn start(&mut self, start: Start) {
        if let Some((path, draft)) = start.draft {
            self.open(&draft, Some(path));
        }
        if let Some(name) = &start.template {
            self.start_from(name);
        }
        self.aside = start.aside;
        self.say_aside();
        self.offer = start.found.map(|draft| Offer {
            draft: Box::new(draft),
            aside: None,
        });
        if start.plain_keys {
            self.keymap.without_enhanced_keys();
        }
    }

    /// Asks the runtime for `effect` once this message is handled. A file
    /// job keeps the app busy until its answer comes back.
    pub(super) fn ask(&mut self, effect: Effect) {
        if matches!(effect, Effect::Io(_)) {
            self.busy += 1;
        }
        self.outbox.push(effect);
    }

    /// The note's size from the layout of the frame (the status line grows
    /// with a long notice): known before the frame is drawn.
    fn layout(&mut self) {
        let area = layout::frame(self);
        let pane = layout::note_pane(area, self);
        self.note.resize(super::note::text_area(pane));
        // The lists' pages, for the page keys and the scroll.
        match self.screen {
            Screen::Drafts => {
                self.shelf.page = layout::drafts_rows(area, self);
                self.shelf.follow();
            }
            Screen::Templates => {
                self.picker.page = layout::templates_rows(area, self);
                let count = self.filtered_templates().len();
                self.picker.follow(count);
            }
            Screen::Compose | Screen::Stats => {}
        }
    }
}
