//! The DOCX writer: docx-rs builds the content, a post-pass makes it valid, deterministic OOXML.
//!
//! - `body`, `addresses`, `footer`, `styles`, `numbering`, `page`: the pack as
//!   docx-rs paragraphs, tables and styles;
//! - `runs`: paragraph text as runs (clean text, bidi direction, font fallback);
//! - `post`, `schema`, `xml`: the post-pass over docx-rs's XML (what docx-rs cannot
//!   write, stable ids, then schema order);
//! - `parts`, `package`, `lang`: settings, fonts, properties, relationships, the zip;
//! - `embed`: the fonts embedded in the file, subset and obfuscated.
//!
//! See `docs/decisions/0003-docx-writer.md` for why it is built this way.

mod addresses;
mod body;
mod embed;
mod footer;
mod lang;
mod numbering;
mod package;
mod page;
mod parts;
mod post;
mod runs;
mod schema;
mod styles;
mod xml;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use docx_rs::Docx;

use self::body::{Body, Item};
use self::package::{Package, internal};
use self::page::Page;
use self::runs::Families;
use self::xml::Element;
use super::{RenderError, RenderOptions, Rendered};
use crate::fonts::{FaceStyle, FontFace, FontLibrary};
use crate::model::{AppealPack, Block, Direction, Para};

pub fn render(
    pack: &AppealPack,
    fonts: &FontLibrary,
    options: &RenderOptions,
) -> Result<Rendered, RenderError> {
    let families = Families::new(fonts.stack(&pack.fonts)?);
    let page = Page::new(options.paper);
    let body = Body {
        direction: pack.direction,
        families: &families,
        page: &page,
        address_table: &pack.address_table,
    };
    let rtl = pack.direction == Direction::Rtl;
    let sheet = styles::Sheet {
        latin_font: &families.latin,
        complex_font: &families.complex,
        rtl,
    };

    let (abstract_numbering, numbering) = numbering::bullets(&families.latin);
    let mut docx = Docx::new()
        .styles(styles::styles(&sheet))
        .add_abstract_numbering(abstract_numbering)
        .add_numbering(numbering)
        .page_size(page.width, page.height)
        .page_margin(page.margin());
    for item in body.items(pack) {
        docx = match item {
            Item::Paragraph(p) => docx.add_paragraph(*p),
            Item::Table(t) => docx.add_table(*t),
        };
    }
    docx = docx.footer(footer::footer(pack, &body));

    let bytes =
        assemble(docx.build(), pack, &families, options).map_err(|reason| RenderError::Failed {
            format: "docx",
            locale: pack.locale.clone(),
            reason,
        })?;
    Ok(Rendered {
        bytes,
        pages: None,
        forced_breaks: Vec::new(),
    })
}

