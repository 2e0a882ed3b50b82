//! Helpers for the rules' tests.

use crate::diagnostic::RuleId;
use crate::lang::Lang;
use crate::lint::{Context, Linter, Report};
use crate::target::Target;

/// What the rules alone say (the judgement has its own tests).
pub fn report(text: &str, lang: Lang, target: Option<&Target>) -> Report {
    let cx = Context {
        lang: Some(lang),
        target,
        ..Context::default()
    };
    Linter::default().rules_only().lint(text, &cx)
}

/// The rules that fire on `text`, in French or English.
pub fn rules(text: &str, lang: Lang) -> Vec<RuleId> {
    report(text, lang, None)
        .diagnostics
        .iter()
        .map(|d| d.rule)
        .collect()
}

pub fn fires(text: &str, lang: Lang, rule: RuleId) -> bool {
    rules(text, lang).contains(&rule)
}

/// The pieces of `text` that `rule` points at.
pub fn spans(text: &str, lang: Lang, rule: RuleId) -> Vec<String> {
    report(text, lang, None)
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .map(|d| text[d.span.clone()].to_string())
        .collect()
}
