### Messages français : les lettres types et la publication suggérée sur X.
### Conventions: quotes « … », U+202F before ; ! ?, U+00A0 before :, apostrophe ’, dates
### « 19 mai 2025 » (see pack.ftl). Plural categories of French (CLDR): one (0 and 1), many
### (1 000 000, 2 000 000… which take « de » : « 1 000 000 de lettres »), other.
### Every variant writes { $count }, never « une » : in French `one` also covers 0.
### The demands (alert.ftl) complete « Je vous prie instamment de : » and « mon appel à : ».

letters-heading = Lettres types
# $count : nombre de lettres (une par destinataire, 7 dans ce dossier).
letters-intro = { $count ->
    [one] Ce dossier contient { $count } lettre type, adressée à l’autorité mentionnée ci-dessus qui dispose d’une adresse électronique.
    [many] Ce dossier contient { $count } de lettres types, une pour chacune des autorités mentionnées ci-dessus qui disposent d’une adresse électronique.
   *[other] Ce dossier contient { $count } lettres types, une pour chacune des autorités mentionnées ci-dessus qui disposent d’une adresse électronique.
} Pour les autorités joignables uniquement sur X, utilisez les publications suggérées ci-dessus. Ajoutez votre nom, celui de votre organisation et la date, signez la lettre et envoyez-la à l’adresse indiquée ou à l’ambassade de la Fédération de Russie dans votre pays.

letter-kicker = Lettre type { $number } sur { $count }
letter-subject = Objet : désignation d’{ -amnesty } comme « organisation indésirable »
letter-concern = Je vous écris pour vous faire part de ma profonde préoccupation au sujet de la décision du Parquet général de la Fédération de Russie, annoncée le 19 mai 2025, de déclarer { -amnesty } « organisation indésirable ».
letter-context = Cette désignation interdit les activités de l’organisation en Russie et expose toute personne qui coopère avec elle, la soutient ou même partage ses informations à la mise en cause de sa responsabilité administrative et à des poursuites pénales. Il s’agit d’une tentative flagrante d’exercer des représailles contre { -amnesty } pour avoir documenté les crimes de guerre et les crimes contre l’humanité commis par les forces armées russes en Ukraine, et pour avoir dénoncé publiquement la répression des voix dissidentes en Russie.
# Une mission est priée de transmettre l’appel à ses autorités ; un responsable, d’agir.
letter-demands-intro = { $kind ->
    [mission] Je vous prie de bien vouloir transmettre aux autorités de la Fédération de Russie mon appel à :
   *[official] Je vous prie donc instamment de :
}
letter-final = Les organisations de défense des droits humains, y compris les ONG étrangères et internationales, doivent pouvoir mener leurs activités légitimes en Russie sans entrave et sans crainte de représailles.

## Champs à remplir par l’expéditeur

letter-field-name = Nom
letter-field-organisation = Organisation
letter-field-date = Date
letter-field-address = Adresse
letter-field-signature = Signature

## Publication suggérée sur X

x-post-heading = Publication suggérée sur X
# 280 caractères au plus, comptés comme X (U+202F compte pour 2) ; { $handle } reste en tête.
x-post = { $handle } Je vous exhorte à retirer { -amnesty } de la liste des « organisations indésirables » et à abroger la loi sur les « organisations indésirables ». Défendre les droits humains n’est pas un crime. #Russie #DroitsHumains
