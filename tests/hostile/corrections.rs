//! Declared corrections (issue 14): the canonical check accepts exactly the differences the
//! manifest declares; a correction that no longer matches, and any other difference, is an error.

use std::process::Command;

use super::support::{Case, stable};

const MANIFEST: &str = "t/manifest.toml";
const CANONICAL: &str = "t/canonical.txt";
const EN: &str = "t/en/main.ftl";

/// The minimal fixture whose source has two slips, "Artcle" in a paragraph and "Minster" in the
/// role of an address line, both corrected in the English and declared.
fn corrected() -> Case {
    let case = Case::new();
    case.replace(CANONICAL, "under Article 20.33", "under Artcle 20.33");
    case.replace(CANONICAL, "Minister of Examples", "Minster of Examples");
    let manifest = case.read(MANIFEST);
    case.write(
        MANIFEST,
        format!(
            "{manifest}
[[corrections]]
message = \"alert-p2\"
source = \"Artcle\"
corrected = \"Article\"
reason = \"a typing slip of the source\"

[[corrections]]
message = \"addressee-minister.role\"
source = \"Minster of\"
corrected = \"Minister of\"
reason = \"a typing slip of the source\"
"
        ),
    );
    case
}

/// `appealpack check` on the workspace: (exit code, stdout).
fn check(case: &Case) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_appealpack"))
        .current_dir(case.path(""))
        .args(["check", "--i18n", "t", "--fonts", "f", "--locale", "en"])
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs");
    let err = String::from_utf8_lossy(&output.stderr);
    assert!(!err.contains("panicked"), "{err}");
    let out = stable(&String::from_utf8_lossy(&output.stdout));
    (output.status.code().unwrap_or(-1), out + &stable(&err))
}

#[test]
fn declared_corrections_are_the_differences_accepted() {
    let case = corrected();
    let (code, out) = check(&case);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("error["), "{out}");
    // The pack prints the corrected words.
    case.built(&["--locale", "en", "-f", "text"]);
    let text = case.read("out/en/test-alert-en.txt");
    assert!(text.contains("under Article 20.33"), "{text}");
    assert!(text.contains("Minister of Examples"), "{text}");
}

#[test]
fn without_its_declaration_a_correction_is_drift() {
    let case = corrected();
    let manifest = case.read(MANIFEST);
    let first = manifest.find("[[corrections]]").unwrap();
    let second = manifest.rfind("[[corrections]]").unwrap();
    case.write(
        MANIFEST,
        format!("{}{}", &manifest[..first], &manifest[second..]),
    );
    let (code, out) = check(&case);
    assert_eq!(code, 1, "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn an_undeclared_difference_beside_a_correction_is_still_drift() {
    let case = corrected();
    case.replace(EN, "Fines reach 15,000", "Fines reach 16,000");
    let (code, out) = check(&case);
    assert_eq!(code, 1, "{out}");
    // Only the undeclared word is shown as changed; the correction is not.
    assert!(out.contains("[-15,000-] {+16,000+}"), "{out}");
    assert!(!out.contains("Artcle-]"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn a_correction_whose_source_words_are_gone_is_an_error_at_its_words() {
    // The source now reads as corrected: the correction is stale.
    let case = corrected();
    case.replace(CANONICAL, "under Artcle 20.33", "under Article 20.33");
    let (code, out) = check(&case);
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("canonical-drift"), "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn a_correction_the_reference_does_not_make_is_an_error() {
    let case = corrected();
    case.replace(
        MANIFEST,
        "corrected = \"Article\"",
        "corrected = \"Articel\"",
    );
    let (code, out) = check(&case);
    assert_eq!(code, 1, "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn a_correction_of_a_message_no_canonical_line_prints_is_an_error() {
    let case = corrected();
    case.replace(
        MANIFEST,
        "message = \"alert-p2\"",
        "message = \"letter-body\"",
    );
    let (code, out) = check(&case);
    assert_eq!(code, 1, "{out}");
    insta::assert_snapshot!(out);
}

#[test]
fn a_correction_without_a_reason_or_a_change_is_refused() {
    let case = corrected();
    case.replace(
        MANIFEST,
        "corrected = \"Article\"",
        "corrected = \"Artcle\"",
    );
    case.replace(
        MANIFEST,
        "reason = \"a typing slip of the source\"",
        "reason = \" \"",
    );
    insta::assert_snapshot!(case.refused(&[], 2));
}

#[test]
fn an_editors_note_lists_the_corrections_in_each_locales_words() {
    let case = corrected();
    case.replace(
        MANIFEST,
        "footer = \"footer-page\"",
        "footer = \"footer-page\"\ncorrections-note = \"corrections-note\"",
    );
    case.replace(
        MANIFEST,
        "corrected = \"Article\"",
        "corrected = \"Article\"\nnote = \"correction-article\"",
    );
    // The note is all or nothing: the second correction has none yet.
    insta::assert_snapshot!(case.refused(&[], 2));
    case.replace(
        MANIFEST,
        "corrected = \"Minister of\"",
        "corrected = \"Minister of\"\nnote = \"correction-minister\"",
    );
    let en = case.read(EN);
    case.write(
        EN,
        format!(
            "{en}corrections-note = Editor’s note: this text corrects {{ $count }} slips of the source alert:\n\
             correction-article = “Artcle” for “Article”;\n\
             correction-minister = “Minster” for “Minister”.\n"
        ),
    );
    let fr = case.read("t/fr/main.ftl");
    case.write(
        "t/fr/main.ftl",
        format!(
            "{fr}corrections-note = Note de la rédaction : le texte anglais corrige {{ $count }} coquilles de l’alerte source :\n\
             correction-article = « Artcle » pour « Article » ;\n\
             correction-minister = « Minster » pour « Minister ».\n"
        ),
    );
    let (code, out) = check(&case);
    assert_eq!(code, 0, "{out}");
    case.built(&["-f", "text"]);
    let text = case.read("out/fr/test-alert-fr.txt");
    // After the last canonical section (the addresses), before the letters.
    let note = text
        .find("Note de la rédaction : le texte anglais corrige 2 coquilles")
        .expect(&text);
    assert!(text.find("Mme Jane Doe,").unwrap() < note, "{text}");
    assert!(note < text.find('\u{c}').unwrap(), "{text}");
    assert!(
        text.contains("- « Artcle » pour « Article » ;\n- « Minster » pour « Minister ».\n"),
        "{text}"
    );
}
