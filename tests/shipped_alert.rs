//! The shipped alert's own tests: they describe the data in `i18n/`, not the tool.
//!
//! To an organisation that replaces the alert with its own (a new `i18n/` folder: manifest,
//! `canonical.txt`, a folder of `.ftl` files per locale): these are the tests of your data.
//! They ask what every alert must give before it goes out: the reference reproduces
//! `canonical.txt` word for word, every locale the manifest lists checks clean (no error, no
//! warning), and every locale builds as PDF and DOCX in a release. If one fails after your
//! change, your data needs fixing, not the tests. The first of them, that the reference
//! reproduces `canonical.txt`, reads crate-private lines and so sits among the unit tests
//! (`the_shipped_reference_reproduces_the_canonical_text` in `src/canonical.rs`); it also
//! holds the only check that names this alert's own file, the byte copy of the source.
//!
//! Every other test describes how the tool behaves and runs on fixture trees under
//! `tests/fixtures/` (the full-size one is `alert-observatory`, a frozen copy of the first
//! alert), so replacing `i18n/` never breaks them.

use crate::common;

use appealpack::model::Block;
use appealpack::render::Paper;
use common::layout::*;
use common::*;

#[test]
fn every_listed_locale_checks_clean() {
    let output = appealpack(&repo(), &["check"]);
    assert!(output.status.success(), "{}", report(&output));
    let summary = report(&output);
    assert!(
        summary.contains("check: 0 error(s), 0 warning(s)"),
        "{summary}"
    );
}

#[test]
fn every_listed_locale_builds_a_release_as_pdf_and_docx() {
    let tree = appealpack::load::load(&repo().join("i18n")).expect("the shipped i18n loads");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let output = appealpack(
        &repo(),
        &["build", "--release", "--out", out.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", report(&output));
    let files: Vec<String> = tree_contents(&out).into_iter().map(|(p, _)| p).collect();
    for locale in tree.listed_locales() {
        for extension in ["pdf", "docx"] {
            assert!(
                files
                    .iter()
                    .any(|f| f.starts_with(&format!("{locale}/")) && f.ends_with(extension)),
                "no {extension} for {locale}: {files:?}"
            );
        }
    }
    assert!(files.iter().any(|f| f == "manifest.json"), "{files:?}");
}

// ---- The pack's pages (issue 15) ------------------------------------------------------------

/// Every locale the shipped manifest lists.
fn listed_locales() -> Vec<String> {
    let tree = appealpack::load::load(&repo().join("i18n")).expect("the shipped i18n loads");
    tree.listed_locales()
        .into_iter()
        .map(|l| l.to_string())
        .collect()
}

#[test]
fn no_page_is_mostly_empty_and_every_letter_has_room_to_sign() {
    for locale in listed_locales() {
        let locale = locale.as_str();
        let pack = pack(&repo().join("i18n"), locale);
        let doc = layout(&pack, Paper::A4);
        assert_no_mostly_empty_page(locale, &doc, Paper::A4);
        for room in signature_rooms(&doc) {
            assert!(room >= ROOM_TO_SIGN, "{locale}: {room:.1} pt to sign");
        }
    }
}

#[test]
/// This alert's Russian and Ukrainian letters are addressed in the dative (`.recipient`).
fn russian_and_ukrainian_letters_are_addressed_in_the_dative() {
    for (locale, first) in [
        ("ru", "Министру иностранных дел Российской Федерации"),
        ("uk", "Міністрові закордонних справ Російської Федерації"),
    ] {
        let pack = pack(&repo().join("i18n"), locale);
        let found = pack.letters().any(|letter| {
            letter
                .blocks
                .iter()
                .any(|b| matches!(b, Block::Recipient(r) if r.lines()[0].text() == first))
        });
        assert!(found, "{locale}: no letter opens with «{first}»");
    }
}

#[test]
fn libreoffice_paginates_every_docx_like_the_pdf() {
    let locales = listed_locales();
    let locales: Vec<&str> = locales.iter().map(String::as_str).collect();
    docx_paginates_like_the_pdf(&repo().join("i18n"), &locales);
}
