//! Tagged PDF (PDF/UA-1) and PDF/A-2 metadata, for every locale of the fixture trees: the
//! structure tree through `qpdf --json` (kids resolvable, parents right, every MCID in the parent
//! tree, links with OBJR), the content streams (nothing drawn outside marked content or an
//! artifact), and `pdfinfo -struct-text` (the pack's text in reading order, no footer).

use crate::common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::Command;

use appealpack::model::AppealPack;
use appealpack::render::pdf;
use appealpack::render::{Paper, RenderOptions};
use common::layout::{fonts, pack};
use common::*;
use lopdf::content::Content;
use lopdf::{Document, Object};
use serde_json::Value;

/// Every locale of the fixture trees that are whole packs.
fn packs() -> Vec<(String, AppealPack)> {
    let mut out = Vec::new();
    for tree in ["scripts", "alert-observatory", "alert-karvania"] {
        let dir = fixture(tree);
        let loaded = appealpack::load::load(&dir).expect("the tree loads");
        for locale in &loaded.locales {
            out.push((format!("{tree}/{}", locale.id), pack(&dir, &locale.id)));
        }
    }
    out
}

fn render(pack: &AppealPack) -> Vec<u8> {
    let options = RenderOptions {
        paper: Paper::A4,
        ..RenderOptions::default()
    };
    pdf::render(pack, &fonts(), &options)
        .expect("the pack renders")
        .bytes
}

/// Every character but whitespace, soft hyphens (poppler drops those, and joins lines) and
/// joiners (ZWNJ in Persian draws nothing, so no glyph carries it).
fn letters(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\u{AD}' | '\u{200C}' | '\u{200D}'))
        .collect()
}

/// The pack's paragraphs in reading order (as the PDF tests expect them back).
fn expected(pack: &AppealPack) -> String {
    let mut out: Vec<String> = Vec::new();
    let band = pack.band.as_ref().map_or(Vec::new(), |b| b.paras());
    out.extend(band.iter().map(|p| p.text()));
    let visible = |t: &str| -> String {
        t.chars()
            .filter(|c| !crate::common::is_bidi_control(*c))
            .collect()
    };
    out.push(visible(&pack.meta.title));
    out.extend(pack.meta.subtitle.as_deref().map(visible));
    out.extend(pack.paras().skip(band.len()).map(|p| p.text()));
    letters(&out.concat())
}

/// The objects of a PDF as qpdf's JSON (version 2) gives them, by reference ("12 0 R").
struct Objects(BTreeMap<String, Value>);

impl Objects {
    fn read(path: &Path) -> Self {
        let output = Command::new("qpdf")
            .args(["--json=2", "--json-key=qpdf"])
            .arg(path)
            .output()
            .expect("qpdf runs");
        assert!(output.status.success(), "{}", stderr(&output));
        let json: Value = serde_json::from_slice(&output.stdout).expect("qpdf prints JSON");
        let mut map = BTreeMap::new();
        for (key, value) in json["qpdf"][1].as_object().expect("objects").iter() {
            let key = key.strip_prefix("obj:").unwrap_or(key).to_owned();
            let value = value
                .get("value")
                .cloned()
                .or_else(|| value.get("stream").and_then(|s| s.get("dict")).cloned())
                .unwrap_or(Value::Null);
            map.insert(key, value);
        }
        Self(map)
    }

    fn get(&self, reference: &Value) -> &Value {
        reference
            .as_str()
            .and_then(|r| self.0.get(r))
            .unwrap_or_else(|| panic!("{reference} does not resolve"))
    }
}

