//! The OPC package: content types, relationships and a deterministic zip.
//!
//! Entries are deflated and sorted by name (which puts `[Content_Types].xml` first), every entry
//! has the same timestamp (from `RenderOptions.timestamp`) and Unix permissions, and
//! relationships are listed in a fixed order, so the same pack gives the same bytes.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::post::Relationship;
use super::xml::{self, Element};
use crate::archive::Entry;
use crate::timestamp::Timestamp;

const RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const WML: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/// Parts by path inside the package (no leading slash).
#[derive(Debug, Default)]
pub(super) struct Package {
    parts: BTreeMap<String, Vec<u8>>,
    /// Parts that come compressed already, each as a one-entry zip (`archive::Entry::Zipped`).
    zipped: BTreeMap<String, Arc<Vec<u8>>>,
}

impl Package {
    pub(super) fn add_xml(&mut self, path: &str, root: &Element) {
        self.parts.insert(path.to_owned(), xml::write(root));
    }

    /// A part compressed already, as the only entry of `zipped` (an embedded font).
    pub(super) fn add_zipped(&mut self, path: &str, zipped: Arc<Vec<u8>>) {
        self.zipped.insert(path.to_owned(), zipped);
    }

    /// Content types, by extension for the generic ones and by part for the rest.
    pub(super) fn add_content_types(&mut self) {
        let mut root = Element::new("Types").attr(
            "xmlns",
            "http://schemas.openxmlformats.org/package/2006/content-types",
        );
        let defaults = [
            (
                "rels",
                "application/vnd.openxmlformats-package.relationships+xml",
            ),
            ("xml", "application/xml"),
            (
                "odttf",
                "application/vnd.openxmlformats-officedocument.obfuscatedFont",
            ),
        ];
        for (extension, content_type) in defaults {
            if extension == "odttf" && !self.zipped.keys().any(|p| p.ends_with(".odttf")) {
                continue;
            }
            root.push(
                Element::new("Default")
                    .attr("Extension", extension)
                    .attr("ContentType", content_type),
            );
        }
        for path in self.parts.keys() {
            if let Some(content_type) = override_type(path) {
                root.push(
                    Element::new("Override")
                        .attr("PartName", format!("/{path}"))
                        .attr("ContentType", content_type),
                );
            }
        }
        self.add_xml("[Content_Types].xml", &root);
    }

    /// The zip: deflated, sorted, one timestamp.
    pub(super) fn zip(&self, timestamp: i64) -> Result<Vec<u8>, zip::result::ZipError> {
        let parts = self.parts.iter().map(|(p, b)| (p.clone(), Entry::Bytes(b)));
        let zipped = self
            .zipped
            .iter()
            .map(|(p, z)| (p.clone(), Entry::Zipped(z)));
        crate::archive::zip_entries(parts.chain(zipped), Timestamp::from_unix(timestamp))
    }
}

fn override_type(path: &str) -> Option<String> {
    let main = |name: &str| Some(format!("{WML}.{name}+xml"));
    match path {
        "word/document.xml" => main("document.main"),
        "word/styles.xml" => main("styles"),
        "word/numbering.xml" => main("numbering"),
        "word/settings.xml" => main("settings"),
        "word/fontTable.xml" => main("fontTable"),
        "word/theme/theme1.xml" => {
            Some("application/vnd.openxmlformats-officedocument.theme+xml".into())
        }
        "docProps/core.xml" => {
            Some("application/vnd.openxmlformats-package.core-properties+xml".into())
        }
        "docProps/app.xml" => {
            Some("application/vnd.openxmlformats-officedocument.extended-properties+xml".into())
        }
        p if p.starts_with("word/footer") && p.ends_with(".xml") => main("footer"),
        _ => None,
    }
}

/// A relationships part.
pub(super) fn relationships(entries: &[Relationship]) -> Element {
    let mut root = Element::new("Relationships").attr("xmlns", RELS_NS);
    for entry in entries {
        let mut element = Element::new("Relationship")
            .attr("Id", entry.id.clone())
            .attr("Type", entry.kind.clone())
            .attr("Target", entry.target.clone());
        if entry.external {
            element.set_attr("TargetMode", "External");
        }
        root.push(element);
    }
    root
}

/// A relationship to a part of the package.
pub(super) fn internal(id: &str, kind: &str, target: &str) -> Relationship {
    let kind = if kind.starts_with("http") {
        kind.to_owned()
    } else {
        format!("{DOC_REL}/{kind}")
    };
    Relationship {
        id: id.to_owned(),
        kind,
        target: target.to_owned(),
        external: false,
    }
}

/// The package's own relationships: the document and its properties.
pub(super) fn package_relationships() -> Element {
    relationships(&[
        internal("rIdDocument", "officeDocument", "word/document.xml"),
        internal(
            "rIdCore",
            "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
            "docProps/core.xml",
        ),
        internal("rIdApp", "extended-properties", "docProps/app.xml"),
    ])
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use zip::CompressionMethod;

    use super::*;

    #[test]
    fn the_zip_is_the_same_every_time_and_sorted() {
        let build = || {
            let mut package = Package::default();
            package.add_xml("word/document.xml", &Element::new("w:document"));
            package.add_xml("_rels/.rels", &package_relationships());
            package.add_content_types();
            package.zip(crate::render::DEFAULT_EPOCH).unwrap()
        };
        let bytes = build();
        assert_eq!(bytes, build());
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let names: Vec<String> = (0..archive.len())
            .map(|i| archive.by_index(i).unwrap().name().to_owned())
            .collect();
        assert_eq!(
            names,
            ["[Content_Types].xml", "_rels/.rels", "word/document.xml"]
        );
        let entry = archive.by_index(2).unwrap();
        assert_eq!(entry.compression(), CompressionMethod::Deflated);
        let modified = entry.last_modified().unwrap();
        assert_eq!(
            (modified.year(), modified.month(), modified.day()),
            (2025, 5, 19)
        );
    }
}
