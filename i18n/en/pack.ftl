### Reference messages: names, the title page, labels and the page footer.

## Terms: names that recur. Define each term once; messages refer to it.
## Terms may take variants (e.g. grammatical case) in languages that need them:
##   -observatory = { $case -> *[nominative] … [genitive] … }
## and are then called as { -observatory(case: "genitive") }.

# The name the organisation itself uses in your language: “Amnesty International” in most
# languages (including French, German, Russian and Ukrainian usage), “Amnistía Internacional” in
# Spanish, “منظمة العفو الدولية” in Arabic.
-amnesty = Amnesty International
# Short name of the Observatory for the Protection of Human Rights Defenders, as used in
# “The Observatory recalls …”. Use the name the Observatory uses in your language.
-observatory = Observatory
# Full name of the Observatory, as it presents itself in your language.
-observatory-full = Observatory for the Protection of Human Rights Defenders

## The document

# The name of this language, written in this language (shown on the download page).
language-name = English
# Title of the pack, on its first page and in the document properties.
pack-title = Russian Federation: { -amnesty } declared an “undesirable organisation”
# Line under the title.
pack-subtitle = Urgent appeal of the { -observatory-full }
# Document subject, stored in the PDF and DOCX properties.
pack-subject = Urgent appeal, addresses of the authorities and model letters
# Document author, stored in the PDF and DOCX properties.
pack-author = { -observatory-full }
# Running footer on every page. $page is the current page, $pages the number of pages.
footer-page = Page { $page } of { $pages }
# What the pack is, in the band at the top of page 1.
pack-kind = Urgent appeal
# The alert’s reference in the band; $id is the alert’s id (ru-amnesty-undesirable-2025).
pack-reference = Reference: { $id }

## Contacts: how one addressee reads in the list of addresses.

# One line of the list of addresses: $name is the addressee (bold), $role their position
# (or the country, for a mission), $contact one or more channels (below).
address-entry = { $name }, { $role }, { $contact }
# Between two channels of the same addressee, when there are several.
channel-separator = { "; " }
# $address is an e-mail address; it is kept exactly as in the source and becomes a link.
channel-email = E-mail: { $address }
# $handle is an X (Twitter) account such as @GovernmentRF; it becomes a link.
channel-x = X: { $handle }
# $address is a postal address.
channel-postal = Post: { $address }
# $url is the address of a web contact form.
channel-web = Web form: { $url }
# $number is a telephone number in international format.
channel-phone = Telephone: { $number }

# The DOCX sets the list of addresses as a table. Its first row holds the headings of its two
# columns; it repeats when the list runs onto a new page, and screen readers read the heading
# out with each cell. Keep each heading to a few words.
# Heading of the first column: each addressee’s name and position.
addresses-column-addressee = Addressee
# Heading of the second column: the e-mail addresses, X accounts and other channels.
addresses-column-contact = Contact details
# One sentence saying what the table holds, which screen readers announce before it (the
# table’s “Alt Text” in Word). Never printed.
addresses-table-description = Each addressee’s name and position, and how to contact them

## Dates of the alert ([alert] date and act-before in the manifest; this alert states none yet)

# A date in running text. $day and $year are numbers; $month is the month’s name, taken from
# the attributes below: write each in the form that follows a day number (Russian: мая).
date = { $day } { $month } { $year }
    .january = January
    .february = February
    .march = March
    .april = April
    .may = May
    .june = June
    .july = July
    .august = August
    .september = September
    .october = October
    .november = November
    .december = December
# $date is the day the alert was issued, as `date` writes it.
pack-issued = Issued: { $date }
# $date is the last day to act.
pack-act-before = Please act before { $date }

## The web page (`--format html`) and the download page: one-click actions

# Heading of the block that lists each addressee with a link to write to them at once.
web-act-now = Act now
# A link that opens the reader’s e-mail program with the model letter to this addressee.
web-send-letter = Send this letter
# A link that opens X with the suggested post to this addressee (X is the service’s name).
web-post-on-x = Post on X
# A button that copies the letter, for e-mail programs that cut long links.
web-copy-letter = Copy the letter
# On the download page, the link to this language’s web page (beside PDF and DOCX).
web-read-online = Read online
