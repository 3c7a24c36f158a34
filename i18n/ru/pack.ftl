### Русский (ru): имена, титульная страница, подписи и колонтитул.
### Conventions for future translators of ru — keep them:
###   quotation marks « », nested „ “ (never "straight" quotes); apostrophe ’ (not needed so far);
###   numbers grouped with U+00A0 NO-BREAK SPACE (15 000), Western digits 0–9, decimal comma;
###   dates «19 мая 2025 года» with U+00A0 inside the date; article numbers as in the codes (20.33, 284.1);
###   em dash — with U+00A0 before it and a normal space after it; letter ё written consistently;
###   official titles of Russian state bodies in full (Генеральная прокуратура Российской Федерации …);
###   «в Украине» (the usage of independent Russian-language human-rights media);
###   «Вы» with a capital В when a letter addresses one person.

## Термины: повторяющиеся названия. Термины «Обсерватории» склоняются: { -observatory(case: "genitive") }.

# The organisation's own usage in Russian: the Latin name, indeclinable, feminine agreement («Amnesty International признана»).
-amnesty = Amnesty International
-observatory = { $case ->
   *[nominative] Обсерватория
    [genitive] Обсерватории
}
# The name FIDH/OMCT use in Russian.
-observatory-full = { $case ->
   *[nominative] Обсерватория по защите правозащитников
    [genitive] Обсерватории по защите правозащитников
}

## Документ

language-name = Русский
pack-title = Российская Федерация: { -amnesty } признана «нежелательной организацией»
pack-subtitle = Срочное обращение { -observatory-full(case: "genitive") }
pack-subject = Срочное обращение, адреса органов власти и образцы писем
pack-author = { -observatory-full }
footer-page = Страница { $page } из { $pages }
pack-kind = Срочное обращение
pack-reference = Индекс: { $id }

## Контакты: как выглядит один адресат в списке адресов.

address-entry = { $name }, { $role }, { $contact }
channel-separator = { "; " }
channel-email = Эл. почта: { $address }
channel-x = X: { $handle }
channel-postal = Почтовый адрес: { $address }
channel-web = Веб-форма: { $url }
channel-phone = Телефон: { $number }
addresses-column-addressee = Адресат
addresses-column-contact = Контакты
addresses-table-description = Имя и должность каждого адресата и способы связи с ним

## Даты призыва (месяц в родительном падеже: «19 мая 2025 г.»)

date = { $day } { $month } { $year } г.
    .january = января
    .february = февраля
    .march = марта
    .april = апреля
    .may = мая
    .june = июня
    .july = июля
    .august = августа
    .september = сентября
    .october = октября
    .november = ноября
    .december = декабря
pack-issued = Дата публикации: { $date }
pack-act-before = Просим принять меры до { $date }

web-act-now = Действуйте сейчас
web-send-letter = Отправить это письмо
web-post-on-x = Опубликовать в X
web-copy-letter = Скопировать письмо
web-read-online = Читать онлайн
