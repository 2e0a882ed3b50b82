//! Who a note is for, and where it will be sent.

use serde::{Deserialize, Serialize};

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
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Relationship {
    None,
    Met,
    Mutual,
    Colleague,
    Alumni,
}

impl Relationship {
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// Where the note goes. The names (`linkedin`, `viadeo`) are taken in any
/// case from a file, as written by `--platform`.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    strum::IntoStaticStr,
    strum::Display,
    strum::EnumString,
    strum::VariantNames,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Platform {
    #[default]
    Linkedin,
    Viadeo,
}

impl Platform {
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// As the platform writes its own name.
    pub fn display(self) -> &'static str {
        match self {
            Platform::Linkedin => "LinkedIn",
            Platform::Viadeo => "Viadeo",
        }
    }
}

crate::lang::any_case!(Platform, Tier);

/// A LinkedIn account tier: it sets the note limit (200 free, 300 paid).
/// `--tier` takes the names a file does (`sales-navigator`).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantNames,
    clap::ValueEnum,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case", ascii_case_insensitive)]
pub enum Tier {
    #[default]
    Free,
    Premium,
    SalesNavigator,
}

impl Tier {
    pub fn name(self) -> &'static str {
        self.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::ValueEnum;

    /// The command line takes the names a file does.
    #[test]
    fn flags_take_the_file_names() {
        fn same<T: ValueEnum + Copy + Into<&'static str>>() {
            for &v in T::value_variants() {
                let flag = v.to_possible_value().map(|p| p.get_name().to_string());
                assert_eq!(flag.as_deref(), Some(v.into()));
            }
        }
        same::<Platform>();
        same::<Tier>();
        same::<crate::Lang>();
    }
}
