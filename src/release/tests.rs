//! Tests of the release assembly on the release fixture tree (tests/fixtures/release).

use std::io::Cursor;
use std::path::Path;

use serde_json::Value;

use super::*;
use crate::pipeline::{BuildRequest, build};
use crate::render::{Format, Paper};

/// A valid 1×1 PNG.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89\0\0\0\nIDATx\x9cc\0\x01\0\0\x05\0\x01\r\n-\xb4\0\0\0\0IEND\xaeB`\x82";

fn fixture() -> (Tree, FontLibrary) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tree = crate::load::load(&root.join("tests/fixtures/release")).expect("the fixture loads");
    let fonts = FontLibrary::load(&root.join("fonts")).expect("the fonts load");
    (tree, fonts)
}

fn outcome(tree: &Tree, fonts: &FontLibrary, allow_incomplete: bool) -> BuildOutcome {
    let request = BuildRequest {
        formats: vec![Format::Text],
        allow_incomplete,
        ..BuildRequest::default()
    };
    let outcome = build(tree, fonts, &request);
    assert!(outcome.succeeded(), "{:?}", outcome.diagnostics);
    outcome
}

fn options(allow_incomplete: bool) -> ReleaseOptions {
    ReleaseOptions {
        timestamp: 1_747_612_800,
        allow_incomplete,
        previews: BTreeMap::new(),
    }
}

fn file<'a>(release: &'a Release, path: &str) -> &'a [u8] {
    &release
        .files
        .iter()
        .find(|f| f.path == path)
        .unwrap_or_else(|| panic!("{path} is part of the release"))
        .bytes
}

fn text(release: &Release, path: &str) -> String {
    String::from_utf8(file(release, path).to_vec()).unwrap()
}

fn manifest(release: &Release) -> Value {
    serde_json::from_slice(file(release, MANIFEST_FILE)).unwrap()
}

#[test]
fn the_release_lists_every_file_once() {
    let (tree, fonts) = fixture();
    let outcome = outcome(&tree, &fonts, false);
    let release = assemble(&tree, &fonts, &outcome, &options(false)).unwrap();
    let paths: Vec<&str> = release.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "en/release-test-en.zip",
            "ar/release-test-ar.zip",
            "release-test-all.zip",
            "manifest.json",
            "index.html",
            "SHA256SUMS",
        ]
    );
    // SHA256SUMS covers the documents and every release file but itself, with right digests.
    let sums = text(&release, CHECKSUMS_FILE);
    let mut listed = Vec::new();
    for line in sums.lines() {
        let (digest, path) = line.split_once("  ").expect("two spaces");
        let bytes = outcome
            .artifacts
            .iter()
            .find(|a| a.path == path)
            .map(|a| a.bytes.as_slice())
            .unwrap_or_else(|| file(&release, path));
        assert_eq!(digest, sha256_hex(bytes), "{path}");
        listed.push(path);
    }
    assert_eq!(
        listed,
        [
            "ar/release-test-ar.txt",
            "ar/release-test-ar.zip",
            "en/release-test-en.txt",
            "en/release-test-en.zip",
            "index.html",
            "manifest.json",
            "release-test-all.zip",
        ],
        "sorted, SHA256SUMS itself left out"
    );
}