/// The post-pass and the package: docx-rs's parts in, the DOCX file out.
fn assemble(
    built: docx_rs::XMLDocx,
    pack: &AppealPack,
    families: &Families<'_>,
    options: &RenderOptions,
) -> Result<Vec<u8>, String> {
    let parse = |name: &str, bytes: &[u8]| {
        xml::parse(bytes).map_err(|e| format!("docx-rs wrote a malformed {name}: {e}"))
    };
    let rtl = pack.direction == Direction::Rtl;
    let language = lang::word_language(&pack.locale);
    let complex_language = rtl.then_some(language.as_str());
    let address_caption = pack
        .parts
        .iter()
        .find(|p| p.blocks.iter().any(|b| matches!(b, Block::Addresses(_))))
        .and_then(|p| p.heading.as_ref())
        .map(Para::text);
    let context = post::Context {
        rtl,
        language: (&language, complex_language),
        default_styles: styles::DEFAULTS,
        address_caption: address_caption.as_deref(),
        address_header: pack.address_table.columns.is_some(),
        address_description: pack.address_table.description.as_deref(),
    };

    let old_relationships =
        post::relationships(&parse("document relationships part", &built.document_rels)?);
    let mut document = parse("document part", &built.document)?;
    post::content(&mut document, &context);
    let mut document_relationships = vec![
        internal("rIdStyles", "styles", "styles.xml"),
        internal("rIdNumbering", "numbering", "numbering.xml"),
        internal("rIdSettings", "settings", "settings.xml"),
        internal("rIdFontTable", "fontTable", "fontTable.xml"),
        internal("rIdTheme", "theme", "theme/theme1.xml"),
    ];
    document_relationships.extend(post::renumber_relationships(
        &mut document,
        &old_relationships,
    )?);

    let mut footers = Vec::new();
    for (i, bytes) in built.footers.iter().enumerate() {
        let mut footer = parse("footer part", bytes)?;
        post::content(&mut footer, &context);
        footers.push((format!("word/footer{}.xml", i + 1), footer));
    }

    let mut style_sheet = parse("styles part", &built.styles)?;
    post::drop_empty_properties(&mut style_sheet);
    post::styles(&mut style_sheet, &context);
    let mut numbering = parse("numbering part", &built.numberings)?;
    post::drop_empty_properties(&mut numbering);
    let mut referenced = BTreeSet::new();
    post::referenced_numbering(&document, &mut referenced);
    post::referenced_numbering(&style_sheet, &mut referenced);
    post::numbering(&mut numbering, &referenced);

    let fonts = embedded_fonts(
        families,
        &[&document, &style_sheet, &numbering],
        &footers,
        options.timestamp,
    )?;
    let settings = parts::settings(&parts::SettingsSpec {
        language: &language,
        complex_language,
        embedded_fonts: !fonts.parts.is_empty(),
    });
    let font_table = parts::font_table(&font_entries(families, &fonts.faces));
    let properties = parts::Properties {
        title: &runs::clean_text(&pack.meta.title),
        subject: pack.meta.subject.as_deref(),
        description: pack.meta.subtitle.as_deref(),
        creator: pack.meta.author.as_deref(),
        keywords: &pack.alert_id,
        language: &language,
        timestamp: options.timestamp,
        producer: &options.producer,
    };

    let mut package = Package::default();
    let mut add = |path: &str, mut root: Element| {
        schema::normalise(&mut root);
        package.add_xml(path, &root);
    };
    add("word/document.xml", document);
    for (path, footer) in footers {
        add(&path, footer);
    }
    add("word/styles.xml", style_sheet);
    add("word/numbering.xml", numbering);
    add("word/settings.xml", settings);
    add("word/fontTable.xml", font_table);
    if !fonts.parts.is_empty() {
        add(
            "word/_rels/fontTable.xml.rels",
            package::relationships(&fonts.relationships),
        );
    }
    add(
        "word/theme/theme1.xml",
        parts::theme(&families.latin, &families.complex),
    );
    add(
        "word/_rels/document.xml.rels",
        package::relationships(&document_relationships),
    );
    add("docProps/core.xml", parts::core(&properties));
    add("docProps/app.xml", parts::app(&properties));
    add("_rels/.rels", package::package_relationships());
    for (path, font) in fonts.parts {
        package.add_zipped(&path, font);
    }
    package.add_content_types();
    package
        .zip(options.timestamp)
        .map_err(|e| format!("cannot write the zip: {e}"))
}

/// The font table: every family of the pack's stack, with the faces embedded for it.
fn font_entries(
    families: &Families<'_>,
    embedded: &BTreeMap<String, Vec<parts::Embedded>>,
) -> Vec<parts::FontEntry> {
    families
        .stack
        .families
        .iter()
        .map(|family| {
            let regular = family.face(FaceStyle::Regular);
            let arabic = regular.covers('\u{0627}');
            parts::FontEntry {
                name: family.name.clone(),
                charset: if arabic { "B2" } else { "00" },
                family: if arabic { "auto" } else { "swiss" },
                metrics: parts::Os2::read(&regular.data),
                embedded: embedded.get(&family.name).cloned().unwrap_or_default(),
            }
        })
        .collect()
}

