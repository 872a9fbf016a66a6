# Las cadenas propias de treatyscan, en español. Cada id de mensaje existe
# también en en/ y fr/ (`cargo test` lo comprueba). La redacción de las reglas
# y lagunas (textos de reglas, resúmenes de las directrices, etiquetas de
# categorías) está en rules/*.toml, no aquí.

## Palabras clave de los encabezados: "Artículo 14.2 (Ámbito de Aplicación)"

kind-preamble = Preámbulo
kind-part = Parte
kind-title = Título
kind-chapter = Capítulo
kind-section = Sección
kind-subsection = Subsección
kind-article = Artículo
kind-paragraph = Párrafo
kind-subparagraph = Subpárrafo
kind-footnote = Nota al pie
kind-entry = Entrada
kind-annex = Anexo
kind-appendix = Apéndice
kind-protocol = Protocolo
kind-side_letter = Carta complementaria
kind-final_clause = Cláusulas finales
outline-line = línea
outline-page = página

## Gravedad, tal como la muestra el informe (JSON conserva info/warning/error)

severity-info = información
severity-warning = aviso
severity-error = error

## El informe para lectores

label-gap = laguna
label-note = nota
label-concerns = afecta a
label-recommendation = recomendación
label-for-example = por ejemplo
# a label before its text ("recommendation: …", "A: round1.txt"), with the language's colon
label-colon = { $label }:
# a suggested clause, quoted
clause-quoted = «{ $clause }»
gap-same-clause = la cláusula propuesta para { $gap } más arriba cierra también esta laguna
label-guideline = directrices, párr.
label-rules = reglas
label-tracked-change = cambio controlado
agreement-level = nivel del acuerdo en su conjunto
convention-articles = Convención, art. { $articles }
combined-heading = lagunas del acuerdo combinado ({ $count ->
    [one] { $count } archivo
   *[other] { $count } archivos
})
combined-no-gap = ninguna laguna
count-findings = { $count ->
    [one] { $count } hallazgo
   *[other] { $count } hallazgos
}
count-gaps = { $count ->
    [one] { $count } laguna
   *[other] { $count } lagunas
}
count-files = { $count ->
    [one] { $count } archivo
   *[other] { $count } archivos
}
totals = { $findings ->
    [one] { $findings } hallazgo
   *[other] { $findings } hallazgos
} y { $gaps ->
    [one] { $gaps } laguna
   *[other] { $gaps } lagunas
} en { $files ->
    [one] { $files } archivo
   *[other] { $files } archivos
}
file-not-assessed = hallazgos y lagunas no evaluados
totals-none-reviewed = No se analizó ningún archivo: { $count ->
    [one] el archivo no se leyó o no se analizó (su línea de error está en la salida de errores)
   *[other] { $count } archivos no se leyeron o no se analizaron (sus líneas de error están en la salida de errores)
}
totals-not-reviewed = { $count ->
    [one] 1 archivo no leído o no analizado (su línea de error está en la salida de errores)
   *[other] { $count } archivos no leídos o no analizados (sus líneas de error están en la salida de errores)
}

## La línea de resumen de un archivo

summary-clauses = { $count ->
    [0] ninguna cláusula cultural
    [one] cláusulas culturales en { $count } disposición
   *[other] cláusulas culturales en { $count } disposiciones
}
summary-ecommerce-no-carveout = compromisos de comercio electrónico sin exclusión cultural
summary-ecommerce-carveout = disposiciones de comercio electrónico con exclusión cultural
summary-ecommerce = disposiciones de comercio electrónico
summary-cites-convention = cita la Convención de 2005
summary-proposes-convention = cita la Convención de 2005 solo en texto entre corchetes
summary-no-convention = ninguna referencia a la Convención de 2005
summary-separator = {"; "}
summary-part-of-agreement = parte de un acuerdo (sus lagunas juzgan solo esta parte)
summary-other-gaps = { $count ->
    [one] otra laguna
   *[other] otras { $count } lagunas
}

## Notas

