### Mensajes en español: el llamamiento urgente.
### Conventions: quotes «…» (RAE), numbers 15 000 (U+202F), «19 de mayo de 2025», Western digits
### (see pack.ftl). Official names used: Fiscalía General de la Federación de Rusia (Генеральная
### прокуратура), Ministerio de Asuntos Exteriores, Ministerio de Justicia, Código de Infracciones
### Administrativas de la Federación de Rusia (КоАП РФ), Código Penal de la Federación de Rusia
### (УК РФ), Pacto Internacional de Derechos Civiles y Políticos.

alert-p1 = El { -observatory } ha sido informado de la designación de { -amnesty }, reconocida organización internacional de derechos humanos, como «organización indeseable» por parte de las autoridades rusas. En los últimos años, { -amnesty } ha llevado a cabo una labor fundamental para documentar los crímenes de guerra y los crímenes de lesa humanidad cometidos por las fuerzas armadas rusas en Ucrania y para que sus autores rindan cuentas, y ha denunciado abiertamente la represión de las voces disidentes por parte de Rusia dentro del país.

# Citas del comunicado de la Fiscalía General: «центром подготовки глобальных русофобских
# проектов» y «оправдывают преступления украинских неонацистов».
alert-p2 = El 19 de mayo de 2025, la Fiscalía General de la Federación de Rusia anunció que había declarado a { -amnesty } «organización indeseable» y acusó a la organización de ser un «centro de preparación de proyectos rusófobos globales» y de «justificar los crímenes de los neonazis ucranianos».

alert-p3 = La designación como «indeseable» prohíbe de hecho las actividades de { -amnesty } en Rusia y expone a cualquier persona que esté vinculada a la organización, que la apoye o incluso que difunda información procedente de ella a riesgos considerables de responsabilidad administrativa y de procesamiento penal. Anteriormente, poco después del inicio de la invasión a gran escala de Ucrania por parte de Rusia, las autoridades habían cerrado la oficina de { -amnesty } en Moscú y bloqueado el acceso a su sitio web.

# Criterios de la Ley Federal n.º 272-FZ: «угрозу основам конституционного строя Российской
# Федерации, обороноспособности страны или безопасности государства».
alert-p4 = El { -observatory } recuerda que, en virtud de la represiva ley sobre «organizaciones indeseables», aprobada en 2015 y endurecida posteriormente en 2021 y 2024, la Fiscalía General de la Federación de Rusia, en coordinación con el Ministerio de Asuntos Exteriores, está facultada para declarar «indeseable» a cualquier organización extranjera o internacional que se considere «una amenaza para los fundamentos del orden constitucional de la Federación de Rusia, la capacidad de defensa del país o la seguridad del Estado».

alert-p5 = Las «organizaciones indeseables» tienen prohibido realizar cualquier actividad en Rusia, incluidas la publicación o la difusión de cualquier tipo de información, la realización de transacciones financieras y la prestación de ayuda financiera o de otra índole a organizaciones y particulares del país. La «participación en las actividades» de una organización declarada «indeseable» acarrea responsabilidad administrativa y multas de hasta 15 000 rublos (unos 167 euros), en virtud del artículo 20.33 del Código de Infracciones Administrativas de la Federación de Rusia. En la práctica, la vaga redacción de la ley ha llevado a sancionar a personas simplemente por volver a publicar en redes sociales información difundida por una «organización indeseable», incluso cuando las publicaciones originales eran anteriores a la designación de la organización como «indeseable».

alert-p6 = Además, las infracciones reiteradas acarrean responsabilidad penal, con penas de hasta cuatro años de prisión, mientras que quienes hagan donaciones a una organización declarada «indeseable» o la dirijan se exponen, respectivamente, a penas de hasta cuatro y seis años de prisión (artículo 284.1 del Código Penal de la Federación de Rusia). Todo ciudadano ruso o toda organización rusa que coopere con una «organización indeseable», aunque resida fuera de Rusia, se expone a sanciones administrativas y, en el caso de las personas físicas, a responsabilidad penal.

alert-p7 = La lista de «organizaciones indeseables», que lleva el Ministerio de Justicia de la Federación de Rusia, incluye actualmente a más de 200 organizaciones, entre ellas destacados medios de comunicación independientes y organizaciones de derechos humanos.

alert-p8 = El { -observatory } condena en los términos más enérgicos la designación de { -amnesty } como «organización indeseable», que constituye un intento flagrante de tomar represalias contra la organización por su papel de primer orden en la exigencia de rendición de cuentas por los crímenes de guerra y los crímenes de lesa humanidad cometidos por las fuerzas armadas rusas en Ucrania, así como por su abierta denuncia de la represión de las voces disidentes por parte de Rusia.

alert-p9 = Se trata también de un intento de intimidar y castigar aún más a los ciudadanos rusos que cooperan con organizaciones independientes de la sociedad civil, y de restringir todavía más el acceso de los ciudadanos rusos que se encuentran en el país a información independiente y fiable sobre la guerra de Rusia contra Ucrania.

alert-p10 = El { -observatory } insta a las autoridades rusas a revocar de inmediato esta decisión y a respetar en todas las circunstancias el derecho a la libertad de asociación, garantizando que las organizaciones de derechos humanos, incluidas las ONG extranjeras e internacionales, puedan llevar a cabo sus actividades legítimas sin ningún obstáculo y sin temor a represalias.

alert-p11 = El { -observatory } insta asimismo a la comunidad internacional a mostrar su solidaridad con { -amnesty } y con todas las personas defensoras de derechos humanos en Rusia.

## Cómo puede ayudar

help-heading = Cómo puede ayudar
# Cada petición completa esta frase («para pedirles: retirar…»).
help-intro = Escriba a las autoridades de la Federación de Rusia para pedirles:

## Las cuatro peticiones: infinitivo, inicial minúscula, «;» al final de cada una y punto al
## final de la última (completan también «le insto respetuosamente a:» en las cartas).

demand-remove = retirar de inmediato a { -amnesty } de la lista de «organizaciones indeseables»;
demand-repeal = derogar la ley sobre «organizaciones indeseables», así como cualquier otra legislación represiva conexa, como la ley de «agentes extranjeros»;
demand-harassment = poner fin a todo acto de hostigamiento, incluido el judicial, contra { -amnesty } y sus miembros, así como contra todas las organizaciones y personas defensoras de derechos humanos en Rusia, y garantizar en todas las circunstancias que puedan llevar a cabo sus actividades legítimas sin ningún obstáculo y sin temor a represalias;
demand-freedoms = garantizar en todas las circunstancias los derechos a la libertad de expresión, de reunión y de asociación, consagrados en el derecho internacional de los derechos humanos, y en particular en los artículos 19, 21 y 22 del Pacto Internacional de Derechos Civiles y Políticos.

## Direcciones

addresses-heading = Direcciones
addresses-closing = Escriba también a las misiones diplomáticas o embajadas de la Federación de Rusia en su país.
