//! Drafts and templates: one file format. A UTF-8 text with optional TOML
//! front matter between `+++` lines (the Zola/Hugo convention); plain text
//! without front matter is a valid draft.
//!
//! ```text
//! +++
//! platform = "linkedin"
//! lang = "fr"
//! [target]
//! name = "Claire Martin"
//! relationship = "met"
//! +++
//! Bonjour Claire, nous avons échangé au salon …
//! ```

use crate::diagnostic::RuleId;
use crate::lang::Lang;
use crate::located::{Located, Schema, fields_of};
use crate::target::{Platform, Target, Tier};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use strum::VariantNames;
use toml::value::Datetime;

/// Where a draft is in its life: written, approved in poignee, then sent
/// on the platform (`sent_at`), then answered (`accepted_at`, `ignored_at`,
/// `declined_at`). Which moves are allowed is [`crate::outcome`]'s.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Status {
    Draft,
    Approved,
    Sent,
    Accepted,
    Ignored,
    Declined,
}

impl Status {
    /// As the file writes it.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The note went out: sent, or already answered.
    pub fn is_sent(self) -> bool {
        matches!(
            self,
            Status::Sent | Status::Accepted | Status::Ignored | Status::Declined
        )
    }

    /// Its name in words.
    pub fn word(self) -> crate::lang::Text {
        use crate::lang::Text;
        match self {
            Status::Draft => Text::new("brouillon", "draft"),
            Status::Approved => Text::new("approuvé", "approved"),
            Status::Sent => Text::new("envoyé", "sent"),
            Status::Accepted => Text::new("accepté", "accepted"),
            Status::Ignored => Text::new("ignoré", "ignored"),
            Status::Declined => Text::new("refusé", "declined"),
        }
    }

    /// What a list shows, with its sign.
    pub fn label(self) -> crate::lang::Text {
        use crate::lang::Text;
        match self {
            Status::Draft => Text::new("✎ brouillon", "✎ draft"),
            Status::Approved => Text::new("✓ approuvé", "✓ approved"),
            Status::Sent => Text::new("→ envoyé", "→ sent"),
            Status::Accepted => Text::new("★ accepté", "★ accepted"),
            Status::Ignored => Text::new("⊘ ignoré", "⊘ ignored"),
            Status::Declined => Text::new("✗ refusé", "✗ declined"),
        }
    }
}

/// Where an imported draft came from.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Source {
    /// A sent invitation of LinkedIn's data export (`Invitations.csv`).
    LinkedinExport,
    /// The first message of a conversation in the export's `messages.csv`,
    /// taken for the note of an invitation the person accepted.
    LinkedinMessages,
}

impl Source {
    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// A template's declared placeholder.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placeholder {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub example: Option<String>,
}

/// The front matter of a draft or a template.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform: Option<Platform>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tier: Option<Tier>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approved_at: Option<Datetime>,
    /// When the note went out on the platform (`poignee mark … sent`): a
    /// date, or a date-time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sent_at: Option<Datetime>,
    /// When the person answered, one of the three: the one that matches
    /// `status` is the answer (`poignee mark` keeps only that one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub accepted_at: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ignored_at: Option<Datetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declined_at: Option<Datetime>,
    /// The template the draft started from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Where a draft poignee did not write came from: `poignee import`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// What the import knows this invitation by, the same in every export
    /// (`linkedin/2024-01-15/claire-martin`): importing again finds it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_key: Option<String>,
    /// Rules this draft deliberately accepts an exception to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allow: Vec<RuleId>,
    /// Template only: its name and what it is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub placeholders: BTreeMap<String, Placeholder>,
    /// Draft made from a template: the values its placeholders were filled
    /// with (left out when comparing drafts for `repeated-text`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub values: BTreeMap<String, String>,
}

/// A draft file, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub front: FrontMatter,
    /// The note as it will be sent.
    pub body: String,
    /// Where the body starts in the file (after a BOM, if any), so that
    /// diagnostics can be placed in file coordinates.
    pub body_offset: usize,
}

const FENCE: &str = "+++";

