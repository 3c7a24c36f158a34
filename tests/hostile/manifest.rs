//! Manifests: unknown keys, missing files and folders, hostile and repeated locale ids.

use crate::support::Case;

const MANIFEST: &str = "t/manifest.toml";

#[test]
fn an_unknown_key_is_named_with_the_keys_allowed() {
    let case = Case::new();
    case.replace(
        MANIFEST,
        "reference = \"en\"",
        "reference = \"en\"\nrefrence = \"fr\"",
    );
    insta::assert_snapshot!(case.refused(&[], 2));
}

#[test]
fn a_missing_canonical_text_points_at_the_manifest() {
    let case = Case::new();
    std::fs::remove_file(case.path("t/canonical.txt")).unwrap();
    insta::assert_snapshot!(case.refused(&[], 1));
}

#[test]
fn a_missing_locale_folder_refuses_the_build() {
    let case = Case::new();
    std::fs::remove_dir_all(case.path("t/fr")).unwrap();
    insta::assert_snapshot!(case.refused(&[], 1));
}

#[test]
fn a_missing_fluent_file_withholds_the_locale() {
    // A locale without its file has nothing translated: like any incomplete locale, it is
    // withheld with a warning and the others are built.
    let case = Case::new();
    std::fs::remove_file(case.path("t/fr/main.ftl")).unwrap();
    insta::assert_snapshot!(case.built(&["-f", "text"]));
    assert!(case.path("out/en/test-alert-en.txt").is_file());
    assert!(!case.path("out/fr").exists());
}

#[test]
fn a_missing_fluent_file_is_an_error_for_check() {
    let case = Case::new();
    std::fs::remove_file(case.path("t/fr/main.ftl")).unwrap();
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_appealpack"))
        .current_dir(case.path(""))
        .args(["check", "--i18n", "t", "--fonts", "f"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    // The report is on stdout (the command's output).
    insta::assert_snapshot!(crate::support::stable(&String::from_utf8_lossy(
        &output.stdout
    )));
}

#[test]
fn locale_ids_that_climb_out_of_the_tree_are_refused() {
    for (name, id) in [
        ("parent", "../../etc"),
        ("inside", "en/../../x"),
        ("absolute", "/etc"),
    ] {
        let case = Case::new();
        case.replace(
            MANIFEST,
            "locales = [\"en\", \"fr\"]",
            &format!("locales = [\"en\", \"fr\", \"{id}\"]"),
        );
        insta::assert_snapshot!(name, case.refused(&[], 2));
    }
}

#[test]
fn a_locale_listed_twice_is_refused() {
    let case = Case::new();
    case.replace(
        MANIFEST,
        "locales = [\"en\", \"fr\"]",
        "locales = [\"en\", \"fr\", \"fr\"]",
    );
    insta::assert_snapshot!(case.refused(&[], 2));
}
