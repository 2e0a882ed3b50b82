//! A list of prospects, read as it streams: a CRM or lead-tool export, or a
//! French Excel sheet, of any length, in memory that does not grow with the
//! rows. The encoding is found from the first 64 KiB (a BOM, else UTF-8 if
//! it reads as UTF-8, else Windows-1252, what French Excel writes) and said,
//! never guessed silently; the separator (`,` `;` or tab) from the header.
//! The columns a person's place and sector are read from are matched by name,
//! in French and English, as exports spell them ("Location", « Ville »,
//! "Country/Region", « Secteur d'activité », "Company Industry"…); every
//! column is kept as it came, to be written back.

use crate::audience::taxonomy::key;
use crate::input::{self, ReadError};
use crate::lang::{Localize, Localized};
use crate::target::Target;
use crate::text::without_hidden;
use encoding_rs::Encoding;
use encoding_rs_io::{DecodeReaderBytes, DecodeReaderBytesBuilder};
use std::io::{self, Cursor, Read};
use std::path::Path;

/// The bytes looked at to tell the encoding and the separator.
const SAMPLE: usize = 64 * 1024;
/// The header is looked for in the first rows (after a notes preamble).
const HEADER_ROWS: usize = 20;

/// How the file's bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    /// What French Excel writes: no BOM, not UTF-8.
    Windows1252,
}

