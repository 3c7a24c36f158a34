//! Canonical fidelity: the reference locale's canonical parts must reproduce `canonical.txt`.

use crate::diagnostic::{Code, Diagnostic};
use crate::diff::{Edit, diff, word_diff};
use crate::load::Tree;
use crate::model::AppealPack;
use crate::model::lines::{Line, part_lines};

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
pub(crate) fn check(tree: &Tree, pack: &AppealPack) -> Vec<Diagnostic> {
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
                    let changes = word_diff(&canonical[i].1, &line.text).excerpt(4);
                    // Point at the first word that differs, on both sides when the message's
                    // own text (not a term) holds it.
                    let (old_word, new_word) = first_change(&canonical[i].1, &line.text);
                    let (at, what) =
                        match old_word.and_then(|k| word_span(text, canonical[i].0.clone(), k)) {
                            Some(span) => (span, "canonical text differs from here"),
                            None => (
                                canonical[i].0.end..canonical[i].0.end,
                                "the message goes on after this",
                            ),
                        };
                    let mut diagnostic = Diagnostic::error(
                        Code::CanonicalDrift,
                        format!(
                            "`{}` no longer reproduces line {} of the canonical text",
                            line.source,
                            line_number(text, canonical[i].0.start)
                        ),
                    )
                    .in_locale(locale.clone())
                    .for_message(line.source.clone())
                    .with_label(file, at, what);
                    if let Some(word) = new_word.and_then(|j| line.text.split_whitespace().nth(j))
                        && let Some((message_file, span)) =
                            find_in_message(tree, &locale, &line.source, word)
                    {
                        diagnostic = diagnostic.with_label(
                            message_file,
                            span,
                            format!("the message has `{word}`"),
                        );
                    }
                    let diagnostic = diagnostic
                    .with_note(format!("canonical → message: {changes}"))
                    .with_help("the reference must match the canonical alert word for word; fix the message, or update canonical.txt from the source alert");
                    // The changed word already points into the message.
                    if diagnostic.labels.len() > 1 {
                        out.push(diagnostic);
                    } else {
                        out.push(message_label(diagnostic, &line.source));
                    }
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

/// Word indexes of the first difference: in the canonical line (`None` when words were only
/// added at its end) and in the message's line (`None` when words were only removed).
fn first_change(old: &str, new: &str) -> (Option<usize>, Option<usize>) {
    let old_words: Vec<&str> = old.split_whitespace().collect();
    let new_words: Vec<&str> = new.split_whitespace().collect();
    let edits = diff(&old_words, &new_words);
    let mut old_index = 0;
    let mut new_index = 0;
    for edit in edits {
        match edit {
            Edit::Same(..) => {
                old_index += 1;
                new_index += 1;
            }
            Edit::Delete(_) | Edit::Insert(_) => {
                let old_at = (old_index < old_words.len()).then_some(old_index);
                let new_at = (new_index < new_words.len()).then_some(new_index);
                return (old_at, new_at);
            }
        }
    }
    (None, None)
}

/// The byte span of the `index`th whitespace-separated word inside `line` of `text`.
fn word_span(
    text: &str,
    line: std::ops::Range<usize>,
    index: usize,
) -> Option<std::ops::Range<usize>> {
    let slice = text.get(line.clone())?;
    let word = slice.split_whitespace().nth(index)?;
    let start = line.start + crate::source::offset_in(slice, word)?;
    Some(start..start + word.len())
}

/// Where `word` is written in the text of message `source` (`id` or `id.attr`) of `locale`.
fn find_in_message(
    tree: &Tree,
    locale: &str,
    source: &str,
    word: &str,
) -> Option<(crate::source::FileId, std::ops::Range<usize>)> {
    let (id, attribute) = match source.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (source, None),
    };
    let locale = tree.locale(locale)?;
    let (file, entry) = locale.entry(id)?;
    let fluent_syntax::ast::Entry::Message(message) = entry else {
        return None;
    };
    let pattern = match attribute {
        Some(name) => &message.attributes.iter().find(|a| a.id.name == name)?.value,
        None => message.value.as_ref()?,
    };
    let mut found = None;
    crate::check::walk::walk(pattern, &mut |event| {
        if found.is_none()
            && let crate::check::walk::Event::Text(text) = event
            && let Some(at) = text.find(word)
        {
            let start = crate::source::span_in(file.resource.source(), text).start + at;
            found = Some(start..start + word.len());
        }
    });
    Some((file.file, found?))
}

fn line_number(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_changed_word_is_found_on_both_sides() {
        assert_eq!(
            first_change(
                "fines of up to 15,000 rubles",
                "fines of up to 50,000 rubles"
            ),
            (Some(4), Some(4))
        );
        assert_eq!(first_change("a b", "a b c"), (None, Some(2)));
        assert_eq!(first_change("a b c", "a c"), (Some(1), Some(1)));
        let text = "x\n  fines of  up to 15,000\n";
        assert_eq!(word_span(text, 2..text.len() - 1, 4), Some(20..26));
    }

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(normalise("  a\t b\n c  "), "a b c");
    }
}
