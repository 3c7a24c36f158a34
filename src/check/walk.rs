//! Walking a Fluent pattern: every text, variable, reference and select it holds, and its variants.

use fluent_syntax::ast::{
    CallArguments, Expression, InlineExpression, Pattern, PatternElement, Variant, VariantKey,
};

/// One thing found in a pattern. Every `&str` borrows from the file's source, so its span is
/// known (see [`crate::source::span_in`]).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Event<'a> {
    /// A text element (one line of a multiline pattern at most).
    Text(&'a str),
    /// The value of a string literal `{ "…" }`, escapes not processed.
    Literal(&'a str),
    /// `$name` (the slice is `name`, without the `$`).
    Variable { name: &'a str },
    MessageRef {
        id: &'a str,
        attribute: Option<&'a str>,
    },
    TermRef {
        id: &'a str,
        attribute: Option<&'a str>,
    },
    /// A select expression, before its variants are walked.
    Select {
        selector: &'a InlineExpression<&'a str>,
        variants: &'a [Variant<&'a str>],
    },
}

/// Calls `f` for everything in `pattern`, depth first, in source order.
pub(crate) fn walk<'a>(pattern: &'a Pattern<&'a str>, f: &mut impl FnMut(Event<'a>)) {
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => f(Event::Text(value)),
            PatternElement::Placeable { expression } => walk_expression(expression, f),
        }
    }
}

fn walk_expression<'a>(expression: &'a Expression<&'a str>, f: &mut impl FnMut(Event<'a>)) {
    match expression {
        Expression::Inline(inline) => walk_inline(inline, f),
        Expression::Select { selector, variants } => {
            f(Event::Select { selector, variants });
            walk_inline(selector, f);
            for variant in variants {
                walk(&variant.value, f);
            }
        }
    }
}

fn walk_inline<'a>(inline: &'a InlineExpression<&'a str>, f: &mut impl FnMut(Event<'a>)) {
    match inline {
        InlineExpression::StringLiteral { value } => f(Event::Literal(value)),
        // No check needs number literals.
        InlineExpression::NumberLiteral { .. } => {}
        InlineExpression::VariableReference { id } => f(Event::Variable { name: id.name }),
        InlineExpression::MessageReference { id, attribute } => f(Event::MessageRef {
            id: id.name,
            attribute: attribute.as_ref().map(|a| a.name),
        }),
        InlineExpression::TermReference {
            id,
            attribute,
            arguments,
        } => {
            f(Event::TermRef {
                id: id.name,
                attribute: attribute.as_ref().map(|a| a.name),
            });
            // Named arguments of a term are literals, but the syntax allows positional ones,
            // which may be the message's variables: `{ -brand($case) }`.
            if let Some(arguments) = arguments {
                walk_arguments(arguments, f);
            }
        }
        InlineExpression::FunctionReference { arguments, .. } => walk_arguments(arguments, f),
        InlineExpression::Placeable { expression } => walk_expression(expression, f),
    }
}

fn walk_arguments<'a>(arguments: &'a CallArguments<&'a str>, f: &mut impl FnMut(Event<'a>)) {
    for positional in &arguments.positional {
        walk_inline(positional, f);
    }
    for named in &arguments.named {
        walk_inline(&named.value, f);
    }
}

/// The variable a selector is about: `$count` for both `{ $count -> … }` and
/// `{ NUMBER($count) -> … }`. Other selectors are named by their source form.
pub(crate) fn selector_name(selector: &InlineExpression<&str>) -> String {
    match selector {
        InlineExpression::VariableReference { id } => format!("${}", id.name),
        InlineExpression::FunctionReference { id, arguments } => match arguments.positional.first()
        {
            Some(InlineExpression::VariableReference { id: var }) => format!("${}", var.name),
            _ => format!("{}()", id.name),
        },
        InlineExpression::TermReference {
            id,
            attribute: Some(attribute),
            ..
        } => {
            format!("-{}.{}", id.name, attribute.name)
        }
        InlineExpression::TermReference { id, .. } => format!("-{}", id.name),
        InlineExpression::MessageReference { id, .. } => id.name.to_owned(),
        InlineExpression::StringLiteral { value } => format!("\"{value}\""),
        InlineExpression::NumberLiteral { value } => (*value).to_owned(),
        InlineExpression::Placeable { .. } => "{…}".to_owned(),
    }
}

