//! `appealpack status`: a matrix of locales by sections, with missing, stale and warnings.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::check::CheckReport;
use crate::diagnostic::{Code, Severity};
use crate::load::Tree;
use crate::manifest::{BlockConfig, Manifest};

/// Counts for one locale in one section.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Cell {
    pub messages: usize,
    pub missing: usize,
    pub stale: usize,
    pub errors: usize,
    pub warnings: usize,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Status {
    pub sections: Vec<String>,
    /// Per locale, one cell per section, in `sections` order.
    pub rows: Vec<(String, Vec<Cell>)>,
}

/// The section each message belongs to, from the manifest's outline; the rest is "other".
fn sections_of(manifest: &Manifest) -> (Vec<String>, BTreeMap<String, String>) {
    let mut names = Vec::new();
    let mut owner = BTreeMap::new();
    let mut claim = |section: &str, id: &str, names: &mut Vec<String>| {
        if !names.iter().any(|n| n == section) {
            names.push(section.to_owned());
        }
        owner
            .entry(id.split('.').next().unwrap_or(id).to_owned())
            .or_insert_with(|| section.to_owned());
    };
    for section in &manifest.sections {
        if let Some(heading) = &section.heading {
            claim(&section.id, heading, &mut names);
        }
        for block in &section.blocks {
            match block {
                BlockConfig::Paragraph(m) => claim(&section.id, m, &mut names),
                BlockConfig::Paragraphs(ms) | BlockConfig::List(ms) => {
                    ms.iter().for_each(|m| claim(&section.id, m, &mut names))
                }
                BlockConfig::Addresses(ids) => {
                    for addressee in ids.iter().filter_map(|id| manifest.addressee(id)) {
                        claim(&section.id, &addressee.message, &mut names);
                    }
                }
            }
        }
    }
    if let Some(letters) = &manifest.letters {
        let ids = letters
            .kicker
            .iter()
            .chain(&letters.sender)
            .chain(&letters.date)
            .chain(&letters.subject)
            .chain(&letters.signature)
            .chain(&letters.post_heading)
            .chain(&letters.post);
        for id in ids {
            claim("letters", id, &mut names);
        }
        let bodies = std::iter::once(&letters.body)
            .chain(manifest.addressees.iter().flat_map(|a| &a.letter_body));
        for block in bodies.flatten() {
            match block {
                BlockConfig::Paragraph(m) => claim("letters", m, &mut names),
                BlockConfig::Paragraphs(ms) | BlockConfig::List(ms) => {
                    ms.iter().for_each(|m| claim("letters", m, &mut names))
                }
                BlockConfig::Addresses(_) => {}
            }
        }
    }
    names.push("other".to_owned());
    (names, owner)
}

/// Builds the matrix from a check report of the tree.
pub fn status(tree: &Tree, report: &CheckReport) -> Status {
    let (sections, owner) = match tree.manifest() {
        Some(manifest) => sections_of(manifest),
        None => (vec!["other".to_owned()], BTreeMap::new()),
    };
    let section_of = |id: &str| -> usize {
        let base = id.trim_start_matches('-').split('.').next().unwrap_or(id);
        let name = owner
            .get(base)
            .or_else(|| owner.get(id))
            .map_or("other", String::as_str);
        sections
            .iter()
            .position(|s| s == name)
            .unwrap_or(sections.len() - 1)
    };
    let reference = tree.reference_locale();
    let mut rows = Vec::new();
    for summary in &report.locales {
        let mut cells = vec![Cell::default(); sections.len()];
        if let Some(reference) = reference {
            for id in reference.entries.keys() {
                cells[section_of(id)].messages += 1;
            }
        }
        for diagnostic in report
            .diagnostics
            .iter()
            .filter(|d| d.locale.as_deref() == Some(summary.locale.as_str()))
        {
            let cell = &mut cells[diagnostic
                .message_id
                .as_deref()
                .map_or(sections.len() - 1, section_of)];
            match diagnostic.code {
                Code::MissingMessage | Code::MissingTerm => cell.missing += 1,
                Code::Stale => cell.stale += 1,
                _ if diagnostic.severity == Severity::Error => cell.errors += 1,
                _ => cell.warnings += 1,
            }
        }
        rows.push((summary.locale.clone(), cells));
    }
    Status { sections, rows }
}

