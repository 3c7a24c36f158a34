//! The finished document as bytes, each object serialised once, in lopdf's layout and format.
//!
//! lopdf's `save_with_options` with object streams clones every object into an
//! `ObjectStream`, then serialises each of them three times (twice to measure the offsets,
//! once more for the content) through a `dyn Write`, escaping each literal string with a
//! quadratic search: a sixth of an Arabic pack's instructions (decision 0016, addendum). This
//! writes the same bytes from the same `Document` in one pass: the direct objects, the object
//! streams (up to [`OBJECTS_PER_STREAM`] objects each, deflated at level 6 by the post-pass's
//! compressor), the cross-reference stream and the trailer. The unit tests hold it to
//! lopdf's output, byte for byte.

use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat};

use super::content::{integer, name, real};

/// Objects per object stream, as the post-pass asked lopdf for (`max_objects_per_stream`).
const OBJECTS_PER_STREAM: usize = 1000;

/// Deflate level of the object streams (lopdf's `Compression::default()`).
const OBJECT_STREAM_LEVEL: u32 = 6;

/// Where an object is found: at a byte offset of the file, or inside an object stream.
#[derive(Clone, Copy)]
enum Entry {
    Offset { offset: u32, generation: u16 },
    Compressed { container: u32, index: u16 },
}

/// Writes `doc` to `out` as lopdf 0.44 writes it with object streams and a cross-reference
/// stream; returns the number of the last object (the cross-reference stream's).
pub(super) fn write(
    doc: &Document,
    deflate: &mut flate2::Compress,
    out: &mut Vec<u8>,
) -> Result<u32, String> {
    // Object streams are a PDF 1.5 feature.
    let version = if doc.version.as_str() < "1.5" {
        "1.5"
    } else {
        doc.version.as_str()
    };
    out.extend_from_slice(b"%PDF-");
    out.extend_from_slice(version.as_bytes());
    out.push(b'\n');
    if doc.binary_mark.iter().any(|&b| b < 128) {
        return Err("cannot write the PDF: invalid binary mark".into());
    }
    out.push(b'%');
    out.extend_from_slice(&doc.binary_mark);
    out.push(b'\n');

    let encrypt = doc
        .trailer
        .get(b"Encrypt")
        .and_then(Object::as_reference)
        .ok();
    let mut linearized = None;
    let mut direct = Vec::new();
    let mut packed: Vec<(ObjectId, &Object)> = Vec::new();
    for (&id, object) in &doc.objects {
        if let Object::Stream(stream) = object
            && type_name(&stream.dict) == Some(b"ObjStm")
        {
            continue;
        }
        let mut compressible = id.1 == 0 && Some(id) != encrypt;
        if let Object::Dictionary(dict) = object {
            match type_name(dict) {
                Some(b"XRef" | b"ObjStm") => compressible = false,
                // A linearized file keeps its catalog outside object streams.
                Some(b"Catalog") => {
                    let linear = *linearized.get_or_insert_with(|| is_linearized(doc));
                    compressible &= !linear;
                }
                _ => {}
            }
        }
        if compressible && !matches!(object, Object::Stream(_)) {
            packed.push((id, object));
        } else {
            direct.push((id, object));
        }
    }

    let mut xref: Vec<Option<Entry>> = vec![None; doc.max_id as usize + 1];
    for &(id, object) in &direct {
        let entry = Entry::Offset {
            offset: offset(out)?,
            generation: id.1,
        };
        set(&mut xref, id.0, entry);
        indirect_object(out, id, object);
    }

    // Each object stream: "number offset" pairs, then the objects, each followed by a space.
    let mut table = Vec::new();
    let mut body = Vec::new();
    let mut compressed = Vec::new();
    let mut container = doc.max_id;
    for chunk in packed.chunks(OBJECTS_PER_STREAM) {
        container += 1;
        table.clear();
        body.clear();
        for (index, &(id, object)) in chunk.iter().enumerate() {
            if index > 0 {
                table.push(b' ');
            }
            integer(&mut table, u64::from(id.0));
            table.push(b' ');
            integer(&mut table, body.len() as u64);
            object_into(&mut body, object);
            body.push(b' ');
            let index = u16::try_from(index).map_err(|_| "too many objects in a stream")?;
            set(&mut xref, id.0, Entry::Compressed { container, index });
        }
        table.push(b' ');
        let first = table.len();
        table.extend_from_slice(&body);
        deflate_into(deflate, &table, &mut compressed)?;

        let entry = Entry::Offset {
            offset: offset(out)?,
            generation: 0,
        };
        set(&mut xref, container, entry);
        object_header(out, (container, 0));
        out.extend_from_slice(b"<</Type/ObjStm/N ");
        integer(out, chunk.len() as u64);
        out.extend_from_slice(b"/First ");
        integer(out, first as u64);
        out.extend_from_slice(b"/Length ");
        integer(out, compressed.len() as u64);
        out.extend_from_slice(b"/Filter/FlateDecode>>stream\n");
        out.extend_from_slice(&compressed);
        out.extend_from_slice(b"\nendstream \nendobj\n");
    }

    // The cross-reference stream: its dictionary is the trailer, with the keys lopdf sets in
    // the order it sets them (`Dictionary::set` keeps a key's place, `remove` swaps).
    let start = offset(out)?;
    let xref_id = container + 1;
    let entry = Entry::Offset {
        offset: start,
        generation: 0,
    };
    set(&mut xref, xref_id, entry);
    let (stream, index) = xref_stream(&xref);
    let mut trailer = doc.trailer.clone();
    trailer.set("Type", Object::Name(b"XRef".to_vec()));
    trailer.set("Size", i64::from(xref_id) + 1);
    trailer.set(
        "W",
        Object::Array(vec![
            Object::Integer(1),
            Object::Integer(4),
            Object::Integer(2),
        ]),
    );
    trailer.set("Index", Object::Array(index));
    trailer.remove(b"Filter");
    trailer.set("Length", stream.len() as i64);
    object_header(out, (xref_id, 0));
    dictionary(out, &trailer);
    out.extend_from_slice(b"stream\n");
    out.extend_from_slice(&stream);
    out.extend_from_slice(b"\nendstream \nendobj\n");
    out.extend_from_slice(b"\nstartxref\n");
    integer(out, u64::from(start));
    out.extend_from_slice(b"\n%%EOF");
    Ok(xref_id)
}

