//! Errors that point at a place in a file: line, column, the key involved,
//! and a "did you mean" when a name is close to a known one.

use crate::lang::{Lang, Localized};
use crate::text::line_col;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    /// The key the error is about, when there is one.
    pub key: Option<String>,
    pub message: Localized,
    /// A name close to the unknown one: "did you mean `platform`?"
    pub hint: Option<String>,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.what(Lang::En))
    }
}

impl std::error::Error for Located {}

impl Located {
    /// The error without its position, in `lang`: "key `x`: message (hint)".
    pub fn what(&self, lang: Lang) -> String {
        let key = self
            .key
            .as_deref()
            .map(|k| Localized::new(format!("clé `{k}` : "), format!("key `{k}`: ")));
        let hint = self.hint.as_deref().map(|h| {
            Localized::new(
                format!(" (vouliez-vous dire `{h}` ?)"),
                format!(" (did you mean `{h}`?)"),
            )
        });
        let mut s = String::new();
        if let Some(k) = key {
            s.push_str(&k.get(lang));
        }
        s.push_str(&self.message.get(lang));
        if let Some(h) = hint {
            s.push_str(&h.get(lang));
        }
        s
    }

    /// `line:column: what`, in `lang`.
    pub fn to_string_in(&self, lang: Lang) -> String {
        format!("{}:{}: {}", self.line, self.column, self.what(lang))
    }

    pub fn at(source: &str, offset: usize, message: Localized) -> Self {
        let (line, column) = line_col(source, offset);
        Located {
            line,
            column,
            key: None,
            message,
            hint: None,
        }
    }

    /// A TOML error in `source[toml]`, placed in `source` and said in both
    /// languages from what poignee knows, not from the parser's wording: a
    /// text that does not parse as TOML at all is a syntax error; one that
    /// does is a key the `schema` does not know, or a value it does not take.
    pub fn from_toml(
        source: &str,
        toml: std::ops::Range<usize>,
        err: &toml::de::Error,
        schema: &Schema,
    ) -> Self {
        let offset = toml.start + err.span().map_or(0, |s| s.start);
        let end = toml.start + err.span().map_or(0, |s| s.end);
        let detail = err.message().trim().replace('\n', " ");
        if source[toml.clone()].parse::<toml::Table>().is_err() {
            let mut located = Located::at(
                source,
                offset,
                Localized::new(
                    "syntaxe TOML invalide ici : vérifiez les guillemets, les crochets et le signe `=`",
                    format!("invalid TOML: {detail}"),
                ),
            );
            located.key = key_at(source, offset);
            return located;
        }
        let mut located = Located::at(
            source,
            offset,
            Localized::new(
                "valeur invalide pour cette clé",
                format!("invalid value: {detail}"),
            ),
        );
        let floor = |i: usize| crate::text::floor_char_boundary(source, i.min(source.len()));
        let token = source[floor(offset)..floor(end.max(offset))]
            .trim()
            .trim_matches(|c| c == '"' || c == '\'' || c == '[' || c == ']')
            .trim()
            .to_string();
        let table = table_at(source, offset).unwrap_or_default();
        match key_named_at(source, offset) {
            Some(name) => {
                // An unknown key (or table header): the span is on its name.
                let (parent, name) = if is_header(source, offset) {
                    match name.rsplit_once('.') {
                        Some((p, n)) => (p.to_string(), n.to_string()),
                        None => (String::new(), name),
                    }
                } else {
                    (table, name)
                };
                let known = (schema.keys)(&parent).unwrap_or_default();
                located.key = Some(dotted(&parent, &name));
                located.message = if known.is_empty() || known.len() > 8 {
                    Localized::new("clé inconnue", "unknown key")
                } else {
                    let list = known.join("`, `");
                    Localized::new(
                        format!("clé inconnue ; les clés possibles : `{list}`"),
                        format!("unknown key; the keys are `{list}`"),
                    )
                };
                located.hint = did_you_mean(&name, known.iter().copied()).map(str::to_string);
            }
            None => {
                located.key = key_at(source, offset);
                let values = located
                    .key
                    .as_deref()
                    .map(|k| (schema.values)(k))
                    .unwrap_or_default();
                if !values.is_empty() && !token.is_empty() {
                    let list = values.join("`, `");
                    located.message = if values.len() > 8 {
                        Localized::new(
                            format!("valeur inconnue `{token}`"),
                            format!("unknown value `{token}`"),
                        )
                    } else {
                        Localized::new(
                            format!("valeur inconnue `{token}` : utilisez `{list}`"),
                            format!("unknown value `{token}`: use `{list}`"),
                        )
                    };
                    located.hint = did_you_mean(&token, values.iter().copied())
                        .or_else(|| did_you_mean(&token.to_lowercase(), values.iter().copied()))
                        .map(str::to_string);
                }
            }
        }
        located
    }
}

