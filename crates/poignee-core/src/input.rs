//! Reading the user's files, in one place: what may be opened (regular
//! files, and the pipes of a shell's process substitution), how much of it
//! (a bound for every input), and how its bytes become text (UTF-8, one BOM
//! taken off; UTF-16 and binary named as such; Windows-1252 accepted where a
//! spreadsheet may have written it).

use crate::lang::{Localize, Localized, Text};
use crate::located::Located;
use std::io::Read;
use std::path::Path;

/// A note, a draft, a template or a config larger than this is not one.
pub const MAX_BYTES: u64 = 1024 * 1024;

/// A list of people (CSV) may be longer than a note, not without bound.
pub const MAX_LIST_BYTES: u64 = 16 * 1024 * 1024;

/// A row of any CSV read (a list of people, an export's table): the CSV
/// reader keeps a row whole in memory, so one 300 MB field once took 3.7 GB.
pub const MAX_ROW_BYTES: u64 = 1024 * 1024;

/// Why a file could not be read (or written: the same causes, named the same way).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    Denied,
    Folder,
    /// A folder was expected (`templates_dir`, `drafts_dir`, `--out`).
    NotAFolder,
    /// A FIFO, a device or a socket: reading it could block for ever or
    /// never end.
    NotRegular(&'static str),
    /// At least this many bytes, over `limit`.
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// No space left (or the quota reached).
    Full,
    ReadOnly,
    /// Symbolic links that lead back to one another (ELOOP).
    Loop,
    /// A symbolic link to nothing: what it points to.
    Dangling(String),
    /// Another failure the system names, said in both languages.
    System(Text),
    /// A failure poignee has no sentence for: the system's number, and its
    /// words (English) for an English user.
    Os {
        code: Option<i32>,
        text: String,
    },
}

/// The errno values poignee names that `std::io::ErrorKind` does not (or
/// not on the oldest Rust it builds with).
mod errno {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    pub const ELOOP: i32 = 40;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    pub const ELOOP: i32 = 62;
    pub const EIO: i32 = 5;
    pub const ENFILE: i32 = 23;
    pub const EMFILE: i32 = 24;
    #[cfg(any(target_os = "linux", target_os = "android"))]
    pub const ENAMETOOLONG: i32 = 36;
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    pub const ENAMETOOLONG: i32 = 63;
}

/// Why bytes are not a text poignee reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    Binary,
    Utf16,
    NotUtf8 { line: usize, column: usize },
}

impl Localize for ReadError {
    fn message(&self) -> Localized {
        match self {
            ReadError::NotFound => Localized::new("fichier introuvable", "no such file"),
            ReadError::Denied => Localized::new("accès refusé", "permission denied"),
            ReadError::Folder => Localized::new("c’est un dossier", "is a folder"),
            ReadError::NotAFolder => Localized::new("ce n’est pas un dossier", "is not a folder"),
            ReadError::NotRegular(kind) => {
                let (fr, en) = match *kind {
                    "fifo" => ("un tube nommé (FIFO)", "a named pipe (FIFO)"),
                    "socket" => ("une socket", "a socket"),
                    _ => ("un périphérique", "a device"),
                };
                Localized::new(
                    format!(
                        "{fr}, pas un fichier : poignee ne lit que des fichiers ordinaires (ou `-` pour l’entrée standard)"
                    ),
                    format!(
                        "{en}, not a file: poignee reads regular files only (or `-` for standard input)"
                    ),
                )
            }
            ReadError::TooLarge { bytes, limit } => {
                let (size, most) = (bytes.div_ceil(1024), limit / 1024);
                let (most_fr, most_en) = if most >= 1024 && most % 1024 == 0 {
                    (
                        format!("{} Mio", most / 1024),
                        format!("{} MiB", most / 1024),
                    )
                } else {
                    (format!("{most} Kio"), format!("{most} KiB"))
                };
                Localized::new(
                    format!(
                        "trop gros ({} Kio ou plus ; {most_fr} au plus)",
                        group(size)
                    ),
                    format!("too large ({size} KiB or more; {most_en} at most)"),
                )
            }
            ReadError::Loop => Localized::new(
                "liens symboliques en boucle : l’un mène à l’autre sans jamais arriver à un fichier",
                "symbolic links in a loop: each leads to another, never to a file",
            ),
            ReadError::Dangling(to) => Localized::new(
                format!("lien symbolique vers {to}, qui n’existe pas"),
                format!("symbolic link to {to}, which does not exist"),
            ),
            ReadError::System(text) => Localized::new(text.fr, text.en),
            ReadError::Os { code, text } => Localized::new(
                match code {
                    Some(n) => format!("erreur du système (code {n})"),
                    None => "erreur du système".to_string(),
                },
                text.clone(),
            ),
            ReadError::Full => Localized::new("le disque est plein", "the disk is full"),
            ReadError::ReadOnly => Localized::new(
                "système de fichiers en lecture seule",
                "read-only file system",
            ),
        }
    }
}

