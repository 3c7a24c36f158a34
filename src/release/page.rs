//! `index.html`, the download page: one card per language, plain HTML and CSS, relative links
//! only, so it works from `file://` and from any static host. Made from the release record.

use std::fmt::Write as _;

use crate::model::Direction;
use crate::render::Format;

use super::record::{ArchiveRecord, ArtifactRecord, LocaleRecord, Record, Status};

const STYLE: &str = include_str!("page.css");

/// The page. Every text from the inputs is escaped, and each sits in an element with its own
/// `lang` and `dir`, so a stray bidi control cannot reorder anything outside it.
pub(crate) fn render(record: &Record) -> String {
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

    let mut html = String::with_capacity(16 * 1024);
    html.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n",
    );
    html.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // Nothing is ever fetched from elsewhere; the policy makes that a promise.
    html.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; img-src 'self'\">\n",
    );
    html.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n");
    let _ = writeln!(
        html,
        "<meta name=\"generator\" content=\"{} {}\">",
        record.tool.name, record.tool.version
    );
    let _ = writeln!(
        html,
        "<title>{} · appeal packs</title>",
        escape(heading.unwrap_or(&record.alert.id))
    );
    let _ = writeln!(html, "<style>\n{STYLE}</style>\n</head>\n<body>");
    html.push_str("<a class=\"skip\" href=\"#languages\">Skip to the downloads</a>\n");

    // Masthead: the alert's title in the reference language, and a jump list of languages.
    html.push_str("<header class=\"masthead\">\n<div class=\"wrap\">\n");
    html.push_str("<p class=\"kicker\">Urgent appeal · packs to print and to edit</p>\n");
    match (heading, reference) {
        (Some(title), Some(reference)) => {
            let _ = writeln!(html, "<h1{}>{}</h1>", lang_dir(reference), escape(title));
        }
        _ => {
            let _ = writeln!(html, "<h1>Appeal packs: {}</h1>", escape(&record.alert.id));
        }
    }
    html.push_str(
        "<p class=\"lede\">Each pack holds the alert, what to ask for, the addresses of the \
         authorities and a model letter for each of them. Choose your language: the PDF is \
         ready to print, the DOCX is ready to edit.</p>\n",
    );
    if published.len() > 1 {
        html.push_str("<nav aria-label=\"Languages\">\n<ul class=\"langs\">\n");
        for locale in &published {
            let _ = writeln!(
                html,
                "<li><a href=\"#pack-{id}\"{attrs} hreflang=\"{id}\">{name}</a></li>",
                id = escape(&locale.locale),
                attrs = lang_dir(locale),
                name = escape(name_of(locale)),
            );
        }
        html.push_str("</ul>\n</nav>\n");
    }
    html.push_str("</div>\n</header>\n");

    html.push_str("<main id=\"main\">\n");
    html.push_str(
        "<section id=\"languages\" class=\"wrap\" aria-labelledby=\"languages-heading\">\n\
         <h2 id=\"languages-heading\">Choose your language</h2>\n<ul class=\"cards\">\n",
    );
    for locale in &published {
        card(&mut html, record, locale, reference_name);
    }
    html.push_str("</ul>\n</section>\n");

    everything(&mut html, record, published.len());
    html.push_str("</main>\n");
    let _ = writeln!(
        html,
        "<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p>Made with {} {} · {} · alert \
         <code>{}</code></p>\n</div>\n</footer>\n</body>\n</html>",
        record.tool.name,
        record.tool.version,
        escape(record.date.get(..10).unwrap_or(&record.date)),
        escape(&record.alert.id),
    );
    html
}

/// One language: its name and the title in that language, the preview, the files.
fn card(html: &mut String, record: &Record, locale: &LocaleRecord, reference_name: &str) {
    let id = escape(&locale.locale);
    let _ = writeln!(
        html,
        "<li>\n<article class=\"card\" id=\"pack-{id}\"{} aria-labelledby=\"pack-{id}-name\">",
        lang_dir(locale)
    );
    // Name and title, with page 1 under them (at the start of the line, so on the right in a
    // right-to-left card).
    html.push_str("<div class=\"card-head\">\n<div>\n");
    let _ = writeln!(
        html,
        "<h3 class=\"card-name\" id=\"pack-{id}-name\">{}</h3>",
        escape(name_of(locale))
    );
    if let Some(title) = &locale.title {
        let _ = writeln!(html, "<p class=\"card-title\">{}</p>", escape(title));
    }
    html.push_str("</div>\n");
    if let Some(preview) = &locale.preview {
        // The title beside it says what the page shows; for a screen reader it adds nothing.
        let _ = writeln!(
            html,
            "<img class=\"preview\" src=\"{}\" width=\"{}\" height=\"{}\" alt=\"\">",
            href(&preview.path),
            preview.width,
            preview.height
        );
    }
    html.push_str("</div>\n");
    html.push_str("<ul class=\"files\">\n");
    let mut files: Vec<&ArtifactRecord> = record
        .artifacts
        .iter()
        .filter(|a| a.locale == locale.locale)
        .collect();
    files.sort_by_key(|a| (a.format, a.paper, &a.path));
    for file in files {
        let mut meta = Vec::new();
        if let Some(paper) = file.paper {
            meta.push(paper_label(paper).to_owned());
        }
        if let Some(pages) = file.pages {
            meta.push(format!("{pages} page{}", if pages == 1 { "" } else { "s" }));
        }
        meta.push(human_size(file.bytes));
        link(
            html,
            &file.path,
            Some(file.media_type),
            &locale.locale,
            format_label(file.format),
            &meta.join(" · "),
        );
    }
    if let Some(archive) = locale
        .archive
        .as_ref()
        .and_then(|path| record.archives.iter().find(|a| &a.path == path))
    {
        let meta = format!(
            "{} files · {}",
            archive.entries.len(),
            human_size(archive.bytes)
        );
        link(
            html,
            &archive.path,
            Some("application/zip"),
            &locale.locale,
            "ZIP",
            &meta,
        );
    }
    html.push_str("</ul>\n");
    if !locale.fallbacks.is_empty() {
        let count = locale.fallbacks.len();
        let _ = writeln!(
            html,
            "<p class=\"note\" lang=\"en\" dir=\"ltr\">Translation in progress: {count} \
             passage{} {} still in {}.</p>",
            if count == 1 { "" } else { "s" },
            if count == 1 { "is" } else { "are" },
            escape(reference_name)
        );
    }
    html.push_str("</article>\n</li>\n");
}

