//! Keys, pastes and actions: which keys are taken, where they go (the
//! component in focus, a dialog), and what the components' answers mean.

use super::{App, Effect, Focus, Screen};
use crate::tui::checks::ChecksEvent;
use crate::tui::dialog::{After, Answer, Dialog, Help};
use crate::tui::form::FormEvent;
use crate::tui::io::Job;
use crate::tui::keys::{Action, Key, Scope};
use crate::tui::layout;
use crate::tui::note::Edit;
use poignee::lang::Lang;
use poignee::lint::Severity;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind};

impl App {
    /// Whether a key from the terminal is taken: not its release (some
    /// terminals report those), and on the "window too small" screen, where
    /// nothing can be seen, only the keys that quit or redraw (a question
    /// asked is shown there, and answered).
    pub(super) fn takes(&self, ev: &KeyEvent) -> bool {
        if ev.kind == KeyEventKind::Release {
            return false;
        }
        if self.dialog.is_some() || self.seen() {
            return true;
        }
        let key = Key::of(ev);
        [Action::Quit, Action::Redraw]
            .iter()
            .any(|&a| self.keymap.keys(a).contains(&key))
    }

    /// Whether the window is large enough for the screens to be drawn:
    /// below it, the "window too small" screen says that nothing typed
    /// there goes into the note, and nothing does (keys nor pastes).
    pub(super) fn seen(&self) -> bool {
        let (w, h) = self.size;
        w >= layout::MIN_WIDTH && h >= layout::MIN_HEIGHT
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
    pub(super) fn key(&mut self, ev: KeyEvent) {
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
    pub(super) fn paste(&mut self, text: &str) {
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
                self.picker.filter = crate::tui::editor::Editor::single_line("");
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
        let last = crate::tui::form::FIELDS.len() - 1;
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

    pub(super) fn clipped(&mut self, text: String) {
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
