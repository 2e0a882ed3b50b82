//! poignee: write LinkedIn and Viadeo invitation notes that people accept.
//!
//! The library is the whole product minus the terminal: the lint engine
//! ([`lint`], [`rules`], [`lexicon`]), the draft format ([`draft`]), the
//! config ([`config`]), the audience filter ([`audience`]), the batch
//! checker ([`batch`]) and the checks across drafts ([`crossdraft`]), and
//! the reporters, on any writer ([`report`]), the drafts folder ([`drafts`]),
//! what became of the invitations sent ([`outcome`]) and the figures about
//! them ([`stats`]). The crate `poignee-core` builds no terminal stack; the
//! CLI and the TUI (the `poignee` package) are thin faces over it.

pub mod audience;
pub mod batch;
pub mod config;
pub mod crossdraft;
pub mod diagnostic;
pub mod draft;
pub mod drafts;
pub mod fsutil;
pub mod import;
pub mod input;
pub mod judge;
pub mod lang;
pub mod lexicon;
pub mod lint;
pub mod located;
pub mod note;
pub mod outcome;
pub mod people;
pub mod prospects;
pub mod reading;
pub mod report;
pub mod rules;
pub mod settings;
pub mod spans;
pub mod stats;
pub mod target;
pub mod template;
pub mod text;
pub mod walk;

pub use diagnostic::RuleId;
pub use lang::Lang;
pub use lint::{Context, Diagnostic, Linter, Report, Severity};
pub use target::{Platform, Relationship, Target, Tier};