impl Charset {
    pub fn name(self) -> &'static str {
        match self {
            Charset::Utf8 => "UTF-8",
            Charset::Utf8Bom => "UTF-8 (BOM)",
            Charset::Utf16Le => "UTF-16LE",
            Charset::Utf16Be => "UTF-16BE",
            Charset::Windows1252 => "Windows-1252",
        }
    }

    fn encoding(self) -> &'static Encoding {
        match self {
            Charset::Utf8 | Charset::Utf8Bom => encoding_rs::UTF_8,
            Charset::Utf16Le => encoding_rs::UTF_16LE,
            Charset::Utf16Be => encoding_rs::UTF_16BE,
            Charset::Windows1252 => encoding_rs::WINDOWS_1252,
        }
    }

    /// From the file's first bytes.
    pub fn sniff(sample: &[u8]) -> Result<Charset, SheetError> {
        if sample.starts_with(&[0xEF, 0xBB, 0xBF]) {
            return Ok(Charset::Utf8Bom);
        }
        if sample.starts_with(&[0xFF, 0xFE]) {
            return Ok(Charset::Utf16Le);
        }
        if sample.starts_with(&[0xFE, 0xFF]) {
            return Ok(Charset::Utf16Be);
        }
        if sample.contains(&0) {
            return Err(SheetError::Binary);
        }
        match std::str::from_utf8(sample) {
            Ok(_) => Ok(Charset::Utf8),
            // Only a character cut by the end of the sample.
            Err(e) if e.error_len().is_none() => Ok(Charset::Utf8),
            Err(_) => Ok(Charset::Windows1252),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    #[error("{0}")]
    Io(#[from] io::Error),
    /// The file cannot be opened as a list: a folder, a FIFO, a device, a
    /// socket; or standard input past its bound.
    #[error("{}", .0.message().en)]
    Read(ReadError),
    #[error("not a text file (it holds NUL bytes): a CSV export is expected")]
    Binary,
    #[error("no header row naming a place or a sector column")]
    NoHeader,
    #[error("line {line}: {message}")]
    Csv { line: u64, message: String },
    /// A row past [`input::MAX_ROW_BYTES`] (one field of 300 MB once took 3.7 GB).
    #[error("line {line}: a row longer than 1 MiB")]
    RowTooLong { line: u64 },
}

impl Localize for SheetError {
    fn message(&self) -> Localized {
        match self {
            SheetError::Io(e) => ReadError::from_io(e).message(),
            SheetError::Read(e) => e.message(),
            SheetError::Binary => Localized::new(
                "pas un fichier texte (il contient des octets NUL) : un export CSV est attendu",
                "not a text file (it holds NUL bytes): a CSV export is expected",
            ),
            SheetError::NoHeader => Localized::new(
                "aucune ligne d’en-tête ne nomme une colonne de lieu ou de secteur (Location, Ville, Région, Country, Industry, Secteur…)",
                "no header row names a place or a sector column (Location, City, Region, Country, Industry, Sector…)",
            ),
            SheetError::Csv { line, message } => Localized::new(
                format!("ligne {line} : {message}"),
                format!("line {line}: {message}"),
            ),
            SheetError::RowTooLong { line } => Localized::new(
                format!(
                    "ligne {line} : une ligne de plus de 1 Mio (un champ entre guillemets jamais refermé ?) ; la liste n’est pas lue plus loin"
                ),
                format!(
                    "line {line}: a row longer than 1 MiB (a quoted field never closed?); the list is not read further"
                ),
            ),
        }
    }
}

/// What a column says about the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// "Paris, Île-de-France, France" as one field.
    Location,
    City,
    PostalCode,
    Region,
    Country,
    /// The company's place: read when the person's is empty.
    CompanyLocation,
    CompanyCity,
    CompanyCountry,
    Sector,
    FirstName,
    LastName,
    Name,
    Company,
    Other,
}

/// A header's meaning, ignoring case, accents and punctuation.
pub fn column(header: &str) -> Column {
    match key(header).as_str() {
        "location" | "localisation" | "lieu" | "zone" | "geography" | "geographie"
        | "person location" | "adresse" | "address" | "localite" => Column::Location,
        "city" | "ville" | "commune" | "town" | "person city" | "contact city" => Column::City,
        "postal code" | "postcode" | "zip" | "zip code" | "code postal" | "cp"
        | "person postal code" => Column::PostalCode,
        "region" | "state" | "state region" | "etat" | "departement" | "province"
        | "person state" | "contact state" => Column::Region,
        "country" | "pays" | "country region" | "person country" | "contact country" => {
            Column::Country
        }
        "company location"
        | "localisation de l entreprise"
        | "company address"
        | "company hq"
        | "headquarters"
        | "siege" => Column::CompanyLocation,
        "company city" | "ville de l entreprise" => Column::CompanyCity,
        "company country" | "pays de l entreprise" => Column::CompanyCountry,
        "industry" | "industrie" | "sector" | "secteur" | "secteur d activite"
        | "company industry" | "industry type" | "activite" | "domaine" => Column::Sector,
        "first name" | "firstname" | "prenom" | "given name" => Column::FirstName,
        "last name" | "lastname" | "nom de famille" | "family name" | "surname" | "nom" => {
            Column::LastName
        }
        "name" | "full name" | "nom complet" | "contact name" | "person" => Column::Name,
        "company" | "company name" | "companyname" | "entreprise" | "societe" | "organization"
        | "organisation" | "account name" | "employer" => Column::Company,
        _ => Column::Other,
    }
}

/// A row of the list.
#[derive(Debug, Clone)]
pub struct Row {
    /// The row's line in the file (1-based).
    pub line: u64,
    /// Every field as it came.
    pub record: csv::StringRecord,
    /// Name, company, place and sector, as the audience filter reads them.
    pub target: Target,
}

/// Where a list's bytes come from: a file, or standard input read whole.
type Source = Box<dyn Read>;

type Decoded = Lines<DecodeReaderBytes<io::Chain<Cursor<Vec<u8>>, Source>, Vec<u8>>>;

/// The decoded text, with where its line breaks are: the CSV reader's own
/// line count misses the empty lines it skips. Only the breaks not yet
/// passed are kept, so memory stays flat.
struct Lines<R> {
    inner: R,
    offset: u64,
    breaks: std::collections::VecDeque<u64>,
    /// Where the row being read starts, and its line.
    row: (u64, u64),
}

/// The error [`Lines`] stops the CSV reader with, at the line of the row.
#[derive(Debug, thiserror::Error)]
#[error("line {0}: a row longer than 1 MiB")]
struct RowTooLong(u64);

impl<R: Read> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.offset.saturating_sub(self.row.0) > input::MAX_ROW_BYTES {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                RowTooLong(self.row.1),
            ));
        }
        let n = self.inner.read(buf)?;
        for (i, _) in buf[..n].iter().enumerate().filter(|(_, b)| **b == b'\n') {
            self.breaks.push_back(self.offset + i as u64);
        }
        self.offset += n as u64;
        Ok(n)
    }
}

impl<R> Lines<R> {
    /// The next row starts at `byte`, on line `line` as the CSV reader
    /// counts (empty lines it skips added here).
    fn next_row_at(&mut self, line: u64, byte: u64) {
        let line = self.start(line, byte);
        self.row = (byte, line);
    }

