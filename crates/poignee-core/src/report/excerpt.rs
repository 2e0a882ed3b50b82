//! The piece of a source line shown under a finding: cut around its span
//! to a terminal's width, with the span's place kept for the carets.

use crate::text::{floor_char_boundary, terminal_line};
use unicode_width::UnicodeWidthStr;

/// Widest source excerpt shown under a diagnostic, in terminal columns.
const EXCERPT_WIDTH: usize = 100;
/// Columns of context kept before the span when the line is cut.
const EXCERPT_BEFORE: usize = 30;

/// The part of a source line to show, and where the span is in it: the
/// whole line when it fits, else a window around the span marked with "…".
/// Returns (text, columns before the span, span width in columns).
pub(super) fn excerpt(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    if line.len() > EXCERPT_LONG {
        return excerpt_of_long(line, start, end);
    }
    let (line, start, end) = shown_line(line, start, end);
    let width = |s: &str| UnicodeWidthStr::width(s);
    let (start, end) = (start.min(line.len()), end.min(line.len()));
    let span_width = width(&line[start..end]).max(1);
    if width(&line) <= EXCERPT_WIDTH {
        return (line.clone(), width(&line[..start]), span_width);
    }
    let mut from = start;
    for (i, _) in line[..start].char_indices().rev() {
        if width(&line[i..start]) > EXCERPT_BEFORE {
            break;
        }
        from = i;
    }
    let mut to = line.len();
    for (i, c) in line[from..].char_indices() {
        if width(&line[from..from + i + c.len_utf8()]) > EXCERPT_WIDTH {
            to = from + i;
            break;
        }
    }
    let prefix = if from > 0 { "…" } else { "" };
    let suffix = if to < line.len() { "…" } else { "" };
    let lead = width(prefix) + width(&line[from..start]);
    let shown_width = span_width.min(width(&line[start..to.max(start)]).max(1));
    (
        format!("{prefix}{}{suffix}", &line[from..to]),
        lead,
        shown_width,
    )
}

/// A source line as the terminal may show it, with the span moved along:
/// tabs as spaces, control and bidi characters as `<U+…>` (wider than the
/// character, so the carets still fall under the span).
fn shown_line(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    let line = line.replace('\t', " ");
    let (mut shown_start, mut shown_end) = (None, None);
    let mut shown = String::with_capacity(line.len());
    for (i, c) in line.char_indices() {
        if i >= start && shown_start.is_none() {
            shown_start = Some(shown.len());
        }
        if i >= end && shown_end.is_none() {
            shown_end = Some(shown.len());
        }
        shown.push_str(&terminal_line(c.encode_utf8(&mut [0; 4])));
    }
    let len = shown.len();
    (shown, shown_start.unwrap_or(len), shown_end.unwrap_or(len))
}

/// From this many bytes, a line is cut to [`EXCERPT_AROUND`] bytes either
/// side of the span before it is measured: the excerpt shows a hundred
/// columns, and a pasted page on one line would otherwise be measured (and
/// copied) again for every finding on it.
const EXCERPT_LONG: usize = 4096;
const EXCERPT_AROUND: usize = 1024;

/// [`excerpt`] of a long line, from the bytes around the span.
fn excerpt_of_long(line: &str, start: usize, end: usize) -> (String, usize, usize) {
    let ceil = |mut i: usize| {
        i = i.min(line.len());
        while !line.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let start = floor_char_boundary(line, start.min(line.len()));
    let lo = floor_char_boundary(line, start.saturating_sub(EXCERPT_AROUND));
    let hi = ceil(start + EXCERPT_AROUND);
    let end = ceil(end).clamp(start, hi);
    let (shown, lead, width) = excerpt(&line[lo..hi], start - lo, end - lo);
    // The window's own edges are not the line's: mark them as cut too.
    let cut_before = lo > 0 && !shown.starts_with('…');
    let cut_after = hi < line.len() && !shown.ends_with('…');
    let shown = format!(
        "{}{shown}{}",
        if cut_before { "…" } else { "" },
        if cut_after { "…" } else { "" }
    );
    (shown, lead + usize::from(cut_before), width)
}