/// The keys and values of the front matter, for its errors.
pub const FRONT_MATTER: Schema = Schema {
    keys: |table| match table {
        "" => Some(fields_of::<FrontMatter>()),
        "target" => Some(fields_of::<Target>()),
        "placeholders" | "values" => None,
        t if t.starts_with("placeholders.") => Some(fields_of::<Placeholder>()),
        _ => None,
    },
    values: |key| match key {
        "platform" => Platform::VARIANTS.to_vec(),
        "tier" => Tier::VARIANTS.to_vec(),
        "lang" => Lang::VARIANTS.to_vec(),
        "status" => Status::VARIANTS.to_vec(),
        "source" => Source::VARIANTS.to_vec(),
        "allow" => RuleId::ALL.iter().map(|r| r.as_str()).collect(),
        "target.relationship" => crate::target::Relationship::VARIANTS.to_vec(),
        _ => Vec::new(),
    },
};

impl Draft {
    /// Reads a draft from the file's text, as [`crate::input::decode`] gives
    /// it (without its BOM): byte offsets count from there. CRLF line ends
    /// are accepted.
    pub fn parse(source: &str) -> Result<Draft, Located> {
        let Some(fences) = Fences::of(source)? else {
            return Ok(Draft::plain(source));
        };
        let toml_text = &source[fences.toml.clone()];
        let front: FrontMatter = toml::from_str(toml_text)
            .map_err(|e| Located::from_toml(source, fences.toml.clone(), &e, &FRONT_MATTER))?;
        Ok(Draft {
            front,
            body: source[fences.body..].to_string(),
            body_offset: fences.body,
        })
    }

    fn plain(source: &str) -> Draft {
        Draft {
            front: FrontMatter::default(),
            body: source.to_string(),
            body_offset: 0,
        }
    }

    /// The file's text: front matter (when any field is set), then the body.
    pub fn render(&self) -> String {
        // A plain note stays plain, unless its first line would read as a
        // fence (or a BOM would be taken off): then empty front matter keeps it.
        let first = self.body.split('\n').next().unwrap_or("");
        let ambiguous = first.trim_end() == FENCE || self.body.starts_with('\u{feff}');
        if self.front == FrontMatter::default() && !ambiguous {
            return self.body.clone();
        }
        // Serialising plain data with string keys cannot fail.
        let plain = toml::to_string(&self.front).unwrap_or_default();
        let toml = escape_fences(&plain);
        let out = self.with_front(&toml);
        if toml == plain {
            return out;
        }
        // A line `+++` was escaped: if it sat in a literal string, where no
        // escape works, the same strings written as basic ones, kept only
        // when they read back as this draft (else `to_file` refuses).
        let reads_back = |text: &str| {
            Draft::parse(text).is_ok_and(|d| d.front == self.front && d.body == self.body)
        };
        if reads_back(&out) {
            return out;
        }
        let other = self.with_front(&escape_fences(&basic_strings(&plain)));
        if reads_back(&other) { other } else { out }
    }

    /// The file's text with front matter `toml`.
    fn with_front(&self, toml: &str) -> String {
        let mut out = String::with_capacity(toml.len() + self.body.len() + 8);
        out.push_str(FENCE);
        out.push('\n');
        out.push_str(toml);
        if !toml.ends_with('\n') {
            out.push('\n');
        }
        out.push_str(FENCE);
        out.push('\n');
        out.push_str(&self.body);
        out
    }
}

impl Draft {
    /// The file's text, read back before it is given: what poignee writes,
    /// it can read. `Err` names what could not be written.
    pub fn to_file(&self) -> Result<String, crate::lang::Localized> {
        let text = self.render();
        // Reading back includes the size every command reads.
        if text.len() as u64 > crate::input::MAX_BYTES {
            return Err(crate::lang::Localized::new(
                "ce brouillon dépasserait 1 Mio, la taille que `check` lit : rien n’est écrit",
                "this draft would pass 1 MiB, the size `check` reads: nothing is written",
            ));
        }
        match Draft::parse(&text) {
            Ok(back) if back.front == self.front && back.body == self.body => Ok(text),
            _ => Err(crate::lang::Localized::new(
                "ce brouillon ne se relirait pas tel quel (une valeur contient-elle une ligne `+++` ?) : rien n’est écrit",
                "this draft would not read back as it is (does a value hold a line `+++`?): nothing is written",
            )),
        }
    }
}

