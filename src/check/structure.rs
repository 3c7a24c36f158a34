//! Structure: missing and obsolete files, messages, terms, values and attributes; duplicates.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::VariantKey;

use super::view::{Alignment, EntryView, LocaleView};
use super::walk::{Event, walk};
use crate::diagnostic::{Code, Diagnostic};

/// Where a missing entry goes in the translation.
enum Placement<'v, 'a> {
    /// After this entry of the translation (the nearest one before it in the reference).
    After(&'v EntryView<'a>),
    /// At the top of the translation's file of that name.
    Top(crate::source::FileId),
}

/// The reference's entries of each file, in the order of the file.
fn order_by_file<'v, 'a>(
    reference: &'v LocaleView<'a>,
) -> BTreeMap<&'a str, Vec<&'v EntryView<'a>>> {
    let mut order: BTreeMap<&str, Vec<&EntryView>> = BTreeMap::new();
    for entry in reference.entries.values() {
        order
            .entry(entry.file.name.as_str())
            .or_default()
            .push(entry);
    }
    for entries in order.values_mut() {
        entries.sort_by_key(|e| e.span.start);
    }
    order
}

fn place_in_translation<'v, 'a>(
    reference_order: &BTreeMap<&str, Vec<&EntryView<'a>>>,
    missing: &EntryView<'a>,
    view: &'v LocaleView<'a>,
) -> Option<Placement<'v, 'a>> {
    let name = missing.file.name.as_str();
    let file = view.files.get(name)?;
    let entries = reference_order.get(name)?;
    let at = entries.iter().position(|e| std::ptr::eq(*e, missing))?;
    entries[..at]
        .iter()
        .rev()
        .find_map(|before| view.get(before.key).filter(|mine| mine.file.name == name))
        .map(Placement::After)
        .or(Some(Placement::Top(file.file)))
}

/// What the locale has and lacks compared with the reference. A missing file is reported
/// once, not once per message it would hold; entries lost to a syntax error are left to it.
pub(crate) fn compare(
    reference: &LocaleView,
    view: &LocaleView,
    aligned: &Alignment,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let missing_files: BTreeSet<&str> = reference
        .files
        .keys()
        .copied()
        .filter(|name| !view.files.contains_key(name))
        .filter(|name| !view.locale.ignored.files.contains(*name))
        .collect();
    let obsolete_files: BTreeSet<&str> = view
        .files
        .keys()
        .copied()
        .filter(|name| !reference.files.contains_key(name))
        .filter(|name| !view.locale.ignored.files.contains(*name))
        .collect();

    for name in &missing_files {
        let file = reference.files[name];
        let lost: Vec<&str> = aligned
            .missing
            .iter()
            .filter(|e| e.file.file == file.file)
            .map(|e| e.key)
            .collect();
        let mut diagnostic = Diagnostic::error(Code::MissingFile, format!("missing file `{name}`"))
            .in_locale(view.id())
            .with_label(
                file.file,
                0..0,
                format!("this file of the reference `{}`", reference.id()),
            )
            .with_help(format!("create {}", view.locale.dir.join(name).display()));
        if !lost.is_empty() {
            diagnostic = diagnostic.with_note(format!(
                "it holds {} of the locale's missing messages and terms: {}",
                lost.len(),
                shorten(&lost, 8)
            ));
        }
        out.push(diagnostic);
    }
    for name in &obsolete_files {
        out.push(
            Diagnostic::warning(Code::ObsoleteFile, format!("obsolete file `{name}`"))
                .in_locale(view.id())
                .with_label(
                    view.files[name].file,
                    0..0,
                    format!("the reference `{}` has no such file", reference.id()),
                )
                .with_help(
                    "remove it, or move what is still needed to the files the reference has",
                ),
        );
    }

    // An obsolete entry one or two edits away from a missing one is a misspelt id: one error
    // that says to rename it, rather than "missing" plus "obsolete: remove it", which would
    // have the translator delete a finished translation.
    let misspelt = misspellings(aligned);
    for &(mine, at) in &misspelt {
        let what = if at.is_term() { "term" } else { "message" };
        let code = if at.is_term() {
            Code::MissingTerm
        } else {
            Code::MissingMessage
        };
        out.push(
            view.error(
                code,
                format!(
                    "missing {what} `{}`: is `{}` a misspelling of it?",
                    at.key, mine.key
                ),
                at.key,
            )
            .with_label(
                mine.file_id(),
                mine.span.clone(),
                format!("did you mean `{}`?", at.key),
            )
            .with_label(
                at.file_id(),
                at.span.clone(),
                format!("defined in the reference `{}`", reference.id()),
            )
            .with_help(format!("rename `{}` to `{}`", mine.key, at.key)),
        );
    }
    let reference_order = order_by_file(reference);
    for &at in &aligned.missing {
        let key = at.key;
        if view.junk.contains(key)
            || missing_files.contains(at.file.name.as_str())
            || misspelt.iter().any(|(_, m)| std::ptr::eq(*m, at))
        {
            continue;
        }
        let (code, what) = if at.is_term() {
            (Code::MissingTerm, "term")
        } else {
            (Code::MissingMessage, "message")
        };
        let mut diagnostic = view.error(code, format!("missing {what} `{key}`"), key);
        // Point first at the translator's own file, where the entry belongs: after the entry
        // that precedes it in the reference, or at the top when none of those is translated.
        match place_in_translation(&reference_order, at, view) {
            Some(Placement::After(mine)) => {
                diagnostic = diagnostic.with_label(
                    mine.file_id(),
                    mine.span.clone(),
                    format!("add `{key}` after `{}`, as in the reference", mine.key),
                );
            }
            Some(Placement::Top(file)) => {
                diagnostic = diagnostic.with_label(file, 0..0, format!("add `{key}` to this file"));
            }
            None => {}
        }
        out.push(
            diagnostic
                .with_label(
                    at.file_id(),
                    at.span.clone(),
                    format!("defined in the reference `{}`", reference.id()),
                )
                .with_help(format!(
                    "translate it in {}",
                    view.locale.dir.join(&at.file.name).display()
                )),
        );
    }
    for &(mine, at) in &aligned.twins {
        compare_entry(reference, at, view, mine, &mut out);
    }
    for &mine in &aligned.extra {
        let key = mine.key;
        if reference.junk.contains(key) {
            continue;
        }
        if obsolete_files.contains(mine.file.name.as_str())
            || misspelt.iter().any(|(m, _)| std::ptr::eq(*m, mine))
        {
            continue;
        }
        let (code, what) = if mine.is_term() {
            (Code::ObsoleteTerm, "term")
        } else {
            (Code::ObsoleteMessage, "message")
        };
        out.push(
            view.warning(code, format!("obsolete {what} `{key}`"), key)
                .with_label(
                    mine.file_id(),
                    mine.span.clone(),
                    format!("not in the reference `{}`", reference.id()),
                )
                .with_help("remove it: nothing uses it"),
        );
    }
    out
}

