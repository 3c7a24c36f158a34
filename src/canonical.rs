//! Canonical fidelity: the reference locale's canonical parts must reproduce `canonical.txt`.

use crate::diagnostic::{Code, Diagnostic};
use crate::diff::{Edit, diff, excerpt_changes, word_diff};
use crate::load::Tree;
use crate::model::AppealPack;
use crate::render::text::{Line, part_lines};

/// Collapses every run of whitespace to one space: line wrapping is not a difference.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines of the reference pack that must match the canonical text.
pub fn canonical_lines(pack: &AppealPack) -> Vec<Line> {
    pack.parts
        .iter()
        .filter(|p| p.canonical)
        .flat_map(part_lines)
        .map(|l| Line {
            text: normalise(&l.text),
            ..l
        })
        .filter(|l| !l.text.is_empty())
        .collect()
}

/// Compares the reference pack with `canonical.txt`; each drifted paragraph is one error
/// naming its message and showing the changed words.
pub fn check(tree: &Tree, pack: &AppealPack) -> Vec<Diagnostic> {
    let Some(file) = tree.canonical_file else {
        return Vec::new();
    };
    let text = tree.sources.get(file).text();
    // (byte range, normalised text) of each non-empty line of the canonical file.
    let mut canonical = Vec::new();
    let mut start = 0;
    for raw in text.split_inclusive('\n') {
        let normalised = normalise(raw);
        if !normalised.is_empty() {
            canonical.push((start..start + raw.trim_end().len(), normalised));
        }
        start += raw.len();
    }
    let generated = canonical_lines(pack);
    let old: Vec<&str> = canonical.iter().map(|(_, t)| t.as_str()).collect();
    let new: Vec<&str> = generated.iter().map(|l| l.text.as_str()).collect();
    let edits = diff(&old, &new);

    let locale = pack.locale.clone();
    let message_label = |diagnostic: Diagnostic, source: &str| {
        let id = source.split('.').next().unwrap_or(source);
        match tree.locale(&locale).and_then(|l| l.entries.get(id)) {
            Some(at) => diagnostic.with_label(at.file, at.span.clone(), "reference message"),
            None => diagnostic,
        }
    };

    let mut out = Vec::new();
    let mut index = 0;
    while index < edits.len() {
        // A run of deletions and insertions between two equal lines.
        let run_end = edits[index..]
            .iter()
            .position(|e| matches!(e, Edit::Same(..)))
            .map_or(edits.len(), |p| index + p);
        let deleted: Vec<usize> = edits[index..run_end]
            .iter()
            .filter_map(|e| {
                if let Edit::Delete(i) = e {
                    Some(*i)
                } else {
                    None
                }
            })
            .collect();
        let inserted: Vec<usize> = edits[index..run_end]
            .iter()
            .filter_map(|e| {
                if let Edit::Insert(j) = e {
                    Some(*j)
                } else {
                    None
                }
            })
            .collect();
        // Pair them in order: a pair is a paragraph that drifted.
        for k in 0..deleted.len().max(inserted.len()) {
            match (deleted.get(k), inserted.get(k)) {
                (Some(&i), Some(&j)) => {
                    let line = &generated[j];
                    let changes = excerpt_changes(&word_diff(&canonical[i].1, &line.text), 4);
                    let diagnostic = Diagnostic::error(
                        Code::CanonicalDrift,
                        format!("`{}` no longer reproduces line {} of the canonical text", line.source, line_number(text, canonical[i].0.start)),
                    )
                    .in_locale(locale.clone())
                    .for_message(line.source.clone())
                    .with_label(file, canonical[i].0.clone(), "canonical text")
                    .with_note(format!("canonical → message: {changes}"))
                    .with_help("the reference must match the canonical alert word for word; fix the message, or update canonical.txt from the source alert");
                    out.push(message_label(diagnostic, &line.source));
                }
                (Some(&i), None) => out.push(
                    Diagnostic::error(
                        Code::CanonicalDrift,
                        format!(
                            "line {} of the canonical text is reproduced by no message",
                            line_number(text, canonical[i].0.start)
                        ),
                    )
                    .in_locale(locale.clone())
                    .with_label(file, canonical[i].0.clone(), "not in the pack")
                    .with_help("add a message for it to a canonical section of the manifest"),
                ),
                (None, Some(&j)) => {
                    let line = &generated[j];
                    let diagnostic = Diagnostic::error(Code::CanonicalDrift, format!("`{}` is in a canonical section but not in the canonical text", line.source))
                        .in_locale(locale.clone())
                        .for_message(line.source.clone())
                        .with_note(format!("text: {}", line.text))
                        .with_help("move the message to a section without `canonical = true`, or add the line to canonical.txt");
                    out.push(message_label(diagnostic, &line.source));
                }
                (None, None) => {}
            }
        }
        index = run_end + 1;
    }
    out
}

fn line_number(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(normalise("  a\t b\n c  "), "a b c");
    }
}
