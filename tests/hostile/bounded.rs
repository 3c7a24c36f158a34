//! Bounded work (issue 13): reports stay linear in the input, with repeats capped per file.

use crate::common::{appealpack, stderr, stdout};
use crate::support::Case;

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
