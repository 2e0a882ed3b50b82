//! What every view shares: the styles (with or without colour, so that
//! `NO_COLOR` still shows a highlight by underline, bold or italics), the
//! language, the key table, and cutting text to a width.

use super::keys::Keymap;
use poignee::lang::{Lang, Localized, Text, french_spacing};
use poignee::lint::Severity;
use ratatui::style::{Color, Modifier, Style};
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

    pub fn label(&self) -> Style {
        self.fg(Color::Blue).add_modifier(Modifier::BOLD)
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

/// A notice on the status line: what was done, or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    pub level: Severity,
}
