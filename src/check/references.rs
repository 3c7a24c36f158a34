//! References: messages and terms a pattern refers to must exist; no cycles; none dropped.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::variables::closest;
use super::view::{EntryView, LocaleView, Twin};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::FileId;

/// A value (`id`, `-term`) or an attribute (`id`, `.attr`) of the locale.
type Node<'a> = (&'a str, Option<&'a str>);

fn node_name(node: Node) -> String {
    match node {
        (key, Some(attribute)) => format!("{key}.{attribute}"),
        (key, None) => key.to_owned(),
    }
}

/// A reference from one pattern to another (`msg`, `msg.attr`, `-term`, `-term.attr`).
struct Edge<'a> {
    target: Node<'a>,
    file: FileId,
    span: Range<usize>,
}

/// References to messages, terms or attributes the locale does not define, and cycles.
pub(crate) fn check(view: &LocaleView) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Only patterns with references are nodes: the others cannot be in a cycle.
    let mut graph: BTreeMap<Node, Vec<Edge>> = BTreeMap::new();
    for entry in view.entries.values() {
        for pattern in entry.patterns() {
            let mut edges = Vec::new();
            for &(key, attribute) in &pattern.summary.references {
                let is_term = key.starts_with('-');
                let mut span = entry.span_of(key);
                // `menu.label`: the whole reference.
                if let Some(attribute) = attribute {
                    span.end = entry.span_of(attribute).end.max(span.end);
                }
                match unknown(
                    view,
                    entry,
                    &pattern.name,
                    key,
                    attribute,
                    is_term,
                    span.clone(),
                ) {
                    Some(problem) => out.push(problem),
                    None => edges.push(Edge {
                        target: (key, attribute),
                        file: entry.file_id(),
                        span,
                    }),
                }
            }
            if !edges.is_empty() {
                graph.insert((entry.key, pattern.attribute), edges);
            }
        }
    }
    out.extend(cycles(view, &graph));
    out
}

fn unknown(
    view: &LocaleView,
    entry: &EntryView,
    about: &str,
    key: &str,
    attribute: Option<&str>,
    is_term: bool,
    span: Range<usize>,
) -> Option<Diagnostic> {
    let code = if is_term {
        Code::UnknownTerm
    } else {
        Code::UnknownMessage
    };
    let what = if is_term { "term" } else { "message" };
    let Some(target) = view.get(key) else {
        // Lost to a syntax error, which is reported already.
        if view.junk.contains(key) {
            return None;
        }
        let mut diagnostic = view
            .error(code, format!("unknown {what} `{key}` in `{about}`"), about)
            .with_label(
                entry.file_id(),
                span,
                format!("`{}` defines no such {what}", view.id()),
            );
        let candidates: Vec<&str> = view
            .entries
            .keys()
            .copied()
            .filter(|k| k.starts_with('-') == is_term)
            .collect();
        if let Some(suggestion) = closest(key, &candidates) {
            diagnostic = diagnostic.with_help(format!("did you mean `{suggestion}`?"));
        } else if is_term {
            diagnostic = diagnostic.with_help(format!(
                "define `{key}` in this locale: terms are per locale"
            ));
        }
        return Some(diagnostic);
    };
    match attribute {
        Some(name) if target.attribute(name).is_none() => {
            let attributes: Vec<&str> = target.attributes.iter().map(|a| a.id.name).collect();
            let mut diagnostic = view
                .error(
                    code,
                    format!("`{key}` has no attribute `.{name}` (used in `{about}`)"),
                    about,
                )
                .with_label(entry.file_id(), span, "referenced here")
                .with_label(
                    target.file_id(),
                    target.span.clone(),
                    format!("`{key}` is defined here"),
                );
            if let Some(suggestion) = closest(name, &attributes) {
                diagnostic = diagnostic.with_help(format!("did you mean `{key}.{suggestion}`?"));
            }
            Some(diagnostic)
        }
        None if target.value.is_none() => Some(
            view.error(
                code,
                format!("`{key}` has no value to show in `{about}`"),
                about,
            )
            .with_label(entry.file_id(), span, "referenced here")
            .with_label(
                target.file_id(),
                target.span.clone(),
                "it has only attributes",
            )
            .with_help(format!(
                "refer to one of its attributes, `{{ {key}.name }}`"
            )),
        ),
        _ => None,
    }
}

