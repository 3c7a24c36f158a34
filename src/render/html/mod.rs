//! The web writer: one pack as a self-contained, accessible HTML page with one-click actions.
//!
//! Every text goes through maud, which escapes by default; Fluent's isolation marks become
//! `<bdi>` elements, so no invisible control reaches a reader's copy and paste. The page makes
//! no request: inline CSS, a few lines of inline script (allowed by hash) for the copy button,
//! and a page that works without it.

pub mod actions;

use maud::{DOCTYPE, Markup, PreEscaped, html};
use sha2::{Digest, Sha256};

use crate::model::{
    AppealPack, Block, Direction, Inline, Para, Part, PartKind, WebLabels, is_bidi_control,
    is_safe_link,
};
use actions::{Action, ActionKind};

/// The rules this page shares with the download page (palette, fonts, skip link, focus ring).
pub(crate) const BASE_STYLE: &str = include_str!("base.css");
const STYLE: &str = include_str!("page.css");

/// Shows the copy buttons (hidden without script) and copies a letter's text on a click.
/// Browsers without the asynchronous clipboard keep the buttons hidden: the text is on the page.
pub(crate) const COPY_SCRIPT: &str = "\
if (navigator.clipboard) {
  document.querySelectorAll('button[data-copy]').forEach(function (b) {
    b.hidden = false;
    b.addEventListener('click', function () {
      navigator.clipboard.writeText(b.getAttribute('data-copy')).then(function () {
        b.setAttribute('aria-pressed', 'true');
      });
    });
  });
}
";

/// The page, as UTF-8 bytes.
pub fn render(pack: &AppealPack) -> Vec<u8> {
    page(pack).into_string().into_bytes()
}

/// The English words, for a manifest without `[web]`: marked `lang="en"` on the page.
pub(crate) fn english_labels() -> WebLabels {
    WebLabels {
        act_now: "Act now".into(),
        send_letter: "Send this letter".into(),
        post_on_x: "Post on X".into(),
        copy_letter: "Copy the letter".into(),
        read_online: "Read online".into(),
    }
}

/// The labels of a pack and the language they are in (`None`: the pack's own).
pub(crate) fn labels(pack: &AppealPack) -> (WebLabels, Option<&'static str>) {
    match &pack.web {
        Some(labels) => (labels.clone(), None),
        None => (english_labels(), Some("en").filter(|_| pack.locale != "en")),
    }
}

pub(crate) fn dir(direction: Direction) -> &'static str {
    match direction {
        Direction::Ltr => "ltr",
        Direction::Rtl => "rtl",
    }
}

/// `Content-Security-Policy` of a page with `COPY_SCRIPT`: nothing from elsewhere, inline
/// style, and that one script by its hash.
pub(crate) fn content_security_policy(images: bool) -> String {
    let hash = base64(&Sha256::digest(COPY_SCRIPT.as_bytes()));
    let img = if images { "; img-src 'self'" } else { "" };
    format!("default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-{hash}'{img}")
}

fn page(pack: &AppealPack) -> Markup {
    let (labels, labels_lang) = labels(pack);
    let actions = actions::actions(pack);
    let title = visible(&pack.meta.title);
    html! {
        (DOCTYPE)
        html lang=(pack.locale) dir=(dir(pack.direction)) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta http-equiv="Content-Security-Policy" content=(content_security_policy(false));
                meta name="referrer" content="no-referrer";
                title { (title) }
                style { (PreEscaped(BASE_STYLE)) (PreEscaped(STYLE)) }
            }
            body {
                header.masthead {
                    div.wrap {
                        @if let Some(band) = &pack.band {
                            ul.band {
                                @for para in band.paras() { li { (inlines(para)) } }
                            }
                        }
                        h1 { (title) }
                        @if let Some(subtitle) = &pack.meta.subtitle {
                            p.subtitle { (visible(subtitle)) }
                        }
                    }
                }
                main.wrap {
                    @if !actions.is_empty() {
                        (act_now(&actions, &labels, labels_lang, "act-now", 2))
                    }
                    @for part in &pack.parts {
                        (part_markup(pack, part, &actions, &labels, labels_lang))
                    }
                }
                footer.site-footer {
                    div.wrap {
                        p { (pack.alert_id) " · " (pack.language_name) }
                    }
                }
                script { (PreEscaped(COPY_SCRIPT)) }
            }
        }
    }
}

