//! `poignee`: the command line. The work is in the core crate
//! (`poignee-core`) and the faces in this package's library.

fn main() -> std::process::ExitCode {
    poignee_app::cli::main()
}
