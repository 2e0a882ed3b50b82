//! The questions the app asks, all answered the same way: the language's
//! yes and no keys, Back (Esc) to cancel, Confirm (Enter) for the safe
//! choice; any other key leaves the question open. And the help overlay,
//! grouped by where keys work, scrolled with the keys that scroll.

use super::keys::{Action, BINDINGS, Keymap, Scope};
use super::theme::{Look, fit};
use poignee::lang::{Lang, Text};
use poignee::lint::Severity;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};
use std::path::PathBuf;
use strum::VariantArray;
use unicode_width::UnicodeWidthStr;

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
    /// An answer recorded (accepted, ignored, declined) replaced by
    /// another: a fact changed on one key, so asked first.
    Remark {
        path: PathBuf,
        from: poignee::draft::Status,
        mark: poignee::outcome::Mark,
    },
    /// The recovered texts set aside over 30 days ago, to delete.
    CleanAside(Vec<PathBuf>),
    /// A template (its name) over a note that has text.
    Template(String),
    /// Approving again a note already sent and unchanged: a second
    /// approved file, which the pace would count again. The day it was
    /// sent, when the file says.
    Resend {
        sent: Option<String>,
        then: After,
    },
}

/// What an approval asked from a dialog leads to once saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum After {
    Stay,
    Quit,
    NewNote,
}

/// A key in a dialog, read the same way in every dialog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Yes,
    /// Keep the note as a draft.
    Draft,
    No,
    Cancel,
    Safe,
}

impl Answer {
    pub fn of(action: Action) -> Option<Answer> {
        match action {
            Action::Yes => Some(Answer::Yes),
            Action::KeepDraft => Some(Answer::Draft),
            Action::No => Some(Answer::No),
            Action::Back => Some(Answer::Cancel),
            Action::Confirm => Some(Answer::Safe),
            _ => None,
        }
    }
}

/// The help overlay's scroll.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Help {
    pub scroll: usize,
}

impl Help {
    /// `false` when the key closes the help.
    pub fn act(&mut self, action: Action) -> bool {
        match action {
            Action::Back | Action::Help => return false,
            Action::Down => self.scroll += 1,
            Action::PageDown => self.scroll += 10,
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::PageUp => self.scroll = self.scroll.saturating_sub(10),
            Action::Home | Action::Top => self.scroll = 0,
            _ => {}
        }
        true
    }
}

pub fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width.saturating_sub(2));
    let h = height.min(area.height.saturating_sub(2));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

pub struct DialogView<'a> {
    pub dialog: &'a Dialog,
    pub look: Look<'a>,
    /// The home folder, for the paths a question names.
    pub home: Option<&'a std::path::Path>,
}

/// "[O] l'approuver · [B] la garder en brouillon · [N] quitter sans
/// enregistrer · Échap ou Entrée : rester", with the keys in force: the
/// draft choice when `draft`; without a `no` of its own, N goes with the
/// safe choice.
fn choices(
    keys: &Keymap,
    lang: Lang,
    yes: Text,
    draft: bool,
    no: Option<Text>,
    rest: Text,
) -> String {
    let label = |a: Action| keys.label(a);
    let (or, colon) = match lang {
        Lang::Fr => ("ou", " :"),
        Lang::En => ("or", ":"),
    };
    let mut parts = vec![format!("[{}] {}", label(Action::Yes), yes.get(lang))];
    if draft {
        let keep = Text::new("la garder en brouillon", "keep it as a draft");
        parts.push(format!("[{}] {}", label(Action::KeepDraft), keep.get(lang)));
    }
    let (esc, enter) = (label(Action::Back), label(Action::Confirm));
    let safe = format!("{esc} {or} {enter}{colon} {}", rest.get(lang));
    match no {
        Some(no) => {
            parts.push(format!("[{}] {}", label(Action::No), no.get(lang)));
            parts.push(safe);
        }
        // No is the safe choice too.
        None => parts.push(format!("[{}], {safe}", label(Action::No))),
    }
    parts.join(" · ")
}

