//! SHA-256 digests and the `SHA256SUMS` file, in the format `sha256sum -c` reads.

use sha2::{Digest, Sha256};

/// Lowercase hexadecimal SHA-256 of `bytes`.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0xF), 16).unwrap_or('0'));
    }
    hex
}

/// One line per file, `<digest>  <path>` (two spaces: text mode, which GNU and BSD tools read
/// alike; the files are compared byte for byte either way), sorted by path so the file does
/// not depend on the order files were made in. Paths never hold a newline or a backslash
/// (`artifacts` rejects them), so no line needs `sha256sum`'s escaping.
pub(super) fn sums_file<'a>(files: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut lines: Vec<(&str, &str)> = files.into_iter().collect();
    lines.sort_by(|a, b| a.0.cmp(b.0));
    lines
        .iter()
        .map(|(path, digest)| format!("{digest}  {path}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_of_known_input() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn sums_are_sorted_by_path() {
        let text = sums_file([("b/x.pdf", "22"), ("a.zip", "11")]);
        assert_eq!(text, "11  a.zip\n22  b/x.pdf\n");
    }
}
