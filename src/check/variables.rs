//! Variables: each message's `$variables`, per variant, against the reference's.

use std::collections::BTreeSet;

use super::view::{EntryView, LocaleView, PatternView, Twin};
use super::walk::{VariantPath, variant_paths};
use crate::diagnostic::{Code, Diagnostic};

/// An unknown variable is an error (it renders as `{$name}`); one the translation leaves out
/// is a warning, per message and per variant. Terms are skipped: their variables are their
/// own parameters, not the message's.
pub(crate) fn check(view: &LocaleView, twins: &[Twin]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for &(entry, theirs) in twins.iter().filter(|(e, _)| !e.is_term()) {
        for pattern in entry.patterns() {
            let Some(reference_pattern) = theirs.pattern_view(pattern.attribute) else {
                continue;
            };
            compare(view, entry, pattern, theirs, reference_pattern, &mut out);
        }
    }
    out
}

fn compare(
    view: &LocaleView,
    entry: &EntryView,
    pattern: &PatternView,
    theirs: &EntryView,
    reference_pattern: &PatternView,
    out: &mut Vec<Diagnostic>,
) {
    let known = &reference_pattern.summary.variables;
    let mine = &pattern.summary.variables;
    let about = &*pattern.name;
    // Only for a diagnostic: most patterns have none.
    let uses = || {
        if known.is_empty() {
            "the reference uses no variables here".to_owned()
        } else {
            let listed: Vec<String> = known.iter().map(|v| format!("`${v}`")).collect();
            format!("the reference uses {}", listed.join(", "))
        }
    };

    // A reference variable the translation misspelt is reported once, as the misspelling.
    let mut suggested: BTreeSet<&str> = BTreeSet::new();
    for name in mine.iter().filter(|n| !known.contains(n)) {
        let span = dollar_span(entry, name);
        let mut diagnostic = view
            .error(
                Code::UnknownVariable,
                format!("unknown variable `${name}` in `{about}`"),
                about,
            )
            .with_label(
                entry.file_id(),
                span,
                "not a variable of the reference message",
            )
            .with_note(uses());
        if let Some(suggestion) = closest(name, known) {
            diagnostic = diagnostic.with_help(format!("did you mean `${suggestion}`?"));
            suggested.insert(suggestion);
        }
        out.push(diagnostic);
    }

    let mut left_out: BTreeSet<&str> = BTreeSet::new();
    for name in known.iter().filter(|n| !mine.contains(n)) {
        left_out.insert(name);
        if suggested.contains(name) {
            continue;
        }
        out.push(
            view.warning(Code::MissingVariable, format!("`{about}` leaves out `${name}`"), about)
                .with_label(entry.file_id(), pattern.span.clone(), format!("`${name}` appears nowhere in this translation"))
                .with_label(theirs.file_id(), dollar_span(theirs, name), "used in the reference")
                .with_help(format!("add `{{ ${name} }}` where your language puts it, or mark the message `# allow(missing-variable): <reason>`")),
        );
    }

    // Per variant: a variable the reference shows on every path must be on every path of the
    // translation; where both have the same variant, that variant's variables must match.
    if !reference_pattern.summary.has_select && !pattern.summary.has_select {
        return;
    }
    let reference_paths = variant_paths(reference_pattern.pattern);
    let my_paths = variant_paths(pattern.pattern);
    if my_paths.len() == 1 && reference_paths.len() == 1 {
        return;
    }
    let everywhere: BTreeSet<&str> = known
        .iter()
        .copied()
        .filter(|v| reference_paths.iter().all(|p| p.variables.contains(v)))
        .collect();
    let mut reported: BTreeSet<(String, &str)> = BTreeSet::new();
    for path in &my_paths {
        let twin: Option<&VariantPath> = reference_paths.iter().find(|r| r.keys == path.keys);
        let expected: BTreeSet<&str> = everywhere
            .iter()
            .copied()
            .chain(twin.into_iter().flat_map(|t| t.variables.iter().copied()))
            .collect();
        for name in expected {
            if path.variables.contains(&name) || left_out.contains(name) || path.keys.is_empty() {
                continue;
            }
            if !reported.insert((path.describe(), name)) {
                continue;
            }
            let key = path.keys.last().map(|(_, k)| *k).unwrap_or_default();
            out.push(
                view.warning(
                    Code::MissingVariable,
                    format!(
                        "variant {} of `{about}` leaves out `${name}`",
                        path.describe()
                    ),
                    about,
                )
                .with_label(
                    entry.file_id(),
                    entry.span_of(key),
                    format!("`${name}` is not shown in this variant"),
                )
                .with_note(match twin {
                    Some(_) => format!("the reference's variant {} shows it", path.describe()),
                    None => "the reference shows it in every variant".to_owned(),
                }),
            );
        }
    }
}

/// The span of `$name` from the slice of `name`.
fn dollar_span(entry: &EntryView, name: &str) -> std::ops::Range<usize> {
    let span = entry.span_of(name);
    if span == (0..0) {
        return entry.span.clone();
    }
    span.start.saturating_sub(1)..span.end
}

/// The closest known name, if it is close enough to be a typo.
pub(crate) fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let limit = (name.chars().count() / 3).max(1);
    candidates
        .iter()
        .map(|c| (levenshtein(&name.to_lowercase(), &c.to_lowercase()), *c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

/// Edit distance in characters: insertions, deletions, substitutions and transpositions of
/// neighbours (optimal string alignment), since `titel` for `title` is one slip, not two.
pub(crate) fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for i in 0..=a.len() {
        d[i * width] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(width) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = best;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_find_their_variable() {
        assert_eq!(levenshtein("nme", "name"), 1);
        assert_eq!(levenshtein("titel", "title"), 1);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(closest("nme", &["count", "name"]), Some("name"));
        assert_eq!(closest("Count", &["count"]), Some("count"));
        assert_eq!(closest("zzz", &["count", "name"]), None);
    }
}
