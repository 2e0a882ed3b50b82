//! The dates of a LinkedIn data export, in every form exports have used
//! across years and interface languages:
//!
//! - `9/25/26, 8:52 AM` (`Invitations.csv` in English, month first, a
//!   two-digit year, sometimes a narrow no-break space before `AM`);
//! - `2021-08-01 10:00:00`, `2021-08-01 10:00:00 UTC`, `2026-06-01 08:00 UTC`,
//!   `2021-08-01T10:00:00Z`, `2021-08-01` (`messages.csv`, older exports);
//! - `15 Jan 2024`, `01 Aug 2021` (`Connections.csv` in English);
//! - « 15 janv. 2024 », « 1er mars 2024 », « 15 janvier 2024 » (the same,
//!   in French: month names abbreviated with or without their dot, or whole);
//! - `Jan 15, 2024`;
//! - `25/09/2026 08:52` (day first, as French exports write a date in
//!   figures; month first only with `AM`/`PM` or when the day cannot be a
//!   month).
//!
//! A time, where there is one, is kept for ordering (a note sent before
//! the connection); its zone is not, the export's days being what counts.

use jiff::civil::{Date, Time};

/// A day, and the time of day when the export gives one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Stamp {
    pub date: Date,
    pub time: Option<Time>,
}

/// The month a name stands for, in English or French, abbreviated (with or
/// without its dot) or whole; accents and case do not matter.
fn month(word: &str) -> Option<i8> {
    let w = crate::text::fold(word.trim_end_matches('.'));
    let m = match w.as_str() {
        "jan" | "janv" | "january" | "janvier" => 1,
        "feb" | "fev" | "fevr" | "february" | "fevrier" => 2,
        "mar" | "mars" | "march" => 3,
        "apr" | "avr" | "april" | "avril" => 4,
        "may" | "mai" => 5,
        "jun" | "june" | "juin" => 6,
        "jul" | "juil" | "july" | "juillet" => 7,
        "aug" | "aou" | "august" | "aout" => 8,
        "sep" | "sept" | "september" | "septembre" => 9,
        "oct" | "october" | "octobre" => 10,
        "nov" | "november" | "novembre" => 11,
        "dec" | "december" | "decembre" => 12,
        _ => return None,
    };
    Some(m)
}

/// `26` is 2026: LinkedIn did not exist in 1926.
fn year(text: &str) -> Option<i16> {
    let y: i16 = text.parse().ok()?;
    match text.len() {
        2 => Some(2000 + y),
        4 => Some(y),
        _ => None,
    }
}

fn day_number(text: &str) -> Option<i8> {
    // « 1er mars » ; "1st", "2nd", "3rd", "4th" in English.
    let digits = text.trim_end_matches(|c: char| c.is_alphabetic());
    let suffix = &text[digits.len()..];
    if !matches!(suffix, "" | "er" | "st" | "nd" | "rd" | "th") || digits.len() > 2 {
        return None;
    }
    digits.parse().ok()
}

