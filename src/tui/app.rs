//! The TUI's state and its `update`: a message in, the state changed. No
//! terminal here; the runtime (`run.rs`) feeds keys and carries out the
//! effects (clipboard), `ui.rs` draws.

use super::editor::{Editor, Move};
use super::keys::{Action, Key, Keymap, Scope};
use crate::audience::Verdict;
use crate::config::Config;
use crate::crossdraft::{self, Record, Settings};
use crate::diagnostic::RuleId;
use crate::draft::{Draft, FrontMatter, Status};
use crate::fsutil;
use crate::lang::{Lang, Localized, Text};
use crate::lint::{Context, Linter, Report, Severity};
use crate::target::{Platform, Relationship, Target, Tier};
use crate::template::{self, Library, Template};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Compose,
    Templates,
    Drafts,
}

/// The target form's fields, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Headline,
    Region,
    Sector,
    Relationship,
    Platform,
    Tier,
}

pub const FIELDS: [Field; 7] = [
    Field::Name,
    Field::Region,
    Field::Headline,
    Field::Sector,
    Field::Relationship,
    Field::Platform,
    Field::Tier,
];

impl Field {
    pub fn label(self) -> Text {
        match self {
            Field::Name => Text::new("À", "To"),
            Field::Headline => Text::new("Titre", "Title"),
            Field::Region => Text::new("Région", "Region"),
            Field::Sector => Text::new("Secteur", "Sector"),
            Field::Relationship => Text::new("Relation", "Relation"),
            Field::Platform => Text::new("Réseau", "Network"),
            Field::Tier => Text::new("Compte", "Account"),
        }
    }

    fn text_index(self) -> Option<usize> {
        match self {
            Field::Name => Some(0),
            Field::Headline => Some(1),
            Field::Region => Some(2),
            Field::Sector => Some(3),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Form(usize),
    Note,
    Checks,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    Help,
    /// Quit with unsaved text: save, discard or stay.
    Quit,
    /// A new note over unsaved text.
    NewNote,
    /// Approve despite errors, then go on as asked.
    Approve {
        errors: usize,
        then: After,
    },
    Delete(PathBuf),
    /// Text found in the recovery file at start.
    Recover(Box<Draft>),
    /// A template (its name) over a note that has text.
    Template(String),
}

/// What an approval asked from a dialog leads to once saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    Stay,
    Quit,
    NewNote,
}

/// A key in a dialog, read the same way in every dialog: the language's
/// yes and no letters, Esc to cancel, Enter for the dialog's safe choice.
/// Any other key does nothing (the dialog stays).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    No,
    Cancel,
    Safe,
}

impl Answer {
    pub fn of(code: KeyCode, lang: Lang) -> Option<Answer> {
        match (code, lang) {
            (KeyCode::Char('o' | 'O'), Lang::Fr) | (KeyCode::Char('y' | 'Y'), Lang::En) => {
                Some(Answer::Yes)
            }
            (KeyCode::Char('n' | 'N'), _) => Some(Answer::No),
            (KeyCode::Esc, _) => Some(Answer::Cancel),
            (KeyCode::Enter, _) => Some(Answer::Safe),
            _ => None,
        }
    }
}

/// Something for the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put the text on the system clipboard.
    Copy(String),
    /// Move the recovery file aside (the user declined it).
    SetAside,
    /// Clear the terminal and draw every cell again.
    Redraw,
}

/// A line in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub level: Severity,
}

/// Notes approved a week, and what is left of LinkedIn's free notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pace {
    /// The last eight weeks, oldest first; the last is the trailing 7 days.
    pub weeks: [usize; 8],
    pub budget: u32,
    /// On a free LinkedIn account: personalized notes left in 30 days.
    pub free_left: Option<usize>,
}

/// A saved draft, as the drafts screen lists it.
#[derive(Debug, Clone)]
pub struct DraftItem {
    pub path: PathBuf,
    pub draft: Option<Draft>,
    pub status: Option<Status>,
    pub date: String,
    pub who: String,
    pub score: Option<u8>,
    /// When it was approved, read once when the folder is listed.
    pub approved: Option<jiff::Timestamp>,
}

/// What the app needs from the config.
pub struct Setup {
    pub lang: Lang,
    pub linter: Linter,
    pub platform: Platform,
    pub tier: Tier,
    pub drafts_dir: Option<PathBuf>,
    pub library: Library,
    pub keymap: Keymap,
    pub cross: Settings,
    pub color: bool,
}

impl Setup {
    /// The settings a config gives, with the engine and library built.
    pub fn new(
        config: &Config,
        lang: Lang,
        linter: Linter,
        library: Library,
        color: bool,
    ) -> Setup {
        Setup {
            lang,
            linter,
            platform: config.platform,
            tier: config.tier,
            drafts_dir: config.drafts_dir(),
            library,
            keymap: config.keymap(),
            cross: config.cross_settings(),
            color,
        }
    }
}

pub struct App {
    pub lang: Lang,
    pub linter: Linter,
    pub keymap: Keymap,
    pub library: Library,
    pub drafts_dir: Option<PathBuf>,
    pub cross: Settings,
    pub color: bool,