fn cell_text(cell: &Cell) -> String {
    if cell.messages == 0 && cell.missing + cell.stale + cell.errors + cell.warnings == 0 {
        return "–".into();
    }
    let done = cell.messages.saturating_sub(cell.missing);
    let mut text = format!("{done}/{}", cell.messages);
    for (count, mark) in [
        (cell.stale, "stale"),
        (cell.errors, "err"),
        (cell.warnings, "warn"),
    ] {
        if count > 0 {
            let _ = write!(text, " {count} {mark}");
        }
    }
    text
}

impl Status {
    /// A plain table for a terminal.
    pub fn to_terminal(&self) -> String {
        let mut table: Vec<Vec<String>> = vec![
            std::iter::once("locale".to_owned())
                .chain(self.sections.iter().cloned())
                .collect(),
        ];
        for (locale, cells) in &self.rows {
            table.push(
                std::iter::once(locale.clone())
                    .chain(cells.iter().map(cell_text))
                    .collect(),
            );
        }
        let widths: Vec<usize> = (0..table[0].len())
            .map(|c| {
                table
                    .iter()
                    .map(|r| r[c].chars().count())
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let mut out = String::new();
        for row in &table {
            let cells: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(text, width)| format!("{text:<width$}"))
                .collect();
            out.push_str(cells.join("  ").trim_end());
            out.push('\n');
        }
        out
    }

    /// A Markdown table for a pull-request comment.
    pub fn to_markdown(&self) -> String {
        let sections: Vec<String> = self.sections.iter().map(|s| markdown_text(s)).collect();
        let mut out = format!("| locale | {} |\n", sections.join(" | "));
        let _ = writeln!(out, "|---|{}", "---|".repeat(self.sections.len()));
        for (locale, cells) in &self.rows {
            let texts: Vec<String> = cells
                .iter()
                .map(|cell| {
                    let text = cell_text(cell);
                    let clean = cell.missing + cell.stale + cell.errors == 0;
                    if clean {
                        format!("✅ {text}")
                    } else {
                        format!("⚠️ {text}")
                    }
                })
                .collect();
            // A locale id is a safe name; `|` is escaped all the same, as GitHub reads it in
            // code spans too.
            let locale = crate::chars::visible(locale).replace('|', "\\|");
            let _ = writeln!(out, "| `{locale}` | {} |", texts.join(" | "));
        }
        out.push_str(
            "\n`done/total` messages per section; stale = translated from an older source.\n",
        );
        out
    }
}

/// Text for a cell of a GitHub Markdown table: control characters made visible, and the ASCII
/// punctuation that Markdown reads escaped, so that a `|` cannot end the cell and `![x](url)`
/// cannot show an image in a pull-request comment.
pub(crate) fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::chars::visible(text).chars() {
        if matches!(
            c,
            '\\' | '`'
                | '*'
                | '_'
                | '{'
                | '}'
                | '['
                | ']'
                | '('
                | ')'
                | '<'
                | '>'
                | '#'
                | '+'
                | '!'
                | '|'
                | '~'
                | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod markdown_tests {
    use super::markdown_text;

    #[test]
    fn markdown_cells_cannot_end_the_cell_or_show_an_image() {
        assert_eq!(markdown_text("a|b"), "a\\|b");
        assert_eq!(
            markdown_text("![x](https://e.org/x.png)"),
            "\\!\\[x\\]\\(https://e.org/x.png\\)"
        );
        assert_eq!(markdown_text("help-heading"), "help-heading");
        assert_eq!(markdown_text("a\nb"), "a␊b");
    }
}