impl ReadError {
    /// The system's error as a sentence in each language: every error of
    /// the system poignee prints goes through here (the caller names the
    /// file). A temporary file's name, which tempfile adds, is never shown.
    pub fn from_io(e: &std::io::Error) -> ReadError {
        use std::io::ErrorKind as K;
        // An error that wraps the system's (tempfile's, with a temporary
        // file's path; the walk's): the system's is the one to name.
        if e.raw_os_error().is_none() {
            let mut inner: Option<&(dyn std::error::Error + 'static)> =
                e.get_ref().map(|i| i as &(dyn std::error::Error + 'static));
            while let Some(i) = inner {
                if let Some(io) = i.downcast_ref::<std::io::Error>() {
                    if io.raw_os_error().is_some() {
                        return ReadError::from_io(io);
                    }
                }
                inner = i.source();
            }
        }
        let said = |fr, en| ReadError::System(Text::new(fr, en));
        match (e.kind(), e.raw_os_error()) {
            (_, Some(errno::ELOOP)) => ReadError::Loop,
            (K::NotFound, _) => ReadError::NotFound,
            (K::PermissionDenied, _) => ReadError::Denied,
            (K::StorageFull | K::QuotaExceeded, _) => ReadError::Full,
            (K::ReadOnlyFilesystem, _) => ReadError::ReadOnly,
            (K::IsADirectory, _) => ReadError::Folder,
            (K::NotADirectory, _) => ReadError::NotAFolder,
            (K::AlreadyExists, _) => said("existe déjà", "already exists"),
            (K::InvalidFilename, _) | (_, Some(errno::ENAMETOOLONG)) => said(
                "nom de fichier trop long ou invalide",
                "file name too long or invalid",
            ),
            (K::FileTooLarge, _) => said(
                "fichier trop gros pour le système de fichiers",
                "file too large for the file system",
            ),
            (K::DirectoryNotEmpty, _) => said("dossier non vide", "folder not empty"),
            (K::ResourceBusy | K::ExecutableFileBusy, _) => said(
                "occupé : un autre programme s’en sert",
                "busy: another program is using it",
            ),
            (K::CrossesDevices, _) => {
                said("sur un autre système de fichiers", "on another file system")
            }
            (K::TooManyLinks, _) => said("trop de liens", "too many links"),
            (K::StaleNetworkFileHandle, _) => said(
                "fichier réseau qui n’est plus disponible",
                "network file no longer available",
            ),
            (K::UnexpectedEof, _) => said("fin de fichier inattendue", "unexpected end of file"),
            (K::Interrupted, _) => said("lecture interrompue", "interrupted"),
            (K::TimedOut, _) => said("délai dépassé", "timed out"),
            (K::OutOfMemory, _) => said("mémoire insuffisante", "out of memory"),
            (K::Unsupported, _) => said(
                "opération que ce système ne permet pas",
                "operation not supported here",
            ),
            (K::BrokenPipe, _) => said(
                "le programme qui lisait s’est arrêté",
                "the reading program went away",
            ),
            (_, Some(errno::EIO)) => said(
                "erreur d’entrée-sortie : le disque ou le support ne répond pas bien",
                "input/output error: the disk or the medium is failing",
            ),
            (_, Some(errno::EMFILE | errno::ENFILE)) => {
                said("trop de fichiers ouverts", "too many open files")
            }
            _ => {
                let text = e.to_string();
                let cut = text.find(" at path ").unwrap_or(text.len());
                ReadError::Os {
                    code: e.raw_os_error(),
                    text: text[..cut].to_string(),
                }
            }
        }
    }

    /// [`ReadError::from_io`] of an error met at `path`: a file not found
    /// that is a symbolic link is a link to nothing, and says where it points.
    pub fn from_io_at(e: &std::io::Error, path: &Path) -> ReadError {
        match ReadError::from_io(e) {
            ReadError::NotFound => match std::fs::read_link(path) {
                Ok(to) => ReadError::Dangling(to.display().to_string()),
                Err(_) => ReadError::NotFound,
            },
            other => other,
        }
    }
}

impl Localize for DecodeError {
    fn message(&self) -> Localized {
        match self {
            DecodeError::Binary => {
                Localized::new("fichier binaire, pas un texte", "binary file, not text")
            }
            DecodeError::Utf16 => Localized::new(
                "encodé en UTF-16 : enregistrez-le en UTF-8",
                "encoded as UTF-16: save it as UTF-8",
            ),
            DecodeError::NotUtf8 { line, column } => Localized::new(
                format!(
                    "pas en UTF-8 (octet invalide ligne {line}, colonne {column}) : enregistrez-le en UTF-8"
                ),
                format!(
                    "not UTF-8 (invalid byte at line {line}, column {column}): save it as UTF-8"
                ),
            ),
        }
    }
}

impl DecodeError {
    /// Where in the file the error is, when known.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            DecodeError::NotUtf8 { line, column } => Some((*line, *column)),
            _ => None,
        }
    }
}

/// Why a file was not checked: unreadable, not text, broken front matter,
/// or not reached by the walk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileError {
    Read(ReadError),
    Decode(DecodeError),
    FrontMatter(Located),
    Unwalkable(ReadError),
    /// A symbolic link back to a folder above it: skipped, the run goes on
    /// (and does not fail for it).
    Loop(String),
}

