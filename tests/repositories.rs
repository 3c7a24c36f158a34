//! `check` on localisation repositories (issue 20): which folders are locales, Mozilla's
//! `l10n.toml`, and the levels of diagnostics per mode (`--deny`, `--warn`, `--allow`, the
//! manifest's `[check]`, an `l10n.toml`'s `[appealpack]`). Each test drives the real binary on
//! `tests/fixtures/l10n-repo` (a repository in miniature) or a tree built in a tempdir.

use crate::common;

use std::path::Path;

use common::*;
use serde_json::Value;

const REPO: &str = "l10n-repo";

/// `check` run in the fixtures folder; the exit code, the JSON report (when asked for with
/// `--format json`) and stderr.
fn check_in(cwd: &Path, args: &[&str]) -> (Option<i32>, Value, String) {
    let mut all = vec!["check"];
    all.extend(args);
    let output = appealpack(cwd, &all);
    let report = serde_json::from_str(&stdout(&output)).unwrap_or(Value::Null);
    (output.status.code(), report, stderr(&output))
}

fn fixtures() -> std::path::PathBuf {
    repo().join("tests/fixtures")
}

/// `code severity locale` of every diagnostic, in report order.
fn codes(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{} {} {}",
                d["code"].as_str().unwrap(),
                d["severity"].as_str().unwrap(),
                d["locale"].as_str().unwrap_or("-")
            )
        })
        .collect()
}

fn locales(report: &Value) -> Vec<&str> {
    report["locales"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["locale"].as_str().unwrap())
        .collect()
}

#[test]
fn root_reads_only_the_locale_folders_and_says_why_with_verbose() {
    let (code, report, err) = check_in(
        &fixtures(),
        &[
            "--root",
            REPO,
            "--reference",
            "en",
            "--format",
            "json",
            "-v",
        ],
    );
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(locales(&report), ["de", "en", "es-ES", "fr"]);
    // configs/ (TOML), metadata/ (JSON), .github/ and _archive/ (a .ftl file, but no language
    // tag) are neither locales nor mistakes: no diagnostic, one line each with --verbose.
    assert!(
        !report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["locale"].is_null()),
        "{report:#}"
    );
    insta::assert_snapshot!("root_verbose", err);
    let (_, _, quiet) = check_in(
        &fixtures(),
        &["--root", REPO, "--reference", "en", "--format", "json"],
    );
    assert_eq!(quiet, "");
}

#[test]
fn config_and_root_without_reference_give_the_same_report_as_the_folders() {
    let args = |extra: &[&'static str]| {
        let mut args = extra.to_vec();
        args.extend(["--format", "json"]);
        args
    };
    let (code, folders, _) = check_in(&fixtures(), &args(&["--root", REPO, "--reference", "en"]));
    let (config_code, config, err) =
        check_in(&fixtures(), &args(&["--config", "l10n-repo/l10n.toml"]));
    assert_eq!((code, config_code), (Some(1), Some(1)), "{err}");
    assert_eq!(folders, config);
    let (auto_code, auto, err) = check_in(&fixtures(), &args(&["--root", REPO, "-v"]));
    assert_eq!(auto_code, Some(1));
    assert_eq!(folders, auto);
    assert!(err.contains("reading l10n-repo/l10n.toml"), "{err}");
}

#[test]
fn json_counts_missing_and_obsolete_files_per_locale() {
    let (_, report, _) = check_in(
        &fixtures(),
        &["--config", "l10n-repo/l10n.toml", "--format", "json"],
    );
    let row = |locale: &str| {
        let row = report["locales"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["locale"] == locale)
            .unwrap()
            .clone();
        (
            row["missing"].as_u64().unwrap(),
            row["obsolete"].as_u64().unwrap(),
            row["missing_files"].as_u64().unwrap(),
            row["obsolete_files"].as_u64().unwrap(),
        )
    };
    // de lacks mozorg/about.ftl (two messages); es-ES lacks one message, has an obsolete one
    // and an obsolete file of one message.
    assert_eq!(row("de"), (2, 0, 1, 0));
    assert_eq!(row("es-ES"), (1, 2, 0, 1));
    assert_eq!(row("fr"), (0, 0, 0, 0));
}

