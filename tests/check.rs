//! `appealpack check`, end to end: one fixture tree per family of checks under
//! `tests/fixtures/check/<case>/`, each with its faults planted, and the exact diagnostics
//! (code, message, file, line, column) they must produce. Human output is snapshotted with
//! insta; regenerate with `INSTA_UPDATE=always cargo test --release --test it check::` and
//! review the diff.

use crate::common;

use common::*;
use serde_json::Value;

/// Runs `check --format json` in a fixture and returns the exit code, the report, and each
/// diagnostic as `file:line:column: severity[code]: message [locale]`.
fn check_case(case: &str, extra: &[&str]) -> (Option<i32>, Value, Vec<String>) {
    let dir = fixture("check").join(case);
    let mut args = vec!["check", "--format", "json"];
    if dir.join("manifest.toml").exists() {
        let fonts = repo().join("fonts");
        let fonts = fonts.to_str().unwrap().to_owned();
        args.extend(["--i18n", "."]);
        args.extend(["--fonts", Box::leak(fonts.into_boxed_str())]);
    } else {
        args.extend(["--root", ".", "--reference", "en"]);
    }
    args.extend(extra);
    let output = appealpack(&dir, &args);
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {}{}",
            stdout(&output),
            common::report(&output)
        )
    });
    let lines = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let at = match d["locations"].get(0) {
                Some(l) => format!(
                    "{}:{}:{}: ",
                    l["file"].as_str().unwrap().trim_start_matches("./"),
                    l["line"],
                    l["column"]
                ),
                None => String::new(),
            };
            let locale = d["locale"]
                .as_str()
                .map_or(String::new(), |l| format!(" [{l}]"));
            format!(
                "{at}{}[{}]: {}{locale}",
                d["severity"].as_str().unwrap(),
                d["code"].as_str().unwrap(),
                d["message"].as_str().unwrap()
            )
        })
        .collect();
    (output.status.code(), report, lines)
}

#[test]
fn syntax_errors_are_all_reported_where_the_fix_goes_and_junk_does_not_cascade() {
    let (code, _, lines) = check_case("syntax", &[]);
    assert_eq!(code, Some(1));
    // No `missing message `hello``: the syntax error says the entry is lost.
    assert_eq!(
        lines,
        [
            "fr/main.ftl:1:24: error[syntax]: a placeable is not closed: expected `}` [fr]",
            "fr/main.ftl:4:29: error[syntax]: unbalanced closing brace [fr]",
        ]
    );
}

#[test]
fn syntax_errors_read_like_rustc() {
    let dir = fixture("check/syntax");
    let output = appealpack(&dir, &["check", "--root", ".", "--reference", "en"]);
    insta::assert_snapshot!("syntax_human", common::report(&output));
}

#[test]
fn missing_and_obsolete_files_messages_and_terms() {
    let (code, report, lines) = check_case("coverage", &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        lines,
        [
            "en/extra.ftl:1:1: error[missing-file]: missing file `extra.ftl` [fr]",
            // Each points where it goes in the translator's file: the terms at the top (nothing
            // precedes them in the reference), `subtitle` after `title`.
            "fr/main.ftl:1:1: error[missing-term]: missing term `-brand` [fr]",
            "fr/main.ftl:1:1: error[missing-term]: missing term `-old-brand` [fr]",
            "fr/main.ftl:1:1: error[missing-message]: missing message `subtitle` [fr]",
            "fr/main.ftl:2:1: warning[obsolete-message]: obsolete message `removed` [fr]",
            "fr/main.ftl:3:1: warning[obsolete-term]: obsolete term `-gone` [fr]",
            "fr/old.ftl:1:1: warning[obsolete-file]: obsolete file `old.ftl` [fr]",
        ]
    );
    // The messages of the missing file are counted, not reported one by one.
    let fr = &report["locales"][1];
    assert_eq!(fr["locale"], "fr");
    assert_eq!(fr["missing"], 5);
    assert_eq!(fr["obsolete"], 3);
    assert_eq!(fr["errors"], 4);
    assert_eq!(fr["warnings"], 3);
}

/// A newcomer wrote `alert-p07` for `alert-p7` and was told to remove a finished paragraph.
#[test]
fn a_misspelt_id_is_one_error_that_says_to_rename_it() {
    let (code, report, lines) = check_case("misspelt", &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        lines,
        [
            "fr/main.ftl:2:1: error[missing-message]: missing message `alert-p7`: is `alert-p07` a misspelling of it? [fr]"
        ]
    );
    assert_eq!(
        report["diagnostics"][0]["help"][0],
        "rename `alert-p07` to `alert-p7`"
    );
}

