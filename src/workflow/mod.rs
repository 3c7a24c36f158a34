//! The translator's workflow: scaffolding a locale, stale translations, pseudo-locales, status.

pub mod init;
pub mod lock;
pub mod pseudo;
pub mod status;

use fluent_syntax::ast;

use crate::load::Locale;

/// The canonical Fluent text of a message or term (`-id`) of a locale, without its comment:
/// what a translation is made from. Formatting differences in the file do not change it.
pub fn entry_source(locale: &Locale, id: &str) -> Option<String> {
    let (_, entry) = locale.entry(id)?;
    let entry = match entry {
        ast::Entry::Message(message) => ast::Entry::Message(ast::Message {
            comment: None,
            ..message.clone()
        }),
        ast::Entry::Term(term) => ast::Entry::Term(ast::Term {
            comment: None,
            ..term.clone()
        }),
        _ => return None,
    };
    let text = fluent_syntax::serializer::serialize(&ast::Resource { body: vec![entry] });
    Some(text.trim_end().to_owned())
}

/// The `$variables` a pattern uses, in order of first use (selectors and nested variants too).
pub fn pattern_variables<'s>(pattern: &ast::Pattern<&'s str>, out: &mut Vec<&'s str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables<'s>(expression: &ast::Expression<&'s str>, out: &mut Vec<&'s str>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables<'s>(inline: &ast::InlineExpression<&'s str>, out: &mut Vec<&'s str>) {
    match inline {
        ast::InlineExpression::VariableReference { id } if !out.contains(&id.name) => {
            out.push(id.name)
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// The CLDR cardinal plural categories of a locale, in CLDR order, found by sampling numbers;
/// `None` when no plural rules are known for it.
pub fn plural_categories(langid: &unic_langid::LanguageIdentifier) -> Option<Vec<&'static str>> {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let rules = PluralRules::create(langid.clone(), PluralRuleType::CARDINAL).ok()?;
    let mut found = Vec::new();
    let samples =
        (0..=1000)
            .map(f64::from)
            .chain([0.5, 1.5, 2.5, 0.1, 1.1, 1_000_000.0, 1e6 + 1.0]);
    for n in samples {
        if let Ok(category) = rules.select(n)
            && !found.contains(&category)
        {
            found.push(category);
        }
    }
    let order = [
        (PluralCategory::ZERO, "zero"),
        (PluralCategory::ONE, "one"),
        (PluralCategory::TWO, "two"),
        (PluralCategory::FEW, "few"),
        (PluralCategory::MANY, "many"),
        (PluralCategory::OTHER, "other"),
    ];
    Some(
        order
            .iter()
            .filter(|(c, _)| found.contains(c))
            .map(|(_, name)| *name)
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plural_categories_follow_cldr() {
        let categories = |id: &str| plural_categories(&id.parse().unwrap()).unwrap();
        assert_eq!(categories("en"), ["one", "other"]);
        assert_eq!(categories("ru"), ["one", "few", "many", "other"]);
        assert_eq!(categories("pl"), ["one", "few", "many", "other"]);
        assert_eq!(
            categories("ar"),
            ["zero", "one", "two", "few", "many", "other"]
        );
    }
}
