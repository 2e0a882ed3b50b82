//! The drafts screen: the saved drafts (newest first, with status, date,
//! person and score), the chosen one's text, and your pace (drawn by
//! [`super::pace`]). The list is read off the UI thread; until it comes, it
//! says so.

use super::editor::Editor;
use super::keys::Action;
use super::note::{Edit, edit};
use super::pace::{PaceView, pace_rows};
use super::theme::{KeyBar, Look, fit, fit_middle};
use poignee::drafts::{Entry, Pace};
use poignee::lang::{Lang, Text};
use poignee::lint::Severity;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

#[derive(Debug, Clone, Default)]
pub struct Shelf {
    pub entries: Vec<Entry>,
    /// Each entry's folded words for the filter: the person, the file, the
    /// status (in both languages) and the note; made once per listing.
    hay: Vec<String>,
    /// The entries the filter keeps (their places in `entries`), in order.
    pub shown: Vec<usize>,
    /// The row chosen, in `shown`.
    pub selected: usize,
    /// The first row in sight, and how many rows the view has (from the
    /// layout, for the page keys).
    pub offset: usize,
    pub page: usize,
    /// The filter (`/`): by name, status or text.
    pub filter: Editor,
    /// The filter is being typed: letters go to it, not to the marks.
    pub filtering: bool,
    /// A listing was asked for and has not come back yet.
    pub loading: bool,
    /// Say how many were re-checked when it comes back.
    pub announce: bool,
    /// The notes `import linkedin` wrote are left out of the list.
    pub hide_imported: bool,
    /// How many entries are imported notes.
    pub imported: usize,
    /// Today, and the days after which a sent note counts as ignored: the
    /// filter reads « attente » or « sans réponse » as the list shows them.
    pub today: Option<jiff::civil::Date>,
    pub ignored_after_days: u32,
}

/// A sent note: how many days it has waited, and whether that is past the
/// days after which it counts as ignored.
fn waited(e: &Entry, today: jiff::civil::Date, ignored_after_days: u32) -> Option<(i32, bool)> {
    let days = e
        .draft
        .as_ref()
        .filter(|_| e.status() == Some(poignee::draft::Status::Sent))
        .and_then(|d| d.front.sent_at.as_ref())
        .and_then(poignee::outcome::day)
        .map(|sent| (today - sent).get_days())?;
    Some((
        days,
        days > i32::try_from(ignored_after_days).unwrap_or(i32::MAX),
    ))
}

/// The status as the list shows it (a sent note: waiting, or no answer).
fn status_shown(e: &Entry, lang: Lang, today: Option<jiff::civil::Date>, after: u32) -> String {
    if let Some((days, past)) = today.and_then(|t| waited(e, t, after)) {
        return match (lang, past) {
            (Lang::Fr, false) => format!("→ attente {days} j"),
            (Lang::En, false) => format!("→ waiting {days} d"),
            (Lang::Fr, true) => "⊘ sans réponse".to_string(),
            (Lang::En, true) => "⊘ no answer".to_string(),
        };
    }
    match e.status() {
        Some(status) => status.label().get(lang).into_owned(),
        None if e.draft.is_none() => Text::new("✖ illisible", "✖ unreadable")
            .get(lang)
            .into_owned(),
        None => "·".to_string(),
    }
}

/// A note `poignee import` wrote (it says where it came from).
fn is_imported(e: &Entry) -> bool {
    e.draft.as_ref().is_some_and(|d| d.front.source.is_some())
}

/// What a key did in the drafts list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShelfEvent {
    Nothing,
    /// The entry (its place in `entries`) to open.
    Open(usize),
    Delete(usize),
    Recheck,
    Mark(usize, poignee::outcome::Mark),
    Copied(String),
    Leave,
}

/// An entry's words as the filter reads them: the status as saved and as
/// shown (« attente », "no answer"), in both languages.
fn hay(e: &Entry, today: Option<jiff::civil::Date>, after: u32) -> String {
    let file = e
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let status = e.status().map(|s| s.label()).unwrap_or(Text::new("", ""));
    let body = e.draft.as_ref().map_or("", |d| d.body.as_str());
    poignee::text::fold(&format!(
        "{} {file} {} {} {} {} {body}",
        e.who,
        status.get(Lang::Fr),
        status.get(Lang::En),
        status_shown(e, Lang::Fr, today, after),
        status_shown(e, Lang::En, today, after),
    ))
}

