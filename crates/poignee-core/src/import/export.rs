//! Reading a LinkedIn data export: the ZIP as downloaded, or the folder it
//! unpacks to. A member of the ZIP is read as it streams out of the archive
//! (nothing is extracted to disk), never past [`MAX_MEMBER`] bytes
//! uncompressed (a ZIP bomb stops there), and found by the last component
//! of its name, in any case: a member's name is never used as a path.
//! Files are UTF-8, with or without a BOM; each row comes with its line in
//! the file, a notes preamble (`Connections.csv`'s) skipped.

use crate::lang::{Localize, Localized};
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::rc::Rc;
use strum::VariantArray;

/// The most read out of one member (uncompressed) or one file: an export's
/// largest file, `messages.csv`, is tens of MiB for years of messages.
pub const MAX_MEMBER: u64 = 1 << 30;

/// The files of an export poignee reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::VariantArray)]
pub enum Table {
    Invitations,
    Connections,
    Messages,
    /// The user's own name: who sent the first message of a conversation.
    Profile,
}

impl Table {
    /// Its name in the export.
    pub fn file_name(self) -> &'static str {
        match self {
            Table::Invitations => "Invitations.csv",
            Table::Connections => "Connections.csv",
            Table::Messages => "messages.csv",
            Table::Profile => "Profile.csv",
        }
    }

    /// The columns its header must name (folded to lower case).
    fn required(self) -> &'static [&'static str] {
        match self {
            Table::Invitations => &["to", "sent at", "direction"],
            Table::Connections => &["first name", "last name", "connected on"],
            Table::Messages => &["conversation id", "from", "to", "date", "content"],
            Table::Profile => &["first name", "last name"],
        }
    }
}

