//! Commands that must agree with each other and with the README: a named locale is built even
//! when incomplete, unknown locales exit 2 with the list, `check`'s report is on stdout, and
//! `init-locale` refuses reserved and unknown ids and never leaves half a locale behind.

use std::process::{Command, Output};

use super::support::{Case, stable};
use crate::common::tree_contents;

fn appealpack(case: &Case, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_appealpack"))
        .current_dir(case.path(""))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .output()
        .unwrap()
}

/// fr lacks a message: a build of every locale withholds it with words that fit a build,
/// and `--locale fr` builds it with the English text standing in, and says so.
#[test]
fn a_named_incomplete_locale_is_built_and_an_unnamed_one_withheld() {
    let case = Case::new();
    case.replace("t/fr/main.ftl", "alert-p2 =", "# alert-p2 =");
    let all = case.built(&["-f", "text"]);
    assert!(
        all.contains("locale `fr` is not built: its translation is incomplete"),
        "{all}"
    );
    assert!(!all.contains("published"), "{all}");
    assert!(!case.path("out/fr").exists());

    let named = case.built(&["--locale", "fr", "-f", "text"]);
    assert!(
        named.contains("note: `fr` is built with 1 message(s) in the reference language: alert-p2"),
        "{named}"
    );
    let text = case.read("out/fr/test-alert-fr.txt");
    assert!(text.contains("Fines reach 15,000 roubles"), "{text}");
    // The draft says so on its first page, naming what stands in.
    assert!(
        text.contains("Draft, not for distribution: 1 message(s) of this pack are still in the reference language (en), standing in for missing translations: alert-p2."),
        "{text}"
    );
    insta::assert_snapshot!(format!("--- every locale\n{all}\n--- --locale fr\n{named}"));
}

#[test]
fn an_unknown_locale_exits_2_with_the_list_in_build_and_check() {
    let case = Case::new();
    let build = case.refused(&["--locale", "xx", "-f", "text"], 2);
    let before = tree_contents(&case.path(""));
    let check = appealpack(
        &case,
        &["check", "--i18n", "t", "--fonts", "f", "--locale", "xx"],
    );
    assert_eq!(check.status.code(), Some(2));
    assert!(tree_contents(&case.path("")) == before);
    let check = stable(&String::from_utf8_lossy(&check.stderr));
    assert!(
        build.contains("no locale `xx` in this tree (it has en, fr)"),
        "{build}"
    );
    assert!(
        check.contains("no locale `xx` in this tree (it has en, fr)"),
        "{check}"
    );
    insta::assert_snapshot!(format!("--- build\n{build}--- check\n{check}"));
}

/// `check --locale fr | less` shows the report: it is the command's output.
#[test]
fn the_check_report_is_on_stdout() {
    let case = Case::new();
    case.replace("t/fr/main.ftl", "alert-p2 =", "# alert-p2 =");
    let output = appealpack(&case, &["check", "--i18n", "t", "--fonts", "f"]);
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("error[missing-message]"), "{stdout}");
    assert!(stdout.contains("check: 1 error(s)"), "{stdout}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn status_exits_0_for_a_report_that_ran() {
    let case = Case::new();
    case.replace("t/fr/main.ftl", "alert-p2 =", "# alert-p2 =");
    let output = appealpack(&case, &["status", "--i18n", "t", "--fonts", "f"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("fr"));
}

#[test]
fn init_locale_refuses_reserved_and_unknown_languages() {
    let case = Case::new();
    let mut messages = String::new();
    for code in ["en-XA", "ar-XB", "klingon", "plx"] {
        let before = tree_contents(&case.path(""));
        let output = appealpack(&case, &["init-locale", code, "--i18n", "t"]);
        assert_eq!(output.status.code(), Some(2), "{code}");
        assert!(
            tree_contents(&case.path("")) == before,
            "{code} changed files"
        );
        messages.push_str(&stable(&String::from_utf8_lossy(&output.stderr)));
    }
    insta::assert_snapshot!(messages);
}

/// The manifest cannot be written (a folder stands where its temporary file goes): no locale
/// folder is left behind, the manifest is as it was, and a retry is not told "already exists".
#[cfg(unix)]
#[test]
fn init_locale_that_cannot_write_the_manifest_leaves_nothing() {
    let case = Case::new();
    let before = tree_contents(&case.path(""));
    // The shell's process id is the program's after `exec`: block its temporary manifest.
    let output = Command::new("sh")
        .current_dir(case.path(""))
        .arg("-c")
        .arg(format!(
            "mkdir t/.manifest.toml.tmp-$$ && exec {} init-locale pl --i18n t",
            env!("CARGO_BIN_EXE_appealpack")
        ))
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    let err = stable(&String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(tree_contents(&case.path("")) == before, "{err}");
    let leftovers: Vec<String> = std::fs::read_dir(case.path("t"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with('.') && !n.starts_with(".manifest.toml.tmp-"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new());
    assert!(!case.path("t/pl").exists());
    let err = err
        .lines()
        .map(|l| {
            let at = l
                .find(".manifest.toml.tmp-")
                .map(|a| a + ".manifest.toml.tmp-".len());
            match at {
                Some(at) => format!(
                    "{}PID{}",
                    &l[..at],
                    &l[at..].trim_start_matches(|c: char| c.is_ascii_digit())
                ),
                None => l.to_owned(),
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    insta::assert_snapshot!(err);

    let retry = appealpack(&case, &["init-locale", "pl", "--i18n", "t"]);
    assert!(
        retry.status.success(),
        "{}",
        String::from_utf8_lossy(&retry.stderr)
    );
    assert!(case.path("t/pl/main.ftl").is_file());
}

/// An output folder whose name holds an escape sequence and a newline: the build's own lines
/// show them as pictures, so the name can neither retitle the terminal nor forge a log line.
#[test]
fn paths_in_the_tools_own_lines_are_printed_visibly() {
    let case = Case::new();
    let name = "o\u{1b}]0;pwned\u{7}\n::error::forged";
    let err = case.built(&["--out", name, "-f", "text"]);
    assert!(
        !err.contains('\u{1b}') && !err.contains("\n::error"),
        "{err}"
    );
    assert!(err.contains("into o␛]0;pwned␇␊::error::forged:"), "{err}");
}