/// The embedded fonts: the parts, their relationships from the font table, and per family the
/// faces the font table names.
#[derive(Default)]
struct EmbeddedFonts {
    /// Each font's part, obfuscated and zipped (`Package::add_zipped`).
    parts: Vec<(String, Arc<Vec<u8>>)>,
    relationships: Vec<post::Relationship>,
    faces: BTreeMap<String, Vec<parts::Embedded>>,
}

/// Subsets every face of the stack that the document can show (italic ones only when some
/// text is italic) to the characters of the finished parts and the repertoire
/// (`embed::with_repertoire`), and obfuscates it. A face without TrueType outlines is left
/// out: Word and LibreOffice then substitute, as without embedding.
fn embedded_fonts(
    families: &Families<'_>,
    parts: &[&Element],
    footers: &[(String, Element)],
    timestamp: i64,
) -> Result<EmbeddedFonts, String> {
    let mut chars: BTreeSet<char> = embed::ALWAYS.iter().copied().collect();
    let mut italic = false;
    for root in parts.iter().copied().chain(footers.iter().map(|(_, f)| f)) {
        root.walk(&mut |e| match e.name.as_str() {
            "w:t" => chars.extend(e.text().chars()),
            "w:lvlText" => chars.extend(e.get_attr("w:val").unwrap_or("").chars()),
            "w:i" | "w:iCs" => {
                italic |= !matches!(e.get_attr("w:val"), Some("0" | "false" | "off"))
            }
            _ => {}
        });
    }
    embed::with_mirrors(&mut chars);
    // The faces to embed, in the document's order: family, style, face, characters.
    let mut wanted = Vec::new();
    for (n, family) in families.stack.families.iter().enumerate() {
        // A family that draws none of the text (only digits or spaces) is not needed. Nor is
        // one whose characters an earlier family of the stack has in every face, unless runs
        // take it by default (`runs::pieces` prefers the default, then the stack in order): in
        // Chinese, Noto Sans CJK SC draws all the Latin text and Noto Sans nothing.
        let regular = family.face(FaceStyle::Regular);
        let default =
            [families.latin.as_str(), families.complex.as_str()].contains(&family.name.as_str());
        let claimed = |c: char| {
            families.stack.families[..n]
                .iter()
                .any(|earlier| earlier.faces.values().all(|face| face.covers(c)))
        };
        if chars
            .iter()
            .all(|c| embed::ALWAYS.contains(c) || !regular.covers(*c) || (!default && claimed(*c)))
        {
            continue;
        }
        for style in [
            FaceStyle::Regular,
            FaceStyle::Bold,
            FaceStyle::Italic,
            FaceStyle::BoldItalic,
        ] {
            let Some(face) = family.faces.get(&style) else {
                continue;
            };
            if matches!(style, FaceStyle::Italic | FaceStyle::BoldItalic) && !italic {
                continue;
            }
            let mut used: BTreeSet<char> =
                chars.iter().copied().filter(|c| face.covers(*c)).collect();
            embed::with_repertoire(&face.data, &mut used, |c| face.covers(c));
            wanted.push((&family.name, style, face, used));
        }
    }
    // Every pack of a release whose text the repertoire holds embeds the same subset: made and
    // compressed once per face (the time is part of the zip entry). A face another thread is
    // making now is left for last, so two packs that start together share the faces' work.
    let memo =
        |used: &BTreeSet<char>| format!("docx {timestamp} {}", used.iter().collect::<String>());
    let make = |face: &FontFace, used: &BTreeSet<char>| embedded_font(&face.data, used, timestamp);
    let tried: Vec<_> = wanted
        .iter()
        .map(|(_, _, face, used)| face.try_derived(&memo(used), || make(face, used)))
        .collect();
    let made: Vec<_> = tried
        .into_iter()
        .zip(&wanted)
        .map(|(tried, (_, _, face, used))| {
            tried.unwrap_or_else(|| face.derived(&memo(used), || make(face, used)))
        })
        .collect();
    let mut out = EmbeddedFonts::default();
    for ((family, style, face, _), made) in wanted.into_iter().zip(made) {
        let font = match made.as_deref() {
            Ok(Some(font)) => font,
            Ok(None) => continue,
            Err(e) => return Err(format!("cannot embed {}: {e}", face.path.display())),
        };
        let key = font.key.clone();
        let n = out.parts.len() + 1;
        let id = format!("rIdFont{n}");
        out.relationships.push(package::internal(
            &id,
            "font",
            &format!("fonts/font{n}.odttf"),
        ));
        out.parts
            .push((format!("word/fonts/font{n}.odttf"), font.zipped.clone()));
        out.faces
            .entry(family.clone())
            .or_default()
            .push(parts::Embedded { style, id, key });
    }
    Ok(out)
}

