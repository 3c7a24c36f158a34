### العربية (ar): الجهات المخاطَبة.
### Conventions: names transliterated as in the pan-Arab press (Al Jazeera, BBC Arabic):
###   فلاديمير بوتين، ميخائيل ميشوستين، سيرغي لافروف، إيغور كراسنوف، ألكسندر بورتنيكوف; the honorific السيد.
###   Salutations follow Arabic protocol: فخامة (head of state), دولة (head of government: the honorific
###   Gulf and Mashriq protocol gives any prime minister, foreign ones included; not only Levantine),
###   معالي (minister and officials of ministerial rank: Prosecutor General, FSB Director),
###   صاحب السعادة (heads of mission). Keep this ladder: a lower honorific for the Prime Minister
###   (معالي, or plain السيد) would rank him with or below his own ministers.
###   Closings: the formula وتفضلوا … بقبول فائق الاحترام (والتقدير), ending with a full stop; for missions
###   أسمى آيات الاحترام والتقدير (“the assurances of my highest consideration”).

addressee-putin = السيد فلاديمير بوتين
    .role = رئيس الاتحاد الروسي
    .salutation = فخامة الرئيس،
    .closing = وتفضلوا، فخامة الرئيس، بقبول فائق الاحترام والتقدير.

addressee-mishustin = السيد ميخائيل ميشوستين
    .role = رئيس وزراء الاتحاد الروسي
    .salutation = دولة رئيس الوزراء،
    .closing = وتفضلوا، دولة رئيس الوزراء، بقبول فائق الاحترام والتقدير.

addressee-lavrov = السيد سيرغي لافروف
    .role = وزير خارجية الاتحاد الروسي
    .salutation = معالي الوزير،
    .closing = وتفضلوا بقبول فائق الاحترام.

# Генеральный прокурор: النائب العام, head of النيابة العامة (the usual pair in Arab legal systems).
addressee-krasnov = السيد إيغور كراسنوف
    .role = النائب العام للاتحاد الروسي
    .salutation = معالي النائب العام،
    .closing = وتفضلوا بقبول فائق الاحترام.

# Федеральная служба безопасности Российской Федерации: جهاز الأمن الفدرالي, with its usual Latin abbreviation.
addressee-bortnikov = السيد ألكسندر بورتنيكوف
    .role = مدير جهاز الأمن الفدرالي للاتحاد الروسي (FSB)
    .salutation = معالي المدير،
    .closing = وتفضلوا بقبول فائق الاحترام.

# Official name: Постоянное представительство Российской Федерации при Отделении ООН и других
# международных организациях в Женеве.
addressee-mission-geneva = البعثة الدائمة للاتحاد الروسي لدى مكتب الأمم المتحدة والمنظمات الدولية الأخرى في جنيف
    .role = سويسرا
    .salutation = صاحب السعادة،
    .closing = وتفضلوا، صاحب السعادة، بقبول أسمى آيات الاحترام والتقدير.

addressee-embassy-brussels = سفارة الاتحاد الروسي في بروكسل
    .role = بلجيكا
    .salutation = صاحب السعادة،
    .closing = وتفضلوا، صاحب السعادة، بقبول أسمى آيات الاحترام والتقدير.
