//! The release: `manifest.json`, `SHA256SUMS`, the zips and `index.html`, made in memory from a
//! build's outcome, so that `artifacts` stays the only code that writes files.
//!
//! Layout (docs/release.md):
//! ```text
//! index.html  manifest.json  SHA256SUMS  <alert>-all.zip
//! <locale>/<alert>-<locale>.pdf | .docx | .txt
//! <locale>/<alert>-<locale>.zip            (that locale's documents)
//! <locale>/<alert>-<locale>-preview.png    (page 1 of the PDF, when PDF is built)
//! ```

pub(crate) mod checksums;
pub(crate) mod page;
pub mod record;

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::artifacts::OutputFile;
use crate::fonts::FontLibrary;
use crate::load::Tree;
use crate::pipeline::{Artifact, BuildOutcome};
use crate::timestamp::Timestamp;

pub(crate) use checksums::sha256_hex;
pub use page::human_size;
pub use record::{Record, SCHEMA, SCHEMA_VERSION};

use record::{
    AlertRecord, ArchiveRecord, ArtifactRecord, LocaleRecord, PolicyRecord, PreviewRecord, Status,
    ToolRecord, round_coverage,
};

pub const MANIFEST_FILE: &str = "manifest.json";
pub const CHECKSUMS_FILE: &str = "SHA256SUMS";
pub const INDEX_FILE: &str = "index.html";

/// One file of the release besides the documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseFile {
    /// Path inside the output folder, `/`-separated.
    pub path: String,
    pub bytes: Vec<u8>,
}

