//! What PDF/A-2u and PDF/UA-1 ask of the catalog: XMP metadata matching the info dictionary,
//! and an sRGB output intent (the colours are DeviceRGB, given in sRGB).

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::document::LaidOutDocument;
use crate::render::RenderOptions;
use crate::timestamp::Timestamp;

/// sRGB as a 736-byte ICC v2 profile ("sRGB-v2-magic" of Compact-ICC-Profiles, CC0: see
/// `sRGB-v2-magic.LICENSE.txt` beside this file); the usual 3 KB profiles say the same with
/// 1024-point curves.
const SRGB: &[u8] = include_bytes!("sRGB-v2-magic.icc");

/// The producer as the info dictionary and the XMP both say it.
pub(super) fn producer(options: &RenderOptions) -> String {
    format!("{} (printpdf 0.12.8, lopdf 0.44)", options.producer)
}

/// Adds `/Metadata` and `/OutputIntents` to the catalog `root`.
pub(super) fn add(
    doc: &mut Document,
    root: ObjectId,
    document: &LaidOutDocument,
    options: &RenderOptions,
) -> Result<(), String> {
    let mut profile = Dictionary::new();
    profile.set("N", Object::Integer(3));
    let profile = doc.add_object(Object::Stream(Stream::new(profile, SRGB.to_vec())));
    let mut intent = Dictionary::new();
    intent.set("Type", Object::Name(b"OutputIntent".to_vec()));
    intent.set("S", Object::Name(b"GTS_PDFA1".to_vec()));
    let literal = |s: &str| Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    intent.set("OutputConditionIdentifier", literal("sRGB"));
    intent.set("Info", literal("sRGB IEC61966-2.1"));
    intent.set("RegistryName", literal("http://www.color.org"));
    intent.set("DestOutputProfile", Object::Reference(profile));

    let mut meta = Dictionary::new();
    meta.set("Type", Object::Name(b"Metadata".to_vec()));
    meta.set("Subtype", Object::Name(b"XML".to_vec()));
    // PDF/A-2 (6.6.2.1) wants the metadata readable without a filter: the finishing pass
    // leaves streams of type Metadata uncompressed.
    let meta = doc.add_object(Object::Stream(Stream::new(
        meta,
        xmp(document, options).into_bytes(),
    )));

    let catalog = doc.get_dictionary_mut(root).map_err(|e| e.to_string())?;
    catalog.set("Metadata", Object::Reference(meta));
    catalog.set(
        "OutputIntents",
        Object::Array(vec![Object::Dictionary(intent)]),
    );
    Ok(())
}

/// The XMP packet: what the info dictionary says (title, author, subject, creator, producer,
/// dates), the language, and the PDF/A-2u and PDF/UA-1 identification, with the extension
/// schema PDF/A-2 requires for the PDF/UA namespace.
pub(super) fn xmp(document: &LaidOutDocument, options: &RenderOptions) -> String {
    let date = Timestamp::from_unix(options.timestamp).rfc3339();
    let mut out = String::with_capacity(3000);
    out.push_str("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    out.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    out.push_str("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    out.push_str(concat!(
        "<rdf:Description rdf:about=\"\"",
        " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
        " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"",
        " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"",
        " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"",
        " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n",
    ));
    out.push_str("<dc:format>application/pdf</dc:format>\n");
    let alt = |name: &str, value: &str| {
        format!(
            "<dc:{name}><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:{name}>\n",
            escape(value)
        )
    };
    out.push_str(&alt("title", &document.title));
    if let Some(author) = &document.author {
        out.push_str(&format!(
            "<dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            escape(author)
        ));
    }
    if let Some(subject) = &document.subject {
        out.push_str(&alt("description", subject));
    }
    out.push_str(&format!(
        "<dc:language><rdf:Bag><rdf:li>{}</rdf:li></rdf:Bag></dc:language>\n",
        escape(&document.locale)
    ));
    out.push_str(&format!(
        "<xmp:CreatorTool>{}</xmp:CreatorTool>\n",
        escape(&options.producer)
    ));
    for name in ["CreateDate", "ModifyDate", "MetadataDate"] {
        out.push_str(&format!("<xmp:{name}>{date}</xmp:{name}>\n"));
    }
    out.push_str(&format!(
        "<pdf:Producer>{}</pdf:Producer>\n",
        escape(&producer(options))
    ));
    out.push_str("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n");
    out.push_str("<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n");
    out.push_str(PDFUA_SCHEMA);
    out.push_str("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    out
}

/// PDF/A-2 accepts only the XMP schemas it predefines, unless a file describes the others.
const PDFUA_SCHEMA: &str = concat!(
    "<rdf:Description rdf:about=\"\"",
    " xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"",
    " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"",
    " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n",
    "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n",
    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n",
    "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n",
    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n",
    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n",
    "<pdfaProperty:name>part</pdfaProperty:name>\n",
    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n",
    "<pdfaProperty:category>internal</pdfaProperty:category>\n",
    "<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>\n",
    "</rdf:li></rdf:Seq></pdfaSchema:property>\n",
    "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n",
    "</rdf:Description>\n",
);

/// XML character data: markup escaped, and characters XML 1.0 forbids dropped.
fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn markup_and_control_characters_do_not_reach_the_xmp() {
        assert_eq!(
            escape("A & B <c> \"d\"\u{1}"),
            "A &amp; B &lt;c&gt; &quot;d&quot;"
        );
    }
}