/// An attribute left empty is one error at its `=`, not a parser message on the line above
/// plus every attribute of the message reported missing.
#[test]
fn an_empty_attribute_is_named_where_it_is() {
    let (code, report, lines) = check_case("empty-attribute", &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        lines,
        ["fr/main.ftl:2:11: error[syntax]: `.role` has no value [fr]"]
    );
    assert_eq!(
        report["diagnostics"][0]["notes"][0],
        "until this is fixed, the attributes `.role`, `.salutation` of the message above are skipped"
    );
}

#[test]
fn values_attributes_and_duplicates() {
    let (code, _, lines) = check_case("structure", &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        lines,
        [
            "fr/main.ftl:1:1: error[missing-attribute]: missing attribute `person.salutation` [fr]",
            "fr/main.ftl:3:6: warning[duplicate-attribute]: attribute `.role` is defined twice in `person` [fr]",
            "fr/main.ftl:4:6: warning[obsolete-attribute]: obsolete attribute `person.title` [fr]",
            "fr/main.ftl:5:1: warning[obsolete-value]: `menu` has a value the reference does not have [fr]",
            "fr/main.ftl:10:6: warning[duplicate-variant]: variant `[mission]` appears twice in one select of `letters` [fr]",
            "fr/main.ftl:13:1: warning[duplicate-id]: `menu` is defined more than once [fr]",
        ]
    );
}

#[test]
fn variables_per_message_and_per_variant() {
    let (code, report, lines) = check_case("variables", &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        lines,
        [
            "fr/main.ftl:1:22: error[unknown-variable]: unknown variable `$nme` in `greeting` [fr]",
            "fr/main.ftl:2:1: warning[missing-variable]: `kicker` leaves out `$count` [fr]",
            "fr/main.ftl:9:6: warning[missing-variable]: variant [official] of `call` leaves out `$name` [fr]",
        ]
    );
    let typo = &report["diagnostics"][0];
    assert_eq!(typo["help"][0], "did you mean `$name`?");
    assert_eq!(
        typo["locations"][0]["end_column"], 26,
        "the span covers `$nme`"
    );
}

#[test]
fn unknown_misspelt_and_cyclic_references() {
    let (code, report, lines) = check_case("references", &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        lines,
        [
            "en/main.ftl:9:14: error[cyclic-reference]: cyclic reference: `loop-a` → `loop-b` → `loop-a` [en]",
            "fr/main.ftl:3:11: error[unknown-term]: unknown term `-brnad` in `title` [fr]",
            "fr/main.ftl:4:40: error[unknown-message]: unknown message `titel` in `about` [fr]",
            "fr/main.ftl:5:15: error[unknown-message]: `menu` has no attribute `.lable` (used in `help`) [fr]",
            "fr/main.ftl:9:14: error[cyclic-reference]: cyclic reference: `loop-a` → `loop-b` → `loop-a` [fr]",
        ]
    );
    let helps: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["help"][0].as_str())
        .collect();
    assert_eq!(
        helps,
        [
            "did you mean `-brand`?",
            "did you mean `title`?",
            "did you mean `menu.label`?"
        ]
    );
}

#[test]
fn a_dropped_term_reference_is_a_warning() {
    let tree = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tree.path().join("en")).unwrap();
    std::fs::create_dir_all(tree.path().join("de")).unwrap();
    std::fs::write(
        tree.path().join("en/a.ftl"),
        "-org = Amnesty International\nask = Support { -org } now.\n",
    )
    .unwrap();
    std::fs::write(
        tree.path().join("de/a.ftl"),
        "-org = Amnesty International\nask = Unterstützen Sie Amnesty International jetzt.\n",
    )
    .unwrap();
    let output = appealpack(tree.path(), &["check", "--root", ".", "--reference", "en"]);
    assert_eq!(output.status.code(), Some(0));
    let err = common::report(&output);
    assert!(
        err.contains("warning[missing-reference]: `ask` does not use the term `-org` as the reference does [de]"),
        "{err}"
    );
    assert!(err.contains("./de/a.ftl:2:1"), "{err}");
}

