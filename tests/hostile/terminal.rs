//! Clean terminal output (issue 13): what comes from the user's files (translations, file
//! names, manifest strings) is printed with its control characters visible (`␛`, `␊`), in every
//! format, so that it can neither drive the terminal nor forge a line of a CI log.

use super::support::Case;
use crate::common::{appealpack, stderr, stdout};

fn run(case: &Case, args: &[&str]) -> (Option<i32>, String) {
    let output = appealpack(case.dir.path(), args);
    let text = format!("{}{}", stdout(&output), stderr(&output));
    assert!(!text.contains("panicked"), "{text}");
    (output.status.code(), text)
}

fn check(case: &Case, format: &str) -> (Option<i32>, String) {
    run(
        case,
        &[
            "check", "--i18n", "t", "--fonts", "f", "--color", "never", "--format", format,
        ],
    )
}

/// No escape, bell or other C0 control but the line ends.
fn assert_clean(text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| c.is_control() && *c != '\n')
        .collect();
    assert!(bad.is_empty(), "raw controls {bad:?} in\n{text}");
}

#[test]
fn an_escape_sequence_in_a_drift_note_is_shown_as_pictures() {
    let case = Case::new();
    // ESC ]0;…BEL retitles a terminal; the word diff of canonical-drift quotes it.
    case.replace(
        "t/en/main.ftl",
        "was declared",
        "was \u{1b}]0;pwned\u{7} declared",
    );
    let (code, human) = check(&case, "human");
    assert_eq!(code, Some(1), "{human}");
    assert_clean(&human);
    assert!(
        human.contains(
            "note: canonical → message: … 2025, Example International was {+␛]0;pwned␇+} declared"
        ),
        "{human}"
    );
    let (_, github) = check(&case, "github");
    assert_clean(&github);
    let drift = github
        .lines()
        .find(|l| l.contains("canonical-drift"))
        .expect("a drift annotation");
    insta::assert_snapshot!(drift);
}

#[test]
fn a_newline_in_a_file_name_cannot_forge_an_annotation() {
    let case = Case::new();
    case.write("t/fr/a\n::error file=forged.ftl::pwned.ftl", "x = y\n");
    let (_, human) = check(&case, "human");
    assert_clean(&human);
    assert!(
        !human.lines().any(|l| l.starts_with("::")),
        "a forged line:\n{human}"
    );
    let (_, github) = check(&case, "github");
    assert!(
        github
            .lines()
            .filter(|l| l.starts_with("::"))
            .all(|l| l.starts_with("::warning ") || l.starts_with("::error ")),
        "{github}"
    );
    assert!(!github.contains("\n::error file=forged.ftl"), "{github}");
    let obsolete: String = human
        .split("\n\n")
        .filter(|d| d.contains("obsolete-file"))
        .collect();
    insta::assert_snapshot!(obsolete);
}

#[test]
fn a_bidi_override_in_the_manifest_is_a_warning() {
    let case = Case::new();
    case.replace(
        "t/manifest.toml",
        r#"channels = [{ email = "minister@example.org" }]"#,
        "channels = [{ email = \"minister@example.org\" }, { postal = \"1 Main St\u{202E}, Exampletown\" }]",
    );
    // A postal channel needs its label.
    case.replace(
        "t/manifest.toml",
        "x = \"channel-x\"",
        "x = \"channel-x\"\npostal = \"channel-email\"",
    );
    let (_, human) = check(&case, "human");
    let warning: String = human
        .split("\n\n")
        .filter(|d| d.contains("warning[control-character]"))
        .collect();
    insta::assert_snapshot!(warning);
    // The override itself is never printed.
    assert!(!human.contains('\u{202E}'), "{human}");
}

#[test]
fn a_section_id_that_is_not_an_identifier_is_refused() {
    let case = Case::new();
    case.replace(
        "t/manifest.toml",
        r#"id = "help""#,
        r#"id = "help|![x](https://example.org/x.png)""#,
    );
    let (code, text) = run(
        &case,
        &["status", "--i18n", "t", "--fonts", "f", "--markdown"],
    );
    assert_eq!(code, Some(2), "{text}");
    insta::assert_snapshot!(text);
}

#[test]
fn an_escape_sequence_in_a_stale_note_is_shown_as_pictures() {
    let case = Case::new();
    let (code, text) = run(
        &case,
        &[
            "check",
            "--i18n",
            "t",
            "--fonts",
            "f",
            "--update-lock",
            "fr",
        ],
    );
    assert_eq!(code, Some(0), "{text}");
    // The reference's source changes after the review: `fr` is stale, with a word diff.
    let en = case.read("t/en/main.ftl");
    let line = en.lines().find(|l| l.starts_with("letter-body")).unwrap();
    case.replace(
        "t/en/main.ftl",
        line,
        &format!("{line} \u{1b}]0;pwned\u{7}"),
    );
    let (_, human) = check(&case, "human");
    assert_clean(&human);
    let stale: String = human
        .split("\n\n")
        .filter(|d| d.contains("warning[stale]"))
        .collect();
    assert!(stale.contains("␛]0;pwned␇"), "{human}");
    let (_, github) = check(&case, "github");
    assert_clean(&github);
    let stale = github
        .lines()
        .find(|l| l.contains(" stale "))
        .expect("a stale annotation");
    insta::assert_snapshot!(stale);
}