#[test]
fn a_bare_tree_warns_of_changed_facts_and_the_levels_change_that() {
    let base = [
        "--root",
        REPO,
        "--reference",
        "en",
        "--locale",
        "fr",
        "--format",
        "json",
    ];
    let run = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend(extra);
        check_in(&fixtures(), &args)
    };
    // A reworded "2x faster" and a localised example address are warnings in a product.
    let (code, report, _) = run(&[]);
    assert_eq!(code, Some(0));
    assert_eq!(
        codes(&report),
        [
            "number-mismatch warning fr",
            "email-mismatch warning fr",
            "email-mismatch warning fr"
        ]
    );
    let (code, report, _) = run(&["--deny", "number-mismatch"]);
    assert_eq!(code, Some(1));
    assert_eq!(codes(&report)[0], "number-mismatch error fr");
    assert_eq!(report["errors"], 1);
    let (code, report, _) = run(&["-D", "email-mismatch", "--allow", "number-mismatch"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        codes(&report),
        ["email-mismatch error fr", "email-mismatch error fr"]
    );
    let (code, report, _) = run(&["-A", "email-mismatch", "-A", "number-mismatch"]);
    assert_eq!((code, report["warnings"].as_u64()), (Some(0), Some(0)));
    // Errors can be lowered in a bare tree: nothing is printed from it.
    let all = ["--root", REPO, "--reference", "en", "--format", "json"];
    let (code, _, _) = check_in(&fixtures(), &all);
    assert_eq!(code, Some(1));
    let mut lowered = all.to_vec();
    lowered.extend(["--warn", "missing-file", "--warn", "missing-message"]);
    let (code, report, _) = check_in(&fixtures(), &lowered);
    assert_eq!((code, report["errors"].as_u64()), (Some(0), Some(0)));
}

