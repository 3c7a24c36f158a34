### Deutsch (de): Namen, Titelseite, Beschriftungen und Fußzeile.
### Conventions for this locale (keep them when you edit):
###   quotation marks „…“ (U+201E/U+201C), nested ‚…‘; apostrophe ’; dash – (U+2013) with spaces;
###   numbers 15.000 (dot groups thousands); article numbers of Russian codes keep their dot (20.33, 284.1);
###   dates 19. Mai 2025; official German names of Russian institutions (see docs/translations/de.md);
###   inclusive language by pair forms (Menschenrechtsverteidigerinnen und -verteidiger), no gender star.

## Terms

-amnesty = Amnesty International
# The Observatory (Observatory for the Protection of Human Rights Defenders, FIDH–OMCT) publishes no
# German name of its own. “Observatory” in the names of bodies is rendered “Beobachtungsstelle” in German
# (EU: Europäische Beobachtungsstelle für Drogen und Drogensucht; press: Syrische Beobachtungsstelle für
# Menschenrechte), not “Observatorium” (an astronomical observatory). Feminine: „die Beobachtungsstelle“.
-observatory = Beobachtungsstelle
-observatory-full = Beobachtungsstelle für den Schutz von Menschenrechtsverteidigerinnen und -verteidigern

## The document

language-name = Deutsch
pack-title = Russische Föderation: { -amnesty } zur „unerwünschten Organisation“ erklärt
pack-subtitle = Eilappell der { -observatory-full }
pack-subject = Eilappell, Adressen der Behörden und Musterbriefe
pack-author = { -observatory-full }
footer-page = Seite { $page } von { $pages }
pack-kind = Eilappell
pack-reference = Referenz: { $id }

## Contacts

address-entry = { $name }, { $role }, { $contact }
channel-separator = { "; " }
channel-email = E-Mail: { $address }
channel-x = X: { $handle }
channel-postal = Postanschrift: { $address }
channel-web = Kontaktformular: { $url }
channel-phone = Telefon: { $number }
# Neutral forms, as the conventions ask: no generic masculine „Empfänger“ in a heading.
addresses-column-addressee = Name und Funktion
addresses-column-contact = Kontakt
addresses-table-description = An wen Sie schreiben können: Name und Funktion, dazu die Kontaktwege

## Daten der Eilaktion

date = { $day }. { $month } { $year }
    .january = Januar
    .february = Februar
    .march = März
    .april = April
    .may = Mai
    .june = Juni
    .july = Juli
    .august = August
    .september = September
    .october = Oktober
    .november = November
    .december = Dezember
pack-issued = Veröffentlicht am { $date }
pack-act-before = Bitte handeln Sie bis zum { $date }

web-act-now = Jetzt handeln
web-send-letter = Diesen Brief senden
web-post-on-x = Auf X posten
web-copy-letter = Brief kopieren
web-read-online = Online lesen
