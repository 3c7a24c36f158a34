//! docs/manifest.md documents every key of the manifest's types, and only those (a test).
//!
//! The keys come from the code, not from a list kept by hand: [`Recorder`] is a serde
//! `Deserializer` that invents a value for whatever it is asked, and records the field names
//! that each struct passes to `deserialize_struct` and the variants that each externally tagged
//! enum deserializes with content (`{ paragraph = "…" }`). A key added to a manifest type is
//! therefore a key this test asks the documentation for. Unit variants (`count = "x"`) are
//! values, not keys, and are not asked for. An internally tagged or untagged enum, or a
//! flattened struct, hides its fields from serde's introspection: the recorder cannot see
//! those, so prefer externally tagged enums and plain structs in the manifest's types.
//!
//! A type reached by several paths (the blocks of `sections.blocks` and of `letters.body`) is
//! documented once, at the first path in field order, its "home".

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Visitor};

use super::Manifest;

#[derive(Default)]
struct State {
    /// Dotted paths of every key found: `alert.id`, `sections.blocks.paragraph`.
    keys: BTreeSet<String>,
    /// The path where each struct or enum type was first met.
    homes: BTreeMap<&'static str, String>,
    /// Keys whose invented value the type refused: left out of later runs, so that the keys
    /// after them in the same table are still reached.
    refused: BTreeSet<String>,
    /// Which variant of each enum this run takes.
    run: usize,
    /// The most variants an enum had: the number of runs that visit every variant.
    most_variants: usize,
}

/// A refusal, and whether the key it stems from is already known: an error travels up
/// through every table around the value, and only the innermost key is refused.
#[derive(Debug)]
struct Error {
    message: String,
    attributed: bool,
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error {
            message: message.to_string(),
            attributed: false,
        }
    }
}

#[derive(Clone, Copy)]
struct Recorder<'s> {
    state: &'s RefCell<State>,
    /// The key path of the value being deserialized; a `String` leaked per key is fine in a
    /// test, and keeps the recorder `Copy`.
    path: &'static str,
}

impl<'s> Recorder<'s> {
    fn at(self, path: String) -> Self {
        Self {
            path: Box::leak(path.into_boxed_str()),
            ..self
        }
    }

    /// The path under which the keys of type `name` are recorded.
    fn home(self, name: &'static str) -> &'static str {
        let mut state = self.state.borrow_mut();
        let home = state
            .homes
            .entry(name)
            .or_insert_with(|| self.path.to_owned());
        Box::leak(home.clone().into_boxed_str())
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

macro_rules! invent {
    ($($method:ident => $visit:ident($($value:expr)?)),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            visitor.$visit($($value)?)
        })*
    };
}

impl<'de, 's> de::Deserializer<'de> for Recorder<'s> {
    type Error = Error;

