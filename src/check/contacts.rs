//! Manifest sanity: addressees' contact channels well-formed and not repeated across addressees.

use std::collections::BTreeMap;

use crate::diagnostic::{Code, Diagnostic};
use crate::manifest::{Channel, Manifest, number_problem};
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
            let value = channel.text();
            if let Some((problem, span)) = malformed(channel) {
                let help = match channel {
                    Channel::Phone(_) | Channel::Fax(_) => {
                        "copy the number exactly from the source alert: spaces, parentheses, `-` and `.` may stay"
                    }
                    _ => "copy the contact exactly from the source alert",
                };
                out.push(
                    Diagnostic::error(
                        Code::MalformedContact,
                        format!(
                            "{} `{value}` of `{}` {problem}",
                            describe(channel),
                            addressee.id
                        ),
                    )
                    .with_label(
                        file,
                        span,
                        problem.split(": ").next().unwrap_or(&problem).to_owned(),
                    )
                    .with_help(help),
                );
            }
            let normal = match channel {
                Channel::Email(_) | Channel::X(_) => value.to_lowercase(),
                // The same number grouped otherwise is the same number.
                Channel::Phone(_) | Channel::Fax(_) => value
                    .chars()
                    .filter(|c| c.is_ascii_digit() || *c == '+')
                    .collect(),
                _ => value.split_whitespace().collect::<Vec<_>>().join(" "),
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
                    .with_label(file, channel.span(), "repeated here")
                    .with_label(
                        file,
                        manifest.addressee(first).and_then(|a| a.channels.iter().find(|c| c.kind() == channel.kind() && c.text().to_lowercase() == value.to_lowercase())).map_or(0..0, |c| c.span()),
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
        Channel::Fax(_) => "fax number",
    }
}

/// Why a channel's value is not usable, if it is not, and where.
fn malformed(channel: &Channel) -> Option<(String, std::ops::Range<usize>)> {
    if let Channel::Postal(postal) = channel {
        if postal.lines.is_empty() {
            return Some(("is empty".into(), postal.span.clone()));
        }
        for (index, line) in postal.lines.iter().enumerate() {
            let problem = if line.trim().is_empty() {
                Some("is empty")
            } else if line.name != line.trim() {
                Some("has spaces around it")
            } else if line.chars().any(char::is_control) {
                Some("has a control character")
            } else {
                None
            };
            if let Some(problem) = problem {
                let what = if postal.lines.len() > 1 {
                    format!("has a line {} that {problem}", index + 1)
                } else {
                    problem.to_owned()
                };
                return Some((what, line.span.clone()));
            }
        }
        return None;
    }
    let span = channel.span();
    let value = channel.text();
    let value = value.as_ref();
    if value.trim().is_empty() {
        return Some(("is empty".into(), span));
    }
    if value != value.trim() {
        return Some(("has spaces around it".into(), span));
    }
    let problem = match channel {
        Channel::Email(_) => email_problem(value),
        Channel::X(_) => {
            let Some(name) = value.strip_prefix('@') else {
                return Some(("does not start with `@`".into(), span));
            };
            if name.is_empty() || name.len() > 15 {
                Some("must have 1 to 15 characters after `@`")
            } else if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                Some("may use only letters, digits and `_`")
            } else {
                None
            }
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
        Channel::Phone(_) | Channel::Fax(_) => return number_problem(value).map(|p| (p, span)),
        Channel::Postal(_) => None,
    };
    problem.map(|p| (p.to_owned(), span))
}

fn email_problem(value: &str) -> Option<&'static str> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::Ident;

    #[test]
    fn contacts_must_be_well_formed() {
        let problem = |c: Channel| malformed(&c).map(|(p, _)| p);
        let email = |v: &str| problem(Channel::Email(Ident::new(v)));
        assert_eq!(email("fsb@fsb.ru"), None);
        assert_eq!(email("mission.russian@vtxnet.ch"), None);
        assert_eq!(email("fsb.fsb.ru"), Some("has no `@`".into()));
        assert_eq!(email("fsb@fsb"), Some("has an invalid domain".into()));
        assert_eq!(email("fsb@fsb..ru"), Some("has an invalid domain".into()));
        let x = |v: &str| problem(Channel::X(Ident::new(v)));
        assert_eq!(x("@KremlinRussia_E"), None);
        assert_eq!(x("KremlinRussia_E"), Some("does not start with `@`".into()));
        assert_eq!(
            x("@a_very_long_handle_name"),
            Some("must have 1 to 15 characters after `@`".into())
        );
        assert_eq!(
            x("@Kremlin-Russia"),
            Some("may use only letters, digits and `_`".into())
        );
        let web = |v: &str| problem(Channel::Web(Ident::new(v)));
        assert_eq!(
            web("http://example.org"),
            Some("must start with `https://`".into())
        );
        assert_eq!(web("https://example.org/form"), None);
        let fax = |v: &str| problem(Channel::Fax(Ident::new(v)));
        assert_eq!(fax("+32 2 555 01 24"), None);
        assert_eq!(
            fax("fax"),
            Some("has a letter, `f`: write the digits only".into())
        );
    }
}
