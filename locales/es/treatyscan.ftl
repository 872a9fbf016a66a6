# Las cadenas propias de treatyscan, en español. Cada id de mensaje existe
# también en en/ y fr/ (`cargo test` lo comprueba). La redacción de las reglas
# y lagunas (textos de reglas, resúmenes de las directrices, etiquetas de
# categorías) está en rules/*.toml, no aquí.

## Palabras clave de los encabezados: "Artículo 14.2 (Ámbito de Aplicación)"

kind-preamble = Preámbulo
kind-part = Parte
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
baseline-hidden = { $count ->
    [one] { $count } hallazgo ya presente en la referencia (--baseline) no se muestra
   *[other] { $count } hallazgos ya presentes en la referencia (--baseline) no se muestran
}

## La línea de resumen de un archivo

summary-clauses = { $count ->
    [0] ninguna cláusula cultural
    [one] { $count } cláusula cultural
   *[other] { $count } cláusulas culturales
}
summary-ecommerce-no-carveout = compromisos de comercio electrónico sin exclusión cultural
summary-ecommerce-carveout = disposiciones de comercio electrónico con exclusión cultural
summary-ecommerce = disposiciones de comercio electrónico
summary-cites-convention = cita la Convención de 2005
summary-no-convention = ninguna referencia a la Convención de 2005
summary-other-gaps = { $count ->
    [one] otra laguna
   *[other] otras { $count } lagunas
}

## Notas

note-parties-unknown = trato preferencial no evaluado: Partes desconocidas (indíquelas con --developing)
note-structure-not-found = estructura no encontrada: no hay encabezados de artículos, capítulos ni anexos; los resultados se dan por entrada (un bloque de texto, una entrada `Sector:` o una entrada numerada)
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
docs-or = { " " }o{ " " }
docs-when-liberalised = un { $kinds } tiene un título que responde a /{ $title }/ (o, a falta de uno, una disposición está marcada { $categories }); son la prueba
docs-when-developing = una Parte cuenta como país en desarrollo: una que no figura en la lista de países desarrollados ({ $source }, { $asof }), o una indicada con `--developing`
docs-when-dated = el acuerdo no tiene fecha (un proyecto) o se firmó el { $date } o después
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

html-title = Posición del acuerdo en materia de cultura
html-summary = Resumen
html-gaps = Lagunas
html-findings = Hallazgos
html-contents = Índice
html-filter = Mostrar la categoría
html-all-categories = todas las categorías
html-page = página { $page }
html-rule = regla
html-recommendation = Recomendación
html-suggested-clause = Cláusula propuesta
html-guideline = Párrafos de las directrices
html-no-finding = Ningún hallazgo.
html-no-gap = Ninguna laguna.
html-generated = Generado por treatyscan { $version }