    pub screen: Screen,
    pub focus: Focus,
    pub dialog: Option<Dialog>,
    pub fields: [Editor; 4],
    pub relationship: Option<Relationship>,
    pub platform: Platform,
    pub tier: Tier,
    pub note: Editor,
    /// The template the note started from, and its values.
    pub template: Option<String>,
    pub values: BTreeMap<String, String>,
    /// The file the note was opened from or last saved to.
    pub path: Option<PathBuf>,
    pub created_at: Option<toml::value::Datetime>,

    pub report: Report,
    pub verdict: Verdict,
    pub selected: usize,
    pub notice: Option<Notice>,
    /// Text changed since the last save.
    pub dirty: bool,
    /// Text changed since the recovery file was last written.
    pub unsynced: bool,
    pub quit: bool,
    pub effects: Vec<Effect>,
    /// Internal clipboard, for copy and paste inside the app.
    pub clip: String,

    pub tfilter: Editor,
    pub tselected: usize,
    pub drafts: Vec<DraftItem>,
    pub dselected: usize,
    /// The first line of the help overlay shown.
    pub help_scroll: usize,
    /// The time the pace is counted at: now, unless a test sets it.
    pub clock: Option<jiff::Timestamp>,
    /// Lines of the chosen check's explanation scrolled past.
    pub detail_scroll: usize,
    /// The first visual line of the note shown, kept by the drawing.
    pub scroll: Cell<usize>,
    /// The note's wrap width at the last drawing, for vertical moves.
    pub wrap_width: Cell<usize>,
    /// The note changed and is too long to check at every key: the report
    /// is of an earlier text until the typing pauses ([`App::fresh`]).
    pub stale: bool,
}

/// From this many bytes, the note is checked when the typing pauses rather
/// than at every key: about 10 ms of linting, a hundred times the longest
/// note a platform takes, so no real note ever waits.
pub const LIVE_LINT_BYTES: usize = 32 * 1024;

