//! The output folder is replaced in one step: a build that fails leaves the previous output
//! whole, and a build repairs what a killed one left beside it, even a build that fails.
//!
//! A build killed at each point of the write is a unit test of the writer
//! (`src/artifacts/interrupted.rs`), which alone has the hook that stops it there; here the
//! binary meets the leftovers those tests show a kill leaves (staging and previous folders named
//! after the dead build's process id).

use super::support::{Workspace, stderr};
use crate::common::tree_contents;

/// A process id that no build of these tests has: the leftovers' owner is long dead.
const DEAD_BUILD: &str = "4242";

/// A first release, then a change to the inputs so the next build would write other bytes.
fn released_then_changed() -> (Workspace, Vec<(String, Vec<u8>)>) {
    let workspace = Workspace::new();
    workspace.release(&[], &[]);
    let before = tree_contents(&workspace.out());
    assert!(before.len() > 5, "a release was written");
    workspace.edit("i18n/en/main.ftl", "Repeal the law.", "Repeal the law now.");
    (workspace, before)
}

/// The staging folder of a build killed while writing: part of a new output.
fn plant_staging(workspace: &Workspace) {
    let staging = workspace
        .path()
        .join(format!(".output.staging-{DEAD_BUILD}"));
    std::fs::create_dir_all(staging.join("en")).unwrap();
    std::fs::write(staging.join("en/half-written.pdf"), b"%PDF-1.7\n").unwrap();
}

#[test]
fn a_failed_build_leaves_the_previous_output() {
    let (workspace, before) = released_then_changed();
    workspace.edit("i18n/ar/main.ftl", "X: { $handle }", "X: { $handle");
    let output = workspace.build(&[], &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(stderr(&output).contains("nothing was written"));
    assert!(
        tree_contents(&workspace.out()) == before,
        "the output changed"
    );
    assert_eq!(workspace.leftovers(), Vec::<String>::new());
}

#[test]
fn a_build_removes_the_staging_folder_of_a_killed_build() {
    let (workspace, _) = released_then_changed();
    plant_staging(&workspace);
    workspace.release(&[], &[]);
    assert_eq!(workspace.leftovers(), Vec::<String>::new(), "cleaned up");
    let text = std::fs::read_to_string(workspace.out().join("en/release-test-en.txt")).unwrap();
    assert!(
        text.contains("Repeal the law now."),
        "the new output is in place"
    );
    assert!(!workspace.out().join("en/half-written.pdf").exists());
}

#[test]
fn a_build_killed_between_the_renames_is_repaired_by_the_next_build_even_a_failing_one() {
    let (workspace, before) = released_then_changed();
    // Killed with the old output moved aside and the new one staged, not yet in its place.
    let previous = workspace
        .path()
        .join(format!(".output.previous-{DEAD_BUILD}"));
    std::fs::rename(workspace.out(), &previous).unwrap();
    plant_staging(&workspace);

    // The next build fails (an error in a locale), and still the old output comes back.
    workspace.edit("i18n/ar/main.ftl", "X: { $handle }", "X: { $handle");
    let output = workspace.build(&[], &[]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        tree_contents(&workspace.out()) == before,
        "the old output is back"
    );
    assert_eq!(workspace.leftovers(), Vec::<String>::new(), "cleaned up");
}
