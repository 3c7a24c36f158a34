### فارسی (fa): مخاطبان.
### Names as the Persian press transliterates them: ولادیمیر پوتین، میخائیل میشوستین، سرگئی لاوروف، ایگور کراسنوف،
###   الکساندر بورتنیکوف, with «آقای». Titles are the official ones, as Persian media give them.
### Salutations: «جناب آقای + title،», the form of a Persian formal letter; heads of mission «عالی‌جناب،».
### Closings: «با تقدیم احترام،» (Respectfully yours), «با احترام،» (Yours sincerely); for missions the diplomatic
###   «مراتب احترام فائقه» (“the assurances of my highest consideration”).
### .recipient: a Persian letter is headed «جناب آقای <name>» over the title with «محترم» (وزیر محترم …); a mission’s
###   letter is headed by its head’s title.

addressee-putin = آقای ولادیمیر پوتین
    .role = رئیس‌جمهور فدراسیون روسیه
    .salutation = جناب آقای رئیس‌جمهور،
    .closing = با تقدیم احترام،

# Председатель Правительства: «نخست‌وزیر», the title Persian official and press usage gives him.
addressee-mishustin = آقای میخائیل میشوستین
    .role = نخست‌وزیر فدراسیون روسیه
    .salutation = جناب آقای نخست‌وزیر،
    .closing = با تقدیم احترام،

addressee-lavrov = آقای سرگئی لاوروف
    .role = وزیر امور خارجهٔ فدراسیون روسیه
    .salutation = جناب آقای وزیر،
    .closing = با احترام،
    .recipient =
        جناب آقای سرگئی لاوروف
        وزیر محترم امور خارجهٔ فدراسیون روسیه

# Генеральный прокурор: «دادستان کل», head of «دادستانی کل» (the source’s “General Prosecutor” is a slip).
addressee-krasnov = آقای ایگور کراسنوف
    .role = دادستان کل فدراسیون روسیه
    .salutation = جناب آقای دادستان کل،
    .closing = با احترام،
    .recipient =
        جناب آقای ایگور کراسنوف
        دادستان محترم کل فدراسیون روسیه

# The FSB (the source’s “FSS” is a slip): «سرویس امنیت فدرال», abbreviated «اف‌اس‌بی» as in the Persian press.
# «جناب آقای رئیس،» would read as a bare “Mr. Head”: the Persian letter names him.
addressee-bortnikov = آقای الکساندر بورتنیکوف
    .role = رئیس سرویس امنیت فدرال فدراسیون روسیه (اف‌اس‌بی)
    .salutation = جناب آقای بورتنیکوف،
    .closing = با احترام،
    .recipient =
        جناب آقای الکساندر بورتنیکوف
        رئیس محترم سرویس امنیت فدرال فدراسیون روسیه

# The mission’s official name (Постоянное представительство … при Отделении ООН и других международных
# организациях в Женеве). The letter is addressed to the Permanent Representative.
addressee-mission-geneva = نمایندگی دائم فدراسیون روسیه نزد دفتر سازمان ملل متحد و سایر سازمان‌های بین‌المللی در ژنو
    .role = سوئیس
    .salutation = عالی‌جناب،
    .closing = عالی‌جناب، خواهشمندم مراتب احترام فائقهٔ اینجانب را پذیرا باشید.
    .recipient =
        نمایندهٔ دائم محترم فدراسیون روسیه
        نزد دفتر سازمان ملل متحد و سایر سازمان‌های بین‌المللی در ژنو

# “In Brussels”, as the source has it, parallel to «در ژنو»; .role prints the country. The letter is addressed to
# the Ambassador.
addressee-embassy-brussels = سفارت فدراسیون روسیه در بروکسل
    .role = بلژیک
    .salutation = عالی‌جناب،
    .closing = عالی‌جناب، خواهشمندم مراتب احترام فائقهٔ اینجانب را پذیرا باشید.
    .recipient =
        سفیر محترم فدراسیون روسیه
        در پادشاهی بلژیک
