//! The settings the rules read: platform limits and the thresholds of the
//! rules that measure. The config fills them; the defaults are here.

use crate::target::{Platform, Tier};
use serde::{Deserialize, Serialize};

/// Note limits per platform, in characters as the platform counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Limits {
    pub linkedin_free: usize,
    pub linkedin_premium: usize,
    pub linkedin_sales_navigator: usize,
    pub viadeo: usize,
    /// Invitations a free LinkedIn account may attach a note to in a month.
    pub linkedin_free_notes_per_month: u32,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            linkedin_free: 200,
            linkedin_premium: 300,
            linkedin_sales_navigator: 300,
            viadeo: 300,
            linkedin_free_notes_per_month: 5,
        }
    }
}

impl Limits {
    pub fn for_platform(&self, platform: Platform, tier: Tier) -> usize {
        match (platform, tier) {
            (Platform::Viadeo, _) => self.viadeo,
            (Platform::Linkedin, Tier::Free) => self.linkedin_free,
            (Platform::Linkedin, Tier::Premium) => self.linkedin_premium,
            (Platform::Linkedin, Tier::SalesNavigator) => self.linkedin_sales_navigator,
        }
    }
}

/// Thresholds of the rules that measure.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// `too-short` below this many characters.
    pub min_chars: usize,
    /// `too-long` warns from this share of the limit (0.9 = 90 %).
    pub near_limit: f32,
    /// `long-sentence` above this many words.
    pub long_sentence_words: usize,
    /// `self-centered` when words about the sender reach this many...
    pub self_centered_min: usize,
    /// ...and are this many times the words about the recipient (plus one).
    pub self_centered_ratio: f32,
    /// `hype` from this many emoji.
    pub max_emoji: usize,
    /// `repeated-text` when nearly the same note goes to this many people...
    pub repeated_text_people: usize,
    /// ...nearly the same meaning this Jaccard similarity of word pairs.
    pub repeated_text_similarity: f32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            min_chars: 40,
            near_limit: 0.9,
            long_sentence_words: 25,
            self_centered_min: 4,
            self_centered_ratio: 2.0,
            max_emoji: 2,
            repeated_text_people: 3,
            repeated_text_similarity: 0.6,
        }
    }
}

/// How the figures of `poignee stats` read outcomes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Outcomes {
    /// An invitation left `sent` more than this many days without an answer
    /// counts as ignored: most people who accept do it within days, and an
    /// invitation waiting for ever would hold the acceptance rate up.
    pub ignored_after_days: u32,
}

impl Default for Outcomes {
    fn default() -> Self {
        Outcomes {
            ignored_after_days: 30,
        }
    }
}
