//! The structure tree of a tagged PDF (ISO 32000-1 14.7–14.8, PDF/UA-1): elements, parent tree.
//!
//! The writer marks each element's text as marked content with an MCID, in stream order; this
//! pass writes the elements with their kids in the model's reading order (by the logical
//! position of their text on the page, not by where it is drawn: right-to-left lines are drawn
//! left to right), `OBJR`s for the link annotations, and the parent tree that maps each MCID and
//! annotation back to its element.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::document::{Role, StructElem};

/// One marked-content sequence of a page; its index on the page is its MCID.
#[derive(Debug, Clone)]
pub(super) struct Marked {
    /// The structure element it belongs to.
    pub element: usize,
    /// Where its text starts in the page's logical text (`usize::MAX` without text).
    pub order: usize,
    /// The text in logical order, for a right-to-left run: it gets a `Span` of its own with
    /// this `/ActualText`.
    pub actual_text: Option<String>,
}

/// What the writer tells the structure about one page.
#[derive(Debug, Clone, Default)]
pub(super) struct PageTags {
    /// By MCID.
    pub marked: Vec<Marked>,
    /// Per link annotation, in the page's `/Annots` order: its `Link` element and its text.
    pub links: Vec<(Option<usize>, Option<String>)>,
}

/// A kid of an element, with its place in reading order (page, position in the page's text).
#[derive(Debug, Clone, Copy)]
enum Kid {
    Content { page: usize, mcid: usize },
    Element(usize),
    Annotation { page: usize, annotation: ObjectId },
}

