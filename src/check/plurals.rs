//! Plurals: a select on a number must have a variant for each CLDR category of the locale.

use std::collections::{BTreeMap, BTreeSet};

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use fluent_syntax::ast::{InlineExpression, Pattern, Variant, VariantKey};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules, operands::PluralOperands};
use unic_langid::LanguageIdentifier;

use super::view::{EntryView, LocaleView};
use super::walk::{Event, key_name, selector_name, walk};
use crate::diagnostic::{Code, Diagnostic};

/// CLDR's category names, in CLDR order.
pub(crate) const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

fn category_index(category: PluralCategory) -> usize {
    match category {
        PluralCategory::ZERO => 0,
        PluralCategory::ONE => 1,
        PluralCategory::TWO => 2,
        PluralCategory::FEW => 3,
        PluralCategory::MANY => 4,
        PluralCategory::OTHER => 5,
    }
}

/// Integers sampled to find a locale's categories: every rule of CLDR 37 decides on the last
/// digits and on magnitude, which 0–1000 and a few powers of ten exercise.
fn integer_samples() -> impl Iterator<Item = u64> {
    (0..=1000).chain([10_000, 100_000, 1_000_000, 10_000_000])
}

/// Numbers with visible fraction digits (`1.5`, `0.10`), which some categories need, as
/// (integer part, fraction digits, number of fraction digits).
fn fraction_samples() -> impl Iterator<Item = (u64, u64, usize)> {
    let one_digit = (0..=30).flat_map(|i| (0..10).map(move |f| (i, f, 1)));
    let two_digits = (0..=3).flat_map(|i| (0..100).map(move |f| (i, f, 2)));
    one_digit.chain(two_digits)
}

/// CLDR's operands of `i.f` with `v` fraction digits, built directly: formatting and parsing
/// hundreds of strings per locale cost more than the rest of its plural check.
fn operands(i: u64, f: u64, v: usize) -> PluralOperands {
    let (mut t, mut w) = (f, v);
    while w > 0 && t % 10 == 0 {
        t /= 10;
        w -= 1;
    }
    PluralOperands {
        n: i as f64 + f as f64 / 10f64.powi(v as i32),
        i,
        v,
        w,
        f,
        t,
    }
}

/// The plural categories of a locale, as fluent-bundle will select them.
#[derive(Debug, Clone, Default)]
pub(crate) struct PluralInfo {
    /// The locale whose rules fluent-bundle uses (`de` for `de-CH`); `None` when intl_pluralrules
    /// has none, in which case fluent-bundle silently uses English rules.
    pub rules: Option<LanguageIdentifier>,
    /// Categories an integer can fall in: a select on a count must have each of them.
    pub integer: BTreeSet<usize>,
    /// Every category of the locale (some are reached only by fractions, like Russian `other`).
    pub all: BTreeSet<usize>,
    /// The integers up to 1000 in each category, to tell whether numeric keys like `[0]` and
    /// `[1]` cover a category on their own (English `one` is exactly 1).
    pub small_integers: BTreeMap<usize, Vec<u64>>,
    /// Categories that integers above 1000 also fall in.
    pub large_integers: BTreeSet<usize>,
    /// A few examples per category, for messages.
    pub examples: BTreeMap<usize, Vec<String>>,
}

impl PluralInfo {
    pub(crate) fn for_locale(langid: &LanguageIdentifier) -> Self {
        let available = PluralRules::get_locales(PluralRuleType::CARDINAL);
        // The same negotiation as fluent-bundle's, minus its English default.
        let negotiated = negotiate_languages(
            std::slice::from_ref(langid),
            &available,
            None,
            NegotiationStrategy::Lookup,
        );
        let Some(rules_locale) = negotiated.first().map(|l| (*l).clone()) else {
            return Self::default();
        };
        let Ok(rules) = PluralRules::create(rules_locale.clone(), PluralRuleType::CARDINAL) else {
            return Self::default();
        };
        let mut info = PluralInfo {
            rules: Some(rules_locale),
            ..Self::default()
        };
        for n in integer_samples() {
            if let Ok(category) = rules.select(n) {
                let index = category_index(category);
                info.integer.insert(index);
                info.all.insert(index);
                if n <= 1000 {
                    info.small_integers.entry(index).or_default().push(n);
                } else {
                    info.large_integers.insert(index);
                }
                let examples = info.examples.entry(index).or_default();
                if examples.len() < 3 {
                    examples.push(n.to_string());
                }
            }
        }
        for (i, f, v) in fraction_samples() {
            if let Ok(category) = rules.select(operands(i, f, v)) {
                let index = category_index(category);
                info.all.insert(index);
                let examples = info.examples.entry(index).or_default();
                if examples.len() < 3 {
                    examples.push(format!("{i}.{f:0v$}"));
                }
            }
        }
        info
    }