/// What the content streams hold: each page's MCIDs, and anything drawn outside marked content.
fn marked_content(bytes: &[u8]) -> Vec<BTreeSet<i64>> {
    let doc = Document::load_mem(bytes).expect("lopdf reads the PDF");
    let mut pages = Vec::new();
    for (number, page) in doc.get_pages() {
        let content = Content::decode(&doc.get_page_content(page)).unwrap();
        let mut stack: Vec<Option<i64>> = Vec::new();
        // Whether the open sequences include an MCID or an artifact.
        let mut tagged: Vec<bool> = Vec::new();
        let mut mcids = BTreeSet::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BMC" | "BDC" => {
                    let tag = op.operands[0].as_name().unwrap_or_default();
                    let mcid = op
                        .operands
                        .get(1)
                        .and_then(|p| p.as_dict().ok())
                        .and_then(|d| d.get(b"MCID").ok())
                        .and_then(|m| m.as_i64().ok());
                    if let Some(mcid) = mcid {
                        assert!(mcids.insert(mcid), "page {number}: MCID {mcid} used twice");
                        assert!(
                            !stack.iter().any(Option::is_some),
                            "page {number}: MCID {mcid} nested in another"
                        );
                    }
                    stack.push(mcid);
                    tagged.push(mcid.is_some() || tag == b"Artifact");
                }
                "EMC" => {
                    stack.pop().expect("EMC closes a sequence");
                    tagged.pop();
                }
                "TJ" | "Tj" | "'" | "\"" | "f" | "F" | "f*" | "S" | "s" | "B" | "B*" | "b"
                | "b*" | "Do" | "sh" => assert!(
                    tagged.iter().any(|t| *t),
                    "page {number}: `{}` draws outside marked content",
                    op.operator
                ),
                _ => {}
            }
        }
        assert!(stack.is_empty(), "page {number}: marked content left open");
        pages.push(mcids);
    }
    pages
}

/// A leaf of the structure tree in reading order: a right-to-left run's `/ActualText`, or
/// marked content whose text pdfinfo gives.
enum Leaf {
    Actual(String),
    Content,
}

struct Tree {
    roles: BTreeSet<String>,
    /// (page index, MCID) → the element's reference.
    content: BTreeMap<(usize, i64), String>,
    /// Annotation reference → its Link element.
    annotations: BTreeMap<String, String>,
    leaves: Vec<Leaf>,
}

fn text_string(value: &Value) -> String {
    let s = value.as_str().expect("a string");
    s.strip_prefix("u:").unwrap_or(s).to_owned()
}

/// Walks the structure tree from `/StructTreeRoot`, checking each element's parent and kids.
fn walk(objects: &Objects, catalog: &Value, pages: &[String]) -> Tree {
    let root_ref = catalog["/StructTreeRoot"].clone();
    let root = objects.get(&root_ref);
    assert_eq!(root["/Type"], "/StructTreeRoot");
    let mut tree = Tree {
        roles: BTreeSet::new(),
        content: BTreeMap::new(),
        annotations: BTreeMap::new(),
        leaves: Vec::new(),
    };
    let page_index = |r: &Value| -> usize {
        let r = r.as_str().expect("/Pg is a reference");
        pages.iter().position(|p| p == r).expect("/Pg is a page")
    };
    fn visit(
        objects: &Objects,
        reference: &str,
        parent: &str,
        tree: &mut Tree,
        page_index: &dyn Fn(&Value) -> usize,
    ) {
        let element = objects.get(&Value::from(reference));
        assert_eq!(element["/Type"], "/StructElem", "{reference}");
        assert_eq!(element["/P"], parent, "{reference}'s parent");
        let role = element["/S"].as_str().expect("/S").trim_start_matches('/');
        tree.roles.insert(role.to_owned());
        let actual = element.get("/ActualText").map(text_string);
        let kids = match &element["/K"] {
            Value::Array(kids) => kids.clone(),
            Value::Null => Vec::new(),
            kid => vec![kid.clone()],
        };
        assert!(!kids.is_empty(), "{role} {reference} has no kids");
        for kid in &kids {
            let content = |page: usize, mcid: i64, tree: &mut Tree| {
                let previous = tree.content.insert((page, mcid), reference.to_owned());
                assert!(
                    previous.is_none(),
                    "MCID {mcid} of page {page} in two elements"
                );
                tree.leaves.push(match &actual {
                    Some(text) => Leaf::Actual(text.clone()),
                    None => Leaf::Content,
                });
            };
            match kid {
                Value::Number(mcid) => {
                    let page = page_index(&element["/Pg"]);
                    content(page, mcid.as_i64().unwrap(), tree);
                }
                Value::String(child) => visit(objects, child, reference, tree, page_index),
                Value::Object(dict) if dict["/Type"] == "/MCR" => {
                    let page = page_index(&dict["/Pg"]);
                    content(page, dict["/MCID"].as_i64().unwrap(), tree);
                }
                Value::Object(dict) if dict["/Type"] == "/OBJR" => {
                    assert_eq!(role, "Link", "an OBJR sits in a Link");
                    let annotation = dict["/Obj"].as_str().unwrap().to_owned();
                    objects.get(&dict["/Obj"]);
                    tree.annotations.insert(annotation, reference.to_owned());
                }
                other => panic!("{role} {reference} has a kid that does not resolve: {other}"),
            }
        }
    }
    let document = root["/K"].as_str().expect("one document element");
    visit(
        objects,
        document,
        root_ref.as_str().unwrap(),
        &mut tree,
        &page_index,
    );
    tree
}

