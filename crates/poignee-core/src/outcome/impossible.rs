//! What cannot have happened: a date in the future or before
//! [`FIRST_DAY`], given on the command line ([`check_date`]) or written in
//! a draft, and in a draft's front matter an answer before its sending or
//! an answer or `sent` without `sent_at` ([`impossible`]).

use super::{ANSWERS, Mark, Places, Refusal, day, field_of};
use crate::draft::{Draft, Fences, Status};
use crate::lang::Localized;
use crate::located::Located;
use jiff::civil::Date;
use std::ops::Range;
use toml::Spanned;

/// LinkedIn opened on 5 May 2003 (Viadeo, as Viaduc, in 2004): no
/// invitation went out before.
pub const FIRST_DAY: Date = jiff::civil::date(2003, 5, 5);

/// Why a day cannot be one an invitation went out or was answered on:
/// after `today`, or before [`FIRST_DAY`].
fn out_of_time(date: Date, today: Date) -> Option<Localized> {
    if date > today {
        return Some(Localized::new(
            format!(
                "le {date} est dans le futur : on marque une invitation une fois la chose faite (nous sommes le {today})"
            ),
            format!(
                "{date} is in the future: an invitation is marked once it has happened (today is {today})"
            ),
        ));
    }
    if date < FIRST_DAY {
        return Some(Localized::new(
            format!(
                "le {date} précède l’ouverture de LinkedIn (le {FIRST_DAY}) : aucune invitation n’est partie ce jour-là ; vérifiez l’année"
            ),
            format!(
                "{date} is before LinkedIn opened (on {FIRST_DAY}): no invitation went out that day; check the year"
            ),
        ));
    }
    None
}

/// A date given on the command line: `YYYY-MM-DD`, not after `today` nor
/// before [`FIRST_DAY`].
pub fn check_date(text: &str, today: Date) -> Result<Date, Localized> {
    let date: Date = text.trim().parse().map_err(|_| {
        Localized::new(
            format!("date invalide « {text} » : écrivez-la AAAA-MM-JJ, par exemple {today}"),
            format!("invalid date `{text}`: write it YYYY-MM-DD, e.g. {today}"),
        )
    })?;
    match out_of_time(date, today) {
        Some(why) => Err(why),
        None => Ok(date),
    }
}

/// What a draft's front matter says happened, if it cannot have: a date
/// of `sent_at` or an answer that is not a calendar day, in the future or
/// before [`FIRST_DAY`]; an answer dated before the sending; an answer or
/// `sent` without `sent_at`. Placed at the value (the date, else the
/// status), as a front-matter error is. `source` is the file's text
/// without its BOM, `draft` what [`Draft::parse`] made of it.
pub fn impossible(source: &str, draft: &Draft, today: Date) -> Option<Located> {
    let fences = Fences::of(source).ok()??;
    let places: Places = toml::from_str(&source[fences.toml.clone()]).ok()?;
    let base = fences.toml.start;
    let front = &draft.front;
    let at = |span: Option<Range<usize>>, key: &str, message: Localized| {
        let mut located = Located::at(source, base + span.map_or(0, |s| s.start), message);
        located.key = Some(key.to_string());
        located
    };
    // Each date: a day, and one an invitation can have had.
    for m in Mark::ALL {
        let Some(dt) = field_of(front, m) else {
            continue;
        };
        let why = match day(dt) {
            None => Some(Localized::new(
                format!("« {dt} » n’est pas un jour du calendrier : écrivez-le AAAA-MM-JJ"),
                format!("`{dt}` is not a calendar day: write it YYYY-MM-DD"),
            )),
            Some(d) => out_of_time(d, today),
        };
        if let Some(why) = why {
            return Some(at(places.of(m), m.key(), why));
        }
    }
    let sent = front.sent_at.as_ref().and_then(day);
    for m in ANSWERS {
        if let (Some(sent), Some(date)) = (sent, field_of(front, m).and_then(day)) {
            if date < sent {
                let why = Refusal::AnswerBeforeSent { sent, date }.message(m);
                return Some(at(places.of(m), m.key(), why));
            }
        }
    }
    let status = front.status.filter(|s| s.is_sent());
    if let (Some(status), None) = (status, &front.sent_at) {
        let span = places.status.as_ref().map(Spanned::span);
        let why = if status == Status::Sent {
            Localized::new(
                "« envoyé » sans `sent_at` : notez le jour où elle est partie, `poignee mark FICHIER sent --date AAAA-MM-JJ`",
                "“sent” without `sent_at`: record the day it went out, `poignee mark FILE sent --date YYYY-MM-DD`",
            )
        } else {
            Localized::new(
                format!(
                    "« {} » sans `sent_at` : une réponse suppose une invitation partie un jour donné ; ajoutez la ligne `sent_at = AAAA-MM-JJ`",
                    status.word().fr
                ),
                format!(
                    "“{}” without `sent_at`: an answer needs the day the invitation went out; add the line `sent_at = YYYY-MM-DD`",
                    status.word().en
                ),
            )
        };
        return Some(at(span, "status", why));
    }
    None
}
