//! The shapes of `check --format json`: what serde writes, field by field
//! (README documents them).

use crate::RuleId;
use crate::lint::Severity;
use serde::Serialize;

#[derive(Serialize)]
pub(super) struct Positions {
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) end_line: usize,
    pub(super) end_column: usize,
    pub(super) byte_start: usize,
    pub(super) byte_end: usize,
}

#[derive(Serialize)]
pub(super) struct JsonCross<'a> {
    pub(super) path: &'a str,
    pub(super) line: usize,
    pub(super) column: usize,
    pub(super) rule: RuleId,
    pub(super) severity: Severity,
    pub(super) message: String,
    pub(super) related: Vec<&'a str>,
}

#[derive(Serialize)]
pub(super) struct JsonFile<'a> {
    pub(super) path: &'a str,
    /// Only for a name that is not UTF-8: its bytes, as `path` cannot say them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) path_bytes: Option<&'a [u8]>,
    pub(super) lang: Option<&'static str>,
    pub(super) lang_detected: Option<bool>,
    pub(super) platform: Option<&'static str>,
    pub(super) score: Option<u8>,
    pub(super) score_breakdown: Vec<JsonPenalty>,
    pub(super) length: Option<JsonLength>,
    pub(super) stats: Option<JsonStats>,
    pub(super) diagnostics: Vec<JsonDiagnostic>,
    pub(super) error: Option<String>,
    pub(super) error_position: Option<JsonPosition>,
}

#[derive(Serialize)]
pub(super) struct JsonPenalty {
    pub(super) rule: RuleId,
    pub(super) points: u32,
}

#[derive(Serialize)]
pub(super) struct JsonLength {
    pub(super) count: usize,
    pub(super) limit: usize,
}

#[derive(Serialize)]
pub(super) struct JsonStats {
    pub(super) words: usize,
    pub(super) sentences: usize,
    pub(super) readability: Option<f32>,
    pub(super) first_person: usize,
    pub(super) second_person: usize,
}

#[derive(Serialize)]
pub(super) struct JsonPosition {
    pub(super) line: usize,
    pub(super) column: usize,
}

#[derive(Serialize)]
pub(super) struct JsonDiagnostic {
    pub(super) rule: RuleId,
    pub(super) severity: Severity,
    #[serde(flatten)]
    pub(super) position: Positions,
    pub(super) message: String,
    pub(super) suggestion: Option<String>,
}