    invent! {
        deserialize_any => visit_str(""),
        deserialize_bool => visit_bool(false),
        deserialize_i8 => visit_i64(0),
        deserialize_i16 => visit_i64(0),
        deserialize_i32 => visit_i64(0),
        deserialize_i64 => visit_i64(0),
        deserialize_u8 => visit_u64(0),
        deserialize_u16 => visit_u64(0),
        deserialize_u32 => visit_u64(0),
        deserialize_u64 => visit_u64(0),
        deserialize_f32 => visit_f64(0.0),
        deserialize_f64 => visit_f64(0.0),
        deserialize_char => visit_char('a'),
        deserialize_str => visit_str(""),
        deserialize_string => visit_str(""),
        deserialize_bytes => visit_bytes(b""),
        deserialize_byte_buf => visit_bytes(b""),
        deserialize_unit => visit_unit(),
        deserialize_identifier => visit_str(""),
        deserialize_ignored_any => visit_unit(),
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_seq(One(Some(self)))
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    /// A map with free keys (`[fonts.locales]`): one entry, its value at `path.*`.
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let value = self.at(join(self.path, "*"));
        visitor.visit_map(Fields {
            keys: vec![("*", value)].into_iter(),
            pending: None,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // toml's `Spanned` (behind `Ident`) is a struct of private fields around the value.
        let hidden = name.starts_with("$__");
        let home = if hidden { self.path } else { self.home(name) };
        let mut keys = Vec::new();
        let mut skipped = false;
        for field in fields {
            let path = if hidden {
                home.to_owned()
            } else {
                join(home, field)
            };
            let mut state = self.state.borrow_mut();
            if !hidden {
                state.keys.insert(path.clone());
            }
            if state.refused.contains(&path) {
                skipped = true;
            } else {
                drop(state);
                keys.push((*field, self.at(path)));
            }
        }
        // A key left out makes a "missing field" error: the key refused is known already.
        visitor
            .visit_map(Fields {
                keys: keys.into_iter(),
                pending: None,
            })
            .map_err(|error| Error {
                attributed: error.attributed || skipped,
                ..error
            })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let home = self.home(name);
        let variant = {
            let mut state = self.state.borrow_mut();
            state.most_variants = state.most_variants.max(variants.len());
            variants[state.run % variants.len()]
        };
        visitor.visit_enum(Variant {
            name: variant,
            recorder: self.at(home.to_owned()),
        })
    }
}

/// A sequence of one invented element.
struct One<'s>(Option<Recorder<'s>>);

impl<'de> de::SeqAccess<'de> for One<'_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        self.0.take().map(|r| seed.deserialize(r)).transpose()
    }
}

/// A table holding each key once, with invented values.
struct Fields<'s> {
    keys: std::vec::IntoIter<(&'static str, Recorder<'s>)>,
    pending: Option<Recorder<'s>>,
}

impl<'de> de::MapAccess<'de> for Fields<'_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((key, recorder)) = self.keys.next() else {
            return Ok(None);
        };
        self.pending = Some(recorder);
        // Borrowed: toml's `Spanned` reads its private keys as `&str`.
        seed.deserialize(de::value::BorrowedStrDeserializer::new(key))
            .map(Some)
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        let recorder = self.pending.take().expect("a key comes first");
        seed.deserialize(recorder).map_err(|error| {
            if !error.attributed {
                let mut state = recorder.state.borrow_mut();
                state.refused.insert(recorder.path.to_owned());
            }
            Error {
                attributed: true,
                ..error
            }
        })
    }
}

/// The variant an enum takes in this run; a variant with content is a key.
struct Variant<'s> {
    name: &'static str,
    recorder: Recorder<'s>,
}

impl<'de, 's> de::EnumAccess<'de> for Variant<'s> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<(T::Value, Self), Error> {
        let name = de::value::BorrowedStrDeserializer::new(self.name);
        Ok((seed.deserialize(name)?, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self.key())
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        de::Deserializer::deserialize_tuple(self.key(), len, visitor)
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let name = self.name;
        de::Deserializer::deserialize_struct(self.key(), name, fields, visitor)
    }
}

impl<'s> Variant<'s> {
    /// Records the variant as a key and returns the recorder for its content.
    fn key(self) -> Recorder<'s> {
        let path = join(self.recorder.path, self.name);
        self.recorder.state.borrow_mut().keys.insert(path.clone());
        self.recorder.at(path)
    }
}

/// Every key of the manifest's types, as dotted paths.
fn code_keys() -> BTreeSet<String> {
    keys_of::<Manifest>()
}

/// Every key of `T`, as dotted paths.
fn keys_of<T: for<'de> Deserialize<'de>>() -> BTreeSet<String> {
    let state = RefCell::new(State::default());
    let root = Recorder {
        state: &state,
        path: "",
    };
    // Runs until every variant of every enum was taken and no invented value was refused
    // anew; a type refusing every value it is offered ends it too, after a bounded number.
    for run in 0..64 {
        let refused = {
            let mut state = state.borrow_mut();
            state.run = run;
            state.refused.len()
        };
        // Most runs end in an error (a key left out, an invented value refused): only what
        // they recorded on the way counts.
        let _ = T::deserialize(root);
        let state = state.borrow();
        if run + 1 >= state.most_variants && state.refused.len() == refused {
            break;
        }
    }
    state.into_inner().keys
}

