//! Canonical fidelity: the reference locale's canonical parts must reproduce `canonical.txt`,
//! but for the corrections the manifest declares.

use crate::diagnostic::{Code, Diagnostic};
use crate::diff::{Edit, diff, word_diff};
use crate::load::Tree;
use crate::manifest::{BlockConfig, CorrectionConfig, Manifest};
use crate::model::lines::{Line, block_lines};
use crate::model::{AppealPack, Block};
use crate::source::FileId;

/// Collapses every run of whitespace to one space: line wrapping is not a difference.
pub(crate) fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The lines of the reference pack that must match the canonical text (for tests: the check
/// itself pairs them with the addressees behind address lines).
#[cfg(test)]
fn canonical_lines(pack: &AppealPack) -> Vec<Line> {
    generated_lines(pack, None)
        .into_iter()
        .map(|g| g.line)
        .collect()
}

/// A line the pack makes, and the messages whose words it holds besides its own: an address
/// entry holds the addressee's name and role.
struct Generated {
    line: Line,
    uses: Vec<String>,
}

impl Generated {
    /// Whether a correction of `message` (`id` or `id.attribute`) applies to this line.
    fn holds(&self, message: &str) -> bool {
        self.line.source == message || self.uses.iter().any(|u| u == message)
    }
}

fn generated_lines(pack: &AppealPack, manifest: Option<&Manifest>) -> Vec<Generated> {
    let mut out = Vec::new();
    for part in pack.parts.iter().filter(|p| p.canonical) {
        // The addressees of the section's `addresses` blocks, in order, as the model built them.
        let mut addresses = manifest
            .and_then(|m| m.sections.iter().find(|s| s.id.name == part.id))
            .into_iter()
            .flat_map(|s| &s.blocks)
            .filter_map(|b| match b {
                BlockConfig::Addresses(ids) => Some(ids),
                _ => None,
            });
        let mut lines: Vec<(Line, Vec<String>)> = part
            .kicker
            .iter()
            .chain(&part.heading)
            .map(|p| {
                let line = Line {
                    source: p.source.clone(),
                    text: p.text(),
                };
                (line, Vec::new())
            })
            .collect();
        // A suggested post is the pack's own text, never the source's: it may stand in a
        // canonical section (after the addresses of those reached only on X) uncompared.
        for block in part
            .blocks
            .iter()
            .filter(|b| !matches!(b, Block::Post { .. }))
        {
            let mut uses = Vec::new();
            if let Block::Addresses(_) = block
                && let (Some(manifest), Some(ids)) = (manifest, addresses.next())
            {
                uses = ids
                    .iter()
                    .filter_map(|id| manifest.addressee(id))
                    .map(|a| vec![a.message.name.clone(), format!("{}.role", a.message)])
                    .collect();
            }
            let mut uses = uses.into_iter();
            lines.extend(
                block_lines(block)
                    .into_iter()
                    .map(|line| (line, uses.next().unwrap_or_default())),
            );
        }
        out.extend(lines.into_iter().filter_map(|(line, uses)| {
            let text = normalise(&line.text);
            (!text.is_empty()).then_some(Generated {
                line: Line { text, ..line },
                uses,
            })
        }));
    }
    out
}

/// A correction with its words as the check compares them.
struct Declared<'m> {
    config: &'m CorrectionConfig,
    source: String,
    corrected: String,
}

/// `text` with every `from` of the corrections `which` replaced by their `to`.
fn apply<'m>(
    text: &str,
    which: impl IntoIterator<Item = &'m &'m Declared<'m>>,
    reverse: bool,
) -> String {
    let mut text = text.to_owned();
    for declared in which {
        let (from, to) = if reverse {
            (&declared.corrected, &declared.source)
        } else {
            (&declared.source, &declared.corrected)
        };
        text = text.replace(from.as_str(), to);
    }
    text
}

