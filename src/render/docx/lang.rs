//! Language tags for Word: `w:lang` wants a language with its region, for proofing tools.

/// The region Word's proofing tools expect for a bare language tag; tags that already name a
/// region are kept. English is British: the alert's source text uses British spelling.
pub(super) fn word_language(locale: &str) -> String {
    // Word tells Chinese by region, not by script.
    match locale {
        "zh-Hans" => return "zh-CN".into(),
        "zh-Hant" => return "zh-TW".into(),
        _ => {}
    }
    if locale.contains('-') {
        return locale.to_owned();
    }
    let region = match locale {
        "en" => "GB",
        "fr" => "FR",
        "es" => "ES",
        "de" => "DE",
        "ru" => "RU",
        "uk" => "UA",
        "ar" => "SA",
        "fa" => "IR",
        "he" => "IL",
        "it" => "IT",
        "pt" => "PT",
        "pl" => "PL",
        "tr" => "TR",
        "nl" => "NL",
        "zh" => "CN",
        "ja" => "JP",
        "ko" => "KR",
        _ => return locale.to_owned(),
    };
    format!("{locale}-{region}")
}

/// The language of a pack's East Asian text (`w:eastAsia` of `w:lang`): its own when it is
/// Chinese, Japanese or Korean, so Word sets Han with that language's rules and fonts.
pub(super) fn east_asian(language: &str) -> Option<&str> {
    let primary = language.split('-').next().unwrap_or(language);
    matches!(primary, "zh" | "ja" | "ko").then_some(language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_languages_get_a_region_and_full_tags_stay() {
        assert_eq!(word_language("ar"), "ar-SA");
        assert_eq!(word_language("uk"), "uk-UA");
        assert_eq!(word_language("pt-BR"), "pt-BR");
        assert_eq!(word_language("qps"), "qps");
        assert_eq!(word_language("zh-Hans"), "zh-CN");
        assert_eq!(east_asian("zh-CN"), Some("zh-CN"));
        assert_eq!(east_asian("ar-SA"), None);
    }
}
