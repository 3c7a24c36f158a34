//! `index.html`, the download page: one card per language, plain HTML and CSS, relative links
//! only, so it works from `file://` and from any static host. Made from the release record,
//! and from the packs' one-click actions for the "Act now" block of each card.
//!
//! Written with maud, which escapes every value; the inputs' texts go through [`Shown`], which
//! also writes invisible format characters as character references.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use maud::{DOCTYPE, Markup, PreEscaped, Render, html};

use crate::model::{Direction, WebLabels};
use crate::render::Format;
use crate::render::html::BASE_STYLE;
use crate::render::html::actions::Action;

use super::record::{ArchiveRecord, ArtifactRecord, LocaleRecord, Record, Status};

const STYLE: &str = include_str!("page.css");

/// One language's one-click actions and the words for them.
#[derive(Debug, Clone)]
pub(crate) struct Web {
    pub actions: Vec<Action>,
    pub labels: WebLabels,
    /// The labels' language when it is not the card's (English, without `[web]`).
    pub labels_lang: Option<&'static str>,
}

/// The page. Every text from the inputs is escaped, and each sits in an element with its own
/// `lang` and `dir`, so a stray bidi control cannot reorder anything outside it.
pub(crate) fn render(record: &Record, web: &BTreeMap<String, Web>) -> String {
    let published: Vec<&LocaleRecord> = record
        .locales
        .iter()
        .filter(|l| l.status == Status::Published)
        .collect();
    let reference = record
        .locales
        .iter()
        .find(|l| l.locale == record.alert.reference);
    let reference_name = reference
        .and_then(|l| l.language_name.as_deref())
        .unwrap_or(&record.alert.reference);
    let heading = record.alert.title.as_deref();
    let generator = format!("{} {}", record.tool.name, record.tool.version);
    let page = html! {
        (DOCTYPE)
        html lang="en" dir="ltr" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                // Nothing is ever fetched from elsewhere; the policy makes that a promise.
                meta http-equiv="Content-Security-Policy"
                    content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'";
                meta name="referrer" content="no-referrer";
                meta name="generator" content=(generator);
                title { (Shown(heading.unwrap_or(&record.alert.id))) " · appeal packs" }
                style { "\n" (PreEscaped(BASE_STYLE)) (PreEscaped(STYLE)) }
            }
            body {
                a.skip href="#languages" { "Skip to the downloads" }
                // Masthead: the alert's title in the reference language, and a jump list.
                header.masthead {
                    div.wrap {
                        p.kicker { "Urgent appeal · packs to print and to edit" }
                        @match (heading, reference) {
                            (Some(title), Some(reference)) => {
                                h1 lang=(Shown(&reference.locale)) dir=(dir(reference)) { (Shown(title)) }
                            }
                            _ => h1 { "Appeal packs: " (Shown(&record.alert.id)) },
                        }
                        p.lede {
                            "Each pack holds the alert, what to ask for, the addresses of the \
                             authorities and a model letter for each of them. Choose your language: \
                             the PDF is ready to print, the DOCX is ready to edit, and the web page \
                             sends the letters and posts in one click."
                        }
                        @if published.len() > 1 {
                            nav aria-label="Languages" {
                                ul.langs {
                                    @for locale in &published {
                                        li {
                                            a href={ "#pack-" (Shown(&locale.locale)) }
                                                lang=(Shown(&locale.locale)) dir=(dir(locale))
                                                hreflang=(Shown(&locale.locale)) {
                                                (Shown(name_of(locale)))
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                main #main {
                    section #languages .wrap aria-labelledby="languages-heading" {
                        h2 #languages-heading { "Choose your language" }
                        ul.cards {
                            @for locale in &published {
                                (card(record, locale, web.get(&locale.locale), reference_name))
                            }
                        }
                    }
                    (everything(record, published.len()))
                }
                footer.site-footer {
                    div.wrap {
                        p {
                            "Made with " (generator) " · "
                            (Shown(record.date.get(..10).unwrap_or(&record.date)))
                            " · alert " code { (Shown(&record.alert.id)) }
                        }
                    }
                }
            }
        }
    };
    let mut out = page.into_string();
    out.push('\n');
    out
}

/// One language: its name and the title in that language, the preview, the files, and the
/// one-click actions.
fn card(record: &Record, locale: &LocaleRecord, web: Option<&Web>, reference_name: &str) -> Markup {
    let id = format!("pack-{}", locale.locale);
    let name_id = format!("{id}-name");
    let mut files: Vec<&ArtifactRecord> = record
        .artifacts
        .iter()
        .filter(|a| a.locale == locale.locale)
        .collect();
    // The web page first: on a phone, reading online is the first thing most people do.
    files.sort_by_key(|a| (a.format != Format::Html, a.format, a.paper, &a.path));
    let archive = locale
        .archive
        .as_ref()
        .and_then(|path| record.archives.iter().find(|a| &a.path == path));
    html! {
        li {
            article.card #(Shown(&id)) lang=(Shown(&locale.locale)) dir=(dir(locale))
                aria-labelledby=(Shown(&name_id)) {
                // Name and title, with page 1 under them (at the start of the line, so on the
                // right in a right-to-left card).
                div.card-head {
                    div {
                        h3.card-name #(Shown(&name_id)) { (Shown(name_of(locale))) }
                        @if let Some(title) = &locale.title {
                            p.card-title { (Shown(title)) }
                        }
                    }
                    @if let Some(preview) = &locale.preview {
                        // The title beside it says what the page shows; for a screen reader it
                        // adds nothing.
                        img.preview src=(Href(&preview.path)) width=(preview.width)
                            height=(preview.height) alt="";
                    }
                }
                ul.files {
                    @for file in files {
                        (file_link(file, &locale.locale, web))
                    }
                    @if let Some(archive) = archive {
                        (link(&archive.path, "application/zip", &locale.locale,
                            html! { "ZIP" },
                            &format!("{} files · {}", archive.entries.len(), human_size(archive.bytes))))
                    }
                }
                @if let Some(web) = web.filter(|w| !w.actions.is_empty()) {
                    (crate::render::html::act_now(&web.actions, &web.labels, web.labels_lang,
                        &format!("act-{}", locale.locale), 4))
                }
                @if !locale.fallbacks.is_empty() {
                    @let count = locale.fallbacks.len();
                    p.note lang="en" dir="ltr" {
                        "Translation in progress: " (count) " passage"
                        @if count != 1 { "s are" } @else { " is" }
                        " still in " (Shown(reference_name)) "."
                    }
                }
            }
        }
    }
}

/// A document's link: the format's name (the web page's in the card's language), then its
/// details in English.
fn file_link(file: &ArtifactRecord, locale: &str, web: Option<&Web>) -> Markup {
    let mut meta = Vec::new();
    if let Some(paper) = file.paper {
        meta.push(paper_label(paper).to_owned());
    }
    if let Some(pages) = file.pages {
        meta.push(format!("{pages} page{}", if pages == 1 { "" } else { "s" }));
    }
    meta.push(human_size(file.bytes));
    let kind = match (file.format, web) {
        (Format::Html, Some(web)) => {
            html! { span lang=[web.labels_lang] { (Shown(&web.labels.read_online)) } }
        }
        (Format::Html, None) => html! { span lang="en" { "Read online" } },
        (format, _) => html! { (format_label(format)) },
    };
    link(&file.path, file.media_type, locale, kind, &meta.join(" · "))
}

/// A download link: what it is, then its details in English.
fn link(path: &str, media_type: &str, locale: &str, kind: Markup, meta: &str) -> Markup {
    html! {
        li {
            a.file href=(Href(path)) type=(media_type) hreflang=(Shown(locale)) {
                span.file-kind { (kind) }
                " "
                span.file-meta lang="en" dir="ltr" { (meta) }
            }
        }
    }
}

/// The archive with every language, and how to verify the files.
fn everything(record: &Record, languages: usize) -> Markup {
    let all: Option<&ArchiveRecord> = record.archives.iter().find(|a| a.locale.is_none());
    html! {
        section.wrap.all aria-labelledby="all-heading" {
            h2 #all-heading { "All languages" }
            @if let Some(all) = all {
                p {
                    a.big-link href=(Href(&all.path)) type="application/zip" { "Every pack in one ZIP" }
                    " (" (languages) " language" @if languages != 1 { "s" } ", "
                    (all.entries.len()) " files, " (human_size(all.bytes)) ")"
                }
            }
        }
        section.wrap.verify aria-labelledby="verify-heading" {
            h2 #verify-heading { "Check your files" }
            p {
                "Every file\u{2019}s SHA-256 checksum is listed in " a href="SHA256SUMS" { "SHA256SUMS" }
                ": in the folder you downloaded, run " code { "sha256sum -c SHA256SUMS" } ". "
                a href="manifest.json" type="application/json" { "manifest.json" }
                " describes every file for scripts and CI: language, paper, pages, size, checksum, \
                 translation coverage, and the inputs it was made from."
            }
        }
    }
}

fn name_of(locale: &LocaleRecord) -> &str {
    locale.language_name.as_deref().unwrap_or(&locale.locale)
}

fn dir(locale: &LocaleRecord) -> &'static str {
    match locale.direction {
        Some(Direction::Rtl) => "rtl",
        _ => "ltr",
    }
}

fn format_label(format: Format) -> &'static str {
    match format {
        Format::Pdf => "PDF",
        Format::Docx => "DOCX",
        Format::Text => "TXT",
        Format::Html => "HTML",
    }
}

fn paper_label(paper: crate::render::Paper) -> &'static str {
    match paper {
        crate::render::Paper::A4 => "A4",
        crate::render::Paper::Letter => "US Letter",
    }
}

/// Sizes as people read them: decimal units (kB, MB, as file managers and download pages show
/// them), no more precision than is useful. The CLI prints sizes with it too.
pub fn human_size(bytes: u64) -> String {
    match bytes {
        b if b >= 999_500 => format!("{:.1} MB", b as f64 / 1e6),
        b if b >= 1000 => format!("{} kB", (b as f64 / 1e3).round() as u64),
        b => format!("{b} B"),
    }
}

/// Text from the inputs, escaped for HTML text and attribute values alike (maud's own escaping
/// plus `'`). Bidi controls and other invisible format characters are written as character
/// references: they still work, but a reviewer reading the source sees them.
pub(crate) struct Shown<'a>(pub &'a str);

