//! The layout of the frame: where the form, the banner, the note, the
//! checks and the status go on the compose screen, and a list screen's
//! body and status. `update` needs it before anything is drawn (the note's
//! width for its wrap, a list's page for the page keys), and the view draws
//! into it: one place for both, so that the two never disagree.

use super::app::{App, Focus};
use super::keys::Action;
use super::theme::{Look, Theme, fit, notice_lines};
use poignee::audience::Decision;
use poignee::lang::Lang;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Block;
use unicode_width::UnicodeWidthStr;

/// The smallest terminal the screens fit in.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

/// The compose screen's parts.
pub struct Compose {
    pub form: Rect,
    /// The banner offering the text found at start (no rows without one).
    pub offer: Rect,
    pub note: Rect,
    pub checks: Rect,
    pub status: Rect,
}

/// The widest the compose screen's content gets: on a wide terminal it is
/// centred, and the note wraps at about 80 columns, not 110 (prose is
/// read in lines of a measure, as helix and television keep it).
pub const COMPOSE_MAX_WIDTH: u16 = 140;

pub fn compose_areas(frame: Rect, app: &App) -> Compose {
    let inner = Block::bordered().inner(frame);
    let inner = if inner.width > COMPOSE_MAX_WIDTH {
        let x = inner.x + (inner.width - COMPOSE_MAX_WIDTH) / 2;
        Rect::new(x, inner.y, COMPOSE_MAX_WIDTH, inner.height)
    } else {
        inner
    };
    let offer = offer_rows(app, inner.width);
    // The notice takes the rows it needs, the note keeping its six.
    let most = inner
        .height
        .saturating_sub(3 + offer + 6 + 2)
        .clamp(1, NOTICE_ROWS);
    let [form, offer, body, status] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(offer),
        Constraint::Min(6),
        Constraint::Length(2 + notice_rows(app, inner.width, most)),
    ])
    .areas(inner);
    let [note, checks] =
        Layout::horizontal([Constraint::Percentage(57), Constraint::Percentage(43)]).areas(body);
    Compose {
        form,
        offer,
        note,
        checks,
        status,
    }
}

/// The banner over the note while the text found at start is offered: a
/// new note is typed meanwhile, and only these keys answer it. On one row
/// when it fits, else what was found on one and the keys on the next (the
/// excerpt shortened to fit: the keys are never cut).
pub fn offer_lines(app: &App, width: u16) -> Vec<String> {
    let Some(offer) = app.offer.as_ref() else {
        return Vec::new();
    };
    let draft = &offer.draft;
    let width = usize::from(width).max(10);
    let who = draft
        .front
        .target
        .as_ref()
        .and_then(|t| t.name.clone())
        .map(|n| format!(" ({n})"))
        .unwrap_or_default();
    let first = draft.body.lines().map(str::trim).find(|l| !l.is_empty());
    let (restore, aside) = (app.key_of(Action::Restore), app.key_of(Action::Back));
    let lang = app.lang;
    let head = |excerpt: Option<&str>| {
        let s = match (lang, excerpt) {
            (Lang::Fr, Some(e)) => format!("⚠ Note non enregistrée retrouvée{who} : « {e} »"),
            (Lang::Fr, None) => format!("⚠ Note non enregistrée retrouvée{who}, sans texte"),
            (Lang::En, Some(e)) => format!("⚠ Unsaved note found{who}: “{e}”"),
            (Lang::En, None) => format!("⚠ Unsaved note found{who}, with no text"),
        };
        super::theme::fr(lang, s)
    };
    let keys = super::theme::fr(
        lang,
        match lang {
            Lang::Fr => format!("{restore} : la reprendre · {aside} : la mettre de côté"),
            Lang::En => format!("{restore}: restore it · {aside}: set it aside"),
        },
    );
    let cols = |s: &str| UnicodeWidthStr::width(s);
    let with = |room: usize| {
        first.map(|l| {
            let cut = fit(l, room.max(8));
            // "sur …" reads as a word left out: "sur…".
            match cut.strip_suffix(" …") {
                Some(c) => format!("{c}…"),
                None => cut,
            }
        })
    };
    let bare = cols(&head(first.map(|_| "")));
    let one = head(with(40).as_deref());
    if cols(&one) + 3 + cols(&keys) <= width {
        return vec![format!("{one} · {keys}")];
    }
    let line = head(with(width.saturating_sub(bare).min(40)).as_deref());
    vec![fit(&line, width), keys]
}

