//! The parts written here rather than by docx-rs: settings, font table and document properties.
//!
//! docx-rs's settings carry Word 97 compatibility flags (Word would open the pack in
//! compatibility mode), its font table names fonts the pack never uses, and its core properties
//! have no title, subject or language. These parts are small, so they are written whole.

use super::xml::Element;
use crate::timestamp::Timestamp;

pub(super) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(super) const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// What the settings part depends on.
pub(super) struct SettingsSpec<'a> {
    pub language: &'a str,
    pub complex_language: Option<&'a str>,
    /// The package carries subset fonts (`word/fonts/`).
    pub embedded_fonts: bool,
}

pub(super) fn settings(spec: &SettingsSpec<'_>) -> Element {
    let mut root = Element::new("w:settings")
        .attr("xmlns:w", W)
        .attr("xmlns:r", R);
    root.push(Element::new("w:zoom").attr("w:percent", "100"));
    if spec.embedded_fonts {
        // Word's "Embed fonts in the file" with "Embed only the characters used": Word keeps
        // the fonts embedded when it saves, and knows they are subsets.
        root.push(Element::new("w:embedTrueTypeFonts"));
        root.push(Element::new("w:saveSubsetFonts"));
    }
    root.push(Element::new("w:defaultTabStop").attr("w:val", "720"));
    // Justified text needs hyphenation; Word hyphenates by each run's `w:lang`.
    root.push(Element::new("w:autoHyphenation"));
    root.push(Element::new("w:consecutiveHyphenLimit").attr("w:val", "2"));
    root.push(Element::new("w:hyphenationZone").attr("w:val", "357"));
    root.push(Element::new("w:doNotHyphenateCaps"));
    root.push(Element::new("w:characterSpacingControl").attr("w:val", "doNotCompress"));
    // Word 2013+ layout; without it Word opens the file in compatibility mode.
    let mut compat = Element::new("w:compat");
    for (name, value) in [
        ("compatibilityMode", "15"),
        ("overrideTableStyleFontSizeAndJustification", "1"),
        ("enableOpenTypeFeatures", "1"),
        ("doNotFlipMirrorIndents", "1"),
    ] {
        compat.push(
            Element::new("w:compatSetting")
                .attr("w:name", name)
                .attr("w:uri", "http://schemas.microsoft.com/office/word")
                .attr("w:val", value),
        );
    }
    root.push(compat);
    let mut lang = Element::new("w:themeFontLang").attr("w:val", spec.language);
    if let Some(east_asia) = super::lang::east_asian(spec.language) {
        lang.set_attr("w:eastAsia", east_asia);
    }
    if let Some(bidi) = spec.complex_language {
        lang.set_attr("w:bidi", bidi);
    }
    root.push(lang);
    root
}

/// One font of the font table: its faces embedded in the package, and what Word needs to pick
/// a close substitute for a face that is not (see docs/decisions/0015).
pub(super) struct FontEntry {
    pub name: String,
    /// Windows character set and family class.
    pub charset: &'static str,
    pub family: &'static str,
    /// The PANOSE classification and the OS/2 Unicode and code-page ranges, when the font has them.
    pub metrics: Option<Os2>,
    pub embedded: Vec<Embedded>,
}

/// An embedded face: its style, its relationship from the font table and its obfuscation key.
#[derive(Debug, Clone)]
pub(super) struct Embedded {
    pub style: crate::fonts::FaceStyle,
    pub id: String,
    pub key: String,
}

/// What the OS/2 table says about a font, as the font table writes it.
pub(super) struct Os2 {
    pub panose: String,
    /// `usb0`..`usb3`, `csb0`, `csb1`.
    pub signature: [String; 6],
}

