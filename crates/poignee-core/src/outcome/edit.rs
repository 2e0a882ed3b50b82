//! The line-by-line edit of a front matter: only the lines that change
//! are touched, and the result is read back before it is used.

use super::{Mark, Places, Plan, field, toml_date};
use crate::draft::{Draft, Fences};
use std::ops::Range;

/// The line break ending the line before `at`: the file's own.
fn break_before(source: &str, at: usize) -> &'static str {
    if source[..at].ends_with("\r\n") {
        "\r\n"
    } else {
        "\n"
    }
}

/// The start of the line holding `at`, and the end of it with its break.
fn line_of(source: &str, at: usize) -> Range<usize> {
    let start = source[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = source[at..].find('\n').map_or(source.len(), |i| at + i + 1);
    start..end
}

/// `source` with `plan` carried out on its front matter, only the lines that
/// change touched; `None` if that cannot be done safely. The result is read
/// back: it must give the front matter expected and the same note.
pub(super) fn edit(source: &str, draft: &Draft, plan: &Plan) -> Option<String> {
    let mut expected = draft.front.clone();
    expected.status = Some(plan.to);
    let to = Mark::of(plan.to)?;
    if let Some(date) = plan.date {
        *field(&mut expected, to) = Some(toml_date(date)?);
    }
    for &m in &plan.remove {
        *field(&mut expected, m) = None;
    }
    let status_line = format!("status = \"{}\"", plan.to.name());
    let date_line = plan.date.map(|d| format!("{} = {d}", to.key()));
    let text = match Fences::of(source).ok()? {
        None => {
            // A plain note gets a front matter of its own.
            let nl = if source.contains("\r\n") {
                "\r\n"
            } else {
                "\n"
            };
            let mut head = format!("+++{nl}{status_line}{nl}");
            if let Some(line) = &date_line {
                head.push_str(line);
                head.push_str(nl);
            }
            head.push_str("+++");
            head.push_str(nl);
            head + source
        }
        Some(fences) => {
            let base = fences.toml.start;
            let places: Places = toml::from_str(&source[fences.toml.clone()]).ok()?;
            let at = |r: Range<usize>| r.start + base..r.end + base;
            let mut edits: Vec<(Range<usize>, String)> = Vec::new();
            let status = places.status.as_ref().map(|s| at(s.span()));
            // New lines go after the status line, else first in the front
            // matter; an answer's date after the sending date, in the order
            // things happened.
            let after_status = match &status {
                Some(r) => line_of(source, r.start).end,
                None => base,
            };
            let after_sent = match (to, places.sent_at.as_ref()) {
                (Mark::Sent, _) | (_, None) => after_status,
                (_, Some(sent)) => line_of(source, at(sent.span()).start).end,
            };
            // Insertions in the order they read; those at one place, joined.
            let mut inserted: Vec<(usize, String)> = Vec::new();
            let mut insert = |place: usize, line: &str| {
                let nl = break_before(source, place);
                match inserted.iter_mut().find(|(p, _)| *p == place) {
                    Some((_, text)) => text.push_str(&format!("{line}{nl}")),
                    None => inserted.push((place, format!("{line}{nl}"))),
                }
            };
            match status {
                Some(r) => edits.push((r, format!("\"{}\"", plan.to.name()))),
                None => insert(base, &status_line),
            }
            if let Some(date) = plan.date {
                match places.of(to).map(at) {
                    Some(r) => edits.push((r, date.to_string())),
                    None => insert(after_sent, date_line.as_deref()?),
                }
            }
            for (place, text) in inserted {
                // A line is inserted only after a line break: `Fences`
                // always ends the front matter with one.
                if place > fences.toml.end {
                    return None;
                }
                edits.push((place..place, text));
            }
            for &m in &plan.remove {
                let value = at(places.of(m)?);
                let line = line_of(source, value.start);
                let before = source[line.start..value.start].trim_end();
                let key = before.strip_suffix('=')?.trim();
                let key = key.trim_matches(|c| c == '"' || c == '\'');
                let after = source[value.end..line.end].trim();
                if key != m.key() || !(after.is_empty() || after.starts_with('#')) {
                    return None;
                }
                edits.push((line, String::new()));
            }
            // From the end, so that each range is where it was; at one place,
            // a line taken out before the new one goes in.
            edits.sort_by_key(|(r, _)| (std::cmp::Reverse(r.start), std::cmp::Reverse(r.end)));
            let mut text = source.to_string();
            let mut last = usize::MAX;
            for (r, with) in edits {
                if r.end > last {
                    return None;
                }
                last = r.start;
                text.replace_range(r, &with);
            }
            text
        }
    };
    let back = Draft::parse(&text).ok()?;
    (back.front == expected && back.body == draft.body).then_some(text)
}
