//! The frame: a border with the title, the screens' tabs and the main keys
//! on its bottom edge; the screen in focus drawn by its components; the
//! status line; a dialog or the help over it; the too-small message. It
//! only draws: where each part goes is [`super::layout`]'s, which `update`
//! reads as well.

use super::app::{App, Focus, Screen};
use super::checks::ChecksView;
use super::dialog::{Dialog, DialogView, HelpView};
use super::form::{FormView, VERDICT_WORDS, tier_word};
use super::keys::Action;
use super::layout::{
    MIN_HEIGHT, MIN_WIDTH, compose_areas, list_areas, offer_lines, out_of_audience,
};
use super::note::{NoteView, text_area};
use super::shelf::ShelfView;
use super::templates::PickerView;
use super::theme::{KeyBar, Look, Theme, fit_items, notice_lines};
use poignee::audience::Decision;
use poignee::lang::{Lang, Text};
use poignee::lint::Severity;
use poignee::text::{is_bidi_control, is_unsafe_for_terminal};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, app: &App) {
    screens(f, app);
    shown_safely(f.buffer_mut());
}

fn look(app: &App) -> Look<'_> {
    Look {
        theme: Theme::new(app.color),
        lang: app.lang,
        keys: &app.keymap,
    }
}

/// Every cell made safe for the terminal: the text of a note, a draft's
/// name or a template is the user's, and ratatui hands a cell's symbol to
/// the terminal as it is. A control character (one column wide, as the
/// editor counts it) is drawn as its picture (␛, ␇, ␡, � for C1); a
/// bidirectional control (no column) is left out.
fn shown_safely(buf: &mut Buffer) {
    for cell in &mut buf.content {
        if !cell.symbol().chars().any(is_unsafe_for_terminal) {
            continue;
        }
        let shown: String = cell
            .symbol()
            .chars()
            .filter(|&c| !is_bidi_control(c))
            .map(control_picture)
            .collect();
        cell.set_symbol(if shown.is_empty() { " " } else { &shown });
    }
}

/// A control character's picture, one column wide like the character.
fn control_picture(c: char) -> char {
    match c as u32 {
        n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
        0x7f => '\u{2421}',
        0x80..=0x9f => '\u{fffd}',
        _ => c,
    }
}

/// The drafts screen's pace, as drawn.
fn drafts_pace(app: &App) -> poignee::drafts::Pace {
    app.pace(app.clock.timestamp())
}

/// "LinkedIn (free, 200)".
fn platform_title(app: &App) -> String {
    let form = &app.form;
    let tier = match form.platform {
        poignee::Platform::Viadeo => String::new(),
        poignee::Platform::Linkedin => format!("{}, ", app.t(tier_word(form.tier))),
    };
    format!("{} ({tier}{})", form.platform.display(), app.limit())
}