/// Why an export, or one of its files, could not be read.
#[derive(Debug)]
pub enum ExportError {
    /// Nothing there, or not readable.
    Io { path: PathBuf, error: io::Error },
    /// A file that is not a ZIP archive (nor a folder).
    NotAZip { path: PathBuf, why: Localized },
    /// Neither `Invitations.csv`, `Connections.csv` nor `messages.csv`.
    NotAnExport { path: PathBuf },
    /// A member is encrypted.
    Encrypted { file: &'static str },
    /// Past [`MAX_MEMBER`] bytes, uncompressed.
    TooLarge { file: &'static str },
    /// A member that inflates past the size the archive gives it: a
    /// forged archive (a ZIP bomb that lies) or a damaged one.
    Larger { file: &'static str, declared: u64 },
    /// A member that does not unpack to its end (its checksum, its data).
    Damaged { file: &'static str, why: Localized },
    /// No header naming the columns expected in the first lines.
    NoHeader { file: &'static str },
    /// The CSV could not be read on from this line.
    Csv {
        file: &'static str,
        line: usize,
        why: String,
    },
}

impl Localize for ExportError {
    fn message(&self) -> Localized {
        let shown = |p: &Path| crate::text::terminal_line(&p.display().to_string()).into_owned();
        match self {
            ExportError::Io { path, error } => {
                let m = crate::input::ReadError::from_io(error).message();
                let p = shown(path);
                Localized::new(format!("{p} : {}", m.fr), format!("{p}: {}", m.en))
            }
            ExportError::NotAZip { path, why } => {
                let p = shown(path);
                let (fr, en) = (
                    crate::text::terminal_line(&why.fr).into_owned(),
                    crate::text::terminal_line(&why.en).into_owned(),
                );
                Localized::new(
                    format!(
                        "{p} : ni une archive ZIP lisible ({fr}), ni un dossier ; donnez l’export LinkedIn tel que téléchargé (le .zip) ou le dossier qu’il donne une fois décompressé"
                    ),
                    format!(
                        "{p}: neither a readable ZIP archive ({en}) nor a folder; give the LinkedIn export as downloaded (the .zip) or the folder it unpacks to"
                    ),
                )
            }
            ExportError::NotAnExport { path } => {
                let p = shown(path);
                Localized::new(
                    format!(
                        "{p} n’est pas un export LinkedIn : ni Invitations.csv, ni Connections.csv, ni messages.csv ; demandez-le dans LinkedIn, Préférences → Confidentialité des données → Obtenir une copie de vos données"
                    ),
                    format!(
                        "{p} is not a LinkedIn export: no Invitations.csv, Connections.csv nor messages.csv; ask LinkedIn for it, Settings → Data privacy → Get a copy of your data"
                    ),
                )
            }
            ExportError::Encrypted { file } => Localized::new(
                format!(
                    "{file} est chiffré dans l’archive : décompressez-la vous-même, puis donnez le dossier"
                ),
                format!(
                    "{file} is encrypted in the archive: unpack it yourself, then give the folder"
                ),
            ),
            ExportError::TooLarge { file } => Localized::new(
                format!(
                    "{file} dépasse {}\u{a0}Mio une fois décompressé : ce n’est pas la taille d’un export, rien n’est importé",
                    MAX_MEMBER >> 20
                ),
                format!(
                    "{file} is over {} MiB uncompressed: not the size of an export; nothing is imported",
                    MAX_MEMBER >> 20
                ),
            ),
            ExportError::Larger { file, declared } => Localized::new(
                format!(
                    "{file} se décompresse au-delà de la taille que l’archive lui donne ({declared}\u{a0}octets) : archive abîmée ou forgée, rien n’est importé ; téléchargez l’export à nouveau"
                ),
                format!(
                    "{file} unpacks past the size the archive gives it ({declared} bytes): a damaged or forged archive, nothing is imported; download the export again"
                ),
            ),
            ExportError::Damaged { file, why } => {
                let (fr, en) = (
                    crate::text::terminal_line(&why.fr).into_owned(),
                    crate::text::terminal_line(&why.en).into_owned(),
                );
                Localized::new(
                    format!(
                        "{file} ne se décompresse pas jusqu’au bout ({fr}) : archive abîmée, rien n’est importé ; téléchargez l’export à nouveau"
                    ),
                    format!(
                        "{file} does not unpack to its end ({en}): a damaged archive, nothing is imported; download the export again"
                    ),
                )
            }
            ExportError::NoHeader { file } => Localized::new(
                format!(
                    "{file} : pas de ligne d’en-tête avec les colonnes attendues ({}) dans ses premières lignes : fichier ignoré",
                    file_columns(file)
                ),
                format!(
                    "{file}: no header line with the columns expected ({}) in its first lines: file left out",
                    file_columns(file)
                ),
            ),
            ExportError::Csv { file, line, why } => {
                let why = crate::text::terminal_line(why).into_owned();
                Localized::new(
                    format!(
                        "{file}:{line} : CSV illisible ({why}) : la suite du fichier est ignorée"
                    ),
                    format!(
                        "{file}:{line}: unreadable CSV ({why}): the rest of the file is left out"
                    ),
                )
            }
        }
    }
}

fn file_columns(file: &str) -> String {
    Table::VARIANTS
        .iter()
        .find(|t| t.file_name() == file)
        .map(|t| t.required().join(", "))
        .unwrap_or_default()
}

/// Where a file of the export is.
#[derive(Debug, Clone)]
enum Place {
    Member(usize),
    File(PathBuf),
}

/// An export opened: which of its files are there.
pub struct Export {
    path: PathBuf,
    zip: Option<zip::ZipArchive<BufReader<File>>>,
    found: HashMap<Table, Place>,
}

/// `a/b\c.csv` → `c.csv`, lower case.
fn last_component(name: &str) -> String {
    name.rsplit(['/', '\\'])
        .next()
        .unwrap_or(name)
        .to_lowercase()
}

impl Export {
    /// Opens `path`: a folder, else a ZIP archive. An archive or a folder
    /// holding none of the files an export has is refused.
    pub fn open(path: &Path) -> Result<Export, ExportError> {
        let io_err = |error| ExportError::Io {
            path: path.to_path_buf(),
            error,
        };
        let meta = std::fs::metadata(path).map_err(io_err)?;
        let mut found = HashMap::new();
        let mut zip = None;
        if meta.is_dir() {
            // The folder itself, else the one folder it holds (a ZIP
            // unpacked into a folder of its own name).
            let mut dirs = vec![path.to_path_buf()];
            let entries = std::fs::read_dir(path).map_err(io_err)?;
            let mut subs = Vec::new();
            for entry in entries.flatten() {
                let p = entry.path();
                let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
                if is_dir {
                    subs.push(p);
                }
            }
            subs.sort();
            dirs.extend(subs);
            for dir in dirs {
                let Ok(entries) = std::fs::read_dir(&dir) else {
                    continue;
                };
                let mut files: Vec<(String, PathBuf)> = entries
                    .flatten()
                    .filter(|e| e.file_type().is_ok_and(|t| t.is_file() || t.is_symlink()))
                    .map(|e| (e.file_name().to_string_lossy().to_lowercase(), e.path()))
                    .collect();
                files.sort();
                for &t in Table::VARIANTS {
                    if found.contains_key(&t) {
                        continue;
                    }
                    let want = t.file_name().to_lowercase();
                    if let Some((_, p)) = files.iter().find(|(n, _)| *n == want) {
                        found.insert(t, Place::File(p.clone()));
                    }
                }
            }
        } else if meta.is_file() {
            let file = File::open(path).map_err(io_err)?;
            let archive =
                zip::ZipArchive::new(BufReader::new(file)).map_err(|e| ExportError::NotAZip {
                    path: path.to_path_buf(),
                    why: zip_why(&e),
                })?;
            // The shallowest member of each name (a `__MACOSX/` copy or a
            // nested archive's is not the export's own).
            let mut best: HashMap<Table, (usize, usize)> = HashMap::new();
            for i in 0..archive.len() {
                let Some(name) = archive.name_for_index(i) else {
                    continue;
                };
                if name.ends_with('/') || name.starts_with("__MACOSX") {
                    continue;
                }
                let last = last_component(name);
                let depth = name.matches(['/', '\\']).count();
                for &t in Table::VARIANTS {
                    if last == t.file_name().to_lowercase()
                        && best.get(&t).is_none_or(|&(d, _)| depth < d)
                    {
                        best.insert(t, (depth, i));
                    }
                }
            }
            found = best
                .into_iter()
                .map(|(t, (_, i))| (t, Place::Member(i)))
                .collect();
            let mut archive = archive;
            // Each member read to its end before anything is imported: a
            // bomb, a member that lies about its size or a damaged one is
            // refused here, so that nothing is written.
            let mut members: Vec<(Table, usize)> = found
                .iter()
                .filter_map(|(t, p)| match p {
                    Place::Member(i) => Some((*t, *i)),
                    Place::File(_) => None,
                })
                .collect();
            members.sort_by_key(|&(_, i)| i);
            for (t, i) in members {
                verify(&mut archive, i, t.file_name())?;
            }
            zip = Some(archive);
        } else {
            return Err(ExportError::NotAZip {
                path: path.to_path_buf(),
                why: Localized::new(
                    "pas un fichier ordinaire : un tube, un périphérique ou une socket",
                    "not a regular file: a pipe, a device or a socket",
                ),
            });
        }
        // A file of the folder too large is refused before anything.
        for (t, place) in &found {
            if let Place::File(p) = place
                && std::fs::metadata(p).is_ok_and(|m| m.len() > MAX_MEMBER)
            {
                return Err(ExportError::TooLarge {
                    file: t.file_name(),
                });
            }
        }
        let any = [Table::Invitations, Table::Connections, Table::Messages]
            .iter()
            .any(|t| found.contains_key(t));
        if !any {
            return Err(ExportError::NotAnExport {
                path: path.to_path_buf(),
            });
        }
        Ok(Export {
            path: path.to_path_buf(),
            zip,
            found,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the export holds `table`.
    pub fn has(&self, table: Table) -> bool {
        self.found.contains_key(&table)
    }

    /// Reads `table` row by row, as it streams: `row` gets each row's line
    /// and its cells by column. A row that does not read is given as an
    /// `Err` with its line; the rest goes on. `Ok(false)` when the export
    /// does not hold the file.
    pub fn rows(
        &mut self,
        table: Table,
        mut row: impl FnMut(usize, Result<Row<'_>, String>),
    ) -> Result<bool, ExportError> {
        let Some(place) = self.found.get(&table).cloned() else {
            return Ok(false);
        };
        let file = table.file_name();
        match place {
            Place::File(p) => {
                let io_err = |error| ExportError::Io {
                    path: p.clone(),
                    error,
                };
                let meta = std::fs::metadata(&p).map_err(io_err)?;
                if !meta.is_file() {
                    return Err(ExportError::Io {
                        path: p.clone(),
                        error: io::Error::new(io::ErrorKind::InvalidInput, "not a regular file"),
                    });
                }
                let f = File::open(&p).map_err(io_err)?;
                read_table(table, f, MAX_MEMBER, &mut row)?;
            }
            Place::Member(i) => {
                let Some(archive) = self.zip.as_mut() else {
                    return Ok(false);
                };
                let member = archive.by_index(i).map_err(|e| member_error(file, e))?;
                if member.encrypted() {
                    return Err(ExportError::Encrypted { file });
                }
                // Read whole once already ([`verify`]): no more than it says.
                let cap = member.size();
                if cap > MAX_MEMBER {
                    return Err(ExportError::TooLarge { file });
                }
                read_table(table, member, cap, &mut row)?;
            }
        }
        Ok(true)
    }
}

fn member_error(file: &'static str, e: zip::result::ZipError) -> ExportError {
    match e {
        zip::result::ZipError::UnsupportedArchive(m) if m.contains("ncrypt") => {
            ExportError::Encrypted { file }
        }
        e => ExportError::Damaged {
            file,
            why: zip_why(&e),
        },
    }
}

/// What the ZIP reader said, in both languages (its own text is English).
fn zip_why(e: &zip::result::ZipError) -> Localized {
    match e {
        zip::result::ZipError::Io(e) => io_why(e),
        zip::result::ZipError::UnsupportedArchive(_) => Localized::new(
            "une archive ZIP d’un genre que poignee ne lit pas",
            "a kind of ZIP archive poignee does not read",
        ),
        _ => Localized::new(
            "pas d’archive ZIP valable : un autre genre de fichier, ou une archive tronquée",
            "no valid ZIP archive: another kind of file, or a truncated archive",
        ),
    }
}

/// An error met while unpacking: a bad checksum or bad compressed data is
/// said as such, the system's errors as [`crate::input::ReadError`] says them.
fn io_why(e: &io::Error) -> Localized {
    if matches!(e.kind(), io::ErrorKind::InvalidData | io::ErrorKind::Other) {
        Localized::new(
            "somme de contrôle ou données compressées invalides",
            "bad checksum or compressed data",
        )
    } else {
        crate::input::ReadError::from_io(e).message()
    }
}

/// Reads member `i` to its end, and nothing of it: refused when its size
/// is over [`MAX_MEMBER`], when it inflates past the size it gives (read
/// no further than that), or when it does not unpack (a bad checksum).
/// Decompressing costs a few milliseconds for an export's tens of MiB.
fn verify<R: Read + io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    i: usize,
    file: &'static str,
) -> Result<(), ExportError> {
    let member = archive.by_index(i).map_err(|e| member_error(file, e))?;
    if member.encrypted() {
        return Err(ExportError::Encrypted { file });
    }
    let declared = member.size();
    if declared > MAX_MEMBER {
        return Err(ExportError::TooLarge { file });
    }
    let mut capped = Capped {
        inner: member,
        left: declared,
    };
    match io::copy(&mut capped, &mut io::sink()) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::FileTooLarge => {
            Err(ExportError::Larger { file, declared })
        }
        Err(e) => Err(ExportError::Damaged {
            file,
            why: io_why(&e),
        }),
    }
}

/// One row's cells, by the header's column names.
pub struct Row<'a> {
    record: &'a csv::ByteRecord,
    columns: &'a HashMap<String, usize>,
}

impl Row<'_> {
    /// The cell under `column` (folded name), trimmed; `""` when the column
    /// or the cell is not there. A cell that is not UTF-8 is read with
    /// replacement characters (the row's other cells stay good).
    pub fn get(&self, column: &str) -> String {
        self.columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .map(|b| String::from_utf8_lossy(b).trim().to_string())
            .unwrap_or_default()
    }

    /// The cell as it is, not trimmed (a note's own spaces and line breaks).
    pub fn raw(&self, column: &str) -> String {
        self.columns
            .get(column)
            .and_then(|&i| self.record.get(i))
            .map(|b| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default()
    }

    pub fn has(&self, column: &str) -> bool {
        self.columns.contains_key(column)
    }

    /// No cell has text.
    pub fn is_blank(&self) -> bool {
        self.record
            .iter()
            .all(|c| c.iter().all(u8::is_ascii_whitespace))
    }

    /// Every cell is valid UTF-8.
    pub fn is_utf8(&self) -> bool {
        self.record.iter().all(|c| std::str::from_utf8(c).is_ok())
    }
}

/// A reader that stops with an error past `left` bytes.
struct Capped<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Capped<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n as u64 > self.left {
            return Err(io::Error::new(io::ErrorKind::FileTooLarge, "too large"));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

/// Where the lines start, for the lines of the rows the CSV reader gives
/// at byte offsets: line breaks are noted as they stream by and forgotten
/// once passed, so memory stays flat however long the file.
#[derive(Default)]
struct Lines {
    /// Offsets of line breaks read but not yet passed.
    pending: VecDeque<u64>,
    /// Line breaks before the first pending one.
    passed: usize,
    read: u64,
    /// Where the row being read starts.
    row: u64,
}

impl Lines {
    /// The 1-based line of the byte at `offset` (offsets asked in order).
    fn line_of(&mut self, offset: u64) -> usize {
        self.pass(offset);
        self.passed + 1
    }

    /// Forgets the line breaks before `offset`; whether the last was just
    /// before it.
    fn pass(&mut self, offset: u64) -> bool {
        let mut last = None;
        while self.pending.front().is_some_and(|&b| b < offset) {
            last = self.pending.pop_front();
            self.passed += 1;
        }
        last.is_some_and(|b| b + 1 == offset)
    }

    /// The first line of a record that ends at `end` (after its line
    /// break, if any) and holds `inside` line breaks in its cells: counted
    /// back from its end, since the reader's start of a record is before
    /// the blank lines it skipped.
    fn first_line_of(&mut self, end: u64, inside: usize) -> usize {
        let broken = self.pass(end);
        (self.passed + 1)
            .saturating_sub(usize::from(broken) + inside)
            .max(1)
    }
}

struct Counting<R> {
    inner: R,
    lines: Rc<RefCell<Lines>>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        // The CSV reader keeps a row whole: past the bound every CSV read
        // has, it stops (the error names the row's line).
        if self
            .lines
            .borrow()
            .read
            .saturating_sub(self.lines.borrow().row)
            > crate::input::MAX_ROW_BYTES
        {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "a row longer than 1 MiB",
            ));
        }
        let n = self.inner.read(buf)?;
        let mut lines = self.lines.borrow_mut();
        let start = lines.read;
        for (i, b) in buf[..n].iter().enumerate() {
            if *b == b'\n' {
                lines.pending.push_back(start + i as u64);
            }
        }
        lines.read += n as u64;
        Ok(n)
    }
}

/// How many lines before the header are looked at (a notes preamble).
const PREAMBLE_LINES: usize = 64;

fn header_columns(fields: &csv::ByteRecord) -> HashMap<String, usize> {
    let mut columns = HashMap::new();
    for (i, f) in fields.iter().enumerate() {
        let name = String::from_utf8_lossy(f);
        let name = name.trim().trim_start_matches('\u{feff}').to_lowercase();
        columns.entry(name).or_insert(i);
    }
    columns
}

/// Reads `table`'s rows out of `reader`, no further than `cap` bytes.
fn read_table<R: Read>(
    table: Table,
    reader: R,
    cap: u64,
    row: &mut impl FnMut(usize, Result<Row<'_>, String>),
) -> Result<(), ExportError> {
    let file = table.file_name();
    let capped = Capped {
        inner: reader,
        left: cap,
    };
    let mut buffered = BufReader::with_capacity(64 * 1024, capped);
    let too_large = |e: &io::Error| e.kind() == io::ErrorKind::FileTooLarge;
    let io_fail = |e: io::Error, line: usize| {
        if too_large(&e) {
            ExportError::TooLarge { file }
        } else {
            ExportError::Csv {
                file,
                line,
                why: e.to_string(),
            }
        }
    };
    // The BOM, if any.
    {
        let head = buffered.fill_buf().map_err(|e| io_fail(e, 1))?;
        if head.starts_with(b"\xef\xbb\xbf") {
            buffered.consume(3);
        }
    }
    // The header: the first line naming every required column, within the
    // first lines (LinkedIn writes notes before `Connections.csv`'s).
    let mut skipped = 0usize;
    let mut header_line = Vec::new();
    let mut found = None;
    for _ in 0..PREAMBLE_LINES {
        header_line.clear();
        let n = buffered
            .read_until(b'\n', &mut header_line)
            .map_err(|e| io_fail(e, skipped + 1))?;
        if n == 0 {
            break;
        }
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(header_line.as_slice());
        let mut rec = csv::ByteRecord::new();
        if r.read_byte_record(&mut rec).unwrap_or(false) {
            let columns = header_columns(&rec);
            if table.required().iter().all(|c| columns.contains_key(*c)) {
                found = Some(columns);
                break;
            }
        }
        skipped += 1;
    }
    let Some(columns) = found else {
        return Err(ExportError::NoHeader { file });
    };
    let header_at = skipped + 1;
    let lines = Rc::new(RefCell::new(Lines::default()));
    let counting = Counting {
        inner: buffered,
        lines: Rc::clone(&lines),
    };
    let mut csv = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(counting);
    let mut record = csv::ByteRecord::new();
    loop {
        let at = csv.position().byte();
        lines.borrow_mut().row = at;
        match csv.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let end = csv.position().byte();
                let inside: usize = record
                    .iter()
                    .map(|c| c.iter().filter(|&&b| b == b'\n').count())
                    .sum();
                let line = header_at + lines.borrow_mut().first_line_of(end, inside);
                let r = Row {
                    record: &record,
                    columns: &columns,
                };
                if r.is_blank() {
                    continue;
                }
                if !r.is_utf8() {
                    row(line, Err("not UTF-8".into()));
                    continue;
                }
                row(line, Ok(r));
            }
            Err(e) => {
                let line = header_at + lines.borrow_mut().line_of(at);
                match e.into_kind() {
                    csv::ErrorKind::Io(e) => return Err(io_fail(e, line)),
                    other => {
                        return Err(ExportError::Csv {
                            file,
                            line,
                            why: format!("{other:?}"),
                        });
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(table: Table, text: &[u8]) -> Result<Vec<(usize, String)>, ExportError> {
        let mut out = Vec::new();
        read_table(table, text, MAX_MEMBER, &mut |line,
                                                  r: Result<
            Row<'_>,
            String,
        >| {
            out.push((line, r.map(|r| r.get("to")).unwrap_or_else(|e| e)));
        })?;
        Ok(out)
    }

    #[test]
    fn rows_come_with_their_lines_bom_and_blank_lines() {
        let text = "\u{feff}From,To,Sent At,Message,Direction\nA B,Ann Lee,\"9/25/26, 8:52 AM\",\"Hi,\nline two\",OUTGOING\n\nA B,Bob Ray,1/2/26,,OUTGOING\n";
        let rows = collect(Table::Invitations, text.as_bytes()).expect("reads");
        assert_eq!(rows, [(2, "Ann Lee".into()), (5, "Bob Ray".into())]);
    }

    #[test]
    fn a_preamble_is_skipped_and_counted() {
        let text = "Notes:\n\"When exporting, some e-mail addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nAnn,Lee,https://www.linkedin.com/in/ann,ann@example.com,Acme,CTO,15 Jan 2024\n";
        let mut seen = Vec::new();
        read_table(
            Table::Connections,
            text.as_bytes(),
            MAX_MEMBER,
            &mut |line, r| {
                let r = r.expect("a row");
                seen.push((line, r.get("first name"), r.get("connected on")));
            },
        )
        .expect("reads");
        assert_eq!(seen, [(5, "Ann".into(), "15 Jan 2024".into())]);
    }

    #[test]
    fn no_header_and_non_utf8_rows() {
        let e = collect(Table::Invitations, b"a,b,c\n1,2,3\n").expect_err("no header");
        assert!(matches!(e, ExportError::NoHeader { .. }));
        let rows = collect(
            Table::Invitations,
            b"From,To,Sent At,Message,Direction\nA,\xff\xfe,1/2/26,,OUTGOING\nA,Bo,1/2/26,,OUTGOING\n",
        )
        .expect("reads");
        assert_eq!(rows, [(2, "not UTF-8".into()), (3, "Bo".into())]);
    }

    #[test]
    fn a_row_past_a_mebibyte_stops_with_its_line() {
        let mut text = b"From,To,Sent At,Message,Direction\nMe,Ann Lee,2024-01-15,Hi,OUTGOING\nMe,Bob Ray,2024-01-16,\"".to_vec();
        text.extend(std::iter::repeat_n(b'x', 3 * 1024 * 1024));
        text.extend(b"\",OUTGOING\n");
        match collect(Table::Invitations, &text) {
            Err(ExportError::Csv { line, why, .. }) => {
                assert_eq!(line, 3);
                assert!(why.contains("1 MiB"), "{why}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_cap_stops_a_bomb() {
        let mut c = Capped {
            inner: io::repeat(b'a'),
            left: 10,
        };
        let mut buf = [0u8; 64];
        assert!(
            c.read(&mut buf)
                .is_err_and(|e| e.kind() == io::ErrorKind::FileTooLarge)
        );
    }

    #[test]
    fn member_names_by_their_last_component() {
        assert_eq!(
            last_component("Export/Sub\\INVITATIONS.CSV"),
            "invitations.csv"
        );
        assert_eq!(last_component("messages.csv"), "messages.csv");
    }
}
