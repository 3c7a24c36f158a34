//! Scripts beyond the shipped ones (issue 16), on `tests/fixtures/scripts-extra`: Persian digits
//! in the footer and the letters' numbers, ZWNJ kept in the PDF's text layer, and the Hebrew and
//! Hindi packs read back exactly (their fonts, from `tests/fixtures/fonts-extra`, sit beside the
//! shipped ones in a temporary fonts folder, as a partner would add a font).

use crate::common;

use std::fs;
use std::path::Path;

use crate::common::pdf_text::extract;
use appealpack::fonts::FontLibrary;
use appealpack::model::{AppealPack, Direction, ModelOptions, build_pack};
use appealpack::render::{Paper, RenderOptions, pdf};
use common::layout::{expected_text, extracted_text};
use common::*;

/// The shipped fonts plus the fixture-only faces, in one catalogue.
fn fonts() -> (tempfile::TempDir, FontLibrary) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&repo().join("fonts"), dir.path());
    let extra = fixture("fonts-extra");
    for entry in fs::read_dir(&extra).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if name.ends_with(".ttf") {
            fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    fs::copy(extra.join("OFL.txt"), dir.path().join("OFL-extra.txt")).unwrap();
    let catalogue = fs::read_to_string(extra.join("fonts.toml"))
        .unwrap()
        .replace("\"OFL.txt\"", "\"OFL-extra.txt\"");
    let shipped = fs::read_to_string(dir.path().join("fonts.toml")).unwrap();
    fs::write(
        dir.path().join("fonts.toml"),
        format!("{shipped}\n{catalogue}"),
    )
    .unwrap();
    let library = FontLibrary::load(dir.path()).expect("the fonts load");
    (dir, library)
}

fn pack(locale: &str) -> AppealPack {
    let tree = appealpack::load::load(&fixture("scripts-extra")).expect("the tree loads");
    build_pack(&tree, locale, &ModelOptions::default()).expect("the pack builds")
}

fn render(pack: &AppealPack, fonts: &FontLibrary) -> Vec<u8> {
    let options = RenderOptions {
        paper: Paper::A4,
        ..RenderOptions::default()
    };
    pdf::render(pack, fonts, &options)
        .expect("the pack renders")
        .bytes
}

/// Every line of every page, as the crate's extractor reads them.
fn pages(bytes: &[u8], pack: &AppealPack) -> Vec<Vec<String>> {
    let rtl = pack.direction == Direction::Rtl;
    extract(bytes, rtl)
        .expect("the PDF reads back")
        .into_iter()
        .map(|page| page.into_iter().map(|line| line.text).collect())
        .collect()
}

fn assert_same_text(locale: &str, got: &str, want: &str) {
    if got == want {
        return;
    }
    let at = got
        .chars()
        .zip(want.chars())
        .take_while(|(a, b)| a == b)
        .count();
    let around = |s: &str| -> String { s.chars().skip(at.saturating_sub(40)).take(80).collect() };
    panic!(
        "{locale}: the extracted text differs at character {at}\n   got: …{}…\n  want: …{}…",
        around(got),
        around(want)
    );
}

#[test]
fn persian_page_numbers_and_letter_numbers_are_in_persian_digits() {
    let (_dir, fonts) = fonts();
    let pack = pack("fa");
    assert_eq!(pack.footer_text(2, 9), "صفحهٔ ۲ از ۹");
    let bytes = render(&pack, &fonts);
    let pages = pages(&bytes, &pack);
    let count = pages.len();
    assert!(count >= 2, "the pack has its letters on pages of their own");
    for (index, page) in pages.iter().enumerate() {
        let want = format!("صفحهٔ {} از {}", Persian(index + 1), Persian(count));
        assert!(
            page.iter().any(|line| normalise(line) == want),
            "page {} has no footer `{want}`: {page:?}",
            index + 1
        );
    }
    // The letters' numbers ($number, $count, in the outline) come through Fluent in the
    // same digits.
    let outlines: Vec<String> = pack.letters().filter_map(|l| l.outline.clone()).collect();
    assert!(!outlines.is_empty());
    for (index, outline) in outlines.iter().enumerate() {
        let want = format!(
            "نامهٔ نمونهٔ {} از {}",
            Persian(index + 1),
            Persian(outlines.len())
        );
        assert!(outline.contains(&want), "{outline} lacks {want}");
    }
    // Latin, Cyrillic and Arabic packs keep 0–9 (CLDR's default for `ar` is `latn`).
    let en = appealpack::model::Numbers::new("en");
    assert_eq!(en.format(12), "12");
}

