//! Renderers: pure functions from an `AppealPack` to the bytes of one file format.

pub mod docx;
pub mod html;
pub mod pdf;
pub mod preview;
pub mod text;

use serde::Serialize;

use crate::fonts::{FontError, FontLibrary};
use crate::model::AppealPack;

/// The file formats a pack is rendered to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Docx,
    Text,
    /// One self-contained web page per locale, with the one-click actions.
    Html,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Pdf, Format::Docx, Format::Text, Format::Html];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Text => "txt",
            Format::Html => "html",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Text => "text",
            Format::Html => "html",
        }
    }

    pub fn media_type(self) -> &'static str {
        match self {
            Format::Pdf => "application/pdf",
            Format::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Format::Text => "text/plain; charset=utf-8",
            Format::Html => "text/html; charset=utf-8",
        }
    }
}

/// Paper sizes, in PostScript points (1/72 inch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    /// Width and height in points.
    pub fn size_pt(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.276, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::Letter => "letter",
        }
    }
}

/// Settings shared by every renderer in one run.
#[derive(Debug, Clone)]
pub struct RenderOptions {
    pub paper: Paper,
    /// Seconds since the Unix epoch used for every timestamp (`SOURCE_DATE_EPOCH`).
    pub timestamp: i64,
    /// Written as the producing application, e.g. `appealpack 0.1.0`.
    pub producer: String,
}

impl Default for RenderOptions {
    fn default() -> Self {
        Self {
            paper: Paper::A4,
            timestamp: DEFAULT_EPOCH,
            producer: producer(),
        }
    }
}

/// 2025-05-19T00:00:00Z, the date of the designation: used when `SOURCE_DATE_EPOCH` is unset,
/// so builds are reproducible by default.
pub const DEFAULT_EPOCH: i64 = 1_747_612_800;

pub(crate) fn producer() -> String {
    format!("appealpack {}", env!("CARGO_PKG_VERSION"))
}

/// The bytes of one rendered file.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Number of pages, for formats that have pages.
    pub pages: Option<u32>,
    /// Messages with a word wider than the line that had to be broken anywhere (PDF only).
    pub forced_breaks: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("no font of locale `{locale}` can draw {} in `{message}`", crate::chars::describe_char(*character))]
    MissingGlyph {
        locale: String,
        message: String,
        character: char,
    },
    #[error(transparent)]
    Font(#[from] FontError),
    #[error("cannot render the {format} pack of `{locale}`: {reason}")]
    Failed {
        format: &'static str,
        locale: String,
        reason: String,
    },
}

/// Renders `pack` in `format`.
pub fn render(
    format: Format,
    pack: &AppealPack,
    fonts: &FontLibrary,
    options: &RenderOptions,
) -> Result<Rendered, RenderError> {
    match format {
        Format::Pdf => pdf::render(pack, fonts, options),
        Format::Docx => docx::render(pack, fonts, options),
        Format::Text => Ok(Rendered {
            bytes: text::render(pack).into_bytes(),
            pages: None,
            forced_breaks: Vec::new(),
        }),
        Format::Html => Ok(Rendered {
            bytes: html::render(pack),
            pages: None,
            forced_breaks: Vec::new(),
        }),
    }
}
