//! What the benchmarks use that is not API: the plural categories of a generated locale tree.
//!
//! Compiled only with the `bench-support` feature, which `cargo bench --bench check` and
//! `--bench suite` ask for (Cargo.toml); the tests need no feature, and the shipped binary and an
//! embedding tool never see this module, so nothing here is a promise.

use unic_langid::LanguageIdentifier;

use crate::check::plurals::{CATEGORIES, PluralInfo};

/// Every plural category of `locale` as the checker knows them (those fractions reach too),
/// in CLDR's order: what a complete plural select of that locale has.
pub fn plural_categories(locale: &LanguageIdentifier) -> Vec<&'static str> {
    let info = PluralInfo::for_locale(locale);
    info.all.iter().map(|&c| CATEGORIES[c]).collect()
}
