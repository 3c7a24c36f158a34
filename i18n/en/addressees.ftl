### Reference messages: the addressees.
### Each message holds a name as its value and the attributes .role, .salutation and .closing.
### Transliterate personal names by your language’s convention; use the official title of each office.
### .salutation and .closing are the forms a formal letter to that person or mission takes in your language.
### Optional, in your locale only: .recipient, the first lines of the address block of the model letter, when
### your language addresses a letter differently from how it names the person in the list of addresses.
### Russian and Ukrainian use the dative, title first, one line per line of the block:
###     .recipient =
###         Министру иностранных дел Российской Федерации
###         С. В. Лаврову
### It replaces the name and .role lines in the letter only; the list of addresses keeps the value and .role
### (the nominative). For a mission, address its head («Постоянному представителю …», «Послу …»). Leave it out
### where the name and .role read right on an envelope; the reference locale has none.

addressee-putin = Mr. Vladimir Putin
    .role = President of the Russian Federation
    .salutation = Dear Mr. President,
    .closing = Respectfully yours,

addressee-mishustin = Mr. Mikhail Mishustin
    .role = Prime Minister of the Russian Federation
    .salutation = Dear Prime Minister,
    .closing = Respectfully yours,

addressee-lavrov = Mr. Sergey Lavrov
    .role = Minister of Foreign Affairs of the Russian Federation
    .salutation = Dear Minister,
    .closing = Yours sincerely,

# The source calls him “General Prosecutor”: his title is Prosecutor General of the Russian Federation.
# The English corrects it (declared in manifest.toml's [[corrections]]).
addressee-krasnov = Mr. Igor Krasnov
    .role = Prosecutor General of the Russian Federation
    .salutation = Dear Prosecutor General,
    .closing = Yours sincerely,

# The source has “Federal Security Service (FSS)”: it is the FSB, as the English has it (a declared
# correction). Use the service’s official name and usual abbreviation.
addressee-bortnikov = Mr. Alexander Bortnikov
    .role = Director of Federal Security Service (FSB)
    .salutation = Dear Director,
    .closing = Yours sincerely,

# A mission has no personal name: the value is the mission, .role the country where it sits.
# The letter is addressed to the head of mission (the Permanent Representative).
addressee-mission-geneva = Permanent Mission of the Russian Federation to the United Nations in Geneva
    .role = Switzerland
    .salutation = Your Excellency,
    .closing = Please accept, Your Excellency, the assurances of my highest consideration.

# The letter is addressed to the Ambassador.
addressee-embassy-brussels = Embassy of the Russian Federation in Brussels
    .role = Belgium
    .salutation = Your Excellency,
    .closing = Please accept, Your Excellency, the assurances of my highest consideration.
