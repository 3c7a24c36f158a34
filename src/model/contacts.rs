//! Addressees in the model: address-list entries, their channels and links, the suggested
//! posts of those no letter reaches, and a letter's recipient block.

use fluent_bundle::FluentArgs;

use super::build::{Builder, RichArgs, attribute};
use super::{Block, Inline, Para, Recipient};
use crate::diagnostic::{Code, Diagnostic};
use crate::manifest::{AddresseeConfig, Channel, tel_uri};

impl Builder<'_> {
    /// One entry of the address list: `$name` (bold), `$role`, `$kind` and `$contact`.
    pub(super) fn address_entry(&mut self, addressee: &AddresseeConfig) -> Para {
        let no_args = FluentArgs::new();
        let name = self.text(&addressee.message, &no_args);
        let role = self.text(&attribute(&addressee.message, "role"), &no_args);
        let contact = self.contact(addressee);
        let strong = Inline {
            strong: true,
            ..Inline::plain(name)
        };
        let mut args = FluentArgs::new();
        args.set("kind", addressee.kind.name.clone());
        let rich = RichArgs(vec![
            ("name", vec![strong]),
            ("role", vec![Inline::plain(role)]),
            ("contact", contact),
        ]);
        self.para(&self.manifest.contacts.entry, &args, rich)
    }

    /// Every channel of an addressee, joined by the locale's separator.
    fn contact(&mut self, addressee: &AddresseeConfig) -> Vec<Inline> {
        let separator = self.text(&self.manifest.contacts.separator, &FluentArgs::new());
        let mut inlines = Vec::new();
        for (i, channel) in addressee.channels.iter().enumerate() {
            if i > 0 {
                inlines.push(Inline::plain(separator.clone()));
            }
            inlines.extend(self.channel(channel).inlines);
        }
        inlines
    }

    /// A channel with its label (`E-mail: …`); a postal address on one line, its lines
    /// joined by the locale's line separator.
    fn channel(&mut self, channel: &Channel) -> Para {
        let variable = match channel {
            Channel::Email(_) | Channel::Postal(_) => "address",
            Channel::X(_) => "handle",
            Channel::Web(_) => "url",
            Channel::Phone(_) | Channel::Fax(_) => "number",
        };
        let value = match channel {
            Channel::Postal(postal) => {
                let separator = match &self.manifest.contacts.line_separator {
                    Some(m) if postal.lines.len() > 1 => self.text(m, &FluentArgs::new()),
                    _ => String::new(),
                };
                postal.joined(&separator)
            }
            // A number is printed as written, but never broken across two lines.
            Channel::Phone(number) | Channel::Fax(number) => number.replace(' ', "\u{a0}"),
            _ => channel.text().into_owned(),
        };
        let Some(message) = self.manifest.channel_label(channel) else {
            // Validation refuses such a manifest; a model built from one says so again.
            self.diagnostics.push(
                Diagnostic::error(
                    Code::ManifestInvalid,
                    format!(
                        "a {kind} channel is used but `[contacts]` names no `{kind}` message",
                        kind = channel.kind()
                    ),
                )
                .with_label(self.manifest_file(), channel.span(), "this channel"),
            );
            return Para::plain(String::new(), value);
        };
        let inline = Inline {
            link: link_target(channel),
            ..Inline::plain(value)
        };
        self.para(
            message,
            &FluentArgs::new(),
            RichArgs(vec![(variable, vec![inline])]),
        )
    }

    /// The suggested posts of the addressees in an address list whom no letter reaches but X
    /// does: they stand after the list, as the way to act for them.
    pub(super) fn posts(&mut self, addressees: &[&AddresseeConfig]) -> Vec<Block> {
        let Some(letters) = self.manifest.letters.as_ref() else {
            return Vec::new();
        };
        let Some(post) = &letters.post else {
            return Vec::new();
        };
        let mut blocks = Vec::new();
        for addressee in addressees.iter().filter(|a| !a.gets_letter()) {
            let Some(Channel::X(handle)) = addressee
                .channels
                .iter()
                .find(|c| matches!(c, Channel::X(_)))
            else {
                continue;
            };
            let args = self.addressee_args(addressee);
            let heading = match &letters.post_heading {
                Some(m) => self.para(m, &args, RichArgs(Vec::new())),
                None => Para::plain(String::new(), String::new()),
            };
            let handle = Inline {
                link: link_target(&Channel::X(handle.clone())),
                ..Inline::plain(handle.name.clone())
            };
            let text = self.para(post, &args, RichArgs(vec![("handle", vec![handle])]));
            blocks.push(Block::Post { heading, text });
        }
        blocks
    }

    /// `$name`, `$role` and `$kind` of an addressee, for the messages of their letter or post.
    pub(super) fn addressee_args(&mut self, addressee: &AddresseeConfig) -> FluentArgs<'static> {
        let no_args = FluentArgs::new();
        let name = self.text(&addressee.message, &no_args);
        let role = self.text(&attribute(&addressee.message, "role"), &no_args);
        let mut args = FluentArgs::new();
        args.set("name", name);
        args.set("role", role);
        args.set("kind", addressee.kind.name.clone());
        args
    }

    /// A letter's inside address: name, role, each postal line, then the other channels.
    pub(super) fn recipient(&mut self, addressee: &AddresseeConfig) -> Recipient {
        let no_args = FluentArgs::new();
        let name = self.text(&addressee.message, &no_args);
        let role = attribute(&addressee.message, "role");
        let role_text = self.text(&role, &no_args);
        let mut postal = Vec::new();
        let mut channels = Vec::new();
        for channel in &addressee.channels {
            match channel {
                // Each line isolated, as Fluent isolates a placeable: in a right-to-left letter
                // "12 Freedom Square" keeps its number before the street.
                Channel::Postal(address) => {
                    postal.extend(address.lines.iter().map(|line| {
                        Para::plain("postal", format!("\u{2068}{}\u{2069}", line.name))
                    }))
                }
                _ => channels.push(self.channel(channel)),
            }
        }
        Recipient {
            name: Para::plain(addressee.message.name.clone(), name),
            role: Para::plain(role.name, role_text),
            postal,
            channels,
            wording: Vec::new(),
        }
    }
}

