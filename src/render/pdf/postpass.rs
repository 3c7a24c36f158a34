//! The finishing pass with lopdf: catalog (`/Lang`, outline, viewer preferences, structure),
//! document information, a version header, no PDF/X label, and a content-derived `/ID`.

use std::collections::HashSet;

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};
use sha2::{Digest, Sha256};

use super::archival;
use super::document::LaidOutDocument;
use super::save;
use super::tagging::{self, PageTags};
use crate::render::RenderOptions;
use crate::timestamp::Timestamp;

/// Written in place of the `/ID` strings, then replaced by a hash of the file.
const ID_PLACEHOLDER: [u8; 16] = *b"appealpack-id-00";

pub(super) fn finish(
    mut doc: Document,
    document: &LaidOutDocument,
    tags: &[PageTags],
    options: &RenderOptions,
) -> Result<Vec<u8>, String> {
    // PDF/UA-1 and PDF/A-2 are built on ISO 32000-1 (PDF 1.7); `/Tabs` is a PDF 1.5 feature.
    doc.version = "1.7".into();

    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    indirect_annotations(&mut doc, &pages, tags)?;
    let outline = build_outline(&mut doc, document, &pages);

    let info_id = doc.add_object(Object::Dictionary(info(document, options)));
    let root_id = catalog_id(&doc)?;
    let catalog = doc.get_dictionary_mut(root_id).map_err(|e| e.to_string())?;
    catalog.set(
        "Lang",
        Object::String(document.locale.as_bytes().to_vec(), StringFormat::Literal),
    );
    let mut preferences = Dictionary::new();
    preferences.set("DisplayDocTitle", Object::Boolean(true));
    catalog.set("ViewerPreferences", Object::Dictionary(preferences));
    catalog.remove(b"Outlines");
    catalog.set("PageMode", Object::Name(b"UseNone".to_vec()));
    if let Some(outline) = outline {
        catalog.set("Outlines", Object::Reference(outline));
        catalog.set("PageMode", Object::Name(b"UseOutlines".to_vec()));
    }

    // printpdf's info dictionary carries a GTS_PDFXVersion the file does not honour: replace it.
    if let Ok(old) = doc.trailer.get(b"Info").and_then(Object::as_reference) {
        doc.objects.remove(&old);
    }
    doc.trailer.set("Info", Object::Reference(info_id));
    let placeholder = Object::String(ID_PLACEHOLDER.to_vec(), StringFormat::Hexadecimal);
    doc.trailer
        .set("ID", Object::Array(vec![placeholder.clone(), placeholder]));
    doc.prune_objects();
    doc.renumber_objects();
    // The structure tree and the archival parts come after the renumbering, numbered from the
    // last object on: pruning and renumbering walk every object, and the tree has hundreds.
    tag(&mut doc, document, tags)?;
    let root_id = catalog_id(&doc)?;
    archival::add(&mut doc, root_id, document, options)?;
    // One compressor serves every stream: setting one up (its window and tables) costs as
    // much as deflating a small stream.
    let mut deflate = flate2::Compress::new(flate2::Compression::default(), true);
    compress(&mut doc, &mut deflate);

    // About the size of the English pack: one allocation for most packs.
    let mut out = Vec::with_capacity(64 * 1024);
    // Object streams: the structure tree is hundreds of small dictionaries, which deflate to a
    // fifth of their size together (PDF 1.5; PDF/A-2 allows them).
    let last = save::write(&doc, &mut deflate, &mut out)?;
    set_id(&mut out, last)?;
    Ok(out)
}

/// The structure tree, `/Tabs /S` on every page (tab order by structure, PDF/UA-1 7.18.3), and
/// `/MarkInfo` and `/StructTreeRoot` on the catalog.
fn tag(doc: &mut Document, document: &LaidOutDocument, tags: &[PageTags]) -> Result<(), String> {
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut annotations = Vec::with_capacity(pages.len());
    for &page in &pages {
        let dict = doc.get_dictionary_mut(page).map_err(|e| e.to_string())?;
        dict.set("Tabs", Object::Name(b"S".to_vec()));
        let annots = dict.get(b"Annots").and_then(Object::as_array);
        let ids = annots
            .map(|a| a.iter().filter_map(|o| o.as_reference().ok()).collect())
            .unwrap_or_default();
        annotations.push(ids);
    }
    let tree = tagging::write(doc, &document.structure, tags, &pages, &annotations);
    let root_id = catalog_id(doc)?;
    let catalog = doc.get_dictionary_mut(root_id).map_err(|e| e.to_string())?;
    let mut mark_info = Dictionary::new();
    mark_info.set("Marked", Object::Boolean(true));
    catalog.set("MarkInfo", Object::Dictionary(mark_info));
    catalog.set("StructTreeRoot", Object::Reference(tree));
    Ok(())
}