/// Why approving with errors is asked about.
fn approve_body(lang: Lang, errors: usize) -> String {
    match lang {
        Lang::Fr if errors > 1 => format!(
            "La note a {errors} erreurs : telle quelle, l'invitation a peu de chances d'être acceptée."
        ),
        Lang::Fr => {
            "La note a 1 erreur : telle quelle, l'invitation a peu de chances d'être acceptée."
                .to_string()
        }
        Lang::En => format!(
            "The note has {errors} error{}: as it stands, the invitation is unlikely to be accepted.",
            if errors > 1 { "s" } else { "" },
        ),
    }
}

impl DialogView<'_> {
    fn texts(&self) -> (String, String, String) {
        let look = self.look;
        let (keys, lang) = (look.keys, look.lang);
        let t = |t: Text| look.t(t);
        match self.dialog {
            Dialog::Quit => (
                t(Text::new("Texte non enregistré", "Unsaved text")),
                t(Text::new(
                    "La note n'est pas enregistrée. Avant de quitter :",
                    "The note is not saved. Before quitting:",
                )),
                choices(
                    keys,
                    lang,
                    Text::new("l'approuver", "approve it"),
                    true,
                    Some(Text::new("quitter sans enregistrer", "quit without saving")),
                    Text::new("rester", "stay"),
                ),
            ),
            Dialog::NewNote => (
                t(Text::new("Texte non enregistré", "Unsaved text")),
                t(Text::new(
                    "La note n'est pas enregistrée. Avant d'en commencer une autre :",
                    "The note is not saved. Before starting another:",
                )),
                choices(
                    keys,
                    lang,
                    Text::new("l'approuver", "approve it"),
                    true,
                    Some(Text::new("la jeter", "discard it")),
                    Text::new("la garder ici", "keep it here"),
                ),
            ),
            Dialog::Approve { errors, .. } => (
                t(Text::new(
                    "Approuver malgré les erreurs ?",
                    "Approve despite errors?",
                )),
                approve_body(lang, *errors),
                choices(
                    keys,
                    lang,
                    Text::new("approuver quand même", "approve anyway"),
                    false,
                    None,
                    Text::new("non, corriger", "no, fix it"),
                ),
            ),
            Dialog::CleanAside(paths) => {
                let n = paths.len();
                let dir = paths
                    .first()
                    .and_then(|p| p.parent())
                    .map(|d| super::theme::tilde(d, self.home))
                    .unwrap_or_default();
                let body = match lang {
                    Lang::Fr => format!(
                        "{n} texte(s) retrouvé(s) au démarrage et mis de côté il y a plus de 30 jours, dans {dir} (recovery-*.md)"
                    ),
                    Lang::En => format!(
                        "{n} recovered text(s) set aside over 30 days ago, in {dir} (recovery-*.md)"
                    ),
                };
                (
                    t(Text::new(
                        "Supprimer les vieux textes mis de côté ?",
                        "Delete the old texts set aside?",
                    )),
                    body,
                    choices(
                        keys,
                        lang,
                        Text::new("supprimer", "delete"),
                        false,
                        None,
                        Text::new("garder", "keep"),
                    ),
                )
            }
            Dialog::Delete(p) => (
                t(Text::new("Supprimer ce brouillon ?", "Delete this draft?")),
                p.display().to_string(),
                choices(
                    keys,
                    lang,
                    Text::new("supprimer", "delete"),
                    false,
                    None,
                    Text::new("garder", "keep"),
                ),
            ),
            Dialog::Remark { path, from, mark } => {
                let file = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let (from, to) = (from.label().get(lang), mark.status().label().get(lang));
                (
                    t(Text::new("Remplacer la réponse ?", "Replace the answer?")),
                    match lang {
                        Lang::Fr => format!(
                            "{file} est déjà « {from} » : le marquer « {to} » remplace cette réponse et sa date."
                        ),
                        Lang::En => format!(
                            "{file} is already “{from}”: marking it “{to}” replaces that answer and its date."
                        ),
                    },
                    choices(
                        keys,
                        lang,
                        Text::new("remplacer", "replace"),
                        false,
                        None,
                        Text::new("garder la réponse", "keep the answer"),
                    ),
                )
            }
            Dialog::Resend { sent, .. } => (
                t(Text::new("Déjà envoyée", "Already sent")),
                match (lang, sent) {
                    (Lang::Fr, Some(day)) => format!(
                        "Cette note a été envoyée le {day}. L'approuver de nouveau écrit une seconde note approuvée, que le rythme compte aussi. Approuver quand même ?"
                    ),
                    (Lang::Fr, None) => "Cette note a déjà été envoyée. L'approuver de nouveau écrit une seconde note approuvée, que le rythme compte aussi. Approuver quand même ?".to_string(),
                    (Lang::En, Some(day)) => format!(
                        "This note was sent on {day}. Approving it again writes a second approved note, which the pace counts too. Approve anyway?"
                    ),
                    (Lang::En, None) => "This note was sent already. Approving it again writes a second approved note, which the pace counts too. Approve anyway?".to_string(),
                },
                choices(
                    keys,
                    lang,
                    Text::new("approuver de nouveau", "approve again"),
                    false,
                    None,
                    Text::new("ne pas approuver", "do not approve"),
                ),
            ),
            Dialog::Template(name) => {
                let undo = keys.label(Action::Undo);
                (
                    t(Text::new("Remplacer la note ?", "Replace the note?")),
                    match lang {
                        Lang::Fr => format!(
                            "Le modèle « {name} » remplacera votre texte ({undo} le rend d'un coup)."
                        ),
                        Lang::En => format!(
                            "Template “{name}” will replace your text ({undo} brings it back in one step)."
                        ),
                    },
                    choices(
                        keys,
                        lang,
                        Text::new("remplacer", "replace"),
                        false,
                        None,
                        Text::new("garder ma note", "keep my note"),
                    ),
                )
            }
            Dialog::Help => Default::default(),
        }
    }
}