/// The link for a channel; only well-formed `mailto:`, `https:` and `tel:` targets are made.
pub(crate) fn link_target(channel: &Channel) -> Option<String> {
    let value = match channel {
        Channel::Postal(_) => return None,
        Channel::Phone(number) | Channel::Fax(number) => return tel_uri(number),
        Channel::Email(v) | Channel::X(v) | Channel::Web(v) => v.name.as_str(),
    };
    let clean = !value.is_empty() && !value.chars().any(|c| c.is_whitespace() || c.is_control());
    if !clean {
        return None;
    }
    match channel {
        Channel::Email(_) => is_email(value).then(|| format!("mailto:{value}")),
        Channel::X(_) => {
            let name = value.strip_prefix('@')?;
            let valid = (1..=15).contains(&name.len())
                && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
            valid.then(|| format!("https://x.com/{name}"))
        }
        Channel::Web(_) => {
            let rest = value.strip_prefix("https://")?;
            (!rest.is_empty() && !value.contains(['"', '<', '>', '\\'])).then(|| value.to_owned())
        }
        Channel::Postal(_) | Channel::Phone(_) | Channel::Fax(_) => None,
    }
}

/// A deliberately plain e-mail shape: `local@domain.tld`, ASCII, no quoting.
pub(crate) fn is_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let ok_char = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
    !local.is_empty()
        && local.bytes().all(ok_char)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Ident;

    #[test]
    fn only_safe_schemes_become_links() {
        let email = |v: &str| link_target(&Channel::Email(Ident::new(v)));
        assert_eq!(email("fsb@fsb.ru").as_deref(), Some("mailto:fsb@fsb.ru"));
        assert_eq!(email("javascript:alert(1)@x.ru"), None);
        assert_eq!(email("a b@c.d"), None);
        let x = |v: &str| link_target(&Channel::X(Ident::new(v)));
        assert_eq!(
            x("@KremlinRussia_E").as_deref(),
            Some("https://x.com/KremlinRussia_E")
        );
        assert_eq!(x("@javascript:alert(1)"), None);
        let web = |v: &str| link_target(&Channel::Web(Ident::new(v)));
        assert_eq!(web("javascript:alert(1)"), None);
        assert_eq!(web("http://example.org"), None);
        assert_eq!(
            web("https://example.org/form").as_deref(),
            Some("https://example.org/form")
        );
        // A number prints as the source writes it; its link is its digits.
        let phone = |v: &str| link_target(&Channel::Phone(Ident::new(v)));
        assert_eq!(phone("+41 22 000").as_deref(), Some("tel:+4122000"));
        assert_eq!(phone("+41-22-000").as_deref(), Some("tel:+4122000"));
        assert_eq!(phone("+41 22 ext"), None);
        let fax = |v: &str| link_target(&Channel::Fax(Ident::new(v)));
        assert_eq!(fax("+32 2 555 01 24").as_deref(), Some("tel:+3225550124"));
    }
}
