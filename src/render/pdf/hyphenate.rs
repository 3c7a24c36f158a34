//! Hyphenation points from the `hyphenation` crate's embedded Knuth–Liang patterns.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::{Mutex, OnceLock};

use hyphenation::{Hyphenator, Language, Load, Standard};

/// The pattern set for a locale: every language the `hyphenation` crate embeds (TeX's
/// patterns: Polish, Czech, Italian, Portuguese, … as well as the shipped languages), found by
/// its BCP 47 code; none for scripts without hyphenation (Arabic, Chinese).
fn language(locale: &str) -> Option<Language> {
    let lower = locale.to_ascii_lowercase();
    let mut parts = lower.split(['-', '_']);
    let primary = parts.next()?;
    let subtags: Vec<&str> = parts.collect();
    let code = match primary {
        // The reference text uses British spelling (“organisation”).
        "en" if subtags.contains(&"us") => "en-us",
        "en" => "en-gb",
        "de" => "de-1996",
        "el" => "el-monoton",
        "mn" => "mn-cyrl",
        "sr" if subtags.contains(&"latn") => "sh-latn",
        "sr" => "sr-cyrl",
        "no" => "nb",
        other => other,
    };
    Language::try_from_code(code)
}

/// Languages written in a script other than Latin, whose texts quote Latin names.
fn is_non_latin(language: Language) -> bool {
    matches!(
        language.code(),
        "ru" | "uk"
            | "be"
            | "bg"
            | "mk"
            | "sr-cyrl"
            | "sh-cyrl"
            | "mn-cyrl"
            | "el-monoton"
            | "el-polyton"
            | "hy"
            | "ka"
    )
}

/// Dictionaries are immutable once loaded: each language's is loaded once per process, on first
/// use, and shared by every render.
fn load(language: Language) -> Option<&'static Standard> {
    static LOADED: OnceLock<Mutex<HashMap<Language, Option<&'static Standard>>>> = OnceLock::new();
    let mut loaded = LOADED
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    *loaded.entry(language).or_insert_with(|| {
        Standard::from_embedded(language)
            .ok()
            .map(|d| &*Box::leak(Box::new(d)))
    })
}

/// A hyphenator for one locale, remembering the words it has seen (a pack repeats many).
#[derive(Clone)]
pub(super) struct Hyphenation {
    dictionary: Option<&'static Standard>,
    /// For words in Latin letters when the locale's own script is another (the organisation's
    /// name inside Russian text): English patterns.
    latin: Option<&'static Standard>,
    seen: Rc<RefCell<HashMap<String, Vec<usize>>>>,
}

impl std::fmt::Debug for Hyphenation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hyphenation")
            .field("enabled", &self.dictionary.is_some())
            .finish()
    }
}

impl Hyphenation {
    pub(super) fn for_locale(locale: &str) -> Self {
        let own = language(locale);
        let dictionary = own.and_then(load);
        // Cyrillic (or Greek, …) text quotes Latin names; Arabic is not hyphenated at all.
        let latin = match own {
            Some(l) if is_non_latin(l) => load(Language::EnglishGB),
            _ => None,
        };
        Self {
            dictionary,
            latin,
            seen: Rc::default(),
        }
    }

    pub(super) fn enabled(&self) -> bool {
        self.dictionary.is_some() || self.latin.is_some()
    }

    /// Byte offsets inside `word` where it may be hyphenated. Words shorter than five letters
    /// and words with a capital after the first letter (acronyms such as `NGOs`) are left whole.
    pub(super) fn points(&self, word: &str) -> Vec<usize> {
        let is_latin = word
            .chars()
            .all(|c| c.is_ascii_alphabetic() || ('\u{C0}'..='\u{24F}').contains(&c));
        let dictionary = match (is_latin, self.latin) {
            (true, Some(latin)) => latin,
            _ => match self.dictionary {
                Some(dictionary) => dictionary,
                None => return Vec::new(),
            },
        };
        let letters = word.chars().count();
        if letters < 5 || word.chars().skip(1).any(char::is_uppercase) {
            return Vec::new();
        }
        if let Some(points) = self.seen.borrow().get(word) {
            return points.clone();
        }
        let mut points = dictionary.hyphenate(word).breaks;
        // At least two letters before and three after a break, whatever the patterns allow.
        points.retain(|&p| word[..p].chars().count() >= 2 && word[p..].chars().count() >= 3);
        self.seen
            .borrow_mut()
            .insert(word.to_owned(), points.clone());
        points
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_words_break_at_pattern_points() {
        let h = Hyphenation::for_locale("en");
        let word = "organisation";
        let points = h.points(word);
        assert!(!points.is_empty());
        let pieces: Vec<&str> = std::iter::once(0)
            .chain(points.iter().copied())
            .zip(points.iter().copied().chain(std::iter::once(word.len())))
            .map(|(a, b)| &word[a..b])
            .collect();
        assert_eq!(pieces.concat(), word);
        assert!(h.points("NGOs").is_empty());
    }

    #[test]
    fn every_european_locale_has_patterns_and_arabic_has_none() {
        for locale in ["en", "fr", "es", "de", "ru", "uk"] {
            assert!(Hyphenation::for_locale(locale).enabled(), "{locale}");
        }
        assert!(!Hyphenation::for_locale("ar").enabled());
        // Any language with embedded patterns, not only the shipped ones.
        for locale in ["pl", "cs", "it", "pt-BR", "sr-Latn", "el", "en-US"] {
            assert!(Hyphenation::for_locale(locale).enabled(), "{locale}");
        }
        assert!(!Hyphenation::for_locale("zh").enabled());
        assert!(
            !Hyphenation::for_locale("pl")
                .points("organizacji")
                .is_empty()
        );
        assert!(
            !Hyphenation::for_locale("ru")
                .points("организации")
                .is_empty()
        );
    }
}