impl Shelf {
    pub fn set(&mut self, entries: Vec<Entry>) {
        self.hay = entries
            .iter()
            .map(|e| hay(e, self.today, self.ignored_after_days))
            .collect();
        self.imported = entries.iter().filter(|e| is_imported(e)).count();
        self.entries = entries;
        self.loading = false;
        self.refilter();
    }

    /// One entry read again (after a mark): its row changes, the others
    /// stay; a file not listed is left for the next listing.
    pub fn replace(&mut self, entry: Entry) {
        let Some(i) = self.entries.iter().position(|e| e.path == entry.path) else {
            return;
        };
        let kept = self.shown.get(self.selected).copied();
        self.hay[i] = hay(&entry, self.today, self.ignored_after_days);
        let was = is_imported(&self.entries[i]);
        self.imported = self.imported + usize::from(is_imported(&entry)) - usize::from(was);
        self.entries[i] = entry;
        self.refilter();
        // The same draft stays chosen when the filter still keeps it.
        if let Some(at) = kept.and_then(|k| self.shown.iter().position(|&j| j == k)) {
            self.selected = at;
        }
        self.follow();
    }

    /// The entries the filter keeps: every word of it in the entry's, and
    /// not an imported note while they are hidden.
    fn refilter(&mut self) {
        let words: Vec<String> = poignee::text::fold(self.filter.text())
            .split_whitespace()
            .map(str::to_string)
            .collect();
        self.shown = (0..self.entries.len())
            .filter(|&i| {
                if self.hide_imported && self.entries.get(i).is_some_and(is_imported) {
                    return false;
                }
                let hay = self.hay.get(i).map_or("", String::as_str);
                words.iter().all(|w| hay.contains(w.as_str()))
            })
            .collect();
        self.follow();
    }

    /// The choice within the rows kept, and in sight.
    pub fn follow(&mut self) {
        let len = self.shown.len();
        self.selected = self.selected.min(len.saturating_sub(1));
        self.offset = super::list::follow(self.selected, self.offset, self.page, len);
    }

    /// The place in `entries` of the row chosen.
    pub fn chosen_index(&self) -> Option<usize> {
        self.shown.get(self.selected).copied()
    }

    pub fn chosen(&self) -> Option<&Entry> {
        self.chosen_index().and_then(|i| self.entries.get(i))
    }

    /// Text typed while filtering.
    pub fn typed(&mut self, s: &str) {
        self.filter.insert(&s.replace(['\r', '\n'], " "));
        self.selected = 0;
        self.refilter();
    }

    /// Hides the imported notes, or shows them again; the draft chosen
    /// stays chosen if it is still in the list.
    fn toggle_imported(&mut self) {
        let kept = self.chosen_index();
        self.hide_imported = !self.hide_imported;
        self.refilter();
        self.selected = kept
            .and_then(|k| self.shown.iter().position(|&j| j >= k))
            .unwrap_or(0);
        self.follow();
    }

    fn clear_filter(&mut self) {
        let kept = self.chosen_index();
        self.filter = Editor::single_line("");
        self.filtering = false;
        self.refilter();
        // Back in the whole list on the draft that was chosen.
        if let Some(k) = kept {
            self.selected = self.shown.iter().position(|&j| j == k).unwrap_or(0);
        }
        self.follow();
    }

