//! Glyph coverage: every character a locale's pack prints must be drawable by its fonts.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use super::view::LocaleView;
use super::walk::{Event, walk};
use crate::chars::describe_char;
use crate::diagnostic::{Code, Diagnostic};
use crate::fonts::{FaceStyle, FontLibrary};
use crate::manifest::Manifest;
use crate::model::AppealPack;
use crate::source::FileId;

/// At most this many characters are pointed at in one diagnostic; all are named.
const MAX_LABELS: usize = 6;

/// Every run of text of the pack with the face it is set in: headings in bold, runs in their
/// own strong or emphasis style, the rest regular. Coverage is checked face by face, since a
/// bold or italic face may lack a character the regular face has.
fn styled_texts(pack: &AppealPack) -> Vec<(&str, String, FaceStyle)> {
    let mut texts = Vec::new();
    // The band: what the pack is in bold, the rest regular.
    if let Some(band) = &pack.band {
        for (i, para) in band.paras().into_iter().enumerate() {
            let style = if i == 0 {
                FaceStyle::Bold
            } else {
                FaceStyle::Regular
            };
            texts.push((para.source.as_str(), para.logical_text(), style));
        }
    }
    for date in [&pack.issued, &pack.act_before].into_iter().flatten() {
        // The date alone may be set apart from its label (a header band), in either face.
        for style in [FaceStyle::Regular, FaceStyle::Bold] {
            texts.push((date.source.as_str(), date.text.clone(), style));
        }
        if let Some(line) = &date.line {
            for inline in &line.inlines {
                texts.push((
                    line.source.as_str(),
                    inline.text.clone(),
                    FaceStyle::Regular,
                ));
            }
        }
    }
    for part in &pack.parts {
        if let Some(kicker) = &part.kicker {
            texts.push((
                kicker.source.as_str(),
                kicker.logical_text(),
                FaceStyle::Regular,
            ));
        }
        if let Some(heading) = &part.heading {
            texts.push((
                heading.source.as_str(),
                heading.logical_text(),
                FaceStyle::Bold,
            ));
        }
        for para in part.blocks.iter().flat_map(|b| b.paras()) {
            for inline in &para.inlines {
                let style = FaceStyle::new(inline.strong, inline.emphasis);
                texts.push((para.source.as_str(), inline.text.clone(), style));
            }
        }
    }
    texts
}

/// Checks the text of the built pack (what is printed, arguments and fallbacks included),
/// then points at each missing character in the locale's files.
pub(crate) fn check(
    view: &LocaleView,
    manifest: &Manifest,
    pack: &AppealPack,
    fonts: &FontLibrary,
) -> Vec<Diagnostic> {
    let stack = match fonts.stack(&pack.fonts) {
        Ok(stack) => stack,
        Err(error) => {
            return vec![
                Diagnostic::error(Code::MissingGlyph, error.to_string())
                    .in_locale(view.id())
                    .with_help("name a family of fonts/fonts.toml in the manifest's [fonts]"),
            ];
        }
    };
    // Message → characters no font draws, in message order.
    let mut missing: BTreeMap<String, BTreeSet<char>> = BTreeMap::new();
    let mut texts: Vec<(&str, String, FaceStyle)> = styled_texts(pack);
    let pack_config = &manifest.pack;
    texts.push((
        pack_config.title.name.as_str(),
        pack.meta.title.clone(),
        FaceStyle::Bold,
    ));
    texts.push((
        pack_config.language_name.name.as_str(),
        pack.language_name.clone(),
        FaceStyle::Regular,
    ));
    texts.push((
        pack_config.footer.name.as_str(),
        pack.footer_text(1, 10),
        FaceStyle::Regular,
    ));
    let optional = [
        (&pack_config.subtitle, &pack.meta.subtitle),
        (&pack_config.subject, &pack.meta.subject),
        (&pack_config.author, &pack.meta.author),
    ];
    for (message, text) in optional {
        if let (Some(message), Some(text)) = (message, text) {
            texts.push((message.name.as_str(), text.clone(), FaceStyle::Regular));
        }
    }
    for (source, text, style) in texts {
        for c in text.chars().filter(|&c| !stack.can_draw_in(c, style)) {
            missing.entry(source.to_owned()).or_default().insert(c);
        }
    }

    let families = stack
        .families
        .iter()
        .map(|f| f.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = Vec::new();
    for (source, chars) in missing {
        let list = chars
            .iter()
            .map(|&c| describe_char(c))
            .collect::<Vec<_>>()
            .join(", ");
        // A control character (often a NUL of a file saved as UTF-16, or pasted from a
        // terminal) is never printable: no font to add, only the character to remove.
        let help = if chars.iter().all(|c| c.is_control()) {
            "remove it: control characters are never printed"
        } else {
            "replace the character, or add a font that has it to fonts/ and to the locale in the manifest"
        };
        let mut diagnostic = view
            .error(
                Code::MissingGlyph,
                format!("no font of `{}` can draw {list} in `{source}`", view.id()),
                &source,
            )
            .with_note(format!("fonts of this locale: {families}"))
            .with_help(help);
        let mut labels = 0;
        for &c in &chars {
            if labels == MAX_LABELS {
                break;
            }
            if let Some((file, span)) = locate(view, &source, c) {
                diagnostic = diagnostic.with_label(file, span, describe_char(c));
                labels += 1;
            }
        }
        if labels == 0
            && let Some(entry) = view.get(source.split('.').next().unwrap_or(&source))
        {
            diagnostic = diagnostic.with_label(
                entry.file_id(),
                entry.span.clone(),
                "printed from this message",
            );
        }
        out.push(diagnostic);
    }
    out
}

/// Where `c` is written: in the message itself, else in the first entry of the locale that
/// has it (a term, or an addressee's name passed as an argument).
fn locate(view: &LocaleView, source: &str, c: char) -> Option<(FileId, Range<usize>)> {
    let (id, attribute) = match source.split_once('.') {
        Some((id, attribute)) => (id, Some(attribute)),
        None => (source, None),
    };
    let own = view
        .get(id)
        .and_then(|e| e.pattern(attribute).map(|p| (e, p)));
    let others = view
        .entries
        .values()
        .flat_map(|e| e.patterns().iter().map(move |p| (e, p.pattern)));
    for (entry, pattern) in own.into_iter().chain(others) {
        let mut found = None;
        walk(pattern, &mut |event| {
            if found.is_some() {
                return;
            }
            if let Event::Text(text) | Event::Literal(text) = event
                && let Some(at) = text.find(c)
            {
                let start = entry.span_of(text).start + at;
                found = Some(start..start + c.len_utf8());
            }
        });
        if let Some(span) = found {
            return Some((entry.file_id(), span));
        }
    }
    None
}
