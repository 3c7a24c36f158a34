//! Manifests: unknown keys, missing files and folders, hostile and repeated locale ids.

use super::support::Case;

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
    insta::assert_snapshot!(super::support::stable(&String::from_utf8_lossy(
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

#[test]
fn a_telephone_number_with_a_letter_is_refused_at_the_number() {
    // Spaces as the source writes them are fine; the letter O for a zero is not.
    let case = Case::new();
    case.replace(
        MANIFEST,
        r#"channels = [{ email = "minister@example.org" }]"#,
        r#"channels = [{ email = "minister@example.org" }, { fax = "+41 22 555 01 24" }, { phone = "+41 22 9O7 00 00" }]"#,
    );
    case.replace(
        MANIFEST,
        "x = \"channel-x\"",
        "x = \"channel-x\"\nphone = \"channel-phone\"\nfax = \"channel-fax\"",
    );
    for locale in ["en", "fr"] {
        case.replace(
            &format!("t/{locale}/main.ftl"),
            "channel-x = X",
            "channel-phone = Tel. { $number }\nchannel-fax = Fax { $number }\nchannel-x = X",
        );
    }
    insta::assert_snapshot!(case.refused(&[], 1));
}

#[test]
fn a_date_that_is_not_on_the_calendar_is_refused_at_the_value() {
    let case = Case::new();
    case.replace(
        MANIFEST,
        "locales = [\"en\", \"fr\"]",
        "locales = [\"en\", \"fr\"]\ndate = \"2026-02-30\"\nact-before = \"26/01/2026\"",
    );
    insta::assert_snapshot!(case.refused(&[], 2));
}

#[test]
fn a_channel_without_its_label_is_refused_at_the_first_such_channel() {
    let case = Case::new();
    case.replace(
        MANIFEST,
        r#"channels = [{ email = "minister@example.org" }]"#,
        r#"channels = [{ email = "minister@example.org" }, { postal = ["1 Main Street", "Exampletown"] }]"#,
    );
    insta::assert_snapshot!(case.refused(&[], 2));
}

#[test]
fn one_column_heading_of_the_address_table_without_the_other_is_refused() {
    let case = Case::new();
    case.replace(
        MANIFEST,
        "x = \"channel-x\"",
        "x = \"channel-x\"\ncontact-column = \"addresses-column-contact\"",
    );
    insta::assert_snapshot!(case.refused(&[], 2));
}
