//! Hyphenation points from the `hyphenation` crate's embedded Knuth–Liang patterns.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
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

/// The writing systems whose words hyphenation patterns are made for. A word is hyphenated
/// only when all its letters are in the script of the locale's language: the patterns of one
/// language know nothing of words in another script (a Latin name inside Russian text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Cyrillic,
    Greek,
    Armenian,
    Georgian,
    /// Any other script (Indic, Thai, …): its words are told from the ones above by having
    /// none of their letters.
    Other,
}

fn script_of_char(c: char) -> Script {
    match c {
        'A'..='Z'
        | 'a'..='z'
        | 'ª'
        | 'º'
        | '\u{C0}'..='\u{2AF}'
        | '\u{1E00}'..='\u{1EFF}'
        | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}'
        | '\u{AB30}'..='\u{AB6F}'
        | '\u{FB00}'..='\u{FB06}' => Script::Latin,
        '\u{400}'..='\u{52F}'
        | '\u{1C80}'..='\u{1C8F}'
        | '\u{2DE0}'..='\u{2DFF}'
        | '\u{A640}'..='\u{A69F}' => Script::Cyrillic,
        '\u{370}'..='\u{3FF}' | '\u{1F00}'..='\u{1FFF}' => Script::Greek,
        '\u{530}'..='\u{58F}' | '\u{FB13}'..='\u{FB17}' => Script::Armenian,
        '\u{10A0}'..='\u{10FF}' | '\u{1C90}'..='\u{1CBF}' | '\u{2D00}'..='\u{2D2F}' => {
            Script::Georgian
        }
        _ => Script::Other,
    }
}

/// The script a language's patterns are for.
fn script_of(language: Language) -> Script {
    match language.code() {
        "ru" | "uk" | "be" | "bg" | "mk" | "sr-cyrl" | "sh-cyrl" | "mn-cyrl" | "cu" => {
            Script::Cyrillic
        }
        "el-monoton" | "el-polyton" | "grc" => Script::Greek,
        "hy" => Script::Armenian,
        "ka" => Script::Georgian,
        // Indic scripts, Thai, Coptic, Ethiopic.
        "as" | "bn" | "gu" | "hi" | "kn" | "ml" | "mr" | "or" | "pa" | "sa" | "ta" | "te"
        | "th" | "cop" | "mul-ethi" => Script::Other,
        _ => Script::Latin,
    }
}

/// Languages that capitalise every noun: there a capital letter does not mark a name.
fn capitalises_nouns(language: Language) -> bool {
    language.code().starts_with("de")
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
///
/// Which words it hyphenates (docs/decisions/0007-hyphenation-of-names.md): never words with
/// a letter outside the language's script, words with a capital after the first letter
/// (acronyms such as `NGOs`) or words shorter than five letters; names only as a last resort
/// ([`Hyphenation::name_points`]): capitalised words, except in languages that capitalise
/// every noun (German), where only the capitalised words of the pack's names count as names.
#[derive(Clone)]
pub(super) struct Hyphenation {
    dictionary: Option<&'static Standard>,
    script: Script,
    capitalises_nouns: bool,
    /// Capitalised words of the pack's proper names.
    names: Rc<HashSet<String>>,
    seen: Rc<RefCell<HashMap<String, Vec<usize>>>>,
}

impl std::fmt::Debug for Hyphenation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Hyphenation")
            .field("enabled", &self.dictionary.is_some())
            .field("script", &self.script)
            .finish()
    }
}

impl Hyphenation {
    pub(super) fn for_locale(locale: &str) -> Self {
        let own = language(locale);
        Self {
            dictionary: own.and_then(load),
            script: own.map_or(Script::Other, script_of),
            capitalises_nouns: own.is_some_and(capitalises_nouns),
            names: Rc::default(),
            seen: Rc::default(),
        }
    }