/// Deflates every stream printpdf left uncompressed, at a level for its kind (measured on the
/// nine packs, decision 0016): page content streams at 6, since every lower level makes the
/// packs 3.5 % larger or more; font programs at 2, within 1 % of level 6 for half its
/// time; the small rest (ToUnicode, the ICC profile) at 1.
fn compress(doc: &mut Document, deflate: &mut flate2::Compress) {
    let contents: HashSet<ObjectId> = doc
        .page_iter()
        .filter_map(|page| doc.get_dictionary(page).ok()?.get(b"Contents").ok())
        .filter_map(|contents| contents.as_reference().ok())
        .collect();
    for (id, object) in doc.objects.iter_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let metadata = stream.dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Metadata");
        if stream.dict.has(b"Filter") || metadata {
            continue;
        }
        // A `FontFile2` has `/Length1`, a `FontFile3` its `/Subtype`.
        let level = if contents.contains(id) {
            6
        } else if stream.dict.has(b"Length1") || stream.dict.has(b"Subtype") {
            2
        } else {
            1
        };
        deflate.reset();
        // Before any input the level changes without output.
        if deflate.set_level(flate2::Compression::new(level)).is_err() {
            continue;
        }
        // Deflate's worst case is a few bytes per 16 KiB block over the input, plus zlib's
        // header and checksum.
        let mut data = Vec::with_capacity(stream.content.len() + stream.content.len() / 64 + 64);
        let done = deflate.compress_vec(&stream.content, &mut data, flate2::FlushCompress::Finish);
        if !matches!(done, Ok(flate2::Status::StreamEnd)) {
            continue;
        }
        if data.len() < stream.content.len() {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(data);
        }
    }
}

/// printpdf writes link annotations inline in `/Annots`; ISO 32000-1 (table 30) wants
/// indirect references there, and readers such as lopdf only follow references. Each says
/// what it opens (`/Contents`, PDF/UA-1 7.18.1: the link's text) and is printed (`/F 4`,
/// PDF/A-2 6.3.2). Empty `/Annots` arrays are dropped.
fn indirect_annotations(
    doc: &mut Document,
    pages: &[ObjectId],
    tags: &[PageTags],
) -> Result<(), String> {
    for (index, &page) in pages.iter().enumerate() {
        let mut texts = tags.get(index).map(|t| t.links.iter());
        let annots = doc
            .get_dictionary(page)
            .ok()
            .and_then(|d| d.get(b"Annots").ok())
            .and_then(|a| a.as_array().ok())
            .cloned()
            .unwrap_or_default();
        let mut references = Vec::with_capacity(annots.len());
        for annot in annots {
            match annot {
                Object::Dictionary(mut dict) => {
                    dict.set("P", Object::Reference(page));
                    dict.set("F", Object::Integer(4));
                    let text = texts
                        .as_mut()
                        .and_then(Iterator::next)
                        .and_then(|t| t.1.clone());
                    let uri = dict
                        .get(b"A")
                        .and_then(Object::as_dict)
                        .and_then(|a| a.get(b"URI"))
                        .and_then(Object::as_str)
                        .map(|u| String::from_utf8_lossy(u).into_owned());
                    if let Some(contents) = text.or(uri.ok()) {
                        dict.set("Contents", self::text(&contents));
                    }
                    references.push(Object::Reference(doc.add_object(Object::Dictionary(dict))));
                }
                other => references.push(other),
            }
        }
        let dict = doc.get_dictionary_mut(page).map_err(|e| e.to_string())?;
        if references.is_empty() {
            dict.remove(b"Annots");
        } else {
            dict.set("Annots", Object::Array(references));
        }
    }
    Ok(())
}

/// Replaces both `/ID` strings with the first 16 bytes of the SHA-256 of the file as written:
/// identical content gives an identical identifier.
fn set_id(out: &mut [u8], objects: u32) -> Result<(), String> {
    let hex: String = ID_PLACEHOLDER.iter().map(|b| format!("{b:02X}")).collect();
    let needle = format!("<{hex}>");
    let digest = Sha256::digest(&*out);
    let id: String = digest.iter().take(16).map(|b| format!("{b:02X}")).collect();
    let mut found = 0;
    // In the cross-reference stream's dictionary, before its table (7 bytes an object).
    let mut from = out.len().saturating_sub(4096 + 7 * (objects as usize + 1));
    while let Some(at) = find(&out[from..], needle.as_bytes()) {
        let start = from + at + 1;
        out[start..start + hex.len()].copy_from_slice(id.as_bytes());
        from = start + hex.len();
        found += 1;
    }
    if found == 2 {
        Ok(())
    } else {
        Err("the file identifier was not written".into())
    }
}

