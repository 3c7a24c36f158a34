//! Manifest sanity: addressees' contact channels well-formed and not repeated across addressees.

use std::collections::BTreeMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::manifest::{Channel, Manifest};
use crate::source::FileId;

/// The codes an addressee's `allow` may silence.
const ALLOWABLE: &[Code] = &[Code::DuplicateContact];

/// A warning the manifest silences on purpose: shown as one line, with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Allowed {
    pub addressee: String,
    pub code: Code,
    pub reason: String,
}

/// Malformed e-mail addresses, handles, URLs and phone numbers (errors: they become links),
/// and a contact shared by two addressees (warning: in a source alert it is often a slip),
/// unless the later addressee allows it; then it is returned among the allowed, once.
pub(crate) fn check(manifest: &Manifest, file: FileId) -> (Vec<Diagnostic>, Vec<Allowed>) {
    let mut out = Vec::new();
    let mut allowed: Vec<Allowed> = Vec::new();
    for addressee in &manifest.addressees {
        for allow in &addressee.allow {
            let known = ALLOWABLE.iter().any(|c| c.as_str() == allow.code.name);
            if !known {
                out.push(
                    Diagnostic::error(
                        Code::ManifestInvalid,
                        format!("`{}` cannot be allowed in the manifest", allow.code.name),
                    )
                    .with_label(file, allow.code.span.clone(), "not a manifest warning")
                    .with_help(format!(
                        "the manifest can allow: {}",
                        ALLOWABLE
                            .iter()
                            .map(|c| c.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                );
            } else if allow.reason.trim().is_empty() {
                out.push(
                    Diagnostic::error(
                        Code::ManifestInvalid,
                        format!("the allow of `{}` on `{}` gives no reason", allow.code.name, addressee.id),
                    )
                    .with_label(file, allow.code.span.clone(), "allowed without a reason")
                    .with_help("say why, for the next reader: reason = \"the source gives one address for both\""),
                );
            }
        }
    }
    let mut first_use: BTreeMap<(&str, String), &str> = BTreeMap::new();
    for addressee in &manifest.addressees {
        for channel in &addressee.channels {
            let value = channel.value();
            if let Some(problem) = malformed(channel) {
                out.push(
                    Diagnostic::error(
                        Code::MalformedContact,
                        format!(
                            "{} `{value}` of `{}` {problem}",
                            describe(channel),
                            addressee.id
                        ),
                    )
                    .with_label(file, value.span.clone(), problem.to_owned())
                    .with_help("copy the contact exactly from the source alert"),
                );
            }
            let normal = if matches!(channel, Channel::Email(_) | Channel::X(_)) {
                value.name.to_lowercase()
            } else {
                value.name.split_whitespace().collect::<Vec<_>>().join(" ")
            };
            let allow = addressee
                .allow
                .iter()
                .find(|a| a.code.name == Code::DuplicateContact.as_str());
            match first_use.get(&(channel.kind(), normal.clone())) {
                Some(_) if allow.is_some() => {
                    let allow = allow.expect("matched");
                    if !allowed.iter().any(|a| a.addressee == addressee.id.name) {
                        allowed.push(Allowed {
                            addressee: addressee.id.name.clone(),
                            code: Code::DuplicateContact,
                            reason: allow.reason.clone(),
                        });
                    }
                }
                Some(first) => out.push(
                    Diagnostic::warning(
                        Code::DuplicateContact,
                        format!("`{}` has the same {} as `{first}`: {value}", addressee.id, describe(channel)),
                    )
                    .with_label(file, value.span.clone(), "repeated here")
                    .with_label(
                        file,
                        manifest.addressee(first).and_then(|a| a.channels.iter().find(|c| c.kind() == channel.kind() && c.value().name.to_lowercase() == value.name.to_lowercase())).map_or(0..0, |c| c.value().span.clone()),
                        format!("first given for `{first}`"),
                    )
                    .with_note("two addressees with one contact is often a copy-paste slip in the source alert")
                    .with_help("check it against the source; if the source really gives one contact for both, keep it and add to this addressee: allow = [{ code = \"duplicate-contact\", reason = \"…\" }]"),
                ),
                None => {
                    first_use.insert((channel.kind(), normal), addressee.id.name.as_str());
                }
            }
        }
    }
    // An allow that silenced nothing hides nothing today, but would hide tomorrow's slip.
    for addressee in &manifest.addressees {
        for allow in addressee
            .allow
            .iter()
            .filter(|a| a.code.name == Code::DuplicateContact.as_str())
        {
            if !allowed.iter().any(|a| a.addressee == addressee.id.name) {
                out.push(
                    Diagnostic::warning(
                        Code::UnusedAllow,
                        format!(
                            "`allow({})` silences nothing on `{}`",
                            allow.code.name, addressee.id
                        ),
                    )
                    .with_label(
                        file,
                        allow.code.span.clone(),
                        "no contact of this addressee is repeated",
                    )
                    .with_help("remove it"),
                );
            }
        }
    }
    (out, allowed)
}

fn describe(channel: &Channel) -> &'static str {
    match channel {
        Channel::Email(_) => "e-mail address",
        Channel::X(_) => "X handle",
        Channel::Postal(_) => "postal address",
        Channel::Web(_) => "web address",
        Channel::Phone(_) => "telephone number",
    }
}

/// Why a channel's value is not usable, if it is not.
fn malformed(channel: &Channel) -> Option<&'static str> {
    let value = channel.value().name.as_str();
    if value.trim().is_empty() {
        return Some("is empty");
    }
    if value != value.trim() {
        return Some("has spaces around it");
    }
    match channel {
        Channel::Email(_) => {
            let Some((local, domain)) = value.split_once('@') else {
                return Some("has no `@`");
            };
            let local_ok = |b: u8| b.is_ascii_alphanumeric() || b"._%+-".contains(&b);
            if local.is_empty()
                || !local.bytes().all(local_ok)
                || local.starts_with('.')
                || local.ends_with('.')
            {
                return Some("has an invalid part before `@`");
            }
            let labels: Vec<&str> = domain.split('.').collect();
            let label_ok = |l: &&str| {
                !l.is_empty()
                    && !l.starts_with('-')
                    && !l.ends_with('-')
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
            };
            if labels.len() < 2 || !labels.iter().all(label_ok) {
                return Some("has an invalid domain");
            }
            None
        }
        Channel::X(_) => {
            let Some(name) = value.strip_prefix('@') else {
                return Some("does not start with `@`");
            };
            if name.is_empty() || name.len() > 15 {
                return Some("must have 1 to 15 characters after `@`");
            }
            if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                return Some("may use only letters, digits and `_`");
            }
            None
        }
        Channel::Web(_) => match value.strip_prefix("https://") {
            None => Some("must start with `https://`"),
            Some(rest)
                if rest.is_empty()
                    || value
                        .chars()
                        .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\\')) =>
            {
                Some("is not a valid URL")
            }
            Some(_) => None,
        },
        Channel::Phone(_) => {
            let digits = value.strip_prefix('+').unwrap_or(value);
            if digits.is_empty()
                || !digits
                    .chars()
                    .all(|c| c.is_ascii_digit() || c == '-' || c == '.')
            {
                return Some("must be digits, `-` or `.`, in international format (+41-22-…)");
            }
            None
        }
        Channel::Postal(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Ident;

    #[test]
    fn contacts_must_be_well_formed() {
        let email = |v: &str| malformed(&Channel::Email(Ident::new(v)));
        assert_eq!(email("fsb@fsb.ru"), None);
        assert_eq!(email("mission.russian@vtxnet.ch"), None);
        assert_eq!(email("fsb.fsb.ru"), Some("has no `@`"));
        assert_eq!(email("fsb@fsb"), Some("has an invalid domain"));
        assert_eq!(email("fsb@fsb..ru"), Some("has an invalid domain"));
        let x = |v: &str| malformed(&Channel::X(Ident::new(v)));
        assert_eq!(x("@KremlinRussia_E"), None);
        assert_eq!(x("KremlinRussia_E"), Some("does not start with `@`"));
        assert_eq!(
            x("@a_very_long_handle_name"),
            Some("must have 1 to 15 characters after `@`")
        );
        assert_eq!(
            x("@Kremlin-Russia"),
            Some("may use only letters, digits and `_`")
        );
        let web = |v: &str| malformed(&Channel::Web(Ident::new(v)));
        assert_eq!(
            web("http://example.org"),
            Some("must start with `https://`")
        );
        assert_eq!(web("https://example.org/form"), None);
    }
}