note-parties-unknown = trato preferencial no evaluado: ninguna Parte se reconoció como país, así que no se sabe si alguna es un país en desarrollo (indíquela con --developing PARTE)
note-date-unknown = fecha de firma no encontrada: una laguna que solo concierne a los acuerdos firmados después de las directrices de 2017 se señala como si este se hubiera firmado después de ellas
note-developing-named = trato preferencial evaluado contando como países en desarrollo a las Partes indicadas con --developing
note-developing-read = trato preferencial evaluado con los países que el texto nombra para un trato especial y diferenciado o como menos adelantados contados como Partes en desarrollo (la laguna los nombra); las Partes mismas no se reconocieron (indique otras con --developing PARTE)
note-structure-not-found = estructura no encontrada: no hay encabezados de artículos, capítulos ni anexos; los hallazgos se dan por entrada (un bloque de texto, una entrada `Sector:` o una entrada numerada)
note-foreign-part = parte del texto está en una lengua que treatyscan no analiza (lee inglés, español y francés): lo que dice esa parte no se examina, así que pueden faltar hallazgos en ella y las lagunas juzgan el resto
note-part-of-agreement = parte de un acuerdo: el texto cita artículos que no contiene; las lagunas que atañen al acuerdo entero juzgan solo esta parte (dé todas sus partes con --combine)
note-part-of-agreement-division = parte de un acuerdo: el texto es un capítulo o título del acuerdo al que llama «el presente Acuerdo»; las lagunas que atañen al acuerdo entero juzgan solo esta parte (dé todas sus partes con --combine)
note-part-of-agreement-annex = parte de un acuerdo: el texto es un anexo o apéndice de un acuerdo (una lista de compromisos, una lista de reservas); las lagunas que atañen al acuerdo entero juzgan solo esta parte (dé todas sus partes con --combine)
note-part-of-agreement-opening = parte de un acuerdo: el texto abre un acuerdo («han convenido lo siguiente») pero contiene a lo sumo un capítulo y ninguna de sus disposiciones finales (entrada en vigor, firma); las lagunas que atañen al acuerdo entero juzgan solo esta parte (dé todas sus partes con --combine)
note-amending-instrument = instrumento modificatorio: el texto modifica otro acuerdo; las lagunas que atañen al acuerdo entero juzgan solo las modificaciones (dé el acuerdo con él, con --combine)
note-gaps-per-file = las lagunas se han determinado archivo por archivo; las disposiciones de los demás archivos pueden colmarlas (use --combine cuando los archivos forman un solo acuerdo)

## Cambios controlados (marcas de revisión de Word)

revision-proposed = propuesto por { $author }
revision-deleted = suprimido por { $author }
revision-moved = desplazado por { $author }
revision-unnamed-author = un autor sin nombre
date = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## SARIF

sarif-recommendation = Recomendación: { $text }

## Fichas de reglas y lagunas (`rules explain`, `rules --markdown`, `rules`)

docs-category = categoría
docs-severity = gravedad
docs-guideline-paragraphs = párrafos de las directrices
docs-languages = idiomas
docs-scope = ámbito: { $scopes } (las condiciones deben cumplirse dentro de { $within })
docs-within-sentence = una misma oración
docs-within-paragraph = un mismo párrafo
docs-within-article = un mismo artículo
docs-message = Mensaje
docs-matches = Detecta
docs-no-match = No detecta
docs-cited = Párrafos de las directrices citados
docs-convention-article = Convención, artículo { $article }
docs-gap = laguna
docs-level-agreement = nivel: el acuerdo en su conjunto
docs-open-when = Se abre cuando
docs-when-absent = ninguna disposición está marcada { $categories }
docs-when-present = alguna disposición está marcada { $categories } (son la prueba)
docs-when-not-reached = ninguna disposición `{ $category }` alcanza las divisiones cuyo título responde a /{ $titles }/ (o, a falta de tal división, las disposiciones marcadas { $categories }): las alcanza cuando figura dentro de ellas, se refiere al acuerdo entero, las nombra o se les hace aplicable mediante una remisión
docs-when-kept-in = una exclusión cuya propia oración coincide con /{ $pattern }/ los mantiene dentro («… servicios audiovisuales, salvo en el caso de las transmisiones electrónicas») y no los alcanza
docs-when-brought-back = tampoco los alcanza una exclusión cuya disposición coincide con /{ $pattern }/, que los reintroduce en una oración propia («No obstante lo dispuesto en el párrafo 1, el Capítulo 2 (Comercio Electrónico) se aplicará a las medidas relativas a las industrias culturales»)
docs-or = { " " }o{ " " }
docs-when-liberalised = un { $kinds } tiene un título que responde a /{ $title }/, o una disposición está marcada { $categories }; ambos son la prueba
docs-when-developing = una Parte cuenta como país en desarrollo: una que no figura en la lista de países desarrollados ({ $source }, { $asof }), o una indicada con `--developing`
docs-when-dated = el acuerdo no tiene fecha (un proyecto) o se firmó el { $date } o después (la fecha de sus metadatos o de su fórmula final: «Hecho en …, el seis de octubre de dos mil diez»)
docs-recommendation = Recomendación
docs-suggested-clause = Cláusula propuesta
docs-example = Ejemplo
docs-open-on = abierta en
docs-closed-by = y colmada al añadir
docs-checked-in = Se examina en los artículos que contienen
docs-every-article = todos los artículos de su ámbito (ningún patrón aporta un literal distintivo; primero se comprueba una condición sobre el título)
docs-one-of = uno de { $literals }
docs-and-more = y { $count } más
docs-triggers-hint = (`treatyscan rules triggers` enumera todos los literales de todas las reglas.)
docs-reference-title = Referencia de las reglas
docs-reference-intro = Generado a partir de `rules/*.toml` por `treatyscan rules --markdown --lang es`; no se edita a mano
    (`cargo test` falla cuando este archivo y las reglas difieren; se regenera con
    `{ $command }`).