/// The compact block of one-click actions: each addressee with their link. Also on the
/// download page, once per language, under the card's `h3` (so there with an `h4`).
pub(crate) fn act_now(
    actions: &[Action],
    labels: &WebLabels,
    labels_lang: Option<&str>,
    id: &str,
    level: u8,
) -> Markup {
    let heading = format!("{id}-heading");
    html! {
        section.act aria-labelledby=(heading) {
            @if level == 2 {
                h2 id=(heading) lang=[labels_lang] { (labels.act_now) }
            } @else {
                h4 id=(heading) lang=[labels_lang] { (labels.act_now) }
            }
            ul {
                @for action in actions {
                    li {
                        span.who { (action.name) }
                        " "
                        (action_link(action, labels, labels_lang))
                    }
                }
            }
        }
    }
}

fn action_link(action: &Action, labels: &WebLabels, labels_lang: Option<&str>) -> Markup {
    let label = match action.kind {
        ActionKind::Letter { .. } => &labels.send_letter,
        ActionKind::Post { .. } => &labels.post_on_x,
    };
    html! {
        a.button href=(action.href()) lang=[labels_lang] { (label) }
    }
}

fn part_markup(
    pack: &AppealPack,
    part: &Part,
    actions: &[Action],
    labels: &WebLabels,
    labels_lang: Option<&str>,
) -> Markup {
    let heading_id = format!("{}-heading", part.id);
    if part.kind == PartKind::Letter {
        let action = actions.iter().find(|a| a.anchor == part.id);
        let heading = part
            .outline
            .clone()
            .or_else(|| part.heading.as_ref().map(Para::text))
            .unwrap_or_default();
        return html! {
            article.letter id=(part.id) aria-labelledby=(heading_id) {
                h2 id=(heading_id) { (visible(&heading)) }
                @if let Some(action) = action {
                    div.actions {
                        (action_link(action, labels, labels_lang))
                        @if let ActionKind::Letter { subject, body, .. } = &action.kind {
                            button.button.quiet type="button" hidden
                                data-copy=(copy_text(subject, body)) lang=[labels_lang] {
                                (labels.copy_letter)
                            }
                        }
                    }
                }
                @for block in &part.blocks { (block_markup(pack, block, actions, labels, labels_lang)) }
            }
        };
    }
    let labelled = part.heading.is_some();
    html! {
        section id=(part.id) aria-labelledby=[labelled.then_some(&heading_id)] {
            @if let Some(kicker) = &part.kicker { p { (inlines(kicker)) } }
            @if let Some(heading) = &part.heading { h2 id=(heading_id) { (inlines(heading)) } }
            @for block in &part.blocks { (block_markup(pack, block, actions, labels, labels_lang)) }
        }
    }
}

fn block_markup(
    pack: &AppealPack,
    block: &Block,
    actions: &[Action],
    labels: &WebLabels,
    labels_lang: Option<&str>,
) -> Markup {
    html! {
        @match block {
            Block::Paragraph(p) | Block::Salutation(p) | Block::Closing(p) => p { (inlines(p)) },
            Block::Subject(p) => p.subject { (inlines(p)) },
            Block::List(items) | Block::Addresses(items) => ul {
                @for item in items { li { (inlines(item)) } }
            },
            Block::Sender(fields) | Block::Signature(fields) => ul.fields {
                @for field in fields { li { (inlines(field)) } }
            },
            Block::Date(p) => ul.fields { li { (inlines(p)) } },
            Block::Recipient(recipient) => address {
                @for line in recipient.lines() { p { (inlines(line)) } }
            },
            Block::Post { heading, text } => {
                @let action = post_action(pack, text, actions);
                div.post id=[action.map(|a| &a.anchor)] {
                    @if !heading.text().is_empty() { h3 { (inlines(heading)) } }
                    blockquote { p { (inlines(text)) } }
                    @if let Some(action) = action { p { (action_link(action, labels, labels_lang)) } }
                }
            },
        }
    }
}

/// The action of a post block: posts are numbered in reading order, as `actions` numbers them.
fn post_action<'a>(pack: &AppealPack, text: &Para, actions: &'a [Action]) -> Option<&'a Action> {
    let index = pack
        .parts
        .iter()
        .flat_map(|p| &p.blocks)
        .filter_map(|b| match b {
            Block::Post { text, .. } => Some(text),
            _ => None,
        })
        .position(|t| std::ptr::eq(t, text))?;
    let anchor = format!("post-{}", index + 1);
    actions.iter().find(|a| a.anchor == anchor)
}

/// What the copy button puts on the clipboard: the subject line, a blank line, the letter.
fn copy_text(subject: &str, body: &str) -> String {
    if subject.is_empty() {
        body.to_owned()
    } else {
        format!("{subject}\n\n{body}")
    }
}

