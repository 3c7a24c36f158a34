//! One-click actions: each letter as a `mailto:` link, each suggested post as an X intent.
//!
//! Both are plain text taken from the model, encoded once here, so that the web page, the
//! download page and the tests read the same links.

use crate::model::{AppealPack, Block, Para, Part, Recipient, is_bidi_control, is_safe_link};

/// Where posts are opened: X's intent URL (the older `twitter.com/intent/tweet` redirects here).
pub const X_INTENT: &str = "https://x.com/intent/post?text=";

/// One thing a reader can do with one click.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// The addressee, as the pack names them.
    pub name: String,
    /// The part (a letter) or the anchor the action belongs to on the web page.
    pub anchor: String,
    pub kind: ActionKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActionKind {
    /// A letter that goes by e-mail: the link opens it in the reader's mail program.
    Letter {
        address: String,
        subject: String,
        /// Lines separated by `\n`; the link writes them as CRLF, as RFC 6068 asks.
        body: String,
    },
    /// A suggested post on X.
    Post { text: String },
}

impl Action {
    /// The link: `mailto:` (RFC 6068) or the X intent, percent-encoded UTF-8.
    pub fn href(&self) -> String {
        match &self.kind {
            ActionKind::Letter {
                address,
                subject,
                body,
            } => mailto(address, subject, body),
            ActionKind::Post { text } => format!("{X_INTENT}{}", percent_encode(text)),
        }
    }
}

/// Every action of a pack, in reading order: the posts of the sections, then the letters.
pub fn actions(pack: &AppealPack) -> Vec<Action> {
    let mut out = Vec::new();
    let mut posts = 0;
    for part in &pack.parts {
        for block in &part.blocks {
            if let Block::Post { text, .. } = block {
                posts += 1;
                out.push(Action {
                    name: post_addressee(pack, text),
                    anchor: format!("post-{posts}"),
                    kind: ActionKind::Post { text: plain(text) },
                });
            }
        }
    }
    for part in pack.letters() {
        if let Some(action) = letter_action(part) {
            out.push(action);
        }
    }
    out
}

/// A letter's e-mail: the first e-mail address of its recipient, its subject line, and its
/// text from the salutation to the sender's name. A letter with no e-mail has no action.
fn letter_action(part: &Part) -> Option<Action> {
    let recipient = part.blocks.iter().find_map(|b| match b {
        Block::Recipient(r) => Some(r),
        _ => None,
    })?;
    let address = email_of(recipient)?;
    let subject = part
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Subject(p) => Some(plain(p)),
            _ => None,
        })
        .unwrap_or_default();
    Some(Action {
        name: plain(&recipient.name),
        anchor: part.id.clone(),
        kind: ActionKind::Letter {
            address,
            subject,
            body: letter_text(part),
        },
    })
}

/// The e-mail text of a letter: salutation, the body's paragraphs, each list item on its own
/// line (`- `), the closing, then each label of the signature block in brackets on its own
/// line (`[Name]`), where the sender types what the printed letter has them write. Paragraphs
/// are separated by a blank line.
pub fn letter_text(part: &Part) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut closing: Option<String> = None;
    let mut placeholders: Vec<String> = Vec::new();
    for block in &part.blocks {
        match block {
            Block::Salutation(p) | Block::Paragraph(p) => paragraphs.push(plain(p)),
            Block::List(items) => paragraphs.push(
                items
                    .iter()
                    .map(|p| format!("- {}", plain(p)))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
            Block::Closing(p) => closing = Some(plain(p)),
            Block::Signature(labels) => {
                placeholders = labels.iter().map(|l| format!("[{}]", plain(l))).collect()
            }
            _ => {}
        }
    }
    let ending: Vec<String> = closing.into_iter().chain(placeholders).collect();
    if !ending.is_empty() {
        paragraphs.push(ending.join("\n"));
    }
    paragraphs.join("\n\n")
}

fn email_of(recipient: &Recipient) -> Option<String> {
    recipient
        .channels
        .iter()
        .flat_map(|p| &p.inlines)
        .filter_map(|i| i.link.as_deref())
        .filter(|link| is_safe_link(link))
        .find_map(|link| {
            let (scheme, rest) = link.split_once(':')?;
            // The letter's link may carry its subject already (see the model's letters).
            let address = rest.split('?').next().unwrap_or(rest);
            scheme
                .eq_ignore_ascii_case("mailto")
                .then(|| percent_decode(address).unwrap_or_else(|| address.to_owned()))
        })
}