    pub fn act(&mut self, action: Action, extend: bool) -> ShelfEvent {
        let len = self.shown.len();
        if let Some(to) = super::list::moved(action, self.selected, len, self.page)
            .filter(|_| !(self.filtering && matches!(action, Action::Home | Action::End)))
        {
            self.selected = to;
            self.follow();
            return ShelfEvent::Nothing;
        }
        if self.filtering {
            return match action {
                // Esc clears the filter, Enter keeps it.
                Action::Back => {
                    self.clear_filter();
                    ShelfEvent::Nothing
                }
                Action::Confirm => {
                    self.filtering = false;
                    ShelfEvent::Nothing
                }
                _ => match edit(&mut self.filter, action, extend, usize::MAX, false) {
                    Edit::Changed => {
                        self.selected = 0;
                        self.refilter();
                        ShelfEvent::Nothing
                    }
                    Edit::Cut(s) => {
                        self.selected = 0;
                        self.refilter();
                        ShelfEvent::Copied(s)
                    }
                    Edit::Copied(s) => ShelfEvent::Copied(s),
                    Edit::Moved | Edit::Ignored => ShelfEvent::Nothing,
                },
            };
        }
        let chosen = self.chosen_index();
        match (action, chosen) {
            (Action::Filter, _) => self.filtering = true,
            // Esc takes the filter away first, then leaves.
            (Action::Back, _) if !self.filter.text().is_empty() => self.clear_filter(),
            (Action::Back, _) => return ShelfEvent::Leave,
            (Action::Confirm, Some(i)) => return ShelfEvent::Open(i),
            (Action::DeleteDraft, Some(i)) => return ShelfEvent::Delete(i),
            (Action::Recheck, _) => return ShelfEvent::Recheck,
            // The list's title says which.
            (Action::ToggleImported, _) => self.toggle_imported(),
            (
                Action::MarkSent
                | Action::MarkAccepted
                | Action::MarkIgnored
                | Action::MarkDeclined,
                Some(i),
            ) => {
                use poignee::outcome::Mark;
                let mark = match action {
                    Action::MarkSent => Mark::Sent,
                    Action::MarkAccepted => Mark::Accepted,
                    Action::MarkIgnored => Mark::Ignored,
                    _ => Mark::Declined,
                };
                return ShelfEvent::Mark(i, mark);
            }
            _ => {}
        }
        ShelfEvent::Nothing
    }
}

pub struct ShelfView<'a> {
    pub shelf: &'a Shelf,
    pub pace: &'a Pace,
    /// The folder, as the user reads it.
    pub dir: String,
    /// Today, and the days after which a note left sent counts as ignored:
    /// a sent note says how long it has waited.
    pub today: jiff::civil::Date,
    pub ignored_after_days: u32,
    pub look: Look<'a>,
}

impl ShelfView<'_> {
    /// Sent and waiting: for how long, and past the delay, counted as
    /// ignored.
    fn status(&self, e: &Entry) -> String {
        status_shown(e, self.look.lang, Some(self.today), self.ignored_after_days)
    }
}

/// The drafts screen's parts: the list (its block), the pace, the preview.
pub fn areas(area: Rect, pace_rows: u16) -> [Rect; 3] {
    Layout::vertical([
        Constraint::Percentage(65),
        Constraint::Length(pace_rows),
        Constraint::Min(2),
    ])
    .areas(area)
}

/// Rows of drafts the list shows in `area` (the screen's body): under the
/// block's title, the filter's row when there is one, and the heading.
pub fn list_rows(area: Rect, pace_rows: u16, filter: bool) -> usize {
    let [list, ..] = areas(area, pace_rows);
    usize::from(list.height).saturating_sub(2 + usize::from(filter))
}

impl Shelf {
    /// The filter has a row: being typed, or kept.
    pub fn filter_shown(&self) -> bool {
        self.filtering || !self.filter.text().is_empty()
    }
}

/// The filter's row: « / texte ▏ 3 sur 5 000 ».
fn filter_line(shelf: &Shelf, look: &Look, w: usize) -> Line<'static> {
    let theme = look.theme;
    let (n, of) = (
        look.lang.count(shelf.shown.len()),
        look.lang.count(shelf.entries.len()),
    );
    let (enter, esc) = (
        look.keys.label(Action::Confirm),
        look.keys.label(Action::Back),
    );
    let tail = look.fr(match (look.lang, shelf.filtering) {
        (Lang::Fr, true) => format!("  {n} sur {of} · {enter} : garder · {esc} : effacer"),
        (Lang::En, true) => format!("  {n} of {of} · {enter}: keep · {esc}: clear"),
        (Lang::Fr, false) => format!("  {n} sur {of} · {esc} : effacer le filtre"),
        (Lang::En, false) => format!("  {n} of {of} · {esc}: clear the filter"),
    });
    let text = shelf.filter.text().to_string();
    let room = w.saturating_sub(2 + UnicodeWidthStr::width(tail.as_str()));
    Line::from(vec![
        Span::styled("/ ", theme.label()),
        Span::raw(fit(&text, room.max(4))),
        Span::styled(tail, theme.dim()),
    ])
}

