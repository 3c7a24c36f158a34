//! The web pack (`--format html`) on the Karvania fixture (en, fr, and Persian right to left):
//! language and direction, the text pack's words in order, the one-click links parsed back to
//! the letters and posts, byte-identical rebuilds, and the pages in Chromium with axe-core.

use crate::common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

const FIXTURE: &str = "alert-karvania";
const ALERT_ID: &str = "kv-journalist-2026";
const LOCALES: [(&str, &str); 3] = [("en", "ltr"), ("fr", "ltr"), ("fa", "rtl")];

/// Builds the fixture as text and HTML (and a release with its download page) into `out`.
fn build(out: &Path, release: bool) {
    let fonts = repo().join("fonts");
    let i18n = fixture(FIXTURE);
    let mut args = vec![
        "build",
        "--i18n",
        i18n.to_str().unwrap(),
        "--fonts",
        fonts.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-f",
        "text",
        "-f",
        "html",
    ];
    if release {
        args.push("--release");
    }
    let output = appealpack(&repo(), &args);
    assert!(output.status.success(), "{}", stderr(&output));
}

fn built(release: bool) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&out, release);
    (dir, out)
}

fn read(out: &Path, locale: &str, extension: &str) -> String {
    let path = out
        .join(locale)
        .join(format!("{ALERT_ID}-{locale}.{extension}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Entities of the page back to characters (maud writes only these four, and `Shown` `&#39;`).
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The page's text as a reader sees it: head, style and script left out, inline elements
/// joined to their neighbours, every other element a word break.
fn page_text(html: &str) -> String {
    let body = &html[html.find("<body>").expect("a body")..];
    let body = match body.find("<script>") {
        Some(at) => &body[..at],
        None => body,
    };
    let mut out = String::new();
    let mut rest = body;
    while let Some(at) = rest.find('<') {
        out.push_str(&unescape(&rest[..at]));
        let end = at + rest[at..].find('>').expect("a closed tag");
        let name: String = rest[at + 1..end]
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !matches!(
            name.as_str(),
            "a" | "strong" | "em" | "bdi" | "span" | "code"
        ) {
            out.push(' ');
        }
        rest = &rest[end + 1..];
    }
    out.push_str(&unescape(rest));
    out
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Values of `href="…"` that start with `prefix`, unescaped.
fn links(html: &str, prefix: &str) -> Vec<String> {
    let needle = format!(" href=\"{prefix}");
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(&needle) {
        rest = &rest[at + " href=\"".len()..];
        let end = rest.find('"').unwrap();
        out.push(unescape(&rest[..end]));
        rest = &rest[end..];
    }
    out
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap();
            out.push(u8::from_str_radix(hex, 16).unwrap());
            i += 3;
        } else {
            assert!(
                bytes[i].is_ascii_alphanumeric() || b"-._~@+".contains(&bytes[i]),
                "{:?} must be percent-encoded in {text}",
                bytes[i] as char
            );
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn each_page_has_its_language_and_direction() {
    let (_dir, out) = built(false);
    for (locale, dir) in LOCALES {
        let html = read(&out, locale, "html");
        assert!(
            html.starts_with(&format!(
                "<!DOCTYPE html><html lang=\"{locale}\" dir=\"{dir}\">"
            )),
            "{locale}: {}",
            &html[..80.min(html.len())]
        );
        for element in [
            "<header",
            "<main",
            "<footer",
            "<h1>",
            "<article",
            "<address>",
        ] {
            assert!(html.contains(element), "{locale}: {element}");
        }
        // Isolation marks became elements; none is left as an invisible character.
        assert!(html.contains("<bdi>"), "{locale}");
        assert!(
            !html.chars().any(|c| ('\u{2066}'..='\u{2069}').contains(&c)),
            "{locale}"
        );
        assert!(
            !html.contains("http://") && !html.contains("src="),
            "{locale}"
        );
    }
}

#[test]
fn every_word_of_the_text_pack_is_on_the_page_in_order() {
    let (_dir, out) = built(false);
    for (locale, _) in LOCALES {
        let text = read(&out, locale, "txt");
        let page = words(&page_text(&read(&out, locale, "html")));
        // The text pack's marks of layout are not words: list dashes, the post's quote mark,
        // the lines to write on, the page breaks.
        let expected: Vec<String> = words(&text)
            .into_iter()
            .filter(|w| !matches!(w.as_str(), "-" | ">" | "\u{c}"))
            .filter(|w| !w.chars().all(|c| c == '_'))
            .collect();
        let mut at = 0;
        for (n, word) in expected.iter().enumerate() {
            match page[at..].iter().position(|w| w == word) {
                Some(found) => at += found + 1,
                None => panic!(
                    "{locale}: word {n} `{word}` of the text pack is not on the page after word {at}\n\
                     page: {:?}",
                    &page[at.saturating_sub(10)..(at + 30).min(page.len())]
                ),
            }
        }
    }
}

#[test]
fn each_mailto_link_gives_back_the_letter() {
    let (_dir, out) = built(false);
    for (locale, _) in LOCALES {
        let html = read(&out, locale, "html");
        let text = read(&out, locale, "txt");
        let pages: Vec<Vec<&str>> = text.split('\u{c}').map(|p| p.lines().collect()).collect();
        // The address list links the bare addresses, the letter's address its subject (as
        // in the PDF and DOCX); the actions carry the whole letter.
        let all = links(&html, "mailto:");
        let mailtos: Vec<String> = all
            .iter()
            .filter(|l| l.contains("&body="))
            .cloned()
            .collect();
        let subject_only = all
            .iter()
            .filter(|l| l.contains("?subject=") && !l.contains("&body="))
            .count();
        assert_eq!(
            subject_only, 1,
            "{locale}: the letter's address link: {all:?}"
        );
        // Once in "Act now", once in the letter: the prosecutor is the one letter by e-mail.
        assert_eq!(mailtos.len(), 2, "{locale}: {mailtos:?}");
        assert_eq!(mailtos[0], mailtos[1]);
        let mailto = &mailtos[0];
        assert!(!mailto.contains(['\n', '\r', ' ']), "{mailto}");
        let (address, query) = mailto["mailto:".len()..].split_once('?').unwrap();
        let (subject, body) = query.split_once("&body=").unwrap();
        let subject = percent_decode(subject.strip_prefix("subject=").unwrap());
        let body = percent_decode(body);
        assert!(
            !body.contains('\n') || body.contains("\r\n"),
            "CRLF line breaks"
        );
        assert!(
            !body.replace("\r\n", "").contains(['\r', '\n']),
            "only CRLF line breaks"
        );
        let body = body.replace("\r\n", "\n");
        assert!(!body.chars().any(|c| ('\u{2066}'..='\u{2069}').contains(&c)));

        // The letter's page in the text pack: it names the address.
        let letter = pages
            .iter()
            .find(|p| p.iter().any(|l| l.ends_with(address)))
            .unwrap_or_else(|| panic!("{locale}: a letter to {address}"));
        let body_lines: Vec<&str> = body.lines().filter(|l| !l.is_empty()).collect();
        let start = letter
            .iter()
            .position(|l| *l == body_lines[0])
            .expect("the salutation");
        assert_eq!(letter[start - 1], subject, "{locale}: the subject line");
        // Salutation to closing, line for line; then the signature's labels as placeholders.
        let placeholders = body_lines
            .iter()
            .rev()
            .take_while(|l| l.starts_with('[') && l.ends_with(']'))
            .count();
        let words_part = &body_lines[..body_lines.len() - placeholders];
        assert_eq!(
            &letter[start..start + words_part.len()],
            words_part,
            "{locale}"
        );
        for (label, line) in body_lines[body_lines.len() - placeholders..]
            .iter()
            .zip(&letter[start + words_part.len()..])
        {
            let label = &label[1..label.len() - 1];
            assert!(line.starts_with(label) && line.contains("___"), "{line}");
        }
        assert!(placeholders >= 1, "{locale}: a line for the sender's name");
        // Paragraphs apart, list items on their own lines.
        assert!(body.contains("\n\n- "), "{body}");
        assert_eq!(
            body.lines().filter(|l| l.starts_with("- ")).count(),
            3,
            "{body}"
        );
    }
}

#[test]
fn each_post_intent_gives_back_the_post() {
    let (_dir, out) = built(false);
    for (locale, _) in LOCALES {
        let html = read(&out, locale, "html");
        let text = read(&out, locale, "txt");
        let intents = links(&html, "https://x.com/intent/post?text=");
        assert_eq!(intents.len(), 2, "{locale}: {intents:?}");
        let post = percent_decode(&intents[0]["https://x.com/intent/post?text=".len()..]);
        let expected = text
            .lines()
            .find_map(|l| l.strip_prefix("> "))
            .expect("the post in the text pack");
        assert_eq!(post, expected, "{locale}");
        assert!(post.starts_with("@KarvaniaGov "));
    }
}

#[test]
fn rebuilds_are_byte_identical() {
    let (_a, first) = built(true);
    let (_b, second) = built(true);
    let pages = |out: &Path| -> Vec<(String, Vec<u8>)> {
        tree_contents(out)
            .into_iter()
            .filter(|(path, _)| path.ends_with(".html"))
            .collect()
    };
    let first = pages(&first);
    assert_eq!(first.len(), 4, "three web pages and the download page");
    assert_eq!(first, pages(&second));
}

#[test]
fn the_download_page_links_each_web_page_and_lists_the_actions() {
    let (_dir, out) = built(true);
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    for (locale, _) in LOCALES {
        assert!(
            index.contains(&format!("href=\"{locale}/{ALERT_ID}-{locale}.html\"")),
            "{locale}"
        );
        assert!(
            index.contains(&format!("id=\"act-{locale}-heading\"")),
            "{locale}"
        );
    }
    assert!(index.contains("Read online") && index.contains("Lire en ligne"));
    assert!(index.contains("خواندن آنلاین"));
    // Three languages, one letter by e-mail and one post each.
    let letters = |html: &str| -> Vec<String> {
        links(html, "mailto:")
            .into_iter()
            .filter(|l| l.contains("&body="))
            .collect()
    };
    assert_eq!(letters(&index).len(), 3);
    assert_eq!(links(&index, "https://x.com/intent/post?text=").len(), 3);
    // No script on the download page, and the same links as the web pages.
    assert!(!index.contains("<script"));
    let fa = read(&out, "fa", "html");
    assert_eq!(letters(&index)[2], letters(&fa)[0]);
    let manifest = std::fs::read_to_string(out.join("manifest.json")).unwrap();
    assert!(manifest.contains("\"format\": \"html\""), "{manifest}");
    let sums = std::fs::read_to_string(out.join("SHA256SUMS")).unwrap();
    assert!(
        sums.contains(&format!("  fa/{ALERT_ID}-fa.html\n")),
        "{sums}"
    );
}

/// Node with axe-core and playwright-core installed where .ci/run puts them, and Chromium.
fn axe_tools() -> Option<(PathBuf, PathBuf)> {
    let modules = repo().join(".ci/node/node_modules");
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists());
    let ready = have_tool("node")
        && modules.join("axe-core").is_dir()
        && modules.join("playwright-core").is_dir()
        && chromium.is_some();
    if !ready {
        if std::env::var_os("APPEALPACK_REQUIRE_TOOLS").is_some() {
            panic!(
                "node, chromium and .ci/node/node_modules/{{axe-core,playwright-core}} are \
                 required (APPEALPACK_REQUIRE_TOOLS is set); .ci/run installs them"
            );
        }
        eprintln!(
            "notice: skipping this test: axe-core or Chromium is not installed (.ci/run installs them)"
        );
        return None;
    }
    Some((modules, chromium.unwrap()))
}

#[test]
fn chromium_loads_every_page_cleanly_and_axe_finds_no_violation() {
    let Some((modules, chromium)) = axe_tools() else {
        return;
    };
    let (_dir, out) = built(true);
    let mut pages: Vec<PathBuf> = LOCALES
        .iter()
        .map(|(l, _)| out.join(l).join(format!("{ALERT_ID}-{l}.html")))
        .collect();
    pages.push(out.join("index.html"));
    let output = Command::new("node")
        .arg(repo().join("tests/web/axe.js"))
        .args(&pages)
        .env("NODE_PATH", &modules)
        .env("CHROMIUM", &chromium)
        .output()
        .expect("node runs");
    let report = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{report}");
    assert_eq!(report.lines().count(), pages.len(), "{report}");
}
