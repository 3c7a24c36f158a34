//! `appealpack init-locale`: a new locale folder with every reference message, commented out.
//! (`init-alert`, a new alert folder, is in `alert`.)

use std::fmt::Write as _;
use std::path::PathBuf;

use fluent_syntax::ast;

use crate::check::stale;
use crate::load::{FtlFile, Locale, Tree};
use crate::manifest::{Ident, locale_id_problem};

mod alert;
pub use alert::{AlertScaffold, InitAlertError, scaffold_alert};

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InitError {
    #[error("{0}")]
    InvalidLocale(String),
    #[error("`{0}` is the id of a pseudo-locale (made by `build --pseudo`); choose a real locale")]
    Reserved(String),
    #[error("`{code}` does not start with a language known to CLDR{}; if it is right, pass --unlisted-language", suggestion.as_ref().map(|s| format!(" (did you mean `{s}`?)")).unwrap_or_default())]
    UnknownLanguage {
        code: String,
        suggestion: Option<String>,
    },
    #[error("{} already exists; init-locale never overwrites a locale", .0.display())]
    Exists(PathBuf),
    #[error("the i18n tree has no manifest to add the locale to")]
    NoManifest,
    #[error("the reference locale `{0}` has no messages to start from")]
    NoReference(String),
}

/// The files a new locale starts with, and the manifest with the locale added.
#[derive(Debug, Clone)]
pub struct Scaffold {
    pub dir: PathBuf,
    /// The `.ftl` files, then the lock file.
    pub files: Vec<(PathBuf, String)>,
    pub manifest: (PathBuf, String),
}

/// Plans a new locale `code`; nothing is written here. Unless `unlisted_language` is set, the
/// language subtag must be one CLDR has plural rules for (every language with a written
/// standard an NGO is likely to translate into), so that `klingon` or `eng` is caught.
pub fn scaffold(tree: &Tree, code: &str, unlisted_language: bool) -> Result<Scaffold, InitError> {
    if let Some(problem) = locale_id_problem(&Ident::new(code)) {
        return Err(InitError::InvalidLocale(problem));
    }
    if crate::model::pseudo::Pseudo::from_locale_id(code).is_some() {
        return Err(InitError::Reserved(code.into()));
    }
    let langid: unic_langid::LanguageIdentifier = code
        .parse()
        .map_err(|_| InitError::InvalidLocale(code.into()))?;
    if !unlisted_language {
        known_language(code, &langid)?;
    }
    let dir = tree.root.join(code);
    if dir.exists() {
        return Err(InitError::Exists(dir));
    }
    let Some((manifest, manifest_file)) = tree.manifest.as_ref().map(|(m, f)| (m, *f)) else {
        return Err(InitError::NoManifest);
    };
    if manifest.alert.locales.iter().any(|l| l.name == code) {
        // Listed but without a folder: only the folder is missing.
    }
    let reference = tree.reference_locale().filter(|r| !r.files.is_empty());
    let reference = reference.ok_or_else(|| InitError::NoReference(tree.reference.clone()))?;

    let categories = plural_categories(&langid);
    let mut files: Vec<(PathBuf, String)> = reference
        .files
        .iter()
        .map(|file| {
            (
                dir.join(&file.name),
                scaffold_file(reference, file, code, categories.as_deref()),
            )
        })
        .collect();
    let lock = stale::for_new_locale(reference);
    files.push((dir.join(stale::LOCK_FILE), stale::to_text(&lock)));

    let manifest_path = tree.sources.path(manifest_file).to_owned();
    let mut manifest_text = tree.sources.get(manifest_file).text().to_owned();
    if !manifest.alert.locales.iter().any(|l| l.name == code) {
        let last = manifest.alert.locales.last().map(|l| l.span.end);
        match last {
            Some(end) => manifest_text.insert_str(end, &format!(", \"{code}\"")),
            None => return Err(InitError::NoManifest),
        }
    }
    Ok(Scaffold {
        dir,
        files,
        manifest: (manifest_path, manifest_text),
    })
}

/// Refuses a language subtag CLDR does not know, suggesting the nearest one it does.
fn known_language(code: &str, langid: &unic_langid::LanguageIdentifier) -> Result<(), InitError> {
    use intl_pluralrules::{PluralRuleType, PluralRules};
    let language = langid.language.as_str();
    let known: Vec<String> = PluralRules::get_locales(PluralRuleType::CARDINAL)
        .iter()
        .map(|l| l.language.as_str().to_owned())
        .collect();
    if known.iter().any(|k| k == language) {
        return Ok(());
    }
    let candidates: Vec<&str> = known.iter().map(String::as_str).collect();
    let suggestion = crate::check::variables::closest(language, &candidates).map(str::to_owned);
    Err(InitError::UnknownLanguage {
        code: code.into(),
        suggestion,
    })
}