docs-rules-table-head = | código | categoría | gravedad | título |
docs-gaps-intro = Lagunas (nivel del acuerdo, de `rules/gaps.toml`):
docs-gaps-table-head = | laguna | gravedad | directrices |
docs-gaps-heading = Lagunas
docs-listing-gaps = lagunas (nivel del acuerdo; `treatyscan rules explain ID_DE_LAGUNA`):

## El informe HTML (`check --format html`): etiquetas para su generador


location-page = { $path }, página { $page }
location-page-printed = { $path }, página { $printed } (página { $page } del PDF)
summary-hidden-category = no mostrado (--category): { $what }
summary-hidden-baseline = ya en la referencia, no mostrado: { $what }
count-findings-and-gaps = { $findings } y { $gaps }

# check --format html: the page's fixed words (src/report/html.rs)
html-page-title = Posición del acuerdo en materia de cultura
html-page-title-several = Posición de los acuerdos en materia de cultura
html-generated-by = Informe elaborado por treatyscan
html-guideline-source = Párrafos de las directrices: directrices operativas sobre la aplicación de la Convención de la UNESCO de 2005 en el entorno digital (DCE/17/6.CP/11).
html-contents = Índice
html-summary = Resumen
html-gaps = Lo que le falta al acuerdo
html-findings = Hallazgos, artículo por artículo
html-filter = Mostrar categorías
html-filter-all = Todas
html-filter-none = Ninguna
html-no-gap = Ninguna laguna: el acuerdo contiene todas las cláusulas que buscan las directrices.
html-no-finding = Ningún hallazgo.
html-combined-gaps = Lo que le falta al acuerdo en su conjunto
html-not-reviewed = Archivos no leídos o no analizados
html-cultural-clauses = Disposiciones con cláusulas culturales
html-e-commerce = Comercio electrónico
html-ecommerce-no-carveout = compromisos sin exclusión cultural
html-ecommerce-carveout = disposiciones con exclusión cultural
html-ecommerce-plain = disposiciones
html-ecommerce-none = no se encontró ninguna
html-convention = Convención de 2005
html-convention-cited = citada
html-convention-proposed = propuesta entre corchetes, no acordada
html-convention-missing = no citada
html-convention-none = no citada (no evaluado)
html-convention-not-in-file = no citada en este archivo
html-see-combined = véase el acuerdo en su conjunto
html-by-category = Hallazgos por categoría
html-category = Categoría
html-provisions = Disposiciones
html-severity = Gravedad
html-not-shown-category = No mostrado (--category)
html-not-shown-baseline = Ya en la referencia, no mostrado
html-note = Nota
html-agreement = Acuerdo
html-file = Archivo
html-parties = Partes
html-signed = Firmado
html-in-force = En vigor
html-language = Idioma
html-page = página
html-pdf-page = página { $page } del PDF
html-line = línea
html-column = columna
html-recommendation = Recomendación
html-suggested-clause = Cláusula propuesta
html-concerns = Afecta a
html-why = Por qué importa
html-guideline = Directriz
html-convention-article = Convención, artículo
html-rules = Reglas
html-tracked-change = Cambio con control de cambios
html-proposed-by = propuesto por
html-deleted-by = suprimido por
html-moved-by = desplazado por
html-unnamed-author = un autor sin nombre
html-article-text = Texto completo de la disposición
html-id = id
html-info = información
html-warning = aviso
html-error = error
html-count-provisions = { $count ->
    [one] { $count } disposición
   *[other] { $count } disposiciones
}

