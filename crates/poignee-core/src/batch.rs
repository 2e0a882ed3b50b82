//! Batch checks: every draft under some paths, linted in parallel, reported
//! in a stable order. Bad files (unreadable, binary, not UTF-8, huge, broken
//! front matter) are reported one by one and never stop the run.

use crate::crossdraft::Record;
use crate::draft::Draft;
pub use crate::input::FileError;
use crate::input::{self, ReadError};
use crate::lint::{Context, Linter, Report};
use crate::target::{Platform, Tier};
use crate::template;
pub use crate::walk::{Input, inputs};
use rayon::prelude::*;

/// Files linted together: enough to keep both cores busy, few enough that
/// memory stays flat whatever the number of files…
const CHUNK: usize = 1024;

/// …and whatever their size: a chunk closes once its files add up to this
/// many bytes (8 files at the 1 MiB cap). A result holds several times its
/// input (the text, the note, the findings): at 64 MiB a chunk, 100 hostile
/// 1 MiB notes peaked at 800 MB, at 8 MiB at 349 MB; drafts of a few hundred
/// bytes still fill a chunk by count.
const CHUNK_BYTES: u64 = 8 * 1024 * 1024;

/// Settings of a run that are not the linter's.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// From the command line: overrides the drafts' own.
    pub platform: Option<Platform>,
    pub tier: Option<Tier>,
    /// From the config: used when neither the command line nor the draft says.
    pub default_platform: Platform,
    pub default_tier: Tier,
    /// Keep what the checks across drafts need ([`Checked::record`]).
    pub cross: bool,
    /// The day it is, for `check`: a front matter whose outcome cannot
    /// have happened by then ([`outcome::impossible`](crate::outcome::impossible))
    /// is an error, placed as a front-matter error is. `None` (the
    /// editor's, `draft`'s): not looked at.
    pub today: Option<jiff::civil::Date>,
}

impl Options {
    /// The platform and tier a draft is checked for: the command line's, else
    /// the draft's, else the config's.
    pub fn platform_tier(&self, draft: &Draft) -> (Platform, Tier) {
        (
            self.platform
                .or(draft.front.platform)
                .unwrap_or(self.default_platform),
            self.tier.or(draft.front.tier).unwrap_or(self.default_tier),
        )
    }
}

/// One file, checked.
#[derive(Debug)]
pub struct Checked {
    /// As given or found (`-` is shown as `<stdin>`).
    pub path: String,
    /// The name's own bytes when it is not UTF-8 (`path` is then lossy).
    pub path_bytes: Option<Vec<u8>>,
    pub outcome: Result<FileReport, FileError>,
    /// For the checks across drafts, when [`Options::cross`] asks.
    pub record: Option<Record>,
}

#[derive(Debug)]
pub struct FileReport {
    /// The file's text (after a BOM).
    pub source: String,
    pub draft: Draft,
    pub platform: Platform,
    pub report: Report,
}

impl FileReport {
    /// A diagnostic's span in file coordinates: byte offsets.
    pub fn file_span(&self, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        self.draft.body_offset + span.start..self.draft.body_offset + span.end
    }
}

/// Checks every input, `CHUNK` at a time in parallel, and hands the results
/// to `sink` in input order.
pub fn check(
    linter: &Linter,
    options: &Options,
    inputs: impl IntoIterator<Item = Input>,
    mut sink: impl FnMut(Checked),
) {
    let mut inputs = inputs.into_iter().peekable();
    while inputs.peek().is_some() {
        let mut chunk: Vec<(Input, Option<Stat>)> = Vec::new();
        let mut bytes = 0;
        while chunk.len() < CHUNK && bytes < CHUNK_BYTES {
            let Some(input) = inputs.next() else { break };
            // A file is stated once: for the chunk's size, then for its read.
            let stat = match &input {
                Input::File(p) => Some(input::stat(p)),
                _ => None,
            };
            bytes += match (&input, &stat) {
                (_, Some(Ok(m))) => m.len().min(input::MAX_BYTES),
                (Input::Stdin(b), _) => b.len() as u64,
                _ => 0,
            };
            chunk.push((input, stat));
        }
        let results: Vec<Checked> = chunk
            .into_par_iter()
            .map(|(input, stat)| check_one(linter, options, input, stat))
            .collect();
        results.into_iter().for_each(&mut sink);
    }
}

/// A file's metadata, or why there is none.
type Stat = Result<std::fs::Metadata, ReadError>;

/// An input that could not be checked, with why.
fn failed(path: String, error: FileError) -> Checked {
    Checked {
        path,
        path_bytes: None,
        outcome: Err(error),
        record: None,
    }
}

