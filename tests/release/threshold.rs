//! The release threshold: incomplete locales are withheld and the build says so, or published
//! with the reference's text and marked, with --allow-incomplete.

use super::support::{Workspace, stderr};

#[test]
fn an_incomplete_locale_is_withheld_and_the_others_published() {
    let workspace = Workspace::new();
    let output = workspace.release(&[], &[]);
    let said = stderr(&output);
    assert!(
        said.contains("warning[below-threshold]: locale `fr` is not published: its translation is incomplete (2 missing, 87.5 % of the messages translated)"),
        "{said}"
    );
    assert!(
        said.contains("built 2 locales (1 withheld: fr) into output: 8 files"),
        "{said}"
    );
    // Its missing messages are expected, so they are counted rather than listed.
    assert!(!said.contains("missing message `alert-p2`"), "{said}");
    assert!(
        said.contains("note: 2 missing translation(s) not listed"),
        "{said}"
    );
    assert!(!workspace.out().join("fr").exists());
    let manifest = workspace.manifest();
    assert_eq!(manifest["locales"][1]["locale"], "fr");
    assert_eq!(manifest["locales"][1]["status"], "withheld");
    assert_eq!(manifest["locales"][1]["coverage"], 87.5);

    let verbose = workspace.release(&["--verbose"], &[]);
    assert!(stderr(&verbose).contains("missing message `alert-p2`"));
    assert!(stderr(&verbose).contains("wrote manifest.json"));
}

#[test]
fn allow_incomplete_publishes_the_locale_with_fallbacks_marked() {
    let workspace = Workspace::new();
    let output = workspace.release(&["--allow-incomplete"], &[]);
    assert!(
        stderr(&output).contains(
            "note: `fr` is published with 2 message(s) in the reference language: alert-p2, demand-two"
        ),
        "{}",
        stderr(&output)
    );
    let text = std::fs::read_to_string(workspace.out().join("fr/release-test-fr.txt")).unwrap();
    assert!(
        text.contains("Fines reach 15,000 roubles"),
        "English text stands in"
    );
    let manifest = workspace.manifest();
    assert_eq!(manifest["policy"]["allow_incomplete"], true);
    assert_eq!(manifest["locales"][1]["status"], "published");
    assert_eq!(
        manifest["locales"][1]["fallbacks"],
        serde_json::json!(["alert-p2", "demand-two"])
    );
}

#[test]
fn a_lower_threshold_in_the_manifest_publishes_the_locale() {
    let workspace = Workspace::new();
    workspace.edit(
        "i18n/manifest.toml",
        "min-coverage = 100",
        "min-coverage = 85",
    );
    workspace.release(&[], &[]);
    let manifest = workspace.manifest();
    assert_eq!(manifest["policy"]["min_coverage"], 85.0);
    assert_eq!(manifest["locales"][1]["status"], "published");

    workspace.edit(
        "i18n/manifest.toml",
        "min-coverage = 85",
        "min-coverage = 90",
    );
    let output = workspace.release(&[], &[]);
    assert!(
        stderr(&output)
            .contains("87.5 % of the messages are translated, below the threshold of 90 %")
    );
}

#[test]
fn nothing_to_publish_writes_nothing() {
    let workspace = Workspace::new();
    let output = workspace.build(&["--locale", "fr"], &[]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no locale is ready to publish"));
    assert!(!workspace.out().exists());
}

#[test]
fn quiet_prints_nothing_when_all_is_well() {
    let workspace = Workspace::new();
    let output = workspace.release(&["--quiet", "--locale", "en", "--locale", "ar"], &[]);
    assert_eq!(stderr(&output), "");
    assert!(output.stdout.is_empty());
}
