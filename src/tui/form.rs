//! The target form: who the note is for (name, title, region, sector), how
//! the user knows them, and the network and account it goes through. It
//! owns its fields, the field in focus, its keys and its view.

use super::editor::Editor;
use super::keys::Action;
use super::note::{Edit, edit};
use super::theme::{Look, fit};
use poignee::lang::Text;
use poignee::target::{Platform, Relationship, Target, Tier};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The form's fields.
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

/// The fields in the order Tab and Enter go through them: reading order.
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

    /// The text field's place in [`Form::fields`]; `None` for a choice.
    pub fn text_index(self) -> Option<usize> {
        match self {
            Field::Name => Some(0),
            Field::Headline => Some(1),
            Field::Region => Some(2),
            Field::Sector => Some(3),
            _ => None,
        }
    }
}

/// Names offered for the region or sector being typed, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// The field they are for, in [`FIELDS`] order.
    pub at: usize,
    pub items: Vec<String>,
    /// The one chosen: the first as one types, so that Enter or Tab takes
    /// it; none when the field is entered again (passing through changes
    /// nothing). ↓ and ↑ choose.
    pub chosen: Option<usize>,
    /// Nothing matched as typed: these are the closest names, the CLI's
    /// « vouliez-vous dire ».
    pub guess: bool,
}

/// Names offered at most.
pub const COMPLETIONS: usize = 6;

/// What a key did in the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormEvent {
    Nothing,
    /// The target changed: check the note again.
    Changed,
    /// Clipboard text from a field (the field changed when cut).
    Copied(String),
    Cut(String),
    /// Past the last field: on to the note.
    Leave,
    /// A letter in a choice field: say how it changes.
    Choice,
}

#[derive(Debug, Clone)]
pub struct Form {
    /// Name, headline, region, sector.
    pub fields: [Editor; 4],
    pub relationship: Option<Relationship>,
    pub platform: Platform,
    pub tier: Tier,
    /// The field in focus, in [`FIELDS`] order.
    pub at: usize,
    /// Names offered for the region or sector being typed.
    pub completion: Option<Completion>,
}

impl Form {
    pub fn new(platform: Platform, tier: Tier) -> Form {
        Form {
            fields: std::array::from_fn(|_| Editor::single_line("")),
            relationship: None,
            platform,
            tier,
            at: 0,
            completion: None,
        }
    }

    /// The audience field being typed in, if it is the region or sector.
    pub fn completing(&self) -> Option<poignee::audience::Field> {
        match self.field() {
            Field::Region => Some(poignee::audience::Field::Region),
            Field::Sector => Some(poignee::audience::Field::Sector),
            _ => None,
        }
    }

    /// Offers the names matching the field's text (none when it is empty
    /// or already one of them), the first chosen; when none matches (a
    /// misspelling), the closest names.
    pub fn complete(&mut self, lang: poignee::Lang) {
        self.offer(lang, true);
    }

    /// The names offered again as the field is entered, none chosen.
    pub fn reopen(&mut self, lang: poignee::Lang) {
        self.offer(lang, false);
    }

    fn offer(&mut self, lang: poignee::Lang, choose: bool) {
        self.completion = None;
        let (Some(field), Some(i)) = (self.completing(), self.field().text_index()) else {
            return;
        };
        let text = self.fields[i].text().trim();
        if text.is_empty() {
            return;
        }
        let names = poignee::audience::names::names(field);
        let (found, guess) = names.complete(text, lang, COMPLETIONS);
        let items: Vec<String> = found.into_iter().map(|n| n.label.clone()).collect();
        if items.is_empty() || items.iter().any(|l| l == text) {
            return;
        }
        self.completion = Some(Completion {
            at: self.at,
            items,
            chosen: choose.then_some(0),
            guess,
        });
    }

    /// The name chosen in the popup written into its field (Tab leaving
    /// the field takes it, as Enter does); whether there was one.
    pub fn take_chosen(&mut self) -> bool {
        let Some(c) = self.completion.take().filter(|c| c.at == self.at) else {
            return false;
        };
        let (Some(label), Some(i)) = (
            c.chosen.and_then(|k| c.items.get(k)),
            self.field().text_index(),
        ) else {
            return false;
        };
        self.fields[i].select_all();
        self.fields[i].insert(label);
        true
    }