/// A path as the user reads it: `~/…` under the home folder.
pub fn shown(path: &Path) -> String {
    let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
    match home.as_deref().and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

fn now_datetime() -> Option<toml::value::Datetime> {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
        .parse()
        .ok()
}

impl App {
    pub fn new(setup: Setup) -> App {
        let mut app = App {
            lang: setup.lang,
            linter: setup.linter,
            keymap: setup.keymap,
            library: setup.library,
            drafts_dir: setup.drafts_dir,
            cross: setup.cross,
            color: setup.color,
            screen: Screen::Compose,
            focus: Focus::Note,
            dialog: None,
            fields: std::array::from_fn(|_| Editor::single_line("")),
            relationship: None,
            platform: setup.platform,
            tier: setup.tier,
            note: Editor::new(""),
            template: None,
            values: BTreeMap::new(),
            path: None,
            created_at: None,
            report: Linter::default().lint("", &Context::default()),
            verdict: Verdict {
                decision: crate::audience::Decision::In,
                fields: Vec::new(),
            },
            selected: 0,
            notice: None,
            dirty: false,
            unsynced: false,
            quit: false,
            effects: Vec::new(),
            clip: String::new(),
            tfilter: Editor::single_line(""),
            tselected: 0,
            drafts: Vec::new(),
            dselected: 0,
            help_scroll: 0,
            clock: None,
            detail_scroll: 0,
            scroll: Cell::new(0),
            wrap_width: Cell::new(40),
            stale: false,
        };
        app.relint();
        app
    }

    pub fn t(&self, t: Text) -> String {
        t.get(self.lang).into_owned()
    }

    pub fn l(&self, l: &Localized) -> String {
        l.get(self.lang).into_owned()
    }

    fn say(&mut self, level: Severity, text: String) {
        self.notice = Some(Notice { text, level });
    }

    pub fn target(&self) -> Target {
        let get = |i: usize| {
            let t = self.fields[i].text().trim();
            (!t.is_empty()).then(|| t.to_string())
        };
        Target {
            name: get(0),
            headline: get(1),
            company: None,
            region: get(2),
            sector: get(3),
            relationship: self.relationship,
        }
    }

    pub fn limit(&self) -> usize {
        self.linter.limits.for_platform(self.platform, self.tier)
    }

    /// Lints the note again, for the target as the form says.
    pub fn relint(&mut self) {
        let target = self.target();
        let cx = Context {
            platform: self.platform,
            tier: self.tier,
            lang: None,
            target: Some(&target),
            allow: &[],
        };
        self.report = self.linter.lint(self.note.text(), &cx);
        self.stale = false;
        // Worst first, then in reading order; what was understood last.
        self.report.diagnostics.sort_by_key(|d| {
            (
                !d.rule.is_problem(),
                std::cmp::Reverse(d.severity),
                d.span.start,
                d.rule,
            )
        });
        self.verdict = self.linter.audience.verdict(Some(&target));
        if self.selected >= self.report.diagnostics.len() {
            self.selected = self.report.diagnostics.len().saturating_sub(1);
        }
    }

    fn changed(&mut self) {
        self.dirty = true;
        self.unsynced = true;
        self.notice = None;
        self.relint_soon();
    }

    /// Lints the note now or, when it is too long to lint at every key
    /// ([`LIVE_LINT_BYTES`]), once the typing pauses: the screen answers
    /// first.
    fn relint_soon(&mut self) {
        if self.note.text().len() > LIVE_LINT_BYTES {
            self.stale = true;
        } else {
            self.relint();
        }
    }

    /// Checks the note now if a change is waiting to be checked.
    pub fn fresh(&mut self) {
        if self.stale {
            self.relint();
        }
    }

    /// The note as a draft file, for saving and for the recovery file.
    pub fn to_draft(&self, status: Status) -> Draft {
        let target = self.target();
        let approved = status == Status::Approved;
        Draft {
            front: FrontMatter {
                platform: Some(self.platform),
                tier: (self.platform == Platform::Linkedin).then_some(self.tier),
                lang: Some(self.report.lang),
                status: Some(status),
                created_at: self.created_at.or_else(now_datetime),
                approved_at: if approved { now_datetime() } else { None },
                template: self.template.clone(),
                target: (target != Target::default()).then_some(target),
                values: self.values.clone(),
                ..FrontMatter::default()
            },
            body: self.note.text().to_string(),
            body_offset: 0,
        }
    }

    /// Loads a draft into the form and the editor.
    pub fn open(&mut self, draft: &Draft, path: Option<PathBuf>) {
        let t = draft.front.target.clone().unwrap_or_default();
        let values = [t.name, t.headline, t.region, t.sector];
        for (field, v) in self.fields.iter_mut().zip(values) {
            *field = Editor::single_line(v.as_deref().unwrap_or(""));
        }
        self.relationship = t.relationship;
        if let Some(p) = draft.front.platform {
            self.platform = p;
        }
        if let Some(t) = draft.front.tier {
            self.tier = t;
        }
        self.note = Editor::new(&draft.body);
        self.template = draft.front.template.clone();
        self.values = draft.front.values.clone();
        self.created_at = draft.front.created_at;
        self.path = path;
        self.screen = Screen::Compose;
        self.focus = Focus::Note;
        self.dirty = false;
        self.relint_soon();
        if self.stale {
            // The findings of the text before are not this one's.
            self.report.diagnostics.clear();
            self.selected = 0;
        }
    }

    fn reset(&mut self) {
        let empty = Draft {
            front: FrontMatter::default(),
            body: String::new(),
            body_offset: 0,
        };
        self.open(&empty, None);
        self.relationship = None;
        self.focus = Focus::Form(0);
        // What was said of the last note is not about this one.
        self.notice = None;
    }

    pub fn scope(&self) -> Scope {
        match (self.screen, self.focus) {
            (Screen::Drafts, _) => Scope::Drafts,
            (Screen::Compose, Focus::Note | Focus::Form(_)) => Scope::Editor,
            (Screen::Templates, _) => Scope::Editor,
            _ => Scope::Everywhere,
        }
    }

    /// A key from the terminal.
    pub fn key(&mut self, ev: KeyEvent) {
        let key = Key::of(&ev);
        if let Some(dialog) = self.dialog.clone() {
            self.dialog_key(dialog, ev);
            return;
        }
        // "?" opens help outside the editors.
        let typing = matches!(self.screen, Screen::Compose)
            && matches!(self.focus, Focus::Note | Focus::Form(0..=3))
            || self.screen == Screen::Templates;
        if ev.code == KeyCode::Char('?')
            && ev.modifiers.difference(KeyModifiers::SHIFT).is_empty()
            && !typing
        {
            self.dialog = Some(Dialog::Help);
            return;
        }
        if let Some(action) = self.keymap.action(key, self.scope()) {
            self.act(action);
            return;
        }
        match self.screen {
            Screen::Compose => self.compose_key(ev),
            Screen::Templates => self.templates_key(ev),
            Screen::Drafts => self.drafts_key(ev),
        }
    }

    /// Pasted text (bracketed paste).
    pub fn paste(&mut self, text: &str) {
        if self.dialog.is_some() {
            return;
        }
        match (self.screen, self.focus) {
            (Screen::Compose, Focus::Note) => {
                self.note.insert(text);
                self.changed();
            }
            (Screen::Compose, Focus::Form(i)) => {
                if let Some(idx) = FIELDS[i].text_index() {
                    self.fields[idx].insert(text);
                    self.changed();
                }
            }
            (Screen::Templates, _) => {
                self.tfilter.insert(text);
                self.tselected = 0;
            }
            _ => {}
        }
    }

    /// An action from the key table.
    pub fn act(&mut self, action: Action) {
        match action {
            Action::Approve => self.approve(false),
            Action::Templates => {
                self.screen = Screen::Templates;
                self.tselected = 0;
            }
            Action::Drafts => {
                self.screen = Screen::Drafts;
                self.load_drafts();
            }
            Action::Compose => self.screen = Screen::Compose,
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
            Action::NextFocus | Action::PrevFocus if self.screen == Screen::Compose => {
                let order: Vec<Focus> = (0..FIELDS.len())
                    .map(Focus::Form)
                    .chain([Focus::Note, Focus::Checks])
                    .collect();
                let at = order.iter().position(|f| *f == self.focus).unwrap_or(0);
                let n = order.len();
                let next = if action == Action::NextFocus {
                    (at + 1) % n
                } else {
                    (at + n - 1) % n
                };
                self.focus = order[next];
            }
            Action::NextFocus | Action::PrevFocus => {}
            Action::NextProblem => self.goto_problem(1),
            Action::PrevProblem => self.goto_problem(-1),
            Action::Undo | Action::Redo => {
                if let Some(e) = self.focused_editor() {
                    let done = if action == Action::Undo {
                        e.undo()
                    } else {
                        e.redo()
                    };
                    if done {
                        self.changed();
                    }
                }
            }
            Action::SelectAll => {
                if let Some(e) = self.focused_editor() {
                    e.select_all();
                }
            }
            Action::Copy => {
                if let Some(s) = self
                    .focused_editor()
                    .and_then(|e| e.selected_text().map(str::to_string))
                {
                    self.clip = s.clone();
                    self.effects.push(Effect::Copy(s));
                }
            }
            Action::Cut => {
                if let Some(s) = self.focused_editor().and_then(Editor::cut) {
                    self.clip = s.clone();
                    self.effects.push(Effect::Copy(s));
                    self.changed();
                }
            }
            Action::Paste => {
                let clip = self.clip.clone();
                self.paste(&clip);
            }
            Action::DeleteWord => {
                if let Some(e) = self.focused_editor() {
                    e.delete_word_back();
                    self.changed();
                }
            }
            Action::DeleteWordForward => {
                if let Some(e) = self.focused_editor() {
                    e.delete_word_forward();
                    self.changed();
                }
            }
            Action::DeleteDraft => {
                if let Some(item) = self.drafts.get(self.dselected) {
                    self.dialog = Some(Dialog::Delete(item.path.clone()));
                }
            }
            Action::Redraw => self.effects.push(Effect::Redraw),
            Action::Save => self.save_draft(),
            Action::Recheck => {
                self.load_drafts();
                let n = self.drafts.len();
                let msg = match self.lang {
                    Lang::Fr => format!("{n} brouillons revérifiés"),
                    Lang::En => format!("{n} drafts re-checked"),
                };
                self.say(Severity::Info, msg);
            }
        }
    }

    fn focused_editor(&mut self) -> Option<&mut Editor> {
        match (self.screen, self.focus) {
            (Screen::Compose, Focus::Note) => Some(&mut self.note),
            (Screen::Compose, Focus::Form(i)) => {
                FIELDS[i].text_index().map(|x| &mut self.fields[x])
            }
            (Screen::Templates, _) => Some(&mut self.tfilter),
            _ => None,
        }
    }

    /// Moves to the next (or previous) diagnostic, selecting its span.
    fn goto_problem(&mut self, step: isize) {
        self.fresh();
        let n = self.report.diagnostics.len();
        if n == 0 {
            return;
        }
        self.screen = Screen::Compose;
        // On the selected problem already: the next one; else that one.
        let on_it = self.report.diagnostics.get(self.selected).is_some_and(|d| {
            self.focus == Focus::Note
                && (self.note.selection() == Some(d.span.clone())
                    || (d.span.is_empty() && self.note.cursor() == d.span.start))
        });
        let next = if on_it {
            (self.selected as isize + step).rem_euclid(n as isize) as usize
        } else {
            self.selected.min(n - 1)
        };
        self.select_problem(next);
    }

    pub fn select_problem(&mut self, i: usize) {
        self.fresh();
        self.detail_scroll = 0;
        let Some(d) = self.report.diagnostics.get(i) else {
            return;
        };
        self.selected = i;
        let span = d.span.clone();
        self.note.select(span);
        self.focus = Focus::Note;
    }

    fn edit(e: &mut Editor, ev: &KeyEvent, width: usize, multiline: bool) -> Option<bool> {
        let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let mv = |e: &mut Editor, m| {
            e.moved(m, shift, width);
            Some(false)
        };
        match ev.code {
            KeyCode::Char(c) if !ctrl && !ev.modifiers.contains(KeyModifiers::ALT) => {
                e.insert(c.encode_utf8(&mut [0; 4]));
                Some(true)
            }
            KeyCode::Enter if multiline => {
                e.insert("\n");
                Some(true)
            }
            KeyCode::Backspace if ctrl || ev.modifiers.contains(KeyModifiers::ALT) => {
                e.delete_word_back();
                Some(true)
            }
            KeyCode::Backspace => {
                e.backspace();
                Some(true)
            }
            KeyCode::Delete => {
                e.delete();
                Some(true)
            }
            KeyCode::Left if ctrl => mv(e, Move::WordLeft),
            KeyCode::Right if ctrl => mv(e, Move::WordRight),
            KeyCode::Left => mv(e, Move::Left),
            KeyCode::Right => mv(e, Move::Right),
            KeyCode::Up if multiline => mv(e, Move::Up),
            KeyCode::Down if multiline => mv(e, Move::Down),
            KeyCode::Home if ctrl => mv(e, Move::Start),
            KeyCode::End if ctrl => mv(e, Move::End_),
            KeyCode::Home => mv(e, Move::Home),
            KeyCode::End => mv(e, Move::End),
            _ => None,
        }
    }

    fn compose_key(&mut self, ev: KeyEvent) {
        let width = self.wrap_width.get();
        match self.focus {
            Focus::Note => {
                if ev.code == KeyCode::Esc {
                    self.note.select(self.note.cursor()..self.note.cursor());
                    return;
                }
                if let Some(true) = Self::edit(&mut self.note, &ev, width, true) {
                    self.changed();
                }
            }
            Focus::Form(i) => {
                let field = FIELDS[i];
                match (ev.code, field.text_index()) {
                    (KeyCode::Up, _) => self.focus = Focus::Form(i.saturating_sub(1)),
                    (KeyCode::Down | KeyCode::Enter, _) => {
                        self.focus = if i + 1 < FIELDS.len() {
                            Focus::Form(i + 1)
                        } else {
                            Focus::Note
                        };
                    }
                    (_, Some(idx)) => {
                        if let Some(true) =
                            Self::edit(&mut self.fields[idx], &ev, usize::MAX, false)
                        {
                            self.changed();
                        }
                    }
                    (KeyCode::Char(' ') | KeyCode::Right, None) => self.cycle(field, 1),
                    (KeyCode::Left, None) => self.cycle(field, -1),
                    // A letter in a choice is not lost without a word.
                    (KeyCode::Char(_), None) => {
                        let msg = self.t(Text::new(
                            "ce champ est un choix : Espace ou ←→ le changent",
                            "this field is a choice: Space or ←→ change it",
                        ));
                        self.say(Severity::Info, msg);
                    }
                    _ => {}
                }
            }
            Focus::Checks => match ev.code {
                KeyCode::Up => {
                    self.selected = self.selected.saturating_sub(1);
                    self.detail_scroll = 0;
                }
                KeyCode::Down if self.selected + 1 < self.report.diagnostics.len() => {
                    self.selected += 1;
                    self.detail_scroll = 0;
                }
                // The explanation of the chosen check, when it is longer
                // than its pane (the pane says so).
                KeyCode::PageDown => self.detail_scroll += 3,
                KeyCode::PageUp => self.detail_scroll = self.detail_scroll.saturating_sub(3),
                KeyCode::Enter => self.select_problem(self.selected),
                KeyCode::Esc => self.focus = Focus::Note,
                _ => {}
            },
        }
    }

    fn cycle(&mut self, field: Field, step: isize) {
        fn next<T: Copy + PartialEq>(all: &[T], now: T, step: isize) -> T {
            let at = all.iter().position(|x| *x == now).unwrap_or(0) as isize;
            all[(at + step).rem_euclid(all.len() as isize) as usize]
        }
        match field {
            Field::Relationship => {
                let all = [
                    None,
                    Some(Relationship::None),
                    Some(Relationship::Met),
                    Some(Relationship::Mutual),
                    Some(Relationship::Colleague),
                    Some(Relationship::Alumni),
                ];
                self.relationship = next(&all, self.relationship, step);
            }
            Field::Platform => {
                self.platform = next(&[Platform::Linkedin, Platform::Viadeo], self.platform, step);
            }
            Field::Tier => {
                self.tier = next(
                    &[Tier::Free, Tier::Premium, Tier::SalesNavigator],
                    self.tier,
                    step,
                );
            }
            _ => return,
        }
        self.changed();
    }

    /// The templates the filter keeps.
    pub fn filtered_templates(&self) -> Vec<&template::Template> {
        let words: Vec<String> = crate::text::fold(self.tfilter.text())
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut found: Vec<&template::Template> = self
            .library
            .templates
            .iter()
            .filter(|t| {
                let hay = crate::text::fold(&format!("{} {}", t.name, t.description()));
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect();
        // The interface's language first.
        found.sort_by_key(|t| (t.lang() != Some(self.lang), t.name.clone()));
        found
    }

    /// A template filled for the current target: its values and the text.
    pub fn preview(&self, t: &template::Template) -> template::Rendered {
        let mut values = template::target_values(&self.target());
        values.extend(self.values.clone());
        template::render(&t.draft.body, &values)
    }

    fn templates_key(&mut self, ev: KeyEvent) {
        let n = self.filtered_templates().len();
        match ev.code {
            KeyCode::Esc => self.screen = Screen::Compose,
            KeyCode::Up => self.tselected = self.tselected.saturating_sub(1),
            KeyCode::Down if self.tselected + 1 < n => {
                self.tselected += 1;
            }
            KeyCode::Enter => self.apply_template(),
            _ => {
                if let Some(true) = Self::edit(&mut self.tfilter, &ev, usize::MAX, false) {
                    self.tselected = 0;
                }
            }
        }
    }

    fn apply_template(&mut self) {
        let Some(t) = self
            .filtered_templates()
            .get(self.tselected)
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
        self.note.set_text(rendered.text.trim_end());
        self.template = Some(t.name.clone());
        if self.relationship.is_none() {
            self.relationship = t.draft.front.target.as_ref().and_then(|x| x.relationship);
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

    /// Reads the saved drafts, newest first.
    pub fn load_drafts(&mut self) {
        self.drafts.clear();
        let Some(dir) = self.drafts_dir.clone().filter(|d| d.is_dir()) else {
            return;
        };
        let mut items: Vec<DraftItem> = crate::walk::inputs(std::slice::from_ref(&dir))
            .filter_map(|i| match i {
                crate::walk::Input::File(p) => Some(p),
                _ => None,
            })
            .map(|path| self.draft_item(path))
            .collect();
        items.sort_by(|a, b| b.date.cmp(&a.date).then(a.path.cmp(&b.path)));
        self.drafts = items;
        if self.dselected >= self.drafts.len() {
            self.dselected = self.drafts.len().saturating_sub(1);
        }
    }

    fn draft_item(&self, path: PathBuf) -> DraftItem {
        let draft = crate::input::read_text(&path, crate::input::MAX_BYTES)
            .ok()
            .and_then(|s| Draft::parse(&s).ok());
        let (status, date, who, score) = match &draft {
            Some(d) => {
                let f = &d.front;
                let date = f
                    .approved_at
                    .or(f.created_at)
                    .map(|d| {
                        d.to_string()
                            .chars()
                            .take(16)
                            .collect::<String>()
                            .replace('T', " ")
                    })
                    .unwrap_or_default();
                let who = f
                    .target
                    .as_ref()
                    .and_then(|t| t.name.clone())
                    .unwrap_or_default();
                let cx = Context {
                    platform: f.platform.unwrap_or(self.platform),
                    tier: f.tier.unwrap_or(self.tier),
                    lang: f.lang,
                    target: f.target.as_ref(),
                    allow: &f.allow,
                };
                let score = self.linter.lint(&d.body, &cx).score.value;
                (f.status, date, who, Some(score))
            }
            None => (None, String::new(), String::new(), None),
        };
        let approved = draft
            .as_ref()
            .filter(|d| d.front.status == Some(Status::Approved))
            .and_then(|d| d.front.approved_at.as_ref())
            .and_then(crossdraft::timestamp);
        DraftItem {
            path,
            draft,
            status,
            date,
            who,
            score,
            approved,
        }
    }

    fn drafts_key(&mut self, ev: KeyEvent) {
        match ev.code {
            KeyCode::Esc => self.screen = Screen::Compose,
            KeyCode::Up => self.dselected = self.dselected.saturating_sub(1),
            KeyCode::Down if self.dselected + 1 < self.drafts.len() => {
                self.dselected += 1;
            }
            KeyCode::Enter => {
                let Some(item) = self.drafts.get(self.dselected).cloned() else {
                    return;
                };
                match item.draft {
                    Some(d) if !self.dirty || self.note.text().trim().is_empty() => {
                        self.open(&d, Some(item.path));
                    }
                    Some(_) => {
                        let msg = self.t(Text::new(
                            "la note en cours n'est pas enregistrée : approuvez-la (Ctrl-S) ou commencez-en une nouvelle (Ctrl-N) d'abord",
                            "the current note is not saved: approve it (Ctrl-S) or start a new one (Ctrl-N) first",
                        ));
                        self.say(Severity::Warning, msg);
                    }
                    None => {
                        let msg = match self.lang {
                            Lang::Fr => format!(
                                "{} ne se lit pas : `poignee check` dit pourquoi",
                                item.path.display()
                            ),
                            Lang::En => format!(
                                "{} does not read: `poignee check` says why",
                                item.path.display()
                            ),
                        };
                        self.say(Severity::Error, msg);
                    }
                }
            }
            _ => {}
        }
    }

    /// Text or a recipient that only this editor holds: leaving asks first.
    pub fn unsaved(&self) -> bool {
        self.dirty && (!self.note.text().trim().is_empty() || self.target() != Target::default())
    }

    fn dialog_key(&mut self, dialog: Dialog, ev: KeyEvent) {
        if dialog != Dialog::Help {
            if let Some(answer) = Answer::of(ev.code, self.lang) {
                self.answer(dialog, answer);
            }
            return;
        }
        match ev.code {
            KeyCode::Esc | KeyCode::F(1) | KeyCode::Char('?' | 'q') => {
                self.dialog = None;
                self.help_scroll = 0;
            }
            KeyCode::Down => self.help_scroll += 1,
            KeyCode::PageDown => self.help_scroll += 10,
            KeyCode::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
            KeyCode::PageUp => self.help_scroll = self.help_scroll.saturating_sub(10),
            KeyCode::Home => self.help_scroll = 0,
            _ => {}
        }
    }

    /// A dialog's answer. Enter takes the safe choice: stay, keep, do not
    /// approve; restore what was recovered.
    fn answer(&mut self, dialog: Dialog, answer: Answer) {
        self.dialog = None;
        match (dialog, answer) {
            (Dialog::Quit, Answer::Yes) => self.approve_then(After::Quit),
            (Dialog::Quit, Answer::No) => {
                self.dirty = false;
                self.quit = true;
            }
            (Dialog::NewNote, Answer::Yes) => self.approve_then(After::NewNote),
            (Dialog::NewNote, Answer::No) => {
                self.dirty = false;
                self.reset();
            }
            (Dialog::Approve { then, .. }, Answer::Yes) => {
                self.approve(true);
                self.after(then);
            }
            (Dialog::Delete(path), Answer::Yes) => self.delete(&path),
            (Dialog::Recover(d), Answer::Yes | Answer::Safe | Answer::Cancel) => {
                self.open(&d, None);
                self.dirty = true;
                self.unsynced = true;
            }
            (Dialog::Recover(_), Answer::No) => self.effects.push(Effect::SetAside),
            (Dialog::Template(name), Answer::Yes) => {
                if let Some(t) = self.library.find(&name).cloned() {
                    self.put_template(&t);
                }
            }
            // No, Esc and Enter leave everything as it was.
            _ => {}
        }
    }

    /// Approves, then quits or starts anew once the note is saved (an
    /// approval that asks about errors first carries `then` along).
    fn approve_then(&mut self, then: After) {
        self.approve_with(false, then);
        if self.dialog.is_none() {
            self.after(then);
        }
    }

    fn after(&mut self, then: After) {
        if self.dirty {
            // Not saved (an error said why): the text stays.
            return;
        }
        match then {
            After::Stay => {}
            After::Quit => self.quit = true,
            After::NewNote => self.reset(),
        }
    }

    fn delete(&mut self, path: &Path) {
        let msg = match std::fs::remove_file(path) {
            Ok(()) => {
                if self.path.as_deref() == Some(path) {
                    // The open note now lives only here: leaving will ask.
                    self.path = None;
                    self.dirty = true;
                    self.unsynced = true;
                    match self.lang {
                        Lang::Fr => format!(
                            "{} supprimé — la note reste ouverte, non enregistrée",
                            shown(path)
                        ),
                        Lang::En => {
                            format!("{} deleted — the note stays open, unsaved", shown(path))
                        }
                    }
                } else {
                    match self.lang {
                        Lang::Fr => format!("{} supprimé", shown(path)),
                        Lang::En => format!("{} deleted", shown(path)),
                    }
                }
            }
            Err(e) => format!(
                "{}: {}",
                path.display(),
                crate::input::ReadError::from_io(&e)
                    .message()
                    .get(self.lang)
            ),
        };
        self.say(Severity::Info, msg);
        self.load_drafts();
    }

    pub fn set_aside_notice(&mut self, to: &Path) {
        let msg = match self.lang {
            Lang::Fr => format!("texte retrouvé mis de côté dans {}", shown(to)),
            Lang::En => format!("recovered text set aside in {}", shown(to)),
        };
        self.say(Severity::Info, msg);
    }

    /// Starts from a template by name (`--template`).
    pub fn start_from(&mut self, name: &str) {
        let found = self.library.find(name).map(|t| t.name.clone());
        match found {
            Some(n) => {
                self.tfilter = Editor::single_line("");
                let at = self
                    .filtered_templates()
                    .iter()
                    .position(|t| t.name == n)
                    .unwrap_or(0);
                self.tselected = at;
                self.apply_template();
            }
            None => {
                let msg = match self.lang {
                    Lang::Fr => format!("modèle inconnu « {name} » : Ctrl-T les liste"),
                    Lang::En => format!("unknown template “{name}”: Ctrl-T lists them"),
                };
                self.say(Severity::Warning, msg);
            }
        }
    }

    /// Approve and save: refuses on errors unless `force`; writes atomically,
    /// never over another file; copies the note.
    pub fn approve(&mut self, force: bool) {
        self.approve_with(force, After::Stay);
    }

    fn approve_with(&mut self, force: bool, then: After) {
        self.fresh();
        if self.note.text().trim().is_empty() {
            let msg = self.t(Text::new(
                "rien à approuver : la note est vide",
                "nothing to approve: the note is empty",
            ));
            self.say(Severity::Warning, msg);
            return;
        }
        let errors = self.report.count(Severity::Error);
        if errors > 0 && !force {
            self.dialog = Some(Dialog::Approve { errors, then });
            return;
        }
        if self
            .target()
            .name
            .as_deref()
            .is_none_or(|n| n.trim().is_empty())
        {
            let save = self
                .keymap
                .keys(Action::Save)
                .first()
                .map(|k| k.label_in(self.lang))
                .unwrap_or_default();
            let msg = match self.lang {
                Lang::Fr => format!(
                    "pour qui ? donnez le nom de la personne avant d'approuver ({save} enregistre sans approuver)"
                ),
                Lang::En => format!(
                    "who is it for? give the person's name before approving ({save} saves without approving)"
                ),
            };
            self.say(Severity::Warning, msg);
            self.focus = Focus::Form(0);
            return;
        }
        let Some((path, draft, text)) = self.write_note(Status::Approved) else {
            return;
        };
        self.effects
            .push(Effect::Copy(self.note.text().to_string()));
        let mut msg = match self.lang {
            Lang::Fr => format!(
                "✓ approuvée, enregistrée dans {} et copiée dans le presse-papiers",
                shown(&path)
            ),
            Lang::En => format!(
                "✓ approved, saved to {} and copied to the clipboard",
                shown(&path)
            ),
        };
        let pace = self.pace_after(&path, &draft, &text);
        let level = if pace.is_some() {
            Severity::Warning
        } else {
            Severity::Info
        };
        if let Some(p) = pace {
            msg.push_str(" — ");
            msg.push_str(&p);
        }
        self.say(level, msg);
    }

    /// Saves the note as a draft, not approved: nothing is copied, no check
    /// stops it, and it can be approved later from the drafts screen.
    pub fn save_draft(&mut self) {
        self.fresh();
        if self.note.text().trim().is_empty() && self.target() == Target::default() {
            let msg = self.t(Text::new(
                "rien à enregistrer : la note est vide",
                "nothing to save: the note is empty",
            ));
            self.say(Severity::Warning, msg);
            return;
        }
        if let Some((path, ..)) = self.write_note(Status::Draft) {
            let msg = match self.lang {
                Lang::Fr => format!(
                    "✎ enregistrée comme brouillon dans {} (non approuvée)",
                    shown(&path)
                ),
                Lang::En => format!("✎ saved as a draft to {} (not approved)", shown(&path)),
            };
            self.say(Severity::Info, msg);
        }
    }

    /// Writes the note with `status` into the drafts folder: over the draft
    /// it was opened from, else at a free name. Says why when it cannot; the
    /// text stays either way.
    fn write_note(&mut self, status: Status) -> Option<(PathBuf, Draft, String)> {
        let Some(dir) = self.drafts_dir.clone() else {
            let msg = self.t(Text::new(
                "aucun dossier de brouillons : réglez drafts_dir dans la configuration",
                "no drafts folder: set drafts_dir in the config",
            ));
            self.say(Severity::Error, msg);
            return None;
        };
        let draft = self.to_draft(status);
        let text = match draft.to_file() {
            Ok(t) => t,
            Err(e) => {
                let msg = e.get(self.lang).into_owned();
                self.say(Severity::Error, msg);
                return None;
            }
        };
        let saved = match self
            .path
            .clone()
            .filter(|p| p.starts_with(&dir) && p.exists())
        {
            // The draft opened from the folder: updated in place, atomically.
            Some(p) => fsutil::write_replace(&p, text.as_bytes()).map(|()| p),
            None => {
                let name = self.target().name.unwrap_or_else(|| "note".into());
                let path = dir.join(format!("{}.md", template::slug(&name)));
                fsutil::write_fresh(&path, text.as_bytes())
            }
        };
        match saved {
            Ok(path) => {
                self.dirty = false;
                self.created_at = draft.front.created_at;
                self.path = Some(path.clone());
                Some((path, draft, text))
            }
            Err(e) => {
                let e = crate::input::ReadError::from_io(&e).message();
                let e = e.get(self.lang);
                let msg = match self.lang {
                    Lang::Fr => format!(
                        "non enregistrée ({}) : {e} — votre texte reste ici",
                        shown(&dir)
                    ),
                    Lang::En => format!("not saved ({}): {e} — your text stays here", shown(&dir)),
                };
                self.say(Severity::Error, msg);
                None
            }
        }
    }

    /// Your pace, from the approved drafts listed: notes a week over the
    /// last eight weeks (oldest first), against the weekly budget, and the
    /// personalized notes a free LinkedIn account has left in the trailing
    /// 30 days.
    pub fn pace(&self, now: jiff::Timestamp) -> Pace {
        const WEEK: i64 = 7 * 24 * 3600;
        let mut weeks = [0usize; 8];
        let mut month = 0;
        for t in self.drafts.iter().filter_map(|d| d.approved) {
            let age = now.as_second() - t.as_second();
            if age < 0 {
                continue;
            }
            if let Some(slot) = usize::try_from(age / WEEK)
                .ok()
                .filter(|&w| w < weeks.len())
            {
                weeks[weeks.len() - 1 - slot] += 1;
            }
            if age < 30 * 24 * 3600 {
                month += 1;
            }
        }
        let free = self.platform == Platform::Linkedin && self.tier == Tier::Free;
        Pace {
            weeks,
            budget: self.cross.weekly_budget,
            free_left: free.then(|| (self.cross.free_monthly_notes as usize).saturating_sub(month)),
        }
    }

    /// The `pace` warning for a note just approved, if any.
    fn pace_after(&self, path: &Path, draft: &Draft, text: &str) -> Option<String> {
        self.linter.severity(RuleId::Pace)?;
        let dir = self.drafts_dir.as_ref()?;
        let canon = std::fs::canonicalize(path).ok();
        let options = crate::batch::Options {
            default_platform: self.platform,
            default_tier: self.tier,
            ..Default::default()
        };
        let skip = canon.into_iter().collect();
        let mut records = vec![Record::new(
            &path.display().to_string(),
            text,
            draft,
            self.platform,
            self.tier,
            true,
        )];
        records.extend(crate::batch::saved_records(dir, &options, &skip));
        crossdraft::findings(&records, &self.linter, &self.cross, jiff::Timestamp::now())
            .into_iter()
            .find(|f| f.rule == RuleId::Pace && f.record == 0)
            .map(|f| self.l(&f.text(&records)))
    }
}
