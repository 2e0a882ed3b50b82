//! What an import has dealt with, kept beside the drafts it wrote: a
//! hidden CSV (`.poignee-import.csv`, 0600, rewritten atomically) that no
//! command takes for a draft. A line an invitation:
//! `key,kind,file,status,sent_on,accepted_on`.
//!
//! - `note`: a draft the import wrote (`file`, in the same folder);
//! - `own`: one of the user's own drafts found to be that invitation;
//! - `gone`: a draft the import wrote and the user has since deleted: never
//!   written again;
//! - `no-note`: an invitation sent without a note. There is no draft to
//!   lint, but `stats` counts it, to set notes against no notes.
//!
//! `status` is what the export said the last time it was dealt with (`sent`
//! or `accepted`): an export that says the same again needs no file read.
//! No name, address or text from the export is kept here, only the key
//! (the day and the person's name folded) and the file's name.

use crate::draft::Status;
use crate::lang::{Localize, Localized};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::path::Path;

/// The ledger's file name, in the drafts folder.
pub const LEDGER: &str = ".poignee-import.csv";

const HEADER: [&str; 6] = ["key", "kind", "file", "status", "sent_on", "accepted_on"];

/// What the line is, as its `kind` column writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString)]
#[strum(serialize_all = "kebab-case")]
pub enum Kind {
    Note,
    Own,
    Gone,
    NoNote,
}

impl Kind {
    fn name(self) -> &'static str {
        self.into()
    }

    fn parse(s: &str) -> Option<Kind> {
        s.parse().ok()
    }
}

/// One invitation dealt with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub kind: Kind,
    /// The draft's file name, in the ledger's folder (empty for `no-note`).
    pub file: String,
    /// `sent` or `accepted`.
    pub status: Status,
    pub sent_on: Date,
    pub accepted_on: Option<Date>,
}

/// Every invitation an import dealt with, by key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ledger {
    pub entries: BTreeMap<String, Entry>,
}

impl Ledger {
    /// Reads the ledger of `dir`: empty when there is none. A line that
    /// does not read is an error with its line: an import over it could
    /// write twice what it wrote once.
    pub fn read(dir: &Path) -> Result<Ledger, Localized> {
        let path = dir.join(LEDGER);
        if std::fs::symlink_metadata(&path).is_err() {
            return Ok(Ledger::default());
        }
        let shown = crate::text::terminal_line(&path.display().to_string()).into_owned();
        let bytes =
            crate::input::read_bytes(&path, crate::input::MAX_LIST_BYTES * 4).map_err(|e| {
                let m = e.message();
                Localized::new(format!("{shown} : {}", m.fr), format!("{shown}: {}", m.en))
            })?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .flexible(true)
            .from_reader(bytes.as_slice());
        let mut ledger = Ledger::default();
        for (i, record) in reader.records().enumerate() {
            let line = i + 2;
            let bad = || {
                Localized::new(
                    format!(
                        "{shown}:{line} : ligne illisible dans le registre des imports ; corrigez-la ou retirez-la (un import refait écrirait en double ce qu’elle dit)"
                    ),
                    format!(
                        "{shown}:{line}: unreadable line in the import ledger; fix or remove it (an import would write again what it says)"
                    ),
                )
            };
            let record = record.map_err(|_| bad())?;
            let cell = |i: usize| record.get(i).unwrap_or("").trim();
            let kind = Kind::parse(cell(1)).ok_or_else(bad)?;
            let status = match cell(3) {
                "sent" => Status::Sent,
                "accepted" => Status::Accepted,
                _ => return Err(bad()),
            };
            let sent_on: Date = cell(4).parse().map_err(|_| bad())?;
            let accepted_on = match cell(5) {
                "" => None,
                d => Some(d.parse().map_err(|_| bad())?),
            };
            let file = cell(2).to_string();
            // A file name only: the ledger never points outside its folder.
            if file.contains(['/', '\\']) || file == ".." {
                return Err(bad());
            }
            ledger.entries.insert(
                cell(0).to_string(),
                Entry {
                    kind,
                    file,
                    status,
                    sent_on,
                    accepted_on,
                },
            );
        }
        Ok(ledger)
    }

    /// The ledger as its file says it.
    pub fn render(&self) -> Vec<u8> {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record(HEADER);
        for (key, e) in &self.entries {
            let accepted = e.accepted_on.map(|d| d.to_string()).unwrap_or_default();
            let _ = w.write_record([
                key.as_str(),
                e.kind.name(),
                e.file.as_str(),
                e.status.name(),
                &e.sent_on.to_string(),
                &accepted,
            ]);
        }
        w.into_inner().unwrap_or_default()
    }

    /// The invitations sent without a note, for `stats`.
    pub fn no_notes(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values().filter(|e| e.kind == Kind::NoNote)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_then_read_back() {
        let mut l = Ledger::default();
        l.entries.insert(
            "linkedin/2024-01-15/ann-lee".into(),
            Entry {
                kind: Kind::Note,
                file: "ann-lee.md".into(),
                status: Status::Accepted,
                sent_on: jiff::civil::date(2024, 1, 15),
                accepted_on: Some(jiff::civil::date(2024, 1, 17)),
            },
        );
        l.entries.insert(
            "linkedin/2024-01-16/bob-ray".into(),
            Entry {
                kind: Kind::NoNote,
                file: String::new(),
                status: Status::Sent,
                sent_on: jiff::civil::date(2024, 1, 16),
                accepted_on: None,
            },
        );
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join(LEDGER), l.render()).expect("written");
        assert_eq!(Ledger::read(dir.path()), Ok(l));
        std::fs::write(
            dir.path().join(LEDGER),
            "key,kind,file,status,sent_on,accepted_on\nk,note,../x.md,sent,2024-01-01,\n",
        )
        .expect("written");
        let e = Ledger::read(dir.path()).expect_err("a path outside is refused");
        assert!(e.en.contains(":2: unreadable line"), "{e:?}");
    }
}