/// The table of the cross-reference stream (`/W [1 4 2]`) and its `/Index`: one section per
/// run of numbered objects from 1 (lopdf lists no entry for object 0).
fn xref_stream(xref: &[Option<Entry>]) -> (Vec<u8>, Vec<Object>) {
    let mut stream = Vec::with_capacity(xref.len() * 7);
    let mut index = Vec::new();
    let mut section: Option<(u32, i64)> = None;
    for (id, entry) in xref.iter().enumerate().skip(1) {
        match entry {
            Some(entry) => {
                let (kind, field, generation) = match *entry {
                    Entry::Offset { offset, generation } => (1, offset, generation),
                    Entry::Compressed { container, index } => (2, container, index),
                };
                stream.push(kind);
                stream.extend_from_slice(&field.to_be_bytes());
                stream.extend_from_slice(&generation.to_be_bytes());
                let (_, count) = section.get_or_insert((id as u32, 0));
                *count += 1;
            }
            None => {
                if let Some((first, count)) = section.take() {
                    index.extend([Object::Integer(first.into()), Object::Integer(count)]);
                }
            }
        }
    }
    if let Some((first, count)) = section {
        index.extend([Object::Integer(first.into()), Object::Integer(count)]);
    }
    (stream, index)
}

fn set(xref: &mut Vec<Option<Entry>>, id: u32, entry: Entry) {
    let id = id as usize;
    if xref.len() <= id {
        xref.resize(id + 1, None);
    }
    xref[id] = Some(entry);
}