# textos en negociación (src/model/negotiation.rs, src/report/negotiation.rs)
neg-agreed = texto acordado
neg-bracketed = entre corchetes
neg-bracketed-alt = entre corchetes ({ $alt })
neg-proposed-by = propuesto por { $parties }
neg-opposed-by = objetado por { $parties }
neg-no-party = ninguna Parte nombrada
neg-considering = { $parties } estudia su posición
neg-proposal-unattributed = la propuesta sin autor
neg-proposal-of-one = la propuesta de { $party }
neg-proposal-of-many = la propuesta de { $parties }
neg-proposal-in = { $whose } en { $provision }
neg-which-opposes = { $count ->
    [one] , a la que se opone { $parties }
   *[other] , a la que se oponen { $parties }
}
neg-and = y
neg-gap-open-agreed = abierta en el texto acordado
neg-gap-closed-agreed = cerrada en el texto acordado
neg-or-by = ; o por{" "}
neg-closed-by = la cierra { $proposals }
neg-opened-by = la abre { $proposals }
neg-no-proposal-closes = ninguna propuesta la cierra
neg-no-proposal-opens = ninguna propuesta la abre
neg-closed-together = la cierran las propuestas de { $parties } en conjunto
neg-opened-together = la abren las propuestas de { $parties } en conjunto
neg-none-named = ninguna nombrada (los corchetes que nombran a las Partes con palabras se leen una vez declaradas: --party US="Estados Unidos")
neg-header = texto en negociación: { $count ->
    [one] { $count } corchete
   *[other] { $count } corchetes
}; Partes: { $parties }
neg-gaps-heading = lagunas en cada lectura
neg-gaps-note = (las lagunas anteriores son las del texto acordado)
neg-each-party = con las propuestas de cada Parte: { $list }
neg-state-open = abierta
neg-state-closed = cerrada
neg-positions-heading = posiciones sobre las disposiciones entre corchetes
neg-considering-mark = { $party } (estudia su posición)
neg-col-category = categoría
neg-col-propose = proponen
neg-col-oppose = se oponen
neg-col-no-position = sin posición
html-negotiation = Negociación
html-negotiation-heading = Texto en negociación
html-negotiation-gaps-note = Las lagunas enumeradas en «Lo que le falta al acuerdo» son las del texto acordado.

