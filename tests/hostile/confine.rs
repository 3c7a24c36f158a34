//! Confinement (issue 13): nothing outside the tree is read or written, whatever its links,
//! paths and special files say; every input is a regular file of bounded size.
//!
//! Each case keeps something the tree must not reach in `elsewhere/` (beside `t/`, inside the
//! workspace) and checks that the whole workspace, `elsewhere/` included, is as it was.

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use super::support::{Case, stable};

/// A message id that only the files in `elsewhere/` define: if it shows up, they were read.
const SECRET: &str = "secret-outside-the-tree";

/// Every entry under `dir`: files with their bytes, links with their target, anything else
/// (a FIFO) by its kind. Links and FIFOs are never opened, so taking stock cannot hang.
fn contents(dir: &Path) -> Vec<(String, String)> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            let name = path.strip_prefix(base).unwrap().display().to_string();
            let kind = entry.file_type().unwrap();
            if kind.is_symlink() {
                let target = std::fs::read_link(&path).unwrap();
                out.push((name, format!("-> {}", target.display())));
            } else if kind.is_dir() {
                out.push((name, "folder".into()));
                walk(base, &path, out);
            } else if kind.is_file() {
                let bytes = std::fs::read(&path).unwrap();
                out.push((name, format!("{:x?}", fingerprint(&bytes))));
            } else {
                out.push((name, "special".into()));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// A cheap fingerprint (the files can be 16 MB): length and a rolling sum.
fn fingerprint(bytes: &[u8]) -> (usize, u64) {
    let sum = bytes.iter().fold(0u64, |h, &b| {
        h.wrapping_mul(1_099_511_628_211) ^ u64::from(b)
    });
    (bytes.len(), sum)
}

/// Runs the binary in the workspace; a run that outlives `limit` (waiting on a FIFO) is killed
/// and fails the test, instead of hanging the suite.
fn run(case: &Case, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_appealpack"))
        .current_dir(case.path(""))
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .env_remove("SOURCE_DATE_EPOCH")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("appealpack {args:?} hung for a minute");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

/// Runs `args`, expecting exit `code`, no panic, no trace of [`SECRET`] and not one entry of the
/// workspace added, removed or changed; returns stderr then stdout, made stable.
fn refused(case: &Case, args: &[&str], code: i32) -> String {
    let before = contents(&case.path(""));
    let output = run(case, args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    // The workspace's own path (resolved, as a link's target is shown) is not stable.
    let resolved = case.path("").canonicalize().unwrap();
    let text = stable(&text.replace(&resolved.display().to_string(), "[workspace]"));
    assert_eq!(output.status.code(), Some(code), "{text}");
    assert!(!text.contains("panicked"), "{text}");
    assert!(
        !text.contains(SECRET),
        "a file outside the tree was read\n{text}"
    );
    assert!(!text.contains("root:"), "/etc/passwd was read\n{text}");
    assert_eq!(
        contents(&case.path("")),
        before,
        "the workspace changed\n{text}"
    );
    text
}

fn check<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["check", "--i18n", "t", "--fonts", "f"];
    args.extend(extra);
    args
}

/// `elsewhere/fr/`, a French translation outside the tree with a message of its own.
fn french_elsewhere(case: &Case) {
    let french = case.read("t/fr/main.ftl");
    case.write("elsewhere/fr/main.ftl", format!("{french}\n{SECRET} = x\n"));
}

#[test]
fn a_locale_folder_linked_out_of_the_tree_is_not_followed() {
    let case = Case::new();
    french_elsewhere(&case);
    std::fs::remove_dir_all(case.path("t/fr")).unwrap();
    symlink(case.path("elsewhere/fr"), case.path("t/fr")).unwrap();
    insta::assert_snapshot!(refused(&case, &check(&[]), 1));
}

#[test]
fn update_lock_never_writes_through_a_link_out_of_the_tree() {
    let case = Case::new();
    french_elsewhere(&case);
    std::fs::remove_dir_all(case.path("t/fr")).unwrap();
    symlink(case.path("elsewhere/fr"), case.path("t/fr")).unwrap();
    insta::assert_snapshot!(refused(&case, &check(&["--update-lock", "fr"]), 2));
}

#[test]
fn a_build_refuses_a_locale_linked_out_of_the_tree() {
    let case = Case::new();
    french_elsewhere(&case);
    std::fs::remove_dir_all(case.path("t/fr")).unwrap();
    symlink(case.path("elsewhere/fr"), case.path("t/fr")).unwrap();
    let args = [
        "build", "--i18n", "t", "--fonts", "f", "--out", "out", "-f", "text",
    ];
    insta::assert_snapshot!(refused(&case, &args, 1));
}

#[test]
fn a_fluent_file_linked_out_of_the_tree_is_not_read() {
    let case = Case::new();
    case.write("elsewhere/extra.ftl", format!("{SECRET} = x\n"));
    symlink(
        case.path("elsewhere/extra.ftl"),
        case.path("t/fr/extra.ftl"),
    )
    .unwrap();
    insta::assert_snapshot!(refused(&case, &check(&[]), 1));
}

#[test]
fn a_bare_tree_follows_links_inside_it_and_refuses_links_out_of_it() {
    let case = Case::new();
    french_elsewhere(&case);
    // A monorepo's layout: `fr` is the shared folder under another name.
    std::fs::create_dir(case.path("t/.shared")).unwrap();
    std::fs::rename(case.path("t/fr"), case.path("t/.shared/fr")).unwrap();
    symlink(".shared/fr", case.path("t/fr")).unwrap();
    symlink(case.path("elsewhere/fr"), case.path("t/de")).unwrap();
    let text = refused(&case, &["check", "--root", "t", "--reference", "en"], 1);
    // The linked folder inside the tree is a locale like any other.
    assert!(
        text.lines().any(|l| l.starts_with("fr ")),
        "fr was not read\n{text}"
    );
    insta::assert_snapshot!(text);
}

#[test]
fn an_absolute_canonical_path_is_refused_at_its_key() {
    let case = Case::new();
    case.replace(
        "t/manifest.toml",
        "canonical = \"canonical.txt\"",
        "canonical = \"/etc/passwd\"",
    );
    insta::assert_snapshot!(refused(&case, &check(&[]), 2));
}

#[test]
fn a_canonical_path_that_climbs_out_is_refused_at_its_key() {
    let case = Case::new();
    case.write("elsewhere/canonical.txt", SECRET);
    case.replace(
        "t/manifest.toml",
        "canonical = \"canonical.txt\"",
        "canonical = \"en/../../elsewhere/canonical.txt\"",
    );
    insta::assert_snapshot!(refused(&case, &check(&[]), 2));
}

#[test]
fn a_canonical_text_linked_out_of_the_tree_is_refused_at_its_key() {
    let case = Case::new();
    case.write("elsewhere/canonical.txt", SECRET);
    std::fs::remove_file(case.path("t/canonical.txt")).unwrap();
    symlink(
        case.path("elsewhere/canonical.txt"),
        case.path("t/canonical.txt"),
    )
    .unwrap();
    insta::assert_snapshot!(refused(&case, &check(&[]), 2));
}

#[test]
fn a_fifo_as_a_fluent_file_is_refused_without_waiting() {
    let case = Case::new();
    mkfifo(&case.path("t/fr/extra.ftl"));
    insta::assert_snapshot!(refused(&case, &check(&[]), 1));
}

#[test]
fn a_fifo_as_the_canonical_text_is_refused_without_waiting() {
    let case = Case::new();
    std::fs::remove_file(case.path("t/canonical.txt")).unwrap();
    mkfifo(&case.path("t/canonical.txt"));
    insta::assert_snapshot!(refused(&case, &check(&[]), 1));
}

#[test]
fn a_fifo_as_a_font_is_refused_without_waiting() {
    let case = Case::new();
    std::fs::remove_file(case.path("f/NotoSans-Bold.ttf")).unwrap();
    mkfifo(&case.path("f/NotoSans-Bold.ttf"));
    insta::assert_snapshot!(refused(&case, &check(&[]), 2));
}

#[test]
fn a_fluent_file_over_the_limit_is_refused_naming_the_limit() {
    let case = Case::new();
    // A comment is valid Fluent: only the size is wrong.
    let mut big = "# padding\n".repeat(1_600_000);
    big.push('\n');
    case.write("t/fr/big.ftl", big);
    insta::assert_snapshot!(refused(&case, &check(&[]), 1));
}

#[test]
fn a_manifest_over_the_limit_is_refused_naming_the_limit() {
    let case = Case::new();
    let manifest = case.read("t/manifest.toml");
    case.write(
        "t/manifest.toml",
        format!("{manifest}\n{}", "# padding\n".repeat(100_001)),
    );
    insta::assert_snapshot!(refused(&case, &check(&[]), 2));
}

#[test]
fn a_font_path_out_of_the_fonts_folder_is_refused_at_its_key() {
    for (name, path) in [
        ("absolute", "/etc/passwd"),
        ("climbing", "../t/canonical.txt"),
    ] {
        let case = Case::new();
        case.replace(
            "f/fonts.toml",
            "bold = \"NotoSans-Bold.ttf\"",
            &format!("bold = \"{path}\""),
        );
        insta::assert_snapshot!(format!("font_path_{name}"), refused(&case, &check(&[]), 2));
    }
}

#[test]
fn a_font_linked_out_of_the_fonts_folder_is_refused_at_its_key() {
    let case = Case::new();
    std::fs::remove_file(case.path("f/NotoSans-Bold.ttf")).unwrap();
    symlink("/dev/zero", case.path("f/NotoSans-Bold.ttf")).unwrap();
    insta::assert_snapshot!(refused(&case, &check(&[]), 2));
}

#[test]
fn a_lock_file_linked_out_of_the_locale_is_not_read_and_not_written_through() {
    let case = Case::new();
    case.write("elsewhere/lock.toml", format!("# {SECRET}\nversion = 1\n"));
    symlink(
        case.path("elsewhere/lock.toml"),
        case.path("t/fr/appealpack-lock.toml"),
    )
    .unwrap();
    insta::assert_snapshot!(refused(&case, &check(&[]), 1));
    // Rewriting the lock replaces the link by a file of the locale; the target is untouched.
    let before = case.read("elsewhere/lock.toml");
    let output = run(&case, &check(&["--update-lock", "fr"]));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(case.read("elsewhere/lock.toml"), before);
    let lock = std::fs::symlink_metadata(case.path("t/fr/appealpack-lock.toml")).unwrap();
    assert!(lock.is_file());
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

/// `t/l10n.toml` reading `t/<locale>/**/*.ftl`, for the cases of a project configuration.
fn with_configuration(case: &Case) {
    case.write(
        "t/l10n.toml",
        "locales = [\"fr\"]\n\n[[paths]]\nreference = \"en/**/*.ftl\"\nl10n = \"{locale}/**/*.ftl\"\n",
    );
}

#[test]
fn a_configured_locale_linked_out_of_the_tree_is_not_followed() {
    let case = Case::new();
    with_configuration(&case);
    french_elsewhere(&case);
    std::fs::remove_dir_all(case.path("t/fr")).unwrap();
    symlink(case.path("elsewhere/fr"), case.path("t/fr")).unwrap();
    insta::assert_snapshot!(refused(&case, &["check", "--config", "t/l10n.toml"], 1));
}

#[test]
fn a_configuration_whose_paths_leave_the_base_is_refused_at_the_key() {
    let case = Case::new();
    case.write("elsewhere/fr/main.ftl", format!("{SECRET} = x\n"));
    case.write(
        "t/l10n.toml",
        "basepath = \"/\"\n\n[[paths]]\nreference = \"en/**\"\nl10n = \"../elsewhere/{locale}/**\"\n",
    );
    insta::assert_snapshot!(refused(&case, &["check", "--config", "t/l10n.toml"], 2));
}

#[test]
fn a_fifo_as_the_configuration_is_refused_without_waiting() {
    let case = Case::new();
    mkfifo(&case.path("t/l10n.toml"));
    insta::assert_snapshot!(refused(&case, &["check", "--root", "t"], 2));
}