/// The addressee of a post: the bold name of the address entry that links the same account,
/// else the account itself.
fn post_addressee(pack: &AppealPack, post: &Para) -> String {
    let account = post.inlines.iter().find_map(|i| {
        i.link
            .as_deref()
            .filter(|l| l.starts_with("https://x.com/"))
    });
    let entry = pack
        .parts
        .iter()
        .flat_map(|p| &p.blocks)
        .filter_map(|b| match b {
            Block::Addresses(entries) => Some(entries),
            _ => None,
        })
        .flatten()
        .find(|e| account.is_some() && e.inlines.iter().any(|i| i.link.as_deref() == account));
    let name: Option<String> = entry.map(|e| {
        e.inlines
            .iter()
            .filter(|i| i.strong)
            .flat_map(|i| i.text.chars())
            .filter(|c| !is_bidi_control(*c))
            .collect()
    });
    match name.filter(|n| !n.trim().is_empty()) {
        Some(name) => name,
        None => account
            .and_then(|a| a.strip_prefix("https://x.com/"))
            .map_or_else(String::new, |handle| format!("@{handle}")),
    }
}

/// A paragraph as plain text: what the reader sees, no bidi controls (they would travel into
/// the e-mail or post as invisible characters).
fn plain(para: &Para) -> String {
    para.text()
}

/// `mailto:ADDRESS?subject=…&body=…`: every byte outside the unreserved set percent-encoded
/// (so `&`, `=`, `#`, `%` and spaces in the text cannot end a field), each line break as
/// `%0D%0A`.
pub fn mailto(address: &str, subject: &str, body: &str) -> String {
    let crlf = |text: &str| text.replace("\r\n", "\n").replace('\n', "\r\n");
    let mut href = format!("mailto:{}", percent_encode_address(address));
    let mut sep = '?';
    if !subject.is_empty() {
        href.push_str(&format!("?subject={}", percent_encode(&crlf(subject))));
        sep = '&';
    }
    if !body.is_empty() {
        href.push_str(&format!("{sep}body={}", percent_encode(&crlf(body))));
    }
    href
}

/// Percent-encodes every byte but the unreserved characters of RFC 3986.
pub fn percent_encode(text: &str) -> String {
    encode(text, b"-._~")
}

/// An address keeps `@` (RFC 6068 `addr-spec`); anything else outside the unreserved set is
/// encoded, so a `?` or `,` in it cannot start the fields or add a recipient.
fn percent_encode_address(address: &str) -> String {
    encode(address, b"-._~@+")
}

fn encode(text: &str, keep: &[u8]) -> String {
    crate::chars::percent_encode(text, keep)
}

/// Decodes `%XX` escapes (for tests and for measuring); `None` for a malformed escape or
/// bytes that are not UTF-8.
pub fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mailto_encodes_utf8_reserved_characters_and_crlf() {
        let href = mailto("a@b.org", "Тема: x&y", "Dear Sir,\n\n- one=1 #2\n100%");
        assert_eq!(
            href,
            "mailto:a@b.org?subject=%D0%A2%D0%B5%D0%BC%D0%B0%3A%20x%26y\
             &body=Dear%20Sir%2C%0D%0A%0D%0A-%20one%3D1%20%232%0D%0A100%25"
        );
        let body = href.split_once("&body=").unwrap().1;
        assert_eq!(
            percent_decode(body).unwrap(),
            "Dear Sir,\r\n\r\n- one=1 #2\r\n100%"
        );
    }

    #[test]
    fn an_address_cannot_add_fields_or_recipients() {
        assert_eq!(mailto("a?cc=b,c@d", "", ""), "mailto:a%3Fcc%3Db%2Cc@d");
    }

    #[test]
    fn decoding_refuses_broken_escapes() {
        assert_eq!(percent_decode("%E2%82%AC"), Some("€".into()));
        assert_eq!(percent_decode("%E2%82"), None);
        assert_eq!(percent_decode("%4"), None);
        assert_eq!(percent_decode("%zz"), None);
    }
}