/// What the title says of the imported notes, long then short: « dont
/// 3 importées (h : cacher) », « 3 importées cachées (h : montrer) »;
/// none when there are none.
fn imported_words(shelf: &Shelf, look: &Look) -> Option<(String, String)> {
    if shelf.imported == 0 {
        return None;
    }
    let n = look.lang.count(shelf.imported);
    let key = look.keys.label(Action::ToggleImported);
    let (long, short) = match (look.lang, shelf.hide_imported) {
        (Lang::Fr, false) => (
            format!("dont {n} importées ({key} : cacher)"),
            format!("dont {n} importées"),
        ),
        (Lang::En, false) => (
            format!("{n} imported ({key}: hide)"),
            format!("{n} imported"),
        ),
        (Lang::Fr, true) => (
            format!("{n} importées cachées ({key} : montrer)"),
            format!("{n} importées cachées"),
        ),
        (Lang::En, true) => (
            format!("{n} imported hidden ({key}: show)"),
            format!("{n} imported hidden"),
        ),
    };
    Some((look.fr(long), look.fr(short)))
}

/// The list's title in `room` columns: the heading, what is said of the
/// imported notes, the folder; the folder gives way first (in its middle),
/// then the imported notes' key.
fn title(head: &str, imported: &Option<(String, String)>, dir: &str, room: usize) -> String {
    let width = |s: &str| UnicodeWidthStr::width(s);
    // " head · … · dir ": 2 columns of ends and one before the position,
    // 3 a separator.
    let base = width(head) + 3;
    let mut parts: Vec<&str> = Vec::new();
    if let Some((long, short)) = imported {
        parts.extend([long.as_str(), short.as_str()]);
    }
    for said in parts.iter().map(|s| Some(*s)).chain([None]) {
        let used = base + said.map_or(0, |s| width(s) + 3);
        if used > room {
            continue;
        }
        let said = said.map(|s| format!(" · {s}")).unwrap_or_default();
        let left = room - used;
        return if left >= 3 + 6 {
            format!(" {head}{said} · {} ", fit_middle(dir, left - 3))
        } else {
            format!(" {head}{said} ")
        };
    }
    format!(" {head} ")
}

/// Where the terminal's cursor goes while the filter is typed.
pub fn filter_cursor(
    shelf: &Shelf,
    area: Rect,
    pace_rows: u16,
) -> Option<ratatui::layout::Position> {
    if !shelf.filtering {
        return None;
    }
    let [list, ..] = areas(area, pace_rows);
    let inner = Block::new().borders(Borders::TOP).inner(list);
    let f = &shelf.filter;
    let col = 2 + UnicodeWidthStr::width(&f.text()[..f.cursor()]);
    (inner.height > 0).then(|| {
        ratatui::layout::Position::new(
            inner.x + col.min(usize::from(inner.width).saturating_sub(1)) as u16,
            inner.y,
        )
    })
}

