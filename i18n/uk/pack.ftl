### Українська (uk): назви, титульна сторінка, підписи й колонтитул.
### Conventions for future translators of uk — keep them:
###   quotation marks « », nested „ “ (never "straight" quotes); apostrophe ’ U+2019 (ім’я, пов’язаний);
###   numbers grouped with U+00A0 NO-BREAK SPACE (15 000), Western digits 0–9, decimal comma;
###   dates «19 травня 2025 року» with U+00A0 inside the date; article numbers as in the codes (20.33, 284.1);
###   em dash — with U+00A0 before it and a normal space after it; spelling of the 2019 Правопис (проєкт, вебсайт);
###   Russian first names in their Ukrainian form (Володимир, Михайло, Сергій, Ігор, Олександр);
###   official titles of Russian state bodies translated in full (Генеральна прокуратура Російської Федерації …);
###   «Вас» with a capital В when a letter addresses one person.

## Терміни: назви, що повторюються. Назву Обсерваторії відмінюють: { -observatory(case: "genitive") }.

# The organisation's own usage in Ukrainian: the Latin name, indeclinable, feminine agreement.
-amnesty = Amnesty International
-observatory = { $case ->
   *[nominative] Обсерваторія
    [genitive] Обсерваторії
}
-observatory-full = { $case ->
   *[nominative] Обсерваторія із захисту правозахисників
    [genitive] Обсерваторії із захисту правозахисників
}

## Документ

language-name = Українська
pack-title = Російська Федерація: { -amnesty } визнано «небажаною організацією»
pack-subtitle = Термінове звернення { -observatory-full(case: "genitive") }
pack-subject = Термінове звернення, адреси органів влади та зразки листів
pack-author = { -observatory-full }
footer-page = Сторінка { $page } з { $pages }
pack-kind = Термінове звернення
pack-reference = Індекс: { $id }

## Контакти: як виглядає один адресат у списку адрес.

address-entry = { $name }, { $role }, { $contact }
channel-separator = { "; " }
channel-email = Ел. пошта: { $address }
channel-x = X: { $handle }
channel-postal = Поштова адреса: { $address }
channel-web = Вебформа: { $url }
channel-phone = Телефон: { $number }
addresses-column-addressee = Адресат
addresses-column-contact = Контакти
addresses-table-description = Ім’я та посада кожного адресата і способи зв’язку з ним

## Дати заклику (місяць у родовому відмінку: «19 травня 2025 р.»)

date = { $day } { $month } { $year } р.
    .january = січня
    .february = лютого
    .march = березня
    .april = квітня
    .may = травня
    .june = червня
    .july = липня
    .august = серпня
    .september = вересня
    .october = жовтня
    .november = листопада
    .december = грудня
pack-issued = Дата публікації: { $date }
pack-act-before = Просимо вжити заходів до { $date }

web-act-now = Дійте зараз
web-send-letter = Надіслати цей лист
web-post-on-x = Опублікувати в X
web-copy-letter = Скопіювати лист
web-read-online = Читати онлайн