/// Text outside a paragraph (title, headings of letters): bidi controls dropped.
fn visible(text: &str) -> String {
    text.chars().filter(|c| !is_bidi_control(*c)).collect()
}

/// A paragraph's inlines, with each isolate (U+2066–U+2068 … U+2069) as a `<bdi>`: an
/// unclosed one ends with the paragraph, a stray close is dropped, and every other bidi
/// control is dropped (embeddings and overrides never reach the page).
fn inlines(para: &Para) -> Markup {
    let mut stack: Vec<(Option<&'static str>, Vec<Node>)> = vec![(None, Vec::new())];
    for inline in &para.inlines {
        let mut run = String::new();
        for c in inline.text.chars() {
            let opens = match c {
                '\u{2066}' => Some(Some("ltr")),
                '\u{2067}' => Some(Some("rtl")),
                '\u{2068}' => Some(None),
                _ => None,
            };
            if opens.is_some() || c == '\u{2069}' {
                flush(&mut stack, &mut run, inline);
            }
            if let Some(direction) = opens {
                stack.push((direction, Vec::new()));
            } else if c == '\u{2069}' {
                close(&mut stack);
            } else if !is_bidi_control(c) {
                run.push(c);
            }
        }
        flush(&mut stack, &mut run, inline);
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    let (_, nodes) = stack.pop().unwrap_or((None, Vec::new()));
    nodes_markup(&nodes)
}

enum Node<'a> {
    Isolate(Option<&'static str>, Vec<Node<'a>>),
    Run(String, &'a Inline),
}

type Stack<'a> = Vec<(Option<&'static str>, Vec<Node<'a>>)>;

fn flush<'a>(stack: &mut Stack<'a>, run: &mut String, inline: &'a Inline) {
    if !run.is_empty() {
        let node = Node::Run(std::mem::take(run), inline);
        if let Some((_, nodes)) = stack.last_mut() {
            nodes.push(node);
        }
    }
}

fn close(stack: &mut Stack<'_>) {
    if stack.len() > 1 {
        let (direction, nodes) = stack.pop().expect("checked above");
        if let Some((_, parent)) = stack.last_mut() {
            parent.push(Node::Isolate(direction, nodes));
        }
    }
}

fn nodes_markup(nodes: &[Node]) -> Markup {
    html! {
        @for node in nodes {
            @match node {
                Node::Isolate(direction, kids) => bdi dir=[*direction] { (nodes_markup(kids)) },
                Node::Run(text, inline) => (run_markup(text, inline)),
            }
        }
    }
}

fn run_markup(text: &str, inline: &Inline) -> Markup {
    let styled = html! {
        @match (inline.strong, inline.emphasis) {
            (true, true) => strong { em { (text) } },
            (true, false) => strong { (text) },
            (false, true) => em { (text) },
            (false, false) => (text),
        }
    };
    match inline.link.as_deref().filter(|l| is_safe_link(l)) {
        Some(link) => html! { a href=(link) { (styled) } },
        None => styled,
    }
}

/// Standard base64 with padding, for the script's hash in the policy.
fn base64(bytes: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(inlines: Vec<Inline>) -> Para {
        Para {
            source: "m".into(),
            inlines,
        }
    }

    #[test]
    fn isolates_become_bdi_and_other_controls_go() {
        let link = Inline {
            link: Some("mailto:a@b.org".into()),
            ..Inline::plain("a@b.org")
        };
        let p = para(vec![
            Inline::plain("E-mail: \u{2068}"),
            link,
            Inline::plain("\u{2069} \u{202E}x\u{2066}y"),
        ]);
        assert_eq!(
            inlines(&p).into_string(),
            "E-mail: <bdi><a href=\"mailto:a@b.org\">a@b.org</a></bdi> x<bdi dir=\"ltr\">y</bdi>"
        );
        assert_eq!(
            inlines(&para(vec![Inline::plain("\u{2069}a")])).into_string(),
            "a"
        );
    }

    #[test]
    fn markup_and_unsafe_links_are_text() {
        let p = para(vec![Inline {
            link: Some("javascript:alert(1)".into()),
            strong: true,
            ..Inline::plain("<script>\"&")
        }]);
        assert_eq!(
            inlines(&p).into_string(),
            "<strong>&lt;script&gt;&quot;&amp;</strong>"
        );
    }

    #[test]
    fn base64_matches_rfc_4648() {
        for (input, output) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(input.as_bytes()), output);
        }
    }
}