#[test]
fn plural_categories_by_cldr() {
    let (code, _, lines) = check_case("plurals", &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        lines,
        [
            // Only `*[other]`, but the reference's select is plural: French needs `one`.
            "fr/main.ftl:2:13: error[missing-plural-category]: select on `$count` lacks the plural category `one` of `fr` [fr]",
            "ja/main.ftl:2:6: warning[extra-plural-category]: `one` is not a plural category of `ja` [ja]",
            "ru/main.ftl:1:13: error[missing-plural-category]: select on `$count` lacks the plural categories `few`, `many` of `ru` [ru]",
            "tlh/main.ftl:5:11: warning[no-plural-rules]: `tlh` has no CLDR plural rules: fluent will choose variants by English rules [tlh]",
        ]
    );
}

#[test]
fn locale_filter_checks_only_the_locales_asked_for() {
    let (code, report, lines) = check_case("plurals", &["--locale", "ru"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        lines,
        [
            "ru/main.ftl:1:13: error[missing-plural-category]: select on `$count` lacks the plural categories `few`, `many` of `ru` [ru]"
        ]
    );
    assert_eq!(report["locales"].as_array().unwrap().len(), 1);
}

#[test]
fn empty_untranslated_and_damaged_text_with_allow_markers() {
    let (code, _, lines) = check_case("text", &[]);
    assert_eq!(code, Some(1));
    // `-org`, `Date` (names and labels) and `footer` (marked allow(untranslated)) are not flagged.
    assert_eq!(
        lines,
        [
            "fr/main.ftl:2:1: warning[untranslated]: `heading` is identical to the reference [fr]",
            // A warning in a bare tree; an appeal's manifest makes it an error (docs/diagnostics.md).
            "fr/main.ftl:6:1: warning[empty-value]: `intro` is empty [fr]",
            "fr/main.ftl:7:9: warning[unused-allow]: `allow(untranslated)` silences nothing in `closing` [fr]",
            "fr/main.ftl:10:15: error[replacement-character]: `damaged` contains U+FFFD, the mark of text damaged by a wrong encoding [fr]",
            "fr/main.ftl:11:20: warning[control-character]: `hidden` contains U+202E, a bidi embedding or override, which can reorder text invisibly [fr]",
            "fr/main.ftl:12:25: warning[control-character]: `escaped` contains U+202E, a bidi embedding or override, which can reorder text invisibly [fr]",
        ]
    );
}

#[test]
fn numbers_emails_urls_and_handles_survive_translation() {
    // A bare tree reports changed facts as warnings (a product may localise them; an appeal's
    // manifest keeps them errors, tests/repositories.rs): --deny restores the appeal's rule.
    let (code, _, lines) = check_case("facts", &[]);
    assert_eq!(code, Some(0));
    assert_eq!(lines.len(), 7);
    assert!(lines.iter().all(|l| l.contains(": warning[")), "{lines:#?}");
    let deny = [
        "--deny",
        "number-mismatch",
        "--deny",
        "email-mismatch",
        "--deny",
        "url-mismatch",
    ];
    let (code, report, lines) = check_case("facts", &deny);
    assert_eq!(code, Some(1));
    // Arabic digits and separators, `15 000`, `20,33`, `19.05.2025`, "4 et 6" for "four and
    // six", a lower-case handle and an allowed number in words are all accepted.
    assert_eq!(
        lines,
        [
            "fr/main.ftl:1:24: error[number-mismatch]: `fine` lacks the number 15,000 of the reference [fr]",
            "fr/main.ftl:4:1: error[number-mismatch]: `list` lacks the number 200 of the reference [fr]",
            "fr/main.ftl:5:1: error[email-mismatch]: `contact` lacks the e-mail address mission.russian@vtxnet.ch of the reference [fr]",
            "fr/main.ftl:5:21: error[email-mismatch]: `contact` has the e-mail address mission.russia@vtxnet.ch, which the reference does not [fr]",
            "fr/main.ftl:5:49: error[email-mismatch]: `contact` has the e-mail address info@example.org, which the reference does not [fr]",
            "fr/main.ftl:6:1: error[url-mismatch]: `source` lacks the URL https://example.org/decision-2025 of the reference [fr]",
            "fr/main.ftl:6:32: error[url-mismatch]: `source` has the URL https://example.org/decision, which the reference does not [fr]",
        ]
    );
    let fine = &report["diagnostics"][0];
    assert_eq!(fine["locations"][0]["label"], "15 500 here, not 15,000");
    assert_eq!(fine["locations"][1]["file"], "./en/main.ftl");
    assert_eq!(
        fine["notes"][0],
        "numbers in the translation: 15 500, 167, 20,33"
    );
}

#[test]
fn glyphs_limits_and_manifest_contacts() {
    let (code, report, lines) = check_case("printed", &[]);
    assert_eq!(code, Some(1));
    assert_eq!(
        lines,
        [
            "manifest.toml:40:23: warning[duplicate-contact]: `deputy` has the same e-mail address as `minister`: Minister@Example.org",
            "manifest.toml:45:19: error[malformed-contact]: X handle `@President_Of_Examples` of `president` must have 1 to 15 characters after `@`",
            "manifest.toml:50:23: error[malformed-contact]: e-mail address `office.example.org` of `office` has no `@`",
            "fr/main.ftl:5:68: error[missing-glyph]: no font of `fr` can draw U+4E0D '不' in `alert-p1` [fr]",
            "fr/main.ftl:27:1: error[too-long]: `x-post` is 168 characters as X counts them, over the limit of 140 (in `addresses`) [fr]",
        ]
    );
    let glyph = &report["diagnostics"][3];
    assert_eq!(glyph["locations"][0]["label"], "U+4E0D '不'");
    assert_eq!(
        glyph["locations"][0]["end_column"], 69,
        "exactly the character"
    );
}

#[test]
fn canonical_drift_points_at_the_changed_word() {
    let tree = copy_fixture("minimal");
    let canonical = tree.path().join("canonical.txt");
    let text = std::fs::read_to_string(&canonical)
        .unwrap()
        .replace("15,000", "50,000");
    std::fs::write(&canonical, text).unwrap();
    let fonts = repo().join("fonts");
    let output = appealpack(
        tree.path(),
        &[
            "check",
            "--i18n",
            ".",
            "--fonts",
            fonts.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let drift = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "canonical-drift")
        .expect("a drift");
    let at = &drift["locations"];
    // canonical.txt line 2: "Fines reach 50,000 roubles under Article 20.33."
    assert_eq!(
        (at[0]["file"].as_str(), &at[0]["line"], &at[0]["column"]),
        (Some("./canonical.txt"), &2.into(), &13.into())
    );
    assert_eq!(at[0]["end_column"], 19);
    assert_eq!(
        (at[1]["file"].as_str(), &at[1]["line"], &at[1]["column"]),
        (Some("./en/main.ftl"), &6.into(), &24.into())
    );
    assert_eq!(at[1]["label"], "the message has `15,000`");
}

#[test]
fn json_report_follows_the_documented_schema() {
    let (_, report, _) = check_case("variables", &[]);
    assert_eq!(report["schema"], "appealpack-check/1");
    assert_eq!(report["errors"], 1);
    assert_eq!(report["warnings"], 2);
    let summary = &report["locales"][1];
    let keys: Vec<&str> = summary
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "coverage",
            "errors",
            "locale",
            "missing",
            "missing_files",
            "obsolete",
            "obsolete_files",
            "warnings",
            "words",
            "words_total"
        ]
    );
    let diagnostic = &report["diagnostics"][0];
    let keys: Vec<&str> = diagnostic
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "code",
            "help",
            "locale",
            "locations",
            "message",
            "message_id",
            "notes",
            "severity"
        ]
    );
    assert_eq!(diagnostic["message_id"], "greeting");
    let location = &diagnostic["locations"][0];
    let keys: Vec<&str> = location
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "column",
            "end",
            "end_column",
            "end_line",
            "file",
            "label",
            "line",
            "start"
        ]
    );
    assert_eq!(
        (location["start"].as_u64(), location["end"].as_u64()),
        (Some(21), Some(25))
    );
}

