//! The post-pass over docx-rs's parts: what docx-rs cannot express, done once on the XML tree.
//!
//! Each step is a named tree transformation with its reason; the schema-order normaliser runs
//! last, over every part, so steps may append elements anywhere.
//! - direction: runs marked complex script (`w:rFonts w:hint="cs"`) get `w:rtl`; in a
//!   right-to-left pack, tables get `w:bidiVisual` and the section `w:bidi`;
//! - identifiers: docx-rs's paragraph ids come from a thread-local counter (`w14:paraId`), its
//!   hyperlink relationship ids from a process-global one; both are replaced by ids that depend
//!   only on the document;
//! - styles: the default style of each type gets `w:default="1"`, and the document defaults get
//!   the language (`w:lang`);
//! - numbering: definitions nothing refers to (docx-rs's own id 1) are dropped;
//! - clean-up: docx-rs writes an empty `w:rPr` into every run and `w:pPr` (invalid in styles and
//!   numbering levels), a bare second `Normal` style, and `w:type` on `w:gridCol`, which the
//!   schema does not declare.

use std::collections::{BTreeMap, BTreeSet};

use super::xml::Element;

pub(super) const HYPERLINK_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
pub(super) const FOOTER_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";

/// Pack-wide facts the post-pass needs.
pub(super) struct Context<'a> {
    pub rtl: bool,
    /// `w:lang`: `(w:val, w:bidi)`.
    pub language: (&'a str, Option<&'a str>),
    /// `(w:type, w:styleId)` of each default style.
    pub default_styles: &'a [(&'a str, &'a str)],
    /// The address table's caption (its section's heading), which accessibility checkers and
    /// screen readers announce with the table.
    pub address_caption: Option<&'a str>,
    /// Whether the address table's first row is its header row (`w:tblHeader`, which docx-rs
    /// cannot write).
    pub address_header: bool,
    /// The address table's description, with the caption Word's "Alt Text" for the table.
    pub address_description: Option<&'a str>,
}

/// A relationship of the main document part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Relationship {
    pub id: String,
    pub kind: String,
    pub target: String,
    pub external: bool,
}

/// docx-rs's relationships, by id.
pub(super) fn relationships(rels: &Element) -> BTreeMap<String, Relationship> {
    rels.elements()
        .filter(|e| e.name == "Relationship")
        .filter_map(|e| {
            Some(Relationship {
                id: e.get_attr("Id")?.to_owned(),
                kind: e.get_attr("Type")?.to_owned(),
                target: e.get_attr("Target")?.to_owned(),
                external: e.get_attr("TargetMode") == Some("External"),
            })
        })
        .map(|r| (r.id.clone(), r))
        .collect()
}

/// Gives every `r:id` in `root` a stable id (`rIdLink1`… for links, in order of first use,
/// one per target; `rIdFooter1`… for footers) and returns the relationships it now needs.
pub(super) fn renumber_relationships(
    root: &mut Element,
    old: &BTreeMap<String, Relationship>,
) -> Result<Vec<Relationship>, String> {
    let mut used: Vec<Relationship> = Vec::new();
    let mut error = None;
    root.walk_mut(&mut |element| {
        let Some(id) = element.get_attr("r:id") else {
            return;
        };
        let Some(relationship) = old.get(id) else {
            error.get_or_insert_with(|| {
                format!("`{}` refers to a missing relationship `{id}`", element.name)
            });
            return;
        };
        let existing = used
            .iter()
            .find(|r| r.kind == relationship.kind && r.target == relationship.target);
        let new_id = match existing {
            Some(r) => r.id.clone(),
            None => {
                let prefix = match relationship.kind.as_str() {
                    HYPERLINK_TYPE => "rIdLink",
                    FOOTER_TYPE => "rIdFooter",
                    _ => "rIdPart",
                };
                let n = used.iter().filter(|r| r.id.starts_with(prefix)).count() + 1;
                let id = format!("{prefix}{n}");
                used.push(Relationship {
                    id: id.clone(),
                    ..relationship.clone()
                });
                id
            }
        };
        element.set_attr("r:id", new_id);
    });
    match error {
        Some(error) => Err(error),
        None => Ok(used),
    }
}

/// Transformations of the main document and footer parts.
pub(super) fn content(root: &mut Element, context: &Context<'_>) {
    drop_empty_properties(root);
    root.walk_mut(&mut |element| {
        // Collaboration ids, never needed for a fresh document.
        element.remove_attr("w14:paraId");
        element.remove_attr("w14:textId");
        match element.name.as_str() {
            "w:r" => {
                let complex = element
                    .find("w:rPr")
                    .and_then(|p| p.find("w:rFonts"))
                    .is_some_and(|f| f.get_attr("w:hint") == Some("cs"));
                if complex {
                    element.ensure("w:rPr").ensure("w:rtl");
                }
            }
            "w:gridCol" => element.remove_attr("w:type"),
            "w:tbl" => {
                let properties = element.ensure("w:tblPr");
                if context.rtl {
                    properties.ensure("w:bidiVisual");
                }
                let style = properties
                    .find("w:tblStyle")
                    .and_then(|s| s.get_attr("w:val"));
                if style != Some(super::styles::id::ADDRESS_TABLE) {
                    return;
                }
                if let Some(caption) = context.address_caption {
                    properties.ensure("w:tblCaption").set_attr("w:val", caption);
                }
                if let Some(description) = context.address_description {
                    properties
                        .ensure("w:tblDescription")
                        .set_attr("w:val", description);
                }
                if context.address_header
                    && let Some(row) = element.elements_mut().find(|e| e.name == "w:tr")
                {
                    row.ensure("w:trPr").ensure("w:tblHeader");
                }
            }
            "w:sectPr" if context.rtl => {
                element.ensure("w:bidi");
            }
            _ => {}
        }
    });
}

