//! The reporters (human, short, github, json) on any file name and any
//! bytes: no control or bidi character of them reaches the output, `short`
//! and `github` keep one line a finding, and `json` stays valid. The CSV
//! writer (`audience --people`, `stats`) too, on the same bytes cut into
//! cells: only a cell's line breaks and tabs get through, a cell Excel would
//! run gets a leading `'`, and each cell changed is counted.
//!
//! Input: the first byte is the length of the name, the name's bytes
//! follow (read as a path is shown, lossily), the rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use poignee::batch::{self, Checked, Options};
use poignee::lang::Lang;
use poignee::report::{CsvOut, Format, Reporter};
use poignee::{Linter, Platform};
use std::sync::LazyLock;

static LINTER: LazyLock<Linter> = LazyLock::new(Linter::default);

/// A character a terminal acts on: a C0 control (a line break aside), DEL,
/// a C1 control, a bidi control.
fn acted_on(c: char) -> bool {
    matches!(c as u32, 0x00..=0x09 | 0x0b..=0x1f | 0x7f..=0x9f | 0x061c | 0x200e | 0x200f)
        || matches!(c as u32, 0x202a..=0x202e | 0x2066..=0x2069)
}

/// The CSV writer on `contents` cut into rows (at `\n`) and cells (at `,`,
/// `;` or a tab, as a sheet is), lossily decoded.
fn csv(contents: &[u8], delimiter: u8) {
    let text = String::from_utf8_lossy(contents);
    let mut w = CsvOut::new(delimiter);
    let mut cells = 0;
    let mut changed = 0;
    for row in text.split('\n') {
        let fields: Vec<&str> = row.split([',', ';', '\t']).collect();
        cells += fields.len();
        changed += fields
            .iter()
            .filter(|f| f.chars().any(poignee::text::is_unsafe_for_terminal))
            .filter(|f| poignee::text::csv_cell(f) != **f)
            .count();
        let guarded = w.guarded;
        let line = w.line(&fields).expect("a line in memory");
        let line = String::from_utf8(line).expect("the CSV writer writes UTF-8");
        // No cell of the line starts what a spreadsheet runs, but a number.
        let formulas = fields
            .iter()
            .filter(|f| poignee::report::is_formula(&poignee::text::csv_cell(f)))
            .count();
        assert_eq!(w.guarded - guarded, formulas, "every formula guarded: {line:?}");
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            let kept = c == '\n' || c == '\t' || (c == '\r' && chars.peek() == Some(&'\n'));
            if acted_on(c) && !kept {
                panic!("U+{:04X} reaches the CSV:\n{line:?}", c as u32);
            }
        }
    }
    assert!(w.escaped <= cells);
    assert_eq!(w.escaped, changed, "every cell changed is counted");
    assert_eq!(w.notices().is_empty(), changed == 0 && w.guarded == 0);
}

fn render(format: Format, lang: Lang, checked: &Checked) -> String {
    let mut out = Vec::new();
    let mut reporter = Reporter::to(format, lang, false, &mut out);
    reporter.file(checked);
    reporter.finish();
    String::from_utf8(out).expect("the reporters write UTF-8")
}

fuzz_target!(|data: &[u8]| {
    let Some((&n, rest)) = data.split_first() else {
        return;
    };
    let n = (n as usize).min(rest.len());
    let (name, contents) = rest.split_at(n);
    let options = Options {
        platform: Some(Platform::Linkedin),
        ..Options::default()
    };
    let checked = Checked {
        path: String::from_utf8_lossy(name).into_owned(),
        path_bytes: std::str::from_utf8(name).is_err().then(|| name.to_vec()),
        outcome: batch::check_bytes(&LINTER, &options, contents.to_vec()),
        record: None,
    };
    let findings = match &checked.outcome {
        Ok(r) => r.report.diagnostics.len(),
        Err(_) => 1,
    };
    csv(contents, [b',', b';', b'\t'][n % 3]);
    let lang = if n % 2 == 0 { Lang::Fr } else { Lang::En };
    for format in [Format::Human, Format::Short, Format::Github, Format::Json] {
        let out = render(format, lang, &checked);
        if let Some(c) = out.chars().find(|&c| acted_on(c)) {
            panic!("U+{:04X} reaches the output:\n{out:?}", c as u32);
        }
        let lines = out.matches('\n').count();
        match format {
            // A line a finding, and the summary line.
            Format::Short => assert_eq!(lines, findings + 1, "{out:?}"),
            Format::Github => assert_eq!(lines, findings, "{out:?}"),
            Format::Json => {
                let v: serde_json::Value =
                    serde_json::from_str(&out).expect("the JSON report parses");
                assert_eq!(v["files"][0]["path"].as_str(), Some(checked.path.as_str()));
            }
            Format::Human => {}
        }
    }
});