    /// Also treats as names the words of those `names` (the pack's proper names: the
    /// organisations, the addressees) whose every word is capitalised, which matters where
    /// capitals do not tell names. A descriptive name with lowercase words in it (“Botschaft
    /// der Russischen Föderation in Brüssel”) is made of common nouns, which stay hyphenable.
    pub(super) fn with_names<'a>(mut self, names: impl IntoIterator<Item = &'a str>) -> Self {
        let words = names
            .into_iter()
            .map(|name| {
                name.split(|c: char| !c.is_alphabetic())
                    .filter(|word| !word.is_empty())
                    .collect::<Vec<_>>()
            })
            .filter(|words| words.iter().all(|w| w.starts_with(char::is_uppercase)))
            .flatten()
            .map(str::to_owned)
            .collect();
        self.names = Rc::new(words);
        self
    }

    pub(super) fn enabled(&self) -> bool {
        self.dictionary.is_some()
    }

    /// What `word` is, for hyphenation (see the type's documentation).
    fn class(&self, word: &str) -> Class {
        let mut letters = 0;
        for c in word.chars().filter(|c| c.is_alphabetic()) {
            if script_of_char(c) != self.script {
                return Class::Whole;
            }
            letters += 1;
        }
        if letters < 5 || word.chars().skip(1).any(char::is_uppercase) {
            Class::Whole
        } else if word.starts_with(char::is_uppercase)
            && (!self.capitalises_nouns || self.names.contains(word))
        {
            Class::Name
        } else {
            Class::Ordinary
        }
    }

    /// Byte offsets inside `word` where it may be hyphenated; none for a name.
    pub(super) fn points(&self, word: &str) -> Vec<usize> {
        match self.class(word) {
            Class::Ordinary => self.pattern_points(word),
            Class::Name | Class::Whole => Vec::new(),
        }
    }

    /// Where a name may be hyphenated as a last resort, when its paragraph cannot be set
    /// within the tolerance otherwise; none for any other word.
    pub(super) fn name_points(&self, word: &str) -> Vec<usize> {
        match self.class(word) {
            Class::Name => self.pattern_points(word),
            Class::Ordinary | Class::Whole => Vec::new(),
        }
    }

    fn pattern_points(&self, word: &str) -> Vec<usize> {
        let Some(dictionary) = self.dictionary else {
            return Vec::new();
        };
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

/// How a word may be hyphenated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Ordinary,
    /// A proper name: only as a last resort.
    Name,
    /// Never: in another script, an acronym, or too short.
    Whole,
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
    fn a_word_in_another_script_is_left_whole() {
        let ru = Hyphenation::for_locale("ru");
        assert!(ru.points("International").is_empty());
        assert!(ru.name_points("International").is_empty());
        assert!(ru.points("organisation").is_empty());
        assert!(!ru.points("организации").is_empty());
        let en = Hyphenation::for_locale("en");
        assert!(en.points("организации").is_empty());
        assert!(!en.points("organisation").is_empty());
        // Latin letters with diacritics are Latin.
        assert!(
            !Hyphenation::for_locale("fr")
                .points("désignation")
                .is_empty()
        );
    }

    #[test]
    fn capitalised_names_are_left_whole_and_german_nouns_are_not() {
        let fr = Hyphenation::for_locale("fr");
        assert!(fr.points("Amnesty").is_empty());
        assert!(!fr.name_points("Amnesty").is_empty());
        assert!(fr.name_points("amnistie").is_empty());
        assert!(fr.points("Observatoire").is_empty());
        assert!(!fr.points("observatoire").is_empty());
        assert!(
            Hyphenation::for_locale("ru")
                .points("Обсерватории")
                .is_empty()
        );
        let de = Hyphenation::for_locale("de")
            .with_names(["Amnesty International", "Herrn Wladimir Putin"]);
        assert!(de.points("International").is_empty());
        assert!(de.points("Wladimir").is_empty());
        assert!(!de.points("Menschenrechtsverteidigerinnen").is_empty());
        assert!(!de.points("Organisation").is_empty());
        // A lowercase word that is also part of a name is an ordinary word.
        assert!(!de.points("international").is_empty());
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