fn scaffold_file(
    reference: &Locale,
    file: &FtlFile,
    code: &str,
    categories: Option<&[&str]>,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### `{code}` translation of {}/{}, started by `appealpack init-locale {code}`.",
        reference.id, file.name
    );
    out.push_str(
        "### Every message is commented out. To translate one, remove the `# ` in front of its\n",
    );
    out.push_str(
        "### lines and write your text after `=`; the English source and the notes are above it.\n",
    );
    out.push_str("### `appealpack check --locale ");
    out.push_str(code);
    out.push_str("` reports what is still missing.\n");
    match categories {
        Some(categories) => {
            let _ = writeln!(
                out,
                "### Plural categories of `{code}` (CLDR): {}.",
                categories.join(", ")
            );
        }
        None => {
            let _ = writeln!(
                out,
                "### No CLDR plural rules are known for `{code}`: ask for help before translating plurals."
            );
        }
    }
    // The bundle's resources are parsed for run time, which drops comments; the notes for
    // translators live in comments, so the reference file is parsed again, in full.
    let full = match fluent_syntax::parser::parse(file.resource.source()) {
        Ok(resource) | Err((resource, _)) => resource,
    };
    for entry in &full.body {
        match entry {
            ast::Entry::ResourceComment(comment) | ast::Entry::Comment(comment) => {
                out.push('\n');
                for line in &comment.content {
                    let _ = writeln!(out, "# note: {line}");
                }
            }
            ast::Entry::GroupComment(comment) => {
                out.push('\n');
                for line in &comment.content {
                    let _ = writeln!(out, "## {line}");
                }
            }
            ast::Entry::Message(ast::Message { id, comment, .. })
            | ast::Entry::Term(ast::Term { id, comment, .. }) => {
                let key = if matches!(entry, ast::Entry::Term(_)) {
                    format!("-{}", id.name)
                } else {
                    id.name.to_owned()
                };
                out.push('\n');
                scaffold_entry(&mut out, reference, &key, comment.as_ref(), categories);
            }
            _ => {}
        }
    }
    out
}