#[test]
fn github_annotations_name_file_line_and_column() {
    let dir = fixture("check/variables");
    let output = appealpack(
        &dir,
        &[
            "check",
            "--root",
            ".",
            "--reference",
            "en",
            "--format",
            "github",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let first = out.lines().next().unwrap();
    assert_eq!(
        first,
        "::error file=./fr/main.ftl,line=1,col=22,endLine=1,endColumn=26,title=appealpack unknown-variable (fr)::\
         unknown variable `$nme` in `greeting`%0Athe reference uses `$name`, `$count`%0Adid you mean `$name`?"
    );
    assert_eq!(out.lines().count(), 3);
    assert!(
        out.lines()
            .skip(1)
            .all(|l| l.starts_with("::warning file=./fr/main.ftl,")),
        "{out}"
    );
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let dir = fixture("check/variables");
    let args = ["check", "--root", ".", "--reference", "en"];
    let plain = appealpack(&dir, &args);
    assert!(
        !common::report(&plain).contains('\u{1b}'),
        "no escape codes in a pipe"
    );
    let mut coloured = args.to_vec();
    coloured.extend(["--color", "always"]);
    assert!(common::report(&appealpack(&dir, &coloured)).contains("\u{1b}["));
}

#[test]
fn exit_codes_clean_errors_and_cannot_run() {
    let (code, report, lines) = check_case("clean", &[]);
    assert_eq!((code, lines.len()), (Some(0), 0));
    assert_eq!(report["locales"][1]["words"], 4);
    assert_eq!(check_case("syntax", &[]).0, Some(1));

    let dir = fixture("check/clean");
    let unknown = appealpack(
        &dir,
        &[
            "check",
            "--root",
            ".",
            "--reference",
            "en",
            "--locale",
            "xx",
        ],
    );
    assert_eq!(unknown.status.code(), Some(2));
    assert!(
        common::report(&unknown).contains("no locale `xx` in this tree (it has en, fr)"),
        "{}",
        common::report(&unknown)
    );

    let no_reference = appealpack(&dir, &["check", "--root", ".", "--reference", "de"]);
    assert_eq!(no_reference.status.code(), Some(2));
    assert!(common::report(&no_reference).contains("the reference locale `de` has no folder"));

    let nowhere = appealpack(&dir, &["check", "--root", "nowhere", "--reference", "en"]);
    assert_eq!(nowhere.status.code(), Some(2));
}

#[test]
fn the_full_size_alert_is_clean_once_its_duplicate_contact_is_allowed() {
    let (code, report, lines) = {
        let output = appealpack(&repo(), &["check", "--i18n", ALERT, "--format", "json"]);
        let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
        let codes: Vec<String> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                format!(
                    "{}[{}]",
                    d["severity"].as_str().unwrap(),
                    d["code"].as_str().unwrap()
                )
            })
            .collect();
        (output.status.code(), report, codes)
    };
    assert_eq!(code, Some(0), "{report:#}");
    // mission.russian@vtxnet.ch for two missions, as the source has it, is allowed in the
    // manifest with its reason (its manifest.toml): no warning is left.
    assert_eq!(lines, Vec::<String>::new());
}