impl Widget for ShelfView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (look, theme, shelf) = (self.look, self.look.theme, self.shelf);
        let pace_view = PaceView {
            pace: self.pace,
            today: self.today,
            look,
        };
        let [list, pace, preview] = areas(area, pace_rows(area));
        pace_view.render(pace, buf);
        // The position whole; the folder's name gives way, in its middle.
        let at = format!(
            " {} ",
            super::list::position(shelf.selected, shelf.shown.len(), look.lang)
        );
        let head = look.t(Text::new("Brouillons enregistrés", "Saved drafts"));
        let title = title(
            &head,
            &imported_words(shelf, &look),
            &self.dir,
            usize::from(list.width).saturating_sub(UnicodeWidthStr::width(at.as_str())),
        );
        let block = Block::new()
            .borders(Borders::TOP)
            .title(title)
            .title(Line::from(at).alignment(ratatui::layout::Alignment::Right));
        let inner = block.inner(list);
        block.render(list, buf);
        let mut lines = Vec::new();
        if shelf.filter_shown() {
            lines.push(filter_line(shelf, &look, usize::from(inner.width)));
        }
        let top = u16::try_from(lines.len()).unwrap_or(0);
        let h = usize::from(inner.height.saturating_sub(1 + top));
        let len = shelf.shown.len();
        // A column for the scroll bar when the rows run past the view.
        let w = usize::from(inner.width).saturating_sub(usize::from(len > h));
        // The score and the status never cut: the name takes what is left
        // (at least 8 columns), the file name shows when there is room.
        let who_w = w.saturating_sub(2 + 15 + 17 + 6).clamp(8, 24);
        let row_of = |status: &str, date: &str, who: &str, score: &str, file: &str| {
            let row = format!(
                "  {:<14} {:<16} {:<who_w$} {:>5}",
                fit(status, 14),
                fit(date, 16),
                fit(who, who_w),
                score
            );
            let left = w.saturating_sub(UnicodeWidthStr::width(row.as_str()) + 2);
            if left >= 6 {
                format!("{row}  {}", fit_middle(file, left))
            } else {
                row
            }
        };
        let head = match look.lang {
            Lang::Fr => row_of("statut", "date", "pour", "score", "fichier"),
            Lang::En => row_of("status", "date", "to", "score", "file"),
        };
        lines.push(Line::from(Span::styled(fit(&head, w), theme.dim())));
        // The view's own first row: the one kept in state, or, when the
        // view is smaller than the state thinks, the choice in sight.
        let first = super::list::follow(shelf.selected, shelf.offset, h, len);
        for (at, &i) in shelf.shown.iter().enumerate().skip(first).take(h) {
            let Some(e) = shelf.entries.get(i) else {
                continue;
            };
            let file = e
                .path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let score = e.score.map(|s| s.to_string()).unwrap_or_default();
            let row = row_of(&self.status(e), &e.date, &e.who, &score, &file);
            let style = if at == shelf.selected {
                theme.selected()
            } else {
                Style::new()
            };
            lines.push(Line::from(Span::styled(fit(&row, w), style)));
        }
        let mut empty = None;
        if shelf.entries.is_empty() {
            let text = if shelf.loading {
                look.t(Text::new("lecture des brouillons…", "reading the drafts…"))
            } else {
                look.fr(match look.lang {
                    Lang::Fr => format!(
                        "aucun brouillon enregistré pour l’instant : {} en enregistre un, {} l’approuve",
                        look.keys.label(Action::Save),
                        look.keys.label(Action::Approve)
                    ),
                    Lang::En => format!(
                        "no saved draft yet: {} saves one, {} approves it",
                        look.keys.label(Action::Save),
                        look.keys.label(Action::Approve)
                    ),
                })
            };
            empty = Some(text);
        } else if shelf.shown.is_empty() && shelf.filter.text().is_empty() {
            // Every draft is an imported note, hidden.
            let key = look.keys.label(Action::ToggleImported);
            let n = look.lang.count(shelf.imported);
            let text = match look.lang {
                Lang::Fr => {
                    format!("{n} notes importées cachées, aucun autre brouillon : {key} les montre")
                }
                Lang::En => format!("{n} imported notes hidden, no other draft: {key} shows them"),
            };
            empty = Some(look.fr(text));
        } else if shelf.shown.is_empty() {
            empty = Some(look.t(Text::new(
                "aucun brouillon ne correspond au filtre",
                "no draft matches the filter",
            )));
        }
        // Said whole, wrapped: never cut at the side.
        if let Some(text) = empty {
            for l in textwrap::wrap(&super::theme::glued(&text), w.max(1)) {
                lines.push(Line::from(Span::styled(l.into_owned(), theme.dim())));
            }
        }
        Paragraph::new(lines).render(inner, buf);
        let rows = Rect::new(
            inner.x,
            inner.y + top + 1,
            inner.width,
            inner.height.saturating_sub(top + 1),
        );
        super::list::scrollbar(rows, buf, len, first, h, theme.dim());
        let block = Block::new().borders(Borders::TOP);
        let pinner = block.inner(preview);
        block.render(preview, buf);
        match shelf.chosen() {
            Some(Entry { draft: Some(d), .. }) => {
                // Wrapped on the rows there are, "…" when there is more.
                let body = super::theme::glued(d.body.trim_end());
                let lines = super::theme::notice_lines(&body, pinner.width, pinner.height);
                Paragraph::new(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                    .render(pinner, buf);
            }
            // Why it does not read, where the front matter goes wrong.
            Some(Entry {
                draft: None, error, ..
            }) => {
                let why = error.as_ref().map(|e| look.l(e)).unwrap_or_default();
                let text = look.fr(match look.lang {
                    Lang::Fr => format!("✖ ce brouillon ne se lit pas : {why}"),
                    Lang::En => format!("✖ this draft does not read: {why}"),
                });
                Paragraph::new(super::theme::glued(&text).into_owned())
                    .style(theme.severity(Severity::Error))
                    .wrap(Wrap { trim: true })
                    .render(pinner, buf);
            }
            None => {}
        }
    }
}