/// Property containers that carry nothing, everywhere below `root` (deepest first, so a `w:pPr`
/// holding only an empty `w:rPr` goes too).
pub(super) fn drop_empty_properties(root: &mut Element) {
    for child in root.elements_mut() {
        drop_empty_properties(child);
    }
    root.retain_elements(|e| {
        !(matches!(e.name.as_str(), "w:rPr" | "w:pPr" | "w:tcPr" | "w:trPr")
            && e.children.is_empty()
            && e.attrs.is_empty())
    });
}

pub(super) fn styles(root: &mut Element, context: &Context<'_>) {
    // One definition per style id: docx-rs writes a bare `Normal` before ours, and the last wins.
    let mut seen = BTreeSet::new();
    root.children.reverse();
    root.retain_elements(|e| {
        e.name != "w:style" || seen.insert(e.get_attr("w:styleId").unwrap_or("").to_owned())
    });
    root.children.reverse();
    for style in root.elements_mut().filter(|e| e.name == "w:style") {
        let key = (
            style.get_attr("w:type").unwrap_or(""),
            style.get_attr("w:styleId").unwrap_or(""),
        );
        if context
            .default_styles
            .iter()
            .any(|(kind, id)| (*kind, *id) == key)
        {
            style.set_attr("w:default", "1");
        }
    }
    let mut lang = Element::new("w:lang").attr("w:val", context.language.0);
    if let Some(east_asia) = super::lang::east_asian(context.language.0) {
        lang.set_attr("w:eastAsia", east_asia);
    }
    if let Some(bidi) = context.language.1 {
        lang.set_attr("w:bidi", bidi);
    }
    let defaults = root.ensure("w:docDefaults");
    defaults
        .ensure("w:rPrDefault")
        .ensure("w:rPr")
        .replace(lang);
}

/// Keeps only the numbering definitions that `referenced` (numIds in use) need.
pub(super) fn numbering(root: &mut Element, referenced: &BTreeSet<String>) {
    let mut abstracts = BTreeSet::new();
    root.retain_elements(|e| {
        if e.name != "w:num" {
            return true;
        }
        let keep = e
            .get_attr("w:numId")
            .is_some_and(|id| referenced.contains(id));
        if keep && let Some(id) = e.find("w:abstractNumId").and_then(|a| a.get_attr("w:val")) {
            abstracts.insert(id.to_owned());
        }
        keep
    });
    root.retain_elements(|e| {
        e.name != "w:abstractNum"
            || e.get_attr("w:abstractNumId")
                .is_some_and(|id| abstracts.contains(id))
    });
}