fn scaffold_entry(
    out: &mut String,
    reference: &Locale,
    key: &str,
    comment: Option<&ast::Comment<&str>>,
    categories: Option<&[&str]>,
) {
    if let Some(comment) = comment {
        for line in &comment.content {
            let _ = writeln!(out, "# note: {line}");
        }
    }
    let source = stale::entry_source(reference, key).unwrap_or_default();
    let mut variables: Vec<String> = Vec::new();
    let mut plural = false;
    if let Some((_, entry)) = reference.entry(key) {
        let (value, attributes) = match entry {
            ast::Entry::Message(m) => (m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (Some(&t.value), &t.attributes),
            _ => (None, &Vec::new()),
        };
        for pattern in value.into_iter().chain(attributes.iter().map(|a| &a.value)) {
            for name in crate::check::walk::variables(pattern) {
                if !variables.iter().any(|v| v == name) {
                    variables.push(name.to_owned());
                }
            }
            plural |= has_plural_select(pattern);
        }
    }
    for line in source.lines() {
        let _ = writeln!(out, "# en: {line}");
    }
    if !variables.is_empty() {
        let names: Vec<String> = variables.iter().map(|v| format!("${v}")).collect();
        let _ = writeln!(
            out,
            "# variables: {} (keep them; add no others)",
            names.join(", ")
        );
    }
    if plural {
        match categories {
            Some(c) => {
                let _ = writeln!(
                    out,
                    "# plural: give a variant for each of {}, with `*` on `other`",
                    c.join(", ")
                );
            }
            None => out.push_str("# plural: this locale has no known plural rules\n"),
        }
    }
    // The entry itself, to fill in: the id and attribute names, values left to the translator.
    let _ = writeln!(out, "# {key} =");
    if let Some((
        _,
        ast::Entry::Message(ast::Message { attributes, .. })
        | ast::Entry::Term(ast::Term { attributes, .. }),
    )) = reference.entry(key)
    {
        for attribute in attributes {
            let _ = writeln!(out, "#     .{} =", attribute.id.name);
        }
    }
}

/// Whether a pattern selects on plural categories (a variant key among CLDR's names).
fn has_plural_select(pattern: &ast::Pattern<&str>) -> bool {
    pattern.elements.iter().any(|element| match element {
        ast::PatternElement::Placeable { expression: ast::Expression::Select { variants, .. } } => variants.iter().any(|v| {
            matches!(&v.key, ast::VariantKey::Identifier { name } if ["zero", "one", "two", "few", "many"].contains(name))
        }),
        _ => false,
    })
}

/// The CLDR cardinal plural categories of a locale, in CLDR order, found by sampling numbers;
/// `None` when no plural rules are known for it.
pub(crate) fn plural_categories(
    langid: &unic_langid::LanguageIdentifier,
) -> Option<Vec<&'static str>> {
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

    fn tree() -> Tree {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        crate::load::load(&root.join("tests/fixtures/alert-observatory")).unwrap()
    }

    #[test]
    fn scaffolds_every_reference_file_with_commented_entries() {
        let tree = tree();
        let plan = scaffold(&tree, "pl", false).unwrap();
        assert_eq!(
            plan.files.len(),
            tree.reference_locale().unwrap().files.len() + 1,
            "every reference file, then the lock"
        );
        assert!(
            plan.files
                .last()
                .unwrap()
                .0
                .ends_with("appealpack-lock.toml")
        );
        let letters = &plan
            .files
            .iter()
            .find(|(p, _)| p.ends_with("letters.ftl"))
            .unwrap()
            .1;
        assert!(
            letters.contains("### Plural categories of `pl` (CLDR): one, few, many, other."),
            "{letters}"
        );
        assert!(
            letters.contains("# plural: give a variant for each of one, few, many, other"),
            "{letters}"
        );
        assert!(letters.contains("# variables: $count"), "{letters}");
        assert!(
            letters.contains("# en: letter-kicker = Model letter { $number } of { $count }"),
            "{letters}"
        );
        assert!(letters.contains("\n# letter-kicker =\n"), "{letters}");
        // The notes for translators come along, attached or not.
        assert!(
            letters
                .contains("# note: Small line above each letter’s heading.\n# en: letter-kicker"),
            "{letters}"
        );
        assert!(
            letters.contains("# note:   $kind   \"official\" for a person in office"),
            "{letters}"
        );
        let alert = &plan
            .files
            .iter()
            .find(|(p, _)| p.ends_with("alert.ftl"))
            .unwrap()
            .1;
        assert!(
            alert.contains("# note: Legal weight: fine of up to 15,000 Russian roubles"),
            "{alert}"
        );
        assert!(alert.contains("## The four demands."), "{alert}");
        // Every line is a comment: the scaffold defines nothing yet.
        let resource =
            fluent_bundle::FluentResource::try_new(letters.clone()).expect("parses cleanly");
        assert_eq!(
            resource
                .entries()
                .filter(|e| matches!(e, ast::Entry::Message(_) | ast::Entry::Term(_)))
                .count(),
            0
        );
        assert!(
            plan.manifest.1.contains(r#""uk", "ar", "pl"]"#),
            "{}",
            plan.manifest.1
        );
    }

    #[test]
    fn refuses_bad_codes_and_existing_locales() {
        let tree = tree();
        assert!(matches!(
            scaffold(&tree, "../x", false),
            Err(InitError::InvalidLocale(_))
        ));
        assert!(matches!(
            scaffold(&tree, "en", false),
            Err(InitError::Exists(_))
        ));
        assert_eq!(
            scaffold(&tree, "en-XA", false).unwrap_err().to_string(),
            "`en-XA` is the id of a pseudo-locale (made by `build --pseudo`); choose a real locale"
        );
        assert!(matches!(
            scaffold(&tree, "ar-XB", false),
            Err(InitError::Reserved(_))
        ));
        assert_eq!(
            scaffold(&tree, "klingon", false).unwrap_err().to_string(),
            "`klingon` does not start with a language known to CLDR; if it is right, pass --unlisted-language"
        );
        assert_eq!(
            scaffold(&tree, "plx", false).unwrap_err().to_string(),
            "`plx` does not start with a language known to CLDR (did you mean `pl`?); if it is right, pass --unlisted-language"
        );
        assert!(scaffold(&tree, "pt-BR", false).is_ok());
        assert!(scaffold(&tree, "klingon", true).is_ok());
    }

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
