//! Fonts: a missing file, and files that are not fonts or are cut short.

use crate::support::Case;

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