/// A number in Persian digits, written digit by digit (the test's own oracle, not ICU).
struct Persian(usize);

impl std::fmt::Display for Persian {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for digit in self.0.to_string().chars() {
            let value = digit.to_digit(10).unwrap();
            write!(f, "{}", char::from_u32(0x06F0 + value).unwrap())?;
        }
        Ok(())
    }
}

#[test]
fn zwnj_stays_in_the_persian_text_layer() {
    let (_dir, fonts) = fonts();
    let pack = pack("fa");
    let bytes = render(&pack, &fonts);
    let text = extracted_text(&bytes, &pack);
    for word in ["می\u{200C}خواهد", "بین\u{200C}المللی", "سازمان\u{200C}های"]
    {
        assert!(text.contains(word), "`{word}` lost its ZWNJ: {text}");
    }
    assert!(!text.contains("میخواهد"), "a ZWNJ was dropped");
    assert_same_text("fa", &normalise(&text), &normalise(&expected_text(&pack)));
}

#[test]
fn zwnj_survives_pdftotext() {
    if !have_tool("pdftotext") {
        return;
    }
    let (_dir, fonts) = fonts();
    let pack = pack("fa");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fa.pdf");
    fs::write(&path, render(&pack, &fonts)).unwrap();
    let text = pdftotext(&path);
    assert!(text.contains("می\u{200C}خواهد"), "{text}");
}