impl Localize for FileError {
    fn message(&self) -> Localized {
        match self {
            FileError::Read(e) => e.message(),
            FileError::Decode(e) => e.message(),
            FileError::FrontMatter(at) => Localized::new(
                format!("en-tête invalide : {}", at.what(crate::Lang::Fr)),
                format!("invalid front matter: {}", at.what(crate::Lang::En)),
            ),
            FileError::Unwalkable(e) => {
                let m = e.message();
                Localized::new(
                    format!("inaccessible : {}", m.fr),
                    format!("cannot be walked: {}", m.en),
                )
            }
            FileError::Loop(back) => Localized::new(
                format!("lien symbolique en boucle (vers {back}) : ignoré"),
                format!("symbolic link loop (back to {back}): skipped"),
            ),
        }
    }
}

impl FileError {
    /// Where in the file the error is, when known.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            FileError::Decode(e) => e.position(),
            FileError::FrontMatter(at) => Some((at.line, at.column)),
            _ => None,
        }
    }
}

/// 1024 as « 1 024 », the French way (a narrow no-break space).
fn group(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + 4);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push('\u{202f}');
        }
        out.push(c);
    }
    out
}

/// The bytes of the file at `path`, at most `limit` of them. A FIFO, a device
/// or a socket is refused before it is opened (opening a FIFO blocks until a
/// writer comes), except the pipes a shell hands over for `<(…)`, which are
/// read as they come.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_stated(path, &stat(path)?, limit)
}

/// What the file system says of `path` (following links), without opening it.
pub fn stat(path: &Path) -> Result<std::fs::Metadata, ReadError> {
    std::fs::metadata(path).map_err(|e| ReadError::from_io_at(&e, path))
}

/// [`read_bytes`] of a file already [`stat`]ed: a batch that needed the
/// size first does not ask the file system twice.
pub fn read_stated(
    path: &Path,
    meta: &std::fs::Metadata,
    limit: u64,
) -> Result<Vec<u8>, ReadError> {
    openable(path, meta)?;
    if meta.is_file() && meta.len() > limit {
        return Err(ReadError::TooLarge {
            bytes: meta.len(),
            limit,
        });
    }
    let file = std::fs::File::open(path).map_err(|e| ReadError::from_io_at(&e, path))?;
    read_bounded(file, limit, meta.len())
}

/// Whether the file at `path`, as [`stat`] saw it, may be opened: a
/// regular file, or the pipe a shell hands over for `<(…)`. A folder, a
/// FIFO, a device or a socket is refused before it is opened (opening a
/// FIFO blocks until a writer comes). For a reader that streams a file of
/// any length (`audience --people`), without [`read_stated`]'s bound.
pub fn openable(path: &Path, meta: &std::fs::Metadata) -> Result<(), ReadError> {
    if meta.is_dir() {
        return Err(ReadError::Folder);
    }
    if !meta.is_file() && !is_process_substitution(path) {
        return Err(ReadError::NotRegular(kind(meta)));
    }
    Ok(())
}