fn offset(out: &[u8]) -> Result<u32, String> {
    u32::try_from(out.len()).map_err(|_| "cannot write the PDF: it is larger than 4 GiB".into())
}

fn deflate_into(
    deflate: &mut flate2::Compress,
    input: &[u8],
    output: &mut Vec<u8>,
) -> Result<(), String> {
    let failed = |e: String| format!("cannot compress an object stream: {e}");
    deflate.reset();
    // Before any input the level changes without output.
    deflate
        .set_level(flate2::Compression::new(OBJECT_STREAM_LEVEL))
        .map_err(|e| failed(e.to_string()))?;
    output.clear();
    // Deflate's worst case is a few bytes per 16 KiB block over the input, plus zlib's
    // header and checksum.
    output.reserve(input.len() + input.len() / 64 + 64);
    match deflate.compress_vec(input, output, flate2::FlushCompress::Finish) {
        Ok(flate2::Status::StreamEnd) => Ok(()),
        Ok(status) => Err(failed(format!("{status:?}"))),
        Err(e) => Err(failed(e.to_string())),
    }
}

fn type_name(dict: &Dictionary) -> Option<&[u8]> {
    dict.get(b"Type").and_then(Object::as_name).ok()
}

fn is_linearized(doc: &Document) -> bool {
    doc.objects
        .values()
        .any(|o| matches!(o, Object::Dictionary(d) if d.has(b"Linearized")))
}

fn object_header(out: &mut Vec<u8>, (id, generation): ObjectId) {
    integer(out, u64::from(id));
    out.push(b' ');
    integer(out, u64::from(generation));
    out.extend_from_slice(b" obj\n");
}

/// `n g obj`, the object, `endobj`, with the spaces lopdf puts around numbers, names and
/// streams.
fn indirect_object(out: &mut Vec<u8>, id: ObjectId, object: &Object) {
    object_header(out, id);
    if needs_separator(object) {
        out.push(b' ');
    }
    object_into(out, object);
    if matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Name(_)
            | Object::Reference(_)
            | Object::Stream(_)
    ) {
        out.push(b' ');
    }
    out.extend_from_slice(b"\nendobj\n");
}

/// Whether lopdf puts a space before the object after a key or an array element.
fn needs_separator(object: &Object) -> bool {
    matches!(
        object,
        Object::Null
            | Object::Boolean(_)
            | Object::Integer(_)
            | Object::Real(_)
            | Object::Reference(_)
    )
}

/// One object as lopdf's `Writer::write_object` writes it.
pub(super) fn object_into(out: &mut Vec<u8>, object: &Object) {
    match object {
        Object::Null => out.extend_from_slice(b"null"),
        Object::Boolean(true) => out.extend_from_slice(b"true"),
        Object::Boolean(false) => out.extend_from_slice(b"false"),
        Object::Integer(value) => {
            if *value < 0 {
                out.push(b'-');
            }
            integer(out, value.unsigned_abs());
        }
        Object::Real(value) => real(out, *value),
        Object::Name(value) => name(out, value),
        Object::String(text, StringFormat::Literal) => literal(out, text),
        Object::String(text, StringFormat::Hexadecimal) => {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.reserve(text.len() * 2 + 2);
            out.push(b'<');
            for &byte in text {
                out.extend_from_slice(&[HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]]);
            }
            out.push(b'>');
        }
        Object::Array(items) => {
            out.push(b'[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 && needs_separator(item) {
                    out.push(b' ');
                }
                object_into(out, item);
            }
            out.push(b']');
        }
        Object::Dictionary(dict) => dictionary(out, dict),
        Object::Stream(stream) => {
            dictionary(out, &stream.dict);
            out.extend_from_slice(b"stream\n");
            out.extend_from_slice(&stream.content);
            out.extend_from_slice(b"\nendstream");
        }
        Object::Reference((id, generation)) => {
            integer(out, u64::from(*id));
            out.push(b' ');
            integer(out, u64::from(*generation));
            out.extend_from_slice(b" R");
        }
    }
}