/// A selector's identity without allocating: the variable of `$count` and of
/// `NUMBER($count)`, else the name of what it refers to (`-term`'s `term`, a function).
pub(crate) fn selector_key<'a>(selector: &'a InlineExpression<&'a str>) -> &'a str {
    match selector {
        InlineExpression::VariableReference { id } => id.name,
        InlineExpression::FunctionReference { id, arguments } => match arguments.positional.first()
        {
            Some(InlineExpression::VariableReference { id: var }) => var.name,
            _ => id.name,
        },
        InlineExpression::TermReference { id, attribute, .. } => {
            attribute.as_ref().map_or(id.name, |a| a.name)
        }
        InlineExpression::MessageReference { id, .. } => id.name,
        InlineExpression::StringLiteral { value } | InlineExpression::NumberLiteral { value } => {
            value
        }
        InlineExpression::Placeable { .. } => "",
    }
}

/// The key of a variant as written: `one`, `0`, `mission`.
pub(crate) fn key_name<'a>(key: &VariantKey<&'a str>) -> &'a str {
    match key {
        VariantKey::Identifier { name } => name,
        VariantKey::NumberLiteral { value } => value,
    }
}

/// One way through a pattern's select expressions, and the variables shown on it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct VariantPath<'a> {
    /// (selector, variant key) of each select taken, outermost first; the selector as
    /// [`selector_key`] names it.
    pub keys: Vec<(&'a str, &'a str)>,
    /// Variables used on this path, in text, selectors or function arguments (a handful:
    /// a list, kept without duplicates).
    pub variables: Vec<&'a str>,
}

impl VariantPath<'_> {
    /// `[one]`, `[mission][other]`: how a translator recognises the variant.
    pub(crate) fn describe(&self) -> String {
        self.keys
            .iter()
            .map(|(_, key)| format!("[{key}]"))
            .collect()
    }
}

/// Beyond this many paths (nested selects multiply), the rest are merged into the last one:
/// enough for any real message, bounded for hostile input.
const MAX_PATHS: usize = 64;

/// Every path through the selects of `pattern`.
pub(crate) fn variant_paths<'a>(pattern: &'a Pattern<&'a str>) -> Vec<VariantPath<'a>> {
    let mut paths = vec![VariantPath::default()];
    extend_paths(pattern, &mut paths);
    paths
}

fn extend_paths<'a>(pattern: &'a Pattern<&'a str>, paths: &mut Vec<VariantPath<'a>>) {
    for element in &pattern.elements {
        let PatternElement::Placeable { expression } = element else {
            continue;
        };
        extend_expression(expression, paths);
    }
}

fn extend_expression<'a>(expression: &'a Expression<&'a str>, paths: &mut Vec<VariantPath<'a>>) {
    match expression {
        Expression::Inline(inline) => {
            if let InlineExpression::Placeable { expression } = inline {
                return extend_expression(expression, paths);
            }
            let mut found = Vec::new();
            collect_inline_variables(inline, &mut found);
            for path in paths.iter_mut() {
                add_all(&mut path.variables, found.iter().copied());
            }
        }
        Expression::Select { selector, variants } => {
            let mut found = Vec::new();
            collect_inline_variables(selector, &mut found);
            let name = selector_key(selector);
            let mut next = Vec::with_capacity(paths.len() * variants.len());
            for path in paths.iter() {
                for variant in variants {
                    let mut sub = vec![VariantPath::default()];
                    extend_paths(&variant.value, &mut sub);
                    for s in sub {
                        let mut combined = path.clone();
                        combined.keys.push((name, key_name(&variant.key)));
                        combined.keys.extend(s.keys);
                        add_all(&mut combined.variables, found.iter().copied());
                        add_all(&mut combined.variables, s.variables);
                        next.push(combined);
                    }
                }
            }
            if next.len() > MAX_PATHS {
                let rest = next.split_off(MAX_PATHS - 1);
                let mut merged = rest[0].clone();
                for path in &rest[1..] {
                    add_all(&mut merged.variables, path.variables.iter().copied());
                }
                next.push(merged);
            }
            *paths = next;
        }
    }
}