## compare: the human and HTML reports of two texts
compare-summary-label = Resumen:
compare-note-label = Nota:
compare-warning-label = Advertencia:
compare-summary-provisions = { $a } { $a ->
    [one] disposición
   *[other] disposiciones
} en A, { $b } en B; { $paired }
# pairs: a provision split in two, or two merged into one, makes two pairs
compare-summary-matched = { $matched } pares emparejados ({ $unchanged } sin cambios{ $changed ->
    [0] {""}
   *[other] , { $changed } con cambios{ $kinds }
})
compare-summary-paired = { $matched } emparejadas solo por número
compare-count-text-changed = { $count } con texto modificado
compare-count-renumbered = { $count } { $count ->
    [one] renumerada
   *[other] renumeradas
}
compare-count-retitled = { $count } con nuevo título
compare-count-moved = { $count } { $count ->
    [one] trasladada
   *[other] trasladadas
}
compare-count-split = { $count } { $count ->
    [one] dividida
   *[other] divididas
}
compare-count-merged = { $count } { $count ->
    [one] fusionada
   *[other] fusionadas
}
compare-count-added = { $count } { $count ->
    [one] añadida
   *[other] añadidas
}
compare-count-removed = { $count } { $count ->
    [one] suprimida
   *[other] suprimidas
}
compare-warning-unrelated = solo { $corresponding } de las { $a } disposiciones de A y las { $b } de B se corresponden (al menos la mitad de sus palabras coinciden): A y B parecen dos acuerdos distintos, no versiones de uno mismo, y sus diferencias no son modificaciones
compare-warning-parties = A es un acuerdo entre { $a } y B uno entre { $b }: son dos acuerdos, quizá redactados sobre un mismo modelo, no versiones de uno mismo, y sus diferencias no son modificaciones
compare-note-languages = A está en { $a } y B en { $b }: los artículos se emparejan solo por su número y no se comparan sus palabras, por lo que treatyscan no puede saber si son versiones de un mismo acuerdo; lea los cambios siguientes como tales solo si lo son
compare-similarity = similitud { $value }
compare-overlap = solapamiento { $value }
compare-delta-heading = Diferencias por categoría
compare-delta-source = (categorías según { $source }; primero lo que B pierde, luego lo que cambia y después lo que añade)
# the words of one side under a change of substance
compare-quoted = «{ $words }»
compare-source-rules = el motor de reglas
compare-no-delta = ninguna diferencia de categoría
compare-divisions = Capítulos
compare-division-articles = { $count } { $count ->
    [one] artículo
   *[other] artículos
}
compare-division-added = { $label }  añadido, { $articles }
compare-division-removed = { $label }  suprimido, { $articles }
compare-division-renumbered-run = { $kind ->
    [chapter] Capítulos
    [part] Partes
    [title] Títulos
    [section] Secciones
    [annex] Anexos
   *[other] Divisiones
} { $a } → { $b }  [renumerados, { $count } { $kind ->
    [chapter] capítulos
    [part] partes
    [title] títulos
    [section] secciones
    [annex] anexos
   *[other] divisiones
}, { $articles }]
compare-told-by-divisions = { $count } { $count ->
    [one] artículo renumerado con su capítulo
   *[other] artículos renumerados con sus capítulos
} (arriba), texto sin cambios
compare-changes = Cambios
compare-renumbered-run = Artículos { $a } → { $b }  [renumerados, { $count } artículos, texto sin cambios]
compare-flag-added = añadido
compare-flag-removed = suprimido
compare-flag-moved = trasladado
compare-flag-renumbered = renumerado
compare-flag-retitled = nuevo título
compare-flag-split = dividido
compare-flag-merged = fusionado
compare-flag-text-changed = texto modificado
compare-moved = trasladado: { $from } → { $to }
compare-delta-only-in-a = B ya no tiene ninguna disposición de esta categoría (A: { $where })
compare-delta-only-in-b = A no tenía ninguna disposición de esta categoría (B: { $where })
compare-delta-loses = en A, { $label } entra en esta categoría; su equivalente en B, { $counterpart }, no
compare-delta-loses-alone = en A, { $label } entra en esta categoría y no tiene equivalente en B
compare-delta-gains = en B, { $label } entra en esta categoría; su equivalente en A, { $counterpart }, no
compare-delta-gains-alone = en B, { $label } entra en esta categoría y no tiene equivalente en A
compare-delta-changed = B modifica su contenido en { $place }: { $parts }
compare-place-both = { $label } de A y de B
compare-place-each = { $a } de A (en B: { $b })
compare-coverage-one = la disposición { $change }
compare-coverage-both = la disposición { $lost } y { $gained }
compare-coverage-lost = ya no abarca { $sectors }
compare-coverage-gained = ahora abarca { $sectors }
compare-binding-gained = la disposición pasa a ser vinculante (el texto de A solo permite, alienta o reconoce; el de B obliga)
compare-binding-lost = la disposición deja de ser vinculante (el texto de A obliga; el de B solo permite, alienta o reconoce)
compare-convention-gained = la disposición ahora remite a la Convención de 2005
compare-convention-lost = la disposición ya no remite a la Convención de 2005
compare-gap-opened = B presenta esta laguna, que A no tenía
compare-gap-closed = B subsana esta laguna, que A presentaba
# un sector como objeto de «abarca» (compare-coverage-*): con su artículo
compare-sector-cultural-industries = las industrias culturales
compare-sector-cultural-goods-and-services = los bienes y servicios culturales
compare-sector-books-and-publishing = los libros y la edición
compare-sector-newspapers-and-periodicals = los diarios y publicaciones periódicas
compare-sector-film = el cine
compare-sector-video = el vídeo
compare-sector-music-and-sound-recordings = la música y las grabaciones sonoras
compare-sector-broadcasting = la radiodifusión
compare-sector-audiovisual = el sector audiovisual
compare-sector-performing-arts = las artes escénicas
compare-sector-visual-arts = las artes visuales
compare-sector-cultural-heritage = el patrimonio cultural
compare-sector-video-games = los videojuegos
compare-neg-heading = Corchetes de negociación: { $a } en A, { $b } en B
compare-neg-none = ningún corchete ha cambiado
compare-neg-agreed = acordado
compare-neg-dropped = retirado
compare-neg-changed-hands = cambio de proponentes
compare-neg-reworded = reformulado
compare-neg-added = añadido
compare-neg-reopened = reabierto
compare-neg-proposed-by = propuesto por { $parties }
compare-neg-opposed-by = con la oposición de { $parties }
compare-neg-no-party = ninguna Parte nombrada
compare-neg-line = { $change }: { $place }: "{ $words }" ({ $detail })
compare-neg-was = antes: { $hands }
compare-html-title = Comparación: { $a } / { $b }
compare-html-categories-from = Categorías según { $source }.
compare-html-no-delta = Ninguna diferencia de categoría.
compare-html-changed-articles = { $count } { $count ->
    [one] artículo modificado
   *[other] artículos modificados (primero los de una categoría)
}
compare-html-not-in = no figura en { $side }
compare-html-moved-from = trasladado desde { $division }
compare-html-moved-to = trasladado a { $division }
compare-html-top-level = nivel superior
compare-html-unchanged = { $count } sin cambios: { $span }
compare-html-words-unchanged = { $count } palabras sin cambios
compare-language-en = inglés
compare-language-es = español
compare-language-fr = francés

