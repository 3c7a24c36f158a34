//! Bullet numbering for List Bullet. docx-rs always writes its own `abstractNum`/`num` with id 1
//! (a decimal list), so ours use id 2 and the post-pass drops the unused definition.

use docx_rs::{
    AbstractNumbering, Level, LevelJc, LevelText, NumberFormat, Numbering, RunFonts,
    SpecialIndentType, Start,
};

/// The `w:numId` List Bullet refers to.
pub(super) const BULLET_NUM_ID: usize = 2;
const BULLET_ABSTRACT_ID: usize = 2;

pub(super) fn bullets(latin_font: &str) -> (AbstractNumbering, Numbering) {
    let fonts = RunFonts::new()
        .ascii(latin_font)
        .hi_ansi(latin_font)
        .cs(latin_font);
    let level = Level::new(
        0,
        Start::new(1),
        NumberFormat::new("bullet"),
        LevelText::new("•"),
        LevelJc::new("left"),
    )
    .indent(Some(360), Some(SpecialIndentType::Hanging(360)), None, None)
    .fonts(fonts);
    (
        AbstractNumbering::new(BULLET_ABSTRACT_ID).add_level(level),
        Numbering::new(BULLET_NUM_ID, BULLET_ABSTRACT_ID),
    )
}