fn dictionary(out: &mut Vec<u8>, dict: &Dictionary) {
    out.extend_from_slice(b"<<");
    for (key, value) in dict {
        name(out, key);
        if needs_separator(value) {
            out.push(b' ');
        }
        object_into(out, value);
    }
    out.extend_from_slice(b">>");
}

/// A literal string as lopdf escapes it: a backslash before `\`, before CR (written `\r`),
/// and before each parenthesis without a partner; balanced parentheses stay as they are.
fn literal(out: &mut Vec<u8>, text: &[u8]) {
    out.push(b'(');
    if !text
        .iter()
        .any(|b| matches!(b, b'(' | b')' | b'\\' | b'\r'))
    {
        out.extend_from_slice(text);
        out.push(b')');
        return;
    }
    let mut escape = vec![false; text.len()];
    let mut open = Vec::new();
    for (index, &byte) in text.iter().enumerate() {
        match byte {
            b'(' => open.push(index),
            b')' if open.pop().is_none() => escape[index] = true,
            b'\\' | b'\r' => escape[index] = true,
            _ => {}
        }
    }
    for index in open {
        escape[index] = true;
    }
    out.reserve(text.len() + 8);
    for (&byte, escaped) in text.iter().zip(escape) {
        if escaped {
            out.push(b'\\');
            out.push(if byte == b'\r' { b'r' } else { byte });
        } else {
            out.push(byte);
        }
    }
    out.push(b')');
}

#[cfg(test)]
mod tests {
    use lopdf::{Dictionary, Document, Object, Stream, StringFormat};

    /// lopdf's own bytes for `doc`, with the options the post-pass used to pass it.
    fn lopdf_bytes(doc: &Document) -> Vec<u8> {
        let mut doc = doc.clone();
        let mut out = Vec::new();
        let options = lopdf::SaveOptions::builder()
            .use_object_streams(true)
            .use_xref_streams(true)
            .max_objects_per_stream(super::OBJECTS_PER_STREAM)
            .compression_level(super::OBJECT_STREAM_LEVEL)
            .build();
        doc.save_with_options(&mut out, options).unwrap();
        out
    }

    fn our_bytes(doc: &Document) -> (Vec<u8>, u32) {
        let mut deflate = flate2::Compress::new(flate2::Compression::new(1), true);
        let mut out = Vec::new();
        let last = super::write(doc, &mut deflate, &mut out).unwrap();
        (out, last)
    }

    fn literal(bytes: &[u8]) -> Object {
        Object::String(bytes.to_vec(), StringFormat::Literal)
    }

    /// Objects of every kind, with the bytes that need escaping in strings and names.
    fn varied() -> Vec<Object> {
        let mut dict = Dictionary::new();
        dict.set("Type", Object::Name(b"Annot".to_vec()));
        dict.set(
            "Rect",
            vec![0.into(), 1.5.into(), (-2.25).into(), 1e-7.into()],
        );
        dict.set("Ref", Object::Reference((12, 0)));
        dict.set("Flag", true);
        dict.set("None", Object::Null);
        dict.set("Name with space#", Object::Name(b"a b/c\x80(".to_vec()));
        dict.set("Neg", -42);
        let mut nested = Dictionary::new();
        nested.set("S", Object::Name(b"URI".to_vec()));
        nested.set("URI", literal(b"https://example.org/(x)"));
        dict.set("A", Object::Dictionary(nested));
        vec![
            Object::Dictionary(dict),
            literal(b"plain"),
            literal(b"balanced (a (b) c)"),
            literal(b"unbalanced ) and ( and \\ and \r and \n"),
            literal(b")(())(("),
            // UTF-16BE of Arabic: 0x28 and 0x29 are halves of U+0628 and U+0629.
            literal(&[
                0xFE, 0xFF, 0x06, 0x28, 0x06, 0x29, 0x06, 0x29, 0x00, 0x20, 0x06, 0x28,
            ]),
            Object::String(vec![0x00, 0xAB, 0xFF, 0x10], StringFormat::Hexadecimal),
            Object::Array(vec![
                Object::Name(b"XYZ".to_vec()),
                Object::Null,
                Object::Integer(i64::MIN),
                Object::Real(12345.678),
                Object::Reference((3, 2)),
                Object::Array(vec![]),
                literal(b""),
            ]),
            Object::Integer(0),
            Object::Boolean(false),
            Object::Real(-0.5),
            Object::Name(b"Catalog".to_vec()),
            Object::Reference((1, 0)),
        ]
    }

