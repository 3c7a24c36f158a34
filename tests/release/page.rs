//! The download page: every link resolves to a file of the release, nothing is fetched from
//! elsewhere, and the Arabic card is right to left, as written and as Chromium reads it.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::support::Workspace;

/// Values of `attribute="…"` in `html`, in order (the page quotes every attribute with `"`).
fn attribute_values(html: &str, attribute: &str) -> Vec<String> {
    let needle = format!(" {attribute}=\"");
    let mut values = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        rest = &rest[at + needle.len()..];
        let end = rest.find('"').expect("closing quote");
        values.push(unescape(&rest[..end]));
        rest = &rest[end..];
    }
    values
}

fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

/// The start tag of the element with `id`.
fn start_tag<'a>(html: &'a str, id: &str) -> &'a str {
    let at = html
        .find(&format!(" id=\"{id}\""))
        .unwrap_or_else(|| panic!("an element with id {id}"));
    let start = html[..at].rfind('<').unwrap();
    let end = at + html[at..].find('>').unwrap();
    &html[start..=end]
}

/// Checks links, sources and the direction of the cards; returns how many links were followed.
fn check_page(html: &str, out: &Path) -> usize {
    let mut followed = 0;
    let ids = attribute_values(html, "id");
    for target in attribute_values(html, "href")
        .into_iter()
        .chain(attribute_values(html, "src"))
    {
        // The "Act now" links open a mail program or X when clicked; they fetch nothing.
        if target.starts_with("mailto:") || target.starts_with("https://x.com/intent/post?text=") {
            continue;
        }
        assert!(
            !target.contains("//") && !target.contains(':'),
            "{target} must be a relative link to a file of the release"
        );
        if let Some(fragment) = target.strip_prefix('#') {
            assert!(ids.iter().any(|i| i == fragment), "#{fragment} exists");
        } else {
            let path = out.join(percent_decode(&target));
            assert!(path.is_file(), "{target} resolves to a file of the release");
        }
        followed += 1;
    }
    let arabic = start_tag(html, "pack-ar");
    assert!(arabic.starts_with("<article"), "{arabic}");
    assert!(
        arabic.contains("lang=\"ar\"") && arabic.contains("dir=\"rtl\""),
        "{arabic}"
    );
    let english = start_tag(html, "pack-en");
    assert!(
        english.contains("lang=\"en\"") && english.contains("dir=\"ltr\""),
        "{english}"
    );
    followed
}

#[test]
fn every_link_resolves_and_the_arabic_card_is_right_to_left() {
    let workspace = Workspace::new();
    workspace.release(&["--allow-incomplete"], &[]);
    let html = std::fs::read_to_string(workspace.out().join("index.html")).unwrap();
    // Three cards of TXT + ZIP, three language links, the big ZIP, the checksums, the
    // manifest, and the skip link.
    assert_eq!(check_page(&html, &workspace.out()), 3 * 2 + 3 + 3 + 1);
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(
        html.contains("<main id=\"main\">") && html.contains("<header") && html.contains("<footer")
    );
    assert!(html.contains("<h1 lang=\"en\" dir=\"ltr\">Test alert: &lt;b&gt;"));
    assert!(
        html.contains("default-src 'none'"),
        "the page promises no requests"
    );
}

/// Chromium from Debian (`chromium`), or another name it goes by.
fn chromium() -> Option<PathBuf> {
    let found = ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|name| {
            let output = Command::new("sh")
                .args(["-c", &format!("command -v {name}")])
                .output()
                .ok()?;
            output
                .status
                .success()
                .then(|| PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()))
        });
    if found.is_none() {
        if std::env::var_os("APPEALPACK_REQUIRE_TOOLS").is_some() {
            panic!("chromium is required (APPEALPACK_REQUIRE_TOOLS is set) but not installed");
        }
        eprintln!("notice: skipping this test: `chromium` is not installed (CI installs it)");
    }
    found
}

/// Runs headless Chromium on `page` with `args`; its own profile, no network, no sandbox
/// (tests may run as root).
fn run_chromium(chromium: &Path, page: &Path, args: &[&str]) -> std::process::Output {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", page.display());
    Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs")
}

#[test]
fn chromium_reads_the_page_the_same_way_and_draws_it() {
    let Some(chromium) = chromium() else { return };
    let workspace = Workspace::new();
    workspace.release(&["--allow-incomplete"], &[]);
    let page = workspace.out().join("index.html");

    let dom = run_chromium(&chromium, &page, &["--dump-dom"]);
    assert!(
        dom.status.success(),
        "{}",
        String::from_utf8_lossy(&dom.stderr)
    );
    let dom = String::from_utf8(dom.stdout).unwrap();
    assert!(dom.contains("</html>"), "a whole document: {dom}");
    check_page(&dom, &workspace.out());

    // Screenshots, wide and narrow; CI keeps them when APPEALPACK_SCREENSHOTS names a folder.
    let keep = std::env::var_os("APPEALPACK_SCREENSHOTS").map(PathBuf::from);
    for (name, size) in [("wide", "1280,1600"), ("narrow", "390,1600")] {
        let shot = workspace.path().join(format!("page-{name}.png"));
        let output = run_chromium(
            &chromium,
            &page,
            &[
                &format!("--screenshot={}", shot.display()),
                &format!("--window-size={size}"),
            ],
        );
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let png = std::fs::read(&shot).expect("a screenshot");
        assert!(
            png.starts_with(b"\x89PNG") && png.len() > 10_000,
            "{name}: {} bytes",
            png.len()
        );
        if let Some(dir) = &keep {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::copy(&shot, dir.join(format!("page-{name}.png"))).unwrap();
        }
    }
}