    /// ↑↓ in the names offered, Enter takes one, Esc closes them; `None`
    /// when the key is not for them.
    fn complete_act(&mut self, action: Action) -> Option<FormEvent> {
        let c = self.completion.as_mut().filter(|c| c.at == self.at)?;
        match action {
            Action::Down => {
                c.chosen = Some(c.chosen.map_or(0, |i| (i + 1).min(c.items.len() - 1)));
            }
            Action::Up => c.chosen = c.chosen.and_then(|i| i.checked_sub(1)),
            Action::Back => self.completion = None,
            Action::Confirm => {
                c.chosen?;
                if !self.take_chosen() {
                    return None;
                }
                // Taken, the field is done: Enter goes on in reading order
                // as it does without names offered (a new user's next word
                // was glued to « Grenoble (38) »).
                if self.at + 1 < FIELDS.len() {
                    self.at += 1;
                }
                return Some(FormEvent::Changed);
            }
            _ => return None,
        }
        Some(FormEvent::Nothing)
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
            profile: None,
        }
    }

    /// The form filled from a draft's target.
    pub fn fill(&mut self, target: &Target) {
        let values = [
            &target.name,
            &target.headline,
            &target.region,
            &target.sector,
        ];
        for (field, v) in self.fields.iter_mut().zip(values) {
            *field = Editor::single_line(v.as_deref().unwrap_or(""));
        }
        self.relationship = target.relationship;
    }

    pub fn field(&self) -> Field {
        FIELDS[self.at.min(FIELDS.len() - 1)]
    }

    /// The text field in focus, if the focus is on one.
    pub fn editor(&mut self) -> Option<&mut Editor> {
        let i = self.field().text_index()?;
        Some(&mut self.fields[i])
    }

    pub fn act(&mut self, action: Action, extend: bool) -> FormEvent {
        if let Some(done) = self.complete_act(action) {
            return done;
        }
        let i = self.at.min(FIELDS.len() - 1);
        // ↑↓ go to the field drawn above or below (the form is a grid:
        // name and region, title and sector, then the three choices).
        const ABOVE: [usize; 7] = [0, 1, 0, 1, 2, 3, 3];
        const BELOW: [Option<usize>; 7] = [Some(2), Some(3), Some(4), Some(5), None, None, None];
        match action {
            Action::Up => {
                self.at = ABOVE[i];
                return FormEvent::Nothing;
            }
            Action::Down => {
                return match BELOW[i] {
                    Some(b) => {
                        self.at = b;
                        FormEvent::Nothing
                    }
                    None => FormEvent::Leave,
                };
            }
            // Enter goes on in reading order, like Tab.
            Action::Confirm if i + 1 < FIELDS.len() => {
                self.at = i + 1;
                return FormEvent::Nothing;
            }
            Action::Confirm | Action::Back => return FormEvent::Leave,
            _ => {}
        }
        if let Some(e) = self.editor() {
            return match edit(e, action, extend, usize::MAX, false) {
                Edit::Changed => FormEvent::Changed,
                Edit::Copied(s) => FormEvent::Copied(s),
                Edit::Cut(s) => FormEvent::Cut(s),
                Edit::Moved | Edit::Ignored => FormEvent::Nothing,
            };
        }
        match action {
            Action::Change | Action::Right => self.cycle(1),
            Action::Left => self.cycle(-1),
            _ => FormEvent::Nothing,
        }
    }

    /// A character typed: into a text field; a choice is not typed into.
    pub fn typed(&mut self, s: &str) -> FormEvent {
        match self.editor() {
            Some(e) => {
                e.insert(s);
                FormEvent::Changed
            }
            None => FormEvent::Choice,
        }
    }

    fn cycle(&mut self, step: isize) -> FormEvent {
        fn next<T: Copy + PartialEq>(all: &[T], now: T, step: isize) -> T {
            let at = all.iter().position(|x| *x == now).unwrap_or(0) as isize;
            all[(at + step).rem_euclid(all.len() as isize) as usize]
        }
        match self.field() {
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
            _ => return FormEvent::Nothing,
        }
        FormEvent::Changed
    }
}

pub fn tier_word(tier: Tier) -> Text {
    match tier {
        Tier::Free => Text::new("gratuit", "free"),
        Tier::Premium => Text::new("Premium", "Premium"),
        Tier::SalesNavigator => Text::new("Sales Navigator", "Sales Navigator"),
    }
}