/// Writes the structure tree and the parent tree; returns the `StructTreeRoot`. `pages` and
/// `annotations` are the object ids of the pages and of each page's link annotations.
pub(super) fn write(
    doc: &mut Document,
    structure: &[StructElem],
    tags: &[PageTags],
    pages: &[ObjectId],
    annotations: &[Vec<ObjectId>],
) -> ObjectId {
    // The model's elements, then a Span for each right-to-left run.
    let mut structure: Vec<StructElem> = structure.to_vec();
    let mut actual_texts: Vec<Option<&str>> = vec![None; structure.len()];
    let mut kids: Vec<Vec<((usize, usize), Kid)>> = vec![Vec::new(); structure.len()];
    for (page, page_tags) in tags.iter().enumerate() {
        for (mcid, marked) in page_tags.marked.iter().enumerate() {
            if marked.element >= kids.len() {
                continue;
            }
            let mut element = marked.element;
            if let Some(text) = &marked.actual_text {
                structure.push(StructElem {
                    role: Role::Span,
                    parent: Some(element),
                    title: None,
                });
                actual_texts.push(Some(text));
                kids.push(Vec::new());
                element = structure.len() - 1;
            }
            kids[element].push(((page, marked.order), Kid::Content { page, mcid }));
        }
        for (&(tag, _), &annotation) in page_tags.links.iter().zip(&annotations[page]) {
            if let Some(k) = tag.and_then(|t| kids.get_mut(t)) {
                // After the link's text.
                k.push(((page, usize::MAX), Kid::Annotation { page, annotation }));
            }
        }
    }
    // Children come after their parents (a Span after the element it is in): from the last
    // element up, each one with content joins its parent at the place of its first content.
    for index in (1..structure.len()).rev() {
        let Some(first) = kids[index].iter().map(|k| k.0).min() else {
            continue;
        };
        if let Some(parent) = structure[index].parent.filter(|&p| p < index) {
            kids[parent].push((first, Kid::Element(index)));
        }
    }
    let root = doc.new_object_id();
    let ids: Vec<Option<ObjectId>> = (0..structure.len())
        .map(|i| (i == 0 || !kids[i].is_empty()).then(|| doc.new_object_id()))
        .collect();
    let structure = &structure;
    let mut parent_tree: Vec<Vec<Object>> = tags
        .iter()
        .map(|t| vec![Object::Null; t.marked.len()])
        .collect();
    let mut annotation_parents: Vec<(ObjectId, ObjectId)> = Vec::new();
    for (index, element) in structure.iter().enumerate() {
        let Some(id) = ids[index] else { continue };
        let list = &mut kids[index];
        // Stable: an annotation stays after the text it sits on.
        list.sort_by_key(|k| k.0);
        let home = list.iter().find_map(|(_, kid)| match kid {
            Kid::Content { page, .. } => Some(*page),
            _ => None,
        });
        let mut array = Vec::with_capacity(list.len());
        for &(_, kid) in list.iter() {
            array.push(match kid {
                Kid::Content { page, mcid } => {
                    parent_tree[page][mcid] = Object::Reference(id);
                    if Some(page) == home {
                        Object::Integer(mcid as i64)
                    } else {
                        let mut mcr = Dictionary::new();
                        mcr.set("Type", Object::Name(b"MCR".to_vec()));
                        mcr.set("Pg", Object::Reference(pages[page]));
                        mcr.set("MCID", Object::Integer(mcid as i64));
                        Object::Dictionary(mcr)
                    }
                }
                Kid::Element(child) => match ids[child] {
                    Some(child) => Object::Reference(child),
                    None => continue,
                },
                Kid::Annotation { page, annotation } => {
                    annotation_parents.push((annotation, id));
                    let mut objr = Dictionary::new();
                    objr.set("Type", Object::Name(b"OBJR".to_vec()));
                    objr.set("Pg", Object::Reference(pages[page]));
                    objr.set("Obj", Object::Reference(annotation));
                    Object::Dictionary(objr)
                }
            });
        }
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"StructElem".to_vec()));
        dict.set("S", Object::Name(element.role.name().as_bytes().to_vec()));
        let parent = element.parent.and_then(|p| ids.get(p).copied().flatten());
        dict.set("P", Object::Reference(parent.unwrap_or(root)));
        if let Some(page) = home {
            dict.set("Pg", Object::Reference(pages[page]));
        }
        if let Some(title) = &element.title {
            dict.set("T", super::postpass::text(title));
        }
        if element.role == Role::L {
            // The items' labels are drawn discs (artifacts): the list says what they are.
            let mut list = Dictionary::new();
            list.set("O", Object::Name(b"List".to_vec()));
            list.set("ListNumbering", Object::Name(b"Disc".to_vec()));
            dict.set("A", Object::Dictionary(list));
        }
        if let Some(actual) = actual_texts[index] {
            dict.set("ActualText", super::postpass::text(actual));
        }
        dict.set("K", Object::Array(array));
        doc.objects.insert(id, Object::Dictionary(dict));
    }

    // The parent tree: page i's MCIDs under key i, then one key per annotation.
    let mut nums = Vec::with_capacity(2 * (pages.len() + annotation_parents.len()));
    for (index, (&page, entries)) in pages.iter().zip(parent_tree).enumerate() {
        if entries.is_empty() {
            continue;
        }
        if let Ok(dict) = doc.get_dictionary_mut(page) {
            dict.set("StructParents", Object::Integer(index as i64));
        }
        nums.push(Object::Integer(index as i64));
        nums.push(Object::Array(entries));
    }
    let mut next = pages.len() as i64;
    for (annotation, element) in annotation_parents {
        if let Ok(dict) = doc.get_dictionary_mut(annotation) {
            dict.set("StructParent", Object::Integer(next));
        }
        nums.push(Object::Integer(next));
        nums.push(Object::Reference(element));
        next += 1;
    }
    let mut tree = Dictionary::new();
    tree.set("Nums", Object::Array(nums));
    let tree = doc.add_object(Object::Dictionary(tree));

    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"StructTreeRoot".to_vec()));
    if let Some(document) = ids.first().copied().flatten() {
        dict.set("K", Object::Reference(document));
    }
    dict.set("ParentTree", Object::Reference(tree));
    dict.set("ParentTreeNextKey", Object::Integer(next));
    doc.objects.insert(root, Object::Dictionary(dict));
    root
}