/// The text `pdfinfo -struct-text` gives for each piece of marked content, in tree order, and
/// the structure types it prints.
fn pdfinfo_struct(path: &Path) -> (Vec<String>, String) {
    let output = Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(path)
        .output()
        .expect("pdfinfo runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    let texts = out
        .lines()
        .map(str::trim)
        .filter(|l| l.len() >= 2 && l.starts_with('"') && l.ends_with('"'))
        .map(|l| l[1..l.len() - 1].to_owned())
        .collect();
    (texts, out)
}

#[test]
fn every_locale_is_tagged_with_its_text_in_reading_order() {
    if !have_tool("qpdf") || !have_tool("pdfinfo") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    // The packs two at a time: qpdf and pdfinfo per pack made this the suite's longest test.
    let packs = packs();
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..2 {
            scope.spawn(|| {
                let mut index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                while let Some((name, pack)) = packs.get(index) {
                    assert_tagged(name, pack, &dir.path().join(format!("pack-{index}.pdf")));
                    index = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                }
            });
        }
    });
}

/// The tagging of one pack's PDF, written to `path` for qpdf and pdfinfo: see the test above.
fn assert_tagged(name: &str, pack: &AppealPack, path: &Path) {
    let bytes = render(pack);
    std::fs::write(path, &bytes).unwrap();
    let objects = Objects::read(path);
    let trailer = &objects.0["trailer"];
    let catalog = objects.get(&trailer["/Root"]);
    assert_eq!(catalog["/MarkInfo"]["/Marked"], true, "{name}");
    assert_eq!(catalog["/Lang"], format!("u:{}", pack.locale), "{name}");
    assert_eq!(catalog["/ViewerPreferences"]["/DisplayDocTitle"], true);
    let pages: Vec<String> = objects.get(&catalog["/Pages"])["/Kids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_owned())
        .collect();

    let tree = walk(&objects, catalog, &pages);
    for role in ["Document", "H1", "H2", "P", "L", "LI", "LBody", "Link"] {
        assert!(tree.roles.contains(role), "{name}: no {role} element");
    }

    // The content streams and the tree name the same MCIDs, and the parent tree maps
    // each back to its element; each link annotation to its Link element.
    let drawn = marked_content(&bytes);
    let in_streams: BTreeSet<(usize, i64)> = drawn
        .iter()
        .enumerate()
        .flat_map(|(p, m)| m.iter().map(move |&m| (p, m)))
        .collect();
    let in_tree: BTreeSet<(usize, i64)> = tree.content.keys().copied().collect();
    assert_eq!(
        in_streams, in_tree,
        "{name}: MCIDs of the streams and of the tree"
    );
    let root = objects.get(&catalog["/StructTreeRoot"]);
    let nums = objects.get(&root["/ParentTree"])["/Nums"]
        .as_array()
        .expect("a flat number tree")
        .clone();
    let parents: BTreeMap<i64, Value> = nums
        .chunks(2)
        .map(|pair| (pair[0].as_i64().unwrap(), pair[1].clone()))
        .collect();
    for (index, page_ref) in pages.iter().enumerate() {
        let page = objects.get(&Value::from(page_ref.as_str()));
        assert_eq!(page["/Tabs"], "/S", "{name}: tab order by structure");
        let key = page["/StructParents"].as_i64().expect("/StructParents");
        let entries = parents[&key].as_array().expect("an array of elements");
        for (mcid, element) in entries.iter().enumerate() {
            assert_eq!(
                Some(element.as_str().unwrap()),
                tree.content.get(&(index, mcid as i64)).map(String::as_str),
                "{name}: page {index}, MCID {mcid} in the parent tree"
            );
        }
        assert_eq!(entries.len(), drawn[index].len(), "{name}: page {index}");
        for annotation in page["/Annots"].as_array().into_iter().flatten() {
            let dict = objects.get(annotation);
            assert_eq!(dict["/Subtype"], "/Link");
            assert!(
                !text_string(&dict["/Contents"]).is_empty(),
                "{name}: /Contents"
            );
            assert_eq!(dict["/F"], 4, "{name}: printed");
            let key = dict["/StructParent"].as_i64().expect("/StructParent");
            let link = parents[&key].as_str().unwrap();
            assert_eq!(
                tree.annotations
                    .get(annotation.as_str().unwrap())
                    .map(String::as_str),
                Some(link),
                "{name}: the annotation's Link element holds its OBJR"
            );
        }
    }

    // pdfinfo reads the tree back: the pack's text in reading order (a right-to-left run
    // by its /ActualText, as a screen reader takes it), and no footer.
    let (texts, printed) = pdfinfo_struct(path);
    assert_eq!(texts.len(), tree.leaves.len(), "{name}: one text per MCID");
    let read: String = tree
        .leaves
        .iter()
        .zip(&texts)
        .map(|(leaf, text)| match leaf {
            Leaf::Actual(actual) => actual.as_str(),
            Leaf::Content => text.as_str(),
        })
        .collect();
    let want = expected(pack);
    let got = letters(&read);
    if got != want {
        let at = got
            .chars()
            .zip(want.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let around = |s: &str| {
            s.chars()
                .skip(at.saturating_sub(40))
                .take(80)
                .collect::<String>()
        };
        panic!(
            "{name}: the structure's text differs at {at}\n   got: {}\n  want: {}",
            around(&got),
            around(&want)
        );
    }
    for page in 1..=pages.len() {
        let footer = normalise(&pack.footer_text(page, pages.len()));
        assert!(
            !texts.iter().any(|t| normalise(t) == footer),
            "{name}: the footer of page {page} is in the structure"
        );
    }
    for role in ["H1", "H2", "L", "LI", "Link"] {
        assert!(printed.contains(role), "{name}: pdfinfo shows no {role}");
    }
}

#[test]
fn the_metadata_says_pdf_a_2u_and_pdf_ua_1_and_matches_the_info_dictionary() {
    let (_, pack) = packs().remove(0);
    let bytes = render(&pack);
    let doc = Document::load_mem(&bytes).unwrap();
    let catalog = doc.catalog().unwrap();
    let metadata = catalog
        .get(b"Metadata")
        .and_then(Object::as_reference)
        .unwrap();
    let stream = doc.get_object(metadata).unwrap().as_stream().unwrap();
    assert!(
        !stream.dict.has(b"Filter"),
        "PDF/A-2 wants the XMP unfiltered"
    );
    let xmp = String::from_utf8(stream.content.clone()).unwrap();
    for needle in [
        "<pdfaid:part>2</pdfaid:part>",
        "<pdfaid:conformance>U</pdfaid:conformance>",
        "<pdfuaid:part>1</pdfuaid:part>",
        "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>",
        "<xmp:CreateDate>2025-05-19T00:00:00Z</xmp:CreateDate>",
    ] {
        assert!(xmp.contains(needle), "no {needle} in\n{xmp}");
    }
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(Object::as_reference)
        .and_then(|r| doc.get_dictionary(r))
        .unwrap();
    let field = |key: &[u8]| -> String {
        let object = info.get(key).unwrap();
        lopdf::decode_text_string(object).unwrap()
    };
    assert_eq!(field(b"CreationDate"), "D:20250519000000Z");
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;");
    assert!(xmp.contains(&format!(
        "<rdf:li xml:lang=\"x-default\">{}</rdf:li>",
        escape(&field(b"Title"))
    )));
    assert!(xmp.contains(&format!(
        "<pdf:Producer>{}</pdf:Producer>",
        escape(&field(b"Producer"))
    )));
    assert!(xmp.contains(&format!(
        "<xmp:CreatorTool>{}</xmp:CreatorTool>",
        escape(&field(b"Creator"))
    )));
    if let Ok(author) = info.get(b"Author") {
        let author = lopdf::decode_text_string(author).unwrap();
        assert!(xmp.contains(&format!("<rdf:Seq><rdf:li>{}</rdf:li>", escape(&author))));
    }
    // The output intent: sRGB, three components, for PDF/A.
    let intents = catalog.get(b"OutputIntents").unwrap().as_array().unwrap();
    let intent = intents[0].as_dict().unwrap();
    assert_eq!(intent.get(b"S").unwrap().as_name().unwrap(), b"GTS_PDFA1");
    let profile = intent
        .get(b"DestOutputProfile")
        .and_then(Object::as_reference)
        .unwrap();
    let profile = doc.get_object(profile).unwrap().as_stream().unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 3);
    assert_eq!(&doc.version, "1.7");
}
