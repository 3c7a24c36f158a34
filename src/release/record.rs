//! `manifest.json`, the release record: what was published, from which inputs, by which tool.
//! Its schema is versioned and documented in docs/release.md; change both together.

use rayon::prelude::*;
use serde::Serialize;

use crate::fonts::FontLibrary;
use crate::load::Tree;
use crate::model::Direction;
use crate::render::{Format, Paper};

use super::checksums::sha256_hex;

/// Identifies the document type; `schema_version` says which revision of it.
pub const SCHEMA: &str = "appealpack-release";
/// Bumped on any change a reader could notice; additions of optional fields included.
pub const SCHEMA_VERSION: u32 = 3;

#[derive(Debug, Clone, Serialize)]
pub struct Record {
    pub schema: &'static str,
    pub schema_version: u32,
    pub alert: AlertRecord,
    pub tool: ToolRecord,
    /// Seconds since 1970 (`SOURCE_DATE_EPOCH`, or appealpack's fixed default).
    pub source_date_epoch: i64,
    /// The same instant, RFC 3339 UTC. The release holds no other time.
    pub date: String,
    pub policy: PolicyRecord,
    /// Every locale of the build, in manifest order, published or withheld.
    pub locales: Vec<LocaleRecord>,
    /// Every document, sorted by path.
    pub artifacts: Vec<ArtifactRecord>,
    /// The zips: one per published locale, then the one with everything.
    pub archives: Vec<ArchiveRecord>,
    /// What the release was made from: manifest, canonical text, Fluent files, fonts.
    pub inputs: Vec<InputRecord>,
}

#[derive(Debug, Clone, Serialize)]
pub struct AlertRecord {
    pub id: String,
    pub reference: String,
    /// The pack title in the reference locale, when it is published.
    pub title: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ToolRecord {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct PolicyRecord {
    /// `[release] min-coverage` of the manifest.
    pub min_coverage: f64,
    /// `--allow-incomplete`: incomplete locales published with the reference's text.
    pub allow_incomplete: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Published,
    Withheld,
}

#[derive(Debug, Clone, Serialize)]
pub struct LocaleRecord {
    pub locale: String,
    pub status: Status,
    /// The language's name in itself; null when withheld (the pack was not built).
    pub language_name: Option<String>,
    /// The pack title in this language; null when withheld.
    pub title: Option<String>,
    pub direction: Option<Direction>,
    /// The checker's coverage, per cent of the reference's messages and terms, 2 decimals.
    pub coverage: f64,
    /// Missing messages, terms and attributes found by the checker.
    pub missing: usize,
    /// Messages printed in the reference language because this locale lacks them.
    pub fallbacks: Vec<String>,
    /// Why it is withheld.
    pub reason: Option<String>,
    /// Path of this locale's zip.
    pub archive: Option<String>,
    pub preview: Option<PreviewRecord>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PreviewRecord {
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub sha256: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArtifactRecord {
    pub path: String,
    pub locale: String,
    pub language_name: String,
    pub format: Format,
    pub media_type: &'static str,
    /// Paper size of PDF and DOCX; null for text.
    pub paper: Option<Paper>,
    pub bytes: u64,
    pub sha256: String,
    /// Page count of formats with fixed pages (PDF); null otherwise.
    pub pages: Option<u32>,
    pub coverage: f64,
    pub fallbacks: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ArchiveRecord {
    pub path: String,
    /// The locale it holds, or null for the archive with every locale.
    pub locale: Option<String>,
    pub bytes: u64,
    pub sha256: String,
    /// Entry names, sorted, each under the archive's single top-level folder.
    pub entries: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum InputKind {
    Manifest,
    Canonical,
    Fluent,
    Font,
}

#[derive(Debug, Clone, Serialize)]
pub struct InputRecord {
    pub kind: InputKind,
    /// Relative to the i18n folder (manifest, canonical text, Fluent files) or to the fonts
    /// folder (fonts), `/`-separated, so the record does not depend on where the build ran.
    pub path: String,
    pub locale: Option<String>,
    pub bytes: u64,
    pub sha256: String,
}

impl InputRecord {
    fn new(kind: InputKind, path: String, locale: Option<String>, bytes: &[u8]) -> Self {
        Self {
            kind,
            path,
            locale,
            bytes: bytes.len() as u64,
            sha256: sha256_hex(bytes),
        }
    }
}

/// Digests of everything the build read, from memory: the text as it was loaded (UTF-8, a
/// byte order mark removed) and the font files' bytes. Sorted by kind, then path.
pub fn inputs(tree: &Tree, fonts: &FontLibrary) -> Vec<InputRecord> {
    // (kind, path, locale, bytes): listed first, hashed in parallel after, since the fonts are
    // megabytes and the release waits for their digests.
    let mut out: Vec<(InputKind, String, Option<String>, &[u8])> = Vec::new();
    if let Some(file) = tree.manifest_file() {
        let text = tree.sources.get(file).text();
        out.push((
            InputKind::Manifest,
            crate::load::MANIFEST_FILE.to_owned(),
            None,
            text.as_bytes(),
        ));
    }
    let canonical_name = tree.manifest().and_then(|m| m.alert.canonical.as_ref());
    if let (Some(name), Some(text)) = (canonical_name, tree.canonical_text()) {
        out.push((
            InputKind::Canonical,
            name.name.replace('\\', "/"),
            None,
            text.as_bytes(),
        ));
    }
    for locale in &tree.locales {
        for file in &locale.files {
            out.push((
                InputKind::Fluent,
                format!("{}/{}", locale.id, file.name),
                Some(locale.id.clone()),
                tree.sources.get(file.file).text().as_bytes(),
            ));
        }
    }
    for family in &fonts.families {
        for face in family.faces.values() {
            let path = face.path.strip_prefix(&fonts.dir).unwrap_or(&face.path);
            let path = path
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((InputKind::Font, path, None, &face.data));
        }
    }
    out.sort_by(|a, b| (a.0, &a.1).cmp(&(b.0, &b.1)));
    // A face shared by two families is one input.
    out.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
    out.into_par_iter()
        .map(|(kind, path, locale, bytes)| InputRecord::new(kind, path, locale, bytes))
        .collect()
}

/// Coverage as published: two decimals, so the record reads well and stays stable.
pub fn round_coverage(coverage: f64) -> f64 {
    (coverage * 100.0).round() / 100.0
}
