### العربية (ar): الأسماء وصفحة العنوان والتسميات وتذييل الصفحات.
### Conventions for this locale (keep them when you edit):
###   quotation marks « » (U+00AB opens, U+00BB closes, in logical order; the bidi algorithm mirrors them);
###   Arabic punctuation ، ؛ ؟ ; Western digits 0–9 (as in UN Arabic documents, Al Jazeera, Amnesty’s
###   Arabic site, and as Fluent formats $count/$number/$page), numbers of up to five digits ungrouped (15000: a comma reads as a decimal mark in the Maghreb),
###   article numbers keep their dot (20.33, 284.1); dates 19 أيار/مايو 2025 (Levantine/Iraqi and
###   Egyptian/Gulf month names together, as the UN does); Latin e-mails and handles stay as they are
###   (the renderer isolates placeables). No tatweel; diacritics only where they remove an ambiguity.

## Terms

# The name Amnesty International uses in Arabic.
-amnesty = منظمة العفو الدولية
# The Observatory’s own Arabic name (FIDH Arabic site): مرصد حماية المدافعين عن حقوق الإنسان, short المرصد.
-observatory = المرصد
-observatory-full = مرصد حماية المدافعين عن حقوق الإنسان

## The document

language-name = العربية
pack-title = الاتحاد الروسي: تصنيف { -amnesty } «منظمة غير مرغوب فيها»
pack-subtitle = نداء عاجل صادر عن { -observatory-full }
pack-subject = نداء عاجل، وعناوين السلطات، ورسائل نموذجية
pack-author = { -observatory-full }
footer-page = الصفحة { $page } من { $pages }
pack-kind = نداء عاجل
pack-reference = المرجع: { $id }

## Contacts

address-entry = { $name }، { $role }، { $contact }
channel-separator = { "؛ " }
channel-email = البريد الإلكتروني: { $address }
channel-x = إكس: { $handle }
channel-postal = العنوان البريدي: { $address }
channel-web = استمارة الاتصال الإلكترونية: { $url }
channel-phone = الهاتف: { $number }
addresses-column-addressee = الجهة المخاطَبة
addresses-column-contact = وسائل الاتصال
addresses-table-description = الجهات المخاطَبة: اسم كلٍّ منها ومنصبه، ووسائل الاتصال به

## تواريخ النداء (الأشهر بالاسمين السرياني والميلادي، كما في نص النداء: 19 أيار/مايو 2025)

date = { $day } { $month } { $year }
    .january = كانون الثاني/يناير
    .february = شباط/فبراير
    .march = آذار/مارس
    .april = نيسان/أبريل
    .may = أيار/مايو
    .june = حزيران/يونيو
    .july = تموز/يوليو
    .august = آب/أغسطس
    .september = أيلول/سبتمبر
    .october = تشرين الأول/أكتوبر
    .november = تشرين الثاني/نوفمبر
    .december = كانون الأول/ديسمبر
pack-issued = تاريخ الإصدار: { $date }
pack-act-before = يُرجى التحرك قبل { $date }

web-act-now = تحرّك الآن
web-send-letter = أرسل هذه الرسالة
web-post-on-x = انشر على إكس
web-copy-letter = انسخ الرسالة
web-read-online = اقرأ على الإنترنت