## Listas y disposiciones dentro de una oración
# una lista: «a, b y c»; tras una negación («ya no abarca»): «a, b ni c»
list-and = { $head } y { $last }
list-nor = { $head } ni { $last }
list-nor-item = { $item }
# una disposición nombrada dentro de una oración: «el artículo 4.2 «Título» del capítulo 4»
phrase-kind = { $kind ->
    [article] el artículo
    [chapter] el capítulo
    [part] la parte
    [section] la sección
    [subsection] la subsección
    [paragraph] el párrafo
    [subparagraph] el subpárrafo
    [footnote] la nota al pie
    [entry] la entrada
    [annex] el anexo
    [appendix] el apéndice
    [protocol] el protocolo
    [side_letter] la carta complementaria
    [final_clause] las cláusulas finales
    [preamble] el preámbulo
   *[other] la disposición
}
phrase-of-division = { $kind ->
    [chapter] del capítulo
    [part] de la parte
    [section] de la sección
    [subsection] de la subsección
    [annex] del anexo
    [appendix] del apéndice
    [protocol] del protocolo
    [article] del artículo
   *[other] de la división
}
phrase-title = «{ $title }»

## Por qué un archivo no pudo leerse ni analizarse (tras "ARCHIVO: ")

error-prefix = error
error-not-found = el archivo no existe
error-is-directory = es una carpeta, no un archivo de acuerdo (para carpetas, use `treatyscan corpus`)
error-unreadable = no se puede leer el archivo (detalle técnico, en inglés: { $reason })
error-empty = el archivo está vacío
error-too-large = el archivo tiene { $size } MB; treatyscan lee acuerdos de hasta { $limit } MB
error-binary = parece contener datos binarios, no el texto de un acuerdo (detalle técnico, en inglés: { $detail })
error-not-pdf = no es un PDF (no hay cabecera %PDF- en su primer KB) ni tampoco texto (detalle técnico, en inglés: { $detail }): ¿una descarga dañada o incompleta?
error-not-an-agreement = no hay artículos, y muy pocos de los términos de los tratados (las Partes, el presente Acuerdo, deberá, trato nacional…): ¿no es un acuerdo?
error-xml = XML mal formado (detalle técnico, en inglés: { $reason })
error-pdf = PDF ilegible (detalle técnico, en inglés: { $reason })
error-pdf-encrypted = el PDF está protegido con contraseña (cifrado con contraseña de usuario); guarde primero una copia sin protección
error-pdf-needs-ocr = el PDF no tiene capa de texto (¿una imagen escaneada?); aplíquele primero un OCR
error-pdf-fonts-unmapped = el texto del PDF está en fuentes sin tabla Unicode ({ $glyphs } glifos no se pudieron leer como letras); expórtelo de nuevo con su texto, o aplíquele un OCR
error-no-text = este archivo no contiene texto
error-timed-out = la lectura superó el límite de { $seconds } s (--timeout); archivo omitido
error-internal = error interno durante la lectura ({ $detail }); por favor, notifíquelo
error-docx = documento Word ilegible (detalle técnico, en inglés: { $reason })
error-docx-encrypted = el documento Word está protegido con contraseña; guarde primero una copia sin protección
error-legacy-doc = no se admiten los archivos .doc binarios de Word antiguos; guárdelo como .docx o PDF
error-unsupported-format = no se admiten los archivos { $format }; guárdelo como .docx, PDF o texto sin formato
error-no-body-text = { $format ->
    [Markdown] el archivo Markdown
   *[other] la página HTML
} no tiene texto, solo { $what ->
    [headings] títulos
   *[other] marcado
}
error-language = el idioma { $name } (código { $code }) no se analiza; treatyscan lee inglés, español y francés
error-script = un texto en escritura { $script ->
        [Chinese] china
        [Japanese] japonesa
        [Korean] coreana
        [Cyrillic] cirílica
        [Arabic] árabe
        [Hebrew] hebrea
        [Greek] griega
        [Thai] tailandesa
        [Devanagari] devanagari
        [Georgian] georgiana
        [Armenian] armenia
        [Ethiopic] etíope
        [Khmer] jemer
        [Myanmar] birmana
        [Bengali] bengalí
        [Tamil] tamil
       *[other] no latina
    } no se analiza; treatyscan lee inglés, español y francés
