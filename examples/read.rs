//! What poignee reads in a note: its cues (reasons, pitches, praise, stock
//! phrases), each with the words that made it. For pattern authors:
//!
//! ```sh
//! cargo run --example read -- en "Hi Sam, we met at RustConf. Thanks!"
//! echo "Bonjour, j'accompagne les PME." | cargo run --example read -- fr
//! ```

use poignee::Lang;
use poignee::reading::Library;
use poignee::text::{Folded, sentences};
use std::io::Read;

fn main() {
    let mut args = std::env::args().skip(1);
    let lang = args
        .next()
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::En);
    let mut texts: Vec<String> = args.collect();
    if texts.is_empty() {
        let mut all = String::new();
        if std::io::stdin().read_to_string(&mut all).is_err() {
            eprintln!("read: standard input is not text");
            std::process::exit(2);
        }
        texts = all.lines().map(str::to_string).collect();
    }
    let library = Library::shipped();
    for text in texts.iter().map(|t| t.replace("\\n", "\n")) {
        let folded = Folded::new(&text);
        let reading = library.read(lang, &text, &folded, &sentences(&text));
        println!("{}", text.replace('\n', " / "));
        for cue in &reading.cues {
            let weak = if cue.weak { " (weak)" } else { "" };
            println!("  {:9} {}{weak}", cue.kind.name(), &text[cue.span.clone()]);
        }
    }
}