impl<'a> From<&'a ReleaseFile> for OutputFile<'a> {
    fn from(file: &'a ReleaseFile) -> Self {
        Self {
            path: &file.path,
            bytes: &file.bytes,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct ReleaseOptions {
    /// `SOURCE_DATE_EPOCH`: the only time in the release (zip entries, manifest, page).
    pub timestamp: i64,
    /// `--allow-incomplete`, recorded in the manifest's policy.
    pub allow_incomplete: bool,
    /// A PNG of the first page of a locale's pack, by locale: the hook for a preview renderer
    /// (a rasteriser of the PDF layout). A locale without one gets no image on the page.
    pub previews: BTreeMap<String, Vec<u8>>,
}

#[derive(Debug, thiserror::Error)]
pub enum ReleaseError {
    #[error("cannot make the archive {path}: {reason}")]
    Archive { path: String, reason: String },
    #[error("the preview image of `{locale}` is not a PNG file")]
    Preview { locale: String },
}

/// The release files and the record they describe.
#[derive(Debug, Clone)]
pub struct Release {
    pub record: Record,
    /// Previews, zips, `manifest.json`, `index.html`, `SHA256SUMS`.
    pub files: Vec<ReleaseFile>,
}

/// Makes the release files for a build's documents (`outcome.artifacts`, written beside them).
pub fn assemble(
    tree: &Tree,
    fonts: &FontLibrary,
    outcome: &BuildOutcome,
    options: &ReleaseOptions,
) -> Result<Release, ReleaseError> {
    let alert_id = tree
        .manifest()
        .map_or("alert", |m| m.alert.id.name.as_str());
    let when = Timestamp::from_unix(options.timestamp);
    let mut files = Vec::new();

    let mut previews = BTreeMap::new();
    for pack in &outcome.packs {
        if let Some(png) = options.previews.get(&pack.locale) {
            let (width, height) = png_size(png).ok_or_else(|| ReleaseError::Preview {
                locale: pack.locale.clone(),
            })?;
            let path = format!("{0}/{alert_id}-{0}-preview.png", pack.locale);
            previews.insert(
                pack.locale.as_str(),
                PreviewRecord {
                    path: path.clone(),
                    width,
                    height,
                    bytes: png.len() as u64,
                    sha256: sha256_hex(png),
                },
            );
            files.push(ReleaseFile {
                path,
                bytes: png.clone(),
            });
        }
    }

    // One zip per locale, then one with everything; each under a single top-level folder.
    let per_locale: Vec<(ArchiveRecord, ReleaseFile)> = outcome
        .packs
        .par_iter()
        .map(|pack| {
            let locale = &pack.locale;
            let documents: Vec<(&str, &[u8])> = outcome
                .artifacts
                .iter()
                .filter(|a| &a.locale == locale)
                .map(|a| {
                    (
                        a.path.rsplit('/').next().unwrap_or(&a.path),
                        a.bytes.as_slice(),
                    )
                })
                .collect();
            let path = format!("{locale}/{alert_id}-{locale}.zip");
            let root = format!("{alert_id}-{locale}");
            make_archive(path, &root, &documents, Some(locale.clone()), when)
        })
        .collect::<Result<_, _>>()?;
    // The zip of everything takes each locale's entries as they are compressed.
    let all_root = format!("{alert_id}-all");
    let locale_zips: Vec<&[u8]> = per_locale.iter().map(|(_, f)| f.bytes.as_slice()).collect();
    let all_path = format!("{alert_id}-all.zip");
    let bytes = crate::archive::merge(&locale_zips, |archive, name| {
        // `<alert>-<locale>/<file>` becomes `<alert>-all/<locale>/<file>`.
        let locale = &outcome.packs[archive].locale;
        let file = name.split_once('/').map_or(name, |(_, file)| file);
        format!("{all_root}/{locale}/{file}")
    })
    .map_err(|e| ReleaseError::Archive {
        path: all_path.clone(),
        reason: e.to_string(),
    })?;
    let mut entries: Vec<String> = outcome
        .artifacts
        .iter()
        .map(|a| format!("{all_root}/{}", a.path))
        .collect();
    entries.sort();
    let all = (
        ArchiveRecord {
            path: all_path.clone(),
            locale: None,
            bytes: bytes.len() as u64,
            sha256: sha256_hex(&bytes),
            entries,
        },
        ReleaseFile {
            path: all_path,
            bytes,
        },
    );
    let mut archives = Vec::new();
    for (archive, file) in per_locale.into_iter().chain(std::iter::once(all)) {
        archives.push(archive);
        files.push(file);
    }

    let record = Record {
        schema: SCHEMA,
        schema_version: SCHEMA_VERSION,
        alert: AlertRecord {
            id: alert_id.to_owned(),
            reference: tree.reference.clone(),
            title: outcome
                .packs
                .iter()
                .find(|p| p.locale == tree.reference)
                .map(|p| plain(&p.meta.title)),
        },
        tool: ToolRecord {
            name: env!("CARGO_PKG_NAME"),
            version: env!("CARGO_PKG_VERSION"),
        },
        source_date_epoch: options.timestamp,
        date: when.rfc3339(),
        policy: PolicyRecord {
            min_coverage: tree.manifest().map_or(100.0, |m| m.release.min_coverage),
            allow_incomplete: options.allow_incomplete,
        },
        locales: locales(outcome, &archives, &previews),
        artifacts: artifacts(outcome),
        archives,
        inputs: record::inputs(tree, fonts),
    };

    let mut manifest = serde_json::to_vec_pretty(&record).unwrap_or_default();
    manifest.push(b'\n');
    files.push(ReleaseFile {
        path: MANIFEST_FILE.into(),
        bytes: manifest,
    });
    let web = outcome
        .packs
        .iter()
        .map(|pack| {
            let (labels, labels_lang) = crate::render::html::labels(pack);
            let actions = crate::render::html::actions::actions(pack);
            let web = page::Web {
                actions,
                labels,
                labels_lang,
            };
            (pack.locale.clone(), web)
        })
        .collect();
    files.push(ReleaseFile {
        path: INDEX_FILE.into(),
        bytes: page::render(&record, &web).into_bytes(),
    });

    // Every file of the release but this one, documents included. The record already holds
    // the digests of the documents, zips and previews; only the manifest and the page are new.
    let known: BTreeMap<&str, &str> = record
        .artifacts
        .iter()
        .map(|a| (a.path.as_str(), a.sha256.as_str()))
        .chain(
            record
                .archives
                .iter()
                .map(|a| (a.path.as_str(), a.sha256.as_str())),
        )
        .chain(
            previews
                .values()
                .map(|p| (p.path.as_str(), p.sha256.as_str())),
        )
        .collect();
    let digests: Vec<(&str, String)> = outcome
        .artifacts
        .iter()
        .map(|a| (a.path.as_str(), a.bytes.as_slice()))
        .chain(files.iter().map(|f| (f.path.as_str(), f.bytes.as_slice())))
        .collect::<Vec<_>>()
        .par_iter()
        .map(|(path, bytes)| {
            let digest = known
                .get(path)
                .map_or_else(|| sha256_hex(bytes), |d| (*d).to_owned());
            (*path, digest)
        })
        .collect();
    let sums = checksums::sums_file(digests.iter().map(|(p, d)| (*p, d.as_str())));
    files.push(ReleaseFile {
        path: CHECKSUMS_FILE.into(),
        bytes: sums.into_bytes(),
    });
    Ok(Release { record, files })
}

fn make_archive(
    path: String,
    root: &str,
    files: &[(&str, &[u8])],
    locale: Option<String>,
    when: Timestamp,
) -> Result<(ArchiveRecord, ReleaseFile), ReleaseError> {
    let named = files.iter().map(|(p, b)| (format!("{root}/{p}"), *b));
    let bytes = crate::archive::zip(named, when).map_err(|e| ReleaseError::Archive {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    let mut entries: Vec<String> = files.iter().map(|(p, _)| format!("{root}/{p}")).collect();
    entries.sort();
    let record = ArchiveRecord {
        path: path.clone(),
        locale,
        bytes: bytes.len() as u64,
        sha256: sha256_hex(&bytes),
        entries,
    };
    Ok((record, ReleaseFile { path, bytes }))
}

/// Every locale the build looked at, in manifest order: published, or withheld with why.
fn locales(
    outcome: &BuildOutcome,
    archives: &[ArchiveRecord],
    previews: &BTreeMap<&str, PreviewRecord>,
) -> Vec<LocaleRecord> {
    let mut out = Vec::new();
    for summary in &outcome.check.locales {
        let locale = summary.locale.as_str();
        let base = LocaleRecord {
            locale: locale.to_owned(),
            status: Status::Withheld,
            language_name: None,
            title: None,
            direction: None,
            coverage: round_coverage(summary.coverage),
            missing: summary.missing,
            fallbacks: Vec::new(),
            reason: None,
            archive: None,
            preview: None,
        };
        if let Some(pack) = outcome.packs.iter().find(|p| p.locale == locale) {
            out.push(LocaleRecord {
                status: Status::Published,
                language_name: Some(plain(&pack.language_name)),
                title: Some(plain(&pack.meta.title)),
                direction: Some(pack.direction),
                fallbacks: pack.fallbacks.clone(),
                archive: archives
                    .iter()
                    .find(|a| a.locale.as_deref() == Some(locale))
                    .map(|a| a.path.clone()),
                preview: previews.get(locale).cloned(),
                ..base
            });
        } else if let Some(held) = outcome.withheld.iter().find(|w| w.locale == locale) {
            out.push(LocaleRecord {
                reason: Some(held.reason.clone()),
                ..base
            });
        }
    }
    out
}

fn artifacts(outcome: &BuildOutcome) -> Vec<ArtifactRecord> {
    let describe = |artifact: &Artifact| {
        let pack = outcome.packs.iter().find(|p| p.locale == artifact.locale);
        let coverage = outcome
            .check
            .summary(&artifact.locale)
            .map_or(100.0, |s| s.coverage);
        ArtifactRecord {
            path: artifact.path.clone(),
            locale: artifact.locale.clone(),
            language_name: pack
                .map_or_else(|| artifact.locale.clone(), |p| plain(&p.language_name)),
            format: artifact.format,
            media_type: artifact.format.media_type(),
            paper: artifact.paper,
            bytes: artifact.bytes.len() as u64,
            sha256: sha256_hex(&artifact.bytes),
            pages: artifact.pages,
            coverage: round_coverage(coverage),
            fallbacks: artifact.fallbacks.clone(),
        }
    };
    let mut out: Vec<ArtifactRecord> = outcome.artifacts.par_iter().map(describe).collect();
    out.sort_by(|a, b| a.path.cmp(&b.path));
    out
}

/// Text as a reader sees it: Fluent's isolation marks dropped (renderers drop them too).
fn plain(text: &str) -> String {
    text.chars()
        .filter(|&c| !crate::model::is_isolation_mark(c))
        .collect()
}

/// Width and height from a PNG's header, or None when it is not a PNG.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    if bytes.len() < 24 || !bytes.starts_with(SIGNATURE) || &bytes[12..16] != b"IHDR" {
        return None;
    }
    let width = u32::from_be_bytes(bytes[16..20].try_into().ok()?);
    let height = u32::from_be_bytes(bytes[20..24].try_into().ok()?);
    (width > 0 && height > 0).then_some((width, height))
}

#[cfg(test)]
mod tests;
