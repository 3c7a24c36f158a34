//! A second alert, different in shape from the shipped one (tests/fixtures/alert-karvania):
//! built with the real binary, its packs read back. It exercises what the manifest can say
//! beyond the first alert: dates, fax, a spaced telephone number, a postal address of several
//! lines, `letter = false`, an addressee on X only, a letter body of its own, a correction,
//! and a right-to-left locale that is not Arabic (Persian).

use crate::common;

use std::path::Path;

use common::*;

const FIXTURE: &str = "alert-karvania";

/// Builds the fixture (or a changed copy at `i18n`) as text, PDF and DOCX into `out`.
fn build(i18n: &Path, out: &Path) {
    let fonts = repo().join("fonts");
    let output = appealpack(
        &repo(),
        &[
            "build",
            "--i18n",
            &i18n.to_string_lossy(),
            "--fonts",
            &fonts.to_string_lossy(),
            "--out",
            &out.to_string_lossy(),
            "-f",
            "text",
            "-f",
            "pdf",
            "-f",
            "docx",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
}

/// The text pack of `locale`, with no-break spaces read as spaces.
fn text(out: &Path, locale: &str) -> String {
    let path = out
        .join(locale)
        .join(format!("kv-journalist-2026-{locale}.txt"));
    std::fs::read_to_string(path)
        .unwrap()
        .replace(['\u{a0}', '\u{202f}'], " ")
}

fn built() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(&fixture(FIXTURE), &out);
    (dir, out)
}

#[test]
fn the_second_alert_checks_clean_with_its_glyphs_covered() {
    let fonts = repo().join("fonts");
    let output = appealpack(
        &repo(),
        &[
            "check",
            "--i18n",
            &fixture(FIXTURE).to_string_lossy(),
            "--fonts",
            &fonts.to_string_lossy(),
        ],
    );
    assert!(output.status.success(), "{}", stdout(&output));
    assert!(
        stdout(&output).contains("check: 0 error(s), 0 warning(s)"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn letters_go_only_where_a_letter_can_go() {
    let (_dir, out) = built();
    for (locale, subject, excellency) in [
        ("en", "Subject: ", "Your Excellency,"),
        ("fr", "Objet : ", "Excellence,"),
        ("fa", "موضوع: ", "جناب آقای سفیر،"),
    ] {
        let text = text(&out, locale);
        // The minister (post and fax) and the prosecutor (e-mail): the embassy has
        // `letter = false`, the government is on X only.
        assert_eq!(text.matches(subject).count(), 2, "{locale}\n{text}");
        assert_eq!(
            text.matches('\u{c}').count(),
            2,
            "{locale}: a page per letter"
        );
        assert!(
            !text.contains(excellency),
            "{locale}: no letter to the embassy"
        );
        // The government's suggested post closes the addresses instead.
        assert!(text.contains("> @KarvaniaGov "), "{locale}");
    }
    let en = text(&out, "en");
    assert!(en.contains("This pack contains 2 model letters."), "{en}");
    assert!(!en.contains("Dear Sir or Madam,"), "{en}");
}

#[test]
fn a_postal_address_is_one_line_in_the_list_and_one_line_each_in_the_letter() {
    let (_dir, out) = built();
    let en = text(&out, "en");
    assert!(
        en.contains("- Mr. Tomas Verin, Minister of Justice of the Republic of Karvania, Post: Ministry of Justice, 12 Freedom Square, 10000 Novagrad, Republic of Karvania; Fax: +99 21 555 0147\n"),
        "{en}"
    );
    assert!(
        en.contains(
            "Minister of Justice of the Republic of Karvania\nMinistry of Justice\n12 Freedom Square\n10000 Novagrad\nRepublic of Karvania\nFax: +99 21 555 0147\n"
        ),
        "{en}"
    );
    // Persian joins the lines with its own comma in the list, and keeps them apart in a letter.
    let fa = text(&out, "fa");
    assert!(
        fa.contains("Ministry of Justice، 12 Freedom Square، 10000 Novagrad، Republic of Karvania"),
        "{fa}"
    );
    assert!(
        fa.contains(
            "\nMinistry of Justice\n12 Freedom Square\n10000 Novagrad\nRepublic of Karvania\n"
        ),
        "{fa}"
    );
}

#[test]
fn dates_are_written_in_each_locales_words() {
    let (_dir, out) = built();
    for (locale, issued, before) in [
        (
            "en",
            "Issued: 20 November 2026",
            "Please act before 15 January 2027",
        ),
        (
            "fr",
            "Date de publication : 20 novembre 2026",
            "Merci d’agir avant le 15 janvier 2027",
        ),
        (
            "fa",
            // Persian writes the days and years in its own digits (CLDR, through ICU4X).
            "تاریخ انتشار: ۲۰ نوامبر ۲۰۲۶",
            "لطفاً پیش از ۱۵ ژانویه ۲۰۲۷ اقدام کنید",
        ),
    ] {
        // The band opens the pack: the reference (this fixture names no kind), then the dates,
        // which print nowhere else.
        let text = text(&out, locale);
        let head: Vec<&str> = text.lines().take(3).collect();
        assert_eq!(head, ["kv-journalist-2026", issued, before], "{locale}");
    }
}

#[test]
fn french_writes_the_first_of_the_month_as_1er() {
    let tree = copy_fixture(FIXTURE);
    let manifest = tree.path().join("manifest.toml");
    let text_of = std::fs::read_to_string(&manifest).unwrap();
    std::fs::write(
        &manifest,
        text_of.replace("date = \"2026-11-20\"", "date = \"2026-12-01\""),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    build(tree.path(), &out);
    assert!(text(&out, "fr").contains("Date de publication : 1er décembre 2026"));
    assert!(text(&out, "en").contains("Issued: 1 December 2026"));
}

#[test]
fn numbers_print_as_written_and_link_by_their_digits() {
    let tree = appealpack::load::load(&fixture(FIXTURE)).unwrap();
    for locale in ["en", "fr", "fa"] {
        let pack = appealpack::model::build_pack(&tree, locale, &Default::default()).unwrap();
        let mut links: Vec<(String, String)> = pack
            .paras()
            .flat_map(|p| &p.inlines)
            .filter_map(|i| Some((i.link.clone()?, i.text.replace('\u{a0}', " "))))
            .filter(|(link, _)| link.starts_with("tel:"))
            .collect();
        links.sort();
        links.dedup();
        assert_eq!(
            links,
            [
                ("tel:+3225550124".to_owned(), "+32 2 555 01 24".to_owned()),
                ("tel:+99215550123".to_owned(), "+99 21 555 01 23".to_owned()),
                ("tel:+99215550147".to_owned(), "+99 21 555 0147".to_owned()),
            ],
            "{locale}"
        );
    }
    let fa = appealpack::model::build_pack(&tree, "fa", &Default::default()).unwrap();
    assert_eq!(fa.direction, appealpack::model::Direction::Rtl);
    let issued = fa.issued.as_ref().unwrap();
    assert_eq!(issued.iso, "2026-11-20");
    assert_eq!(issued.text, "۲۰ نوامبر ۲۰۲۶");
}

#[test]
fn the_pdf_links_the_fax_and_reads_back_the_letters() {
    if !have_tool("pdftotext") {
        return;
    }
    let (_dir, out) = built();
    for locale in ["en", "fr", "fa"] {
        let pdf = out
            .join(locale)
            .join(format!("kv-journalist-2026-{locale}.pdf"));
        let bytes = std::fs::read(&pdf).unwrap();
        let document = lopdf::Document::load_mem(&bytes).unwrap();
        let mut uris = Vec::new();
        for (_, object) in document.objects.iter() {
            if let Ok(dict) = object.as_dict()
                && let Ok(action) = dict.get(b"A").and_then(|a| a.as_dict())
                && let Ok(uri) = action.get(b"URI").and_then(|u| u.as_str())
            {
                uris.push(String::from_utf8_lossy(uri).into_owned());
            }
        }
        assert!(
            uris.iter().any(|u| u == "tel:+3225550124"),
            "{locale}: {uris:?}"
        );
        assert!(
            uris.iter().any(|u| u == "tel:+99215550147"),
            "{locale}: {uris:?}"
        );
        let output = std::process::Command::new("pdftotext")
            .args(["-layout"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        let read = String::from_utf8_lossy(&output.stdout);
        assert!(read.contains("12 Freedom Square"), "{locale}: {read}");
    }
}