/// Where the front matter of a file's text is, for an edit that keeps the
/// rest of the file as it is (`poignee mark`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fences {
    /// The TOML between the fences (from the line after the opening `+++`
    /// to the start of the closing one).
    pub toml: std::ops::Range<usize>,
    /// Where the body starts.
    pub body: usize,
}

impl Fences {
    /// The fences of `source` (without its BOM); `None` for a plain note.
    pub fn of(source: &str) -> Result<Option<Fences>, Located> {
        let mut lines = line_spans(source);
        let Some((first_start, first_end)) = lines.next() else {
            return Ok(None);
        };
        if source[first_start..first_end].trim_end() != FENCE {
            return Ok(None);
        }
        let front_start = next_line(source, first_end);
        let Some((close_start, close_end)) = lines.find(|&(s, e)| source[s..e].trim_end() == FENCE)
        else {
            return Err(Located::at(
                source,
                0,
                crate::lang::Localized::new(
                    "l’en-tête ouvert par `+++` ligne 1 n’est jamais fermé : ajoutez une ligne `+++` après lui",
                    "the front matter opened by `+++` on line 1 is never closed: add a line `+++` after it",
                ),
            ));
        };
        Ok(Some(Fences {
            toml: front_start..close_start,
            body: next_line(source, close_end),
        }))
    }
}

/// A line `+++` inside a multi-line TOML string would close the front
/// matter: its first `+` is written as the escape `\u002B`, which TOML's
/// basic strings read back as `+`. A literal string (which cannot escape)
/// holding such a line is first written again as a basic one (the fuzzer
/// found a name whose quotes and backslashes made the serializer choose
/// it).
fn escape_fences(toml: &str) -> String {
    if !toml.lines().any(|l| l.trim_end() == FENCE) {
        return toml.to_string();
    }
    toml.split_inclusive('\n')
        .map(|line| {
            if line.trim_end() == FENCE {
                format!("\\u002B{}", &line[1..])
            } else {
                line.to_string()
            }
        })
        .collect()
}

/// Every multi-line literal string of `toml` that holds a line `+++`,
/// written as a multi-line basic string with the same value: `\` and `"`
/// escaped (a literal string holds no other escape, and no `'''`).
fn basic_strings(toml: &str) -> String {
    const LIT: &str = "'''";
    let mut out = String::with_capacity(toml.len() + 16);
    let mut rest = toml;
    while let Some(open) = rest.find(LIT) {
        let after = &rest[open + LIT.len()..];
        let Some(mut close) = after.find(LIT) else {
            break;
        };
        // `''''` or `'''''` end a literal string with one or two quotes.
        while after[close + LIT.len()..].starts_with('\'') {
            close += 1;
        }
        let inner = &after[..close];
        out.push_str(&rest[..open]);
        if inner.lines().any(|l| l.trim_end() == FENCE) {
            out.push_str("\"\"\"");
            out.push_str(&inner.replace('\\', "\\\\").replace('"', "\\\""));
            out.push_str("\"\"\"");
        } else {
            out.push_str(LIT);
            out.push_str(inner);
            out.push_str(LIT);
        }
        rest = &after[close + LIT.len()..];
    }
    out.push_str(rest);
    out
}

/// (start, end) of each line, without its line break.
fn line_spans(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= s.len() {
            return None;
        }
        let end = s[start..].find('\n').map_or(s.len(), |i| start + i);
        let line = (start, end);
        start = end + 1;
        Some(line)
    })
}

