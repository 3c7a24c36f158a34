//! The schema-order normaliser: puts child elements in the order ECMA-376 (transitional) requires.
//!
//! docx-rs writes some properties out of sequence (e.g. `w:rPr` before `w:bidi` inside `w:pPr`),
//! and the post-pass appends the properties docx-rs cannot write. Word treats sequence
//! violations as corrupt content and offers to "repair" the file, so every part goes through
//! this one normaliser. It only reorders: it never adds or removes anything. The sort is stable,
//! so repeated elements (runs, table rows, style definitions) keep their relative order.

use super::xml::{Element, Node};

/// Marks where children not named in a sequence go (content such as runs, paragraphs, rows).
const OTHERS: &str = "*";

/// `w:pPr` children (CT_PPrBase, then CT_PPr's tail).
const PPR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// `w:rPr` children (CT_ParaRPr's revision marks, EG_RPrBase, then the change record).
const RPR: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

const SECT_PR: &[&str] = &[
    "w:headerReference",
    "w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

const TBL_PR: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

const TC_PR: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];

/// Borders and margins: transitional names and their strict synonyms share a rank.
const BORDERS: &[&str] = &[
    "w:top",
    "w:left",
    "w:start",
    "w:bottom",
    "w:right",
    "w:end",
    "w:insideH",
    "w:insideV",
    "w:tl2br",
    "w:tr2bl",
];
const PBDR: &[&str] = &[
    "w:top",
    "w:left",
    "w:bottom",
    "w:right",
    "w:between",
    "w:bar",
];

const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

const LVL: &[&str] = &[
    "w:start",
    "w:numFmt",
    "w:lvlRestart",
    "w:pStyle",
    "w:isLgl",
    "w:suff",
    "w:lvlText",
    "w:lvlPicBulletId",
    "w:legacy",
    "w:lvlJc",
    "w:pPr",
    "w:rPr",
];

const ABSTRACT_NUM: &[&str] = &[
    "w:nsid",
    "w:multiLevelType",
    "w:tmpl",
    "w:name",
    "w:styleLink",
    "w:numStyleLink",
    "w:lvl",
];

const FONT: &[&str] = &[
    "w:altName",
    "w:panose1",
    "w:charset",
    "w:family",
    "w:notTrueType",
    "w:pitch",
    "w:sig",
    "w:embedRegular",
    "w:embedBold",
    "w:embedItalic",
    "w:embedBoldItalic",
];

/// CT_Settings, as far as any writer here uses it.
const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth",
    "w:printFormsData",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:saveFormsData",
    "w:mirrorMargins",
    "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop",
    "w:hideSpellingErrors",
    "w:hideGrammaticalErrors",
    "w:activeWritingStyle",
    "w:proofState",
    "w:formsDesign",
    "w:attachedTemplate",
    "w:linkStyles",
    "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod",
    "w:documentType",
    "w:mailMerge",
    "w:revisionView",
    "w:trackRevisions",
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
    "w14:docId",
    "w15:docId",
    "w15:chartTrackingRefBased",
];

/// The sequence for the children of `element`, if its content model is a sequence.
fn sequence(name: &str) -> Option<&'static [&'static str]> {
    Some(match name {
        "w:pPr" => PPR,
        "w:rPr" => RPR,
        "w:sectPr" => SECT_PR,
        "w:tblPr" => TBL_PR,
        "w:tcPr" => TC_PR,
        "w:tblBorders" | "w:tcBorders" | "w:tblCellMar" | "w:tcMar" => BORDERS,
        "w:pBdr" => PBDR,
        "w:style" => STYLE,
        "w:lvl" => LVL,
        "w:abstractNum" => ABSTRACT_NUM,
        "w:font" => FONT,
        "w:settings" => SETTINGS,
        "w:styles" => &["w:docDefaults", "w:latentStyles", "w:style"],
        "w:docDefaults" => &["w:rPrDefault", "w:pPrDefault"],
        "w:numbering" => &[
            "w:numPicBullet",
            "w:abstractNum",
            "w:num",
            "w:numIdMacAtCleanup",
        ],
        "w:num" => &["w:abstractNumId", "w:lvlOverride"],
        "w:numPr" => &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"],
        "w:document" => &["w:background", "w:body"],
        "w:body" => &[OTHERS, "w:sectPr"],
        "w:p" => &["w:pPr", OTHERS],
        "w:r" => &["w:rPr", OTHERS],
        "w:tbl" => &["w:tblPr", "w:tblGrid", OTHERS],
        "w:tr" => &["w:tblPrEx", "w:trPr", OTHERS],
        "w:tc" => &["w:tcPr", OTHERS],
        "w:trPr" => &[OTHERS, "w:ins", "w:del", "w:trPrChange"],
        "w:tblStylePr" => &["w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr"],
        _ => return None,
    })
}

/// Reorders the children of `root` and all its descendants into schema order.
pub(super) fn normalise(element: &mut Element) {
    if let Some(order) = sequence(&element.name) {
        let others = order
            .iter()
            .position(|n| *n == OTHERS)
            .unwrap_or(order.len());
        let rank = |node: &Node| match node {
            Node::Element(e) => order.iter().position(|n| *n == e.name).unwrap_or(others),
            Node::Text(_) => others,
        };
        // Stable: equal ranks keep document order.
        element.children.sort_by_key(rank);
    }
    for child in element.elements_mut() {
        normalise(child);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::docx::xml::{parse, write};

    fn normalised(source: &str) -> String {
        let mut root = parse(source.as_bytes()).unwrap();
        normalise(&mut root);
        let written = String::from_utf8(write(&root)).unwrap();
        written.split_once("?>\r\n").unwrap().1.to_owned()
    }

    #[test]
    fn paragraph_properties_follow_the_schema() {
        assert_eq!(
            normalised("<w:p><w:r/><w:pPr><w:rPr/><w:bidi/><w:jc/><w:pStyle/></w:pPr></w:p>"),
            "<w:p><w:pPr><w:pStyle/><w:bidi/><w:jc/><w:rPr/></w:pPr><w:r/></w:p>"
        );
    }

    #[test]
    fn runs_keep_their_order_and_the_section_comes_last() {
        assert_eq!(
            normalised(
                "<w:body><w:sectPr/><w:p><w:t>1</w:t></w:p><w:tbl/><w:p><w:t>2</w:t></w:p></w:body>"
            ),
            "<w:body><w:p><w:t>1</w:t></w:p><w:tbl/><w:p><w:t>2</w:t></w:p><w:sectPr/></w:body>"
        );
    }

    #[test]
    fn run_properties_follow_the_schema() {
        assert_eq!(
            normalised(
                "<w:rPr><w:lang/><w:rtl/><w:szCs/><w:sz/><w:bCs/><w:b/><w:rFonts/><w:rStyle/></w:rPr>"
            ),
            "<w:rPr><w:rStyle/><w:rFonts/><w:b/><w:bCs/><w:sz/><w:szCs/><w:rtl/><w:lang/></w:rPr>"
        );
    }
}
