//! The TUI's state and its `update`: a message in (a key, a paste, a new
//! size, a pause in the typing, a file job done), the state changed and
//! the effects it asks for handed back (the clipboard, file jobs). No
//! terminal and no file here: the runtime (`run.rs`) carries out the
//! effects, `ui.rs` draws.
//! The components own their state and keys; the app routes keys to the one
//! in focus and does what their answers mean.

use super::checks::{Checks, ChecksEvent};
use super::dialog::{After, Answer, Dialog, Help};
use super::form::{Form, FormEvent};
use super::io::{Done, Job, Worker};
use super::keys::{Action, Key, Keymap, Scope};
use super::layout;
use super::note::{Edit, Note};
pub use super::setup::{Aside, Setup, Start};
use super::shelf::Shelf;
use super::templates::{Picker, PickerEvent};
use super::theme::Notice;
use poignee::audience::{Decision, Verdict};
use poignee::draft::{Draft, FrontMatter, Status};
use poignee::drafts::Folder;
use poignee::lang::{Lang, Localized, Text};
use poignee::lint::{Context, Linter, Severity};
use poignee::target::{Platform, Target};
use poignee::template::{self, Library, Template};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

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

/// A text file ends with a newline (`cat`, `git diff` and editors expect
/// one); an empty note stays empty.
fn with_final_newline(text: &str) -> String {
    let mut body = text.to_string();
    if !body.is_empty() && !body.ends_with('\n') {
        body.push('\n');
    }
    body
}