/// The keys docs/manifest.md documents: under a heading that names a table in backticks
/// (`` ## `[[addressees]]` `` or `` ## `addressees.channels` ``), the table itself and the
/// first cell of each row, when it is a key in backticks.
fn documented_keys(doc: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    let mut table: Option<String> = None;
    let mut in_code = false;
    for line in doc.lines() {
        if line.starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if line.starts_with('#') {
            table = first_code(line)
                .map(|t| t.trim_matches(['[', ']']).to_owned())
                .filter(|t| is_key_path(t));
            keys.extend(table.clone());
        } else if let (Some(table), Some(cell)) = (&table, line.strip_prefix("| `")) {
            let key = cell.split('`').next().unwrap_or_default();
            if is_key_path(key) {
                keys.insert(join(table, key));
            }
        }
    }
    keys
}

fn first_code(line: &str) -> Option<&str> {
    line.split('`').nth(1)
}

fn is_key_path(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

#[test]
fn every_key_of_the_manifest_types_is_documented_and_no_other() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/manifest.md");
    let doc = std::fs::read_to_string(path).expect("docs/manifest.md exists");
    let code = code_keys();
    let documented = documented_keys(&doc);
    let undocumented: Vec<&String> = code.difference(&documented).collect();
    let unknown: Vec<&String> = documented.difference(&code).collect();
    assert!(
        undocumented.is_empty() && unknown.is_empty(),
        "docs/manifest.md and the manifest's types disagree\n\
         keys in the code that docs/manifest.md does not document (add a row to the table of \
         their heading): {undocumented:?}\n\
         keys docs/manifest.md names that the code does not have: {unknown:?}"
    );
}

#[test]
fn keys_after_a_refused_value_are_still_found() {
    #[derive(Deserialize)]
    #[serde(rename_all = "kebab-case")]
    #[allow(dead_code)]
    struct Outer {
        date: Date,
        inner: Inner,
    }
    #[derive(Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        deep: Option<String>,
    }
    /// Refuses every value, as a date parser refuses an invented empty string.
    struct Date;
    impl<'de> Deserialize<'de> for Date {
        fn deserialize<D: de::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            let text = String::deserialize(deserializer)?;
            Err(de::Error::custom(format!("`{text}` is not a date")))
        }
    }
    let keys: Vec<String> = keys_of::<Outer>().into_iter().collect();
    assert_eq!(keys, ["date", "inner", "inner.deep"]);
}

#[test]
fn the_recorder_sees_nested_tables_and_enums() {
    let keys = code_keys();
    for key in [
        "alert.id",
        "fonts.locales",
        "sections.blocks.paragraphs",
        "addressees.channels.phone",
        "addressees.allow.reason",
        "release.min-coverage",
    ] {
        assert!(keys.contains(key), "{key} not found in {keys:?}");
    }
    // A unit variant is a value, and a type met twice is recorded at its first path only.
    assert!(!keys.contains("limits.count.x"));
    assert!(!keys.iter().any(|k| k.starts_with("letters.body.")));
}

#[test]
fn the_documentation_parser_reads_headings_and_first_cells() {
    let doc = "## `[[addressees]]`\n| key | type |\n|---|---|\n| `id` | string |\n\
               ```toml\n| `not-read` |\n```\n## Prose\n| `ignored` | x |\n\
               ### `addressees.channels`\n| `email` | `mailto:` |\n";
    let keys: Vec<String> = documented_keys(doc).into_iter().collect();
    assert_eq!(
        keys,
        [
            "addressees",
            "addressees.channels",
            "addressees.channels.email",
            "addressees.id"
        ]
    );
}