/// Every `w:numId` value a part refers to.
pub(super) fn referenced_numbering(root: &Element, into: &mut BTreeSet<String>) {
    root.walk(&mut |e| {
        if e.name == "w:numId"
            && let Some(id) = e.get_attr("w:val")
        {
            into.insert(id.to_owned());
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::docx::xml::parse;

    fn context() -> Context<'static> {
        Context {
            rtl: true,
            language: ("ar-SA", Some("ar-SA")),
            default_styles: &[("paragraph", "Normal")],
            address_caption: Some("Addresses"),
            address_header: true,
            address_description: Some("Who to write to, and how"),
        }
    }

    #[test]
    fn complex_script_runs_become_right_to_left() {
        let mut root = parse(
            r#"<w:body w14:paraId="0000002A"><w:p><w:r><w:rPr><w:rFonts w:hint="cs"/></w:rPr><w:t>نص</w:t></w:r><w:r><w:rPr/><w:t>abc</w:t></w:r></w:p><w:tbl><w:tblPr/></w:tbl><w:sectPr/></w:body>"#
                .as_bytes(),
        )
        .unwrap();
        content(&mut root, &context());
        let runs: Vec<&Element> = root.find("w:p").unwrap().elements().collect();
        assert!(runs[0].find("w:rPr").unwrap().find("w:rtl").is_some());
        assert!(runs[1].find("w:rPr").is_none());
        assert!(
            root.find("w:tbl")
                .unwrap()
                .find("w:tblPr")
                .unwrap()
                .find("w:bidiVisual")
                .is_some()
        );
        assert!(root.find("w:sectPr").unwrap().find("w:bidi").is_some());
        assert_eq!(root.get_attr("w14:paraId"), None);
    }

    #[test]
    fn the_address_table_and_only_it_gets_its_caption() {
        let mut root = parse(
            r#"<w:body><w:tbl><w:tblPr><w:tblStyle w:val="AddressTable"/></w:tblPr></w:tbl><w:tbl><w:tblPr/></w:tbl></w:body>"#
                .as_bytes(),
        )
        .unwrap();
        content(&mut root, &context());
        let captions: Vec<Option<&str>> = root
            .elements()
            .map(|t| {
                t.find("w:tblPr")
                    .and_then(|p| p.find("w:tblCaption"))
                    .and_then(|c| c.get_attr("w:val"))
            })
            .collect();
        assert_eq!(captions, [Some("Addresses"), None]);
    }

    #[test]
    fn the_address_table_gets_its_description_and_header_row() {
        let mut root = parse(
            r#"<w:body><w:tbl><w:tblPr><w:tblStyle w:val="AddressTable"/></w:tblPr><w:tr><w:trPr><w:cantSplit/></w:trPr></w:tr><w:tr/></w:tbl><w:tbl><w:tblPr/><w:tr/></w:tbl></w:body>"#
                .as_bytes(),
        )
        .unwrap();
        content(&mut root, &context());
        let tables: Vec<&Element> = root.elements().collect();
        let properties = tables[0].find("w:tblPr").unwrap();
        assert_eq!(
            properties
                .find("w:tblDescription")
                .and_then(|d| d.get_attr("w:val")),
            Some("Who to write to, and how")
        );
        let headers: Vec<bool> = tables
            .iter()
            .flat_map(|t| t.elements().filter(|e| e.name == "w:tr"))
            .map(|row| {
                row.find("w:trPr")
                    .and_then(|p| p.find("w:tblHeader"))
                    .is_some()
            })
            .collect();
        assert_eq!(
            headers,
            [true, false, false],
            "only the address table's first row"
        );
        assert!(
            tables[1]
                .find("w:tblPr")
                .unwrap()
                .find("w:tblDescription")
                .is_none()
        );
    }

    #[test]
    fn links_get_ids_in_document_order_one_per_target() {
        let rels = parse(br#"<Relationships><Relationship Id="rIdHyperlink9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:a@b.cd" TargetMode="External"/><Relationship Id="rIdHyperlink3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://x.com/a" TargetMode="External"/><Relationship Id="rIdHyperlink4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="mailto:a@b.cd" TargetMode="External"/></Relationships>"#).unwrap();
        let mut root = parse(br#"<w:body><w:hyperlink r:id="rIdHyperlink3"/><w:hyperlink r:id="rIdHyperlink9"/><w:hyperlink r:id="rIdHyperlink4"/></w:body>"#).unwrap();
        let used = renumber_relationships(&mut root, &relationships(&rels)).unwrap();
        let ids: Vec<&str> = root.elements().filter_map(|e| e.get_attr("r:id")).collect();
        assert_eq!(ids, ["rIdLink1", "rIdLink2", "rIdLink2"]);
        assert_eq!(
            used.iter().map(|r| r.target.as_str()).collect::<Vec<_>>(),
            ["https://x.com/a", "mailto:a@b.cd"]
        );
        let mut dangling = parse(br#"<w:body><w:hyperlink r:id="rIdNope"/></w:body>"#).unwrap();
        assert!(renumber_relationships(&mut dangling, &relationships(&rels)).is_err());
    }

    #[test]
    fn styles_get_defaults_and_language() {
        let mut root = parse(br#"<w:styles><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="bare"/></w:style><w:style w:type="paragraph" w:styleId="Normal"><w:pPr><w:rPr/></w:pPr></w:style></w:styles>"#).unwrap();
        drop_empty_properties(&mut root);
        styles(&mut root, &context());
        let normals: Vec<&Element> = root.elements().filter(|e| e.name == "w:style").collect();
        assert_eq!(normals.len(), 1, "the later definition wins");
        assert_eq!(normals[0].get_attr("w:default"), Some("1"));
        assert!(normals[0].find("w:name").is_none() && normals[0].find("w:pPr").is_none());
        let rpr = root
            .find("w:docDefaults")
            .unwrap()
            .find("w:rPrDefault")
            .unwrap()
            .find("w:rPr")
            .unwrap();
        assert_eq!(
            rpr.find("w:lang").unwrap().get_attr("w:bidi"),
            Some("ar-SA")
        );
    }

    #[test]
    fn unused_numbering_goes() {
        let mut root = parse(br#"<w:numbering><w:abstractNum w:abstractNumId="1"/><w:abstractNum w:abstractNumId="2"/><w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num></w:numbering>"#).unwrap();
        numbering(&mut root, &BTreeSet::from(["2".to_owned()]));
        let kept: Vec<(&str, Option<&str>)> = root
            .elements()
            .map(|e| {
                (
                    e.name.as_str(),
                    e.get_attr("w:numId").or(e.get_attr("w:abstractNumId")),
                )
            })
            .collect();
        assert_eq!(kept, [("w:abstractNum", Some("2")), ("w:num", Some("2"))]);
    }
}
