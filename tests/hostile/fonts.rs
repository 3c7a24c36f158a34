//! Fonts: a missing file, and files that are not fonts or are cut short.

use super::support::Case;

const BOLD: &str = "f/NotoSans-Bold.ttf";

#[test]
fn a_missing_font_file_is_named() {
    let case = Case::new();
    std::fs::remove_file(case.path(BOLD)).unwrap();
    insta::assert_snapshot!(case.refused(&[], 2));
}

#[test]
fn a_file_that_is_not_a_font_is_named() {
    let case = Case::new();
    case.write(BOLD, "<!DOCTYPE html><title>404 Not Found</title>");
    insta::assert_snapshot!(case.refused(&[], 2));
}

#[test]
fn an_empty_font_file_is_named() {
    let case = Case::new();
    case.write(BOLD, "");
    insta::assert_snapshot!(case.refused(&[], 2));
}

#[test]
fn a_truncated_font_is_refused_before_anything_is_rendered() {
    let case = Case::new();
    let bytes = std::fs::read(case.path(BOLD)).unwrap();
    case.write(BOLD, &bytes[..200_000]);
    insta::assert_snapshot!(case.refused(&[], 2));
}

#[test]
fn a_missing_font_catalogue_is_named() {
    let case = Case::new();
    std::fs::remove_file(case.path("f/fonts.toml")).unwrap();
    insta::assert_snapshot!(case.refused(&[], 2));
}

/// The table directory is whole, but the glyph offsets point past the glyph data: found when
/// the fonts are loaded (exit 2 naming the file), not when a glyph is subset mid-build.
#[test]
fn a_font_damaged_inside_its_glyph_tables_is_refused_when_loaded() {
    let case = Case::new();
    let mut bytes = std::fs::read(case.path(BOLD)).unwrap();
    let tables = usize::from(u16::from_be_bytes([bytes[4], bytes[5]]));
    let loca = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&record| &bytes[record..record + 4] == b"loca")
        .map(|record| {
            let at = |o: usize| u32::from_be_bytes(bytes[o..o + 4].try_into().unwrap()) as usize;
            (at(record + 8), at(record + 12))
        })
        .expect("the font has a loca table");
    // The offset of the middle glyph becomes the largest the format can hold.
    let middle = loca.0 + loca.1 / 2;
    let middle = middle - (middle - loca.0) % 4;
    bytes[middle..middle + 4].copy_from_slice(&[0xFF; 4]);
    case.write(BOLD, &bytes);
    let err = case.refused(&[], 2);
    assert!(
        err.contains("is not a usable font: its `loca` table is damaged"),
        "{err}"
    );
    insta::assert_snapshot!(err);
}

/// A bold face that lacks what the regular face has (here an Arabic bold standing in for the
/// Latin one): `check` finds it in the bold heading, instead of checking the regular face only.
#[test]
fn check_tests_the_face_each_text_is_set_in() {
    let case = Case::new();
    case.replace(
        "f/fonts.toml",
        "bold = \"NotoSans-Bold.ttf\"",
        "bold = \"NotoNaskhArabic-Bold.ttf\"",
    );
    // The locale names its families: with every family, the Chinese face (one weight, Latin
    // letters too) would stand in for the missing bold.
    let manifest = case.read("t/manifest.toml");
    case.write(
        "t/manifest.toml",
        format!("{manifest}\n[fonts]\ndefault = [\"Noto Sans\", \"Noto Naskh Arabic\"]\n"),
    );
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_appealpack"))
        .current_dir(case.path(""))
        .args(["check", "--i18n", "t", "--fonts", "f", "--locale", "en"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{said}");
    assert!(
        said.contains("error[missing-glyph]: no font of `en` can draw")
            && said.contains("in `help-heading`"),
        "{said}"
    );
}
