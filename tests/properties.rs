//! Property tests (proptest): rendering never panics, whatever the text of a paragraph, and
//! the text the crate's own extractor reads back from a PDF is the model's text, for random
//! Latin, Cyrillic and Arabic paragraphs. Case counts are kept small: these run with the rest
//! of `cargo test --release`.

use crate::common;

use std::sync::OnceLock;

use crate::common::pdf_text::extract;
use appealpack::fonts::FontLibrary;
use appealpack::model::{AppealPack, Block, Direction, Inline, Para};
use appealpack::render::{Format, RenderOptions, render};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use common::{fixture, normalise, repo};

/// `cases` cases, with the seeds of past failures in tests/properties.proptest-regressions,
/// beside this file. Proptest's default puts them under `proptest-regressions/` beside the
/// nearest folder holding a `main.rs`, which is the repository's root now that the tests are
/// one program (tests/main.rs), so the committed seeds would be skipped.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..ProptestConfig::default()
    }
}

fn fonts() -> &'static FontLibrary {
    static FONTS: OnceLock<FontLibrary> = OnceLock::new();
    FONTS.get_or_init(|| FontLibrary::load(&repo().join("fonts")).unwrap())
}

/// The pack of `locale` in the four-script fixture (en, fr, ar, ru), built once.
fn pack(locale: &str) -> AppealPack {
    static TREE: OnceLock<appealpack::load::Tree> = OnceLock::new();
    let tree = TREE.get_or_init(|| appealpack::load::load(&fixture("scripts")).unwrap());
    appealpack::model::build_pack(tree, locale, &Default::default()).unwrap()
}

/// The pack with its first paragraph replaced by `inlines`.
fn with_paragraph(mut pack: AppealPack, inlines: Vec<Inline>) -> AppealPack {
    pack.parts[0].blocks[0] = Block::Paragraph(Para {
        source: "random".into(),
        inlines,
    });
    pack
}

/// Mostly characters the fonts draw (so layout runs to the end), with bidi controls, joiners,
/// combining marks, spaces of every kind, and now and then any character at all.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        6 => prop::sample::select(
            "aZé ,.;:!?()[]«»“”-–—'’/@&<>0123456789жЖщЪёاببتثجحخدذرزسشلأإآةى".chars().collect::<Vec<_>>()
        ),
        2 => prop::sample::select(vec![
            '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}',
            '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
            '\u{00AD}', '\u{00A0}', '\u{2009}', '\u{202F}', '\u{0301}', '\u{064B}', '\u{0651}',
            '\t', '\n', '\r', '\u{FEFF}', '\u{FFFD}',
        ]),
        1 => any::<char>(),
    ]
}

fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..300).prop_map(|c| c.into_iter().collect())
}

proptest! {
    #![proptest_config(config(24))]

    /// Any text, plain and as a link, in a left-to-right and a right-to-left pack: every
    /// renderer returns bytes or an error, and never panics.
    #[test]
    fn rendering_never_panics(text in hostile_text(), link in hostile_text(), rtl in any::<bool>()) {
        let base = pack(if rtl { "ar" } else { "fr" });
        let inlines = vec![
            Inline::plain(text.clone()),
            Inline { strong: true, ..Inline::plain(link.clone()) },
            Inline { link: Some(format!("https://example.org/{link}")), ..Inline::plain(link) },
        ];
        let mut pack = with_paragraph(base, inlines);
        pack.meta.title = text;
        for format in Format::ALL {
            let _ = render(format, &pack, fonts(), &RenderOptions::default());
        }
    }
}

/// Words of letters of one script, joined by spaces, with now and then a comma or a period.
fn paragraph(letters: &'static str) -> impl Strategy<Value = String> {
    let letters: Vec<char> = letters.chars().collect();
    let word = prop::collection::vec(prop::sample::select(letters), 1..12)
        .prop_map(|c| c.into_iter().collect::<String>());
    let punctuated = (word, prop::sample::select(vec!["", "", "", ",", "."]))
        .prop_map(|(w, p)| format!("{w}{p}"));
    prop::collection::vec(punctuated, 1..80).prop_map(|words| words.join(" "))
}

const LATIN: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZéèàçüöß";
const CYRILLIC: &str = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЭЮЯіїєґ";
const ARABIC: &str = "ءآأؤإئابةتثجحخدذرزسشصضطظعغفقكلمنهوىي";

/// The PDF's text, footers left out, against the model's: title, subtitle, every paragraph.
fn assert_round_trip(pack: &AppealPack) -> Result<(), TestCaseError> {
    let bytes = render(Format::Pdf, pack, fonts(), &RenderOptions::default())
        .map_err(|e| TestCaseError::fail(e.to_string()))?
        .bytes;
    let pages = extract(&bytes, pack.direction == Direction::Rtl).map_err(TestCaseError::fail)?;
    let count = pages.len();
    let mut got = Vec::new();
    for (index, page) in pages.iter().enumerate() {
        let footer = normalise(&pack.footer_text(index + 1, count));
        got.extend(
            page.iter()
                .map(|l| l.text.clone())
                .filter(|t| normalise(t) != footer),
        );
    }
    // The band above the title, then the title, then every part.
    let band = pack.band.as_ref().map_or(Vec::new(), |b| b.paras());
    let mut want: Vec<String> = band.iter().map(|p| p.text()).collect();
    want.push(pack.meta.title.clone());
    want.extend(pack.meta.subtitle.clone());
    want.extend(
        pack.paras()
            .skip(band.len())
            .map(|p| p.text())
            .filter(|t| !t.trim().is_empty()),
    );
    prop_assert_eq!(normalise(&got.join("\n")), normalise(&want.join("\n")));
    Ok(())
}

proptest! {
    #![proptest_config(config(12))]

    #[test]
    fn latin_paragraphs_read_back_from_the_pdf(text in paragraph(LATIN)) {
        assert_round_trip(&with_paragraph(pack("fr"), vec![Inline::plain(text)]))?;
    }

    #[test]
    fn cyrillic_paragraphs_read_back_from_the_pdf(text in paragraph(CYRILLIC)) {
        assert_round_trip(&with_paragraph(pack("ru"), vec![Inline::plain(text)]))?;
    }

    #[test]
    fn arabic_paragraphs_read_back_from_the_pdf(text in paragraph(ARABIC)) {
        assert_round_trip(&with_paragraph(pack("ar"), vec![Inline::plain(text)]))?;
    }
}