/// Adds names to a list, each once.
fn add_all<'a>(list: &mut Vec<&'a str>, names: impl IntoIterator<Item = &'a str>) {
    for name in names {
        if !list.contains(&name) {
            list.push(name);
        }
    }
}

fn collect_inline_variables<'a>(inline: &'a InlineExpression<&'a str>, out: &mut Vec<&'a str>) {
    walk_inline(inline, &mut |event| {
        if let Event::Variable { name, .. } = event {
            out.push(name);
        }
    });
}

/// What the checks need to know about a pattern, found in one walk when the locale is indexed,
/// so that each check does not walk every pattern again.
#[derive(Debug, Clone, Default)]
pub(crate) struct Summary<'a> {
    pub has_select: bool,
    /// Variables, in order of first use.
    pub variables: Vec<&'a str>,
    /// Message and term references (`id`, `-term`, with the attribute), in order; the key
    /// borrows the source, so its span is known.
    pub references: Vec<(&'a str, Option<&'a str>)>,
    /// Some text may hold U+FFFD, a control character or an escape (a byte prefilter).
    pub suspicious: bool,
    /// Some text has `@`, `http` or `www.`: it may hold a contact.
    pub contact_hint: bool,
}

/// Walks `pattern` (whose slices borrow `source`) once for its [`Summary`].
pub(crate) fn summarise<'a>(pattern: &'a Pattern<&'a str>, source: &'a str) -> Summary<'a> {
    let mut summary = Summary {
        has_select: has_select(pattern),
        ..Summary::default()
    };
    walk(pattern, &mut |event| match event {
        Event::Text(text) | Event::Literal(text) => {
            let literal = matches!(event, Event::Literal(_));
            scan_bytes(text, literal, &mut summary);
        }
        Event::Variable { name, .. } if !summary.variables.contains(&name) => {
            summary.variables.push(name)
        }
        Event::MessageRef { id, attribute } => summary.references.push((id, attribute)),
        Event::TermRef { id, attribute } => {
            summary.references.push((dashed(source, id), attribute))
        }
        _ => {}
    });
    summary
}

/// Byte classes for the summary's one pass: a control character (C0 but tab and line
/// breaks, DEL), a lead byte of a character the text check looks for, `\\`, `@`, `:` (URLs
/// have `://`) and `.` (`www.`).
const CONTROL: u8 = 1;
const LEAD: u8 = 2;
const BACKSLASH: u8 = 4;
const AT: u8 = 8;
const COLON: u8 = 16;
const DOT: u8 = 32;
const CLASSES: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = CONTROL;
        b += 1;
    }
    table[b'\t' as usize] = 0;
    table[b'\n' as usize] = 0;
    table[b'\r' as usize] = 0;
    table[0x7F] = CONTROL;
    table[0xC2] = LEAD;
    table[0xE2] = LEAD;
    table[0xEF] = LEAD;
    table[b'\\' as usize] = BACKSLASH;
    table[b'@' as usize] = AT;
    table[b':' as usize] = COLON;
    table[b'.' as usize] = DOT;
    table
};

/// The summary's hints for one text: one pass over its bytes classifies them, then only the
/// rare candidates are looked at closely. The characters the text check looks for are
/// matched on their UTF-8 bytes: C0 controls but tab and line breaks, DEL, C1 controls
/// (C2 80–9F), U+202A–U+202E (E2 80 AA–AE), U+FEFF (EF BB BF), U+FFFD (EF BF BD).
fn scan_bytes(text: &str, literal: bool, summary: &mut Summary) {
    let bytes = text.as_bytes();
    let classes = bytes
        .iter()
        .fold(0u8, |found, &b| found | CLASSES[b as usize]);
    if classes & CONTROL != 0 || (literal && classes & BACKSLASH != 0) {
        summary.suspicious = true;
    }
    if classes & LEAD != 0 && !summary.suspicious {
        let special = bytes
            .windows(3)
            .filter(|w| matches!(w[0], 0xC2 | 0xE2 | 0xEF))
            .any(|w| match w {
                [0xC2, n, _] => (0x80..=0x9F).contains(n),
                [0xE2, 0x80, n] => (0xAA..=0xAE).contains(n),
                [0xEF, 0xBB, 0xBF] | [0xEF, 0xBF, 0xBD] => true,
                _ => false,
            });
        // A C1 control at the very end has no third byte to make a window.
        let last_pair = bytes.len() >= 2
            && bytes[bytes.len() - 2] == 0xC2
            && (0x80..=0x9F).contains(&bytes[bytes.len() - 1]);
        summary.suspicious = special || last_pair;
    }
    if !summary.contact_hint {
        summary.contact_hint = classes & AT != 0
            || (classes & COLON != 0 && text.contains("http"))
            || (classes & DOT != 0 && text.contains("www."));
    }
}