fn relationship_word(r: Option<Relationship>) -> Text {
    use Relationship as R;
    match r {
        None => Text::new("inconnue", "unknown"),
        Some(R::None) => Text::new("aucune", "none"),
        Some(R::Met) => Text::new("rencontré·e", "met"),
        Some(R::Mutual) => Text::new("contact commun", "mutual"),
        Some(R::Colleague) => Text::new("collègue", "colleague"),
        Some(R::Alumni) => Text::new("même école", "alumni"),
    }
}

/// The audience verdict's words, the widest first (the columns are laid out
/// for it, so that they stay put whatever the verdict says).
pub const VERDICT_WORDS: [Text; 2] = [
    Text::new("· pas de cible", "· no audience"),
    Text::new("✖ hors cible", "✖ out of audience"),
];

const LABEL_W: usize = 9;

/// The form's cells: where each field's value starts, and its width.
struct Cells {
    at: [(u16, u16, usize); 7],
}

fn cells(area: Rect, look: &Look) -> Cells {
    let w = usize::from(area.width);
    let verdict_w = VERDICT_WORDS
        .iter()
        .map(|t| UnicodeWidthStr::width(t.get(look.lang).as_ref()))
        .max()
        .unwrap_or(0)
        + 1;
    let col_w = (w.saturating_sub(verdict_w) / 2).max(LABEL_W + 4);
    let third = (w / 3).max(LABEL_W + 4);
    let half = col_w.saturating_sub(LABEL_W + 1);
    let small = third.saturating_sub(LABEL_W + 1);
    let x = |cols: usize| area.x + cols as u16;
    let at = [
        (x(0), area.y, half),
        (x(col_w), area.y, half),
        (x(0), area.y + 1, half),
        (x(col_w), area.y + 1, half),
        (x(0), area.y + 2, small),
        (x(third), area.y + 2, small),
        (x(2 * third), area.y + 2, small),
    ];
    Cells { at }
}

/// The part of a focused field shown: its end, when it is longer than the
/// cell, so that the cursor stays in sight. Returns the byte it starts at.
fn shown_from(e: &Editor, width: usize) -> usize {
    let before = &e.text()[..e.cursor()];
    let bw = UnicodeWidthStr::width(before);
    if bw < width {
        return 0;
    }
    let mut skip = bw + 1 - width;
    let mut at = 0;
    for (i, g) in before.grapheme_indices(true) {
        if skip == 0 {
            break;
        }
        skip = skip.saturating_sub(UnicodeWidthStr::width(g));
        at = i + g.len();
    }
    at
}

pub struct FormView<'a> {
    pub form: &'a Form,
    pub focused: bool,
    pub verdict: Span<'static>,
    pub look: Look<'a>,
}

impl FormView<'_> {
    /// The names offered for the field in focus, and where they go: under
    /// its value, as wide as the longest.
    pub fn completion(&self, area: Rect) -> Option<(&Completion, Rect)> {
        let c = self
            .form
            .completion
            .as_ref()
            .filter(|c| self.focused && c.at == self.form.at)?;
        let (x, y, w) = cells(area, &self.look).at[c.at];
        let widest = c
            .items
            .iter()
            .map(|l| UnicodeWidthStr::width(l.as_str()))
            .max()
            .unwrap_or(0);
        // As wide as the longest name, and as the title and the keys.
        let keys = self.look.keys;
        let hint = 5
            + UnicodeWidthStr::width(keys.short(Action::Down).as_str())
            + UnicodeWidthStr::width(keys.label(Action::Confirm).as_str());
        let title = if c.guess {
            UnicodeWidthStr::width(self.look.t(GUESS).as_str()) + 2
        } else {
            0
        };
        let width = (widest + 2).max(w.min(24)).max(title).max(hint) as u16;
        let height = c.items.len() as u16 + 2;
        Some((c, Rect::new(x + LABEL_W as u16 - 1, y + 1, width, height)))
    }

    /// Where the terminal's cursor goes when a text field has the focus.
    pub fn cursor(&self, area: Rect) -> Option<Position> {
        let form = self.form;
        let i = form.field().text_index().filter(|_| self.focused)?;
        let (x, y, width) = cells(area, &self.look).at[form.at];
        let e = &form.fields[i];
        let col = UnicodeWidthStr::width(&e.text()[shown_from(e, width)..e.cursor()]);
        Some(Position::new(x + (LABEL_W + col) as u16, y))
    }
}

