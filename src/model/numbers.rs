//! The numbers the program writes itself (page numbers, counts), in the locale's digits by CLDR.
//!
//! ICU4X's compiled CLDR data decides the digits: `fa` writes ۰–۹ (Extended Arabic-Indic), `ar`
//! and most locales 0–9 (CLDR's default for `ar` is `latn`; `ar-EG` would get ٠–٩). Grouping is
//! off: the numbers are page numbers, counts and years, which no locale groups below 10 000,
//! and Fluent's own formatting never grouped them either.

use std::sync::Arc;

use fluent_bundle::FluentValue;
use fluent_bundle::types::FluentNumberOptions;
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_decimal::options::{DecimalFormatterOptions, GroupingStrategy};
use icu_locale_core::Locale;
use intl_memoizer::{IntlLangMemoizer, Memoizable};
use unic_langid::LanguageIdentifier;

/// A locale's way of writing whole numbers.
#[derive(Clone)]
pub struct Numbers {
    /// The BCP 47 tag the formatter was made for.
    locale: String,
    formatter: Arc<DecimalFormatter>,
}

impl Numbers {
    /// The formatter of `locale` (a BCP 47 tag). A tag ICU4X cannot parse, or one it has no
    /// data for, falls back to CLDR's root: Latin digits, as before this existed.
    pub fn new(locale: &str) -> Self {
        let parsed = locale.parse::<Locale>().unwrap_or(Locale::UNKNOWN);
        let mut options = DecimalFormatterOptions::default();
        options.grouping_strategy = Some(GroupingStrategy::Never);
        let formatter = DecimalFormatter::try_new((&parsed).into(), options)
            .or_else(|_| DecimalFormatter::try_new((&Locale::UNKNOWN).into(), options))
            .expect("compiled data has the root locale");
        Self {
            locale: locale.to_owned(),
            formatter: Arc::new(formatter),
        }
    }

    /// `n` in the locale's digits, without grouping: `12` is `۱۲` in Persian.
    pub fn format(&self, n: usize) -> String {
        self.formatter.format_to_string(&Decimal::from(n as u64))
    }

    /// Whether this locale writes numbers in digits other than 0–9.
    pub fn has_own_digits(&self) -> bool {
        self.format(1234567890) != "1234567890"
    }
}

impl std::fmt::Debug for Numbers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Numbers")
            .field("locale", &self.locale)
            .field("digits", &self.format(1234567890))
            .finish()
    }
}

/// Formatters of one tag are the same formatter.
impl PartialEq for Numbers {
    fn eq(&self, other: &Self) -> bool {
        self.locale == other.locale
    }
}

/// A pack's numbers serialise as their digits, what a reader of the pack sees.
impl serde::Serialize for Numbers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.format(1234567890))
    }
}

/// The bundle's formatter, made once per bundle by Fluent's memoizer.
struct BundleNumbers(Numbers);

impl Memoizable for BundleNumbers {
    type Args = ();
    type Error = std::convert::Infallible;

    fn construct(lang: LanguageIdentifier, _: ()) -> Result<Self, Self::Error> {
        Ok(Self(Numbers::new(&lang.to_string())))
    }
}

/// Fluent's number formatter (`FluentBundle::set_formatter`): a whole number without options
/// (every `$count`, `$number`, `$day`, `$year` the model passes) in the locale's digits.
/// Anything else keeps Fluent's own formatting, which is how `NUMBER()` with options has
/// always printed.
pub(super) fn fluent_number(value: &FluentValue<'_>, intls: &IntlLangMemoizer) -> Option<String> {
    let FluentValue::Number(number) = value else {
        return None;
    };
    let whole = number.value.fract() == 0.0 && (0.0..=1e15).contains(&number.value);
    if !whole || number.options != FluentNumberOptions::default() {
        return None;
    }
    intls
        .with_try_get::<BundleNumbers, _, _>((), |numbers| numbers.0.format(number.value as usize))
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_writes_extended_arabic_indic_digits() {
        let fa = Numbers::new("fa");
        assert_eq!(fa.format(12), "۱۲");
        assert_eq!(fa.format(2025), "۲۰۲۵");
        assert!(fa.has_own_digits());
    }

    #[test]
    fn arabic_follows_cldr_latin_default_and_regions_their_own() {
        // CLDR's default numbering system for `ar` is `latn`; Egypt's is `arab`.
        assert_eq!(Numbers::new("ar").format(15000), "15000");
        assert_eq!(Numbers::new("ar-EG").format(15), "١٥");
        assert_eq!(Numbers::new("ar-u-nu-latn").format(7), "7");
    }

    #[test]
    fn latin_locales_and_unknown_tags_keep_0_to_9_without_grouping() {
        for locale in [
            "en", "fr", "de", "ru", "uk", "es", "he", "hi", "zh-Hans", "x-bad-",
        ] {
            let numbers = Numbers::new(locale);
            assert_eq!(numbers.format(1234567), "1234567", "{locale}");
            assert!(!numbers.has_own_digits(), "{locale}");
        }
    }
}
