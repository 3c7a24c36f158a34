### Reference messages: the alert itself.
### These messages must reproduce ../canonical.txt word for word (`appealpack check` verifies it),
### so the English text keeps the source's own spelling and quotes. Its slips of form are corrected
### here and declared, each with its reason, in manifest.toml's [[corrections]]: the check accepts
### those and no other difference. Facts stay as the source gives them. Translators: translate the
### meaning, in your language's typography; the notes say where the source had a slip.


# The opening of the alert. “Undesirable organisation” is the legal status under Russian law
# (нежелательная организация): use the established rendering in your language, in your quotation marks.
alert-p1 = The { -observatory } has been informed about the designation of { -amnesty }, a renowned international human rights organisation, as an “undesirable organisation” by the Russian authorities. In the last years, { -amnesty } has undertaken crucial work to document and ensure accountability for the war crimes and crimes against humanity committed by the Russian armed forces in Ukraine, and has taken a vocal stance on Russia’s crackdown on dissenting voices inside the country.

# Legal weight: the date (19 May 2025) and the two quotations are the Prosecutor General’s own words;
# translate the quotations faithfully from the Russian wording where known, in your quotation marks.
# The English source has “Prosecutor’s General Office” and a straight closing quote after “projects”: both are slips
# of the original, corrected here. Use the institution’s official name (Генеральная прокуратура Российской Федерации)
# and your language’s quotation marks.
alert-p2 = On 19 May 2025, the Russian Prosecutor General’s Office announced that it had declared { -amnesty } an “undesirable organisation”, accusing the organisation of being a “center for the preparation of global Russophobic projects” and “justifying the crimes of Ukrainian neo-Nazis”.

# “Administrative liability” and “prosecution” are legal terms: keep them distinct.
alert-p3 = The designation as “undesirable” effectively bans { -amnesty }’s activities in Russia, exposing anyone affiliated with, supporting, or even disseminating information from the organisation to significant risks of administrative liability and prosecution. Previously, shortly after the beginning of Russia’s full-scale invasion of Ukraine, the authorities had closed down { -amnesty }’s Moscow Office, and blocked access to its website.

# Legal weight: the years 2015, 2021 and 2024, and the quoted legal criteria of the law, are facts.
# Use the official names of the Prosecutor General’s Office and the Ministry of Foreign Affairs.
alert-p4 = The { -observatory } recalls that under the repressive law on “undesirable organisations”, adopted in 2015 and further tightened in 2021 and 2024, the Prosecutor General’s Office, in cooperation with the Ministry of Foreign Affairs, has the power to declare as “undesirable” any foreign or international organisation that is deemed “a threat to the foundations of the constitutional order of the Russian Federation, the defense capability of the country or the security of the state”.

# Legal weight: fine of up to 15,000 Russian roubles (about 167 euros), Article 20.33 of the Code of
# Administrative Offences of the Russian Federation (КоАП РФ). Group the digits as your language does
# (15 000, 15.000, …); the checker accepts any grouping but not a different number.
# The source uses a straight apostrophe in “organisation's” (corrected here); use your language’s apostrophe.
alert-p5 = “Undesirable organisations” are banned from engaging in any activities inside Russia, including the publication or dissemination of any information, carrying out financial transactions, and providing financial or other assistance to local organisations and individuals. The “participation in the activities” of an organisation declared “undesirable” leads to administrative liability and fines of up to 15,000 Russian rubles (about 167 Euros), under Article 20.33 of Russian Code of Administrative Offences. In practice, the vague wording of the law has led to the punishment of individuals simply for reposting information disseminated by an “undesirable organisation” on social media platforms, even if the original posts predated the organisation’s designation as “undesirable”.

# Legal weight: up to four years of imprisonment for repeated violations; up to four years (donating)
# and six years (managing), “respectively”; Article 284.1 of the Criminal Code of the Russian Federation
# (the source says “Penal Code”, corrected here; use the official name, Уголовный кодекс).
alert-p6 = Additionally, repeated violations lead to criminal liability of up to four years of imprisonment, while those donating to or managing an organisation declared “undesirable” face up to four and six years of imprisonment, respectively (Article 284.1 of Russian Criminal Code). Any Russian citizen or organisation cooperating with an “undesirable organisation”, even if residing outside Russia, faces administrative penalties and, in the case of individuals, criminal liability.

# “Over 200”: keep the number; the list is kept by the Ministry of Justice.
alert-p7 = The list of “undesirable organisations”, maintained by the Russian Ministry of Justice, currently features over 200 organisations, including leading independent media outlets and human rights organisations.

# The strongest wording of the alert: keep its force (“condemns in the strongest terms”, “blatant”).
alert-p8 = The { -observatory } condemns in the strongest terms the designation of { -amnesty } as an “undesirable organisation”, which constitutes a blatant attempt to retaliate against the organisation for its leading role in promoting accountability for the war crimes and crimes against humanity committed by the Russian armed forces in Ukraine, and for its vocal stance on Russia’s crackdown against dissenting voices.

alert-p9 = It is also an attempt to further intimidate and punish Russian citizens cooperating with independent civil society organisations, and to further restrict the access of Russian nationals inside the country to independent and reliable information about Russia’s war against Ukraine.

# The central demand of the alert. “NGOs” may be spelt out if the abbreviation is not usual.
alert-p10 = The { -observatory } urges the Russian authorities to immediately reverse the decision and to respect in all circumstances the right to freedom of association, ensuring that human rights organisations, including foreign and international NGOs, are able to carry out their legitimate activities without any hindrance and fear of reprisals.

alert-p11 = The { -observatory } also urges the international community to stand in solidarity with { -amnesty } and all human rights defenders in Russia.

## How You Can Help

help-heading = How You Can Help
# Introduces the four demands below; each demand completes this sentence.
help-intro = Please write to the authorities of the Russian Federation, asking them to:

## The four demands. They complete both “asking them to:” (above) and “I urge you to:” (in the
## model letters), so translate them as the same grammatical form that fits both (in many
## languages an infinitive). Keep the closing semicolons and the final full stop as your
## language punctuates a list.

demand-remove = Immediately remove { -amnesty } from the list of “undesirable organisations”;
# “Foreign agents” law: use the established rendering of the Russian law on “foreign agents”.
demand-repeal = Repeal the law on “undesirable organisations”, as well as any other related repressive legislation, such as the “foreign agents” law;
demand-harassment = Put an end to all acts of harassment, including at the judicial level, against { -amnesty }, its members, as well as against all human rights organisations and defenders in Russia, and ensure in all circumstances that they are able to carry out their legitimate activities without any hindrance and fear of reprisals;
# Legal weight: Articles 19, 21 and 22 of the International Covenant on Civil and Political Rights
# (use its official title in your language). The source’s “human right law” is a slip for
# “human rights law”, corrected here: translate the intended meaning.
demand-freedoms = Guarantee, in all circumstances, the rights to freedom of expression, assembly and association, as enshrined in international human rights law, and particularly in Articles 19, 21 and 22 of the International Covenant on Civil and Political Rights.

## Addresses

addresses-heading = Addresses
addresses-closing = Please also write to the diplomatic missions or embassies of the Russian Federation in your respective country.
