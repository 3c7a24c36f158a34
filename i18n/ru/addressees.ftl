### Русский (ru): адресаты.
### Names: first name, patronymic and surname (the respectful Russian form, used instead of “Mr.”).
### Salutations: name and patronymic with «Уважаемый …!» (Russian business-letter convention);
### «Ваше Превосходительство!» for the head of a diplomatic mission. Closings: «С глубоким уважением,» for the
### President and the Chairman of the Government, «С уважением,» otherwise; for missions the diplomatic formula
### «…уверения в моём весьма высоком уважении» (the Russian equivalent of “highest consideration”).
### .recipient: the letter’s address block in the dative (Кому?): title, then initials and surname («С. В. Лаврову»);
### for a mission, its head: «Постоянному представителю …», «Послу Российской Федерации в Королевстве Бельгия».
### Titles are the official ones (kremlin.ru, government.ru, mid.ru, genproc.gov.ru, fsb.ru, geneva.mid.ru, belgium.mid.ru).

addressee-putin = Владимир Владимирович Путин
    .role = Президент Российской Федерации
    .salutation = Уважаемый Владимир Владимирович!
    .closing = С глубоким уважением,

# Official title: Председатель Правительства Российской Федерации.
addressee-mishustin = Михаил Владимирович Мишустин
    .role = Председатель Правительства Российской Федерации
    .salutation = Уважаемый Михаил Владимирович!
    .closing = С глубоким уважением,

addressee-lavrov = Сергей Викторович Лавров
    .role = Министр иностранных дел Российской Федерации
    .salutation = Уважаемый Сергей Викторович!
    .closing = С уважением,
    .recipient =
        Министру иностранных дел Российской Федерации
        С. В. Лаврову

addressee-krasnov = Игорь Викторович Краснов
    .role = Генеральный прокурор Российской Федерации
    .salutation = Уважаемый Игорь Викторович!
    .closing = С уважением,
    .recipient =
        Генеральному прокурору Российской Федерации
        И. В. Краснову

addressee-bortnikov = Александр Васильевич Бортников
    .role = Директор Федеральной службы безопасности Российской Федерации (ФСБ России)
    .salutation = Уважаемый Александр Васильевич!
    .closing = С уважением,
    .recipient =
        Директору Федеральной службы безопасности Российской Федерации
        А. В. Бортникову

# Official name of the mission (geneva.mid.ru). The letter is addressed to the Permanent Representative.
addressee-mission-geneva = Постоянное представительство Российской Федерации при Отделении ООН и других международных организациях в Женеве
    .role = Швейцария
    .salutation = Ваше Превосходительство!
    .closing = Примите, Ваше Превосходительство, уверения в моём весьма высоком уважении.
    .recipient =
        Постоянному представителю Российской Федерации
        при Отделении ООН и других международных организациях в Женеве

# As in the source, “in Brussels”, parallel to «…в Женеве» above. The official name «Посольство Российской Федерации
# в Королевстве Бельгия» (belgium.mid.ru) is not used because .role already prints the country («…, Бельгия»).
# The letter is addressed to the Ambassador.
addressee-embassy-brussels = Посольство Российской Федерации в Брюсселе
    .role = Бельгия
    .salutation = Ваше Превосходительство!
    .closing = Примите, Ваше Превосходительство, уверения в моём весьма высоком уважении.
    .recipient =
        Послу Российской Федерации
        в Королевстве Бельгия