impl Os2 {
    /// Reads the OS/2 table of a TrueType/OpenType font (version 1 or later for code pages).
    pub(super) fn read(font: &[u8]) -> Option<Self> {
        let face = rustybuzz::ttf_parser::Face::parse(font, 0).ok()?;
        let os2 = face
            .raw_face()
            .table(rustybuzz::ttf_parser::Tag::from_bytes(b"OS/2"))?;
        let hex = |range: std::ops::Range<usize>| -> Option<String> {
            Some(os2.get(range)?.iter().map(|b| format!("{b:02X}")).collect())
        };
        let panose = hex(32..42)?;
        let signature = [
            hex(42..46)?,
            hex(46..50)?,
            hex(50..54)?,
            hex(54..58)?,
            hex(78..82)?,
            hex(82..86)?,
        ];
        Some(Self { panose, signature })
    }
}

pub(super) fn font_table(fonts: &[FontEntry]) -> Element {
    let mut root = Element::new("w:fonts")
        .attr("xmlns:w", W)
        .attr("xmlns:r", R);
    for font in fonts {
        let mut element = Element::new("w:font").attr("w:name", font.name.clone());
        if let Some(os2) = &font.metrics {
            element.push(Element::new("w:panose1").attr("w:val", os2.panose.clone()));
        }
        element.push(Element::new("w:charset").attr("w:val", font.charset));
        element.push(Element::new("w:family").attr("w:val", font.family));
        element.push(Element::new("w:pitch").attr("w:val", "variable"));
        if let Some(os2) = &font.metrics {
            let mut sig = Element::new("w:sig");
            let names = ["w:usb0", "w:usb1", "w:usb2", "w:usb3", "w:csb0", "w:csb1"];
            for (name, value) in names.iter().zip(&os2.signature) {
                sig.set_attr(name, value.clone());
            }
            element.push(sig);
        }
        for face in &font.embedded {
            use crate::fonts::FaceStyle;
            let name = match face.style {
                FaceStyle::Regular => "w:embedRegular",
                FaceStyle::Bold => "w:embedBold",
                FaceStyle::Italic => "w:embedItalic",
                FaceStyle::BoldItalic => "w:embedBoldItalic",
            };
            element.push(
                Element::new(name)
                    .attr("r:id", face.id.clone())
                    .attr("w:fontKey", face.key.clone())
                    .attr("w:subsetted", "1"),
            );
        }
        root.push(element);
    }
    root
}

/// A minimal DrawingML theme. Word wants one (validators flag its absence); its fonts are the
/// pack's, so theme-font references resolve to the same faces as the styles.
pub(super) fn theme(latin_font: &str, complex_font: &str) -> Element {
    let a = |name: &str| Element::new(format!("a:{name}"));
    let srgb = |value: &str| a("srgbClr").attr("val", value);
    let scheme = |n: usize, make: &dyn Fn() -> Element| {
        (0..n).fold(Element::new(""), |acc, _| acc.child(make()))
    };
    let mut colours = a("clrScheme").attr("name", "appealpack");
    colours.push(
        a("dk1").child(
            a("sysClr")
                .attr("val", "windowText")
                .attr("lastClr", "000000"),
        ),
    );
    colours.push(a("lt1").child(a("sysClr").attr("val", "window").attr("lastClr", "FFFFFF")));
    for (name, value) in [
        ("dk2", "1F3A5F"),
        ("lt2", "EEF3F8"),
        ("accent1", "1F5C99"),
        ("accent2", "5F6B7A"),
        ("accent3", "3E7D5A"),
        ("accent4", "B5651D"),
        ("accent5", "7A4E9C"),
        ("accent6", "9C3A3A"),
        ("hlink", "1F5C99"),
        ("folHlink", "5F4B8B"),
    ] {
        colours.push(a(name).child(srgb(value)));
    }
    let font = |name: &str| {
        a(name)
            .child(a("latin").attr("typeface", latin_font))
            .child(a("ea").attr("typeface", ""))
            .child(a("cs").attr("typeface", complex_font))
    };
    let fonts = a("fontScheme")
        .attr("name", "appealpack")
        .child(font("majorFont"))
        .child(font("minorFont"));
    let solid = || a("solidFill").child(a("schemeClr").attr("val", "phClr"));
    let list = |name: &str, make: &dyn Fn() -> Element| {
        let mut list = a(name);
        list.children = scheme(3, make).children;
        list
    };
    let formats = a("fmtScheme")
        .attr("name", "appealpack")
        .child(list("fillStyleLst", &solid))
        .child(list("lnStyleLst", &|| {
            a("ln").attr("w", "6350").child(solid())
        }))
        .child(list("effectStyleLst", &|| {
            a("effectStyle").child(a("effectLst"))
        }))
        .child(list("bgFillStyleLst", &solid));
    Element::new("a:theme")
        .attr(
            "xmlns:a",
            "http://schemas.openxmlformats.org/drawingml/2006/main",
        )
        .attr("name", "appealpack")
        .child(
            a("themeElements")
                .child(colours)
                .child(fonts)
                .child(formats),
        )
        .child(a("objectDefaults"))
        .child(a("extraClrSchemeLst"))
}