#[test]
fn the_manifest_describes_locales_artifacts_and_inputs() {
    let (tree, fonts) = fixture();
    let outcome = outcome(&tree, &fonts, false);
    let release = assemble(&tree, &fonts, &outcome, &options(false)).unwrap();
    let json = manifest(&release);
    assert_eq!(json["schema"], "appealpack-release");
    assert_eq!(json["schema_version"], 3);
    assert_eq!(json["alert"]["id"], "release-test");
    assert_eq!(
        json["alert"]["title"],
        "Test alert: <b>Example International</b> & \"quotes\" 'too'"
    );
    assert_eq!(json["tool"]["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(json["date"], "2025-05-19T00:00:00Z");
    assert_eq!(json["policy"]["min_coverage"], 100.0);

    let locales = json["locales"].as_array().unwrap();
    let ids: Vec<&str> = locales
        .iter()
        .map(|l| l["locale"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["en", "fr", "ar"], "manifest order");
    let fr = &locales[1];
    assert_eq!(fr["status"], "withheld");
    assert_eq!(fr["coverage"], 87.5);
    assert_eq!(fr["missing"], 2);
    assert!(fr["reason"].as_str().unwrap().contains("incomplete"));
    let ar = &locales[2];
    assert_eq!(ar["status"], "published");
    assert_eq!(ar["language_name"], "العربية");
    assert_eq!(ar["title"], "تنبيه تجريبي: Example International");
    assert_eq!(ar["direction"], "rtl");
    assert_eq!(ar["archive"], "ar/release-test-ar.zip");

    let artifact = &json["artifacts"][0];
    assert_eq!(artifact["path"], "ar/release-test-ar.txt");
    assert_eq!(artifact["language_name"], "العربية");
    assert_eq!(artifact["format"], "text");
    assert_eq!(artifact["paper"], Value::Null);
    assert_eq!(artifact["coverage"], 100.0);
    let bytes = &outcome.artifacts[0].bytes;
    assert_eq!(artifact["bytes"], bytes.len());
    assert_eq!(artifact["sha256"], sha256_hex(bytes));

    let inputs = json["inputs"].as_array().unwrap();
    let described: Vec<(&str, &str)> = inputs
        .iter()
        .map(|i| (i["kind"].as_str().unwrap(), i["path"].as_str().unwrap()))
        .collect();
    assert_eq!(described[0], ("manifest", "manifest.toml"));
    assert!(described.contains(&("fluent", "fr/main.ftl")));
    assert!(described.contains(&("font", "NotoNaskhArabic-Regular.ttf")));
    let manifest_text = tree.sources.get(tree.manifest_file().unwrap()).text();
    assert_eq!(inputs[0]["sha256"], sha256_hex(manifest_text.as_bytes()));
}

#[test]
fn archives_hold_the_documents_under_one_folder() {
    let (tree, fonts) = fixture();
    let outcome = outcome(&tree, &fonts, false);
    let release = assemble(&tree, &fonts, &outcome, &options(false)).unwrap();
    let names = |path: &str| -> Vec<String> {
        let archive = zip::ZipArchive::new(Cursor::new(file(&release, path).to_vec())).unwrap();
        archive.file_names().map(str::to_owned).collect()
    };
    assert_eq!(
        names("ar/release-test-ar.zip"),
        ["release-test-ar/release-test-ar.txt"]
    );
    assert_eq!(
        names("release-test-all.zip"),
        [
            "release-test-all/ar/release-test-ar.txt",
            "release-test-all/en/release-test-en.txt"
        ]
    );
    let json = manifest(&release);
    assert_eq!(json["archives"][2]["locale"], Value::Null);
    assert_eq!(
        json["archives"][2]["entries"][1],
        "release-test-all/en/release-test-en.txt"
    );
}

#[test]
fn allow_incomplete_publishes_with_marked_fallbacks() {
    let (tree, fonts) = fixture();
    let outcome = outcome(&tree, &fonts, true);
    let release = assemble(&tree, &fonts, &outcome, &options(true)).unwrap();
    let json = manifest(&release);
    assert_eq!(json["policy"]["allow_incomplete"], true);
    let fr = &json["locales"][1];
    assert_eq!(fr["status"], "published");
    assert_eq!(
        fr["fallbacks"],
        serde_json::json!(["alert-p2", "demand-two"])
    );
    let artifact = json["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["locale"] == "fr")
        .unwrap();
    assert_eq!(
        artifact["fallbacks"],
        serde_json::json!(["alert-p2", "demand-two"])
    );
    assert_eq!(artifact["coverage"], 87.5);
    let page = text(&release, INDEX_FILE);
    assert!(page.contains("2 passages are still in English"), "{page}");
}

#[test]
fn a_lower_threshold_publishes_what_reaches_it() {
    let (mut tree, fonts) = fixture();
    tree.manifest.as_mut().unwrap().0.release.min_coverage = 80.0;
    let outcome = outcome(&tree, &fonts, false);
    assert!(outcome.withheld.is_empty());
    let fr = outcome.packs.iter().find(|p| p.locale == "fr").unwrap();
    assert_eq!(fr.fallbacks, ["alert-p2", "demand-two"]);

    tree.manifest.as_mut().unwrap().0.release.min_coverage = 90.0;
    let outcome = build(
        &tree,
        &fonts,
        &BuildRequest {
            formats: vec![Format::Text],
            ..BuildRequest::default()
        },
    );
    assert_eq!(outcome.withheld.len(), 1);
    assert!(
        outcome.withheld[0]
            .reason
            .contains("below the threshold of 90 %")
    );
}

#[test]
fn the_page_escapes_every_text_and_isolates_directions() {
    let (tree, fonts) = fixture();
    let mut outcome = outcome(&tree, &fonts, false);
    let ar = outcome.packs.iter_mut().find(|p| p.locale == "ar").unwrap();
    ar.meta.title = "<script>alert(1)</script> & \"q\" 'a' \u{202E}txt.exe".into();
    ar.language_name = "عربي <i>".into();
    let release = assemble(&tree, &fonts, &outcome, &options(false)).unwrap();
    let page = text(&release, INDEX_FILE);
    assert!(!page.contains("<script>") && !page.contains("<b>") && !page.contains("<i>"));
    assert!(page.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot; &#39;a&#39; &#x202E;txt.exe"
    ));
    assert!(
        page.contains(
            "Test alert: &lt;b&gt;Example International&lt;/b&gt; &amp; &quot;quotes&quot;"
        )
    );
    assert!(page.contains("عربي &lt;i&gt;"));
    assert!(!page.contains('\u{202E}'));
    // The card carries the language and direction, so the override stays inside it.
    assert!(page.contains(
        "<article class=\"card\" id=\"pack-ar\" lang=\"ar\" dir=\"rtl\" aria-labelledby=\"pack-ar-name\">"
    ));
    assert!(page.contains("<article class=\"card\" id=\"pack-en\" lang=\"en\" dir=\"ltr\""));
    // A withheld locale has no card.
    assert!(!page.contains("pack-fr"));
}

#[test]
fn the_page_links_each_format_with_its_details_and_the_preview() {
    let (tree, fonts) = fixture();
    let mut outcome = outcome(&tree, &fonts, false);
    // The PDF and DOCX renderers are written elsewhere; stand-ins show how their files appear.
    for (format, pages, size) in [
        (Format::Pdf, Some(9), 412_345),
        (Format::Docx, None, 23_456),
    ] {
        outcome.artifacts.push(Artifact {
            locale: "ar".into(),
            format,
            paper: Some(Paper::A4),
            path: format!("ar/release-test-ar.{}", format.extension()),
            bytes: vec![b'x'; size],
            pages,
            fallbacks: Vec::new(),
        });
    }
    outcome.artifacts.sort_by(|a, b| a.path.cmp(&b.path));
    let mut options = options(false);
    options.previews.insert("ar".into(), PNG.to_vec());
    let release = assemble(&tree, &fonts, &outcome, &options).unwrap();
    assert_eq!(file(&release, "ar/release-test-ar-preview.png"), PNG);
    let page = text(&release, INDEX_FILE);
    let card = &page[page.find("id=\"pack-ar\"").unwrap()..];
    let card = &card[..card.find("</article>").unwrap()];
    let pdf = card
        .find("href=\"ar/release-test-ar.pdf\" type=\"application/pdf\"")
        .unwrap();
    let docx = card.find("href=\"ar/release-test-ar.docx\"").unwrap();
    let txt = card.find("href=\"ar/release-test-ar.txt\"").unwrap();
    let zip = card
        .find("href=\"ar/release-test-ar.zip\" type=\"application/zip\"")
        .unwrap();
    assert!(
        pdf < docx && docx < txt && txt < zip,
        "PDF, DOCX, text, ZIP"
    );
    assert!(card.contains(
        "<span class=\"file-meta\" lang=\"en\" dir=\"ltr\">A4 · 9 pages · 412 kB</span>"
    ));
    assert!(card.contains("A4 · 23 kB"));
    assert!(card.contains("3 files · "));
    assert!(card.contains(
        "<img class=\"preview\" src=\"ar/release-test-ar-preview.png\" width=\"1\" height=\"1\" alt=\"\">"
    ));
    let json = manifest(&release);
    assert_eq!(
        json["locales"][2]["preview"],
        serde_json::json!({
            "path": "ar/release-test-ar-preview.png",
            "width": 1,
            "height": 1,
            "bytes": PNG.len(),
            "sha256": sha256_hex(PNG),
        })
    );
    let pdf = json["artifacts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["format"] == "pdf")
        .unwrap();
    assert_eq!(pdf["pages"], 9);
    assert_eq!(pdf["paper"], "a4");
    assert_eq!(pdf["media_type"], "application/pdf");
}

#[test]
fn a_preview_that_is_not_a_png_is_refused() {
    let (tree, fonts) = fixture();
    let outcome = outcome(&tree, &fonts, false);
    let mut options = options(false);
    options.previews.insert("en".into(), b"GIF89a".to_vec());
    let error = assemble(&tree, &fonts, &outcome, &options).unwrap_err();
    assert_eq!(
        error.to_string(),
        "the preview image of `en` is not a PNG file"
    );
}

#[test]
fn assembling_twice_gives_the_same_bytes() {
    let (tree, fonts) = fixture();
    let first = assemble(&tree, &fonts, &outcome(&tree, &fonts, true), &options(true)).unwrap();
    let second = assemble(&tree, &fonts, &outcome(&tree, &fonts, true), &options(true)).unwrap();
    assert_eq!(first.files, second.files);
    let later = ReleaseOptions {
        timestamp: 1_800_000_000,
        ..options(true)
    };
    let third = assemble(&tree, &fonts, &outcome(&tree, &fonts, true), &later).unwrap();
    assert_ne!(
        file(&first, "release-test-all.zip"),
        file(&third, "release-test-all.zip")
    );
    assert!(text(&third, MANIFEST_FILE).contains("\"date\": \"2027-01-15T08:00:00Z\""));
}
