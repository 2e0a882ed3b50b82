//! The config parser: never panics; a config that parses builds a linter
//! and a key map.
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
            let _ = config.keymap();
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});
