//! Character classes and wording shared by every layer: invisible characters, naming a character.

/// Characters a renderer never draws: bidi controls (used for ordering, then dropped),
/// joiners and other default-ignorable code points, and line breaks.
pub fn is_invisible(ch: char) -> bool {
    matches!(ch,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\n' | '\r' | '\t')
}

/// `U+4E00 '一'`, or just the code point for invisible characters.
pub fn describe_char(c: char) -> String {
    if c.is_control() || is_invisible(c) || c.is_whitespace() {
        format!("U+{:04X}", c as u32)
    } else {
        format!("U+{:04X} '{c}'", c as u32)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_named_by_code_point_only() {
        assert_eq!(describe_char('\u{4E00}'), "U+4E00 '一'");
        assert_eq!(describe_char('\u{2068}'), "U+2068");
        assert_eq!(describe_char('\u{A0}'), "U+00A0");
        assert_eq!(describe_char('\u{7}'), "U+0007");
    }
}
