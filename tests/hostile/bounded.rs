//! Bounded work (issue 13): reports stay linear in the input, with repeats capped per file.

use super::support::Case;
use crate::common::{appealpack, stderr, stdout};

const FR: &str = "t/fr/main.ftl";

/// The minimal fixture with `footer-page` defined 20,000 more times in `fr`.
fn twenty_thousand_duplicates() -> Case {
    let case = Case::new();
    let mut text = case.read(FR);
    for n in 0..20_000 {
        text.push_str(&format!("footer-page = Page {n}\n"));
    }
    case.write(FR, text);
    case
}

fn check(case: &Case, format: &str) -> std::process::Output {
    appealpack(
        case.dir.path(),
        &[
            "check", "--i18n", "t", "--fonts", "f", "--format", format, "--color", "never",
        ],
    )
}

#[test]
fn twenty_thousand_duplicate_ids_show_ten_and_count_the_rest() {
    let case = twenty_thousand_duplicates();
    let output = check(&case, "human");
    // Warnings only: the check passes.
    assert_eq!(output.status.code(), Some(0));
    let report = format!("{}{}", stdout(&output), stderr(&output));
    assert_eq!(
        report.matches("warning[duplicate-id]").count(),
        11,
        "{report}"
    );
    assert!(
        report.contains(
            "warning[duplicate-id]: and 19990 more `duplicate-id` warnings in t/fr/main.ftl [fr]"
        ),
        "{report}"
    );
    // The totals still count every one.
    assert!(
        report.contains("check: 0 error(s), 20000 warning(s)"),
        "{report}"
    );
    // Each excerpt quotes the two definitions, not the lines between them.
    assert!(!report.contains("Page 11\n"), "{report}");
    insta::assert_snapshot!(report);
}

#[test]
fn the_json_report_caps_repeats_and_keeps_the_totals() {
    let case = twenty_thousand_duplicates();
    let output = check(&case, "json");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["warnings"], 20_000);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert_eq!(diagnostics.len(), 11);
    let last = &diagnostics[10];
    assert_eq!(last["omitted"], 19_990);
    assert_eq!(
        last["message"],
        "and 19990 more `duplicate-id` warnings in t/fr/main.ftl"
    );
    // The first one left out: the fixture has 19 lines, then 10 duplicates are shown.
    assert_eq!(last["locations"][0]["line"], 30);
    assert!(diagnostics[..10].iter().all(|d| d.get("omitted").is_none()));
}

#[test]
fn github_annotations_cap_repeats_too() {
    let case = twenty_thousand_duplicates();
    let output = check(&case, "github");
    let out = stdout(&output);
    assert_eq!(out.lines().count(), 11, "{out}");
    assert!(
        out.lines()
            .last()
            .unwrap()
            .contains("::and 19990 more `duplicate-id` warnings in t/fr/main.ftl%0A"),
        "{out}"
    );
}

/// Builds the PDF of `fr` with `word` in a demand; returns stderr and the extracted lines.
fn pdf_with(word: &str) -> (String, Vec<crate::common::pdf_text::TextLine>) {
    let case = Case::new();
    case.replace(
        FR,
        "Abroger la loi.",
        &format!("Abroger la loi {word} fin."),
    );
    let err = case.built(&["--locale", "fr", "-f", "pdf"]);
    let pdf = std::fs::read(case.path("out/fr/test-alert-fr.pdf")).unwrap();
    let lines = crate::common::pdf_text::extract(&pdf, false)
        .unwrap()
        .into_iter()
        .flatten()
        .collect();
    (err, lines)
}

/// Every character of `word` comes back, in order, and every line is inside the margins.
fn assert_on_the_page(word: &str, lines: &[crate::common::pdf_text::TextLine]) {
    use appealpack::render::Paper;
    use appealpack::render::pdf::Geometry;
    let page = Geometry::new(Paper::A4);
    for line in lines {
        assert!(
            line.x.start >= page.left - 0.5 && line.x.end <= page.width - page.right + 0.5,
            "a line runs off the page ({:?}, margins {} and {}): {}",
            line.x,
            page.left,
            page.width - page.right,
            line.text
        );
    }
    // Running footers (`Page 2 sur 17`) fall between the pieces of a word that spans pages.
    let all: String = lines
        .iter()
        .filter(|l| !(l.text.starts_with("Page ") && l.text.contains(" sur ")))
        .map(|l| l.text.as_str())
        .collect::<String>()
        .chars()
        // A hyphenated line ends in a soft hyphen, which is not part of the word.
        .filter(|c| !c.is_whitespace() && *c != '\u{AD}')
        .collect();
    assert!(all.contains(word), "the word is not whole in:\n{all}");
}

#[test]
fn a_word_wider_than_the_line_is_broken_and_stays_on_the_page() {
    let word = "Rechtsschutzversicherungsgesellschaften".repeat(2) + "abcdefghijkl";
    assert_eq!(word.chars().count(), 90);
    let (err, lines) = pdf_with(&word);
    assert_on_the_page(&word, &lines);
    insta::assert_snapshot!(err);
}

#[test]
fn a_fifty_thousand_character_word_is_printed_whole() {
    // Letters: the hyphenation patterns find places to break, so no last resort is needed.
    let word: String = (0..50_000)
        .map(|i| char::from(b'a' + (i % 26) as u8))
        .collect();
    let (_, lines) = pdf_with(&word);
    assert_on_the_page(&word, &lines);
    // Digits: nowhere to break but the last resort, which is named.
    let number = "0123456789".repeat(5_000);
    let (err, lines) = pdf_with(&number);
    assert_on_the_page(&number, &lines);
    assert!(
        err.contains("warning[forced-break]: `demand-two` has a word wider than a line of the PDF"),
        "{err}"
    );
}

#[test]
fn a_long_url_breaks_after_a_slash_and_stays_on_the_page() {
    let url = format!(
        "https://example.org/{}",
        "abcdefghij".repeat(12) + "/klmnopqrstuvwxyz" + &"x".repeat(20)
    );
    let (_, lines) = pdf_with(&url);
    assert_on_the_page(&url, &lines);
}