#[test]
fn an_appeal_keeps_changed_facts_as_errors_unless_told_otherwise() {
    let case = copy_fixture("minimal");
    let fonts = repo().join("fonts");
    let fonts = fonts.to_str().unwrap();
    let fr = case.path().join("fr/main.ftl");
    let text = std::fs::read_to_string(&fr).unwrap();
    std::fs::write(&fr, text.replace("15 000", "16 000")).unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["--i18n", ".", "--fonts", fonts, "--format", "json"];
        args.extend(extra);
        check_in(case.path(), &args)
    };
    let (code, report, _) = run(&[]);
    assert_eq!(code, Some(1));
    assert_eq!(codes(&report), ["number-mismatch error fr"]);
    let (code, report, _) = run(&["--warn", "number-mismatch"]);
    assert_eq!(
        (code, codes(&report)),
        (Some(0), vec!["number-mismatch warning fr".to_owned()])
    );
    // The same from the manifest; the command line wins over it.
    let manifest = case.path().join("manifest.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        format!("{text}\n[check]\nallow = [\"number-mismatch\"]\n"),
    )
    .unwrap();
    let (code, report, _) = run(&[]);
    assert_eq!((code, report["warnings"].as_u64()), (Some(0), Some(0)));
    let (code, report, _) = run(&["--deny", "number-mismatch"]);
    assert_eq!(
        (code, codes(&report)),
        (Some(1), vec!["number-mismatch error fr".to_owned()])
    );
    // `build` follows the manifest: the French pack is built, the number as the translator
    // wrote it.
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().join("out");
    let output = appealpack(
        case.path(),
        &[
            "build",
            "--i18n",
            ".",
            "--fonts",
            fonts,
            "--locale",
            "fr",
            "-f",
            "text",
            "--out",
            out_dir.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", common::report(&output));
    let text = std::fs::read_to_string(out_dir.join("fr/test-alert-fr.txt")).unwrap();
    assert!(text.contains("16 000"), "{text}");
}

#[test]
fn levels_that_cannot_be_are_refused_with_the_reason() {
    let case = copy_fixture("minimal");
    let fonts = repo().join("fonts");
    let fonts = fonts.to_str().unwrap();
    let refused = |extra: &[&str]| {
        let mut args = vec!["check", "--i18n", ".", "--fonts", fonts];
        args.extend(extra);
        let output = appealpack(case.path(), &args);
        assert_eq!(output.status.code(), Some(2), "{}", report(&output));
        // The command line's refusals are the tool's own (stderr); the manifest's, a report.
        stdout(&output) + &stderr(&output)
    };
    let mut messages = vec![
        refused(&["--warn", "syntax"]),
        refused(&["--deny", "nuber-mismatch"]),
        refused(&["--allow", "io"]),
        refused(&["--deny", "stale", "--allow", "stale"]),
    ];
    let manifest = case.path().join("manifest.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        format!("{text}\n[check]\ndeny = [\"stale\"]\nallow = [\"missing-glyph\", \"stale\"]\n"),
    )
    .unwrap();
    messages.push(refused(&[]));
    insta::assert_snapshot!("refused_levels", messages.join("----\n"));
    // The same names are fine in a bare tree, but for `io`.
    let (code, _, err) = check_in(
        &fixtures(),
        &[
            "--root",
            REPO,
            "--reference",
            "en",
            "--warn",
            "syntax",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, Some(1), "{err}");
}

/// A tree in a tempdir: `files` as (path, text).
fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

#[test]
fn a_configuration_with_filters_env_and_its_own_levels() {
    // Firefox's layout: the reference under browser/locales/en-US, the locales in l10n/.
    let dir = tree(&[
        (
            "l10n.toml",
            "basepath = \".\"\nlocales = [\"fr\", \"de\"]\n\n[env]\nl = \"{l10n_base}/l10n/{locale}/\"\n\n\
             [[paths]]\nreference = \"browser/locales/en-US/**/*.ftl\"\nl10n = \"{l}browser/**/*.ftl\"\n\n\
             [[filters]]\npath = \"{l}browser/legacy.ftl\"\naction = \"ignore\"\n\n\
             [[filters]]\npath = [\"{l}browser/main.ftl\"]\nkey = [\"beta-only\"]\naction = \"ignore\"\n\n\
             [appealpack]\ndeny = [\"untranslated\"]\n",
        ),
        (
            "browser/locales/en-US/main.ftl",
            "hello = Hello world\nbeta-only = Beta\n",
        ),
        ("browser/locales/en-US/legacy.ftl", "old = Old\n"),
        ("browser/locales/en-US/notes.txt", "not Fluent\n"),
        ("l10n/fr/browser/main.ftl", "hello = Bonjour le monde\n"),
        (
            "l10n/de/browser/main.ftl",
            "hello = Hello world\nbeta-only = Beta\n",
        ),
    ]);
    let (code, report, err) = check_in(dir.path(), &["--config", "l10n.toml", "--format", "json"]);
    // The reference is the last folder of its path named like a language (`locales` and
    // `browser` are well-formed tags too); the missing legacy.ftl and fr's missing `beta-only`
    // are ignored; de's copied `hello` is an error by the file's own levels; notes.txt is not
    // Fluent.
    assert_eq!(code, Some(1), "{err}");
    assert_eq!(locales(&report), ["de", "en-US", "fr"]);
    assert_eq!(codes(&report), ["untranslated error de"], "{report:#}");
    let fr = &report["locales"][2];
    assert_eq!(
        (fr["missing"].as_u64(), fr["missing_files"].as_u64()),
        (Some(0), Some(0))
    );
}

#[test]
fn configuration_keys_that_are_not_supported_are_refused_at_the_key() {
    let cases = [
        "locales = [\"fr\"]\n\n[[paths]]\nreference = \"en/**\"\nl10n = \"{locale}/**\"\n\n[[includes]]\npath = \"other.toml\"\n",
        "[[paths]]\nreference = \"en/**\"\nl10n = \"{locale}/**\"\n\n[[filters]]\npath = \"{locale}/a.ftl\"\naction = \"error\"\n",
        "[[paths]]\nreference = \"en/**\"\nl10n = \"{locale}/**\"\n\n[[filters]]\npath = \"{locale}/a.ftl\"\nkey = \"re:^a\"\naction = \"ignore\"\n",
        "[[paths]]\nreference = \"en/**\"\nl10n = \"{loc}/**\"\n",
        "[[paths]]\nreference = \"en/**\"\nl10n = \"../{locale}/**\"\n",
        "[[paths]]\nreference = \"en/*.ftl\"\nl10n = \"{locale}/**\"\n",
        "[[paths]]\nreference = \"en/**\"\nl10n = \"{locale}/**\"\n\n[appealpack]\nwarn = [\"io\"]\n",
    ];
    let mut messages = Vec::new();
    for config in cases {
        let dir = tree(&[
            ("l10n.toml", config),
            ("en/a.ftl", "a = A\n"),
            ("fr/a.ftl", "a = B\n"),
        ]);
        let output = appealpack(dir.path(), &["check", "--config", "l10n.toml"]);
        assert_eq!(output.status.code(), Some(2), "{}", report(&output));
        messages.push(stdout(&output) + &stderr(&output));
    }
    insta::assert_snapshot!("refused_configurations", messages.join("----\n"));
}

#[test]
fn root_without_reference_or_configuration_says_what_it_needs() {
    let dir = tree(&[("en/a.ftl", "a = A\n")]);
    let output = appealpack(dir.path(), &["check", "--root", "."]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output).trim(),
        "error: --root needs --reference LOCALE: . has no l10n.toml"
    );
}
