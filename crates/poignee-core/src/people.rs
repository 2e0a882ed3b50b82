//! A short list of people, from a CSV file: a spreadsheet export (`,` or
//! `;`, with or without a BOM, quoted fields) or LinkedIn's own
//! `Connections.csv` (a notes preamble, then `First Name,Last Name,URL,Email
//! Address,Company,Position,Connected On`). Known columns fill the target
//! (names, company, headline, region, sector, relationship, in English or
//! French); the others become placeholder values (`event`, `topic`, …).
//! E-mail addresses and profile URLs are never read into a note, nor
//! control, bidi-override or zero-width characters.

use crate::audience::taxonomy::key;
use crate::lang::{Localize, Localized};
use crate::target::{Relationship, Target};
use crate::text::without_hidden;
use std::collections::BTreeMap;

/// One person, from one row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The row's line in the file (1-based).
    pub line: usize,
    pub target: Target,
    /// The other columns, by placeholder name (`event`, `topic`).
    pub values: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeopleError {
    #[error("{}", .0.message().en)]
    Decode(crate::input::DecodeError),
    #[error(
        "no header line: the first row must name the columns (e.g. `first_name,last_name,company`)"
    )]
    NoHeader,
    #[error("line {line}: {message}")]
    Csv { line: usize, message: String },
    /// A relationship the list gives that is none poignee knows: said, not
    /// replaced silently by the template's.
    #[error("line {line}, column {column}: unknown relationship {value:?}")]
    Relationship {
        line: usize,
        column: usize,
        value: String,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Column {
    FirstName,
    LastName,
    Name,
    Company,
    Headline,
    Region,
    Sector,
    Relationship,
    /// Read, never used: e-mail, URL, dates.
    Ignored,
    Value,
}

fn column(header: &str) -> Column {
    match key(header).as_str() {
        "first name" | "firstname" | "prenom" | "given name" => Column::FirstName,
        "last name" | "lastname" | "nom de famille" | "family name" | "surname" | "nom" => {
            Column::LastName
        }
        "name" | "full name" | "nom complet" | "person" | "personne" => Column::Name,
        "company" | "entreprise" | "societe" | "organisation" | "organization" | "employer"
        | "employeur" => Column::Company,
        "position" | "headline" | "title" | "job title" | "titre" | "poste" | "fonction"
        | "intitule" => Column::Headline,
        "region" | "location" | "localisation" | "lieu" | "ville" | "city" | "zone" => {
            Column::Region
        }
        "sector" | "secteur" | "industry" | "industrie" | "secteur d activite" => Column::Sector,
        "relationship" | "relation" => Column::Relationship,
        "email address" | "email" | "e mail" | "adresse e mail" | "courriel" | "url"
        | "profile url" | "linkedin url" | "connected on" | "phone" | "telephone" => {
            Column::Ignored
        }
        _ => Column::Value,
    }
}

/// A header's placeholder name: `Mutual Contact` → `mutual_contact`.
fn value_name(header: &str) -> String {
    key(header).replace(' ', "_")
}

fn relationship(value: &str) -> Option<Relationship> {
    match key(value).as_str() {
        "none" | "aucune" | "aucun" => Some(Relationship::None),
        "met" | "rencontre" | "rencontree" => Some(Relationship::Met),
        "mutual" | "commun" | "contact commun" | "relation commune" => Some(Relationship::Mutual),
        "colleague" | "collegue" => Some(Relationship::Colleague),
        "alumni" | "ancien eleve" | "ancienne eleve" | "ancien" => Some(Relationship::Alumni),
        _ => None,
    }
}

impl Localize for PeopleError {
    fn message(&self) -> Localized {
        match self {
            PeopleError::Decode(e) => e.message(),
            PeopleError::NoHeader => Localized::new(
                "pas de ligne d’en-tête : la première ligne doit nommer les colonnes (par exemple `prénom;nom;entreprise`)",
                "no header line: the first row must name the columns (e.g. `first_name,last_name,company`)",
            ),
            PeopleError::Csv { line, message } => Localized::new(
                format!("ligne {line} : CSV illisible ({message})"),
                format!("line {line}: unreadable CSV ({message})"),
            ),
            PeopleError::Relationship {
                line,
                column,
                value,
            } => {
                let value = crate::text::terminal_line(value);
                Localized::new(
                    format!(
                        "ligne {line}, colonne {column} : relation « {value} » inconnue : écrivez aucune, rencontrée, contact commun, collègue ou ancien élève (ou none, met, mutual, colleague, alumni), ou laissez la case vide"
                    ),
                    format!(
                        "line {line}, column {column}: unknown relationship “{value}”: write none, met, mutual, colleague or alumni (or aucune, rencontrée, contact commun, collègue, ancien élève), or leave the cell empty"
                    ),
                )
            }
        }
    }
}

/// Reads a people list: UTF-8, or Windows-1252 as Excel writes it.
pub fn read(bytes: &[u8]) -> Result<Vec<Person>, PeopleError> {
    let text = crate::input::decode_spreadsheet(bytes.to_vec()).map_err(PeopleError::Decode)?;
    let text = text.as_str();
    // The header is the first line naming a known column: LinkedIn puts a
    // notes preamble before it.
    let mut offset = 0;
    let mut header_line = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let sep = if line.matches(';').count() > line.matches(',').count() {
            b';'
        } else {
            b','
        };
        let known = line
            .split(sep as char)
            .map(|h| column(h.trim().trim_matches('"')))
            .any(|c| !matches!(c, Column::Value | Column::Ignored));
        if known {
            header_line = Some((i, sep));
            break;
        }
        offset += line.len();
    }
    let Some((skipped, sep)) = header_line else {
        return Err(PeopleError::NoHeader);
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(&text.as_bytes()[offset..]);
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| PeopleError::Csv {
            line: skipped + 1,
            message: e.to_string(),
        })?
        .iter()
        .map(str::to_string)
        .collect();
    let columns: Vec<Column> = headers.iter().map(|h| column(h)).collect();
    let body = &text[offset..];
    // The csv reader's own line count skips blank lines: count them from
    // the byte offset instead.
    let line_at = |byte: u64| {
        let byte = crate::text::floor_char_boundary(body, byte as usize);
        let blank = body[byte..].len() - body[byte..].trim_start_matches(['\r', '\n']).len();
        skipped + 1 + body[..byte + blank].matches('\n').count()
    };
    let mut people = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| PeopleError::Csv {
            line: e.position().map_or(skipped + 1, |p| line_at(p.byte())),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(skipped + 1, |p| line_at(p.byte()));
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let mut t = Target::default();
        let (mut first, mut last) = (None, None);
        let mut values = BTreeMap::new();
        for (i, field) in record.iter().enumerate() {
            // Controls, bidi overrides and zero-width characters never
            // reach a note (nor the terminal) from a cell.
            let clean = without_hidden(field);
            let field = clean.trim();
            if field.is_empty() {
                continue;
            }
            let set = |slot: &mut Option<String>| *slot = Some(field.to_string());
            match columns.get(i).copied().unwrap_or(Column::Ignored) {
                Column::FirstName => first = Some(field.to_string()),
                Column::LastName => last = Some(field.to_string()),
                Column::Name => set(&mut t.name),
                Column::Company => set(&mut t.company),
                Column::Headline => set(&mut t.headline),
                Column::Region => set(&mut t.region),
                Column::Sector => set(&mut t.sector),
                Column::Relationship => {
                    t.relationship =
                        Some(
                            relationship(field).ok_or_else(|| PeopleError::Relationship {
                                line,
                                column: i + 1,
                                value: field.to_string(),
                            })?,
                        )
                }
                Column::Ignored => {}
                Column::Value => {
                    if let Some(h) = headers.get(i) {
                        values.insert(value_name(h), field.to_string());
                    }
                }
            }
        }
        if t.name.is_none() {
            let joined = [first, last]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" ");
            t.name = (!joined.is_empty()).then_some(joined);
        }
        people.push(Person {
            line,
            target: t,
            values,
        });
    }
    Ok(people)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_spreadsheet_export_with_bom_and_semicolons() {
        let csv = "\u{feff}Prénom;Nom;Entreprise;Ville;Secteur;event\nClaire;Martin;Acme;Lyon;Software Development;\"le salon VivaTech; stand B\"\n\nPaul;Durand;;Lille;;Web2Day\n";
        let p = read(csv.as_bytes()).expect("reads");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].line, 2);
        assert_eq!(p[0].target.name.as_deref(), Some("Claire Martin"));
        assert_eq!(p[0].target.company.as_deref(), Some("Acme"));
        assert_eq!(p[0].target.region.as_deref(), Some("Lyon"));
        assert_eq!(p[0].values["event"], "le salon VivaTech; stand B");
        assert_eq!(p[1].line, 4);
        assert_eq!(p[1].target.company, None);
    }

    #[test]
    fn linkedin_connections_export_as_it_comes() {
        let csv = "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more about this setting here: https://www.linkedin.com/help/linkedin/answer/261\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\nInès,Haddad,https://www.linkedin.com/in/ines,ines@example.com,Acme,\"Head of Data, Acme\",12 Nov 2026\n";
        let p = read(csv.as_bytes()).expect("reads");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].line, 5);
        assert_eq!(p[0].target.name.as_deref(), Some("Inès Haddad"));
        assert_eq!(p[0].target.headline.as_deref(), Some("Head of Data, Acme"));
        assert!(
            p[0].values.is_empty(),
            "no e-mail or URL kept: {:?}",
            p[0].values
        );
    }

    #[test]
    fn cells_are_cleaned_of_controls_bidi_and_zero_width_characters() {
        let csv = "first_name,last_name,company,event\n\"Eve\u{1b}]0;HACKED\u{7}\",\u{202e}Martin\u{202c},\"Acme\r\nInc\u{200b}\",Web2Day \u{9b}31m\n";
        let p = read(csv.as_bytes()).expect("reads");
        assert_eq!(p[0].target.name.as_deref(), Some("Eve]0;HACKED Martin"));
        assert_eq!(p[0].target.company.as_deref(), Some("Acme  Inc"));
        assert_eq!(p[0].values["event"], "Web2Day 31m");
    }

    #[test]
    fn a_relationship_is_read_in_either_language_or_refused_with_its_place() {
        let p = read("name;relation\nInès Haddad;Rencontrée\nSam Lee;colleague\n".as_bytes())
            .expect("reads");
        assert_eq!(p[0].target.relationship, Some(Relationship::Met));
        assert_eq!(p[1].target.relationship, Some(Relationship::Colleague));
        // An unknown value is said, never replaced by the template's.
        let e = read("name;relation\nInès Haddad;amis\n".as_bytes()).err();
        let said = e.as_ref().map(|e| e.message().fr);
        assert!(
            said.as_deref()
                .is_some_and(|m| m.starts_with("ligne 2, colonne 2 : relation « amis » inconnue")),
            "{said:?}"
        );
    }

    #[test]
    fn bad_input_is_an_error_with_a_line() {
        // Windows-1252, as Excel writes a French CSV.
        let p = read(b"first_name\nCl\xe9mence\n").expect("reads");
        assert_eq!(p[0].target.name.as_deref(), Some("Clémence"));
        assert_eq!(
            read(b"\xff\xfef\0i\0r\0").err(),
            Some(PeopleError::Decode(crate::input::DecodeError::Utf16))
        );
        assert_eq!(read(b"a,b\n1,2\n").err(), Some(PeopleError::NoHeader));
        assert_eq!(read(b"").err(), Some(PeopleError::NoHeader));
    }
}