/// `8:52`, `08:52:10`, with `AM`/`PM` after it when there is one.
fn time(text: &str, meridiem: Option<&str>) -> Option<Time> {
    let mut parts = text.split(':');
    let mut hour: i8 = parts.next()?.parse().ok()?;
    let minute: i8 = parts.next()?.parse().ok()?;
    let second: i8 = match parts.next() {
        // Fractions of a second, when a machine wrote them.
        Some(s) => s.split('.').next()?.parse().ok()?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    match meridiem.map(str::to_ascii_uppercase).as_deref() {
        None => {}
        Some("AM") if (1..=12).contains(&hour) => hour %= 12,
        Some("PM") if (1..=12).contains(&hour) => hour = hour % 12 + 12,
        Some(_) => return None,
    }
    Time::new(hour, minute, second, 0).ok()
}

/// Reads a date as an export writes it; `None` for anything else (an empty
/// cell included).
pub fn parse(text: &str) -> Option<Stamp> {
    // Spaces of every kind (no-break, narrow no-break) are one space; a
    // comma only separates.
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_whitespace() || c == ',' {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut words: Vec<&str> = cleaned.split(' ').filter(|w| !w.is_empty()).collect();
    // A zone at the end (`UTC`, `Z`, `GMT`, `+00:00`): the day is what counts.
    if words
        .last()
        .is_some_and(|w| matches!(w.to_ascii_uppercase().as_str(), "UTC" | "GMT" | "Z"))
    {
        words.pop();
    }
    let meridiem = words
        .last()
        .filter(|w| matches!(w.to_ascii_uppercase().as_str(), "AM" | "PM"))
        .copied();
    if meridiem.is_some() {
        words.pop();
    }
    // `2021-08-01T10:00:00Z` is one word.
    if let [one] = words.as_slice() {
        if let Some((d, t)) = one.split_once('T') {
            let t = t.trim_end_matches('Z');
            let t = t.split(['+', '-']).next().unwrap_or(t);
            return Some(Stamp {
                date: iso_date(d)?,
                time: Some(time(t, None)?),
            });
        }
    }
    let (day_words, time_word) = match words.last() {
        Some(w) if w.contains(':') => (&words[..words.len() - 1], Some(*w)),
        _ => (&words[..], None),
    };
    let time = match time_word {
        Some(t) => Some(time(t, meridiem)?),
        None if meridiem.is_some() => return None,
        None => None,
    };
    let date = match day_words {
        [one] if one.contains('-') => iso_date(one)?,
        [one] if one.contains('/') => slashed(one, meridiem.is_some())?,
        // 15 Jan 2024, « 15 janv. 2024 », « 1er mars 2024 »
        [d, m, y] if month(m).is_some() => {
            Date::new(year(y.trim_end_matches('.'))?, month(m)?, day_number(d)?).ok()?
        }
        // Jan 15 2024
        [m, d, y] if month(m).is_some() => {
            Date::new(year(y.trim_end_matches('.'))?, month(m)?, day_number(d)?).ok()?
        }
        // « 15 janv 2024 » written « 15 janv. 2024 » with the dot apart.
        [d, m, ".", y] if month(m).is_some() => {
            Date::new(year(y)?, month(m)?, day_number(d)?).ok()?
        }
        _ => return None,
    };
    Some(Stamp { date, time })
}

/// `2021-08-01`.
fn iso_date(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let y = parts.next()?;
    let m = parts.next()?;
    let d = parts.next()?;
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// `9/25/26` (month first: with `AM`/`PM`, or when the second number
/// cannot be a month) or `25/09/2026` (day first otherwise: what a French
/// export writes).
fn slashed(text: &str, meridiem: bool) -> Option<Date> {
    let parts: Vec<&str> = text.split('/').collect();
    let [a, b, y] = parts.as_slice() else {
        return None;
    };
    if a.len() > 2 || b.len() > 2 {
        return None;
    }
    let (a, b): (i8, i8) = (a.parse().ok()?, b.parse().ok()?);
    let y = year(y)?;
    let month_first = a <= 12 && (meridiem || b > 12);
    let (m, d) = if month_first { (a, b) } else { (b, a) };
    Date::new(y, m, d).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::{date, time as t};

    fn at(s: &str) -> Option<(Date, Option<Time>)> {
        parse(s).map(|p| (p.date, p.time))
    }

    #[test]
    fn every_form_an_export_writes() {
        let cases = [
            ("9/25/26, 8:52 AM", date(2026, 9, 25), Some(t(8, 52, 0, 0))),
            (
                "9/25/26, 8:52\u{202f}PM",
                date(2026, 9, 25),
                Some(t(20, 52, 0, 0)),
            ),
            ("12/1/21, 12:05 AM", date(2021, 12, 1), Some(t(0, 5, 0, 0))),
            ("3/5/26, 12:45 PM", date(2026, 3, 5), Some(t(12, 45, 0, 0))),
            (
                "2021-08-01 10:00:00",
                date(2021, 8, 1),
                Some(t(10, 0, 0, 0)),
            ),
            (
                "2021-08-01 10:00:00 UTC",
                date(2021, 8, 1),
                Some(t(10, 0, 0, 0)),
            ),
            (
                "2026-06-01 08:00 UTC",
                date(2026, 6, 1),
                Some(t(8, 0, 0, 0)),
            ),
            (
                "2021-08-01T10:00:00Z",
                date(2021, 8, 1),
                Some(t(10, 0, 0, 0)),
            ),
            (
                "2021-08-01T10:00:00.250+02:00",
                date(2021, 8, 1),
                Some(t(10, 0, 0, 0)),
            ),
            ("2021-08-01", date(2021, 8, 1), None),
            ("15 Jan 2024", date(2024, 1, 15), None),
            ("01 Aug 2021", date(2021, 8, 1), None),
            ("15 janv. 2024", date(2024, 1, 15), None),
            ("15 janv 2024", date(2024, 1, 15), None),
            ("3 févr. 2025", date(2025, 2, 3), None),
            ("3 fevr. 2025", date(2025, 2, 3), None),
            ("1er mars 2024", date(2024, 3, 1), None),
            ("12 août 2023", date(2023, 8, 12), None),
            ("12 aout 2023", date(2023, 8, 12), None),
            ("7 juil. 2022", date(2022, 7, 7), None),
            ("7 juillet 2022", date(2022, 7, 7), None),
            ("9 déc. 2020", date(2020, 12, 9), None),
            ("9 DÉCEMBRE 2020", date(2020, 12, 9), None),
            ("21 sept. 2019", date(2019, 9, 21), None),
            ("21 Sept 2019", date(2019, 9, 21), None),
            ("Jan 15, 2024", date(2024, 1, 15), None),
            ("January 5th, 2024", date(2024, 1, 5), None),
            ("25/09/2026 08:52", date(2026, 9, 25), Some(t(8, 52, 0, 0))),
            ("05/09/2026", date(2026, 9, 5), None),
            ("9/25/2026", date(2026, 9, 25), None),
            ("  15\u{a0}Jan\u{a0}2024 ", date(2024, 1, 15), None),
        ];
        for (text, d, tm) in cases {
            assert_eq!(at(text), Some((d, tm)), "{text}");
        }
    }

    #[test]
    fn what_is_not_a_date() {
        for text in [
            "",
            "hier",
            "32 Jan 2024",
            "15 Foo 2024",
            "13/13/26",
            "2021-02-30",
            "9/25/26, 13:52 PM",
            "9/25/26 AM",
            "2021-08-01 25:00",
            "15 Jan 24024",
            "1/2/3/4",
            "15 janv. 2024 extra",
        ] {
            assert_eq!(at(text), None, "{text}");
        }
    }
}
