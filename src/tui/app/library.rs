//! The templates: the picker's list and preview, and a note started from
//! one.

use super::{App, Focus, Screen};
use crate::tui::dialog::Dialog;
use crate::tui::keys::Action;
use crate::tui::templates::{Picker, PickerEvent};
use poignee::lang::Lang;
use poignee::lint::Severity;
use poignee::template::{self, Template};

impl App {
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

    pub(super) fn templates_act(&mut self, action: Action, extend: bool) {
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
    pub(super) fn put_template(&mut self, t: &Template) {
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
    pub(super) fn start_from(&mut self, name: &str) {
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
}