fn check_one(linter: &Linter, options: &Options, input: Input, stat: Option<Stat>) -> Checked {
    let mut path_bytes = None;
    let (path, bytes) = match input {
        Input::File(p) => {
            let shown = p.display().to_string();
            if p.to_str().is_none() {
                path_bytes = Some(p.as_os_str().as_encoded_bytes().to_vec());
            }
            let read = match stat {
                Some(Ok(meta)) => input::read_stated(&p, &meta, input::MAX_BYTES),
                Some(Err(e)) => Err(e),
                None => input::read_bytes(&p, input::MAX_BYTES),
            };
            match read.map_err(FileError::Read) {
                Ok(b) => (shown, b),
                Err(e) => {
                    return Checked {
                        path: shown,
                        path_bytes,
                        outcome: Err(e),
                        record: None,
                    };
                }
            }
        }
        Input::Stdin(b) => ("<stdin>".to_string(), b),
        Input::Unwalkable { path, error } => return failed(path, FileError::Unwalkable(error)),
        Input::Unreadable { path, error } => return failed(path, FileError::Read(error)),
        Input::Loop { path, back } => return failed(path, FileError::Loop(back)),
    };
    let outcome = check_bytes(linter, options, bytes);
    let record = match &outcome {
        Ok(r) if options.cross => Some(Record::new(
            &path,
            &r.source,
            &r.draft,
            r.platform,
            options.platform_tier(&r.draft).1,
            true,
        )),
        _ => None,
    };
    Checked {
        path,
        path_bytes,
        outcome,
        record,
    }
}

/// Lints one file's bytes.
pub fn check_bytes(
    linter: &Linter,
    options: &Options,
    bytes: Vec<u8>,
) -> Result<FileReport, FileError> {
    if bytes.len() as u64 > input::MAX_BYTES {
        return Err(FileError::Read(ReadError::TooLarge {
            bytes: bytes.len() as u64,
            limit: input::MAX_BYTES,
        }));
    }
    let source = input::decode(bytes).map_err(FileError::Decode)?;
    let draft = Draft::parse(&source).map_err(FileError::FrontMatter)?;
    if let Some(at) = options
        .today
        .and_then(|today| crate::outcome::impossible(&source, &draft, today))
    {
        return Err(FileError::FrontMatter(at));
    }
    let (platform, tier) = options.platform_tier(&draft);
    let report = if draft.front.placeholders.is_empty() {
        let cx = Context {
            platform,
            tier,
            lang: draft.front.lang,
            target: draft.front.target.as_ref(),
            allow: &draft.front.allow,
        };
        linter.lint(&draft.body, &cx)
    } else {
        // A template: linted with its placeholders standing for their
        // examples, diagnostics placed back on the template's text.
        let values = template::examples(&draft.front);
        let (rendered, mut report) =
            template::lint(linter, &draft.front, &draft.body, &values, platform, tier);
        for d in &mut report.diagnostics {
            d.span = rendered.to_body(&d.span);
        }
        report
    };
    Ok(FileReport {
        source,
        draft,
        platform,
        report,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::DecodeError;

    fn run(bytes: &[u8]) -> Result<FileReport, FileError> {
        check_bytes(&Linter::default(), &Options::default(), bytes.to_vec())
    }

    #[test]
    fn bad_bytes_are_reported_not_panicked() {
        assert_eq!(
            run(b"abc\0def").err(),
            Some(FileError::Decode(DecodeError::Binary))
        );
        assert_eq!(
            run(b"ok\nd\xe9j\xe0").err(),
            Some(FileError::Decode(DecodeError::NotUtf8 {
                line: 2,
                column: 2
            }))
        );
        let big = vec![b'a'; input::MAX_BYTES as usize + 1];
        assert!(matches!(
            run(&big),
            Err(FileError::Read(ReadError::TooLarge { .. }))
        ));
        let e = run(b"+++\nlang = 3\n+++\n").err();
        assert!(
            matches!(e, Some(FileError::FrontMatter(ref at)) if at.line == 2),
            "{e:?}"
        );
    }

    #[test]
    fn front_matter_sets_the_context() {
        let r = run(
            "+++\nplatform = \"viadeo\"\nlang = \"en\"\nallow = [\"no-thanks\"]\n+++\nHi"
                .as_bytes(),
        );
        let r = r.expect("checks");
        assert_eq!(r.platform, Platform::Viadeo);
        assert_eq!(r.report.lang, crate::Lang::En);
        assert!(
            !r.report
                .diagnostics
                .iter()
                .any(|d| d.rule == crate::RuleId::NoThanks)
        );
        assert_eq!(r.report.stats.limit, 300);
    }

    #[test]
    fn walks_folders_in_order_and_honours_ignores() {
        let dir = tempfile::tempdir().expect("tempdir");
        let d = dir.path();
        for f in ["b.md", "a.txt", "skip.md", "c.rs", "sub/d.md"] {
            let p = d.join(f);
            std::fs::create_dir_all(p.parent().unwrap_or(d)).expect("mkdir");
            std::fs::write(&p, "Bonjour").expect("write");
        }
        std::fs::write(d.join(".poigneeignore"), "skip.md\n").expect("write");
        let names: Vec<String> = inputs(&[d.to_path_buf()])
            .filter_map(|i| match i {
                Input::File(p) => p.strip_prefix(d).ok().map(|p| p.display().to_string()),
                _ => None,
            })
            .collect();
        assert_eq!(names, ["a.txt", "b.md", "sub/d.md"]);
    }
}