/// A download link: what it is (in the card's language when it is a name of a format,
/// which reads the same everywhere), then its details in English.
fn link(
    html: &mut String,
    path: &str,
    media_type: Option<&str>,
    locale: &str,
    kind: &str,
    meta: &str,
) {
    let type_attr = media_type.map_or(String::new(), |t| format!(" type=\"{}\"", escape(t)));
    let _ = writeln!(
        html,
        "<li><a class=\"file\" href=\"{}\"{type_attr} hreflang=\"{}\"><span class=\"file-kind\">{}</span> \
         <span class=\"file-meta\" lang=\"en\" dir=\"ltr\">{}</span></a></li>",
        href(path),
        escape(locale),
        escape(kind),
        escape(meta)
    );
}

/// The archive with every language, and how to verify the files.
fn everything(html: &mut String, record: &Record, languages: usize) {
    let all: Option<&ArchiveRecord> = record.archives.iter().find(|a| a.locale.is_none());
    html.push_str("<section class=\"wrap all\" aria-labelledby=\"all-heading\">\n<h2 id=\"all-heading\">All languages</h2>\n");
    if let Some(all) = all {
        let _ = writeln!(
            html,
            "<p><a class=\"big-link\" href=\"{}\" type=\"application/zip\">Every pack in one ZIP</a> \
             ({languages} language{}, {} files, {})</p>",
            href(&all.path),
            if languages == 1 { "" } else { "s" },
            all.entries.len(),
            human_size(all.bytes)
        );
    }
    html.push_str("</section>\n");
    html.push_str(
        "<section class=\"wrap verify\" aria-labelledby=\"verify-heading\">\n\
         <h2 id=\"verify-heading\">Check your files</h2>\n\
         <p>Every file's SHA-256 checksum is listed in <a href=\"SHA256SUMS\">SHA256SUMS</a>: in the \
         folder you downloaded, run <code>sha256sum -c SHA256SUMS</code>. \
         <a href=\"manifest.json\" type=\"application/json\">manifest.json</a> describes every file \
         for scripts and CI: language, paper, pages, size, checksum, translation coverage, and the \
         inputs it was made from.</p>\n</section>\n",
    );
}

fn name_of(locale: &LocaleRecord) -> &str {
    locale.language_name.as_deref().unwrap_or(&locale.locale)
}

/// ` lang="ar" dir="rtl"`.
fn lang_dir(locale: &LocaleRecord) -> String {
    let dir = match locale.direction {
        Some(Direction::Rtl) => "rtl",
        _ => "ltr",
    };
    format!(" lang=\"{}\" dir=\"{dir}\"", escape(&locale.locale))
}

fn format_label(format: Format) -> &'static str {
    match format {
        Format::Pdf => "PDF",
        Format::Docx => "DOCX",
        Format::Text => "TXT",
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

/// Escapes text for HTML text and attribute values alike. Bidi controls and other invisible
/// format characters are written as character references: they still work, but a reviewer
/// reading the source sees them.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
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
    out
}

/// A relative link to a file of the release: percent-encoded, then escaped.
pub(crate) fn href(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    escape(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_quotes_and_bidi_overrides() {
        assert_eq!(
            escape("a<b>&\"c\" 'd' \u{202E}x"),
            "a&lt;b&gt;&amp;&quot;c&quot; &#39;d&#39; &#x202E;x"
        );
        assert_eq!(escape("\u{2068}Amnesty\u{2069}"), "&#x2068;Amnesty&#x2069;");
        assert_eq!(escape("العربية"), "العربية");
    }

    #[test]
    fn links_are_percent_encoded() {
        assert_eq!(href("fr/a b&c.pdf"), "fr/a%20b%26c.pdf");
        assert_eq!(href("ar/x-ar.pdf"), "ar/x-ar.pdf");
        assert_eq!(href("é"), "%C3%A9");
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
