//! The checks of the note: linted at each key (or when the typing pauses,
//! for a long note), the checks across drafts asked for off the UI thread,
//! and F8 from one problem to the next.

use super::{App, Effect, Focus, Screen};
use crate::tui::io::Job;
use poignee::draft::Draft;
use poignee::lang::Text;
use poignee::lint::{Context, Severity};
use std::path::PathBuf;

impl App {
    /// Lints the note again, for the target as the form says.
    pub(in crate::tui) fn relint(&mut self) {
        let target = self.target();
        let cx = Context {
            platform: self.form.platform,
            tier: self.form.tier,
            lang: None,
            target: Some(&target),
            allow: &[],
        };
        let mut report = self.linter.lint(self.note.text(), &cx);
        if let Some(found) = &self.doc.cross {
            report.diagnostics.push(self.cross_finding(found));
        }
        self.checks.set(report);
        self.verdict = self.linter.audience.verdict(Some(&target));
    }

    /// The `repeated-text` finding as the checks pane lists it: on the
    /// whole note, as of its last save (the other drafts are read then, not
    /// at every key).
    fn cross_finding(&self, found: &poignee::lang::Localized) -> poignee::lint::Diagnostic {
        let severity = self
            .linter
            .severity(poignee::RuleId::RepeatedText)
            .unwrap_or(Severity::Warning);
        poignee::lint::Diagnostic {
            rule: poignee::RuleId::RepeatedText,
            severity,
            span: 0..0,
            message: poignee::lang::Localized::new(
                format!("{} (au dernier enregistrement)", found.fr),
                format!("{} (as of the last save)", found.en),
            ),
            suggestion: Some(poignee::lang::Localized::new(
                "écrivez pour cette personne une raison qui n’est qu’à elle",
                "write this person a reason that is theirs alone",
            )),
            reason: None,
        }
    }

    /// Asks for the checks across drafts of the note as `draft` says, saved
    /// at `path` (if it is): the answer comes as [`crate::tui::io::Done::Cross`].
    pub(in crate::tui) fn check_across(&mut self, draft: Draft, path: Option<PathBuf>) {
        if self.worker.folder.is_none() {
            return;
        }
        self.ask(Effect::Io(Job::Cross {
            draft: Box::new(draft),
            path,
            note: self.doc.id,
        }));
    }

    /// Lints the note now or, when it is too long to lint at every key
    /// ([`super::LIVE_LINT_BYTES`]), once the typing pauses: the screen answers
    /// first.
    pub(super) fn relint_soon(&mut self) {
        if self.note.text().len() > super::LIVE_LINT_BYTES {
            self.checks.stale = true;
        } else {
            self.relint();
        }
    }

    /// Checks the note now if a change is waiting to be checked.
    pub(in crate::tui) fn fresh(&mut self) {
        if self.checks.stale {
            self.relint();
        }
    }

    /// Where F8 goes, in turn: the problems only, warnings and errors (never
    /// what was understood, such as the reason, and never a hint); the
    /// template's `{{…}}` left to fill first, in reading order, then the
    /// others as the checks list orders them.
    fn problem_order(&self) -> Vec<usize> {
        let diags = &self.checks.report.diagnostics;
        let problem = |i: &usize| {
            let d = &diags[*i];
            d.rule.is_problem() && d.severity >= Severity::Warning
        };
        let slot = |i: &usize| is_slot(&diags[*i]);
        let mut order: Vec<usize> = (0..diags.len()).filter(problem).filter(slot).collect();
        order.sort_by_key(|&i| diags[i].span.start);
        order.extend((0..diags.len()).filter(problem).filter(|i| !slot(i)));
        order
    }

    /// Whether F8 has just brought the user to this finding: its words
    /// selected, or, for a finding on the whole note, its explanation.
    fn on_finding(&self, i: usize) -> bool {
        let Some(d) = self.checks.report.diagnostics.get(i) else {
            return false;
        };
        if d.span.is_empty() {
            self.focus == Focus::Checks && self.checks.selected == i
        } else {
            self.focus == Focus::Note && self.note.editor.selection() == Some(d.span.clone())
        }
    }

    /// The template's `{{…}}` to fill next: nearest the cursor in the
    /// direction asked (the one it is in, or the next; around the note's
    /// end); coming back from the form or the checks, the first (or last).
    /// The slots come first in `order`, by position.
    fn next_slot(&self, order: &[usize], step: isize) -> Option<usize> {
        let diags = &self.checks.report.diagnostics;
        let n = order.iter().take_while(|&&i| is_slot(&diags[i])).count();
        let slots = &order[..n];
        let cursor = (self.focus == Focus::Note).then(|| self.note.editor.cursor());
        if step > 0 {
            let after = cursor.and_then(|c| slots.iter().find(|&&i| diags[i].span.end > c));
            after.or(slots.first()).copied()
        } else {
            let before = cursor.and_then(|c| slots.iter().rev().find(|&&i| diags[i].span.end <= c));
            before.or(slots.last()).copied()
        }
    }

    /// Moves to the next (or previous) problem: its words selected, so that
    /// typing replaces them; a finding on the whole note (no reason, the
    /// audience) shows its explanation and leaves the text as it is. While
    /// a template is being filled, the next `{{…}}` comes first.
    pub(super) fn goto_problem(&mut self, step: isize) {
        self.fresh();
        let order = self.problem_order();
        if order.is_empty() {
            let msg = self.t(Text::new(
                "aucun problème à corriger",
                "no problem left to fix",
            ));
            self.say(Severity::Info, msg);
            return;
        }
        self.screen = Screen::Compose;
        let n = order.len() as isize;
        let next = if let Some(k) = order.iter().position(|&i| self.on_finding(i)) {
            order[(k as isize + step).rem_euclid(n) as usize]
        } else if let Some(i) = self.next_slot(&order, step) {
            i
        } else if order.contains(&self.checks.selected) {
            self.checks.selected
        } else if step > 0 {
            order[0]
        } else {
            order[order.len() - 1]
        };
        self.select_problem(next);
    }

    /// Shows a finding: a problem's words selected in the note; what was
    /// understood (the reason) with the cursor at its start and nothing
    /// selected (a key typed must never replace it); a finding on the whole
    /// note, its explanation in the checks pane, the text left as it is.
    pub(super) fn select_problem(&mut self, i: usize) {
        self.fresh();
        let Some((span, problem)) = self
            .checks
            .report
            .diagnostics
            .get(i)
            .map(|d| (d.span.clone(), d.rule.is_problem()))
        else {
            return;
        };
        self.checks.choose(i);
        if span.is_empty() {
            let at = self.note.editor.cursor();
            self.note.select(at..at);
            self.focus = Focus::Checks;
        } else if problem {
            self.note.select(span);
            self.focus = Focus::Note;
        } else {
            self.note.select(span.start..span.start);
            self.focus = Focus::Note;
        }
    }
}

/// A template's `{{…}}` left to fill, in the note's text.
fn is_slot(d: &poignee::Diagnostic) -> bool {
    d.rule == poignee::RuleId::UnfilledPlaceholder && !d.span.is_empty()
}
