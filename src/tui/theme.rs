//! What every view shares: the styles (with or without colour, so that
//! `NO_COLOR` still shows a highlight by underline, bold or italics), the
//! language, the key table, and cutting text to a width.

use super::keys::Keymap;
use poignee::lang::{Lang, Localized, Text, french_spacing};
use poignee::lint::Severity;
use ratatui::style::{Color, Modifier, Style};
use std::path::Path;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Styles, with or without colour.
#[derive(Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn fg(&self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// A highlighted span in the note.
    pub fn span(&self, s: Severity) -> Style {
        match s {
            Severity::Error => self
                .fg(Color::Red)
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            Severity::Warning => self.fg(Color::Yellow).add_modifier(Modifier::UNDERLINED),
            Severity::Info => self.fg(Color::Cyan).add_modifier(Modifier::ITALIC),
        }
    }

    pub fn severity(&self, s: Severity) -> Style {
        match s {
            Severity::Error => self.fg(Color::Red).add_modifier(Modifier::BOLD),
            Severity::Warning => self.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            Severity::Info => self.fg(Color::Cyan),
        }
    }

    /// The words of a reason poignee found.
    pub fn understood(&self) -> Style {
        self.fg(Color::Green)
    }

    pub fn good(&self) -> Style {
        self.fg(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn dim(&self) -> Style {
        if self.color {
            Style::new().fg(Color::DarkGray)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A label or a heading: a muted tone, so that the focus stands out.
    pub fn label(&self) -> Style {
        self.fg(Color::Blue)
    }

    /// A key named in a footer or a help: bold, no colour of its own.
    pub fn key(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The one accent: the pane in focus (its border and title), the
    /// field in focus, the current screen's tab.
    pub fn accent(&self) -> Style {
        self.fg(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// The border of a pane, in focus or not.
    pub fn border(&self, focused: bool) -> Style {
        if focused { self.accent() } else { self.dim() }
    }
}

/// The look of a frame: styles, language and keys, handed to every view.
#[derive(Clone, Copy)]
pub struct Look<'a> {
    pub theme: Theme,
    pub lang: Lang,
    pub keys: &'a Keymap,
}

impl Look<'_> {
    pub fn t(&self, t: Text) -> String {
        t.get(self.lang).into_owned()
    }

    pub fn l(&self, l: &Localized) -> String {
        l.get(self.lang).into_owned()
    }

    /// French typography (a space before : ; ! ?) in French.
    pub fn fr(&self, s: String) -> String {
        fr(self.lang, s)
    }
}

pub fn icon(s: Severity) -> &'static str {
    match s {
        Severity::Error => "✖",
        Severity::Warning => "⚠",
        Severity::Info => "ℹ",
    }
}

pub fn fr(lang: Lang, s: String) -> String {
    match lang {
        Lang::Fr => french_spacing(&s).into_owned(),
        Lang::En => s,
    }
}

/// The no-break spaces a wrap must not break at, as the terminal's wrap
/// knows them: ratatui keeps U+00A0 but breaks at the narrow one (U+202F,
/// before French « ; ! ? » and in « 5 000 »), which would leave a « ! »
/// alone at a line's start. Both are one cell: the narrow one is drawn as
/// the other.
pub fn glued(s: &str) -> std::borrow::Cow<'_, str> {
    if s.contains('\u{202f}') {
        std::borrow::Cow::Owned(s.replace('\u{202f}', "\u{a0}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// Cuts `s` to `width` columns, with "…" when cut.
pub fn fit(s: &str, width: usize) -> String {
    if UnicodeWidthStr::width(s) <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for g in s.graphemes(true) {
        let w = UnicodeWidthStr::width(g);
        if used + w + 1 > width {
            break;
        }
        out.push_str(g);
        used += w;
    }
    out.push('…');
    out
}

/// A text's lines at `width` columns (a notice, a preview): wrapped, never
/// cut at the side; on `most` rows at most, the last one ending with "…"
/// when there is more.
pub fn notice_lines(text: &str, width: u16, most: u16) -> Vec<String> {
    let w = usize::from(width).max(10);
    let mut lines: Vec<String> = textwrap::wrap(text, w)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    let most = usize::from(most.max(1));
    if lines.len() > most {
        lines.truncate(most);
        if let Some(last) = lines.last_mut() {
            *last = fit(&format!("{last}…"), w);
        }
    }
    lines
}

/// A list of keys (`↑↓ : choisir · Entrée : ouvrir · …`) on `width`
/// columns: the items that fit, whole, in their order; none cut in its
/// middle (the help lists them all). One item too wide is cut as `fit` does.
pub fn fit_items(s: &str, width: usize) -> String {
    const SEP: &str = " · ";
    let mut out = String::new();
    for item in s.split(SEP) {
        let sep = if out.is_empty() { "" } else { SEP };
        if UnicodeWidthStr::width(out.as_str()) + sep.len() + UnicodeWidthStr::width(item) > width {
            break;
        }
        out.push_str(sep);
        out.push_str(item);
    }
    if out.is_empty() { fit(s, width) } else { out }
}

/// Cuts `s` to `width` columns in its middle: « claire-m…tin-2.md », so that
/// names that differ at their end stay apart.
pub fn fit_middle(s: &str, width: usize) -> String {
    if UnicodeWidthStr::width(s) <= width || width < 5 {
        return fit(s, width);
    }
    let graphemes: Vec<&str> = s.graphemes(true).collect();
    let tail_w = (width - 1) / 2;
    let mut tail = Vec::new();
    let mut used = 0;
    for g in graphemes.iter().rev() {
        let w = UnicodeWidthStr::width(*g);
        if used + w > tail_w {
            break;
        }
        used += w;
        tail.push(*g);
    }
    tail.reverse();
    let head = fit(s, width - used);
    format!("{head}{}", tail.concat())
}

/// A notice on the status line: what was done, or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub level: Severity,
}

/// A path as the user reads it: `~/…` under the home folder `home`.
pub fn tilde(path: &Path, home: Option<&Path>) -> String {
    match home.and_then(|h| path.strip_prefix(h).ok()) {
        Some(rest) => format!("~/{}", rest.display()),
        None => path.display().to_string(),
    }
}

/// A screen's keys for the frame's bottom edge, as its component lists
/// them (gitui's `commands()`): each key and its word, in the order shown,
/// and the order in which they give way on a short edge (the first always
/// stays). From the key table, so that a rebinding shows.
pub struct KeyBar {
    pub items: Vec<(String, String)>,
    pub order: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_cut_in_the_middle_stay_apart() {
        assert_eq!(fit_middle("claire-martin.md", 12), "claire…in.md");
        assert_eq!(fit_middle("claire-martin-2.md", 12), "claire…-2.md");
        assert_eq!(fit_middle("court.md", 12), "court.md");
        assert_eq!(
            UnicodeWidthStr::width(fit_middle("élodie-dupont-3.md", 9).as_str()),
            9
        );
    }
}
