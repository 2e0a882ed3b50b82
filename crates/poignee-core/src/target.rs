//! Who a note is for, and where it will be sent.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The person an invitation goes to, as the draft's `[target]` table says.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationship: Option<Relationship>,
    /// Their profile's address (`https://www.linkedin.com/in/…`), as an
    /// import found it: never read into a note.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
}

impl Target {
    /// The given name: the first word of `name`.
    pub fn first_name(&self) -> Option<&str> {
        self.name.as_deref()?.split_whitespace().next()
    }
}

/// How the sender knows the person. `none` makes claims of a shared past an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Relationship {
    None,
    Met,
    Mutual,
    Colleague,
    Alumni,
}

impl Relationship {
    pub fn name(self) -> &'static str {
        match self {
            Relationship::None => "none",
            Relationship::Met => "met",
            Relationship::Mutual => "mutual",
            Relationship::Colleague => "colleague",
            Relationship::Alumni => "alumni",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Platform {
    #[default]
    Linkedin,
    Viadeo,
}

impl Platform {
    pub fn name(self) -> &'static str {
        match self {
            Platform::Linkedin => "linkedin",
            Platform::Viadeo => "viadeo",
        }
    }

    pub fn display(self) -> &'static str {
        match self {
            Platform::Linkedin => "LinkedIn",
            Platform::Viadeo => "Viadeo",
        }
    }
}

crate::lang::any_case! {Platform {"linkedin" => Linkedin, "viadeo" => Viadeo}}
crate::lang::any_case! {Tier {"free" => Free, "premium" => Premium, "sales-navigator" => SalesNavigator}}

impl fmt::Display for Platform {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A LinkedIn account tier: it sets the note limit (200 free, 300 paid).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Tier {
    #[default]
    Free,
    Premium,
    SalesNavigator,
}

impl Tier {
    pub fn name(self) -> &'static str {
        match self {
            Tier::Free => "free",
            Tier::Premium => "premium",
            Tier::SalesNavigator => "sales-navigator",
        }
    }
}