impl Render for Shown<'_> {
    fn render_to(&self, out: &mut String) {
        for c in self.0.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c if crate::chars::is_default_ignorable(c) => {
                    let _ = write!(out, "&#x{:X};", c as u32);
                }
                c => out.push(c),
            }
        }
    }
}

/// A relative link to a file of the release: percent-encoded (so it is markup-free).
pub(crate) struct Href<'a>(pub &'a str);

impl Render for Href<'_> {
    fn render_to(&self, out: &mut String) {
        for byte in self.0.bytes() {
            if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
                out.push(byte as char);
            } else {
                let _ = write!(out, "%{byte:02X}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_bidi_overrides() {
        let shown = |text: &str| Shown(text).render().into_string();
        assert_eq!(
            shown("a<b>&\"c\" 'd' \u{202E}x"),
            "a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39; &#x202E;x"
        );
        assert_eq!(shown("\u{2068}Amnesty\u{2069}"), "&#x2068;Amnesty&#x2069;");
        assert_eq!(shown("العربية"), "العربية");
        // In an attribute too: the value cannot end early.
        let markup = html! { a title=(Shown("\" onclick=\"x")) { "y" } };
        assert_eq!(
            markup.into_string(),
            "<a title=\"&quot; onclick=&quot;x\">y</a>"
        );
    }

    #[test]
    fn links_are_percent_encoded() {
        let href = |path: &str| Href(path).render().into_string();
        assert_eq!(href("fr/a b&c.pdf"), "fr/a%20b%26c.pdf");
        assert_eq!(href("ar/x-ar.pdf"), "ar/x-ar.pdf");
        assert_eq!(href("é"), "%C3%A9");
        assert_eq!(href("\"<x>"), "%22%3Cx%3E");
    }

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(human_size(512), "512 B");
        assert_eq!(human_size(41_234), "41 kB");
        assert_eq!(human_size(999_400), "999 kB");
        assert_eq!(human_size(999_500), "1.0 MB");
        assert_eq!(human_size(3_141_592), "3.1 MB");
    }
}
