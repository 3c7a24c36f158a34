### Deutsch (de): der Eilappell selbst.
### Conventions: „…“ quotation marks; 15.000 (dot groups thousands); 19. Mai 2025; article numbers
###   of Russian codes keep their dot (Artikel 20.33, Artikel 284.1); official German names:
###   Generalstaatsanwaltschaft der Russischen Föderation, Ministerium für Auswärtige Angelegenheiten,
###   Justizministerium, Gesetzbuch der Russischen Föderation über Ordnungswidrigkeiten,
###   Strafgesetzbuch der Russischen Föderation, Internationaler Pakt über bürgerliche und politische Rechte.
### Legal terms kept distinct: verwaltungsrechtliche Haftung (administrative liability),
###   strafrechtliche Haftung (criminal liability), strafrechtliche Verfolgung (prosecution), Geldbußen (fines).

alert-p1 = Die { -observatory } wurde über die Einstufung von { -amnesty }, einer renommierten internationalen Menschenrechtsorganisation, als „unerwünschte Organisation“ durch die russischen Behörden informiert. In den vergangenen Jahren hat { -amnesty } entscheidende Arbeit geleistet, um die von den russischen Streitkräften in der Ukraine begangenen Kriegsverbrechen und Verbrechen gegen die Menschlichkeit zu dokumentieren und darauf hinzuwirken, dass die Verantwortlichen zur Rechenschaft gezogen werden, und hat das harte Vorgehen Russlands gegen Andersdenkende im eigenen Land offen angeprangert.

# The two quotations render the statement of the Prosecutor General’s Office of 19 May 2025
# („…является центром подготовки глобальных русофобских проектов…“; „…активисты … оправдывают преступления
# украинских неонацистов…“: in the release the plural verb is said of the activists). The alert accuses the
# organisation itself, as the English quotes it (“justifying the crimes of Ukrainian neo-Nazis”).
alert-p2 = Am 19. Mai 2025 gab die Generalstaatsanwaltschaft der Russischen Föderation bekannt, dass sie { -amnesty } zur „unerwünschten Organisation“ erklärt habe, und warf der Organisation vor, ein „Zentrum für die Vorbereitung globaler russophober Projekte“ zu sein und „die Verbrechen ukrainischer Neonazis zu rechtfertigen“.

alert-p3 = Die Einstufung als „unerwünscht“ kommt faktisch einem Verbot der Tätigkeit von { -amnesty } in Russland gleich und setzt alle, die mit der Organisation in Verbindung stehen, sie unterstützen oder auch nur Informationen von ihr verbreiten, der erheblichen Gefahr verwaltungsrechtlicher Haftung und strafrechtlicher Verfolgung aus. Bereits kurz nach Beginn der groß angelegten Invasion Russlands in die Ukraine hatten die Behörden das Moskauer Büro von { -amnesty } geschlossen und den Zugang zu deren Website gesperrt.

alert-p4 = Die { -observatory } erinnert daran, dass das repressive Gesetz über „unerwünschte Organisationen“, das 2015 verabschiedet und 2021 und 2024 weiter verschärft wurde, die Generalstaatsanwaltschaft der Russischen Föderation ermächtigt, in Abstimmung mit dem Ministerium für Auswärtige Angelegenheiten jede ausländische oder internationale Organisation für „unerwünscht“ zu erklären, die als „Bedrohung für die Grundlagen der Verfassungsordnung der Russischen Föderation, die Verteidigungsfähigkeit des Landes oder die Sicherheit des Staates“ angesehen wird.

alert-p5 = „Unerwünschten Organisationen“ ist jegliche Tätigkeit in Russland untersagt, einschließlich der Veröffentlichung oder Verbreitung jeglicher Informationen, der Durchführung von Finanztransaktionen sowie der finanziellen oder sonstigen Unterstützung von Organisationen und Einzelpersonen vor Ort. Die „Beteiligung an der Tätigkeit“ einer als „unerwünscht“ eingestuften Organisation zieht nach Artikel 20.33 des Gesetzbuchs der Russischen Föderation über Ordnungswidrigkeiten verwaltungsrechtliche Haftung und Geldbußen von bis zu 15.000 russischen Rubel (etwa 167 Euro) nach sich. In der Praxis hat die vage Formulierung des Gesetzes dazu geführt, dass Menschen allein dafür bestraft wurden, dass sie von einer „unerwünschten Organisation“ verbreitete Informationen in sozialen Medien erneut geteilt hatten – selbst wenn die ursprünglichen Beiträge aus der Zeit vor der Einstufung der Organisation als „unerwünscht“ stammten.