/// Pairs of (the locale's extra entry, the reference's missing entry) whose ids differ by one or
/// two edits, each side used once, of the same kind (term or message). Skipped on huge lists,
/// where a quadratic search would cost more than the hint is worth.
fn misspellings<'v, 'a>(
    aligned: &Alignment<'v, 'a>,
) -> Vec<(&'v EntryView<'a>, &'v EntryView<'a>)> {
    let mut pairs = Vec::new();
    if aligned.missing.is_empty() || aligned.extra.len() * aligned.missing.len() > 10_000 {
        return pairs;
    }
    for &mine in &aligned.extra {
        let candidates: Vec<_> = aligned
            .missing
            .iter()
            .copied()
            .filter(|at| at.is_term() == mine.is_term())
            .filter(|at| !pairs.iter().any(|(_, taken)| std::ptr::eq(*taken, *at)))
            .map(|at| (super::variables::levenshtein(mine.key, at.key), at))
            .filter(|(distance, at)| *distance <= 2 && *distance < at.key.chars().count() / 2)
            .collect();
        let best = candidates.iter().map(|(d, _)| *d).min();
        let mut closest = candidates.into_iter().filter(|(d, _)| Some(*d) == best);
        // Only an unambiguous match is a hint worth giving.
        if let (Some((_, at)), None) = (closest.next(), closest.next()) {
            pairs.push((mine, at));
        }
    }
    pairs
}

