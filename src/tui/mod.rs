//! The terminal interface: `poignee` with no arguments. [`app`] holds the
//! state and its `update`, [`ui`] draws it, [`run`] owns the terminal.

pub mod app;
pub mod editor;
pub mod keys;
pub mod run;
pub mod ui;

#[cfg(test)]
mod tests;