fn next_line(s: &str, line_end: usize) -> usize {
    (line_end + 1).min(s.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::target::Relationship;

    const SAMPLE: &str = "+++\nplatform = \"linkedin\"\nlang = \"fr\"\nallow = [\"link\"]\n\n[target]\nname = \"Claire Martin\"\nrelationship = \"met\"\n+++\nBonjour Claire,\nmerci !\n";

    #[test]
    fn parses_front_matter_and_body() {
        let d = Draft::parse(SAMPLE).expect("parses");
        assert_eq!(d.front.lang, Some(Lang::Fr));
        assert_eq!(d.front.allow, vec![RuleId::Link]);
        let t = d.front.target.as_ref().expect("target");
        assert_eq!(t.relationship, Some(Relationship::Met));
        assert_eq!(d.body, "Bonjour Claire,\nmerci !\n");
        assert_eq!(&SAMPLE[d.body_offset..d.body_offset + 7], "Bonjour");
    }

    #[test]
    fn plain_text_bom_and_crlf() {
        let d = Draft::parse("Hello").expect("parses");
        assert_eq!((d.body.as_str(), d.body_offset), ("Hello", 0));
        let crlf = "\u{feff}+++\r\nlang = \"en\"\r\n+++\r\nHi Sam\r\n";
        let text = crate::input::decode(crlf.as_bytes().to_vec()).expect("decodes");
        let d = Draft::parse(&text).expect("parses");
        assert_eq!(d.front.lang, Some(Lang::En));
        assert_eq!(d.body, "Hi Sam\r\n");
        assert_eq!(d.body_offset, "+++\r\nlang = \"en\"\r\n+++\r\n".len());
        assert_eq!(Draft::parse("").expect("parses").body, "");
    }

    #[test]
    fn errors_name_line_column_and_key() {
        let e =
            Draft::parse("+++\nlang = \"fr\"\nplatfrom = \"linkedin\"\n+++\nx").expect_err("fails");
        assert_eq!((e.line, e.column), (3, 1));
        assert_eq!(e.key.as_deref(), Some("platfrom"));
        assert_eq!(e.hint.as_deref(), Some("platform"));
        assert_eq!(
            e.what(Lang::Fr),
            "clé `platfrom`\u{a0}: clé inconnue (vouliez-vous dire `platform`\u{202f}?)"
        );
        let e = Draft::parse("+++\n\nplatform = \"linkdin\"\n+++\n").expect_err("fails");
        assert_eq!(
            (e.line, e.column, e.key.as_deref()),
            (3, 12, Some("platform"))
        );
        assert_eq!(
            e.what(Lang::En),
            "key `platform`: unknown value `linkdin`: use `linkedin`, `viadeo` (did you mean `linkedin`?)"
        );
        let e = Draft::parse("+++\nlang = \"fr\"\nBonjour").expect_err("fails");
        assert!(e.message.en.contains("never closed"), "{e}");
        let e = Draft::parse("+++\nallow = [\"lnk\"]\n+++\n").expect_err("fails");
        assert_eq!(e.hint.as_deref(), Some("link"), "{e}");
        let e = Draft::parse("+++\nlang = \"fr\n+++\n").expect_err("fails");
        assert!(e.what(Lang::Fr).contains("syntaxe TOML invalide"), "{e}");
        let e =
            Draft::parse("+++\n[target]\nrelationship = \"colegue\"\n+++\n").expect_err("fails");
        assert_eq!(e.key.as_deref(), Some("target.relationship"), "{e}");
        assert_eq!(e.hint.as_deref(), Some("colleague"), "{e}");
    }

    #[test]
    fn outcome_states_and_dates_are_read_and_checked() {
        let d = Draft::parse(
            "+++\nstatus = \"accepted\"\nsent_at = 2026-11-21\naccepted_at = 2026-11-23T08:00:00+01:00\n+++\nHi",
        )
        .expect("parses");
        assert_eq!(d.front.status, Some(Status::Accepted));
        assert!(d.front.sent_at.is_some() && d.front.accepted_at.is_some());
        // Old drafts, without any of it, stay valid.
        assert_eq!(Draft::parse(SAMPLE).expect("parses").front.sent_at, None);
        // An unknown state: line, column and the close name.
        let e = Draft::parse("+++\nlang = \"fr\"\nstatus = \"acepted\"\n+++\n").expect_err("fails");
        assert_eq!(
            (e.line, e.column, e.key.as_deref()),
            (3, 10, Some("status"))
        );
        assert_eq!(e.hint.as_deref(), Some("accepted"), "{e}");
        assert!(e.what(Lang::En).contains("`declined`"), "{e}");
        // A date that is not one.
        let e = Draft::parse("+++\nsent_at = \"hier\"\n+++\n").expect_err("fails");
        assert_eq!(
            (e.line, e.column, e.key.as_deref()),
            (2, 11, Some("sent_at"))
        );
        let e = Draft::parse("+++\nsent_on = 2026-11-21\n+++\n").expect_err("fails");
        assert_eq!(e.hint.as_deref(), Some("sent_at"), "{e}");
        // What is written reads back.
        let text = d.to_file().expect("written");
        assert_eq!(Draft::parse(&text).map(|b| b.front), Ok(d.front));
    }

    #[test]
    fn a_value_holding_a_fence_line_still_reads_back() {
        let mut d = Draft::parse(SAMPLE).expect("parses");
        d.front.values.insert("event".into(), "a\n+++\nb".into());
        let text = d.to_file().expect("written");
        let back = Draft::parse(&text).expect("reads back");
        assert_eq!(back.front.values["event"], "a\n+++\nb");
        assert_eq!(back.body, d.body);
        // A backslash makes the serialiser choose a literal string, which
        // cannot escape: refused, not written broken.
        d.front.values.insert("event".into(), "a\\\n+++\nb".into());
        match d.to_file() {
            Ok(text) => assert_eq!(Draft::parse(&text).map(|b| b.front), Ok(d.front)),
            Err(e) => assert!(e.en.contains("`+++`"), "{e:?}"),
        }
    }

    #[test]
    fn a_draft_past_the_size_check_reads_is_not_written() {
        let mut d = Draft::parse(SAMPLE).expect("parses");
        d.body = "a".repeat(1024 * 1024);
        assert!(
            d.to_file().is_err_and(|e| e.en.contains("1 MiB")),
            "a draft check would refuse is refused here"
        );
        d.body = "a".repeat(1000);
        assert!(d.to_file().is_ok());
    }

    #[test]
    fn render_round_trips() {
        let d = Draft::parse(SAMPLE).expect("parses");
        let again = Draft::parse(&d.render()).expect("parses back");
        assert_eq!(again.front, d.front);
        assert_eq!(again.body, d.body);
        let plain = Draft::parse("Just text").expect("parses");
        assert_eq!(plain.render(), "Just text");
    }

    /// Found by the `draft` fuzz target: a string with quotes, backslashes
    /// and a line `+++`, which the serializer writes as a literal string.
    #[test]
    fn a_fence_line_in_a_literal_string_round_trips() {
        let source = r#"+++
name ="""+++
""++\\e\\\\ "fr"

[et]
 = "fr"

[t\\rol"""
+++

H"#;
        let d = Draft::parse(source).expect("parses");
        let rendered = d.render();
        let again = Draft::parse(&rendered).expect("parses back");
        assert_eq!(again.front, d.front, "{rendered}");
        assert_eq!(again.body, d.body);
    }

    /// Found next: three single quotes inside a basic string open no literal string; the
    /// render stays one that reads back.
    #[test]
    fn literal_quotes_inside_a_basic_string_round_trip() {
        let source = r#"+++
name ="""+++
 '''++
d "'''eMp=0'''++
d= +
 '''++
d "''
 '''++
d
d "'''eMp=0'''+++
 '''++
d "'''eMp=0'''++
d= +
 '''++
d "''
 '''++
d
d "'''eMp'eMp=0'''++
 "dl"""
+++
"#;
        let d = Draft::parse(source).expect("parses");
        let rendered = d.render();
        let again = Draft::parse(&rendered).expect("parses back");
        assert_eq!(again.front, d.front, "{rendered}");
        assert_eq!(again.body, d.body);
    }
}