    /// The line a record starts on, from where the reader started it
    /// (`byte`, on line `line`): one more for each empty line skipped.
    fn start(&mut self, line: u64, byte: u64) -> u64 {
        while self.breaks.front().is_some_and(|&b| b < byte) {
            self.breaks.pop_front();
        }
        let skipped = self
            .breaks
            .iter()
            .zip(byte..)
            .take_while(|(b, at)| *b == at)
            .count();
        line + skipped as u64
    }
}

/// A list being read.
pub struct Sheet {
    reader: csv::Reader<Decoded>,
    pub charset: Charset,
    pub delimiter: u8,
    pub headers: csv::StringRecord,
    pub columns: Vec<Column>,
    /// The line of the header row.
    pub header_line: u64,
    /// Rows read ahead while looking for the header (none: it was first).
    record: csv::StringRecord,
}

/// The separator of the first line: the most frequent of `,` `;` and tab
/// outside quotes.
fn delimiter(sample: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    // The header may follow a notes preamble: count over a few lines.
    for c in sample.chars().take(8 * 1024) {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => counts[0] += 1,
            ';' if !quoted => counts[1] += 1,
            '\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    [b',', b';', b'\t'][best]
}

impl Sheet {
    /// The list at `path`, streamed whatever its length. A folder, a FIFO,
    /// a device or a socket is refused before it is opened, as every other
    /// input is ([`input::openable`]): opening a FIFO would wait for ever.
    /// The pipe of a shell's `<(…)` is read as it comes.
    pub fn open(path: &Path) -> Result<Sheet, SheetError> {
        let meta = input::stat(path).map_err(SheetError::Read)?;
        input::openable(path, &meta).map_err(SheetError::Read)?;
        let file = std::fs::File::open(path)
            .map_err(|e| SheetError::Read(ReadError::from_io_at(&e, path)))?;
        Sheet::from_reader(Box::new(file))
    }

    /// The list on standard input (`--people -`), read whole first, at most
    /// [`input::MAX_LIST_BYTES`] as `draft --people` reads a list: a longer
    /// one is refused with its size before any row is written (a file is
    /// streamed, of any length).
    pub fn stdin() -> Result<Sheet, SheetError> {
        let bytes = input::read_stdin(input::MAX_LIST_BYTES).map_err(SheetError::Read)?;
        Sheet::from_reader(Box::new(Cursor::new(bytes)))
    }

    /// The list read from `source`.
    pub fn from_reader(mut source: Source) -> Result<Sheet, SheetError> {
        let mut sample = Vec::with_capacity(SAMPLE);
        (&mut source).take(SAMPLE as u64).read_to_end(&mut sample)?;
        let charset = Charset::sniff(&sample)?;
        let (text, _, _) = charset.encoding().decode(&sample);
        let delimiter = delimiter(&text);
        let decoded = Lines {
            inner: DecodeReaderBytesBuilder::new()
                .encoding(Some(charset.encoding()))
                .bom_override(true)
                .strip_bom(true)
                .build(Cursor::new(sample).chain(source)),
            offset: 0,
            breaks: Default::default(),
            row: (0, 1),
        };
        // Lines end at `\n` only (a `\r` before it is taken off the last
        // field), so that line numbers are the file's.
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .terminator(csv::Terminator::Any(b'\n'))
            .from_reader(decoded);
        let mut record = csv::StringRecord::new();
        for _ in 0..HEADER_ROWS {
            let more = reader.read_record(&mut record).map_err(|e| csv_error(&e))?;
            if !more {
                break;
            }
            let line = start(&mut reader, &record);
            next_row_at(&mut reader);
            chomp(&mut record);
            let columns: Vec<Column> = record.iter().map(column).collect();
            let placed = columns.iter().any(|c| {
                !matches!(
                    c,
                    Column::Other
                        | Column::FirstName
                        | Column::LastName
                        | Column::Name
                        | Column::Company
                )
            });
            if placed {
                let header_line = line;
                return Ok(Sheet {
                    reader,
                    charset,
                    delimiter,
                    headers: record.clone(),
                    columns,
                    header_line,
                    record: csv::StringRecord::new(),
                });
            }
        }
        Err(SheetError::NoHeader)
    }

    /// The next row, `None` at the end. Empty lines are skipped.
    pub fn next_row(&mut self) -> Option<Result<Row, SheetError>> {
        loop {
            match self.reader.read_record(&mut self.record) {
                Err(e) => return Some(Err(csv_error(&e))),
                Ok(false) => return None,
                Ok(true) if self.record.iter().all(|f| f.trim().is_empty()) => {
                    next_row_at(&mut self.reader);
                    continue;
                }
                Ok(true) => {
                    let line = start(&mut self.reader, &self.record);
                    next_row_at(&mut self.reader);
                    chomp(&mut self.record);
                    let target = self.target(&self.record);
                    return Some(Ok(Row {
                        line,
                        record: self.record.clone(),
                        target,
                    }));
                }
            }
        }
    }

    /// The columns named `kind`.
    pub fn has(&self, kind: Column) -> bool {
        self.columns.contains(&kind)
    }

    fn target(&self, record: &csv::StringRecord) -> Target {
        let get = |kind: Column| {
            self.columns
                .iter()
                .zip(record.iter())
                .filter(|(c, _)| **c == kind)
                .map(|(_, v)| without_hidden(v.trim()).into_owned())
                .find(|v| !v.is_empty())
        };
        let name = get(Column::Name).or_else(|| {
            let parts: Vec<String> = [get(Column::FirstName), get(Column::LastName)]
                .into_iter()
                .flatten()
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        });
        let place = place(
            get(Column::Location),
            get(Column::City),
            get(Column::PostalCode),
            get(Column::Region),
            get(Column::Country),
        )
        .or_else(|| {
            place(
                get(Column::CompanyLocation),
                get(Column::CompanyCity),
                None,
                None,
                get(Column::CompanyCountry),
            )
        });
        Target {
            name,
            company: get(Column::Company),
            region: place,
            sector: get(Column::Sector),
            ..Target::default()
        }
    }
}

/// One place from the columns that hold one: the location as it is (with
/// the country when it does not say it), else "City (postal code), Region,
/// Country".
fn place(
    location: Option<String>,
    city: Option<String>,
    postal: Option<String>,
    region: Option<String>,
    country: Option<String>,
) -> Option<String> {
    if let Some(l) = location {
        return Some(match country {
            Some(c) if !key(&l).contains(&key(&c)) => format!("{l}, {c}"),
            _ => l,
        });
    }
    let city = match (city, postal) {
        (Some(c), Some(p)) => Some(format!("{c} ({p})")),
        (c, p) => c.or(p),
    };
    let parts: Vec<String> = [city, region, country].into_iter().flatten().collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// The file line a record starts on.
fn start(reader: &mut csv::Reader<Decoded>, record: &csv::StringRecord) -> u64 {
    let (line, byte) = record.position().map_or((0, 0), |p| (p.line(), p.byte()));
    reader.get_mut().start(line, byte)
}

/// Marks where the reader's next row starts, to bound it.
fn next_row_at(reader: &mut csv::Reader<Decoded>) {
    let (line, byte) = (reader.position().line(), reader.position().byte());
    reader.get_mut().next_row_at(line, byte);
}

/// The `\r` of a CRLF line end off the last field.
fn chomp(record: &mut csv::StringRecord) {
    if record.iter().next_back().is_some_and(|f| f.ends_with('\r')) {
        let last = record.len() - 1;
        let fields: Vec<String> = record
            .iter()
            .enumerate()
            .map(|(i, f)| match f.strip_suffix('\r') {
                Some(f) if i == last => f.to_string(),
                _ => f.to_string(),
            })
            .collect();
        *record = csv::StringRecord::from(fields);
    }
}

fn csv_error(e: &csv::Error) -> SheetError {
    match e.kind() {
        csv::ErrorKind::Io(io) => match io.get_ref().and_then(|e| e.downcast_ref::<RowTooLong>()) {
            Some(RowTooLong(line)) => SheetError::RowTooLong { line: *line },
            None => SheetError::Io(io::Error::new(io.kind(), io.to_string())),
        },
        _ => SheetError::Csv {
            line: e.position().map_or(0, csv::Position::line),
            message: e.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(bytes: &[u8]) -> (tempfile::TempDir, Sheet) {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("list.csv");
        std::fs::write(&path, bytes).expect("writes the file");
        let sheet = Sheet::open(&path).expect("opens");
        (dir, sheet)
    }

    #[test]
    fn a_row_past_a_mebibyte_is_refused_with_its_line() {
        let mut bytes = b"Name,Location\nAnn Person,Lyon\nBob Person,\"".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', 3 * 1024 * 1024));
        bytes.extend(b"\"\nCora Person,Nantes\n");
        let (_dir, mut s) = sheet(&bytes);
        let first = s
            .next_row()
            .map(|r| r.map(|r| r.line).map_err(|e| e.to_string()));
        assert_eq!(first, Some(Ok(2)));
        match s.next_row() {
            Some(Err(SheetError::RowTooLong { line })) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        // Rows up to the bound are read whole.
        let mut bytes = b"Name,Location\n\nAnn Person,\"".to_vec();
        bytes.extend(std::iter::repeat_n(b'y', 1000 * 1024));
        bytes.extend(b"\"\n");
        let (_dir, mut s) = sheet(&bytes);
        let row = s.next_row().map(|r| r.map_err(|e| e.to_string()));
        assert!(matches!(&row, Some(Ok(r)) if r.line == 3 && r.record[1].len() == 1000 * 1024));
    }

    fn rows(s: &mut Sheet) -> Vec<Row> {
        std::iter::from_fn(|| s.next_row())
            .map(|r| r.expect("a row reads"))
            .collect()
    }

    #[test]
    fn a_french_excel_export_is_read_and_said_so() {
        // Windows-1252, `;`, CRLF, as French Excel saves "CSV (séparateur : point-virgule)".
        let text = "Prénom;Nom;Société;Ville;Code postal;Secteur d'activité\r\nInès;Haddad;Acme;Lyon;69003;Développement de logiciels\r\n\r\nJosé;Peña;Bâti;Saint-Étienne;42000;Construction\r\n";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(text);
        let (_dir, mut s) = sheet(&bytes);
        assert_eq!((s.charset, s.delimiter), (Charset::Windows1252, b';'));
        let rows = rows(&mut s);
        assert_eq!(rows.len(), 2, "the empty line is skipped");
        let t = &rows[0].target;
        assert_eq!(t.name.as_deref(), Some("Inès Haddad"));
        assert_eq!(t.region.as_deref(), Some("Lyon (69003)"));
        assert_eq!(t.sector.as_deref(), Some("Développement de logiciels"));
        assert_eq!(rows[1].line, 4);
        assert_eq!(
            &rows[1].record[3], "Saint-Étienne",
            "fields kept as they came"
        );
    }

    #[test]
    fn crm_headers_utf8_bom_and_a_notes_preamble() {
        let text = "\u{feff}Notes:\n\"Exported from the CRM, 2026-11-25\"\n\nFirst Name,Last Name,Company Name,Location,Country/Region,Industry\nAda,Lovelace,Analytical,\"Greater Lyon Area\",France,Software Development\nBob,Ross,Joy,,,Arts\n";
        let (_dir, mut s) = sheet(text.as_bytes());
        assert_eq!((s.charset, s.delimiter), (Charset::Utf8Bom, b','));
        assert_eq!(s.header_line, 4);
        let rows = rows(&mut s);
        assert_eq!(
            rows[0].target.region.as_deref(),
            Some("Greater Lyon Area, France")
        );
        assert_eq!(rows[0].target.company.as_deref(), Some("Analytical"));
        assert_eq!(rows[1].target.region, None);
        assert_eq!(rows[1].line, 6);
    }

    #[test]
    fn the_company_place_stands_in_and_bad_files_are_named() {
        let text = "name\tcompany city\tcompany country\tindustry\nEve\tNantes\tFrance\tBanking\n";
        let (_dir, mut s) = sheet(text.as_bytes());
        assert_eq!(s.delimiter, b'\t');
        assert_eq!(
            rows(&mut s)[0].target.region.as_deref(),
            Some("Nantes, France")
        );
        let dir = tempfile::tempdir().expect("a temporary folder");
        let p = dir.path().join("x.csv");
        std::fs::write(&p, "a,b\n1,2\n").expect("writes the file");
        assert!(matches!(Sheet::open(&p), Err(SheetError::NoHeader)));
        std::fs::write(&p, b"PK\x03\x04\0\0xl/workbook.xml").expect("writes the file");
        assert!(matches!(Sheet::open(&p), Err(SheetError::Binary)));
        assert_eq!(Charset::sniff("é".as_bytes()).ok(), Some(Charset::Utf8));
        // A character cut by the end of the sample is still UTF-8.
        assert_eq!(
            Charset::sniff(&"é".as_bytes()[..1]).ok(),
            Some(Charset::Utf8)
        );
    }
}
