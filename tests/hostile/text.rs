//! Text that looks like markup or steers direction: `<`, `&`, `]]>`, quotes, control
//! characters, RTL overrides (U+202E) and zero-width joiners. It must come out escaped in the
//! DOCX XML and the download page, and must not reorder a neighbour's text in any format.

use std::io::{Cursor, Read};

use crate::common::pdf_text::extract;

use super::support::Case;

const FR: &str = "t/fr/main.ftl";
const MARKUP: &str = "A <b> & ]]> \"q\" 'a' <![CDATA[x]]> &amp;";

fn hostile_case() -> Case {
    let case = Case::new();
    case.replace(
        FR,
        "demand-one = Retirer l’organisation de la liste ;",
        &format!("demand-one = {MARKUP} fin."),
    );
    // An override that is never closed, and a joiner inside a word.
    case.replace(
        FR,
        "Abroger la loi.",
        "Abroger \u{202E}la loi, en\u{200D}tière.",
    );
    case.replace(
        FR,
        "addressee-minister = Mme Jane Doe",
        "addressee-minister = Mme \u{202E}Jane Doe",
    );
    case.replace(
        FR,
        "pack-title = Alerte de test",
        "pack-title = Alerte <script>&amp; \u{202E}test",
    );
    case
}

fn docx_part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The text of each `w:p` of a WordprocessingML part, runs joined.
fn docx_paragraphs(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    for paragraph in xml.split("</w:p>") {
        let Some(start) = paragraph
            .rfind("<w:p>")
            .or_else(|| paragraph.rfind("<w:p "))
        else {
            continue;
        };
        let mut text = String::new();
        for piece in paragraph[start..].split("<w:t").skip(1) {
            let Some((tag, rest)) = piece.split_once('>') else {
                continue;
            };
            if tag.is_empty() || tag.starts_with(' ') {
                text.push_str(rest.split("</w:t>").next().unwrap_or_default());
            }
        }
        if !text.is_empty() {
            out.push(text);
        }
    }
    out
}

#[test]
fn markup_and_direction_controls_are_escaped_and_stay_in_place() {
    let case = hostile_case();
    let err = case.built(&["--release", "--locale", "fr", "-f", "pdf", "-f", "docx"]);
    // Overrides are allowed with a warning; nothing else is said.
    insta::assert_snapshot!(err);

    // DOCX: markup escaped, `]]>` never literal, overrides dropped, the joiner kept, and the
    // role after the name still after it.
    let docx = std::fs::read(case.path("out/fr/test-alert-fr.docx")).unwrap();
    let xml = docx_part(&docx, "word/document.xml");
    assert!(
        xml.contains("A &lt;b&gt; &amp; ]]&gt; \"q\" 'a' &lt;![CDATA[x]]&gt; &amp;amp; fin."),
        "{xml}"
    );
    assert!(!xml.contains("]]>"));
    assert!(!xml.contains('\u{202E}'));
    assert!(xml.contains("en\u{200D}tière"));
    let paragraphs = docx_paragraphs(&xml);
    // The address table and the letter's recipient: the name, then the role, in that order.
    let name = paragraphs.iter().position(|p| p == "Mme Jane Doe");
    assert!(
        name.is_some_and(|i| paragraphs[i + 1] == "Ministre des Exemples"),
        "{paragraphs:#?}"
    );
    let core = docx_part(&docx, "docProps/core.xml");
    assert!(
        core.contains("Alerte &lt;script&gt;&amp;amp; test"),
        "{core}"
    );

    // PDF: the text reads back in logical order, the override having reordered only what it
    // covers, inside its own paragraph.
    let pdf = std::fs::read(case.path("out/fr/test-alert-fr.pdf")).unwrap();
    let lines: Vec<String> = extract(&pdf, false)
        .unwrap()
        .into_iter()
        .flatten()
        .map(|l| l.text)
        .collect();
    let text = lines.join("\n");
    assert!(text.contains(&format!("{MARKUP} fin.")), "{text}");
    // The joiner is shaped, and reads back where it was, inside the override too.
    assert!(text.contains("Abroger la loi, en\u{200D}tière."), "{text}");
    assert!(
        text.contains("Mme Jane Doe, Ministre des Exemples, Courriel : minister@example.org"),
        "{text}"
    );

    // The download page: escaped; the title's override (kept by the model since main's
    // "explicit controls stay" change) is written as a visible character reference, and closes
    // with the title's own paragraph, so it cannot reach the card's other text.
    let html = case.read("out/index.html");
    assert!(
        html.contains("<p class=\"card-title\">Alerte &lt;script&gt;&amp;amp; &#x202E;test</p>"),
        "{html}"
    );
    assert!(!html.contains("<script"));
    assert!(!html.contains('\u{202E}'));
}

