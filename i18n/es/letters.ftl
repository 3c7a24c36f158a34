### Mensajes en español: los modelos de carta y la publicación sugerida en X.
### Conventions: quotes «…», «19 de mayo de 2025», numbers 15 000 (see pack.ftl). Plural
### categories of Spanish (CLDR): one, many (1 000 000, 2 000 000…, which take «de»:
### «1 000 000 de modelos»), other. The demands (alert.ftl) complete «le insto respetuosamente
### a:» and «mi llamamiento a:».

letters-heading = Modelos de carta
# $count: número de cartas (una por destinatario con dirección de correo electrónico; 5 en este documento).
letters-intro = { $count ->
    [one] Este documento contiene un modelo de carta, dirigido a la autoridad indicada más arriba que dispone de dirección de correo electrónico.
    [many] Este documento contiene { $count } de modelos de carta, uno para cada una de las autoridades indicadas más arriba que disponen de dirección de correo electrónico.
   *[other] Este documento contiene { $count } modelos de carta, uno para cada una de las autoridades indicadas más arriba que disponen de dirección de correo electrónico.
} Para las autoridades a las que solo se puede llegar por X, utilice las publicaciones sugeridas más arriba. Añada su nombre, el de su organización y la fecha, firme la carta y envíela a la dirección indicada o a la embajada de la Federación de Rusia en su país.

letter-kicker = Modelo de carta { $number } de { $count }
letter-subject = Asunto: designación de { -amnesty } como «organización indeseable»
letter-concern = Le escribo para expresarle mi profunda preocupación por la decisión de la Fiscalía General de la Federación de Rusia, anunciada el 19 de mayo de 2025, de declarar a { -amnesty } «organización indeseable».
letter-context = Esta designación prohíbe las actividades de la organización en Rusia y expone a cualquier persona que coopere con ella, la apoye o incluso comparta su información a responsabilidad administrativa y a procesamiento penal. Se trata de un intento flagrante de tomar represalias contra { -amnesty } por haber documentado los crímenes de guerra y los crímenes de lesa humanidad cometidos por las fuerzas armadas rusas en Ucrania, y por haber denunciado abiertamente la represión de las voces disidentes en Rusia.
# A una misión se le pide que transmita el llamamiento a sus autoridades; a un cargo, que actúe.
letter-demands-intro = { $kind ->
    [mission] Le ruego que transmita a las autoridades de la Federación de Rusia mi llamamiento a:
   *[official] Por consiguiente, le insto respetuosamente a:
}
letter-final = Las organizaciones de derechos humanos, incluidas las ONG extranjeras e internacionales, deben poder llevar a cabo sus actividades legítimas en Rusia sin ningún obstáculo y sin temor a represalias.

## Campos que rellena el remitente

letter-field-name = Nombre
letter-field-organisation = Organización
letter-field-date = Fecha
letter-field-address = Dirección
letter-field-signature = Firma

## Publicación sugerida en X

x-post-heading = Publicación sugerida en X
# 280 caracteres como máximo, contados como X; { $handle } va al principio.
x-post = { $handle } Le insto a retirar a { -amnesty } de la lista de «organizaciones indeseables» y a derogar la ley sobre «organizaciones indeseables». Defender los derechos humanos no es un delito. #Rusia #DerechosHumanos