/// The document properties a file manager, Word's Info pane and search engines show.
pub(super) struct Properties<'a> {
    pub title: &'a str,
    pub subject: Option<&'a str>,
    pub description: Option<&'a str>,
    pub creator: Option<&'a str>,
    pub keywords: &'a str,
    pub language: &'a str,
    pub timestamp: i64,
    pub producer: &'a str,
}

pub(super) fn core(props: &Properties<'_>) -> Element {
    let date = Timestamp::from_unix(props.timestamp).rfc3339();
    let mut root = Element::new("cp:coreProperties")
        .attr(
            "xmlns:cp",
            "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
        )
        .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/")
        .attr("xmlns:dcterms", "http://purl.org/dc/terms/")
        .attr("xmlns:dcmitype", "http://purl.org/dc/dcmitype/")
        .attr("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance");
    let text = |name: &str, value: &str| Element::new(name).text_child(value);
    root.push(text("dc:title", props.title));
    if let Some(subject) = props.subject {
        root.push(text("dc:subject", subject));
    }
    if let Some(creator) = props.creator {
        root.push(text("dc:creator", creator));
    }
    root.push(text("cp:keywords", props.keywords));
    if let Some(description) = props.description {
        root.push(text("dc:description", description));
    }
    if let Some(creator) = props.creator {
        root.push(text("cp:lastModifiedBy", creator));
    }
    root.push(text("cp:revision", "1"));
    for name in ["dcterms:created", "dcterms:modified"] {
        root.push(
            Element::new(name)
                .attr("xsi:type", "dcterms:W3CDTF")
                .text_child(date.clone()),
        );
    }
    root.push(text("dc:language", props.language));
    root
}

pub(super) fn app(props: &Properties<'_>) -> Element {
    let mut root = Element::new("Properties")
        .attr(
            "xmlns",
            "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
        )
        .attr(
            "xmlns:vt",
            "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
        );
    for (name, value) in [
        ("Template", "Normal.dotm"),
        ("TotalTime", "0"),
        ("Application", props.producer),
        ("DocSecurity", "0"),
        ("ScaleCrop", "false"),
        ("Company", props.creator.unwrap_or("")),
        ("LinksUpToDate", "false"),
        ("SharedDoc", "false"),
        ("HyperlinksChanged", "false"),
    ] {
        root.push(Element::new(name).text_child(value));
    }
    root
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_font_table_describes_noto_for_substitution() {
        let font = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fonts/NotoSans-Regular.ttf"
        ))
        .unwrap();
        let os2 = Os2::read(&font).unwrap();
        assert_eq!(os2.panose.len(), 20);
        assert_eq!(&os2.panose[..2], "02", "a text face");
        assert!(Os2::read(b"not a font").is_none());
    }
}