fn screens(f: &mut Frame, app: &App) {
    let area = f.area();
    let look = look(app);
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(f, app, area);
        // A question asked is seen, whatever the size (quit asks here too).
        if let Some(dialog) = app.dialog.as_ref().filter(|d| **d != Dialog::Help) {
            f.render_widget(
                DialogView {
                    dialog,
                    look,
                    home: app.home.as_deref(),
                },
                area,
            );
        }
        return;
    }
    let room = usize::from(area.width.saturating_sub(4));
    let tabs = tabs(app, &look.theme, room.saturating_sub(9));
    // The title gives way to the tabs when both do not fit (the platform
    // and tier are in the form too).
    let full = format!(" poignee · {} ", platform_title(app));
    let title = if UnicodeWidthStr::width(full.as_str()) + tabs.width() <= room {
        full
    } else {
        " poignee ".to_string()
    };
    let outer = Block::bordered()
        .title(Line::from(title))
        .title(tabs.alignment(Alignment::Right))
        .title_bottom(key_bar(app, &look, room));
    f.render_widget(outer, area);
    let typing = app.dialog.is_none();
    match app.screen {
        Screen::Compose => compose(f, app, &look, area),
        Screen::Templates => {
            let (body, status) = list_areas(area, app);
            let items = app.filtered_templates();
            let view = PickerView {
                picker: &app.picker,
                preview: items.get(app.picker.selected).map(|t| app.preview(t)),
                items: &items,
                look,
            };
            let cursor = view.cursor(body);
            f.render_widget(view, body);
            if typing {
                f.set_cursor_position(cursor);
            }
            simple_status(f, app, &look, status);
        }
        Screen::Stats => {
            let (body, status) = list_areas(area, app);
            let today = app.today();
            f.render_widget(
                super::outcomes::OutcomesView {
                    stats: app.stats.as_deref(),
                    weeks: super::outcomes::weeks(&app.shelf.entries, today),
                    scroll: app.outcomes_scroll,
                    look,
                },
                body,
            );
            simple_status(f, app, &look, status);
        }
        Screen::Drafts => {
            let (body, status) = list_areas(area, app);
            let pace = drafts_pace(app);
            let dir = app
                .worker
                .folder
                .as_ref()
                .map(|d| app.shown(d.dir()))
                .unwrap_or_default();
            let pace_rows = super::pace::pace_rows(body);
            if let Some(p) =
                super::shelf::filter_cursor(&app.shelf, body, pace_rows).filter(|_| typing)
            {
                f.set_cursor_position(p);
            }
            f.render_widget(
                ShelfView {
                    shelf: &app.shelf,
                    pace: &pace,
                    dir,
                    today: app.today(),
                    ignored_after_days: app.worker.ignored_after_days,
                    look,
                },
                body,
            );
            simple_status(f, app, &look, status);
        }
    }
    match &app.dialog {
        Some(Dialog::Help) => f.render_widget(
            HelpView {
                help: app.help,
                look,
            },
            area,
        ),
        Some(dialog) => f.render_widget(
            DialogView {
                dialog,
                look,
                home: app.home.as_deref(),
            },
            area,
        ),
        None => {}
    }
}

fn too_small(f: &mut Frame, app: &App, area: Rect) {
    let quit = app.key_of(Action::Quit);
    let (w, h) = (area.width, area.height);
    let msg = match app.lang {
        Lang::Fr => format!(
            "Fenêtre trop petite : {w}×{h}. poignee a besoin d'au moins {MIN_WIDTH}×{MIN_HEIGHT} : agrandissez-la. Rien de ce qui est tapé ici n'entre dans la note. ({quit} quitte.)"
        ),
        Lang::En => format!(
            "Window too small: {w}×{h}. poignee needs at least {MIN_WIDTH}×{MIN_HEIGHT}: make it larger. Nothing typed here goes into the note. ({quit} quits.)"
        ),
    };
    let p = Paragraph::new(super::theme::glued(&super::theme::fr(app.lang, msg)).into_owned())
        .wrap(Wrap { trim: true })
        .alignment(Alignment::Center);
    let y = area.height / 2;
    let rect = Rect::new(
        area.x,
        area.y + y.saturating_sub(1),
        area.width,
        area.height - y.saturating_sub(1),
    );
    f.render_widget(p, rect);
}

/// The screen's keys on the frame's bottom edge: as many as fit in `room`
/// columns, taken in `order` (the first always), shown in their own order.
fn key_bar<'a>(app: &App, look: &Look, room: usize) -> Line<'a> {
    let KeyBar { items, order } = app.key_bar(look);
    let width = |(k, w): &(String, String)| {
        UnicodeWidthStr::width(k.as_str()) + UnicodeWidthStr::width(w.as_str()) + 3
    };
    let mut used = 2;
    let mut kept = Vec::new();
    for (n, &i) in order.iter().enumerate() {
        let Some(item) = items.get(i) else {
            continue;
        };
        if used + width(item) > room && n > 0 {
            break;
        }
        used += width(item);
        kept.push(i);
    }
    let mut spans = vec![Span::raw(" ")];
    for (i, (key, what)) in items.into_iter().enumerate() {
        if kept.contains(&i) {
            spans.push(Span::styled(key, look.theme.key()));
            spans.push(Span::raw(format!(" {what}  ")));
        }
    }
    Line::from(spans)
}

/// A screen's key in its tab: its function key when it has one (F3), else
/// its first (^T).
fn tab_key(app: &App, action: Action) -> String {
    let keys = app.keymap.keys(action);
    keys.iter()
        .find(|k| matches!(k.code, ratatui::crossterm::event::KeyCode::F(_)))
        .or(keys.first())
        .map_or_else(|| "—".to_string(), |k| k.short(app.lang))
}

