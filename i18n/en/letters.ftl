### Reference messages: the model letters and the suggested posts on X.
### One letter is printed for each addressee a letter can reach (e-mail, post or fax). Variables
### available in every letter message:
###   $name   the addressee’s name (or the mission’s), as in addressees.ftl
###   $role   their position (or the mission’s country)
###   $kind   "official" for a person in office, "mission" for an embassy or permanent mission
###   $number the letter’s number, $count the number of letters

letters-heading = Model Letters
# $count is the number of letters: one per addressee with an e-mail address (5 in this pack, but
# any number is possible). Those reached only on X get no letter: their suggested posts stand
# after the addresses.
# In many languages a plural category covers several numbers (Russian “one” is also 21, 31, …),
# so write { $count } in every variant rather than a number word.
letters-intro = { $count ->
    [one] This pack contains one model letter, for the authority above with an e-mail address.
   *[other] This pack contains { $count } model letters, one for each authority above with an e-mail address.
} For the authorities reached only on X, use the suggested posts above. Add your name, your organisation and the date, sign the letter and send it to the address shown, or to the embassy of the Russian Federation in your country.

# Each letter’s entry in the PDF bookmarks and the DOCX navigation pane (never printed: the letter is for its recipient).
letter-kicker = Model letter { $number } of { $count }
# Subject line of every letter.
letter-subject = Subject: designation of { -amnesty } as an “undesirable organisation”
letter-concern = I am writing to express my deep concern about the decision of the Prosecutor General’s Office of the Russian Federation, announced on 19 May 2025, to declare { -amnesty } an “undesirable organisation”.
letter-context = This designation bans the organisation’s activities in Russia and exposes anyone who cooperates with it, supports it or even shares its information to administrative liability and criminal prosecution. It is a blatant attempt to retaliate against { -amnesty } for documenting the war crimes and crimes against humanity committed by the Russian armed forces in Ukraine, and for its vocal stance on the crackdown on dissenting voices in Russia.
# Introduces the four demands (the same messages as in the alert). A mission is asked to
# convey the demands to its authorities; an official is asked to act.
letter-demands-intro = { $kind ->
    [mission] I respectfully ask you to convey to the authorities of the Russian Federation my call to:
   *[official] I therefore respectfully urge you to:
}
letter-final = Human rights organisations, including foreign and international NGOs, must be able to carry out their legitimate activities in Russia without any hindrance and fear of reprisals.

## Places for the sender to fill in, each printed under a line to write on: name, organisation
## and address at the top of the letter, the date above the recipient, signature and name at the end.

letter-field-name = Name
letter-field-organisation = Organisation
letter-field-date = Date
letter-field-address = Address
letter-field-signature = Signature

## Suggested post on X, printed for addressees that can only be reached on X.

x-post-heading = Suggested post on X
# At most 280 characters as X counts them (the checker verifies it). $handle is the
# addressee’s X account, e.g. @KremlinRussia_E; keep it at the start so the post reaches them.
x-post = { $handle } I urge you to remove { -amnesty } from the list of “undesirable organisations” and to repeal the law on “undesirable organisations”. Defending human rights is not a crime. #Russia #HumanRights
