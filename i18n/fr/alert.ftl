### Messages français : l’appel urgent lui-même.
### Conventions: quotes « … » (U+202F inside), U+202F before ; ! ?, U+00A0 before :,
### apostrophe ’, numbers 15 000 (U+202F), « 19 mai 2025 », Western digits (see pack.ftl).
### Official names used: Parquet général de la Fédération de Russie (Генеральная прокуратура),
### ministère des Affaires étrangères, ministère de la Justice, Code des infractions administratives
### de la Fédération de Russie (КоАП РФ), Code pénal de la Fédération de Russie (УК РФ),
### Pacte international relatif aux droits civils et politiques.

alert-p1 = L’{ -observatory } a été informé de la désignation d’{ -amnesty }, organisation internationale de défense des droits humains de renom, comme « organisation indésirable » par les autorités russes. Ces dernières années, { -amnesty } a mené un travail essentiel pour documenter les crimes de guerre et les crimes contre l’humanité commis par les forces armées russes en Ukraine et pour que leurs auteurs aient à en répondre, et a dénoncé haut et fort la répression exercée par la Russie contre les voix dissidentes à l’intérieur du pays.

# Citations du communiqué du Parquet général : « центром подготовки глобальных русофобских
# проектов » et « оправдывают преступления украинских неонацистов ».
alert-p2 = Le 19 mai 2025, le Parquet général de la Fédération de Russie a annoncé avoir déclaré { -amnesty } « organisation indésirable », accusant l’organisation d’être un « centre de préparation de projets russophobes mondiaux » et de « justifier les crimes des néonazis ukrainiens ».

alert-p3 = La désignation comme « indésirable » interdit de fait les activités d’{ -amnesty } en Russie et expose toute personne qui lui est affiliée, qui la soutient ou même qui diffuse des informations émanant de l’organisation à des risques importants de mise en cause de sa responsabilité administrative et de poursuites pénales. Auparavant, peu après le début de l’invasion à grande échelle de l’Ukraine par la Russie, les autorités avaient fermé le bureau d’{ -amnesty } à Moscou et bloqué l’accès à son site internet.

# Critères de la loi no 272-FZ : « угрозу основам конституционного строя Российской Федерации,
# обороноспособности страны или безопасности государства ».
alert-p4 = L’{ -observatory } rappelle qu’en vertu de la loi répressive sur les « organisations indésirables », adoptée en 2015 puis durcie en 2021 et en 2024, le Parquet général de la Fédération de Russie, en concertation avec le ministère des Affaires étrangères, a le pouvoir de déclarer « indésirable » toute organisation étrangère ou internationale considérée comme « une menace pour les fondements de l’ordre constitutionnel de la Fédération de Russie, la capacité de défense du pays ou la sécurité de l’État ».

alert-p5 = Il est interdit aux « organisations indésirables » de mener la moindre activité en Russie, notamment de publier ou de diffuser quelque information que ce soit, d’effectuer des opérations financières et d’apporter une aide financière ou autre à des organisations et à des particuliers sur place. La « participation aux activités » d’une organisation déclarée « indésirable » engage la responsabilité administrative de son auteur et est passible d’une amende pouvant aller jusqu’à 15 000 roubles (environ 167 euros), en vertu de l’article 20.33 du Code des infractions administratives de la Fédération de Russie. Dans la pratique, la formulation vague de la loi a conduit à sanctionner des personnes pour le simple fait d’avoir republié sur les réseaux sociaux des informations diffusées par une « organisation indésirable », même lorsque les publications d’origine étaient antérieures à la désignation de l’organisation comme « indésirable ».

alert-p6 = En outre, les infractions répétées engagent la responsabilité pénale de leur auteur et sont passibles d’une peine pouvant aller jusqu’à quatre ans d’emprisonnement, tandis que les personnes qui font des dons à une organisation déclarée « indésirable » ou qui la dirigent encourent respectivement jusqu’à quatre et six ans d’emprisonnement (article 284.1 du Code pénal de la Fédération de Russie). Même s’ils résident hors de Russie, les citoyens et les organisations russes qui coopèrent avec une « organisation indésirable » encourent des sanctions administratives et, s’agissant des personnes physiques, engagent leur responsabilité pénale.

alert-p7 = La liste des « organisations indésirables », tenue par le ministère de la Justice de la Fédération de Russie, compte actuellement plus de 200 organisations, parmi lesquelles des médias indépendants de premier plan et des organisations de défense des droits humains.

alert-p8 = L’{ -observatory } condamne avec la plus grande fermeté la désignation d’{ -amnesty } comme « organisation indésirable », qui constitue une tentative flagrante d’exercer des représailles contre l’organisation en raison de son rôle de premier plan dans la lutte pour que les auteurs des crimes de guerre et des crimes contre l’humanité commis par les forces armées russes en Ukraine aient à en répondre, ainsi que de sa dénonciation publique de la répression exercée par la Russie à l’encontre des voix dissidentes.

alert-p9 = Il s’agit également d’une tentative d’intimider et de punir davantage les citoyens russes qui coopèrent avec des organisations indépendantes de la société civile, et de restreindre encore l’accès des ressortissants russes vivant dans le pays à des informations indépendantes et fiables sur la guerre menée par la Russie contre l’Ukraine.

alert-p10 = L’{ -observatory } exhorte les autorités russes à revenir immédiatement sur cette décision et à respecter en toutes circonstances le droit à la liberté d’association, en veillant à ce que les organisations de défense des droits humains, y compris les ONG étrangères et internationales, puissent mener leurs activités légitimes sans entrave et sans crainte de représailles.

alert-p11 = L’{ -observatory } exhorte également la communauté internationale à se montrer solidaire d’{ -amnesty } et de l’ensemble des défenseurs des droits humains en Russie.

## Comment agir

help-heading = Comment agir
# Formule des appels urgents de l’Observatoire ; chaque revendication complète « de : ».
help-intro = Merci d’écrire aux autorités de la Fédération de Russie en leur demandant de :

## Les quatre revendications : infinitif, initiale minuscule, «  ; » en fin d’élément et point
## final au dernier (elles complètent aussi « Je vous prie instamment de : » dans les lettres).

demand-remove = retirer immédiatement { -amnesty } de la liste des « organisations indésirables » ;
demand-repeal = abroger la loi sur les « organisations indésirables », ainsi que toute autre législation répressive connexe, telle que la loi sur les « agents de l’étranger » ;
demand-harassment = mettre un terme à tout acte de harcèlement, y compris au niveau judiciaire, à l’encontre d’{ -amnesty } et de ses membres, ainsi que de l’ensemble des organisations et des défenseurs des droits humains en Russie, et veiller en toutes circonstances à ce qu’ils puissent mener leurs activités légitimes sans entrave et sans crainte de représailles ;
demand-freedoms = garantir en toutes circonstances les droits à la liberté d’expression, de réunion et d’association, tels que consacrés par le droit international des droits humains, et en particulier par les articles 19, 21 et 22 du Pacte international relatif aux droits civils et politiques.

## Adresses

addresses-heading = Adresses
addresses-closing = Merci d’écrire également aux missions diplomatiques ou aux ambassades de la Fédération de Russie dans vos pays respectifs.
