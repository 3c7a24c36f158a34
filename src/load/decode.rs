//! Bytes to text: UTF-8 with or without a byte order mark, UTF-16 recognised and reported.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::{FileId, SourceMap};

/// Why a file's bytes are not UTF-8 text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Undecodable {
    /// The offset of the first bad byte.
    InvalidUtf8(usize),
    /// The file starts with a UTF-16 byte order mark (Notepad's "Unicode"); its text was
    /// decoded from UTF-16, so every other problem in it is still found.
    Utf16,
}

/// The text of a file's bytes, a UTF-8 byte order mark dropped. Invalid UTF-8 is replaced and
/// the offset of the first bad byte returned, so the caller can report it and go on.
pub(super) fn decode_text(mut bytes: Vec<u8>) -> (String, Option<Undecodable>) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    let utf16 = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(u16::from_le_bytes as fn([u8; 2]) -> u16),
        Some([0xFE, 0xFF]) => Some(u16::from_be_bytes as fn([u8; 2]) -> u16),
        _ => None,
    };
    if let Some(unit) = utf16 {
        let units = bytes[2..]
            .chunks(2)
            .map(|c| unit([c[0], *c.get(1).unwrap_or(&0)]));
        let text = char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        return (text, Some(Undecodable::Utf16));
    }
    // Valid text (nearly every file) becomes a String without a copy.
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            (
                String::from_utf8_lossy(error.as_bytes()).into_owned(),
                Some(Undecodable::InvalidUtf8(at)),
            )
        }
    }
}

pub(super) fn invalid_utf8(sources: &SourceMap, file: FileId, problem: Undecodable) -> Diagnostic {
    let path = sources.path(file).display();
    match problem {
        // The lossy text has U+FFFD (3 bytes) where the bad byte was.
        Undecodable::InvalidUtf8(at) => {
            Diagnostic::error(Code::InvalidUtf8, format!("{path} is not valid UTF-8"))
                .with_label(file, at..at + 3, "invalid byte sequence here")
                .with_help("save the file as UTF-8")
        }
        Undecodable::Utf16 => {
            let first = sources
                .get(file)
                .text()
                .chars()
                .next()
                .map_or(0, char::len_utf8);
            Diagnostic::error(Code::InvalidUtf8, format!("{path} is UTF-16, not UTF-8"))
                .with_label(
                    file,
                    0..first,
                    "the file starts with a UTF-16 byte order mark",
                )
                .with_note("it was read as UTF-16 to check the rest of it")
                .with_help(
                    "save the file as UTF-8 (in most editors: Save as, then Encoding: UTF-8)",
                )
        }
    }
}