fn pdftotext(path: &Path) -> String {
    let output = std::process::Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn hebrew_and_persian_read_back_exactly() {
    let (_dir, fonts) = fonts();
    for locale in ["he", "fa"] {
        let pack = pack(locale);
        let bytes = render(&pack, &fonts);
        assert_same_text(
            locale,
            &normalise(&extracted_text(&bytes, &pack)),
            &normalise(&expected_text(&pack)),
        );
    }
}

#[test]
fn hindi_shapes_with_its_own_font() {
    let (_dir, fonts) = fonts();
    let pack = pack("hi");
    // Every character has a glyph (a missing one, or a cluster the font cannot compose, is an
    // error), and the pack reads back where no vowel sign is drawn before its consonant.
    let bytes = render(&pack, &fonts);
    let text = normalise(&extracted_text(&bytes, &pack));
    for word in ["उदाहरण", "इंटरनेशनल", "संगठन", "वेधशाला", "अवांछनीय", "तत्काल"]
    {
        assert!(text.contains(word), "`{word}` does not read back: {text}");
    }
}

/// A vowel sign drawn before its consonant (ि in किया) is a glyph ToUnicode can give only one
/// text, so the writer gives such a run its logical text as `/ActualText` (decision 0012).
#[test]
fn hindi_reads_back_exactly() {
    let (_dir, fonts) = fonts();
    let pack = pack("hi");
    let bytes = render(&pack, &fonts);
    let text = normalise(&extracted_text(&bytes, &pack));
    assert!(text.contains("घोषित किया गया"), "{text}");
    assert_same_text("hi", &text, &normalise(&expected_text(&pack)));
}

/// pdftotext does not follow the structure: it reads the `/ActualText` of the marked content.
#[test]
fn hindi_survives_pdftotext() {
    if !have_tool("pdftotext") {
        return;
    }
    let (_dir, fonts) = fonts();
    let pack = pack("hi");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hi.pdf");
    fs::write(&path, render(&pack, &fonts)).unwrap();
    let text = normalise(&pdftotext(&path));
    for word in ["घोषित किया गया", "परिस्थिति", "अधिकारियों", "निहित"]
    {
        assert!(text.contains(word), "`{word}` does not read back: {text}");
    }
    assert!(!text.contains("षकया"), "{text}");
}

/// The fixture's tree with `to` put in place of `from` in `locale`'s messages.
fn pack_with(locale: &str, from: &str, to: &str) -> AppealPack {
    let dir = copy_fixture("scripts-extra");
    let ftl = dir.path().join(locale).join("main.ftl");
    let source = fs::read_to_string(&ftl).unwrap();
    assert!(source.contains(from), "{from} is not in {locale}");
    fs::write(&ftl, source.replacen(from, to, 1)).unwrap();
    let tree = appealpack::load::load(dir.path()).expect("the tree loads");
    build_pack(&tree, locale, &ModelOptions::default()).expect("the pack builds")
}

/// The zero-width joiner is shaped (it asks for a joining form: Persian's ه‍ in ه‍.ش, the
/// Arabic ع‍ of a letter's name, Devanagari's half forms) and reads back where it was.
#[test]
fn zwj_is_shaped_and_reads_back() {
    let (_dir, fonts) = fonts();
    let cases = [
        (
            "fa",
            "فوراً لغو کنند",
            "فوراً (۱۴۰۴ ه\u{200D}.ش، حرف ع\u{200D}) لغو کنند",
        ),
        ("hi", "तुरंत वापस लें", "तुरंत (क्\u{200D}ष, र्\u{200D}य) वापस लें"),
    ];
    for (locale, from, to) in cases {
        let pack = pack_with(locale, from, to);
        let bytes = render(&pack, &fonts);
        let text = normalise(&extracted_text(&bytes, &pack));
        let inner = &to[to.find('(').unwrap()..=to.find(')').unwrap()];
        assert!(
            text.contains(inner),
            "{locale}: `{inner}` does not read back: {text}"
        );
        assert_same_text(locale, &text, &normalise(&expected_text(&pack)));
    }
}

/// Noto Naskh Arabic draws ZWNJ and ZWJ as a visible bar (a picture of the invisible
/// character): their glyphs, there for the text layer, are shown in rendering mode 3
/// (invisible), and every other glyph in mode 0.
#[test]
fn joiners_are_never_painted() {
    let (_dir, fonts) = fonts();
    let pack = pack_with("fa", "فوراً لغو کنند", "فوراً ه\u{200D}.ش لغو کنند");
    let bytes = render(&pack, &fonts);
    let doc = lopdf::Document::load_mem(&bytes).unwrap();
    let (mut hidden, mut shown) = (0, 0);
    for (_, page) in doc.get_pages() {
        // Per font resource, the codes of the joiners' glyphs, from its ToUnicode.
        let mut joiners = std::collections::BTreeMap::new();
        for (name, font) in doc.get_page_fonts(page).unwrap() {
            let stream = font
                .get(b"ToUnicode")
                .and_then(lopdf::Object::as_reference)
                .and_then(|id| doc.get_object(id))
                .and_then(lopdf::Object::as_stream)
                .unwrap();
            let cmap = String::from_utf8(stream.decompressed_content().unwrap()).unwrap();
            let codes: std::collections::BTreeSet<u16> = cmap
                .lines()
                .filter(|l| l.contains("<200C>") || l.contains("<200D>"))
                .map(|l| u16::from_str_radix(l.split(['<', '>']).nth(1).unwrap(), 16).unwrap())
                .collect();
            joiners.insert(name, codes);
        }
        let content = lopdf::content::Content::decode(&doc.get_page_content(page)).unwrap();
        let (mut mode, mut font) = (0, Vec::new());
        for op in &content.operations {
            match op.operator.as_str() {
                "Tr" => mode = op.operands[0].as_i64().unwrap(),
                "Tf" => font = op.operands[0].as_name().unwrap().to_vec(),
                "TJ" => {
                    for item in op.operands[0].as_array().unwrap() {
                        if let lopdf::Object::String(codes, _) = item {
                            for code in codes.chunks(2) {
                                let code = u16::from_be_bytes([code[0], code[1]]);
                                let joiner = joiners[&font].contains(&code);
                                assert_eq!(mode == 3, joiner, "glyph {code} in mode {mode}");
                                if joiner { hidden += 1 } else { shown += 1 }
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
    assert!(
        hidden >= 2 && shown > 100,
        "{hidden} joiners, {shown} glyphs"
    );
}