#[test]
fn build_refuses_a_locale_with_check_errors_and_says_why() {
    let tree = copy_fixture("minimal");
    let main = tree.path().join("fr/main.ftl");
    let text = std::fs::read_to_string(&main)
        .unwrap()
        .replace("{ -org }.", "{ -orgue }.");
    std::fs::write(&main, text).unwrap();
    let fonts = repo().join("fonts");
    // Outside the translations folder, which an output may not sit inside.
    let elsewhere = tempfile::tempdir().unwrap();
    let out = elsewhere.path().join("out");
    let output = appealpack(
        tree.path(),
        &[
            "build",
            "--i18n",
            ".",
            "--fonts",
            fonts.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "-f",
            "text",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = common::report(&output);
    assert!(
        err.contains("error[unknown-term]: unknown term `-orgue` in `letter-body` [fr]"),
        "{err}"
    );
    assert!(
        err.contains("locale `fr` was not built: the check found 1 error in it (listed above)"),
        "{err}"
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn a_folder_the_manifest_does_not_list_is_pointed_out() {
    let tree = tempfile::tempdir().unwrap();
    copy_dir(&fixture("check/printed"), tree.path());
    std::fs::create_dir_all(tree.path().join("pt")).unwrap();
    std::fs::write(tree.path().join("pt/main.ftl"), "pack-title = Alerta\n").unwrap();
    let fonts = repo().join("fonts");
    let output = appealpack(
        tree.path(),
        &[
            "check",
            "--i18n",
            ".",
            "--fonts",
            fonts.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let unlisted = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "unlisted-folder")
        .expect("reported");
    assert_eq!(unlisted["severity"], "warning");
    assert_eq!(
        unlisted["message"],
        "./pt holds Fluent files but `pt` is not a locale of the manifest"
    );
    let at = &unlisted["locations"][0];
    assert_eq!(
        (&at["line"], &at["column"]),
        (&6.into(), &18.into()),
        "the last listed locale"
    );
}

#[test]
fn allow_markers_name_known_codes_that_may_be_allowed() {
    let tree = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(tree.path().join("en")).unwrap();
    std::fs::create_dir_all(tree.path().join("fr")).unwrap();
    std::fs::write(tree.path().join("en/a.ftl"), "hello = Hello { $name }\n").unwrap();
    std::fs::write(
        tree.path().join("fr/a.ftl"),
        "# allow(unknown-variable, spelling): no\nhello = Bonjour { $nom }\n",
    )
    .unwrap();
    let output = appealpack(
        tree.path(),
        &[
            "check",
            "--root",
            ".",
            "--reference",
            "en",
            "--format",
            "json",
        ],
    );
    let report: Value = serde_json::from_str(&stdout(&output)).unwrap();
    let found: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            // An error that would break the pack stays, whatever the marker says.
            (
                "unused-allow".to_owned(),
                "`unknown-variable` cannot be allowed".to_owned()
            ),
            (
                "unused-allow".to_owned(),
                "`spelling` is not a diagnostic code".to_owned()
            ),
            (
                "missing-variable".to_owned(),
                "`hello` leaves out `$name`".to_owned()
            ),
            (
                "unknown-variable".to_owned(),
                "unknown variable `$nom` in `hello`".to_owned()
            ),
        ]
    );
    assert_eq!(output.status.code(), Some(1));
}

/// A repeated contact the author has checked is allowed on the addressee, with a reason: no
/// warning, one line in the summary. An allow that silences nothing is a warning, and a code
/// the manifest cannot allow is an error.
#[test]
fn the_manifest_allows_a_checked_duplicate_contact_once_with_its_reason() {
    let tree = copy_fixture("check/printed");
    let manifest = tree.path().join("manifest.toml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let text = text
        .replace(
            "channels = [{ email = \"Minister@Example.org\" }]",
            "channels = [{ email = \"Minister@Example.org\" }]\nallow = [{ code = \"duplicate-contact\", reason = \"one office for both\" }]",
        )
        .replace(
            "channels = [{ x = \"@President_Of_Examples\" }]",
            "channels = [{ x = \"@President_Of_Examples\" }]\nallow = [{ code = \"duplicate-contact\", reason = \"nothing to allow\" }, { code = \"too-long\", reason = \"x\" }]",
        );
    std::fs::write(&manifest, text).unwrap();
    let fonts = repo().join("fonts");
    let output = appealpack(
        tree.path(),
        &["check", "--i18n", ".", "--fonts", fonts.to_str().unwrap()],
    );
    let said = common::report(&output);
    assert!(!said.contains("warning[duplicate-contact]"), "{said}");
    assert!(
        said.contains("allowed: duplicate-contact on `deputy` (one office for both)"),
        "{said}"
    );
    assert!(
        said.contains(
            "warning[unused-allow]: `allow(duplicate-contact)` silences nothing on `president`"
        ),
        "{said}"
    );
    assert!(
        said.contains("error[manifest-invalid]: `too-long` cannot be allowed in the manifest"),
        "{said}"
    );
}

#[test]
fn unisolated_numbers_in_right_to_left_text_are_warned_with_the_fix() {
    let (code, _, lines) = check_case("rtl-numbers", &[]);
    // Warnings only: the pack still builds.
    assert_eq!(code, Some(0));
    // The hyphenated phone and date read in reverse group order; the isolated phone and the
    // numbers the algorithm keeps in order (20.33, 19/05/2025, 10:30) are not reported.
    assert_eq!(
        lines,
        [
            "fa/main.ftl:1:30: warning[unisolated-number]: `embassy`: the number `+32-2-555-01-23` will read `23-01-555-2-32+` in right-to-left text [fa]",
            "fa/main.ftl:1:68: warning[unisolated-number]: `embassy`: the number `۲۰۲۶-۰۳-۰۳` will read `۰۳-۰۳-۲۰۲۶` in right-to-left text [fa]",
        ]
    );
    let dir = fixture("check/rtl-numbers");
    let output = appealpack(&dir, &["check", "--root", ".", "--reference", "en"]);
    insta::assert_snapshot!("rtl_numbers_human", common::report(&output));
}
