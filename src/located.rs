//! Errors that point at a place in a file: line, column, the key involved,
//! and a "did you mean" when a name is close to a known one.

use crate::text::line_col;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    /// The key the error is about, when there is one.
    pub key: Option<String>,
    pub message: String,
    /// "did you mean `platform`?"
    pub hint: Option<String>,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.what())
    }
}

impl std::error::Error for Located {}

impl Located {
    /// The error without its position: "key `x`: message (hint)".
    pub fn what(&self) -> String {
        let mut s = String::new();
        if let Some(key) = &self.key {
            s.push_str(&format!("key `{key}`: "));
        }
        s.push_str(&self.message);
        if let Some(hint) = &self.hint {
            s.push_str(&format!(" ({hint})"));
        }
        s
    }

    pub fn at(source: &str, offset: usize, message: impl Into<String>) -> Self {
        let (line, column) = line_col(source, offset);
        Located {
            line,
            column,
            key: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A TOML error found in `source[base..]`, placed in `source`.
    pub fn from_toml(source: &str, base: usize, err: &toml::de::Error) -> Self {
        let offset = base + err.span().map_or(0, |s| s.start);
        let mut located = Located::at(source, offset, err.message().trim().replace('\n', " "));
        let names = backticked(err.message());
        if err.message().starts_with("unknown field")
            || err.message().starts_with("unknown variant")
        {
            if let Some((unknown, known)) = names.split_first() {
                if err.message().starts_with("unknown field") {
                    located.key = Some(match table_at(source, offset) {
                        Some(t) => format!("{t}.{unknown}"),
                        None => unknown.clone(),
                    });
                }
                located.hint = did_you_mean(unknown, known.iter().map(String::as_str))
                    .map(|s| format!("did you mean `{s}`?"));
                // The list of every allowed name is long; keep it only when short.
                if known.len() > 6 {
                    let kind = if err.message().starts_with("unknown field") {
                        "key"
                    } else {
                        "value"
                    };
                    located.message = format!("unknown {kind} `{unknown}`");
                }
            }
        }
        if located.key.is_none() {
            located.key = key_at(source, offset);
        }
        located
    }
}

/// The names between backticks in a serde message, in order.
fn backticked(message: &str) -> Vec<String> {
    message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
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
