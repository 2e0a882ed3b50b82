//! The folders to check, walked: files whatever their name, folders for
//! `.txt` and `.md` (honouring `.gitignore` and `.poigneeignore`, skipping
//! hidden files), `-` for standard input; lazily, in a stable order.

use crate::input::{self, ReadError};
use std::path::{Path, PathBuf};

/// What to check.
#[derive(Debug)]
pub enum Input {
    File(PathBuf),
    /// Standard input, already read.
    Stdin(Vec<u8>),
    /// A path the walk could not enter (a symlink loop, a denied folder).
    Unwalkable {
        path: String,
        error: ReadError,
    },
    /// Standard input that could not be read.
    Unreadable {
        path: String,
        error: ReadError,
    },
    /// A symbolic link loop met by the walk.
    Loop {
        path: String,
        back: String,
    },
}

/// The files to check under `paths`: a file is taken whatever its name, a
/// folder is walked for `.txt` and `.md` files (honouring `.gitignore` and
/// `.poigneeignore`, skipping hidden files), `-` is standard input. Lazily,
/// in a stable order (sorted by name within each folder), so that memory
/// does not grow with the number of files.
pub fn inputs(paths: &[PathBuf]) -> impl Iterator<Item = Input> + use<> {
    // Owned, so that the walk outlives the slice it was given.
    let owned: Vec<PathBuf> = paths.iter().map(PathBuf::clone).collect();
    owned
        .into_iter()
        .flat_map(|path| -> Box<dyn Iterator<Item = Input>> {
            if path.as_os_str() == "-" {
                let input = match input::read_stdin(input::MAX_BYTES) {
                    Ok(buf) => Input::Stdin(buf),
                    Err(e) => Input::Unreadable {
                        path: "<stdin>".into(),
                        error: e,
                    },
                };
                return Box::new(std::iter::once(input));
            }
            if !path.is_dir() {
                return Box::new(std::iter::once(Input::File(path)));
            }
            let walker = walker(&path).sort_by_file_name(|a, b| a.cmp(b)).build();
            Box::new(walker.filter_map(move |entry| match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_draft_name(e.path()) => {
                    Some(Input::File(e.into_path()))
                }
                Ok(_) => None,
                Err(err) => Some(match loop_of(&err) {
                    Some((child, back)) => Input::Loop { path: child, back },
                    None => Input::Unwalkable {
                        path: error_path(&err).unwrap_or_else(|| path.display().to_string()),
                        error: walk_error(&err, None),
                    },
                }),
            }))
        })
}

/// The walk of a folder `check` makes: links followed, `.gitignore` and
/// `.poigneeignore` honoured (in a Git repository or not), hidden files skipped.
fn walker(dir: &Path) -> ignore::WalkBuilder {
    let mut b = ignore::WalkBuilder::new(dir);
    b.follow_links(true)
        .require_git(false)
        .add_custom_ignore_filename(".poigneeignore");
    b
}

/// Whether walking `path`'s folder would take it as a note: a `.txt` or
/// `.md` file, not hidden, not ignored (`.gitignore`, `.poigneeignore`) —
/// what `check` finds on its own, not merely what it reads when named.
/// `mark` writes a file with no front matter only if it is one. Each folder
/// is walked once a process (and again when a file is not found in it).
pub fn would_walk(path: &Path) -> bool {
    use std::collections::HashSet;
    use std::ffi::OsString;
    static WALKED: std::sync::Mutex<Vec<(PathBuf, HashSet<OsString>)>> =
        std::sync::Mutex::new(Vec::new());
    if !is_draft_name(path) {
        return false;
    }
    let Some(name) = path.file_name() else {
        return false;
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let Ok(mut walked) = WALKED.lock() else {
        return notes_in(&dir).contains(name);
    };
    if walked
        .iter()
        .any(|(d, names)| *d == dir && names.contains(name))
    {
        return true;
    }
    let names = notes_in(&dir);
    let found = names.contains(name);
    walked.retain(|(d, _)| *d != dir);
    walked.push((dir, names));
    found
}

/// The names of the notes a walk takes in `dir` itself.
fn notes_in(dir: &Path) -> std::collections::HashSet<std::ffi::OsString> {
    walker(dir)
        .max_depth(Some(1))
        .build()
        .filter_map(Result::ok)
        .filter(|e| e.depth() == 1 && e.file_type().is_some_and(|t| t.is_file()))
        .filter(|e| is_draft_name(e.path()))
        .map(|e| e.file_name().to_os_string())
        .collect()
}

fn is_draft_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("md"))
}

fn error_path(err: &ignore::Error) -> Option<String> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path.display().to_string()),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child.display().to_string()),
        _ => None,
    }
}

fn loop_of(err: &ignore::Error) -> Option<(String, String)> {
    match err {
        ignore::Error::WithPath { err, .. }
        | ignore::Error::WithDepth { err, .. }
        | ignore::Error::WithLineNumber { err, .. } => loop_of(err),
        ignore::Error::Loop { ancestor, child } => {
            Some((child.display().to_string(), ancestor.display().to_string()))
        }
        _ => None,
    }
}

/// Why the walk could not go on, as every other error of the system is
/// said (a denied folder, a link to nothing, links in a loop).
fn walk_error(err: &ignore::Error, at: Option<&Path>) -> ReadError {
    match err {
        ignore::Error::WithPath { path, err } => walk_error(err, Some(path)),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(err, at)
        }
        ignore::Error::Io(e) => match at {
            Some(path) => ReadError::from_io_at(e, path),
            None => ReadError::from_io(e),
        },
        ignore::Error::Loop { .. } => ReadError::Loop,
        other => ReadError::Os {
            code: None,
            text: other.to_string(),
        },
    }
}