/// Values and attributes of one entry that both locales define.
fn compare_entry(
    reference: &LocaleView,
    theirs: &EntryView,
    view: &LocaleView,
    mine: &EntryView,
    out: &mut Vec<Diagnostic>,
) {
    let key = mine.key;
    match (theirs.value.is_some(), mine.value.is_some()) {
        (true, false) => out.push(
            view.error(Code::MissingValue, format!("`{key}` has no value"), key)
                .with_label(mine.file_id(), mine.span.clone(), "only attributes here")
                .with_label(
                    theirs.file_id(),
                    theirs.span.clone(),
                    format!("the reference `{}` has a value", reference.id()),
                ),
        ),
        (false, true) => out.push(
            view.warning(
                Code::ObsoleteValue,
                format!("`{key}` has a value the reference does not have"),
                key,
            )
            .with_label(
                mine.file_id(),
                mine.span.clone(),
                "this value is never shown",
            )
            .with_label(
                theirs.file_id(),
                theirs.span.clone(),
                format!("attributes only in the reference `{}`", reference.id()),
            ),
        ),
        _ => {}
    }
    for attribute in theirs.patterns().iter().filter_map(|p| p.attribute) {
        let in_junk = view
            .junk_attributes
            .contains(&(key.to_owned(), attribute.to_owned()));
        if mine.attribute(attribute).is_none() && !in_junk {
            let at = theirs
                .attribute(attribute)
                .map_or(theirs.span.clone(), |a| theirs.span_of(a.id.name));
            out.push(
                view.error(
                    Code::MissingAttribute,
                    format!("missing attribute `{key}.{attribute}`"),
                    &format!("{key}.{attribute}"),
                )
                .with_label(
                    mine.file_id(),
                    mine.span.clone(),
                    format!("add `.{attribute}` to this {}", noun(mine)),
                )
                .with_label(
                    theirs.file_id(),
                    at,
                    format!("defined in the reference `{}`", reference.id()),
                ),
            );
        }
    }
    for pattern in mine.patterns() {
        let Some(attribute) = pattern.attribute else {
            continue;
        };
        // A locale's own wording of a letter's inside address: optional, in any locale.
        if attribute == crate::model::RECIPIENT_ATTRIBUTE {
            continue;
        }
        if theirs.attribute(attribute).is_none() {
            out.push(
                view.warning(
                    Code::ObsoleteAttribute,
                    format!("obsolete attribute `{key}.{attribute}`"),
                    &pattern.name,
                )
                .with_label(
                    mine.file_id(),
                    pattern.span.clone(),
                    format!("not in the reference `{}`", reference.id()),
                ),
            );
        }
    }
}

fn noun(entry: &EntryView) -> &'static str {
    if entry.is_term() { "term" } else { "message" }
}

/// Attributes defined twice in one entry, and variant keys repeated in one select.
pub(crate) fn duplicates(view: &LocaleView) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for entry in view.entries.values() {
        let mut seen: BTreeMap<&str, std::ops::Range<usize>> = BTreeMap::new();
        for attribute in entry.attributes {
            let span = entry.span_of(attribute.id.name);
            match seen.get(attribute.id.name) {
                Some(first) => out.push(
                    view.warning(
                        Code::DuplicateAttribute,
                        format!(
                            "attribute `.{}` is defined twice in `{}`",
                            attribute.id.name, entry.key
                        ),
                        &format!("{}.{}", entry.key, attribute.id.name),
                    )
                    .with_label(entry.file_id(), span, "defined again here")
                    .with_label(entry.file_id(), first.clone(), "first defined here")
                    .with_note("the first definition is used"),
                ),
                None => {
                    seen.insert(attribute.id.name, span);
                }
            }
        }
        for pattern in entry.patterns().iter().filter(|p| p.summary.has_select) {
            walk(pattern.pattern, &mut |event| {
                let Event::Select { variants, .. } = event else {
                    return;
                };
                let mut keys: BTreeMap<String, std::ops::Range<usize>> = BTreeMap::new();
                for variant in variants {
                    let (normal, slice) = match variant.key {
                        VariantKey::Identifier { name } => (name.to_owned(), name),
                        // `[1]` and `[1.0]` are the same key to Fluent.
                        VariantKey::NumberLiteral { value } => (
                            value
                                .parse::<f64>()
                                .map_or(value.to_owned(), |n| format!("#{n}")),
                            value,
                        ),
                    };
                    let span = entry.span_of(slice);
                    match keys.get(&normal) {
                        Some(first) => out.push(
                            view.warning(
                                Code::DuplicateVariant,
                                format!(
                                    "variant `[{slice}]` appears twice in one select of `{}`",
                                    pattern.name
                                ),
                                &pattern.name,
                            )
                            .with_label(entry.file_id(), span, "repeated here")
                            .with_label(entry.file_id(), first.clone(), "first here")
                            .with_note("only the first is ever chosen"),
                        ),
                        None => {
                            keys.insert(normal, span);
                        }
                    }
                }
            });
        }
    }
    out
}

/// `a, b, c and 5 more`.
pub(crate) fn shorten(items: &[&str], max: usize) -> String {
    let shown: Vec<String> = items.iter().take(max).map(|i| format!("`{i}`")).collect();
    let mut text = shown.join(", ");
    if items.len() > max {
        text.push_str(&format!(" and {} more", items.len() - max));
    }
    text
}
