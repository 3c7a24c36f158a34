### Українська (uk): адресати.
### Names: Ukrainian form of the first name + surname (Володимир Путін), no “пан” in the list.
### Salutations: «Шановний пане + title in the vocative!» (Ukrainian business-letter convention);
### «Ваша Ексцеленціє!» for the head of a diplomatic mission. Closings: «З глибокою повагою,» for the
### President and the Chairman of the Government, «З повагою,» otherwise; for missions the diplomatic formula
### «…запевнення в моїй найвищій повазі» (the Ukrainian equivalent of “highest consideration”).
### Titles translate the official Russian ones (kremlin.ru, government.ru, mid.ru, genproc.gov.ru, fsb.ru,
### geneva.mid.ru, belgium.mid.ru).
### .recipient: the letter’s address block in the dative (Кому?), -ові forms of the official style:
### «Міністрові …», then the name as this file gives it («Сергію Лаврову»); for a mission, its head («Послові …»).

addressee-putin = Володимир Путін
    .role = Президент Російської Федерації
    .salutation = Шановний пане Президенте!
    .closing = З глибокою повагою,

# Official title: Председатель Правительства Российской Федерации — Голова уряду Російської Федерації
# («уряд» is a common noun in Ukrainian: lower case).
addressee-mishustin = Михайло Мішустін
    .role = Голова уряду Російської Федерації
    .salutation = Шановний пане Голово уряду!
    .closing = З глибокою повагою,

addressee-lavrov = Сергій Лавров
    .role = Міністр закордонних справ Російської Федерації
    .salutation = Шановний пане Міністре!
    .closing = З повагою,
    .recipient =
        Міністрові закордонних справ Російської Федерації
        Сергію Лаврову

addressee-krasnov = Ігор Краснов
    .role = Генеральний прокурор Російської Федерації
    .salutation = Шановний пане Генеральний прокуроре!
    .closing = З повагою,
    .recipient =
        Генеральному прокуророві Російської Федерації
        Ігорю Краснову

addressee-bortnikov = Олександр Бортников
    .role = Директор Федеральної служби безпеки Російської Федерації (ФСБ Росії)
    .salutation = Шановний пане Директоре!
    .closing = З повагою,
    .recipient =
        Директорові Федеральної служби безпеки Російської Федерації
        Олександрові Бортникову

# Official name of the mission: Постоянное представительство Российской Федерации при Отделении ООН и других
# международных организациях в Женеве. The letter is addressed to the Permanent Representative.
addressee-mission-geneva = Постійне представництво Російської Федерації при Відділенні ООН та інших міжнародних організаціях у Женеві
    .role = Швейцарія
    .salutation = Ваша Ексцеленціє!
    .closing = Прийміть, Ваша Ексцеленціє, запевнення в моїй найвищій повазі.
    .recipient =
        Постійному представникові Російської Федерації
        при Відділенні ООН та інших міжнародних організаціях у Женеві

# As in the source, “in Brussels”, parallel to «…у Женеві» above. The official name «Посольство Российской Федерации
# в Королевстве Бельгия» (= «…в Королівстві Бельгія») is not used because .role already prints the country.
# The letter is addressed to the Ambassador.
addressee-embassy-brussels = Посольство Російської Федерації в Брюсселі
    .role = Бельгія
    .salutation = Ваша Ексцеленціє!
    .closing = Прийміть, Ваша Ексцеленціє, запевнення в моїй найвищій повазі.
    .recipient =
        Послові Російської Федерації
        в Королівстві Бельгія
