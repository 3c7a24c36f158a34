### Reference messages of the alert `{ALERT_ID}`: one message of each kind, to copy and adapt.
### The messages of canonical sections must reproduce ../canonical.txt word for word
### (`appealpack check` verifies it). Comments starting with `#` are notes for translators.

## The document

# The name of this language, written in this language (shown on the download page).
language-name = English
# Title of the pack, on its first page and in the document properties.
pack-title = Country: what happened, in a few words
# Line under the title.
pack-subtitle = Urgent appeal of the issuing organisation
# Running footer on every page. $page is the current page, $pages the number of pages.
footer-page = Page { $page } of { $pages }

## The alert: one message per paragraph of the source.

# A note for translators goes just above the message it is about.
alert-p1 = Replace this line with the first paragraph of the source alert, word for word: one line per paragraph, as the source writes it.

## How you can help

help-heading = How You Can Help
help-intro = Replace this line with the sentence that introduces the demands.
# One message per demand; it is printed in the list above and in every letter.
demand-1 = Replace this line with the first demand, after the dash and space.

## Addresses

addresses-heading = Addresses
# One line of the list of addresses: $name (bold), $role and $contact (the channels below).
address-entry = { $name }, { $role }, { $contact }
# Between two channels of the same addressee.
channel-separator = { "; " }
# $address is an e-mail address, kept as in the source; it becomes a link.
channel-email = E-mail: { $address }
# $handle is an X account such as @example; it becomes a link.
channel-x = X: { $handle }

# An addressee: the name as the value, then the attributes the letters use.
addressee-1 = Name Surname
    .role = Position
    .salutation = Dear Sir or Madam,
    .closing = Yours sincerely,

## The model letters: one per addressee.

# Small line above each letter's heading.
letter-kicker = Model letter { $number } of { $count }
letter-subject = Subject: what the letter asks for
letter-body = I am writing to express my concern and to urge you to:
# Places for the sender to fill in, each printed with a line to write on.
letter-field-name = Name
letter-field-date = Date