/// A face's subset as a DOCX embeds it: its font key and the obfuscated font, zipped.
struct EmbeddedFont {
    key: String,
    zipped: Arc<Vec<u8>>,
}

/// `font` subset to `chars`, obfuscated with its key and zipped with the package's time;
/// `None` for a face without TrueType or CFF outlines, which is not embedded.
fn embedded_font(
    font: &[u8],
    chars: &BTreeSet<char>,
    timestamp: i64,
) -> Result<Option<EmbeddedFont>, String> {
    let mut data = match embed::subset(font, chars) {
        Ok(data) => data,
        Err(embed::EmbedError::NotTrueType) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let key = embed::font_key(&data);
    embed::obfuscate(&mut data, &key);
    let entry = [("font.odttf".to_owned(), data.as_slice())];
    let zipped = crate::archive::zip(entry, crate::timestamp::Timestamp::from_unix(timestamp))
        .map_err(|e| format!("cannot zip the font: {e}"))?;
    Ok(Some(EmbeddedFont {
        key,
        zipped: Arc::new(zipped),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, FooterPiece, Inline, Metadata, Para, Part, PartKind};
    use std::io::Read;

    fn pack(text: &str) -> AppealPack {
        AppealPack {
            alert_id: "t".into(),
            locale: "en".into(),
            direction: Direction::Ltr,
            language_name: "English".into(),
            fonts: vec!["Noto Sans".into()],
            meta: Metadata {
                title: "T <&>".into(),
                subtitle: None,
                subject: None,
                author: None,
            },
            band: None,
            issued: None,
            act_before: None,
            footer: vec![FooterPiece::Text("Page ".into()), FooterPiece::Page],
            numbers: crate::model::Numbers::new("en"),
            parts: vec![Part {
                id: "p".into(),
                kind: PartKind::Section,
                canonical: false,
                new_page: false,
                kicker: None,
                heading: None,
                outline: None,
                blocks: vec![Block::Paragraph(Para {
                    source: "m".into(),
                    inlines: vec![Inline::plain(text)],
                })],
            }],
            fallbacks: Vec::new(),
            names: Vec::new(),
            web: None,
            address_table: Default::default(),
        }
    }

    fn document(bytes: &[u8]) -> String {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut text = String::new();
        archive
            .by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    }

    #[test]
    fn hostile_text_is_escaped_stripped_or_kept_as_it_should() {
        let fonts =
            FontLibrary::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts"))
                .unwrap();
        let text = "a\u{202E}bc\u{200D}d <x> & ]]> \u{1}\u{B}\u{FFFF}e";
        let bytes = render(&pack(text), &fonts, &RenderOptions::default())
            .unwrap()
            .bytes;
        let raw = document(&bytes);
        assert!(
            !raw.contains("]]>") && !raw.contains('\u{202E}') && !raw.contains('\u{1}'),
            "{raw}"
        );
        let root = xml::parse(raw.as_bytes()).unwrap();
        let mut texts = Vec::new();
        root.walk(&mut |e| {
            if e.name == "w:t" {
                texts.push(e.text());
            }
        });
        // The override is dropped (it would reverse its neighbours in Word); the joiner stays.
        assert_eq!(texts, ["T <&>", "abc\u{200D}d <x> & ]]>  e"]);
    }
}
