### Deutsch (de): die Adressaten.
### Conventions: names transliterated by German (Duden) convention, as in German Wikipedia and press
###   (Wladimir Putin, Michail Mischustin, Sergei Lawrow, Igor Krasnow, Alexander Bortnikow);
###   the value is the name as written in an address block, hence “Herrn” (accusative);
###   salutations end with a comma (the letter body then starts in lower case);
###   closings have no punctuation, except the full diplomatic formula for missions.
###   Closings follow German protocol: “Mit vorzüglicher Hochachtung” for the head of state and the
###   head of government, “Hochachtungsvoll” for the other office holders.

addressee-putin = Herrn Wladimir Putin
    .role = Präsident der Russischen Föderation
    .salutation = Sehr geehrter Herr Präsident,
    .closing = Mit vorzüglicher Hochachtung

# Official title: Vorsitzender der Regierung der Russischen Föderation; “Ministerpräsident” is the
# established German usage (Auswärtiges Amt, press).
addressee-mishustin = Herrn Michail Mischustin
    .role = Ministerpräsident der Russischen Föderation
    .salutation = Sehr geehrter Herr Ministerpräsident,
    .closing = Mit vorzüglicher Hochachtung

addressee-lavrov = Herrn Sergei Lawrow
    .role = Minister für Auswärtige Angelegenheiten der Russischen Föderation
    .salutation = Sehr geehrter Herr Minister,
    .closing = Hochachtungsvoll

addressee-krasnov = Herrn Igor Krasnow
    .role = Generalstaatsanwalt der Russischen Föderation
    .salutation = Sehr geehrter Herr Generalstaatsanwalt,
    .closing = Hochachtungsvoll

addressee-bortnikov = Herrn Alexander Bortnikow
    .role = Direktor des Föderalen Sicherheitsdienstes der Russischen Föderation (FSB)
    .salutation = Sehr geehrter Herr Direktor,
    .closing = Hochachtungsvoll

# Official name: Постоянное представительство Российской Федерации при Отделении ООН и других
# международных организациях в Женеве.
addressee-mission-geneva = Ständige Vertretung der Russischen Föderation beim Büro der Vereinten Nationen und bei den anderen internationalen Organisationen in Genf
    .role = Schweiz
    .salutation = Exzellenz,
    .closing = Genehmigen Sie, Exzellenz, die Versicherung meiner ausgezeichneten Hochachtung.

addressee-embassy-brussels = Botschaft der Russischen Föderation in Brüssel
    .role = Belgien
    .salutation = Exzellenz,
    .closing = Genehmigen Sie, Exzellenz, die Versicherung meiner ausgezeichneten Hochachtung.
