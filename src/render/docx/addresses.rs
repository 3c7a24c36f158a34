//! Splitting an address entry ("{ $name }, { $role }, { $contact }") into table cells.
//!
//! The model gives each addressee as one paragraph in the translator's word order. Fluent wraps
//! every placeable in isolates, so the placeables can be found again: the isolate holding a link
//! is the contact, the one holding bold text is the name, and one more is the role. When the
//! text between them holds more than punctuation (a translator's words), the entry is kept whole
//! rather than losing them.

use crate::model::{Inline, Para, is_isolation_mark};

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Entry {
    Split {
        name: Para,
        role: Option<Para>,
        contact: Para,
    },
    Whole(Para),
}

#[derive(Debug, Default)]
struct Segment {
    inlines: Vec<Inline>,
    isolate: bool,
}

impl Segment {
    fn push(&mut self, inline: &Inline, c: char) {
        match self.inlines.last_mut() {
            Some(last)
                if last.strong == inline.strong
                    && last.emphasis == inline.emphasis
                    && last.link == inline.link =>
            {
                last.text.push(c)
            }
            _ => self.inlines.push(Inline {
                text: c.to_string(),
                ..inline.clone()
            }),
        }
    }

    fn text(&self) -> String {
        self.inlines
            .iter()
            .flat_map(|i| i.text.chars())
            .filter(|c| !is_isolation_mark(*c))
            .collect()
    }
}

/// The top-level pieces of a paragraph: text outside isolates, and each isolate's content.
fn segments(para: &Para) -> Vec<Segment> {
    let mut segments = vec![Segment::default()];
    let mut depth = 0usize;
    for inline in &para.inlines {
        for c in inline.text.chars() {
            match c {
                '\u{2066}'..='\u{2068}' => {
                    if depth == 0 {
                        segments.push(Segment {
                            isolate: true,
                            ..Segment::default()
                        });
                    } else {
                        segments.last_mut().expect("never empty").push(inline, c);
                    }
                    depth += 1;
                }
                '\u{2069}' if depth > 0 => {
                    depth -= 1;
                    if depth == 0 {
                        segments.push(Segment::default());
                    } else {
                        segments.last_mut().expect("never empty").push(inline, c);
                    }
                }
                c => segments.last_mut().expect("never empty").push(inline, c),
            }
        }
    }
    segments.retain(|s| s.isolate || !s.inlines.is_empty());
    segments
}

pub(super) fn split(entry: &Para) -> Entry {
    let whole = || Entry::Whole(entry.clone());
    let segments = segments(entry);
    let words_outside = segments
        .iter()
        .any(|s| !s.isolate && s.text().chars().any(char::is_alphanumeric));
    if words_outside {
        return whole();
    }
    let mut isolates: Vec<&Segment> = segments
        .iter()
        .filter(|s| s.isolate && !s.text().trim().is_empty())
        .collect();
    let Some(contact) = isolates
        .iter()
        .position(|s| s.inlines.iter().any(|i| i.link.is_some()))
    else {
        return whole();
    };
    let contact = isolates.remove(contact);
    let name = isolates
        .iter()
        .position(|s| s.inlines.iter().any(|i| i.strong))
        .unwrap_or(0);
    if name >= isolates.len() || isolates.len() > 2 {
        return whole();
    }
    let name = isolates.remove(name);
    let para = |segment: &Segment| Para {
        source: entry.source.clone(),
        inlines: segment.inlines.clone(),
    };
    Entry::Split {
        name: para(name),
        role: isolates.first().map(|s| para(s)),
        contact: para(contact),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(inlines: Vec<Inline>) -> Para {
        Para {
            source: "address-entry".into(),
            inlines,
        }
    }

    fn link(text: &str) -> Inline {
        Inline {
            link: Some(format!("mailto:{text}")),
            ..Inline::plain(text)
        }
    }

    fn bold(text: &str) -> Inline {
        Inline {
            strong: true,
            ..Inline::plain(text)
        }
    }

    #[test]
    fn name_role_and_contact_are_found_in_any_order() {
        let para = entry(vec![
            Inline::plain("\u{2068}E-mail: \u{2068}"),
            link("fsb@fsb.ru"),
            Inline::plain("\u{2069}\u{2069} — \u{2068}"),
            bold("Mr. Alexander Bortnikov"),
            Inline::plain("\u{2069}, \u{2068}Director\u{2069}"),
        ]);
        let Entry::Split {
            name,
            role,
            contact,
        } = split(&para)
        else {
            panic!("not split")
        };
        assert_eq!(name.text(), "Mr. Alexander Bortnikov");
        assert_eq!(role.unwrap().text(), "Director");
        assert_eq!(contact.text(), "E-mail: fsb@fsb.ru");
        assert_eq!(
            contact.inlines[1].link.as_deref(),
            Some("mailto:fsb@fsb.ru")
        );
    }

    #[test]
    fn words_between_placeables_keep_the_entry_whole() {
        let para = entry(vec![
            Inline::plain("\u{2068}"),
            bold("Name"),
            Inline::plain("\u{2069}, write to \u{2068}"),
            link("a@b.cd"),
            Inline::plain("\u{2069}"),
        ]);
        assert_eq!(split(&para), Entry::Whole(para));
    }

    #[test]
    fn an_entry_without_a_link_stays_whole() {
        let para = entry(vec![
            Inline::plain("\u{2068}"),
            bold("Name"),
            Inline::plain("\u{2069}, \u{2068}Post\u{2069}"),
        ]);
        assert_eq!(split(&para), Entry::Whole(para));
    }
}