    /// `one (1, 21, 31…), few (2, 3, 4…), …`
    pub(crate) fn describe(&self) -> String {
        self.all
            .iter()
            .map(|&c| {
                format!(
                    "{} ({}…)",
                    CATEGORIES[c],
                    self.examples
                        .get(&c)
                        .map_or(String::new(), |e| e.join(", "))
                )
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Categories that CLDR gained after version 37 (the data of intl_pluralrules 7): `many`
/// for millions in French, Spanish, Italian, Portuguese and Catalan (CLDR 38,
/// "1 000 000 de lettres"). Translators following today's CLDR write them; fluent does not
/// choose them yet, and falls back to the default variant, so they are not flagged.
const NEWER_CLDR: &[(&str, &str)] = &[
    ("ca", "many"),
    ("es", "many"),
    ("fr", "many"),
    ("it", "many"),
    ("pt", "many"),
];

fn in_newer_cldr(langid: &LanguageIdentifier, category: &str) -> bool {
    let language = langid.language.as_str();
    NEWER_CLDR
        .iter()
        .any(|&(l, c)| l == language && c == category)
}

/// Whether a select looks like a plural select on its own: `NUMBER()`, numeric keys, or
/// CLDR category keys other than the ubiquitous `other`.
fn looks_plural(selector: &InlineExpression<&str>, variants: &[Variant<&str>]) -> bool {
    if let InlineExpression::FunctionReference { id, .. } = selector
        && id.name == "NUMBER"
    {
        return true;
    }
    variants.iter().any(|v| match v.key {
        VariantKey::NumberLiteral { .. } => true,
        VariantKey::Identifier { name } => name != "other" && CATEGORIES.contains(&name),
    })
}

/// Selectors (by [`selector_name`]) of the plural selects of a pattern.
fn plural_selectors(pattern: &Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    walk(pattern, &mut |event| {
        if let Event::Select { selector, variants } = event
            && looks_plural(selector, variants)
        {
            out.insert(selector_name(selector));
        }
    });
    out
}

/// Whether `NUMBER(…)` asks for fraction digits, so fractional categories are needed too.
fn shows_fractions(selector: &InlineExpression<&str>) -> bool {
    let InlineExpression::FunctionReference { id, arguments } = selector else {
        return false;
    };
    id.name == "NUMBER"
        && arguments.named.iter().any(|arg| {
            matches!(arg.name.name, "minimumFractionDigits" | "maximumFractionDigits")
                && matches!(arg.value, InlineExpression::NumberLiteral { value } if !value.trim_start_matches('0').is_empty())
        })
}

/// Checks every plural select of `view`. A select counts as plural when it looks plural, or
/// when the reference's same pattern has a plural select on the same selector: a translation
/// that kept only `*[other]` is then caught, which compare-locales misses.
pub(crate) fn check(reference: Option<&LocaleView>, view: &LocaleView) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut reported_no_rules = false;
    for entry in view.entries.values() {
        for pattern in entry.patterns().iter().filter(|p| p.summary.has_select) {
            // The reference is looked up only for a pattern that has a select.
            let mut from_reference: Option<BTreeSet<String>> = None;
            walk(pattern.pattern, &mut |event| {
                let Event::Select { selector, variants } = event else {
                    return;
                };
                if !looks_plural(selector, variants) {
                    let known = from_reference.get_or_insert_with(|| {
                        reference
                            .and_then(|r| r.get(entry.key))
                            .and_then(|r| r.pattern(pattern.attribute))
                            .map(plural_selectors)
                            .unwrap_or_default()
                    });
                    if !known.contains(&selector_name(selector)) {
                        return;
                    }
                }
                if view.plurals().rules.is_none() {
                    if !reported_no_rules {
                        reported_no_rules = true;
                        out.push(no_rules(view, entry, &pattern.name, selector));
                    }
                    return;
                }
                check_select(view, entry, &pattern.name, selector, variants, &mut out);
            });
        }
    }
    out
}

fn selector_span(entry: &EntryView, selector: &InlineExpression<&str>) -> std::ops::Range<usize> {
    match selector {
        InlineExpression::VariableReference { id } => {
            let span = entry.span_of(id.name);
            span.start.saturating_sub(1)..span.end
        }
        InlineExpression::FunctionReference { id, arguments } => {
            let start = entry.span_of(id.name).start;
            let end = match arguments.positional.first() {
                Some(InlineExpression::VariableReference { id: var }) => {
                    entry.span_of(var.name).end + 1
                }
                _ => start + id.name.len(),
            };
            start..end
        }
        InlineExpression::TermReference { id, .. }
        | InlineExpression::MessageReference { id, .. } => entry.span_of(id.name),
        _ => entry.span.clone(),
    }
}

fn no_rules(
    view: &LocaleView,
    entry: &EntryView,
    about: &str,
    selector: &InlineExpression<&str>,
) -> Diagnostic {
    view.warning(
        Code::NoPluralRules,
        format!("`{}` has no CLDR plural rules: fluent will choose variants by English rules", view.id()),
        about,
    )
    .with_label(entry.file_id(), selector_span(entry, selector), "this select's variants cannot be checked")
    .with_note("intl_pluralrules (CLDR 37) knows no rules for this language or any language it falls back to")
    .with_help("use a locale id with plural rules, or check the plural variants by hand")
}

fn check_select(
    view: &LocaleView,
    entry: &EntryView,
    about: &str,
    selector: &InlineExpression<&str>,
    variants: &[Variant<&str>],
    out: &mut Vec<Diagnostic>,
) {
    let plurals = view.plurals();
    let mut keyed = BTreeSet::new();
    let mut numbers = BTreeSet::new();
    for variant in variants {
        match variant.key {
            VariantKey::Identifier { name } => {
                if let Some(index) = CATEGORIES.iter().position(|c| *c == name) {
                    keyed.insert(index);
                    if !plurals.all.contains(&index) && !in_newer_cldr(&view.locale.langid, name) {
                        out.push(
                            view.warning(
                                Code::ExtraPluralCategory,
                                format!("`{name}` is not a plural category of `{}`", view.id()),
                                about,
                            )
                            .with_label(
                                entry.file_id(),
                                entry.span_of(name),
                                "this variant is never chosen",
                            )
                            .with_note(format!(
                                "`{}` has: {}",
                                view.id(),
                                plurals.describe()
                            )),
                        );
                    }
                }
            }
            VariantKey::NumberLiteral { value } => {
                if let Ok(n) = value.parse::<u64>() {
                    numbers.insert(n);
                }
            }
        }
    }
    let mut required = plurals.integer.clone();
    if shows_fractions(selector) {
        required.extend(plurals.all.iter().copied());
    }
    let missing: Vec<usize> = required
        .iter()
        .copied()
        .filter(|c| !keyed.contains(c))
        .filter(|c| {
            // `[1]` alone covers English `one`: every integer of the category has a key.
            let small = plurals.small_integers.get(c).map_or(&[][..], Vec::as_slice);
            let finite = small.len() < 10 && !plurals.large_integers.contains(c);
            !(finite && !small.is_empty() && small.iter().all(|n| numbers.contains(n)))
        })
        .collect();
    if missing.is_empty() {
        return;
    }
    let names: Vec<String> = missing
        .iter()
        .map(|&c| format!("`{}`", CATEGORIES[c]))
        .collect();
    let (noun, variants_word) = if missing.len() == 1 {
        ("category", "a variant")
    } else {
        ("categories", "variants")
    };
    let default = variants
        .iter()
        .find(|v| v.default)
        .map_or("", |v| key_name(&v.key));
    out.push(
        view.error(
            Code::MissingPluralCategory,
            format!(
                "select on `{}` lacks the plural {noun} {} of `{}`",
                selector_name(selector),
                names.join(", "),
                view.id()
            ),
            about,
        )
        .with_label(
            entry.file_id(),
            selector_span(entry, selector),
            format!("add {variants_word} for {}", names.join(", ")),
        )
        .with_note(format!("`{}` has: {}", view.id(), plurals.describe()))
        .with_help(format!(
            "until then, those numbers show the default variant `[{default}]`"
        )),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn info(id: &str) -> PluralInfo {
        PluralInfo::for_locale(&id.parse().unwrap())
    }

    fn names(set: &BTreeSet<usize>) -> Vec<&'static str> {
        set.iter().map(|&c| CATEGORIES[c]).collect()
    }

    #[test]
    fn categories_come_from_sampling() {
        assert_eq!(names(&info("en").integer), ["one", "other"]);
        assert_eq!(names(&info("fr").integer), ["one", "other"]);
        assert_eq!(names(&info("ru").integer), ["one", "few", "many"]);
        assert_eq!(names(&info("ru").all), ["one", "few", "many", "other"]);
        assert_eq!(
            names(&info("ar").integer),
            ["zero", "one", "two", "few", "many", "other"]
        );
        assert_eq!(names(&info("ja").integer), ["other"]);
    }

    #[test]
    fn regional_locales_use_their_language_and_unknown_ones_get_none() {
        assert_eq!(info("de-CH").rules.unwrap().to_string(), "de");
        assert!(info("tlh").rules.is_none());
    }

    #[test]
    fn operands_match_the_parsed_ones() {
        for (text, (i, f, v)) in [
            ("1.50", (1, 50, 2)),
            ("0.0", (0, 0, 1)),
            ("2.05", (2, 5, 2)),
            ("3.1", (3, 1, 1)),
        ] {
            assert_eq!(
                operands(i, f, v),
                PluralOperands::try_from(text).unwrap(),
                "{text}"
            );
        }
    }

    #[test]
    fn examples_describe_categories() {
        assert_eq!(info("en").describe(), "one (1…), other (0, 2, 3…)");
    }
}
