//! Previews of page 1: a release with PDF writes one PNG per language, shows it on the page,
//! lists it in the manifest and the checksums, and makes it the same bytes every time.

use super::support::Workspace;
use crate::common::tree_contents;

const LOCALES: [&str; 3] = ["en", "fr", "ar"];

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "a PNG file");
    let word = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
    (word(16), word(20))
}

#[test]
fn a_release_with_pdf_shows_page_1_of_each_language() {
    let workspace = Workspace::new();
    workspace.release(&["--allow-incomplete", "-f", "pdf"], &[]);
    let out = workspace.out();
    let html = std::fs::read_to_string(out.join("index.html")).unwrap();
    let sums = std::fs::read_to_string(out.join("SHA256SUMS")).unwrap();
    let manifest = workspace.manifest();
    for locale in LOCALES {
        let path = format!("{locale}/release-test-{locale}-preview.png");
        let png = std::fs::read(out.join(&path)).unwrap();
        // An A4 page 300 px wide, small enough for a page of seven.
        assert_eq!(png_size(&png), (300, 424), "{path}");
        assert!(png.len() < 40_000, "{path} is {} bytes", png.len());

        // In its language's card, at its size.
        let card = &html[html.find(&format!("id=\"pack-{locale}\"")).unwrap()..];
        let card = &card[..card.find("</article>").unwrap()];
        assert!(
            card.contains(&format!(
                "<img class=\"preview\" src=\"{path}\" width=\"300\" height=\"424\" alt=\"\">"
            )),
            "{card}"
        );

        // In the manifest, with the digest of the file, and in the checksums.
        let digest = crate::common::sha256_hex(&png);
        let record = manifest["locales"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["locale"] == locale)
            .unwrap();
        assert_eq!(
            record["preview"],
            serde_json::json!({
                "path": path,
                "width": 300,
                "height": 424,
                "bytes": png.len(),
                "sha256": digest,
            })
        );
        assert!(
            sums.contains(&format!("{digest}  {path}\n")),
            "{path} in SHA256SUMS"
        );
    }
}

#[test]
fn previews_are_the_same_bytes_in_every_build_and_only_with_pdf() {
    let first = Workspace::new();
    let second = Workspace::new();
    first.release(
        &["--allow-incomplete", "-f", "pdf"],
        &[("TZ", "UTC"), ("RAYON_NUM_THREADS", "1")],
    );
    second.release(
        &["--allow-incomplete", "-f", "pdf"],
        &[("TZ", "Asia/Kathmandu"), ("LANG", "ar_EG.UTF-8")],
    );
    let a = tree_contents(&first.out());
    let previews = a
        .iter()
        .filter(|(n, _)| n.ends_with("-preview.png"))
        .count();
    assert_eq!(previews, LOCALES.len());
    assert!(a == tree_contents(&second.out()), "the trees differ");

    // Without PDF there is no page to show.
    let text_only = Workspace::new();
    text_only.release(&["--allow-incomplete"], &[]);
    let names = tree_contents(&text_only.out());
    assert!(!names.iter().any(|(n, _)| n.ends_with(".png")));
    let manifest = text_only.manifest();
    let locales = manifest["locales"].as_array().unwrap();
    assert!(
        locales.iter().all(|l| l["preview"].is_null()),
        "{locales:?}"
    );
}
