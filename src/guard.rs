//! Input guards: limits that keep hostile Fluent text from exhausting the parser's stack or
//! the typesetter's time.

use std::ops::Range;

/// Placeables nested deeper than this are refused. Real translations nest two or three
/// levels (a select inside a placeable); fluent-syntax parses nesting recursively, so 100,000
/// levels would overflow the stack and abort the process.
pub(crate) const MAX_NESTING: usize = 24;

/// Entries (a message or term with its attributes) longer than this are refused. The longest
/// paragraph of a real appeal is a few kilobytes; 64 KiB is some twenty printed pages, and a
/// 10 MB message would otherwise be parsed, checked and typeset into thousands of pages.
pub(crate) const MAX_ENTRY_BYTES: usize = 64 * 1024;

/// Every entry of `text` longer than [`MAX_ENTRY_BYTES`], from the start of its first line
/// to the next entry (trailing blank lines included).
pub(crate) fn too_large(text: &str) -> Vec<Range<usize>> {
    if text.len() <= MAX_ENTRY_BYTES {
        return Vec::new();
    }
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut start = 0;
    let mut close = |start: usize, end: usize| {
        if end - start > MAX_ENTRY_BYTES {
            found.push(start..end);
        }
    };
    for (index, &byte) in bytes.iter().enumerate() {
        let line_start = index == 0 || bytes[index - 1] == b'\n';
        if line_start && index > start && starts_entry(byte) {
            close(start, index);
            start = index;
        }
    }
    close(start, bytes.len());
    found
}

/// Whether a line starting with `byte` starts an entry: an identifier, a term or a comment.
/// Every other line (indented text, a closing brace, a variant) continues the entry before.
fn starts_entry(byte: u8) -> bool {
    byte.is_ascii_alphabetic() || byte == b'-' || byte == b'#'
}

/// An entry whose placeables nest too deep.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TooDeep {
    /// The brace that went one level too deep.
    pub at: usize,
    /// The whole entry, from the start of its first line to the next entry.
    pub entry: Range<usize>,
}

/// Finds every entry of `text` that nests placeables more than [`MAX_NESTING`] deep, in one
/// pass that does not recurse. Braces inside string literals do not count.
pub(crate) fn too_deep(text: &str) -> Vec<TooDeep> {
    let bytes = text.as_bytes();
    let mut found: Vec<TooDeep> = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut entry_start = 0;
    let mut index = 0;
    while index < bytes.len() {
        let byte = bytes[index];
        let line_start = index == 0 || bytes[index - 1] == b'\n';
        // An entry starts at column 0 with an identifier, a term or a comment: nesting never
        // carries over from an earlier, broken entry.
        if line_start && starts_entry(byte) {
            close_entry(&mut found, index);
            depth = 0;
            in_string = false;
            entry_start = index;
        }
        match byte {
            b'\n' => in_string = false,
            b'\\' if in_string => index += 1,
            b'"' if depth > 0 => in_string = !in_string,
            b'{' if !in_string => {
                depth += 1;
                let already = found.last().is_some_and(|f| f.entry.start == entry_start);
                if depth == MAX_NESTING + 1 && !already {
                    found.push(TooDeep {
                        at: index,
                        entry: entry_start..usize::MAX,
                    });
                }
            }
            b'}' if !in_string => depth = depth.saturating_sub(1),
            _ => {}
        }
        index += 1;
    }
    close_entry(&mut found, bytes.len());
    found
}

fn close_entry(found: &mut [TooDeep], end: usize) {
    if let Some(last) = found.last_mut()
        && last.entry.end == usize::MAX
    {
        last.entry.end = end;
    }
}

/// Replaces every byte of `ranges` but line breaks with spaces: the entries disappear, every
/// other offset (and so every line and column) stays the same.
pub(crate) fn blank(text: &str, ranges: &[Range<usize>]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for range in ranges {
        for byte in &mut bytes[range.clone()] {
            if *byte != b'\n' && *byte != b'\r' {
                *byte = b' ';
            }
        }
    }
    // Whole entries are blanked, and entries start and end on line boundaries, so no multi-byte
    // character is cut; the lossy conversion only guards against a bug.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_entry_that_nests_too_deep() {
        let deep = format!("deep = {}\"x\"{}\n", "{".repeat(100), "}".repeat(100));
        let text = format!("ok = {{ $a }}\n{deep}after = {{ \"{{{{{{\" }}\n");
        let found = too_deep(&text);
        assert_eq!(found.len(), 1);
        let start = text.find("deep").unwrap();
        assert_eq!(found[0].entry, start..start + deep.len());
        assert_eq!(found[0].at, start + 7 + MAX_NESTING);
        let blanked = blank(&text, &[found[0].entry.clone()]);
        assert_eq!(blanked.len(), text.len());
        assert!(blanked.contains("ok = { $a }\n"));
        assert!(blanked.ends_with("after = { \"{{{\" }\n"));
    }

    #[test]
    fn finds_the_entry_that_is_too_large() {
        let big = format!("big = {}\n    .attr = x\n\n", "a".repeat(MAX_ENTRY_BYTES));
        let text = format!("# comment\nsmall = b\n{big}-term = c\n");
        let start = text.find("big").unwrap();
        assert_eq!(too_large(&text), vec![start..start + big.len()]);
        assert!(too_large("small = b\n").is_empty());
        // Many small entries are fine, however long the file.
        assert!(too_large(&"m = x\n".repeat(MAX_ENTRY_BYTES)).is_empty());
    }

    #[test]
    fn a_broken_entry_does_not_carry_its_depth_over() {
        let text = "a = {\n".repeat(200);
        assert!(too_deep(&text).is_empty());
    }

    #[test]
    fn real_nesting_is_fine() {
        let text = "m = { $count ->\n    [one] { -term(case: \"gen\") }\n   *[other] { $count } { NUMBER($n) }\n}\n";
        assert!(too_deep(text).is_empty());
    }
}
