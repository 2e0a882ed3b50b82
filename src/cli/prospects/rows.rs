//! A row's cells placed under the header's columns, or why the row is
//! left out: a cell under no column, or `audience` cells that are the
//! user's, not poignee's.

use super::verdicts::Category;
use poignee::lang::Localized;
use poignee::prospects::Sheet;
use strum::VariantArray;

/// Why a row is left out: its cells would not stay under their columns.
pub(super) enum Refused<'a> {
    /// A cell that is not empty past the header's last column (the row
    /// is shifted: a separator inside an unquoted cell, a cell added).
    PastHeader {
        cells: usize,
        column: usize,
        cell: &'a str,
    },
    /// `audience` holds a value poignee does not write: the user's.
    Audience { column: usize, cell: &'a str },
    /// `audience_reason` holds text beside an empty `audience`: the user's.
    Reason { column: usize, cell: &'a str },
}

/// A cell quoted in a message: its first 40 characters.
fn quote(cell: &str) -> String {
    let cell = cell.trim();
    match cell.char_indices().nth(40) {
        Some((at, _)) => format!("{}…", &cell[..at]),
        None => cell.to_string(),
    }
}

impl Refused<'_> {
    pub(super) fn message(&self, line: u64, sheet: &Sheet) -> Localized {
        let width = sheet.headers.len();
        let header = sheet.header_line;
        let (cols_fr, cols_en) = if width > 1 {
            (format!("{width} colonnes"), format!("{width} columns"))
        } else {
            (format!("{width} colonne"), format!("{width} column"))
        };
        match self {
            Refused::PastHeader {
                cells,
                column,
                cell,
            } => Localized::new(
                format!(
                    "ligne {line}, colonne {column} : {cells} cellules quand l’en-tête (ligne {header}) nomme {cols_fr} ; « {} » n’est sous aucune (un séparateur dans une cellule sans guillemets ?) : ligne laissée de côté plutôt que décalée",
                    quote(cell)
                ),
                format!(
                    "line {line}, column {column}: {cells} cells where the header (line {header}) names {cols_en}; “{}” is under none (a separator inside an unquoted cell?): row left out rather than shifted",
                    quote(cell)
                ),
            ),
            Refused::Audience { column, cell } => Localized::new(
                format!(
                    "ligne {line}, colonne {column} : la cellule `audience` contient « {} », que poignee n’écrit pas (in, out, unknown, ambiguous) : ligne laissée de côté plutôt qu’écrite par-dessus",
                    quote(cell)
                ),
                format!(
                    "line {line}, column {column}: the `audience` cell holds “{}”, which poignee does not write (in, out, unknown, ambiguous): row left out rather than written over",
                    quote(cell)
                ),
            ),
            Refused::Reason { column, cell } => Localized::new(
                format!(
                    "ligne {line}, colonne {column} : la cellule `audience_reason` contient « {} » à côté d’une cellule `audience` vide : poignee ne l’a pas écrite ; ligne laissée de côté plutôt qu’écrite par-dessus",
                    quote(cell)
                ),
                format!(
                    "line {line}, column {column}: the `audience_reason` cell holds “{}” beside an empty `audience` cell: poignee did not write it; row left out rather than written over",
                    quote(cell)
                ),
            ),
        }
    }
}

/// The cells of a row placed under the header's columns: a short row
/// filled with empty cells, empty cells past the header (a trailing
/// separator) dropped. A cell that is not empty past the header is refused:
/// the row's cells are not under the columns that name them.
pub(super) fn fit<'a>(
    record: &'a csv::StringRecord,
    width: usize,
) -> Result<Vec<&'a str>, Refused<'a>> {
    let mut fields: Vec<&str> = record.iter().collect();
    if let Some((i, cell)) = fields
        .iter()
        .enumerate()
        .skip(width)
        .find(|(_, c)| !c.trim().is_empty())
    {
        return Err(Refused::PastHeader {
            cells: fields.len(),
            column: i + 1,
            cell,
        });
    }
    fields.resize(width, "");
    Ok(fields)
}

/// Whether the `audience` and `audience_reason` cells a list run before
/// holds are poignee's to write over: `audience` empty or one of its
/// words, and no reason beside an empty one. Anything else is the user's.
pub(super) fn ours<'a>(
    fields: &[&'a str],
    at_audience: Option<usize>,
    at_reason: Option<usize>,
) -> Result<(), Refused<'a>> {
    let cell = |at: Option<usize>| at.and_then(|i| fields.get(i).map(|c| (i, *c)));
    let audience = cell(at_audience);
    if let Some((i, c)) = audience {
        let c = c.trim();
        if !c.is_empty() && !Category::VARIANTS.iter().any(|k| k.name() == c) {
            return Err(Refused::Audience {
                column: i + 1,
                cell: c,
            });
        }
    }
    if let Some((i, c)) = cell(at_reason) {
        let empty = audience.is_none_or(|(_, a)| a.trim().is_empty());
        if empty && !c.trim().is_empty() {
            return Err(Refused::Reason {
                column: i + 1,
                cell: c,
            });
        }
    }
    Ok(())
}