/// Standard input, at most `limit` bytes.
pub fn read_stdin(limit: u64) -> Result<Vec<u8>, ReadError> {
    read_bounded(std::io::stdin().lock(), limit, 0)
}

/// Reads one byte past `limit`, in case the file grew since its metadata or
/// has no size (a pipe).
fn read_bounded(reader: impl Read, limit: u64, hint: u64) -> Result<Vec<u8>, ReadError> {
    let mut bytes = Vec::with_capacity(hint.min(limit) as usize);
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::from_io(&e))?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            bytes: bytes.len() as u64,
            limit,
        });
    }
    Ok(bytes)
}

/// `/dev/fd/N` and `/proc/self/fd/N`: what `<(…)` expands to.
fn is_process_substitution(path: &Path) -> bool {
    let s = path.as_os_str().as_encoded_bytes();
    s.starts_with(b"/dev/fd/") || s.starts_with(b"/proc/self/fd/")
}

#[cfg(unix)]
fn kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_fifo() {
        "fifo"
    } else if t.is_socket() {
        "socket"
    } else {
        "device"
    }
}

#[cfg(not(unix))]
fn kind(_: &std::fs::Metadata) -> &'static str {
    "device"
}

/// The text of a file's bytes: UTF-8 without its BOM. Every reader of notes,
/// drafts, templates and configs goes through here, so a BOM is taken off
/// once, and only one.
pub fn decode(bytes: Vec<u8>) -> Result<String, DecodeError> {
    decode_or(bytes, |e| {
        let valid = e.utf8_error().valid_up_to();
        let prefix = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let prefix = prefix.strip_prefix('\u{feff}').unwrap_or(&prefix);
        let (line, column) = crate::text::line_col(prefix, prefix.len());
        Err(DecodeError::NotUtf8 { line, column })
    })
}

/// UTF-16 and binary refused, UTF-8 taken without its BOM; bytes that are
/// not UTF-8 go to `otherwise`.
fn decode_or(
    bytes: Vec<u8>,
    otherwise: impl FnOnce(std::string::FromUtf8Error) -> Result<String, DecodeError>,
) -> Result<String, DecodeError> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) || looks_utf16(&bytes) {
        return Err(DecodeError::Utf16);
    }
    if bytes.contains(&0) {
        return Err(DecodeError::Binary);
    }
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => return otherwise(e),
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// UTF-16 without a BOM: ASCII text with a zero byte beside every character.
fn looks_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64) & !1];
    head.len() >= 4 && {
        let zeros_even = head.iter().step_by(2).filter(|&&b| b == 0).count();
        let zeros_odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
        let half = head.len() / 2;
        (zeros_even == half && zeros_odd == 0) || (zeros_odd == half && zeros_even == 0)
    }
}

/// A spreadsheet's export: UTF-8 when it is, else Windows-1252 (what Excel
/// writes for « CSV » on a French Windows). UTF-16 and binary are still refused.
pub fn decode_spreadsheet(bytes: Vec<u8>) -> Result<String, DecodeError> {
    decode_or(bytes, |e| {
        let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(e.as_bytes());
        Ok(text.into_owned())
    })
}

/// The bytes of `path` as text ([`read_bytes`] then [`decode`]).
pub fn read_text(path: &Path, limit: u64) -> Result<String, InputError> {
    let bytes = read_bytes(path, limit).map_err(InputError::Read)?;
    decode(bytes).map_err(InputError::Decode)
}

/// Either way a file can fail to become text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    Read(ReadError),
    Decode(DecodeError),
}