/// Reference cycles (`a = { b }`, `b = { a }`): Fluent refuses to format them. Iterative, so a
/// hostile chain of references cannot overflow the stack.
fn cycles(view: &LocaleView, graph: &BTreeMap<Node, Vec<Edge>>) -> Vec<Diagnostic> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Open,
        Done,
    }
    let mut state: BTreeMap<Node, State> = BTreeMap::new();
    let mut out = Vec::new();
    let mut seen_cycles: BTreeSet<Vec<Node>> = BTreeSet::new();
    for &start in graph.keys() {
        if state.contains_key(&start) {
            continue;
        }
        // (node, index of the next edge to follow)
        let mut stack: Vec<(Node, usize)> = vec![(start, 0)];
        state.insert(start, State::Open);
        while let Some((node, next)) = stack.last().copied() {
            let edges = graph.get(&node).map_or(&[][..], Vec::as_slice);
            let Some(edge) = edges.get(next) else {
                state.insert(node, State::Done);
                stack.pop();
                continue;
            };
            if let Some(top) = stack.last_mut() {
                top.1 += 1;
            }
            if !graph.contains_key(&edge.target) {
                continue;
            }
            match state.get(&edge.target).copied() {
                None => {
                    state.insert(edge.target, State::Open);
                    stack.push((edge.target, 0));
                }
                Some(State::Open) => {
                    let from = stack
                        .iter()
                        .position(|(n, _)| *n == edge.target)
                        .unwrap_or(0);
                    let members: Vec<Node> = stack[from..].iter().map(|(n, _)| *n).collect();
                    let mut key = members.clone();
                    key.sort();
                    if seen_cycles.insert(key) {
                        let chain = members
                            .iter()
                            .chain(std::iter::once(&edge.target))
                            .map(|&n| format!("`{}`", node_name(n)))
                            .collect::<Vec<_>>()
                            .join(" → ");
                        out.push(
                            view.error(
                                Code::CyclicReference,
                                format!("cyclic reference: {chain}"),
                                &node_name(members[0]),
                            )
                            .with_label(
                                edge.file,
                                edge.span.clone(),
                                "this reference closes the cycle",
                            )
                            .with_note("fluent cannot format a message that refers back to itself"),
                        );
                    }
                }
                Some(State::Done) => {}
            }
        }
    }
    out
}

/// References of the reference's pattern that the translation drops: a warning, since a
/// grammar may need the name spelt out (a term in a case it does not define).
pub(crate) fn compare(view: &LocaleView, twins: &[Twin]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for &(entry, theirs) in twins {
        for pattern in entry.patterns() {
            let Some(reference_pattern) = theirs.pattern_view(pattern.attribute) else {
                continue;
            };
            let used = &pattern.summary.references;
            // A reference the translation misspelt is an error already; the reference it
            // should have been is not reported again as dropped.
            if used.iter().any(|(target, _)| view.get(target).is_none()) {
                continue;
            }
            let theirs_used = &reference_pattern.summary.references;
            for (i, &(target, _)) in theirs_used.iter().enumerate() {
                if used.iter().any(|(k, _)| *k == target)
                    || theirs_used[..i].iter().any(|(k, _)| *k == target)
                {
                    continue;
                }
                let slice = target;
                let what = if target.starts_with('-') {
                    "term"
                } else {
                    "message"
                };
                let at = theirs.span_of(slice);
                out.push(
                    view.warning(
                        Code::MissingReference,
                        format!("`{}` does not use the {what} `{target}` as the reference does", pattern.name),
                        &pattern.name,
                    )
                    .with_label(entry.file_id(), pattern.span.clone(), format!("no `{{ {target} }}` in this translation"))
                    .with_label(theirs.file_id(), at, "used in the reference")
                    .with_help(format!(
                        "use `{{ {target} }}` so the name reads the same everywhere, or mark the message `# allow(missing-reference): <reason>`"
                    )),
                );
            }
        }
    }
    out
}