#[test]
fn control_characters_never_reach_a_document() {
    // Refused by the check (no font prints them)…
    let case = Case::new();
    case.replace(
        FR,
        "Abroger la loi.",
        "Abroger\u{1B}[31m la\u{7} loi\u{85}.",
    );
    insta::assert_snapshot!(case.refused(&[], 1));

    // …and dropped by the writers if a pack holds them anyway.
    let tree = appealpack::load::load(&case.path("t")).unwrap();
    let pack = appealpack::model::build_pack(&tree, "fr", &Default::default()).unwrap();
    let fonts = appealpack::fonts::FontLibrary::load(&case.path("f")).unwrap();
    let options = appealpack::render::RenderOptions::default();
    let docx = appealpack::render::docx::render(&pack, &fonts, &options).unwrap();
    let xml = docx_part(&docx.bytes, "word/document.xml");
    assert!(xml.contains("Abroger[31m la loi ."), "{xml}");
    assert!(
        !xml.chars()
            .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
    );
    // The PDF renderer refuses what it cannot draw, with the character named.
    let error = appealpack::render::pdf::render(&pack, &fonts, &options).unwrap_err();
    assert_eq!(
        error.to_string(),
        "no font of locale `fr` can draw U+001B in `demand-two`"
    );
}

/// The same markup and controls through the web page (`--format html`): escaped in the text,
/// in the `mailto:` link and in the copy button's attribute; overrides dropped, the joiner kept,
/// no isolation mark left bare, and the only script the page's own.
#[test]
fn markup_and_direction_controls_are_escaped_in_the_web_page() {
    let case = hostile_case();
    case.replace(
        FR,
        "letter-body = Je vous écris",
        &format!("letter-body = {MARKUP} Je vous écris"),
    );
    case.built(&["--locale", "fr", "-f", "html"]);
    let html = case.read("out/fr/test-alert-fr.html");
    assert!(
        html.contains(
            "A &lt;b&gt; &amp; ]]&gt; &quot;q&quot; 'a' &lt;![CDATA[x]]&gt; &amp;amp; fin."
        ),
        "{html}"
    );
    assert!(
        html.contains("<title>Alerte &lt;script&gt;&amp;amp; test</title>"),
        "{html}"
    );
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only the copy button's script"
    );
    assert!(!html.contains("<b>") && !html.contains("]]>"));
    assert!(
        !html
            .chars()
            .any(|c| ('\u{202A}'..='\u{202E}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c))
    );
    assert!(html.contains("en\u{200D}tière"));
    // The letter's link: the markup percent-encoded, so it cannot end the attribute or a field.
    let mailto = html
        .split("href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .find(|href| href.starts_with("mailto:") && href.contains("body="))
        .expect("a mailto link with the letter");
    assert!(
        mailto.contains("A%20%3Cb%3E%20%26%20%5D%5D%3E%20%22q%22%20%27a%27"),
        "{mailto}"
    );
    assert!(!mailto.contains(['<', '>', '"', ' ']));
    // The copy button holds the letter as an attribute: quotes escaped.
    let copy = html.find("data-copy=\"").expect("a copy button");
    let value = &html[copy + "data-copy=\"".len()..];
    let value = &value[..value.find('"').unwrap()];
    assert!(
        value.contains("A &lt;b&gt; &amp; ]]&gt; &quot;q&quot;"),
        "{value}"
    );
}
