//! The config parser: never panics; a config that parses builds a linter.
//! (The key map is read by the terminal interface, in the binary, out of
//! the library's reach.)
#![no_main]

use libfuzzer_sys::fuzz_target;
use poignee::config::Config;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match Config::parse(text, Path::new("config.toml")) {
        Ok(config) => {
            let _ = config.linter(Path::new("config.toml"));
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
