### فارسی (fa): نام‌ها، صفحهٔ عنوان، برچسب‌ها و پانویس صفحه‌ها.
### Conventions for this locale (keep them when you edit; the reasons are in docs/translations/fa.md):
###   formal written Persian (نثر اداری), the reader addressed as «شما», an official as «جنابعالی»;
###   quotation marks « » (nested “ ”), never straight quotes; Persian punctuation ، ؛ ؟;
###   ZWNJ (U+200C) wherever Persian orthography joins without connecting (می‌شود، سازمان‌ها، بین‌الملل، آن‌ها);
###   Persian ی and ک (U+06CC, U+06A9), never the Arabic ی and ک; ezafe after silent h as هٔ (مادهٔ، خارجهٔ);
###   Extended Arabic-Indic digits ۰–۹ in running text, thousands grouped with U+066C (۱۵٬۰۰۰), U+066B between the
###   parts of an article number (مادهٔ ۲۰٫۳۳), as CLDR's fa symbols; Gregorian dates with CLDR month names
###   (۱۹ مه ۲۰۲۵); e-mails and X handles in Latin, exactly as the source has them.

## Terms

# The name Amnesty International uses in Persian (its Persian pages and the Persian press).
-amnesty = عفو بین‌الملل
# “Observatory” in the names of such monitors is دیده‌بان in the Persian press (the Syrian Observatory for Human
# Rights: دیده‌بان حقوق بشر سوریه). The full name says what it watches over, so it is not mistaken for Human Rights Watch.
-observatory = دیده‌بان
-observatory-full = دیده‌بان حمایت از مدافعان حقوق بشر

## The document

language-name = فارسی
pack-title = فدراسیون روسیه: { -amnesty } «سازمان نامطلوب» اعلام شد
pack-subtitle = فراخوان فوری { -observatory-full }
pack-subject = فراخوان فوری، نشانی مقامات و نامه‌های نمونه
pack-author = { -observatory-full }
footer-page = صفحهٔ { $page } از { $pages }
pack-kind = فراخوان فوری
pack-reference = شمارهٔ مرجع: { $id }

## Contacts

address-entry = { $name }، { $role }، { $contact }
channel-separator = { "؛ " }
channel-email = پست الکترونیکی: { $address }
channel-x = ایکس: { $handle }
channel-postal = نشانی پستی: { $address }
channel-web = فرم تماس اینترنتی: { $url }
channel-phone = تلفن: { $number }
addresses-column-addressee = مخاطب
addresses-column-contact = راه‌های تماس
addresses-table-description = نام و سمت هر مخاطب و راه‌های تماس با وی

## تاریخ‌های فراخوان (گاه‌شمار میلادی، نام ماه‌ها به صورت CLDR: ۱۹ مه ۲۰۲۵)

date = { $day } { $month } { $year }
    .january = ژانویه
    .february = فوریه
    .march = مارس
    .april = آوریل
    .may = مه
    .june = ژوئن
    .july = ژوئیه
    .august = اوت
    .september = سپتامبر
    .october = اکتبر
    .november = نوامبر
    .december = دسامبر
pack-issued = تاریخ انتشار: { $date }
pack-act-before = لطفاً پیش از { $date } اقدام کنید

web-act-now = همین حالا اقدام کنید
web-send-letter = ارسال این نامه
web-post-on-x = انتشار در ایکس
web-copy-letter = کپی نامه
web-read-online = خواندن آنلاین
