//! Language tags for Word: `w:lang` wants a language with its region, for proofing tools.

/// The region Word's proofing tools expect for a bare language tag; tags that already name a
/// region are kept. English is British: the alert's source text uses British spelling.
pub(super) fn word_language(locale: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_languages_get_a_region_and_full_tags_stay() {
        assert_eq!(word_language("ar"), "ar-SA");
        assert_eq!(word_language("uk"), "uk-UA");
        assert_eq!(word_language("pt-BR"), "pt-BR");
        assert_eq!(word_language("qps"), "qps");
    }
}
