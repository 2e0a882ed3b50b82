//! The CSV writer of `audience --people` and `stats`: safe for a terminal
//! and for a spreadsheet.

/// CSV as poignee writes it (`audience --people --format csv`, `stats
/// --format csv`): every cell, the header's too, through the one sanitiser
/// ([`csv_cell`](crate::text::csv_cell)): ESC, BEL, a lone CR, the C1 and bidi
/// controls are written `<U+001B>`, as the other formats show them. Line
/// breaks and tabs in a cell stay.
///
/// Then a cell a spreadsheet would run as a formula (it starts with `=`,
/// `+`, `-`, `@`, a tab or a CR, and is not a plain number) gets a leading
/// `'`, OWASP's rule against CSV injection: Excel shows `=HYPERLINK(…)`
/// rather than runs it. [`CsvOut::keep_formulas`] turns that off. A cell
/// already so guarded starts with `'`, so a list run twice is guarded once.
///
/// Both changes are counted, so that they are said ([`CsvOut::notices`]):
/// no cell is altered silently.
#[derive(Debug)]
pub struct CsvOut {
    delimiter: u8,
    guard: bool,
    /// Cells that held a character a terminal acts on.
    pub escaped: usize,
    /// Cells given a leading `'`.
    pub guarded: usize,
}

/// Whether a spreadsheet would take `cell` for a formula: it starts with
/// one of OWASP's characters and is not a plain number (`-5`, `+3.5`).
pub fn is_formula(cell: &str) -> bool {
    cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.trim().parse::<f64>().is_err()
}

impl CsvOut {
    pub fn new(delimiter: u8) -> CsvOut {
        CsvOut {
            delimiter,
            guard: true,
            escaped: 0,
            guarded: 0,
        }
    }

    /// Writes a cell that a spreadsheet would run as it is (`--keep-formulas`).
    pub fn keep_formulas(mut self, keep: bool) -> CsvOut {
        self.guard = !keep;
        self
    }

    /// One record, its line break included.
    pub fn line<S: AsRef<str>>(&mut self, fields: &[S]) -> std::io::Result<Vec<u8>> {
        use std::borrow::Cow;
        let mut line = csv::WriterBuilder::new()
            .delimiter(self.delimiter)
            .flexible(true)
            .buffer_capacity(512)
            .from_writer(Vec::new());
        let mut cells: Vec<Cow<'_, str>> = Vec::with_capacity(fields.len());
        for field in fields {
            let mut cell = crate::text::csv_cell(field.as_ref());
            if matches!(cell, Cow::Owned(_)) {
                self.escaped += 1;
            }
            if self.guard && is_formula(&cell) {
                self.guarded += 1;
                cell = Cow::Owned(format!("'{cell}"));
            }
            cells.push(cell);
        }
        line.write_record(cells.iter().map(|c| c.as_bytes()))?;
        line.into_inner()
            .map_err(|e| std::io::Error::other(e.to_string()))
    }

    /// What the cells lost or gained, for standard error: nothing when
    /// none did.
    pub fn notices(&self) -> Vec<crate::lang::Localized> {
        let mut said = Vec::new();
        let n = self.escaped;
        if n > 0 {
            said.push(crate::lang::Localized::new(
                format!(
                    "{n} cellule{s} contenai{t} des caractères de contrôle (séquences d’échappement, bidi) : écrits `<U+001B>` dans le CSV, comme ailleurs, pour que le terminal ne les exécute pas",
                    s = if n > 1 { "s" } else { "" },
                    t = if n > 1 { "ent" } else { "t" },
                ),
                format!(
                    "{n} cell{s} held control characters (escape sequences, bidi): written `<U+001B>` in the CSV, as elsewhere, so that no terminal runs them",
                    s = if n == 1 { "" } else { "s" },
                ),
            ));
        }
        let n = self.guarded;
        if n > 0 {
            said.push(crate::lang::Localized::new(
                format!(
                    "{n} cellule{s} commençai{t} par = + - @, une tabulation ou un retour chariot : écrite{s} précédée{s} de ' pour qu’Excel l{es} affiche au lieu de l{es} exécuter (--keep-formulas pour les écrire telles quelles)",
                    s = if n > 1 { "s" } else { "" },
                    t = if n > 1 { "ent" } else { "t" },
                    es = if n > 1 { "es" } else { "a" },
                ),
                format!(
                    "{n} cell{s} began with = + - @, a tab or a CR: written after a ' so that Excel shows {them} rather than runs {them} (--keep-formulas writes them as they are)",
                    s = if n == 1 { "" } else { "s" },
                    them = if n == 1 { "it" } else { "them" },
                ),
            ));
        }
        said
    }
}
