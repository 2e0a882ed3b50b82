//! Marking a note: its text ([`mark`]), or its file ([`mark_file`]), read,
//! locked and written back in place; and why a note is not marked
//! ([`MarkError`]).

use super::edit::edit;
use super::{Mark, Plan, Refusal, plan};
use crate::draft::{Draft, Fences};
use crate::fsutil::OverError;
use crate::input::{self, DecodeError, ReadError};
use crate::lang::{Localize, Localized};
use crate::located::Located;
use crate::walk::would_walk;
use jiff::civil::Date;
use std::path::Path;

/// A note marked: what the plan was, and the new text of the file (without
/// its BOM), `None` when nothing changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marked {
    pub plan: Plan,
    pub text: Option<String>,
}

/// Why a note was not marked. Nothing is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkError {
    /// The file does not read.
    Read(ReadError),
    /// Its bytes are not a text poignee reads.
    Decode(DecodeError),
    /// Its front matter does not parse (line, column).
    Parse(Located),
    Refused(Refusal),
    /// The front matter is written in a way the edit cannot follow without
    /// touching other lines (a key written twice over, an inline table…).
    Uneditable,
    /// The file is read-only: the user meant it to stay as it is.
    ReadOnly,
    /// Marked, it would pass the size `check` reads ([`input::MAX_BYTES`]),
    /// and be refused by every command after.
    TooLarge,
    /// Not a draft: no front matter, and not a note `check` would walk (a
    /// CSV, a README, the config, a shell file in the drafts folder).
    NotADraft,
    /// The file has this many names (hard links): rewriting it would leave
    /// the others with the old text.
    HardLinks(u64),
    /// Another user's file: rewriting it would make it the runner's.
    Owner {
        uid: u32,
        gid: u32,
    },
    /// Writing failed (the file is as it was).
    Write(ReadError),
    /// Another poignee kept marking this draft for all of
    /// [`crate::fsutil::LOCK_WAIT`].
    Busy,
    /// Where the draft's lock file goes is a link or a folder.
    NotALockFile(std::path::PathBuf),
}

impl MarkError {
    /// The message, in both languages; a parse error's without its place
    /// (see [`MarkError::place`]). Not [`Localize`]: it names the mark
    /// asked for (`then accepted`), which the caller holds, not the error.
    pub fn message(&self, mark: Mark) -> Localized {
        match self {
            MarkError::Read(e) => e.message(),
            MarkError::Write(e) => {
                let m = e.message();
                Localized::new(
                    format!("{} : le fichier est resté tel quel", m.fr),
                    format!("{}: the file is as it was", m.en),
                )
            }
            MarkError::Decode(e) => e.message(),
            MarkError::Parse(at) => at.message(),
            MarkError::Refused(r) => r.message(mark),
            MarkError::Uneditable => Localized::new(
                format!(
                    "l’en-tête ne se modifie pas sans toucher à d’autres lignes : rien n’est écrit ; écrivez `status = \"{0}\"` et `{1} = AAAA-MM-JJ` à la main",
                    mark.name(),
                    mark.key()
                ),
                format!(
                    "the front matter cannot be edited without touching other lines: nothing written; write `status = \"{0}\"` and `{1} = YYYY-MM-DD` by hand",
                    mark.name(),
                    mark.key()
                ),
            ),
            MarkError::Busy => Localized::new(
                format!(
                    "un autre poignee marque ce brouillon depuis {} s : rien n’est écrit, réessayez",
                    crate::fsutil::LOCK_WAIT.as_secs()
                ),
                format!(
                    "another poignee has been marking this draft for {} s: nothing written, try again",
                    crate::fsutil::LOCK_WAIT.as_secs()
                ),
            ),
            MarkError::NotALockFile(p) => {
                let p = crate::text::terminal_line(&p.display().to_string()).into_owned();
                Localized::new(
                    format!(
                        "{p} n’est pas le verrou de poignee (un lien ou un dossier) : retirez-le ; rien n’est écrit"
                    ),
                    format!(
                        "{p} is not poignee's lock file (a link or a folder): remove it; nothing written"
                    ),
                )
            }
            MarkError::ReadOnly => Localized::new(
                "le fichier est en lecture seule : rien n’est écrit",
                "the file is read-only: nothing written",
            ),
            MarkError::TooLarge => Localized::new(
                "marqué, le brouillon dépasserait 1 Mio, la taille que `check` lit : rien n’est écrit",
                "marked, the draft would pass 1 MiB, the size `check` reads: nothing written",
            ),
            MarkError::NotADraft => Localized::new(
                "ce n’est pas un brouillon : pas d’en-tête `+++`, et pas une note `.txt` ou `.md` que `check` trouverait dans son dossier (un README, un fichier caché ou ignoré n’en est pas une) ; rien n’est écrit",
                "not a draft: no `+++` front matter, and not a `.txt` or `.md` note `check` would find in its folder (a README, a hidden or ignored file is not one); nothing written",
            ),
            MarkError::HardLinks(n) => Localized::new(
                format!(
                    "le fichier a {n} noms (liens physiques) : le réécrire laisserait l’ancien texte sous les autres ; rien n’est écrit — écrivez `status = \"{0}\"` et `{1} = AAAA-MM-JJ` à la main, ou faites des autres noms des copies",
                    mark.name(),
                    mark.key()
                ),
                format!(
                    "the file has {n} names (hard links): rewriting it would leave the old text under the others; nothing written — write `status = \"{0}\"` and `{1} = YYYY-MM-DD` by hand, or make the other names copies",
                    mark.name(),
                    mark.key()
                ),
            ),
            MarkError::Owner { uid, gid } => Localized::new(
                format!(
                    "le fichier appartient à un autre utilisateur (uid {uid}, gid {gid}) : le réécrire vous le donnerait ; rien n’est écrit"
                ),
                format!(
                    "the file belongs to another user (uid {uid}, gid {gid}): rewriting it would make it yours; nothing written"
                ),
            ),
        }
    }