/// The screens' tabs with their keys, as gitui writes them: « F2 Rédaction
/// F3 Modèles … », the current one in brackets; within `room` columns,
/// only the current one keeps its name (« F2 F3 [F4 Brouillons] F6 »).
fn tabs<'a>(app: &App, theme: &Theme, room: usize) -> Line<'a> {
    let names = [
        (
            Screen::Compose,
            Action::Compose,
            Text::new("Rédaction", "Compose"),
        ),
        (
            Screen::Templates,
            Action::Templates,
            Text::new("Modèles", "Templates"),
        ),
        (
            Screen::Drafts,
            Action::Drafts,
            Text::new("Brouillons", "Drafts"),
        ),
        (
            Screen::Stats,
            Action::Stats,
            Text::new("Résultats", "Outcomes"),
        ),
    ];
    let build = |named: bool| {
        let mut spans = vec![Span::raw(" ")];
        for (screen, action, name) in names {
            let key = tab_key(app, action);
            let name = app.t(name);
            if screen == app.screen {
                spans.push(Span::styled(format!("[{key} {name}]"), theme.accent()));
            } else if named {
                spans.push(Span::raw(format!("{key} {name}")));
            } else {
                spans.push(Span::raw(key));
            }
            spans.push(Span::raw(" "));
        }
        Line::from(spans)
    };
    let full = build(true);
    if full.width() <= room {
        full
    } else {
        build(false)
    }
}

fn verdict_span(app: &App, theme: &Theme) -> Span<'static> {
    if app.linter.audience.is_empty() {
        return Span::styled(app.t(VERDICT_WORDS[0]), theme.dim());
    }
    match app.verdict.decision {
        Decision::In => Span::styled(app.t(Text::new("✓ cible", "✓ audience")), theme.good()),
        Decision::Out => Span::styled(app.t(VERDICT_WORDS[1]), theme.severity(Severity::Error)),
        Decision::Unknown => Span::styled(
            app.t(Text::new("? cible", "? audience")),
            theme.severity(Severity::Warning),
        ),
    }
}

fn compose(f: &mut Frame, app: &App, look: &Look, frame: Rect) {
    let areas = compose_areas(frame, app);
    let live = app.dialog.is_none();
    let form = FormView {
        form: &app.form,
        focused: app.focus == Focus::Form,
        verdict: verdict_span(app, &look.theme),
        look: *look,
    };
    let cursor = form.cursor(areas.form);
    // Drawn last, over the panes below the form.
    let offered = form
        .completion(areas.form)
        .map(|(c, at)| (c.clone(), at.intersection(frame)));
    f.render_widget(form, areas.form);
    if let (Some(p), true) = (cursor, live) {
        f.set_cursor_position(p);
    }
    let offer = offer_lines(app, areas.offer.width);
    if !offer.is_empty() {
        let lines: Vec<Line> = offer
            .iter()
            .map(|l| Line::raw(super::theme::glued(l).into_owned()))
            .collect();
        f.render_widget(
            Paragraph::new(lines)
                .style(look.theme.severity(Severity::Warning))
                .wrap(Wrap { trim: true }),
            areas.offer,
        );
    }
    f.render_widget(
        NoteView {
            note: &app.note,
            highlights: &app.checks.highlights,
            focused: app.focus == Focus::Note,
            look: *look,
        },
        areas.note,
    );
    if app.focus == Focus::Note && live {
        f.set_cursor_position(app.note.cursor(text_area(areas.note)));
    }
    f.render_widget(
        ChecksView {
            checks: &app.checks,
            note: app.note.text(),
            focused: app.focus == Focus::Checks,
            look: *look,
        },
        areas.checks,
    );
    status_bar(f, app, look, areas.status);
    if let Some((completion, at)) = offered.filter(|_| live) {
        f.render_widget(
            super::form::CompletionView {
                completion: &completion,
                look: *look,
            },
            at,
        );
    }
}

fn gauge(length: usize, limit: usize, cells: usize) -> String {
    let filled = if limit == 0 {
        cells
    } else {
        (length * cells).div_ceil(limit).min(cells)
    };
    format!("▕{}{}▏", "█".repeat(filled), "▁".repeat(cells - filled))
}