/// What a TOML file may hold, for its errors: the keys of each table (dotted
/// path, `""` for the top; `None` for a table of free keys) and the values a
/// key takes when they are a fixed set.
pub struct Schema {
    pub keys: fn(&str) -> Option<Vec<&'static str>>,
    pub values: fn(&str) -> Vec<&'static str>,
}

/// The names a type's `Deserialize` declares: a struct's fields, an enum's
/// variants (as serde spells them), read from the type itself.
pub fn names_of<T: serde::de::DeserializeOwned>() -> Vec<&'static str> {
    let mut capture = Capture(None);
    let _ = T::deserialize(&mut capture);
    capture.0.map(<[&str]>::to_vec).unwrap_or_default()
}

/// A deserializer that gives nothing and notes the names it is asked for.
struct Capture(Option<&'static [&'static str]>);

impl<'de> serde::Deserializer<'de> for &mut Capture {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("names only"))
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = Some(fields);
        Err(serde::de::Error::custom("names only"))
    }

    fn deserialize_enum<V: serde::de::Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = Some(variants);
        Err(serde::de::Error::custom("names only"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map identifier ignored_any
    }
}

fn dotted(table: &str, key: &str) -> String {
    if table.is_empty() {
        key.to_string()
    } else {
        format!("{table}.{key}")
    }
}

/// The line around `offset`.
fn line_around(source: &str, offset: usize) -> (usize, &str) {
    let offset = crate::text::floor_char_boundary(source, offset.min(source.len()));
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    (start, &source[start..end])
}

/// The key name whose text covers `offset`: on a `name = value` line, left
/// of the `=`; or a `[table]` header's name.
fn key_named_at(source: &str, offset: usize) -> Option<String> {
    let (start, line) = line_around(source, offset);
    if is_header(source, offset) {
        return Some(
            line.trim()
                .trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_string(),
        );
    }
    let eq = line.find('=')?;
    (offset < start + eq).then(|| line[..eq].trim().trim_matches('"').to_string())
}

fn is_header(source: &str, offset: usize) -> bool {
    let line = line_around(source, offset).1.trim();
    line.starts_with('[') && line.ends_with(']')
}

/// The closest known name, if it is close enough to be a typo.
pub fn did_you_mean<'a>(
    unknown: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(unknown, k), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// The dotted key whose value sits at `offset`: the `name = value` line it is
/// on, under the nearest `[table]` header.
fn key_at(source: &str, offset: usize) -> Option<String> {
    let offset = crate::text::floor_char_boundary(source, offset.min(source.len()));
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let line = &source[line_start..line_end];
    let eq = line.find('=')?;
    if line_start + eq > offset {
        return None;
    }
    let key = line[..eq].trim().trim_matches('"');
    Some(match table_at(source, line_start) {
        Some(t) => format!("{t}.{key}"),
        None => key.to_string(),
    })
}

/// The `[table]` header above `offset`, if any.
fn table_at(source: &str, offset: usize) -> Option<String> {
    let offset = crate::text::floor_char_boundary(source, offset.min(source.len()));
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    source[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && l.ends_with(']'))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            did_you_mean("platfrom", ["platform", "tier"]),
            Some("platform")
        );
        assert_eq!(did_you_mean("zzz", ["platform", "tier"]), None);
    }

    #[test]
    fn finds_the_key_under_its_table() {
        let src = "a = 1\n[limits]\nviadeo = -3\n";
        assert_eq!(
            key_at(src, src.find("-3").unwrap_or(0)),
            Some("limits.viadeo".into())
        );
    }
}
