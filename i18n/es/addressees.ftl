### Mensajes en español: los destinatarios.
### Conventions: «Sr. » (U+00A0) before the name; names transliterated as in the EFE/Fundéu
### practice, with the stress accent (Vladímir, Mijaíl, Serguéi, Ígor, Alexandr Bórtnikov);
### .role capitalised (address block), cargos lower-case in salutations and closings (RAE);
### salutations end with a colon; «Atentamente,» for ministers, the prosecutor general and a
### director; «Reciba, …, el testimonio de mi más alta consideración.» for the head of state and
### the head of government; missions are addressed as «Excelencia» (gender-neutral).

addressee-putin = Sr. Vladímir Putin
    .role = Presidente de la Federación de Rusia
    .salutation = Señor presidente:
    .closing = Reciba, señor presidente, el testimonio de mi más alta consideración.

addressee-mishustin = Sr. Mijaíl Mishustin
    .role = Primer Ministro de la Federación de Rusia
    .salutation = Señor primer ministro:
    .closing = Reciba, señor primer ministro, el testimonio de mi más alta consideración.

addressee-lavrov = Sr. Serguéi Lavrov
    .role = Ministro de Asuntos Exteriores de la Federación de Rusia
    .salutation = Señor ministro:
    .closing = Atentamente,

# Su cargo oficial: Fiscal General de la Federación de Rusia (Генеральный прокурор).
addressee-krasnov = Sr. Ígor Krasnov
    .role = Fiscal General de la Federación de Rusia
    .salutation = Señor fiscal general:
    .closing = Atentamente,

# El FSB: Servicio Federal de Seguridad de la Federación de Rusia (ФСБ России).
addressee-bortnikov = Sr. Alexandr Bórtnikov
    .role = Director del Servicio Federal de Seguridad de la Federación de Rusia (FSB)
    .salutation = Señor director:
    .closing = Atentamente,

# Nombre oficial de la misión (Постоянное представительство Российской Федерации при Отделении
# ООН и других международных организациях в Женеве). La carta va dirigida al representante permanente.
addressee-mission-geneva = Misión Permanente de la Federación de Rusia ante la Oficina de las Naciones Unidas y otras organizaciones internacionales en Ginebra
    .role = Suiza
    .salutation = Excelencia:
    .closing = Reciba, excelencia, las seguridades de mi más alta consideración.

# La carta va dirigida al embajador.
addressee-embassy-brussels = Embajada de la Federación de Rusia en Bruselas
    .role = Bélgica
    .salutation = Excelencia:
    .closing = Reciba, excelencia, las seguridades de mi más alta consideración.
