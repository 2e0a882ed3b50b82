//! poignee's two faces over the core ([`poignee`]): the command line
//! ([`cli`]) and the terminal interface ([`tui`]). The binary (`main.rs`)
//! only calls [`cli::main`].

pub mod cli;
pub mod tui;
