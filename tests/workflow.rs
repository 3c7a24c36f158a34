//! The translator's workflow through the real binary: init-locale, stale translations, status.

use crate::common;

use common::*;

fn fonts() -> String {
    repo().join("fonts").to_string_lossy().into_owned()
}

#[test]
fn init_locale_then_one_message_then_check_shows_the_coverage() {
    let tree = copy_fixture("minimal");
    let root = tree.path();
    let output = appealpack(root, &["init-locale", "pl", "--i18n", "."]);
    assert!(output.status.success(), "{}", report(&output));
    assert!(
        report(&output).contains("added `pl` to ./manifest.toml"),
        "{}",
        report(&output)
    );
    let scaffold = std::fs::read_to_string(root.join("pl/main.ftl")).unwrap();
    assert!(
        root.join("pl/appealpack-lock.toml").exists(),
        "the lock starts with the scaffold"
    );
    assert!(
        scaffold.contains("# en: alert-p2 = Fines reach 15,000 roubles under Article 20.33."),
        "{scaffold}"
    );
    assert!(scaffold.contains("\n# alert-p2 =\n"), "{scaffold}");

    // Nothing is translated yet: every reference entry is missing.
    let output = appealpack(
        root,
        &[
            "check",
            "--i18n",
            ".",
            "--fonts",
            &fonts(),
            "--locale",
            "pl",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        report(&output).contains("pl            16         0       16         0      0.0%"),
        "{}",
        report(&output)
    );

    // One message translated: 1 of 16 entries.
    let filled = scaffold.replace(
        "\n# alert-p2 =\n",
        "\nalert-p2 = Grzywny sięgają 15 000 rubli na podstawie art. 20.33.\n",
    );
    std::fs::write(root.join("pl/main.ftl"), filled).unwrap();
    let output = appealpack(
        root,
        &[
            "check",
            "--i18n",
            ".",
            "--fonts",
            &fonts(),
            "--locale",
            "pl",
        ],
    );
    assert!(
        report(&output).contains("pl            15         0       15         0      6.2%"),
        "{}",
        report(&output)
    );

    // It never overwrites a locale.
    let again = appealpack(root, &["init-locale", "pl", "--i18n", "."]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        stderr(&again).contains("already exists; init-locale never overwrites a locale"),
        "{}",
        stderr(&again)
    );
}

#[test]
fn init_locale_rejects_an_invalid_code() {
    let tree = copy_fixture("minimal");
    let output = appealpack(tree.path(), &["init-locale", "../../etc", "--i18n", "."]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        report(&output).contains("is not a locale id"),
        "{}",
        report(&output)
    );
    assert!(!tree.path().join("../../etc/main.ftl").exists());
}

#[test]
fn a_changed_reference_marks_translations_stale_until_the_lock_is_updated() {
    let tree = copy_fixture("minimal");
    let root = tree.path();
    let check = || {
        appealpack(
            root,
            &[
                "check",
                "--i18n",
                ".",
                "--fonts",
                &fonts(),
                "--locale",
                "fr",
            ],
        )
    };

    let output = appealpack(
        root,
        &[
            "check",
            "--i18n",
            ".",
            "--fonts",
            &fonts(),
            "--update-lock",
            "fr",
            "--locale",
            "fr",
        ],
    );
    assert!(output.status.success(), "{}", report(&output));
    assert!(root.join("fr/appealpack-lock.toml").exists());
    assert!(
        !report(&check()).contains("stale"),
        "a fresh lock has nothing stale"
    );

    // The reference (and the canonical text it reproduces) changes one message.
    for file in ["en/main.ftl", "canonical.txt"] {
        let path = root.join(file);
        let text = std::fs::read_to_string(&path).unwrap().replace(
            "Remove it from the list;",
            "Remove it from the list at once;",
        );
        std::fs::write(&path, text).unwrap();
    }
    let output = check();
    let err = report(&output);
    assert!(output.status.success(), "stale is a warning: {err}");
    assert!(
        err.contains("warning[stale]: translation of `demand-one` is older than its source [fr]"),
        "{err}"
    );
    assert!(err.contains("fr/main.ftl:8:1"), "{err}");
    assert!(
        err.contains("the en source changed: … = Remove it from the [-list;-] {+list at once;+}"),
        "{err}"
    );
    assert_eq!(
        err.matches("warning[stale]").count(),
        1,
        "only the changed message: {err}"
    );

    let output = appealpack(
        root,
        &[
            "check",
            "--i18n",
            ".",
            "--fonts",
            &fonts(),
            "--update-lock",
            "fr",
        ],
    );
    assert!(output.status.success(), "{}", report(&output));
    assert!(
        report(&output).contains("(1 had a changed source: demand-one)"),
        "{}",
        report(&output)
    );
    assert!(
        !report(&output).contains("[en]"),
        "only the updated locale is checked: {}",
        report(&output)
    );
    assert!(
        !report(&check()).contains("stale"),
        "the lock update clears it"
    );
}

#[test]
fn status_prints_a_matrix_and_markdown() {
    let output = appealpack(&repo(), &["status", "--i18n", ALERT, "--locale", "en"]);
    let text = stdout(&output);
    assert!(
        text.starts_with(
            "locale  alert  help  addresses  letters  other\nen      11/11  6/6   9/9"
        ),
        "{text}"
    );
    let output = appealpack(
        &repo(),
        &["status", "--i18n", ALERT, "--locale", "en", "--markdown"],
    );
    let text = stdout(&output);
    assert!(text.starts_with("| locale | alert | help | addresses | letters | other |\n|---|---|---|---|---|---|\n| `en` | ✅ 11/11 |"), "{text}");
}

#[test]
fn pseudo_locales_build_from_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = appealpack(
        &repo(),
        &[
            "build",
            "--i18n",
            ALERT,
            "--locale",
            "en",
            "--pseudo",
            "-f",
            "text",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", report(&output));
    let accented =
        std::fs::read_to_string(out.join("en-XA/ru-amnesty-undesirable-2025-en-XA.txt")).unwrap();
    assert!(
        accented.starts_with("Ŕüüššîîááññ Fééðééŕááţîîööññ"),
        "{accented}"
    );
    assert!(
        accented.contains("ministry@mid.ru"),
        "variables are not pseudo-translated"
    );
    let mirrored =
        std::fs::read_to_string(out.join("ar-XB/ru-amnesty-undesirable-2025-ar-XB.txt")).unwrap();
    assert!(
        mirrored.starts_with("Russian Federation"),
        "bidi controls are not part of the text"
    );
}

#[test]
fn a_pseudo_locale_can_be_asked_for_by_name_but_never_released() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let out_arg = out.to_str().unwrap();
    let output = appealpack(
        &repo(),
        &[
            "build", "--i18n", ALERT, "--locale", "ar-XB", "-f", "text", "--out", out_arg,
        ],
    );
    assert!(output.status.success(), "{}", report(&output));
    let files: Vec<String> = tree_contents(&out).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        files,
        [
            ".appealpack-output",
            "ar-XB/ru-amnesty-undesirable-2025-ar-XB.txt",
            "en/ru-amnesty-undesirable-2025-en.txt"
        ],
        "the pseudo-locale and the reference it is made from"
    );
    let output = appealpack(
        &repo(),
        &[
            "build",
            "--i18n",
            ALERT,
            "--locale",
            "en-XA",
            "--release",
            "--out",
            out_arg,
        ],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        report(&output).contains("cannot be part of a release"),
        "{}",
        report(&output)
    );
}