/// Rows the banner takes.
fn offer_rows(app: &App, width: u16) -> u16 {
    let rows: usize = offer_lines(app, width)
        .iter()
        .map(|l| textwrap::wrap(l, usize::from(width).max(10)).len())
        .sum();
    u16::try_from(rows.min(3)).unwrap_or(3)
}

/// The note's pane in a frame of `frame`'s size.
pub fn note_pane(frame: Rect, app: &App) -> Rect {
    compose_areas(frame, app).note
}

/// A list screen's parts (drafts, templates, outcomes): its body and the
/// status under it.
pub fn list_areas(frame: Rect, app: &App) -> (Rect, Rect) {
    let inner = Block::bordered().inner(frame);
    // A notice takes the rows it needs (the body keeping eight; the
    // screen's keys stay on the bottom edge); without one, what the keys
    // do here takes two.
    let most = inner.height.saturating_sub(1 + 8).clamp(2, NOTICE_ROWS);
    let rows = match app.notice {
        Some(_) => notice_rows(app, inner.width, most).max(2),
        None => 2,
    };
    let [body, status] =
        Layout::vertical([Constraint::Min(4), Constraint::Length(1 + rows)]).areas(inner);
    (body, status)
}

/// Rows of drafts the list shows in a frame of `frame`'s size.
pub fn drafts_rows(frame: Rect, app: &App) -> usize {
    let (body, _) = list_areas(frame, app);
    let rows = super::pace::pace_rows(body);
    super::shelf::list_rows(body, rows, app.shelf.filter_shown())
}

/// Rows of templates the list shows in a frame of `frame`'s size.
pub fn templates_rows(frame: Rect, app: &App) -> usize {
    let (body, _) = list_areas(frame, app);
    super::templates::rows(body)
}

/// The most rows a notice takes: a message after approving (the pace
/// warning, where the file went, what comes next) is read whole.
const NOTICE_ROWS: u16 = 6;

/// Rows the notice takes, at most `most`.
fn notice_rows(app: &App, width: u16, most: u16) -> u16 {
    let rows = match (&app.notice, out_of_audience(app)) {
        (Some(n), _) => notice_lines(&n.text, width, most).len(),
        (None, Some(why)) => notice_lines(&why, width, most.min(2)).len(),
        (None, None) => 1,
    };
    u16::try_from(rows.max(1)).unwrap_or(1)
}

/// In the form, with no notice: why the person is not in the audience,
/// since that is where it is fixed (the checks list says it too).
pub fn out_of_audience(app: &App) -> Option<String> {
    match (app.verdict.decision, app.focus) {
        (Decision::Out | Decision::Unknown, Focus::Form) => Some(app.l(&app.verdict.why())),
        _ => None,
    }
}

/// The whole frame, at the terminal's size as `update` last heard it.
pub fn frame(app: &App) -> Rect {
    Rect::new(0, 0, app.size.0, app.size.1)
}

/// How far the help scrolls: no further than its end, so that ↑ moves at
/// once after many ↓.
pub fn help_end(app: &App) -> usize {
    let look = Look {
        theme: Theme::new(false),
        lang: app.lang,
        keys: &app.keymap,
    };
    super::dialog::help_end(&look, frame(app))
}

/// How far the outcomes' rates scroll (their last first row), and a page.
pub fn outcomes_scroll(app: &App) -> (usize, usize) {
    let look = Look {
        theme: Theme::new(false),
        lang: app.lang,
        keys: &app.keymap,
    };
    let (body, _) = list_areas(frame(app), app);
    let end = super::outcomes::scroll_end(app.stats.as_deref(), &look, body);
    (end, usize::from(body.height / 2).max(1))
}