impl Shelf {
    /// What the keys do on the drafts screen, for its status line; with
    /// the key that deletes the `old_aside` texts set aside over 30 days
    /// ago, while there are any.
    pub fn hint(&self, look: &Look, old_aside: usize) -> String {
        let keys = look.keys;
        let hint = keys.hint(&[
            (
                keys.pair(Action::Up, Action::Down),
                Text::new("choisir", "choose"),
            ),
            (keys.label(Action::Confirm), Text::new("ouvrir", "open")),
            (keys.label(Action::Filter), Text::new("filtrer", "filter")),
            (
                keys.label(Action::DeleteDraft),
                Text::new("supprimer", "delete"),
            ),
            (
                format!(
                    "{} {} {} {}",
                    keys.label(Action::MarkSent),
                    keys.label(Action::MarkAccepted),
                    keys.label(Action::MarkIgnored),
                    keys.label(Action::MarkDeclined)
                ),
                Text::new(
                    "envoyée, acceptée, ignorée, refusée",
                    "sent, accepted, ignored, declined",
                ),
            ),
            (
                keys.label(Action::Recheck),
                Text::new("revérifier", "re-check"),
            ),
            (keys.label(Action::Back), Text::new("revenir", "back")),
        ]);
        match old_aside {
            0 => hint,
            n => {
                let clean = keys.label(Action::CleanAside);
                match look.lang {
                    Lang::Fr => {
                        format!("{hint} · {clean} : supprimer {n} vieux texte(s) mis de côté")
                    }
                    Lang::En => format!("{hint} · {clean}: delete {n} old text(s) set aside"),
                }
            }
        }
    }

    /// The drafts screen's keys on the frame's bottom edge.
    pub fn key_bar(&self, look: &Look) -> KeyBar {
        let keys = look.keys;
        let word = |t: Text| look.t(t);
        let short = |a: Action| keys.short(a);
        let marks = format!(
            "{} {} {} {}",
            short(Action::MarkSent),
            short(Action::MarkAccepted),
            short(Action::MarkIgnored),
            short(Action::MarkDeclined)
        );
        let items = vec![
            (short(Action::Confirm), word(Text::new("ouvrir", "open"))),
            (short(Action::Filter), word(Text::new("filtrer", "filter"))),
            (marks, word(Text::new("marquer", "mark"))),
            (
                short(Action::DeleteDraft),
                word(Text::new("supprimer", "delete")),
            ),
            (
                short(Action::Recheck),
                word(Text::new("revérifier", "re-check")),
            ),
            (short(Action::Back), word(Text::new("revenir", "back"))),
            (short(Action::Help), word(Text::new("aide", "help"))),
        ];
        KeyBar {
            items,
            order: vec![6, 0, 1, 2, 5, 3, 4],
        }
    }
}