error-garbled = el texto se lee como letras ilegibles (una fuente sin tabla Unicode, o una codificación errónea): no se puede analizar nada en él

# treatyscan corpus: what it says on standard error, its table and its chart
# (src/cli/corpus.rs, src/corpus/)
corpus-skipped = omitido: { $file }: { $reason }
corpus-skipped-many = { $count } archivos omitidos: { $reason } ({ $names } y { $more } más)
corpus-skipped-many-in = { $count } archivos omitidos en { $folder }: { $reason } ({ $names } y { $more } más)
corpus-skip-folder-document = archivo { $stem }: documenta la carpeta, no es un acuerdo
corpus-skip-extension = extensión .{ $ext } no admitida
corpus-skip-no-extension = sin extensión, y no es un PDF, una página web ni un archivo XML
corpus-skip-not-a-file = no es un archivo normal (una tubería con nombre, un socket o un dispositivo)
corpus-no-files = { $dir }: no se encontró ningún archivo de acuerdo (.txt, .md, .html, .docx, .pdf, .xml)
corpus-coded = { $coded } { $coded ->
        [one] acuerdo codificado
       *[other] acuerdos codificados
    }, { $failed } con error, { $skipped } omitidos
check-report-written = informe guardado en { $path }: { $totals }
corpus-chart-written = gráfico guardado en { $path }
corpus-by-year-no-dates = { $dir }: { $count ->
        [one] el acuerdo analizado no tiene
       *[other] ninguno de los { $count } acuerdos analizados tiene
    } fecha de firma (de los metadatos de ToTA o de una fórmula final como «Hecho en …, el seis de mayo de 2003»): --by-year no tiene período en el que contarlos
corpus-by-year-undated = { $count } de { $coded } acuerdos no tienen fecha de firma y quedan fuera de la tabla por período: { $names }{ $more ->
        [0] {""}
       *[other] {" "}y { $more } más
    }
corpus-table-agreement = acuerdo
corpus-table-year = año
corpus-table-articles = arts
corpus-table-gaps = lagunas
corpus-table-columns = columnas
chart-title = Disposiciones culturales y de comercio electrónico en acuerdos comerciales, por período de firma
chart-y = proporción de los acuerdos del período
chart-partial = parcial
chart-merged = Los períodos de menos de { $min } acuerdos se unen al siguiente; en gris: aún menos de { $min }.
chart-partial-note = * período parcial (sombreado): el acuerdo más reciente del corpus es de { $date }.
chart-cultural-clause = cláusula cultural
chart-ecommerce = disposiciones de comercio electrónico
chart-convention = referencia a la Convención de 2005
chart-ecommerce-uncarved = comercio electrónico sin exclusión cultural
chart-no-dates = ningún acuerdo tiene fecha de firma: no hay nada que representar
corpus-chart-failed = { $path }: no se puede dibujar el gráfico: { $reason }
periods-period = período
periods-agreements = acuerdos
periods-cultural = cultural
periods-ecommerce = comercio electrónico
periods-convention = Convención
periods-uncarved = sin exclusión
periods-mean-gaps = lagunas (media)
periods-few = * menos de { $min } acuerdos: proporciones no comparables