/// Compares the reference pack with `canonical.txt`; each drifted paragraph is one error
/// naming its message and showing the changed words. A declared correction is the one
/// difference accepted on its message's line; one that no longer matches is an error too.
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
    let manifest = tree.manifest();
    let generated = generated_lines(pack, manifest);
    let locale = pack.locale.clone();
    let message_label = |diagnostic: Diagnostic, source: &str| {
        let id = source.split('.').next().unwrap_or(source);
        match tree.locale(&locale).and_then(|l| l.entries.get(id)) {
            Some(at) => diagnostic.with_label(at.file, at.span.clone(), "reference message"),
            None => diagnostic,
        }
    };

    let mut out = Vec::new();
    let declared: Vec<Declared> = manifest
        .map_or(&[][..], |m| m.corrections.as_slice())
        .iter()
        .map(|config| Declared {
            config,
            source: normalise(&config.source),
            corrected: normalise(&config.corrected),
        })
        // Empty words are the manifest's own error.
        .filter(|d| !d.source.is_empty() && !d.corrected.is_empty())
        .collect();
    // The corrections that apply to each generated line.
    let applies: Vec<Vec<&Declared>> = generated
        .iter()
        .map(|g| {
            declared
                .iter()
                .filter(|d| g.holds(&d.config.message))
                .collect()
        })
        .collect();
    if let Some(manifest_file) = tree.manifest_file() {
        for d in &declared {
            let message = &d.config.message;
            let lines: Vec<usize> = (0..generated.len())
                .filter(|&j| applies[j].iter().any(|a| std::ptr::eq(*a, d)))
                .collect();
            let diagnostic = if lines.is_empty() {
                Diagnostic::error(
                    Code::CorrectionMismatch,
                    format!("the correction of `{message}` names no line of the canonical text"),
                )
                .with_label(manifest_file, message.span.clone(), "no canonical section prints it")
                .with_help("name the message whose text holds the corrected words, in a section with `canonical = true`")
            } else if !lines
                .iter()
                .any(|&j| generated[j].line.text.contains(&d.corrected))
            {
                message_label(
                    Diagnostic::error(
                        Code::CorrectionMismatch,
                        format!(
                            "`{message}` does not have the corrected words `{}`",
                            d.corrected
                        ),
                    )
                    .with_label(
                        manifest_file,
                        d.config.corrected.span.clone(),
                        "not in the message",
                    ),
                    message,
                )
                .with_help("write the words as the message has them, or remove the correction")
            } else {
                continue;
            };
            out.push(
                diagnostic
                    .in_locale(locale.clone())
                    .for_message(message.name.clone()),
            );
        }
    }

    // Lines are paired with the corrections undone, so that a corrected line still pairs with
    // the canonical line it reproduces.
    let undone: Vec<String> = generated
        .iter()
        .zip(&applies)
        .map(|(g, which)| apply(&g.line.text, which, true))
        .collect();
    let old: Vec<&str> = canonical.iter().map(|(_, t)| t.as_str()).collect();
    let new: Vec<&str> = undone.iter().map(String::as_str).collect();
    let edits = diff(&old, &new);

    let mut index = 0;
    while index < edits.len() {
        // A run of deletions and insertions up to the next equal line.
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
        let mut pairs: Vec<(Option<usize>, Option<usize>)> = (0..deleted.len().max(inserted.len()))
            .map(|k| (deleted.get(k).copied(), inserted.get(k).copied()))
            .collect();
        // An equal line is a pair too: a correction on it must still match.
        if let Some(Edit::Same(i, j)) = edits.get(run_end)
            && !applies[*j].is_empty()
        {
            pairs.push((Some(*i), Some(*j)));
        }
        for pair in pairs {
            match pair {
                (Some(i), Some(j)) => {
                    let line = &generated[j].line;
                    let (span, old_text) = (&canonical[i].0, &canonical[i].1);
                    let number = line_number(text, span.start);
                    let mut matched = Vec::new();
                    // One the message does not make is reported above, and not applied.
                    for d in applies[j]
                        .iter()
                        .filter(|d| line.text.contains(&d.corrected))
                    {
                        if old_text.contains(&d.source) {
                            matched.push(*d);
                        } else {
                            out.push(stale_correction(tree, file, span, number, d, &locale));
                        }
                    }
                    let expected = apply(old_text, &matched, false);
                    if expected != line.text {
                        out.push(drift(
                            tree,
                            file,
                            text,
                            (span, old_text),
                            &expected,
                            line,
                            !matched.is_empty(),
                            &locale,
                            &message_label,
                        ));
                    }
                }
                (Some(i), None) => out.push(
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
                (None, Some(j)) => {
                    let line = &generated[j].line;
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

/// A correction whose source words are not on its message's canonical line.
fn stale_correction(
    tree: &Tree,
    file: FileId,
    line: &std::ops::Range<usize>,
    number: usize,
    declared: &Declared,
    locale: &str,
) -> Diagnostic {
    let message = &declared.config.message;
    let mut diagnostic = Diagnostic::error(
        Code::CorrectionMismatch,
        format!(
            "the correction of `{message}` no longer matches the source: line {number} of the canonical text does not have `{}`",
            declared.source
        ),
    )
    .in_locale(locale.to_owned())
    .for_message(message.name.clone());
    if let Some(manifest_file) = tree.manifest_file() {
        diagnostic = diagnostic.with_label(
            manifest_file,
            declared.config.source.span.clone(),
            "the source's words, as declared",
        );
    }
    diagnostic
        .with_label(file, line.clone(), format!("line {number}"))
        .with_help("if the source now reads as corrected, remove the correction; otherwise copy the source's words from this line")
}

/// Why an address line may differ from the source's, and what to do: canonical.txt holds each
/// address on one line, as the entry pattern writes it.
const ADDRESS_NOTE: &str = "an address line is written by the entry pattern from the manifest's channels: \
each channel with its label, a postal address's lines joined by the line separator; where the source \
lays an address out otherwise (over several lines, or a fax inside the role), write its line in \
canonical.txt the way the pack writes it, keeping the source's words";

/// A line that differs from its canonical line (as corrected) by more than the corrections.
#[allow(clippy::too_many_arguments)]
fn drift(
    tree: &Tree,
    file: FileId,
    text: &str,
    (span, old_text): (&std::ops::Range<usize>, &String),
    expected: &str,
    line: &Line,
    corrected: bool,
    locale: &str,
    message_label: &dyn Fn(Diagnostic, &str) -> Diagnostic,
) -> Diagnostic {
    let changes = word_diff(expected, &line.text).excerpt(4);
    // Point at the first word that differs, on both sides when the message's own text (not a
    // term) holds it; in the canonical file, the word of the source's line that it stands for.
    let (old_word, new_word) = first_change(expected, &line.text);
    let old_word = old_word.and_then(|k| {
        if corrected {
            source_word(old_text, expected, k)
        } else {
            Some(k)
        }
    });
    let (at, what) = match old_word.and_then(|k| word_span(text, span.clone(), k)) {
        Some(at) => (at, "canonical text differs from here"),
        None => (span.end..span.end, "the message goes on after this"),
    };
    let mut diagnostic = Diagnostic::error(
        Code::CanonicalDrift,
        format!(
            "`{}` no longer reproduces line {} of the canonical text",
            line.source,
            line_number(text, span.start)
        ),
    )
    .in_locale(locale.to_owned())
    .for_message(line.source.clone())
    .with_label(file, at, what);
    if let Some(word) = new_word.and_then(|j| line.text.split_whitespace().nth(j))
        && let Some((message_file, span)) = find_in_message(tree, locale, &line.source, word)
    {
        diagnostic = diagnostic.with_label(message_file, span, format!("the message has `{word}`"));
    }
    let what = if corrected {
        "canonical, as corrected"
    } else {
        "canonical"
    };
    let mut diagnostic = diagnostic.with_note(format!("{what} → message: {changes}"));
    // Address lines are written by the entry pattern from the manifest's channels.
    if tree
        .manifest()
        .is_some_and(|m| m.contacts.entry.name == line.source)
    {
        diagnostic = diagnostic.with_note(ADDRESS_NOTE);
    }
    let diagnostic = diagnostic
        .with_help("the reference must match the canonical alert word for word; fix the message, update canonical.txt from the source alert, or declare a correction in the manifest's [[corrections]]");
    // The changed word already points into the message.
    if diagnostic.labels.len() > 1 {
        diagnostic
    } else {
        message_label(diagnostic, &line.source)
    }
}

/// The index in `source` of the word that word `index` of `corrected` (the source line with
/// corrections applied) stands for: the same word, or the first word a correction replaced.
fn source_word(source: &str, corrected: &str, index: usize) -> Option<usize> {
    let old: Vec<&str> = source.split_whitespace().collect();
    let new: Vec<&str> = corrected.split_whitespace().collect();
    let (mut i, mut j) = (0, 0);
    // The source word a run of corrected words replaced.
    let mut replaced = None;
    for edit in diff(&old, &new) {
        match edit {
            Edit::Same(..) => {
                if j == index {
                    return Some(i);
                }
                i += 1;
                j += 1;
                replaced = None;
            }
            Edit::Delete(_) => {
                replaced = replaced.or(Some(i));
                i += 1;
            }
            Edit::Insert(_) => {
                if j == index {
                    return Some(replaced.unwrap_or(i).min(old.len().saturating_sub(1)));
                }
                j += 1;
            }
        }
    }
    None
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
    use std::path::Path;

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
    fn a_word_of_the_corrected_line_is_found_in_the_source_line() {
        let source = "the General Prosecutor of Russia";
        let corrected = "the Prosecutor General of Russia";
        // "Prosecutor" (1) and "General" (2) of the corrected line: words the source has.
        assert_eq!(source_word(source, corrected, 1), Some(1));
        assert_eq!(source_word(source, corrected, 4), Some(4));
        // A word only the correction has stands for the word it replaced.
        assert_eq!(
            source_word("under Artcle 20.33", "under Article 20.33", 1),
            Some(1)
        );
        assert_eq!(source_word("a b", "a b", 5), None);
    }

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(normalise("  a\t b\n c  "), "a b c");
    }

    /// The shipped alert's data (`i18n/`), beside its other tests in `tests/shipped_alert.rs`:
    /// the reference's canonical parts are `canonical.txt` word for word, but for the slips
    /// the manifest declares corrected (each of which must be in the source). An oracle apart
    /// from the check, which compares the same lines its own way.
    #[test]
    fn the_shipped_reference_reproduces_the_canonical_text() {
        let i18n = Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n");
        let tree = crate::load::load(&i18n).expect("the shipped i18n loads");
        let pack = crate::model::build_pack(&tree, &tree.reference, &Default::default())
            .expect("the reference builds");
        let lines: Vec<String> = canonical_lines(&pack).into_iter().map(|l| l.text).collect();
        let canonical = std::fs::read_to_string(i18n.join("canonical.txt")).unwrap();
        let manifest: toml::Table = std::fs::read_to_string(i18n.join("manifest.toml"))
            .unwrap()
            .parse()
            .unwrap();
        let corrections = manifest.get("corrections").and_then(|c| c.as_array());
        let corrected = corrections
            .into_iter()
            .flatten()
            .fold(canonical.clone(), |text, c| {
                let words = |key: &str| c[key].as_str().unwrap().to_owned();
                let (source, corrected) = (words("source"), words("corrected"));
                assert!(text.contains(&source), "{source:?} is not in canonical.txt");
                text.replace(&source, &corrected)
            });
        let expected: Vec<String> = corrected
            .lines()
            .map(normalise)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(lines, expected);
        // And it is the verbatim copy of the source it was taken from (this alert's, when the
        // project's shared folder is beside the checkout).
        let shared = i18n.join("../../shared/canonical-alert.txt");
        if shared.exists() {
            assert_eq!(
                std::fs::read(&shared).unwrap(),
                canonical.as_bytes(),
                "i18n/canonical.txt must be a byte copy"
            );
        }
    }
}