impl Widget for DialogView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let look = self.look;
        let (title, body, keys) = self.texts();
        let (body, keys) = (look.fr(body), look.fr(keys));
        // As tall as its text wrapped at its width: the keys never cut off.
        let width = area.width.saturating_sub(2).min(72);
        let inner_width = usize::from(width.saturating_sub(2)).max(1);
        let rows =
            textwrap::wrap(&body, inner_width).len() + 1 + textwrap::wrap(&keys, inner_width).len();
        let rect = popup(area, width, u16::try_from(rows + 2).unwrap_or(u16::MAX));
        Clear.render(rect, buf);
        let block = Block::bordered()
            .title(format!(" {title} "))
            .border_style(look.theme.severity(Severity::Warning));
        let inner = block.inner(rect);
        block.render(rect, buf);
        let glued = |s: &str| super::theme::glued(s).into_owned();
        let lines = vec![
            Line::raw(glued(&body)),
            Line::raw(""),
            Line::from(Span::styled(glued(&keys), look.theme.label())),
        ];
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .render(inner, buf);
    }
}

pub struct HelpView<'a> {
    pub help: Help,
    pub look: Look<'a>,
}

/// The help's box in a frame, and its text's area.
fn help_area(area: Rect) -> (Rect, Rect) {
    let rect = popup(area, 76, area.height.saturating_sub(2));
    (rect, Block::bordered().inner(rect))
}

