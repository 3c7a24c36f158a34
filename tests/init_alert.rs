//! `appealpack init-alert`: a new alert folder, written in one step, that checks clean and
//! builds as it is, and is never written over an existing folder.

use crate::common;

use common::*;

#[test]
fn a_new_alert_checks_clean_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let output = appealpack(dir.path(), &["init-alert", "ua-2026-01"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("created i18n for the alert `ua-2026-01`"));
    let mut names: Vec<String> = tree_contents(dir.path())
        .into_iter()
        .map(|(name, _)| name)
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "i18n/canonical.txt",
            "i18n/en/alert.ftl",
            "i18n/manifest.toml"
        ]
    );
    let manifest = std::fs::read_to_string(dir.path().join("i18n/manifest.toml")).unwrap();
    assert!(manifest.contains("id = \"ua-2026-01\""), "{manifest}");
    let fonts = repo().join("fonts");
    let fonts = fonts.to_str().unwrap();
    // The default folders: a project that starts from this alert needs no flags.
    let output = appealpack(dir.path(), &["check", "--fonts", fonts]);
    assert_eq!(output.status.code(), Some(0), "{}", report(&output));
    assert!(
        stdout(&output).contains("check: 0 error(s), 0 warning(s)"),
        "{}",
        report(&output)
    );
    let output = appealpack(dir.path(), &["build", "--fonts", fonts, "-f", "text"]);
    assert_eq!(output.status.code(), Some(0), "{}", report(&output));
    let text = std::fs::read_to_string(dir.path().join("output/en/ua-2026-01-en.txt")).unwrap();
    for kind in [
        "How You Can Help",
        "- Replace this line with the first demand",
        "- Name Surname, Position, E-mail: name@example.org",
    ] {
        assert!(text.contains(kind), "{kind}: {text}");
    }
    // One letter, on a page of its own (its number is in the outline only, never printed).
    assert_eq!(text.matches('\u{c}').count(), 1, "{text}");
    // And a language can be added to it.
    let output = appealpack(dir.path(), &["init-locale", "fr"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn an_existing_folder_is_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("alert")).unwrap();
    std::fs::write(dir.path().join("alert/notes.txt"), "mine").unwrap();
    let before = tree_contents(dir.path());
    let output = appealpack(dir.path(), &["init-alert", "x", "--i18n", "alert"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim(),
        "error: alert already exists; init-alert never overwrites a folder"
    );
    assert!(tree_contents(dir.path()) == before, "a file changed");
    // Nor an empty folder, nor a link.
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let output = appealpack(dir.path(), &["init-alert", "x", "--i18n", "empty"]);
    assert_eq!(output.status.code(), Some(2));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("nowhere", dir.path().join("link")).unwrap();
        let output = appealpack(dir.path(), &["init-alert", "x", "--i18n", "link"]);
        assert_eq!(output.status.code(), Some(2));
        assert!(!dir.path().join("nowhere").exists());
    }
}

#[test]
fn an_id_that_cannot_name_files_is_refused_and_nothing_is_made() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["../x", "a b", "", "ü"] {
        let output = appealpack(dir.path(), &["init-alert", bad]);
        assert_eq!(output.status.code(), Some(2), "{bad}");
        assert!(
            stderr(&output)
                .contains("is not an alert id: use 1 to 64 letters, digits, `-` and `_`"),
            "{}",
            stderr(&output)
        );
    }
    assert!(tree_contents(dir.path()).is_empty());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn a_folder_that_cannot_be_written_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the parent folder should be.
    std::fs::write(dir.path().join("file"), "x").unwrap();
    let before = tree_contents(dir.path());
    let output = appealpack(dir.path(), &["init-alert", "x", "--i18n", "file/alert"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("nothing was changed: no file/alert folder"),
        "{}",
        stderr(&output)
    );
    assert!(tree_contents(dir.path()) == before);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}
