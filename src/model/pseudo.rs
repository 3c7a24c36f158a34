//! Pseudo-locales made from the reference, to test layout without translators: an accented,
//! longer English (`en-XA`) and a mirrored right-to-left one (`ar-XB`), named as Android does.

use std::borrow::Cow;

use super::Direction;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
pub enum Pseudo {
    /// Every letter accented and vowels doubled: about 40 % longer text that shows overflow, and
    /// any text that did not come through Fluent stays plain ASCII and stands out.
    Accented,
    /// Every text run forced right to left: shows mirroring and alignment bugs.
    Mirrored,
}

impl Pseudo {
    pub const ALL: [Pseudo; 2] = [Pseudo::Accented, Pseudo::Mirrored];

    pub fn locale_id(self) -> &'static str {
        match self {
            Pseudo::Accented => "en-XA",
            Pseudo::Mirrored => "ar-XB",
        }
    }

    /// The pseudo-locale a locale id names (`en-XA`, `ar-XB`), if any.
    pub fn from_locale_id(id: &str) -> Option<Pseudo> {
        Pseudo::ALL
            .into_iter()
            .find(|p| p.locale_id().eq_ignore_ascii_case(id))
    }

    pub fn direction(self) -> Direction {
        match self {
            Pseudo::Accented => Direction::Ltr,
            Pseudo::Mirrored => Direction::Rtl,
        }
    }

    /// The transform given to the Fluent bundle; it sees message text, never variables, so
    /// names, e-mails and handles passed as variables stay intact.
    pub fn transform(self) -> fn(&str) -> Cow<'_, str> {
        match self {
            Pseudo::Accented => accented,
            Pseudo::Mirrored => mirrored,
        }
    }
}

/// Latin letters with a diacritic that Noto Sans draws (Latin-1 and Latin Extended-A only).
fn accent(c: char) -> char {
    const LOWER: &str = "ábçðéfĝĥîĵķļmñöpqŕšţüvŵxýž";
    const UPPER: &str = "ÅBÇÐÉFĜĤÎĴĶĻMÑÖPQŔŠŢÛVŴXÝŽ";
    match c {
        'a'..='z' => LOWER.chars().nth(c as usize - 'a' as usize).unwrap_or(c),
        'A'..='Z' => UPPER.chars().nth(c as usize - 'A' as usize).unwrap_or(c),
        _ => c,
    }
}

fn accented(text: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        out.push(accent(c));
        // Doubling vowels and a few frequent consonants lengthens text by about 40 %.
        if "aeiouAEIOUn".contains(c) {
            out.push(accent(c));
        }
    }
    Cow::Owned(out)
}

fn mirrored(text: &str) -> Cow<'_, str> {
    if text.trim().is_empty() {
        return Cow::Borrowed(text);
    }
    // RIGHT-TO-LEFT OVERRIDE … POP DIRECTIONAL FORMATTING: every character is laid out as
    // right-to-left; renderers drop both marks when drawing.
    Cow::Owned(format!("\u{202E}{text}\u{202C}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accented_text_is_about_forty_percent_longer() {
        let english = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/alert-observatory/canonical.txt"
        ))
        .unwrap();
        let longer = accented(&english);
        let ratio = longer.chars().count() as f64 / english.chars().count() as f64;
        assert!((1.3..1.5).contains(&ratio), "ratio {ratio}");
        assert_eq!(accented("Page on"), "Pááĝéé ööññ");
    }

    #[test]
    fn mirrored_text_is_wrapped_in_an_override() {
        assert_eq!(mirrored("Addresses"), "\u{202E}Addresses\u{202C}");
        assert_eq!(mirrored(" "), " ");
    }
}
