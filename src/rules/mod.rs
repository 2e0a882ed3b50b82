//! The rules. Each module holds one rule (or two that share their evidence):
//! what it catches, the guidance it enforces, its metadata and its tests.

use crate::lang::{Localized, Text};
use crate::lint::{Note, Out, Severity};
use serde::{Deserialize, Serialize};
use std::fmt;

mod audience;
mod cross;
mod exchange;
mod familiarity;
mod generic;
mod greeting;
mod hype;
mod length;
mod links;
mod name;
mod pitch;
mod placeholder;
mod race;
mod reason;
mod self_centered;
mod sentence;
mod thanks;

#[cfg(test)]
pub(crate) mod testing;

/// A rule's stable id (kebab-case in files, configs and JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RuleId {
    Empty,
    TooShort,
    TooLong,
    NoReason,
    Generic,
    NoGreeting,
    NoName,
    NoThanks,
    SalesPitch,
    SalesDisclaimer,
    Link,
    ContactDetails,
    SelfCentered,
    Hype,
    FalseFamiliarity,
    ContactRace,
    LongSentence,
    UnfilledPlaceholder,
    NoExchange,
    Audience,
    RepeatedText,
    Pace,
}

/// What `poignee rules` and `poignee explain` say about a rule.
pub struct RuleInfo {
    pub id: RuleId,
    pub severity: Severity,
    /// One line.
    pub summary: Text,
    /// Why the rule exists and what to do, a short paragraph.
    pub explanation: Text,
}

impl RuleId {
    pub const ALL: [RuleId; 22] = [
        RuleId::Empty,
        RuleId::TooShort,
        RuleId::TooLong,
        RuleId::NoReason,
        RuleId::Generic,
        RuleId::NoGreeting,
        RuleId::NoName,
        RuleId::NoThanks,
        RuleId::SalesPitch,
        RuleId::SalesDisclaimer,
        RuleId::Link,
        RuleId::ContactDetails,
        RuleId::SelfCentered,
        RuleId::Hype,
        RuleId::FalseFamiliarity,
        RuleId::ContactRace,
        RuleId::LongSentence,
        RuleId::UnfilledPlaceholder,
        RuleId::NoExchange,
        RuleId::Audience,
        RuleId::RepeatedText,
        RuleId::Pace,
    ];

    pub fn info(self) -> &'static RuleInfo {
        match self {
            RuleId::Empty => &length::EMPTY,
            RuleId::TooShort => &length::TOO_SHORT,
            RuleId::TooLong => &length::TOO_LONG,
            RuleId::NoReason => &reason::INFO,
            RuleId::Generic => &generic::INFO,
            RuleId::NoGreeting => &greeting::INFO,
            RuleId::NoName => &name::INFO,
            RuleId::NoThanks => &thanks::INFO,
            RuleId::SalesPitch => &pitch::SALES_PITCH,
            RuleId::SalesDisclaimer => &pitch::SALES_DISCLAIMER,
            RuleId::Link => &links::LINK,
            RuleId::ContactDetails => &links::CONTACT_DETAILS,
            RuleId::SelfCentered => &self_centered::INFO,
            RuleId::Hype => &hype::INFO,
            RuleId::FalseFamiliarity => &familiarity::INFO,
            RuleId::ContactRace => &race::INFO,
            RuleId::LongSentence => &sentence::INFO,
            RuleId::UnfilledPlaceholder => &placeholder::INFO,
            RuleId::NoExchange => &exchange::INFO,
            RuleId::Audience => &audience::INFO,
            RuleId::RepeatedText => &cross::REPEATED_TEXT,
            RuleId::Pace => &cross::PACE,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            RuleId::Empty => "empty",
            RuleId::TooShort => "too-short",
            RuleId::TooLong => "too-long",
            RuleId::NoReason => "no-reason",
            RuleId::Generic => "generic",
            RuleId::NoGreeting => "no-greeting",
            RuleId::NoName => "no-name",
            RuleId::NoThanks => "no-thanks",
            RuleId::SalesPitch => "sales-pitch",
            RuleId::SalesDisclaimer => "sales-disclaimer",
            RuleId::Link => "link",
            RuleId::ContactDetails => "contact-details",
            RuleId::SelfCentered => "self-centered",
            RuleId::Hype => "hype",
            RuleId::FalseFamiliarity => "false-familiarity",
            RuleId::ContactRace => "contact-race",
            RuleId::LongSentence => "long-sentence",
            RuleId::UnfilledPlaceholder => "unfilled-placeholder",
            RuleId::NoExchange => "no-exchange",
            RuleId::Audience => "audience",
            RuleId::RepeatedText => "repeated-text",
            RuleId::Pace => "pace",
        }
    }

    pub fn parse(s: &str) -> Option<RuleId> {
        RuleId::ALL.into_iter().find(|r| r.as_str() == s.trim())
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Runs every rule over a note.
pub(crate) fn run(note: &Note, out: &mut Out) {
    if length::empty(note, out) {
        audience::check(note, out);
        return;
    }
    length::check(note, out);
    reason::check(note, out);
    generic::check(note, out);
    greeting::check(note, out);
    name::check(note, out);
    thanks::check(note, out);
    pitch::check(note, out);
    links::check(note, out);
    self_centered::check(note, out);
    hype::check(note, out);
    familiarity::check(note, out);
    race::check(note, out);
    sentence::check(note, out);
    placeholder::check(note, out);
    exchange::check(note, out);
    audience::check(note, out);
}

/// A piece of the note, quoted as each language quotes.
pub(crate) fn quoted(s: &str) -> (String, String) {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (format!("« {s} »"), format!("“{s}”"))
}

/// A message that quotes part of the note.
pub(crate) fn quoting(fr: &str, en: &str, piece: &str) -> Localized {
    let (qf, qe) = quoted(piece);
    Localized::new(fr.replace("{}", &qf), en.replace("{}", &qe))
}
