//! The plain-text writer: the pack as a reader sees it, one paragraph per line.
//!
//! It doubles as the model's snapshot format and as the canonical view: the reference
//! locale's canonical parts, through `part_lines`, must equal `canonical.txt`.

use crate::model::AppealPack;
use crate::model::lines::part_lines;

/// The whole pack as text: title, parts separated by blank lines, a form feed before each
/// part that starts a new page.
pub fn render(pack: &AppealPack) -> String {
    let mut out = String::new();
    let visible = |text: &str| -> String {
        text.chars()
            .filter(|c| !crate::model::is_bidi_control(*c))
            .collect()
    };
    if let Some(band) = &pack.band {
        for para in band.paras() {
            out.push_str(&para.text());
            out.push('\n');
        }
        out.push('\n');
    }
    out.push_str(&visible(&pack.meta.title));
    out.push('\n');
    if let Some(subtitle) = &pack.meta.subtitle {
        out.push_str(&visible(subtitle));
        out.push('\n');
    }
    for part in &pack.parts {
        out.push('\n');
        if part.new_page {
            out.push('\u{c}');
            out.push('\n');
        }
        for line in part_lines(part) {
            out.push_str(&line.text);
            out.push('\n');
        }
    }
    out
}
