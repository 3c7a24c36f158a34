### Deutsch (de): Musterbriefe und Vorschlag für einen Beitrag auf X.
### Conventions: „…“ quotation marks; 19. Mai 2025; formal “Sie”. After the salutation (which ends
###   with a comma) the letter body starts in lower case, as German letters do. The subject line has
###   no “Betreff:” label (DIN 5008). CLDR plural categories for de: one, other.

letters-heading = Musterbriefe
letters-intro = { $count ->
    [one] Dieses Dokument enthält einen Musterbrief an die oben genannte Stelle mit E-Mail-Adresse.
   *[other] Dieses Dokument enthält { $count } Musterbriefe, je einen an jede der oben genannten Stellen mit E-Mail-Adresse.
} Für die Stellen, die nur über X erreichbar sind, verwenden Sie bitte die oben vorgeschlagenen Beiträge. Tragen Sie Ihren Namen, Ihre Organisation und das Datum ein, unterschreiben Sie den Brief und senden Sie ihn an die angegebene Adresse oder an die Botschaft der Russischen Föderation in Ihrem Land.

letter-kicker = Musterbrief { $number } von { $count }
letter-subject = Einstufung von { -amnesty } als „unerwünschte Organisation“
letter-concern = ich wende mich an Sie, um meine tiefe Besorgnis über die am 19. Mai 2025 bekannt gegebene Entscheidung der Generalstaatsanwaltschaft der Russischen Föderation zum Ausdruck zu bringen, { -amnesty } zur „unerwünschten Organisation“ zu erklären.
letter-context = Diese Einstufung verbietet die Tätigkeit der Organisation in Russland und setzt alle, die mit ihr zusammenarbeiten, sie unterstützen oder auch nur ihre Informationen teilen, verwaltungsrechtlicher Haftung und strafrechtlicher Verfolgung aus. Sie ist ein eklatanter Versuch, Vergeltung an { -amnesty } dafür zu üben, dass die Organisation die von den russischen Streitkräften in der Ukraine begangenen Kriegsverbrechen und Verbrechen gegen die Menschlichkeit dokumentiert und sich deutlich gegen die Unterdrückung Andersdenkender in Russland ausgesprochen hat.
letter-demands-intro = { $kind ->
    [mission] Ich bitte Sie höflich, den Behörden der Russischen Föderation meinen Appell zu übermitteln, in dem ich sie auffordere:
   *[official] Ich fordere Sie daher höflich, aber nachdrücklich auf:
}
letter-final = Menschenrechtsorganisationen, einschließlich ausländischer und internationaler Nichtregierungsorganisationen, müssen ihrer legitimen Tätigkeit in Russland ohne jegliche Behinderung und ohne Angst vor Repressalien nachgehen können.

## Felder für Absenderinnen und Absender

letter-field-name = Name
letter-field-organisation = Organisation
letter-field-date = Datum
letter-field-address = Anschrift
letter-field-signature = Unterschrift

## Beitrag auf X

x-post-heading = Vorschlag für einen Beitrag auf X
x-post = { $handle } Ich fordere Sie auf, { -amnesty } von der Liste „unerwünschter Organisationen“ zu streichen und das Gesetz über „unerwünschte Organisationen“ aufzuheben. Menschenrechte zu verteidigen ist kein Verbrechen. #Russland #Menschenrechte
