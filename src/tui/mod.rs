//! The terminal interface: `poignee` with no arguments. It lives in the
//! binary, not the library: the library knows no terminal.
//!
//! [`app`] holds the state and its `update` (messages in, effects out) and
//! routes keys to the component in focus; each component owns its state,
//! its keys, the hints of what they do, and its view: [`form`] (the
//! target), [`note`] (the editor), [`checks`], [`templates`] (the picker),
//! [`shelf`] (the drafts screen, its pace drawn by [`pace`]), [`outcomes`],
//! [`dialog`] (questions and help). [`setup`] is what the app starts with,
//! [`keys`] the one key table, [`io`] the file work done off the UI thread,
//! [`layout`] where the frame's parts go, [`ui`] the frame drawn, [`run`]
//! the terminal and the event loop.

pub mod app;
pub mod checks;
pub mod dialog;
pub mod editor;
pub mod files;
pub mod form;
pub mod io;
pub mod keys;
pub mod layout;
pub mod list;
pub mod note;
pub mod outcomes;
pub mod pace;
pub mod run;
pub mod setup;
pub mod shelf;
pub mod templates;
pub mod theme;
pub mod ui;

#[cfg(test)]
mod tests;
