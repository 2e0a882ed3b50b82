//! `poignee`: the command line. The work is in the library; this file only
//! parses arguments, loads the config and maps outcomes to exit codes.

mod cli;
mod tui;

fn main() -> std::process::ExitCode {
    cli::main()
}