/// `-id` as a slice of the source, from the slice of `id` in a term reference: keys are then
/// borrowed, never allocated.
pub(crate) fn dashed<'a>(source: &'a str, id: &'a str) -> &'a str {
    match crate::source::offset_in(source, id) {
        Some(at) if at > 0 && source.as_bytes()[at - 1] == b'-' => &source[at - 1..at + id.len()],
        _ => id,
    }
}

/// Whether a pattern has a select expression (selects nest only inside another select or a
/// placeable, so the top level tells).
pub(crate) fn has_select(pattern: &Pattern<&str>) -> bool {
    fn is_select(expression: &Expression<&str>) -> bool {
        match expression {
            Expression::Select { .. } => true,
            Expression::Inline(InlineExpression::Placeable { expression }) => is_select(expression),
            Expression::Inline(_) => false,
        }
    }
    pattern
        .elements
        .iter()
        .any(|e| matches!(e, PatternElement::Placeable { expression } if is_select(expression)))
}

/// Every variable of a pattern, with its first occurrence.
pub(crate) fn variables<'a>(pattern: &'a Pattern<&'a str>) -> Vec<&'a str> {
    let mut out: Vec<&'a str> = Vec::new();
    walk(pattern, &mut |event| {
        if let Event::Variable { name, .. } = event
            && !out.contains(&name)
        {
            out.push(name);
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use fluent_syntax::ast::Entry;
    use fluent_syntax::parser::parse;

    fn with_pattern(source: &str, f: impl FnOnce(&Pattern<&str>)) {
        let resource = parse(source).expect("valid");
        let Entry::Message(message) = &resource.body[0] else {
            panic!("not a message")
        };
        f(message.value.as_ref().expect("a value"));
    }

    #[test]
    fn variables_are_found_everywhere() {
        with_pattern(
            "m = { NUMBER($n) ->\n [one] { $a }\n *[other] { -t($c) } { FN($d, $e, x: 2) }\n}\n",
            |p| assert_eq!(variables(p), ["n", "a", "c", "d", "e"]),
        );
    }

    #[test]
    fn byte_hints_find_exactly_what_the_text_check_wants() {
        let hints = |text: &str, literal: bool| {
            let mut summary = Summary::default();
            scan_bytes(text, literal, &mut summary);
            (summary.suspicious, summary.contact_hint)
        };
        assert_eq!(hints("« l’article » — 15 000", false), (false, false));
        assert_eq!(hints("a\u{202E}b", false), (true, false));
        assert_eq!(hints("a\u{FFFD}b", false), (true, false));
        assert_eq!(hints("a\u{85}b", false), (true, false));
        assert_eq!(hints("\\u202E", true), (true, false));
        assert_eq!(hints("\\u202E", false), (false, false));
        assert_eq!(hints("write to a@b.c or https://x", false), (false, true));
    }

    #[test]
    fn paths_follow_nested_selects() {
        with_pattern(
            "m = { $k ->\n [a] { $n ->\n [one] one\n *[other] { $n }\n } x\n *[b] { $y }\n}\n",
            |p| {
                let paths = variant_paths(p);
                let described: Vec<String> = paths.iter().map(VariantPath::describe).collect();
                assert_eq!(described, ["[a][one]", "[a][other]", "[b]"]);
                assert_eq!(paths[0].variables, ["k", "n"]);
                assert_eq!(paths[2].variables, ["k", "y"]);
            },
        );
    }

    #[test]
    fn selectors_are_named_by_their_variable() {
        with_pattern("m = { NUMBER($count) ->\n *[other] x\n}\n", |p| {
            let PatternElement::Placeable {
                expression: Expression::Select { selector, .. },
            } = &p.elements[0]
            else {
                panic!("not a select")
            };
            assert_eq!(selector_name(selector), "$count");
        });
    }
}