    /// A document of `objects`, each in an object stream and again outside one (generation
    /// 1), with `packed` more small objects, a stream and a gap in the numbering.
    fn document(objects: Vec<Object>, packed: u32) -> Document {
        let mut doc = Document::with_version("1.7");
        let mut catalog = Dictionary::new();
        catalog.set("Type", Object::Name(b"Catalog".to_vec()));
        doc.objects.insert((1, 0), Object::Dictionary(catalog));
        let mut id = 1;
        for object in objects {
            id += 1;
            doc.objects.insert((id, 0), object.clone());
            // Standalone: numbers and names get spaces around them outside object streams.
            id += 1;
            doc.objects.insert((id, 1), object);
        }
        let mut stream = Stream::new(Dictionary::new(), b"BT\n/F1 10 Tf\nET".to_vec());
        stream
            .dict
            .set("Filter", Object::Name(b"FlateDecode".to_vec()));
        id += 1;
        doc.objects.insert((id, 0), Object::Stream(stream));
        for n in 0..packed {
            id += 1;
            let text = format!("object {n} (");
            doc.objects.insert((id, 0), literal(text.as_bytes()));
        }
        // A gap in the numbering splits the cross-reference stream's sections.
        id += 6;
        doc.objects.insert((id, 0), Object::Integer(7));
        doc.max_id = id;
        doc.trailer.set("Root", Object::Reference((1, 0)));
        doc.trailer.set(
            "ID",
            Object::Array(vec![
                Object::String(vec![1; 16], StringFormat::Hexadecimal),
                Object::String(vec![2; 16], StringFormat::Hexadecimal),
            ]),
        );
        doc
    }

    fn assert_same(doc: &Document) -> u32 {
        let (ours, last) = our_bytes(doc);
        let theirs = lopdf_bytes(doc);
        if let Some(at) = ours.iter().zip(&theirs).position(|(a, b)| a != b) {
            let around = |bytes: &[u8]| {
                String::from_utf8_lossy(&bytes[at.saturating_sub(60)..(at + 60).min(bytes.len())])
                    .into_owned()
            };
            panic!(
                "byte {at} differs:\n{}\n--- lopdf:\n{}",
                around(&ours),
                around(&theirs)
            );
        }
        assert_eq!(ours.len(), theirs.len());
        last
    }

    #[test]
    fn the_file_is_byte_for_byte_what_lopdf_writes() {
        for packed in [0, 10, 1500] {
            let doc = document(varied(), packed);
            let last = assert_same(&doc);
            let in_streams = varied().len() + 1 + packed as usize + 1;
            let streams = in_streams.div_ceil(super::OBJECTS_PER_STREAM) as u32;
            assert_eq!(last, doc.max_id + streams + 1, "{packed}");
        }
    }

    #[test]
    fn random_strings_names_and_reals_are_written_as_lopdf_writes_them() {
        let mut state = 0x9e37_79b9u32;
        let mut random = move || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        };
        let mut objects = Vec::new();
        // Strings over the bytes that matter for escaping; reals of every magnitude.
        for _ in 0..2000 {
            let len = random() % 24;
            let bytes: Vec<u8> = (0..len)
                .map(|_| b"()\\\r\na\x06\x28 #/"[(random() % 11) as usize])
                .collect();
            objects.push(literal(&bytes));
            objects.push(Object::Name(bytes));
            let real = f32::from_bits(random());
            if real.is_finite() {
                objects.push(Object::Real(real));
            }
        }
        assert_same(&document(objects, 0));
    }
}