alert-p6 = Darüber hinaus ziehen wiederholte Verstöße eine strafrechtliche Haftung mit bis zu vier Jahren Freiheitsstrafe nach sich, während denjenigen, die an eine als „unerwünscht“ eingestufte Organisation spenden oder eine solche Organisation leiten, bis zu vier beziehungsweise sechs Jahre Freiheitsstrafe drohen (Artikel 284.1 des Strafgesetzbuchs der Russischen Föderation). Russischen Staatsangehörigen und Organisationen, die mit einer „unerwünschten Organisation“ zusammenarbeiten, drohen – auch wenn sie ihren Wohnsitz oder Sitz außerhalb Russlands haben – verwaltungsrechtliche Sanktionen und, im Fall von Einzelpersonen, strafrechtliche Haftung.

alert-p7 = Die vom Justizministerium der Russischen Föderation geführte Liste „unerwünschter Organisationen“ umfasst derzeit mehr als 200 Organisationen, darunter führende unabhängige Medien und Menschenrechtsorganisationen.

alert-p8 = Die { -observatory } verurteilt auf das Schärfste die Einstufung von { -amnesty } als „unerwünschte Organisation“, die einen eklatanten Versuch darstellt, Vergeltung an der Organisation zu üben – für ihre führende Rolle bei den Bemühungen, die Verantwortlichen für die von den russischen Streitkräften in der Ukraine begangenen Kriegsverbrechen und Verbrechen gegen die Menschlichkeit zur Rechenschaft zu ziehen, und für ihre deutliche Kritik am harten Vorgehen Russlands gegen Andersdenkende.

alert-p9 = Die Einstufung ist zudem ein Versuch, russische Staatsangehörige, die mit unabhängigen Organisationen der Zivilgesellschaft zusammenarbeiten, weiter einzuschüchtern und zu bestrafen und den Zugang der russischen Staatsangehörigen im Land zu unabhängigen und verlässlichen Informationen über den Krieg Russlands gegen die Ukraine weiter einzuschränken.

alert-p10 = Die { -observatory } fordert die russischen Behörden nachdrücklich auf, die Entscheidung unverzüglich rückgängig zu machen und das Recht auf Vereinigungsfreiheit unter allen Umständen zu achten, damit Menschenrechtsorganisationen, einschließlich ausländischer und internationaler Nichtregierungsorganisationen, ihrer legitimen Tätigkeit ohne jegliche Behinderung und ohne Angst vor Repressalien nachgehen können.

alert-p11 = Die { -observatory } ruft zudem die internationale Gemeinschaft auf, sich mit { -amnesty } und allen Menschenrechtsverteidigerinnen und -verteidigern in Russland solidarisch zu zeigen.

## Was Sie tun können

help-heading = Was Sie tun können
help-intro = Bitte schreiben Sie an die Behörden der Russischen Föderation und fordern Sie sie auf:

## The four demands: zu-infinitive clauses, lower case (except names), so that they complete both
## “… und fordern Sie sie auf:” and “Ich fordere Sie daher höflich, aber nachdrücklich auf:”.
## Semicolons between items, full stop after the last.

demand-remove = { -amnesty } unverzüglich von der Liste der „unerwünschten Organisationen“ zu streichen;
demand-repeal = das Gesetz über „unerwünschte Organisationen“ sowie alle damit zusammenhängenden repressiven Rechtsvorschriften, wie etwa das Gesetz über „ausländische Agenten“, aufzuheben;
demand-harassment = alle Schikanen – auch auf gerichtlicher Ebene – gegen { -amnesty } und ihre Mitglieder sowie gegen alle Menschenrechtsorganisationen und Menschenrechtsverteidigerinnen und -verteidiger in Russland zu beenden und unter allen Umständen sicherzustellen, dass sie ihrer legitimen Tätigkeit ohne jegliche Behinderung und ohne Angst vor Repressalien nachgehen können;
demand-freedoms = unter allen Umständen die Rechte auf Meinungs-, Versammlungs- und Vereinigungsfreiheit zu garantieren, wie sie in den internationalen Menschenrechtsnormen und insbesondere in den Artikeln 19, 21 und 22 des Internationalen Paktes über bürgerliche und politische Rechte verankert sind.

## Adressen

addresses-heading = Adressen
addresses-closing = Bitte schreiben Sie auch an die diplomatischen Vertretungen oder Botschaften der Russischen Föderation in Ihrem Land.
