//! A note about to be written as a draft file: the front matter the editor
//! and `draft --people` both write, and its dates. One place, so that a draft
//! says the same things whichever face wrote it.

use crate::diagnostic::RuleId;
use crate::draft::{Draft, FrontMatter, Status};
use crate::lang::Lang;
use crate::target::{Platform, Target, Tier};
use jiff::Timestamp;
use std::collections::BTreeMap;
use toml::value::Datetime;

/// What a draft about to be written says, before the clock is read.
#[derive(Debug, Clone, PartialEq)]
pub struct NewDraft {
    pub platform: Platform,
    /// Written on LinkedIn only: Viadeo has no paid tier.
    pub tier: Tier,
    pub lang: Option<Lang>,
    pub status: Status,
    /// When it was first written, kept from the draft it was opened from;
    /// `None` for a note never saved, which is created now.
    pub created_at: Option<Datetime>,
    pub template: Option<String>,
    pub target: Option<Target>,
    /// The template's free values it was filled with.
    pub values: BTreeMap<String, String>,
    /// The rules the note deliberately allows.
    pub allow: Vec<RuleId>,
    pub body: String,
}

impl NewDraft {
    /// The draft as written at `now`: created now unless it was before, and
    /// approved now when that is its status.
    pub fn at(self, now: Timestamp) -> Draft {
        let approved = self.status == Status::Approved;
        Draft {
            front: FrontMatter {
                platform: Some(self.platform),
                tier: (self.platform == Platform::Linkedin).then_some(self.tier),
                lang: self.lang,
                status: Some(self.status),
                created_at: self.created_at.or_else(|| stamp(now)),
                approved_at: if approved { stamp(now) } else { None },
                template: self.template,
                target: self.target,
                values: self.values,
                allow: self.allow,
                ..FrontMatter::default()
            },
            body: self.body,
            body_offset: 0,
        }
    }
}

/// `now` as a front matter writes it: to the second, in UTC
/// (`2026-11-25T10:03:00Z`).
pub fn stamp(now: Timestamp) -> Option<Datetime> {
    now.strftime("%Y-%m-%dT%H:%M:%SZ").to_string().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(status: Status, platform: Platform) -> NewDraft {
        NewDraft {
            platform,
            tier: Tier::Premium,
            lang: Some(Lang::Fr),
            status,
            created_at: None,
            template: Some("event".into()),
            target: None,
            values: BTreeMap::new(),
            allow: Vec::new(),
            body: "Bonjour Inès\n".into(),
        }
    }

    #[test]
    fn stamps_a_new_note_and_keeps_an_old_ones_creation() {
        let now: Timestamp = "2026-11-25T10:03:27.5Z".parse().expect("time");
        let d = note(Status::Draft, Platform::Linkedin).at(now);
        assert_eq!(
            d.front.created_at.map(|c| c.to_string()).as_deref(),
            Some("2026-11-25T10:03:27Z")
        );
        assert_eq!(d.front.approved_at, None);
        assert_eq!(d.front.tier, Some(Tier::Premium));
        let created = stamp("2026-01-02T03:04:05Z".parse().expect("time"));
        let approved = NewDraft {
            created_at: created,
            ..note(Status::Approved, Platform::Viadeo)
        }
        .at(now);
        assert_eq!(approved.front.created_at, created);
        assert_eq!(approved.front.approved_at, stamp(now));
        assert_eq!(approved.front.tier, None, "Viadeo has no tier");
        // What is written reads back the same.
        let text = approved.to_file().expect("writable");
        let back = Draft::parse(&text).expect("parses");
        assert_eq!(back.front, approved.front);
        assert_eq!(back.body, approved.body);
    }
}