/// The help's lines at `w` columns: keys and what they do, grouped by where
/// they work. A long description goes on under itself, and so do keys that
/// do not fit their column, instead of being cut.
fn help_lines(look: &Look, w: usize) -> Vec<Line<'static>> {
    let (theme, keys) = (look.theme, look.keys);
    let entries: Vec<(Scope, Vec<String>, String)> = BINDINGS
        .iter()
        .map(|b| {
            let labels = keys
                .keys(b.action)
                .iter()
                .map(|k| k.label_in(look.lang))
                .collect();
            (b.scope, labels, look.t(b.what))
        })
        .collect();
    let key_w = (w / 3).max(8);
    let what_w = w.saturating_sub(key_w).max(10);
    let mut lines = Vec::new();
    for &scope in Scope::VARIANTS {
        if !lines.is_empty() {
            lines.push(Line::raw(""));
        }
        lines.push(Line::from(Span::styled(
            look.t(scope.title()),
            Style::new().add_modifier(Modifier::BOLD),
        )));
        for (_, labels, what) in entries.iter().filter(|(s, ..)| *s == scope) {
            // "Ctrl-W, Ctrl-Backspace, Ctrl-H": on as many rows as it takes,
            // each but the last ending with a comma, so that a key alone on
            // its row reads as one more key for the action above.
            let mut key_rows: Vec<String> = Vec::new();
            for label in labels {
                match key_rows.last_mut() {
                    Some(row)
                        if UnicodeWidthStr::width(row.as_str())
                            + 2
                            + UnicodeWidthStr::width(label.as_str())
                            + 1
                            < key_w =>
                    {
                        row.push_str(", ");
                        row.push_str(label);
                    }
                    _ => key_rows.push(fit(label, key_w - 2)),
                }
            }
            let last = key_rows.len().saturating_sub(1);
            for row in &mut key_rows[..last] {
                row.push(',');
            }
            let what_rows: Vec<String> = textwrap::wrap(&look.fr(what.clone()), what_w)
                .into_iter()
                .map(|c| c.into_owned())
                .collect();
            for i in 0..key_rows.len().max(what_rows.len()) {
                let key = key_rows.get(i).map_or("", String::as_str);
                lines.push(Line::from(vec![
                    Span::styled(format!("{key:<key_w$}"), theme.key()),
                    Span::raw(what_rows.get(i).cloned().unwrap_or_default()),
                ]));
            }
        }
    }
    lines.push(Line::raw(""));
    let notes = look.t(Text::new(
        "Maj avec une touche de déplacement : sélectionner. Touches réglables dans la configuration, table [keys] (ex. approve = [\"f10\"]).",
        "Shift with a move key: select. Keys can be changed in the config, [keys] table (e.g. approve = [\"f10\"]).",
    ));
    for part in textwrap::wrap(&look.fr(notes), w.max(10)) {
        lines.push(Line::from(Span::styled(part.into_owned(), theme.dim())));
    }
    lines
}

/// How far the help scrolls in a frame of `area`: no further than its end.
pub fn help_end(look: &Look, area: Rect) -> usize {
    let (_, inner) = help_area(area);
    help_lines(look, usize::from(inner.width))
        .len()
        .saturating_sub(usize::from(inner.height))
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (look, theme) = (self.look, self.look.theme);
        let keys = look.keys;
        let (rect, inner) = help_area(area);
        Clear.render(rect, buf);
        let title = match look.lang {
            Lang::Fr => format!(" Aide — touches ({} ferme) ", keys.label(Action::Back)),
            Lang::En => format!(" Help — keys ({} closes) ", keys.label(Action::Back)),
        };
        Block::bordered().title(title).render(rect, buf);
        let lines = help_lines(&look, usize::from(inner.width));
        let h = usize::from(inner.height);
        let max_scroll = lines.len().saturating_sub(h);
        let scroll = self.help.scroll.min(max_scroll);
        let mut lines: Vec<Line> = lines.into_iter().skip(scroll).take(h).collect();
        if scroll < max_scroll {
            if let Some(last) = lines.last_mut() {
                let more = look.fr(match look.lang {
                    Lang::Fr => format!(
                        "↓ la suite : {} ou {}",
                        keys.label(Action::Down),
                        keys.label(Action::PageDown)
                    ),
                    Lang::En => format!(
                        "↓ more: {} or {}",
                        keys.label(Action::Down),
                        keys.label(Action::PageDown)
                    ),
                });
                *last = Line::from(Span::styled(more, theme.dim()));
            }
        }
        Paragraph::new(lines).render(inner, buf);
    }
}
