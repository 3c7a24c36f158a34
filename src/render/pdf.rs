//! PDF writer (placeholder until the typesetting renderer lands).

use super::{RenderError, RenderOptions, Rendered};
use crate::fonts::FontLibrary;
use crate::model::AppealPack;

pub fn render(
    pack: &AppealPack,
    _fonts: &FontLibrary,
    _options: &RenderOptions,
) -> Result<Rendered, RenderError> {
    Err(RenderError::Failed {
        format: "pdf",
        locale: pack.locale.clone(),
        reason: "not implemented yet".into(),
    })
}