/// A moment as a draft's front matter writes it (UTC, to the second).
fn datetime(at: jiff::Timestamp) -> Option<toml::value::Datetime> {
    at.strftime("%Y-%m-%dT%H:%M:%SZ").to_string().parse().ok()
}

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
        let text = match self.lang {
            Lang::Fr => poignee::lang::french_spacing(&text).into_owned(),
            Lang::En => text,
        };
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
            Msg::Paste(text) => self.paste(&text),
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

    /// Whether a key from the terminal is taken: not its release (some
    /// terminals report those), and on the "window too small" screen, where
    /// nothing can be seen, only the keys that quit or redraw (a question
    /// asked is shown there, and answered).
    fn takes(&self, ev: &KeyEvent) -> bool {
        if ev.kind == KeyEventKind::Release {
            return false;
        }
        let (w, h) = self.size;
        if self.dialog.is_some() || (w >= layout::MIN_WIDTH && h >= layout::MIN_HEIGHT) {
            return true;
        }
        let key = Key::of(ev);
        [Action::Quit, Action::Redraw]
            .iter()
            .any(|&a| self.keymap.keys(a).contains(&key))
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

    /// What the runtime did with the recovery file.
    fn recovery(&mut self, done: Recovery) {
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

    /// Lints the note again, for the target as the form says.
    pub(super) fn relint(&mut self) {
        let target = self.target();
        let cx = Context {
            platform: self.form.platform,
            tier: self.form.tier,
            lang: None,
            target: Some(&target),
            allow: &[],
        };
        let mut report = self.linter.lint(self.note.text(), &cx);
        if let Some(found) = &self.doc.cross {
            report.diagnostics.push(self.cross_finding(found));
        }
        self.checks.set(report);
        self.verdict = self.linter.audience.verdict(Some(&target));
    }

    /// The `repeated-text` finding as the checks pane lists it: on the
    /// whole note, as of its last save (the other drafts are read then, not
    /// at every key).
    fn cross_finding(&self, found: &poignee::lang::Localized) -> poignee::lint::Diagnostic {
        let severity = self
            .linter
            .severity(poignee::RuleId::RepeatedText)
            .unwrap_or(Severity::Warning);
        poignee::lint::Diagnostic {
            rule: poignee::RuleId::RepeatedText,
            severity,
            span: 0..0,
            message: poignee::lang::Localized::new(
                format!("{} (au dernier enregistrement)", found.fr),
                format!("{} (as of the last save)", found.en),
            ),
            suggestion: Some(poignee::lang::Localized::new(
                "écrivez pour cette personne une raison qui n’est qu’à elle",
                "write this person a reason that is theirs alone",
            )),
            reason: None,
        }
    }

    /// Asks for the checks across drafts of the note as `draft` says, saved
    /// at `path` (if it is): the answer comes as [`super::io::Done::Cross`].
    pub(super) fn check_across(&mut self, draft: Draft, path: Option<PathBuf>) {
        if self.worker.folder.is_none() {
            return;
        }
        self.ask(Effect::Io(Job::Cross {
            draft: Box::new(draft),
            path,
            note: self.doc.id,
        }));
    }

    pub(super) fn changed(&mut self) {
        self.doc.dirty = true;
        self.unsynced = true;
        self.doc.revision += 1;
        self.notice = None;
        self.relint_soon();
    }

    /// Lints the note now or, when it is too long to lint at every key
    /// ([`LIVE_LINT_BYTES`]), once the typing pauses: the screen answers
    /// first.
    pub(super) fn relint_soon(&mut self) {
        if self.note.text().len() > LIVE_LINT_BYTES {
            self.checks.stale = true;
        } else {
            self.relint();
        }
    }

    /// Checks the note now if a change is waiting to be checked.
    pub(super) fn fresh(&mut self) {
        if self.checks.stale {
            self.relint();
        }
    }

    /// The note as a draft file, for saving and for the recovery file.
    pub fn to_draft(&self, status: Status) -> Draft {
        let target = self.target();
        let now = self.clock.timestamp();
        let approved = status == Status::Approved;
        let platform = self.form.platform;
        Draft {
            front: FrontMatter {
                platform: Some(platform),
                tier: (platform == Platform::Linkedin).then_some(self.form.tier),
                lang: Some(self.checks.report.lang),
                status: Some(status),
                created_at: self.doc.created_at.or_else(|| datetime(now)),
                approved_at: if approved { datetime(now) } else { None },
                template: self.doc.template.clone().filter(|t| self.still_from(t)),
                target: (target != Target::default()).then_some(target),
                values: self.doc.values.clone(),
                allow: self.doc.allow.clone(),
                ..FrontMatter::default()
            },
            body: with_final_newline(self.note.text()),
            body_offset: 0,
        }
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
    pub(super) fn open(&mut self, draft: &Draft, path: Option<PathBuf>) {
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

    pub(super) fn reset(&mut self) {
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
    pub(super) fn new_note_hint(&self) -> String {
        let tab = self.key_of(Action::NextFocus);
        match self.lang {
            Lang::Fr => {
                format!("Nouvelle note. À qui écrivez-vous ? Son nom ici, puis {tab} : la note")
            }
            Lang::En => format!("New note. Who is it for? Their name here, then {tab}: the note"),
        }
    }

    /// Whether keys type text where the focus is.
    pub fn typing(&self) -> bool {
        match self.screen {
            Screen::Compose => match self.focus {
                Focus::Note => true,
                Focus::Form => self.form.field().text_index().is_some(),
                Focus::Checks => false,
            },
            Screen::Templates => true,
            Screen::Drafts => self.shelf.filtering,
            Screen::Stats => false,
        }
    }

    /// Where the keys are looked up, the nearest first.
    fn scopes(&self) -> &'static [Scope] {
        match (self.screen, self.typing()) {
            (Screen::Drafts, false) => &[Scope::Everywhere, Scope::Drafts, Scope::Moving],
            (_, true) => &[Scope::Everywhere, Scope::Text, Scope::Moving],
            (_, false) => &[Scope::Everywhere, Scope::Moving],
        }
    }

    /// A key from the terminal.
    fn key(&mut self, ev: KeyEvent) {
        let key = Key::of(&ev);
        if let Some(dialog) = self.dialog.clone() {
            self.dialog_key(dialog, key);
            return;
        }
        // The text found at start is restored from wherever its banner can
        // be reached, the checks pane too (the drafts screen has its own
        // use for the key).
        if self.offer.is_some()
            && self.screen != Screen::Drafts
            && self.keymap.keys(Action::Restore).contains(&key)
        {
            self.restore();
            return;
        }
        // A letter typed in the checks pane goes to the note (F8 brings the
        // focus there): typed text never vanishes, nor opens the help.
        let typing =
            self.typing() || (self.screen == Screen::Compose && self.focus == Focus::Checks);
        if let Some((action, extend)) = self.keymap.action(key, self.scopes()) {
            // In text, a plain character bound to an action ("?") is typed.
            if !(typing && key.is_typed()) {
                self.act(action, extend);
                return;
            }
        }
        if let (true, KeyCode::Char(c)) = (key.is_typed(), ev.code) {
            self.typed(c.encode_utf8(&mut [0; 4]));
        }
    }

    /// Text typed or pasted where the focus is.
    fn typed(&mut self, text: &str) {
        match (self.screen, self.focus) {
            // Typed in the checks pane (F8 brings the focus there to explain
            // a finding on the whole note): the text goes to the note.
            (Screen::Compose, Focus::Note | Focus::Checks) => {
                self.focus = Focus::Note;
                self.note.insert(text);
                self.changed();
            }
            (Screen::Compose, Focus::Form) => match self.form.typed(text) {
                FormEvent::Changed => {
                    self.changed();
                    self.form.complete(self.lang);
                }
                FormEvent::Choice => {
                    let msg = match self.lang {
                        Lang::Fr => format!(
                            "ce champ est un choix : {} ou {} le changent",
                            self.key_of(Action::Change),
                            self.keymap.pair(Action::Left, Action::Right)
                        ),
                        Lang::En => format!(
                            "this field is a choice: {} or {} change it",
                            self.key_of(Action::Change),
                            self.keymap.pair(Action::Left, Action::Right)
                        ),
                    };
                    self.say(Severity::Info, msg);
                }
                _ => {}
            },
            (Screen::Templates, _) => self.picker.typed(text),
            (Screen::Drafts, _) if self.shelf.filtering => self.shelf.typed(text),
            _ => {}
        }
    }

    /// Pasted text (bracketed paste, or the app's own clipboard).
    fn paste(&mut self, text: &str) {
        if self.dialog.is_none() {
            self.typed(text);
        }
    }

    /// An action from the key table.
    fn act(&mut self, action: Action, extend: bool) {
        match action {
            Action::Approve => self.approve(false),
            Action::Save => self.save_draft(),
            Action::Templates => {
                // A new search each time: the last filter would take the
                // letters typed after it.
                self.screen = Screen::Templates;
                self.picker.filter = super::editor::Editor::single_line("");
                self.picker.selected = 0;
                self.picker.offset = 0;
            }
            Action::Drafts => {
                self.screen = Screen::Drafts;
                self.list_drafts(false);
            }
            Action::Compose => self.screen = Screen::Compose,
            Action::Stats => {
                self.screen = Screen::Stats;
                self.ask(Effect::Io(Job::Stats {
                    today: self.today(),
                }));
                // The weeks are drawn from the drafts listed.
                self.list_drafts(false);
            }
            Action::MarkSent if self.screen != Screen::Drafts => self.mark_open_sent(),
            Action::Help => self.dialog = Some(Dialog::Help),
            Action::Quit => {
                if self.unsaved() {
                    self.dialog = Some(Dialog::Quit);
                } else {
                    self.quit = true;
                }
            }
            Action::NewNote => {
                if self.unsaved() {
                    self.dialog = Some(Dialog::NewNote);
                } else {
                    self.reset();
                }
            }
            Action::Redraw => self.ask(Effect::Redraw),
            // While the drafts' filter is typed, the key re-checks as it
            // does on that screen.
            Action::Restore if self.screen == Screen::Drafts => {
                self.drafts_act(Action::Recheck, false)
            }
            Action::Restore => self.restore(),
            Action::NextFocus | Action::PrevFocus if self.screen == Screen::Compose => {
                self.cycle_focus(action == Action::NextFocus);
            }
            Action::NextProblem => self.goto_problem(1),
            Action::PrevProblem => self.goto_problem(-1),
            Action::Paste => {
                let clip = self.clip.clone();
                self.paste(&clip);
            }
            _ => match self.screen {
                Screen::Compose => self.compose_act(action, extend),
                Screen::Templates => self.templates_act(action, extend),
                Screen::Drafts => self.drafts_act(action, extend),
                Screen::Stats if action == Action::Back => self.screen = Screen::Compose,
                Screen::Stats => self.scroll_outcomes(action),
            },
        }
    }

    /// ↑↓, the page keys and the ends scroll the outcomes' rates, no
    /// further than their last row.
    fn scroll_outcomes(&mut self, action: Action) {
        let (end, page) = layout::outcomes_scroll(self);
        let at = self.outcomes_scroll.min(end);
        self.outcomes_scroll = match action {
            Action::Down => at + 1,
            Action::Up => at.saturating_sub(1),
            Action::PageDown => at + page,
            Action::PageUp => at.saturating_sub(page),
            Action::Home => 0,
            Action::End => end,
            _ => at,
        }
        .min(end);
    }

    /// Tab goes through the form's fields, the note and the checks.
    fn cycle_focus(&mut self, forward: bool) {
        // Tab leaving a field takes the name chosen in its popup, as Enter.
        if self.focus == Focus::Form && self.form.take_chosen() {
            self.changed();
        }
        self.form.completion = None;
        let last = super::form::FIELDS.len() - 1;
        let at = self.form.at;
        (self.focus, self.form.at) = match (self.focus, forward) {
            (Focus::Form, true) if at < last => (Focus::Form, at + 1),
            (Focus::Form, true) => (Focus::Note, at),
            (Focus::Note, true) => (Focus::Checks, at),
            (Focus::Checks, true) => (Focus::Form, 0),
            (Focus::Form, false) if at > 0 => (Focus::Form, at - 1),
            (Focus::Form, false) => (Focus::Checks, at),
            (Focus::Checks, false) => (Focus::Note, at),
            (Focus::Note, false) => (Focus::Form, last),
        };
        if self.focus == Focus::Form {
            self.form.reopen(self.lang);
        }
    }

    fn clipped(&mut self, text: String) {
        self.clip = text.clone();
        self.ask(Effect::Copy(text));
    }

    fn compose_act(&mut self, action: Action, extend: bool) {
        let at_before = self.form.at;
        match self.focus {
            // Esc in the text, with nothing to unselect: the text found at
            // start is set aside (the banner says so).
            Focus::Note
                if action == Action::Back
                    && self.offer.is_some()
                    && self.note.editor.selection().is_none() =>
            {
                self.decline_offer();
            }
            Focus::Note => match self.note.act(action, extend) {
                Edit::Changed => self.changed(),
                Edit::Copied(s) => self.clipped(s),
                Edit::Cut(s) => {
                    self.clipped(s);
                    self.changed();
                }
                Edit::Moved | Edit::Ignored => {}
            },
            Focus::Form => match self.form.act(action, extend) {
                // Entering the region or sector again: its names again.
                FormEvent::Nothing if self.form.at != at_before => {
                    self.form.reopen(self.lang);
                }
                FormEvent::Changed => {
                    self.changed();
                    self.form.complete(self.lang);
                }
                FormEvent::Copied(s) => self.clipped(s),
                FormEvent::Cut(s) => {
                    self.clipped(s);
                    self.changed();
                }
                FormEvent::Leave => self.focus = Focus::Note,
                FormEvent::Nothing | FormEvent::Choice => {}
            },
            Focus::Checks => match self.checks.act(action) {
                // Enter on a finding on the whole note: back to the text,
                // where it was.
                ChecksEvent::GoTo(i)
                    if self
                        .checks
                        .report
                        .diagnostics
                        .get(i)
                        .is_some_and(|d| d.span.is_empty()) =>
                {
                    self.focus = Focus::Note;
                }
                ChecksEvent::GoTo(i) => self.select_problem(i),
                ChecksEvent::Leave => self.focus = Focus::Note,
                ChecksEvent::Nothing => {}
            },
        }
    }

    /// Where F8 goes, in turn: the problems only, warnings and errors (never
    /// what was understood, such as the reason, and never a hint); the
    /// template's `{{…}}` left to fill first, in reading order, then the
    /// others as the checks list orders them.
    fn problem_order(&self) -> Vec<usize> {
        let diags = &self.checks.report.diagnostics;
        let problem = |i: &usize| {
            let d = &diags[*i];
            d.rule.is_problem() && d.severity >= Severity::Warning
        };
        let slot = |i: &usize| is_slot(&diags[*i]);
        let mut order: Vec<usize> = (0..diags.len()).filter(problem).filter(slot).collect();
        order.sort_by_key(|&i| diags[i].span.start);
        order.extend((0..diags.len()).filter(problem).filter(|i| !slot(i)));
        order
    }

    /// Whether F8 has just brought the user to this finding: its words
    /// selected, or, for a finding on the whole note, its explanation.
    fn on_finding(&self, i: usize) -> bool {
        let Some(d) = self.checks.report.diagnostics.get(i) else {
            return false;
        };
        if d.span.is_empty() {
            self.focus == Focus::Checks && self.checks.selected == i
        } else {
            self.focus == Focus::Note && self.note.editor.selection() == Some(d.span.clone())
        }
    }

    /// The template's `{{…}}` to fill next: nearest the cursor in the
    /// direction asked (the one it is in, or the next; around the note's
    /// end); coming back from the form or the checks, the first (or last).
    /// The slots come first in `order`, by position.
    fn next_slot(&self, order: &[usize], step: isize) -> Option<usize> {
        let diags = &self.checks.report.diagnostics;
        let n = order.iter().take_while(|&&i| is_slot(&diags[i])).count();
        let slots = &order[..n];
        let cursor = (self.focus == Focus::Note).then(|| self.note.editor.cursor());
        if step > 0 {
            let after = cursor.and_then(|c| slots.iter().find(|&&i| diags[i].span.end > c));
            after.or(slots.first()).copied()
        } else {
            let before = cursor.and_then(|c| slots.iter().rev().find(|&&i| diags[i].span.end <= c));
            before.or(slots.last()).copied()
        }
    }

    /// Moves to the next (or previous) problem: its words selected, so that
    /// typing replaces them; a finding on the whole note (no reason, the
    /// audience) shows its explanation and leaves the text as it is. While
    /// a template is being filled, the next `{{…}}` comes first.
    fn goto_problem(&mut self, step: isize) {
        self.fresh();
        let order = self.problem_order();
        if order.is_empty() {
            let msg = self.t(Text::new(
                "aucun problème à corriger",
                "no problem left to fix",
            ));
            self.say(Severity::Info, msg);
            return;
        }
        self.screen = Screen::Compose;
        let n = order.len() as isize;
        let next = if let Some(k) = order.iter().position(|&i| self.on_finding(i)) {
            order[(k as isize + step).rem_euclid(n) as usize]
        } else if let Some(i) = self.next_slot(&order, step) {
            i
        } else if order.contains(&self.checks.selected) {
            self.checks.selected
        } else if step > 0 {
            order[0]
        } else {
            order[order.len() - 1]
        };
        self.select_problem(next);
    }

    /// Shows a finding: a problem's words selected in the note; what was
    /// understood (the reason) with the cursor at its start and nothing
    /// selected (a key typed must never replace it); a finding on the whole
    /// note, its explanation in the checks pane, the text left as it is.
    fn select_problem(&mut self, i: usize) {
        self.fresh();
        let Some((span, problem)) = self
            .checks
            .report
            .diagnostics
            .get(i)
            .map(|d| (d.span.clone(), d.rule.is_problem()))
        else {
            return;
        };
        self.checks.choose(i);
        if span.is_empty() {
            let at = self.note.editor.cursor();
            self.note.select(at..at);
            self.focus = Focus::Checks;
        } else if problem {
            self.note.select(span);
            self.focus = Focus::Note;
        } else {
            self.note.select(span.start..span.start);
            self.focus = Focus::Note;
        }
    }

    /// The templates the filter keeps.
    pub fn filtered_templates(&self) -> Vec<&Template> {
        self.picker.filtered(&self.library, self.lang)
    }

    /// A template filled for the current target: its values and the text.
    pub fn preview(&self, t: &Template) -> template::Rendered {
        let mut values = template::target_values(&self.target());
        values.extend(self.doc.values.clone());
        template::render(&t.draft.body, &values)
    }

    fn templates_act(&mut self, action: Action, extend: bool) {
        let count = self.filtered_templates().len();
        match self.picker.act(action, extend, count) {
            PickerEvent::Apply => self.apply_template(),
            PickerEvent::Leave => self.screen = Screen::Compose,
            PickerEvent::Copied(s) => self.clipped(s),
            PickerEvent::Nothing => {}
        }
    }

    fn apply_template(&mut self) {
        let Some(t) = self
            .filtered_templates()
            .get(self.picker.selected)
            .map(|t| (*t).clone())
        else {
            return;
        };
        if !self.note.text().trim().is_empty() {
            // A note with text is replaced only when asked (and undo brings
            // it back in one step).
            self.dialog = Some(Dialog::Template(t.name.clone()));
            return;
        }
        self.put_template(&t);
    }

    /// The template's text in the editor, as one undoable step.
    fn put_template(&mut self, t: &Template) {
        let rendered = self.preview(t);
        self.note.editor.set_text(rendered.text.trim_end());
        self.doc.template = Some(t.name.clone());
        if self.form.relationship.is_none() {
            self.form.relationship = t.draft.front.target.as_ref().and_then(|x| x.relationship);
        }
        self.screen = Screen::Compose;
        self.focus = Focus::Note;
        self.changed();
        // Jump to the first placeholder left to fill.
        if let Some(s) = template::slots(self.note.text()).first() {
            self.note.select(s.span.clone());
        }
        let msg = match self.lang {
            Lang::Fr => format!(
                "modèle « {} » appliqué : remplacez chaque {{{{…}}}} par le vrai texte",
                t.name
            ),
            Lang::En => format!(
                "template “{}” applied: replace each {{{{…}}}} with the real text",
                t.name
            ),
        };
        self.say(Severity::Info, msg);
    }

    /// Starts from a template by name (`--template`).
    fn start_from(&mut self, name: &str) {
        let found = self.library.find(name).cloned();
        match found {
            Some(t) => {
                self.picker = Picker::new();
                self.picker.selected = self
                    .filtered_templates()
                    .iter()
                    .position(|x| x.name == t.name)
                    .unwrap_or(0);
                self.apply_template();
            }
            None => {
                let keys = self.key_of(Action::Templates);
                let msg = match self.lang {
                    Lang::Fr => format!("modèle inconnu « {name} » : {keys} les liste"),
                    Lang::En => format!("unknown template “{name}”: {keys} lists them"),
                };
                self.say(Severity::Warning, msg);
            }
        }
    }

    /// Text or a recipient that only this editor holds: leaving asks first.
    pub fn unsaved(&self) -> bool {
        self.doc.dirty
            && (!self.note.text().trim().is_empty() || self.target() != Target::default())
    }

    fn dialog_key(&mut self, dialog: Dialog, key: Key) {
        let action = self
            .keymap
            .action(key, &[Scope::Dialog, Scope::Everywhere, Scope::Moving])
            .map(|(a, _)| a);
        if action == Some(Action::Redraw) {
            self.ask(Effect::Redraw);
            return;
        }
        if dialog == Dialog::Help {
            if let Some(a) = action {
                if self.help.act(a) {
                    // No further than the end: ↑ moves at once after many ↓.
                    self.help.scroll = self.help.scroll.min(layout::help_end(self));
                } else {
                    self.dialog = None;
                    self.help = Help::default();
                }
            }
            return;
        }
        if let Some(answer) = action.and_then(Answer::of) {
            self.answer(dialog, answer);
        }
    }

    /// A dialog's answer. Enter takes the safe choice: stay, keep, do not
    /// approve. "Keep as a draft" is an answer
    /// of the quit and new-note questions only: elsewhere the question stays.
    fn answer(&mut self, dialog: Dialog, answer: Answer) {
        if answer == Answer::Draft && !matches!(dialog, Dialog::Quit | Dialog::NewNote) {
            return;
        }
        self.dialog = None;
        match (dialog, answer) {
            (Dialog::Quit, Answer::Yes) => self.approve_with(false, After::Quit),
            (Dialog::Quit, Answer::No) => {
                self.doc.dirty = false;
                self.quit = true;
            }
            (Dialog::NewNote, Answer::Yes) => self.approve_with(false, After::NewNote),
            (Dialog::Quit, Answer::Draft) => self.save_draft_then(After::Quit),
            (Dialog::NewNote, Answer::Draft) => self.save_draft_then(After::NewNote),
            (Dialog::NewNote, Answer::No) => {
                self.doc.dirty = false;
                self.reset();
            }
            (Dialog::Approve { then, .. }, Answer::Yes) => self.approve_with(true, then),
            (Dialog::Resend { then, .. }, Answer::Yes) => self.approve_again(then),
            (Dialog::Remark { path, mark, .. }, Answer::Yes) => self.mark(path, mark),
            (Dialog::CleanAside(paths), Answer::Yes) => {
                self.ask(Effect::Io(Job::Prune(paths)));
            }
            (Dialog::Delete(path), Answer::Yes) => {
                self.ask(Effect::Io(Job::Delete(path)));
            }
            (Dialog::Template(name), Answer::Yes) => {
                if let Some(t) = self.library.find(&name).cloned() {
                    self.put_template(&t);
                }
            }
            // No, Esc and Enter leave everything as it was.
            _ => {}
        }
    }
}

/// A template's `{{…}}` left to fill, in the note's text.
fn is_slot(d: &poignee::Diagnostic) -> bool {
    d.rule == poignee::RuleId::UnfilledPlaceholder && !d.span.is_empty()
}