fn status_bar(f: &mut Frame, app: &App, look: &Look, area: Rect) {
    let theme = look.theme;
    let block = Block::new().borders(Borders::TOP);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width);
    // The rows the layout gave the notice, above the counter's.
    let rows = inner.height.saturating_sub(1).max(1);
    let notice: Vec<Line> = match &app.notice {
        Some(n) => notice_lines(&n.text, inner.width, rows)
            .into_iter()
            .map(|l| Line::from(Span::styled(l, theme.severity(n.level))))
            .collect(),
        // Why the person is not in the audience, on the rows it was given;
        // else the keys of the pane in focus, those that fit.
        None => match out_of_audience(app) {
            Some(why) => notice_lines(&why, inner.width, rows)
                .into_iter()
                .map(|l| Line::from(Span::styled(l, theme.dim())))
                .collect(),
            None => vec![Line::from(Span::styled(
                fit_items(&look.fr(app.hint(look)), w),
                theme.dim(),
            ))],
        },
    };
    f.render_widget(
        Paragraph::new(notice),
        Rect::new(inner.x, inner.y, inner.width, rows),
    );
    // Counter, gauge, counts, score, verdict.
    let report = &app.checks.report;
    let stats = &report.stats;
    let near = (stats.limit as f32 * app.linter.thresholds.near_limit) as usize;
    let cstyle = if stats.length > stats.limit {
        theme.severity(Severity::Error)
    } else if stats.length >= near {
        theme.severity(Severity::Warning)
    } else {
        Style::new()
    };
    let e = report.count(Severity::Error);
    let wn = report.count(Severity::Warning);
    let counts = match app.lang {
        Lang::Fr => format!(
            "{e} {} · {wn} avert.",
            if e <= 1 { "erreur" } else { "erreurs" },
        ),
        Lang::En => format!(
            "{e} {} · {wn} {}",
            if e == 1 { "error" } else { "errors" },
            if wn == 1 { "warning" } else { "warnings" }
        ),
    };
    let count_style = if e > 0 {
        theme.severity(Severity::Error)
    } else if wn > 0 {
        theme.severity(Severity::Warning)
    } else {
        theme.good()
    };
    let counter = Span::styled(format!("{}/{} ", stats.length, stats.limit), cstyle);
    let gauge = Span::styled(gauge(stats.length, stats.limit, 10) + " ", cstyle);
    let counts = Span::styled(counts, count_style);
    let score = Span::styled(
        format!(" · {}/100", report.score.value),
        Style::new().add_modifier(Modifier::BOLD),
    );
    let verdict = [Span::raw(" · "), verdict_span(app, &theme)];
    // Narrow, the gauge goes first, then the score (the checks pane shows
    // it): the verdict is never cut.
    let needed = |parts: &[&Span]| parts.iter().map(|s| s.width()).sum::<usize>();
    let base = needed(&[&counter, &counts, &verdict[0], &verdict[1]]);
    let (with_score, with_gauge) = (
        base + score.width() <= w,
        base + score.width() + gauge.width() <= w,
    );
    let mut spans = vec![counter];
    if with_gauge {
        spans.push(gauge);
    }
    spans.push(counts);
    if with_score {
        spans.push(score);
    }
    spans.extend(verdict);
    f.render_widget(
        Paragraph::new(Line::from(spans)),
        Rect::new(inner.x, inner.y + rows, inner.width, 1),
    );
}

/// The status of the lists: a notice, then what the keys do here.
fn simple_status(f: &mut Frame, app: &App, look: &Look, area: Rect) {
    let theme = look.theme;
    let block = Block::new().borders(Borders::TOP);
    let inner = block.inner(area);
    f.render_widget(block, area);
    let w = usize::from(inner.width);
    let hint = super::theme::glued(&look.fr(app.hint(look))).into_owned();
    let Some(n) = &app.notice else {
        // No notice: the keys of this screen may take both rows.
        f.render_widget(
            Paragraph::new(Span::styled(hint, theme.dim())).wrap(Wrap { trim: true }),
            inner,
        );
        return;
    };
    // The notice whole, on the rows the layout gave it; the keys of the
    // screen stay on the bottom edge, and under a one-row notice.
    let mut lines: Vec<Line> = notice_lines(&n.text, inner.width, inner.height)
        .into_iter()
        .map(|l| Line::from(Span::styled(l, theme.severity(n.level))))
        .collect();
    if lines.len() < usize::from(inner.height) {
        lines.push(Line::from(Span::styled(fit_items(&hint, w), theme.dim())));
    }
    f.render_widget(Paragraph::new(lines), inner);
}