impl Widget for FormView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let look = self.look;
        let theme = look.theme;
        let form = self.form;
        let layout = cells(area, &look);
        let mut rows: [Vec<Span>; 3] = Default::default();
        for (i, field) in FIELDS.iter().enumerate() {
            let (_, y, value_w) = layout.at[i];
            let row = &mut rows[usize::from(y - area.y)];
            let focused = self.focused && form.at == i;
            let label = look.t(field.label());
            let lstyle = if focused {
                theme.accent().add_modifier(Modifier::REVERSED)
            } else {
                theme.label()
            };
            row.push(Span::styled(
                format!("{:<width$}", fit(&label, LABEL_W - 1), width = LABEL_W),
                lstyle,
            ));
            let editor = field.text_index().map(|x| &form.fields[x]);
            let shown = match editor {
                Some(e) if focused => fit(&e.text()[shown_from(e, value_w)..], value_w),
                Some(e) => fit(e.text(), value_w),
                None => {
                    let value = match field {
                        Field::Relationship => look.t(relationship_word(form.relationship)),
                        Field::Platform => form.platform.display().to_string(),
                        _ => look.t(tier_word(form.tier)),
                    };
                    if focused {
                        format!("‹ {} ›", fit(&value, value_w.saturating_sub(4)))
                    } else {
                        fit(&value, value_w)
                    }
                }
            };
            // A selection in a one-line field (select all) shows as the
            // whole value reversed: what the next key replaces.
            let vstyle = if focused && editor.is_some_and(|e| e.selection().is_some()) {
                Style::new().add_modifier(Modifier::REVERSED)
            } else if focused {
                Style::new().add_modifier(Modifier::UNDERLINED)
            } else {
                Style::new()
            };
            let pad = value_w.saturating_sub(UnicodeWidthStr::width(shown.as_str()));
            row.push(Span::styled(shown, vstyle));
            // A text field shows its extent: its empty end underlined too
            // (in the accent when in focus), a choice its ‹ ›.
            let extent = match (editor.is_some(), focused) {
                (true, true) => theme.accent().add_modifier(Modifier::UNDERLINED),
                (true, false) => theme.dim().add_modifier(Modifier::UNDERLINED),
                (false, _) => Style::new(),
            };
            row.push(Span::styled(" ".repeat(pad), extent));
            row.push(Span::raw(" "));
        }
        rows[0].push(self.verdict.clone());
        for (r, spans) in rows.into_iter().enumerate() {
            let y = area.y + r as u16;
            if y < area.bottom() {
                Paragraph::new(Line::from(spans)).render(Rect::new(area.x, y, area.width, 1), buf);
            }
        }
    }
}

/// The popup's title when nothing matched as typed.
const GUESS: Text = Text::new(" vouliez-vous dire ? ", " did you mean? ");

/// The names offered under a field: ↓ chooses, Enter takes, Esc closes.
pub struct CompletionView<'a> {
    pub completion: &'a Completion,
    pub look: Look<'a>,
}

impl Widget for CompletionView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.look.theme;
        let keys = self.look.keys;
        ratatui::widgets::Clear.render(area, buf);
        let hint = format!(
            " {} {} ",
            keys.short(Action::Down),
            keys.label(Action::Confirm)
        );
        let mut block = ratatui::widgets::Block::bordered()
            .border_style(theme.dim())
            .title_bottom(Line::from(Span::styled(hint, theme.dim())));
        if self.completion.guess {
            let title = self.look.fr(self.look.t(GUESS));
            block = block.title(Line::from(Span::styled(title, theme.label())));
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let w = usize::from(inner.width);
        let lines: Vec<Line> = self
            .completion
            .items
            .iter()
            .enumerate()
            .map(|(i, label)| {
                let style = if self.completion.chosen == Some(i) {
                    theme.selected()
                } else {
                    Style::new()
                };
                Line::from(Span::styled(fit(label, w), style))
            })
            .collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

impl Form {
    /// What the keys do in the form, for the status line.
    pub fn hint(&self, look: &Look) -> String {
        let keys = look.keys;
        let (tab, updown) = (
            keys.label(Action::NextFocus),
            keys.pair(Action::Up, Action::Down),
        );
        keys.hint(&[
            (
                format!("{updown} {tab}"),
                Text::new("changer de champ", "move between fields"),
            ),
            (
                format!(
                    "{} {}",
                    keys.label(Action::Change),
                    keys.pair(Action::Left, Action::Right)
                ),
                Text::new("changer un choix", "change a choice"),
            ),
            (keys.label(Action::Back), Text::new("la note", "the note")),
        ])
    }
}
