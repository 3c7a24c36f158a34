//! Hyphenation points from the `hyphenation` crate's embedded Knuth–Liang patterns.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

use hyphenation::{Hyphenator, Language, Load, Standard};

/// The pattern set for a locale, if the language has one (Arabic does not).
fn language(locale: &str) -> Option<(usize, Language)> {
    let primary = locale.split(['-', '_']).next().unwrap_or(locale);
    Some(match primary {
        // The reference text uses British spelling (“organisation”).
        "en" => (0, Language::EnglishGB),
        "fr" => (1, Language::French),
        "es" => (2, Language::Spanish),
        "de" => (3, Language::German1996),
        "ru" => (4, Language::Russian),
        "uk" => (5, Language::Ukrainian),
        _ => return None,
    })
}

/// Dictionaries are immutable once loaded, so one per language is shared by every render.
static DICTIONARIES: [OnceLock<Option<Standard>>; 6] = [
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
];

/// A hyphenator for one locale, remembering the words it has seen (a pack repeats many).
#[derive(Clone)]
pub struct Hyphenation {
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
    pub fn for_locale(locale: &str) -> Self {
        let load = |(slot, lang): (usize, Language)| {
            DICTIONARIES[slot]
                .get_or_init(|| Standard::from_embedded(lang).ok())
                .as_ref()
        };
        let dictionary = language(locale).and_then(load);
        // Cyrillic text quotes Latin names; Arabic is not hyphenated at all.
        let cyrillic = matches!(locale.split(['-', '_']).next(), Some("ru" | "uk"));
        let latin = if cyrillic {
            language("en").and_then(load)
        } else {
            None
        };
        Self {
            dictionary,
            latin,
            seen: Rc::default(),
        }
    }

    pub fn enabled(&self) -> bool {
        self.dictionary.is_some() || self.latin.is_some()
    }

    /// Byte offsets inside `word` where it may be hyphenated. Words shorter than five letters
    /// and words with a capital after the first letter (acronyms such as `NGOs`) are left whole.
    pub fn points(&self, word: &str) -> Vec<usize> {
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
        assert!(
            !Hyphenation::for_locale("ru")
                .points("организации")
                .is_empty()
        );
    }
}
