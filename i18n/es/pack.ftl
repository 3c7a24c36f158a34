### Mensajes en español: nombres, portada, etiquetas y pie de página.
### Conventions of this locale (keep them in every es file), following the RAE Ortografía (2010)
### and Fundéu:
###   quotes « » without inner spaces (nested “ ”, then ‘ ’); closing punctuation after the
###   quote: «…».; apostrophe ’ (U+2019) if ever needed, never ';
###   numbers of five or more digits grouped by three with U+202F NARROW NO-BREAK SPACE (15 000),
###   four-digit numbers and years unspaced (2015); never 15.000 or 15,000; Western digits;
###   U+00A0 between a number and its unit (167 euros) and after «Sr.»;
###   dates «19 de mayo de 2025»; salutations end with a colon («Señor presidente:»);
###   titles (cargos) lower-case in running text, salutations and closings, capitalised only in
###   the address block (.role); list items start lower-case, end with «;», the last with «.».
### The special spaces are invisible: edit these files with an editor that shows them.

## Términos

# Nombre que la organización usa en español.
-amnesty = Amnistía Internacional
# Nombre corto, con artículo masculino: «El { -observatory } recuerda…».
-observatory = Observatorio
# Nombre completo del Observatorio (programa conjunto de la FIDH y la OMCT) en español.
-observatory-full = Observatorio para la Protección de los Defensores de Derechos Humanos

## El documento

language-name = Español
pack-title = Federación de Rusia: { -amnesty }, declarada «organización indeseable»
pack-subtitle = Llamamiento urgente del { -observatory-full }
pack-subject = Llamamiento urgente, direcciones de las autoridades y modelos de carta
pack-author = { -observatory-full }
footer-page = Página { $page } de { $pages }
pack-kind = Llamamiento urgente
pack-reference = Referencia: { $id }

## Contactos

address-entry = { $name }, { $role }, { $contact }
channel-separator = { "; " }
channel-email = Correo electrónico: { $address }
channel-x = X: { $handle }
channel-postal = Dirección postal: { $address }
channel-web = Formulario web: { $url }
channel-phone = Teléfono: { $number }
addresses-column-addressee = Destinatario
addresses-column-contact = Datos de contacto
addresses-table-description = Nombre y cargo de cada destinatario, y sus datos de contacto

## Fechas de la alerta

date = { $day } de { $month } de { $year }
    .january = enero
    .february = febrero
    .march = marzo
    .april = abril
    .may = mayo
    .june = junio
    .july = julio
    .august = agosto
    .september = septiembre
    .october = octubre
    .november = noviembre
    .december = diciembre
pack-issued = Fecha de publicación: { $date }
pack-act-before = Actúe antes del { $date }

web-act-now = Actúa ahora
web-send-letter = Enviar esta carta
web-post-on-x = Publicar en X
web-copy-letter = Copiar la carta
web-read-online = Leer en línea
