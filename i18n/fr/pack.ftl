### Messages français : noms, page de titre, libellés et pied de page.
### Conventions of this locale (keep them in every fr file):
###   quotes « » with U+202F NARROW NO-BREAK SPACE inside (nested “ ”); U+202F before ; ! ?
###   and U+00A0 NO-BREAK SPACE before : ; apostrophe ’ (U+2019), never ';
###   numbers grouped by three with U+202F (15 000), Western digits; U+00A0 between a number and
###   its unit (167 euros) and after « M. »; dates « 19 mai 2025 »;
###   titles capitalised in address blocks (« Président de la Fédération de Russie »),
###   « ministère des Affaires étrangères » (lower-case ministère), « Parquet général » capitalised as
###   the Russian institution’s name; list items start lower-case and end
###   with «  ; », the last with a full stop (Lexique de l’Imprimerie nationale).
### The special spaces are invisible: edit these files with an editor that shows them.

## Termes

# Amnesty International garde son nom en français.
-amnesty = Amnesty International
# Nom court, employé avec l’article élidé : « L’{ -observatory } rappelle… ».
-observatory = Observatoire
# Nom complet, tel que l’Observatoire (FIDH-OMCT) se présente en français.
-observatory-full = Observatoire pour la protection des défenseurs des droits humains

## Le document

language-name = Français
pack-title = Fédération de Russie : { -amnesty } déclarée « organisation indésirable »
pack-subtitle = Appel urgent de l’{ -observatory-full }
pack-subject = Appel urgent, adresses des autorités et lettres types
pack-author = { -observatory-full }
footer-page = Page { $page } sur { $pages }
pack-kind = Appel urgent
pack-reference = Référence : { $id }

## Contacts

address-entry = { $name }, { $role }, { $contact }
# U+202F (narrow no-break space) before the semicolon, in a string literal.
channel-separator = { " ; " }
channel-email = Courriel : { $address }
channel-x = X : { $handle }
channel-postal = Adresse postale : { $address }
channel-web = Formulaire en ligne : { $url }
channel-phone = Téléphone : { $number }
addresses-column-addressee = Destinataire
addresses-column-contact = Coordonnées
addresses-table-description = Nom et fonction de chaque destinataire, et ses coordonnées

## Dates de l’alerte

date = { $day ->
        [one] 1er
       *[other] { $day }
    } { $month } { $year }
    .january = janvier
    .february = février
    .march = mars
    .april = avril
    .may = mai
    .june = juin
    .july = juillet
    .august = août
    .september = septembre
    .october = octobre
    .november = novembre
    .december = décembre
pack-issued = Date de publication : { $date }
pack-act-before = Merci d’agir avant le { $date }

web-act-now = Agir maintenant
web-send-letter = Envoyer cette lettre
web-post-on-x = Publier sur X
web-copy-letter = Copier la lettre
web-read-online = Lire en ligne
