//! Contacts that try `javascript:` or other schemes: the check refuses them, the model links
//! only `mailto:`, `https:` and `tel:`, and the writers drop any other link a pack holds.

use std::io::{Cursor, Read};

use appealpack::model::{AppealPack, Block, Inline, Para};

use super::support::Case;

const MANIFEST: &str = "t/manifest.toml";

/// The minimal fixture with web and phone channels, and the given channels for the minister.
fn case_with_channels(channels: &str) -> Case {
    let case = Case::new();
    case.replace(
        MANIFEST,
        "x = \"channel-x\"",
        "x = \"channel-x\"\nweb = \"channel-web\"\nphone = \"channel-phone\"",
    );
    // A second addressee, written to but not in the list of addresses (which the canonical
    // text fixes), so the channels are the only change.
    let manifest = case.read(MANIFEST);
    case.write(
        MANIFEST,
        format!(
            "{manifest}\n[[addressees]]\nid = \"deputy\"\nmessage = \"addressee-minister\"\nchannels = [{channels}]\n"
        ),
    );
    for (locale, web, phone) in [("en", "Web", "Phone"), ("fr", "Site", "Téléphone")] {
        let path = format!("t/{locale}/main.ftl");
        let text = case.read(&path);
        case.write(
            &path,
            format!(
                "{text}channel-web = {web}: {{ $url }}\nchannel-phone = {phone}: {{ $number }}\n"
            ),
        );
    }
    case
}

const HOSTILE: &str = r#"{ email = "javascript:alert(1)//@example.org" }, { web = "javascript:alert(document.cookie)" }, { web = "data:text/html,<script>alert(1)</script>" }, { web = "http://example.org" }, { phone = "javascript:alert(1)" }, { x = "@javascript:alert" }"#;

#[test]
fn contacts_with_other_schemes_are_refused_by_the_check() {
    let case = case_with_channels(HOSTILE);
    insta::assert_snapshot!(case.refused(&[], 1));
}

/// Every link target of a PDF (URI actions) and of a DOCX (external relationships).
fn pdf_links(bytes: &[u8]) -> Vec<String> {
    let document = lopdf::Document::load_mem(bytes).unwrap();
    let mut out = Vec::new();
    for object in document.objects.values() {
        let Ok(dict) = object.as_dict() else { continue };
        if let Ok(uri) = dict.get(b"URI").and_then(|u| u.as_str()) {
            out.push(String::from_utf8_lossy(uri).into_owned());
        }
        if let Ok(action) = dict.get(b"A").and_then(|a| a.as_dict())
            && let Ok(uri) = action.get(b"URI").and_then(|u| u.as_str())
        {
            out.push(String::from_utf8_lossy(uri).into_owned());
        }
    }
    out.sort();
    out.dedup();
    out
}

fn docx_links(bytes: &[u8]) -> Vec<String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut rels = String::new();
    archive
        .by_name("word/_rels/document.xml.rels")
        .unwrap()
        .read_to_string(&mut rels)
        .unwrap();
    let mut out: Vec<String> = rels
        .split("<Relationship ")
        .skip(1)
        .filter(|r| r.contains("TargetMode=\"External\""))
        .filter_map(|r| {
            r.split("Target=\"")
                .nth(1)?
                .split('"')
                .next()
                .map(str::to_owned)
        })
        .collect();
    out.sort();
    out.dedup();
    out
}

fn render_both(case: &Case, pack: &AppealPack) -> (Vec<String>, Vec<String>) {
    let fonts = appealpack::fonts::FontLibrary::load(&case.path("f")).unwrap();
    let options = appealpack::render::RenderOptions::default();
    let pdf = appealpack::render::pdf::render(pack, &fonts, &options).unwrap();
    let docx = appealpack::render::docx::render(pack, &fonts, &options).unwrap();
    (pdf_links(&pdf.bytes), docx_links(&docx.bytes))
}

#[test]
fn the_model_links_only_safe_schemes() {
    let safe = r#"{ email = "minister@example.org" }, { web = "https://example.org/form" }, { phone = "+41-22-000" }"#;
    let case = case_with_channels(&format!("{safe}, {HOSTILE}"));
    let tree = appealpack::load::load(&case.path("t")).unwrap();
    let pack = appealpack::model::build_pack(&tree, "fr", &Default::default()).unwrap();
    let (pdf, docx) = render_both(&case, &pack);
    let expected = [
        "https://example.org/form",
        "mailto:minister@example.org",
        // The digits of the number, after its `+`.
        "tel:+4122000",
    ];
    assert_eq!(pdf, expected);
    assert_eq!(docx, expected);
}

#[test]
fn the_writers_drop_links_with_other_schemes() {
    // A pack made by other code than the model, with links the model would never make.
    let case = Case::new();
    let tree = appealpack::load::load(&case.path("t")).unwrap();
    let mut pack = appealpack::model::build_pack(&tree, "en", &Default::default()).unwrap();
    let targets = [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "http://example.org",
        "https://example.org/ok",
    ];
    let inlines = targets
        .iter()
        .map(|t| Inline {
            link: Some((*t).to_owned()),
            ..Inline::plain(format!("{t} "))
        })
        .collect();
    pack.parts[0].blocks.push(Block::Paragraph(Para {
        source: "hostile".into(),
        inlines,
    }));
    let (pdf, docx) = render_both(&case, &pack);
    assert_eq!(
        pdf,
        ["https://example.org/ok", "mailto:minister@example.org"]
    );
    assert_eq!(
        docx,
        ["https://example.org/ok", "mailto:minister@example.org"]
    );
}