impl Localize for InputError {
    fn message(&self) -> Localized {
        match self {
            InputError::Read(e) => e.message(),
            InputError::Decode(e) => e.message(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every error of the system is a sentence in each language, none the
    /// system's English words nor a temporary file's path (issue 21, item 11).
    #[cfg(unix)]
    #[test]
    fn system_errors_are_sentences_in_both_languages() {
        use std::io::Error;
        let cases = [
            (
                Error::from_raw_os_error(errno::ELOOP),
                "liens symboliques en boucle",
            ),
            (Error::from_raw_os_error(13), "accès refusé"), // EACCES
            (Error::from_raw_os_error(1), "accès refusé"),  // EPERM
            (Error::from_raw_os_error(28), "le disque est plein"), // ENOSPC
            (Error::from_raw_os_error(30), "lecture seule"), // EROFS
            (Error::from_raw_os_error(2), "fichier introuvable"), // ENOENT
            (
                Error::from_raw_os_error(errno::EIO),
                "erreur d’entrée-sortie",
            ),
            (Error::from_raw_os_error(errno::ENAMETOOLONG), "trop long"),
        ];
        for (e, fr) in cases {
            let m = ReadError::from_io(&e).message();
            assert!(m.get(crate::Lang::Fr).contains(fr), "{e}: {}", m.fr);
            assert!(!m.en.contains("os error"), "{e}: {}", m.en);
        }
        // tempfile's error names the temporary file: the disk is full, said
        // as such, without the path.
        let dir = tempfile::tempdir().expect("tempdir");
        let wrapped = Error::other(Wrapped(
            Error::from_raw_os_error(28),
            dir.path().join(".poignee-x.tmp"),
        ));
        assert_eq!(ReadError::from_io(&wrapped), ReadError::Full);
        // A link to nothing says where it points.
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink("gone.md", &link).expect("symlink");
        assert_eq!(
            stat(&link).err(),
            Some(ReadError::Dangling("gone.md".into()))
        );
        // What poignee has no sentence for: its number, not English, in French.
        let other = ReadError::from_io(&Error::from_raw_os_error(71)); // EPROTO
        assert!(
            other
                .message()
                .fr
                .starts_with("erreur du système (code 71)")
        );
    }

    #[derive(Debug)]
    struct Wrapped(std::io::Error, std::path::PathBuf);

    impl std::fmt::Display for Wrapped {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "{} at path {:?}", self.0, self.1)
        }
    }

    impl std::error::Error for Wrapped {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            Some(&self.0)
        }
    }

    #[test]
    fn one_bom_is_taken_off_and_only_one() {
        assert_eq!(decode(b"\xef\xbb\xbfHi".to_vec()), Ok("Hi".into()));
        assert_eq!(
            decode(b"\xef\xbb\xbf\xef\xbb\xbfHi".to_vec()),
            Ok("\u{feff}Hi".into())
        );
    }

    #[test]
    fn utf16_binary_and_bad_bytes_are_named() {
        let utf16: Vec<u8> = "\u{feff}Bonjour"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(decode(utf16.clone()), Err(DecodeError::Utf16));
        assert_eq!(decode(utf16[2..].to_vec()), Err(DecodeError::Utf16));
        assert_eq!(decode(b"ab\0cd".to_vec()), Err(DecodeError::Binary));
        assert_eq!(
            decode(b"\xef\xbb\xbfok\nd\xe9j\xe0".to_vec()),
            Err(DecodeError::NotUtf8 { line: 2, column: 2 })
        );
        assert!(DecodeError::Utf16.message().en.contains("UTF-16"));
    }

    #[test]
    fn a_spreadsheet_may_be_windows_1252() {
        assert_eq!(
            decode_spreadsheet(b"Pr\xe9nom;Soci\xe9t\xe9\n\x80 \x92".to_vec()),
            Ok("Prénom;Société\n€ ’".into())
        );
        assert_eq!(
            decode_spreadsheet("Prénom".as_bytes().to_vec()),
            Ok("Prénom".into())
        );
    }

    #[cfg(unix)]
    #[test]
    fn only_regular_files_and_bounded() {
        assert_eq!(
            read_bytes(Path::new("/dev/zero"), MAX_BYTES),
            Err(ReadError::NotRegular("device"))
        );
        let dir = tempfile::tempdir().expect("tempdir");
        let p = dir.path().join("big");
        std::fs::write(&p, vec![b'a'; 2048]).expect("write");
        assert_eq!(
            read_bytes(&p, 1024),
            Err(ReadError::TooLarge {
                bytes: 2048,
                limit: 1024
            })
        );
        assert_eq!(read_bytes(dir.path(), 1024), Err(ReadError::Folder));
        assert_eq!(
            ReadError::TooLarge {
                bytes: 2 << 20,
                limit: MAX_BYTES
            }
            .message()
            .get(crate::Lang::Fr),
            "trop gros (2\u{202f}048 Kio ou plus\u{202f}; 1 Mio au plus)"
        );
    }
}