/// The catalog's object id: the trailer's `/Root`.
fn catalog_id(doc: &Document) -> Result<ObjectId, String> {
    doc.trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(|e| e.to_string())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
}

/// A text string: PDFDocEncoding is ASCII-compatible, anything else is UTF-16BE with a BOM.
pub(super) fn text(value: &str) -> Object {
    if value.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        Object::String(value.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in value.encode_utf16() {
            bytes.extend_from_slice(&unit.to_be_bytes());
        }
        // Literal, not hexadecimal: half the bytes, and lopdf formats each byte of a hex
        // string through `write!` (a fifth of an Arabic pack's instructions went there, the
        // structure tree's `/ActualText` of every right-to-left run). Bytes that would end or
        // break a literal string are escaped by lopdf.
        Object::String(bytes, StringFormat::Literal)
    }
}

fn info(document: &LaidOutDocument, options: &RenderOptions) -> Dictionary {
    let mut info = Dictionary::new();
    info.set("Title", text(&document.title));
    if let Some(author) = &document.author {
        info.set("Author", text(author));
    }
    if let Some(subject) = &document.subject {
        info.set("Subject", text(subject));
    }
    info.set("Creator", text(&options.producer));
    info.set("Producer", text(&archival::producer(options)));
    let date = Object::String(
        Timestamp::from_unix(options.timestamp).pdf().into_bytes(),
        StringFormat::Literal,
    );
    info.set("CreationDate", date.clone());
    info.set("ModDate", date);
    info
}

/// The outline: level-0 entries with their level-1 children, each pointing at its place on
/// its page.
fn build_outline(
    doc: &mut Document,
    document: &LaidOutDocument,
    pages: &[ObjectId],
) -> Option<ObjectId> {
    let marks: Vec<_> = document
        .bookmarks
        .iter()
        .filter(|b| b.page < pages.len())
        .collect();
    if marks.is_empty() {
        return None;
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = marks.iter().map(|_| doc.new_object_id()).collect();
    let height = document.page_size.1;
    // Parent of each entry: the root, or the nearest earlier level-0 entry.
    let parents: Vec<Option<usize>> = marks
        .iter()
        .enumerate()
        .map(|(i, m)| {
            if m.level == 0 {
                None
            } else {
                (0..i).rev().find(|&j| marks[j].level == 0)
            }
        })
        .collect();
    let children = |parent: Option<usize>| -> Vec<usize> {
        (0..marks.len()).filter(|&i| parents[i] == parent).collect()
    };
    let mut dicts: Vec<Dictionary> = Vec::with_capacity(marks.len());
    for (i, mark) in marks.iter().enumerate() {
        let mut d = Dictionary::new();
        d.set("Title", text(&mark.title));
        d.set(
            "Parent",
            Object::Reference(parents[i].map_or(root, |p| ids[p])),
        );
        let top = (height - mark.y + 4.0).round();
        d.set(
            "Dest",
            Object::Array(vec![
                Object::Reference(pages[mark.page]),
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Integer(top as i64),
                Object::Null,
            ]),
        );
        dicts.push(d);
    }
    let link = |dicts: &mut Vec<Dictionary>, siblings: &[usize]| {
        for (k, &i) in siblings.iter().enumerate() {
            if k > 0 {
                dicts[i].set("Prev", Object::Reference(ids[siblings[k - 1]]));
            }
            if let Some(&next) = siblings.get(k + 1) {
                dicts[i].set("Next", Object::Reference(ids[next]));
            }
        }
    };
    let top_level = children(None);
    link(&mut dicts, &top_level);
    for &parent in &top_level {
        let kids = children(Some(parent));
        link(&mut dicts, &kids);
        if let (Some(&first), Some(&last)) = (kids.first(), kids.last()) {
            dicts[parent].set("First", Object::Reference(ids[first]));
            dicts[parent].set("Last", Object::Reference(ids[last]));
            // Positive: the entry opens showing its children.
            dicts[parent].set("Count", Object::Integer(kids.len() as i64));
        }
    }
    for (id, d) in ids.iter().zip(dicts) {
        doc.objects.insert(*id, Object::Dictionary(d));
    }
    let mut outlines = Dictionary::new();
    outlines.set("Type", Object::Name(b"Outlines".to_vec()));
    outlines.set("First", Object::Reference(ids[top_level[0]]));
    outlines.set(
        "Last",
        Object::Reference(ids[*top_level.last().expect("not empty")]),
    );
    outlines.set("Count", Object::Integer(marks.len() as i64));
    doc.objects.insert(root, Object::Dictionary(outlines));
    Some(root)
}
