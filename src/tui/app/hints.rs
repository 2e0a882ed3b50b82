//! What the keys do where the user is, as the component in sight says it
//! (gitui's `commands()`): the view only lays the hints out, on the
//! frame's bottom edge and on the status line.

use super::{App, Focus, Screen};
use crate::tui::keys::Action;
use crate::tui::theme::{KeyBar, Look};

impl App {
    /// The keys of the screen in sight, for the frame's bottom edge.
    pub fn key_bar(&self, look: &Look) -> KeyBar {
        match self.screen {
            Screen::Compose => compose_bar(look),
            Screen::Templates => self.picker.key_bar(look),
            Screen::Drafts => self.shelf.key_bar(look),
            Screen::Stats => crate::tui::outcomes::key_bar(look),
        }
    }

    /// What the keys do here, for the status line: on the compose screen,
    /// in the pane in focus.
    pub fn hint(&self, look: &Look) -> String {
        match (self.screen, self.focus) {
            (Screen::Compose, Focus::Note) => self.note.hint(look),
            (Screen::Compose, Focus::Checks) => self.checks.hint(look),
            (Screen::Compose, Focus::Form) => self.form.hint(look),
            (Screen::Templates, _) => self.picker.hint(look),
            (Screen::Drafts, _) => self.shelf.hint(look, self.aside.old.len()),
            (Screen::Stats, _) => crate::tui::outcomes::hint(look),
        }
    }
}

/// The compose screen's keys: the key table's main actions, help, approve,
/// quit, keep and new staying before the screens, which the tabs name with
/// their keys.
fn compose_bar(look: &Look) -> KeyBar {
    const FIRST: [Action; 7] = [
        Action::Help,
        Action::Approve,
        Action::Quit,
        Action::Save,
        Action::NewNote,
        Action::Templates,
        Action::Drafts,
    ];
    let hints = look.keys.footer();
    let order = FIRST
        .iter()
        .filter_map(|a| hints.iter().position(|(b, ..)| b == a))
        .collect();
    let items = hints.into_iter().map(|(_, k, w)| (k, w)).collect();
    KeyBar { items, order }
}