    /// Line and column, where the error has one.
    pub fn place(&self) -> Option<(usize, usize)> {
        match self {
            MarkError::Parse(at) => Some((at.line, at.column)),
            MarkError::Decode(DecodeError::NotUtf8 { line, column }) => Some((*line, *column)),
            _ => None,
        }
    }
}

/// Marks a draft's text (without its BOM).
pub fn mark(source: &str, mark: Mark, date: Date, explicit: bool) -> Result<Marked, MarkError> {
    let draft = Draft::parse(source).map_err(MarkError::Parse)?;
    let plan = plan(&draft.front, mark, date, explicit).map_err(MarkError::Refused)?;
    if plan.unchanged() {
        return Ok(Marked { plan, text: None });
    }
    let text = edit(source, &draft, &plan).ok_or(MarkError::Uneditable)?;
    Ok(Marked {
        plan,
        text: Some(text),
    })
}

/// Marks the draft at `path` and writes it back atomically (a temporary
/// file beside it, synced, renamed over it), through a symbolic link to the
/// file it points at, keeping its permissions and owner
/// ([`fsutil::write_over`](crate::fsutil::write_over)). A BOM stays.
///
/// Only a draft is written: a file with front matter, or a note `check`
/// would walk ([`would_walk`](crate::walk::would_walk): a `.txt` or `.md`
/// file, not hidden, not ignored; for a link, its target too). A file with
/// other hard links is refused rather than split from them.
pub fn mark_file(path: &Path, how: Mark, date: Date, explicit: bool) -> Result<Marked, MarkError> {
    // First without the lock: what is not a draft, or needs no change, is
    // said without making anything beside it.
    let (first, _, meta) = read_and_mark(path, how, date, explicit)?;
    if first.text.is_none() {
        return Ok(first);
    }
    if meta.permissions().readonly() {
        return Err(MarkError::ReadOnly);
    }
    // Then under it, read again: another `mark` (a terminal, the editor)
    // may have written since, and its answer is what this one changes.
    let _lock = crate::fsutil::Lock::beside(path).map_err(|e| match e {
        crate::fsutil::LockError::Busy => MarkError::Busy,
        crate::fsutil::LockError::NotALockFile(p) => MarkError::NotALockFile(p),
        crate::fsutil::LockError::Io(e) => MarkError::Write(ReadError::from_io(&e)),
    })?;
    let (marked, bom, meta) = read_and_mark(path, how, date, explicit)?;
    let Some(text) = &marked.text else {
        return Ok(marked);
    };
    if meta.permissions().readonly() {
        return Err(MarkError::ReadOnly);
    }
    let mut out = Vec::with_capacity(text.len() + 3);
    if bom {
        out.extend_from_slice("\u{feff}".as_bytes());
    }
    out.extend_from_slice(text.as_bytes());
    // What is written reads back: never past the size every command reads.
    if out.len() as u64 > input::MAX_BYTES {
        return Err(MarkError::TooLarge);
    }
    crate::fsutil::write_over(path, &out).map_err(|e| match e {
        OverError::HardLinks(n) => MarkError::HardLinks(n),
        OverError::Owner { uid, gid } => MarkError::Owner { uid, gid },
        OverError::Io(e) => MarkError::Write(ReadError::from_io(&e)),
    })?;
    Ok(marked)
}

/// Reads a draft and plans its mark: the plan, whether it starts with a
/// BOM, and the file's metadata.
fn read_and_mark(
    path: &Path,
    how: Mark,
    date: Date,
    explicit: bool,
) -> Result<(Marked, bool, std::fs::Metadata), MarkError> {
    // A link is shown with where it points (`a.md → /b.md: no such file`).
    let meta = input::stat(path).map_err(|e| match e {
        ReadError::Dangling(_) => MarkError::Read(ReadError::NotFound),
        e => MarkError::Read(e),
    })?;
    let bytes = input::read_stated(path, &meta, input::MAX_BYTES).map_err(MarkError::Read)?;
    let bom = bytes.starts_with("\u{feff}".as_bytes());
    let source = match input::decode(bytes) {
        Ok(source) => source,
        Err(e) if is_note(path) => return Err(MarkError::Decode(e)),
        Err(_) => return Err(MarkError::NotADraft),
    };
    // A `+++` first line claims a front matter (a bad one is a parse error).
    if matches!(Fences::of(&source), Ok(None)) && !is_note(path) {
        return Err(MarkError::NotADraft);
    }
    let marked = mark(&source, how, date, explicit)?;
    Ok((marked, bom, meta))
}

/// A note `check` would walk, and not a folder's documentation (a
/// `README.md` is walked, but nobody writes an invitation in one); for a
/// symbolic link, its target too (a link named `x.md` to `~/.bashrc` is
/// not a note).
fn is_note(path: &Path) -> bool {
    let one = |p: &Path| would_walk(p) && !is_documentation(p);
    if !one(path) {
        return false;
    }
    let linked = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    !linked || std::fs::canonicalize(path).is_ok_and(|real| one(&real))
}

/// `README.md`, `LICENSE.txt`, `CHANGELOG.md`…: the files that describe a
/// folder, whatever their case.
fn is_documentation(path: &Path) -> bool {
    const NAMES: [&str; 10] = [
        "readme",
        "license",
        "licence",
        "copying",
        "changelog",
        "changes",
        "contributing",
        "authors",
        "security",
        "code_of_conduct",
    ];
    path.file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| NAMES.iter().any(|n| s.eq_ignore_ascii_case(n)))
}
