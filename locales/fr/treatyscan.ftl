# Les chaînes propres à treatyscan, en français. Chaque identifiant de message
# existe aussi dans en/ et es/ (`cargo test` le vérifie). La rédaction des
# règles et des lacunes (textes des règles, résumés des directives, libellés
# des catégories) se trouve dans rules/*.toml, pas ici.

## Mots-clés des intitulés : « Article 14.2 (Champ d'application) »

kind-preamble = Préambule
kind-part = Partie
kind-title = Titre
kind-chapter = Chapitre
kind-section = Section
kind-subsection = Sous-section
kind-article = Article
kind-paragraph = Paragraphe
kind-subparagraph = Alinéa
kind-footnote = Note de bas de page
kind-entry = Entrée
kind-annex = Annexe
kind-appendix = Appendice
kind-protocol = Protocole
kind-side_letter = Lettre d'accompagnement
kind-final_clause = Clauses finales
outline-line = ligne
outline-page = page

## Gravité, telle que le rapport l'affiche (le JSON garde info/warning/error)

severity-info = info
severity-warning = avertissement
severity-error = erreur

## Le rapport pour les lecteurs

label-gap = lacune
label-note = remarque
label-concerns = concerne
label-recommendation = recommandation
label-for-example = par exemple
# a label before its text ("recommendation: …", "A: round1.txt"), with the language's colon
label-colon = { $label } :
# a suggested clause, quoted
clause-quoted = « { $clause } »
gap-same-clause = la clause proposée pour { $gap } ci-dessus comble aussi cette lacune
label-guideline = directives, par.
label-rules = règles
label-tracked-change = modification suivie
agreement-level = au niveau de l'accord dans son ensemble
convention-articles = Convention, art. { $articles }
combined-heading = lacunes de l'accord combiné ({ $count ->
    [one] { $count } fichier
   *[other] { $count } fichiers
})
combined-no-gap = aucune lacune
count-findings = { $count ->
    [one] { $count } constat
   *[other] { $count } constats
}
count-gaps = { $count ->
    [one] { $count } lacune
   *[other] { $count } lacunes
}
count-files = { $count ->
    [one] { $count } fichier
   *[other] { $count } fichiers
}
totals = { $findings ->
    [one] { $findings } constat
   *[other] { $findings } constats
} et { $gaps ->
    [one] { $gaps } lacune
   *[other] { $gaps } lacunes
} dans { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
}
file-not-assessed = constats et lacunes non évalués
totals-none-reviewed = Aucun fichier n'a été analysé : { $count ->
    [one] le fichier n'a pas été lu ou pas été analysé (sa ligne d'erreur est sur la sortie d'erreur)
   *[other] { $count } fichiers n'ont pas été lus ou pas été analysés (leurs lignes d'erreur sont sur la sortie d'erreur)
}
totals-not-reviewed = { $count ->
    [one] 1 fichier non lu ou non analysé (sa ligne d'erreur est sur la sortie d'erreur)
   *[other] { $count } fichiers non lus ou non analysés (leurs lignes d'erreur sont sur la sortie d'erreur)
}

## La ligne de synthèse d'un fichier

summary-clauses = { $count ->
    [0] aucune clause culturelle
    [one] clauses culturelles dans { $count } disposition
   *[other] clauses culturelles dans { $count } dispositions
}
summary-ecommerce-no-carveout = engagements en matière de commerce électronique sans exclusion culturelle
summary-ecommerce-carveout = dispositions sur le commerce électronique avec exclusion culturelle
summary-ecommerce = dispositions sur le commerce électronique
summary-cites-convention = cite la Convention de 2005
summary-proposes-convention = ne cite la Convention de 2005 que dans du texte entre crochets
summary-no-convention = aucune référence à la Convention de 2005
summary-separator = {" ; "}
summary-part-of-agreement = partie d'un accord (ses lacunes ne jugent que cette partie)
summary-other-gaps = { $count ->
    [one] { $count } autre lacune
   *[other] { $count } autres lacunes
}

## Remarques

note-parties-unknown = traitement préférentiel non évalué : aucune Partie n'a été reconnue comme un pays ; on ne sait donc pas si l'une d'elles est un pays en développement (indiquez-la avec --developing PARTIE)
note-date-unknown = date de signature introuvable : une lacune qui ne concerne que les accords signés après les directives de 2017 est signalée comme si celui-ci avait été signé après elles
note-developing-named = traitement préférentiel évalué en comptant comme pays en développement les Parties indiquées avec --developing
note-developing-read = traitement préférentiel évalué avec les pays que le texte nomme pour un traitement spécial et différencié ou comme moins avancés comptés comme Parties en développement (la lacune les nomme) ; les Parties elles-mêmes n'ont pas été reconnues (nommez-en d'autres avec --developing PARTIE)
note-structure-not-found = structure introuvable : aucun intitulé d'article, de chapitre ni d'annexe ; les constats sont donnés par entrée (un bloc de texte, une entrée `Secteur :` ou une entrée numérotée)
note-foreign-part = une partie du texte est dans une langue que treatyscan n'analyse pas (il lit l'anglais, l'espagnol et le français) : ce que dit cette partie n'est pas examiné : des constats peuvent y manquer et les lacunes jugent le reste
note-part-of-agreement = partie d'un accord : le texte cite des articles qu'il ne contient pas ; les lacunes qui concernent l'accord entier ne jugent que cette partie (donnez-en toutes les parties avec --combine)
note-part-of-agreement-division = partie d'un accord : le texte est un chapitre ou un titre de l'accord qu'il appelle « le présent accord » ; les lacunes qui concernent l'accord entier ne jugent que cette partie (donnez-en toutes les parties avec --combine)
note-part-of-agreement-annex = partie d'un accord : le texte est une annexe ou un appendice d'un accord (une liste d'engagements, une liste de réserves) ; les lacunes qui concernent l'accord entier ne jugent que cette partie (donnez-en toutes les parties avec --combine)
note-part-of-agreement-opening = partie d'un accord : le texte ouvre un accord (« sont convenues de ce qui suit ») mais ne contient qu'un chapitre au plus et aucune de ses dispositions finales (entrée en vigueur, signature) ; les lacunes qui concernent l'accord entier ne jugent que cette partie (donnez-en toutes les parties avec --combine)
note-amending-instrument = instrument modificatif : le texte modifie un autre accord ; les lacunes qui concernent l'accord entier ne jugent que les modifications (donnez l'accord avec lui, avec --combine)
note-gaps-per-file = les lacunes ont été établies fichier par fichier ; des dispositions des autres fichiers peuvent les combler (utilisez --combine lorsque les fichiers forment un seul accord)

## Modifications suivies (marques de révision de Word)

revision-proposed = proposé par { $author }
revision-deleted = supprimé par { $author }
revision-moved = déplacé par { $author }
revision-unnamed-author = un auteur non nommé
date = { $day } { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## SARIF

sarif-recommendation = Recommandation : { $text }

## Fiches des règles et des lacunes (`rules explain`, `rules --markdown`, `rules`)

docs-category = catégorie
docs-severity = gravité
docs-guideline-paragraphs = paragraphes des directives
docs-languages = langues
docs-scope = portée : { $scopes } (les conditions doivent être réunies dans { $within })
docs-within-sentence = une même phrase
docs-within-paragraph = un même paragraphe
docs-within-article = un même article
docs-message = Message
docs-matches = Détecte
docs-no-match = Ne détecte pas
docs-cited = Paragraphes des directives cités
docs-convention-article = Convention, article { $article }
docs-gap = lacune
docs-level-agreement = niveau : l'accord dans son ensemble
docs-open-when = Ouverte lorsque
docs-when-absent = aucune disposition n'est signalée { $categories }
docs-when-present = une disposition est signalée { $categories } (elles en sont la preuve)
docs-when-not-reached = aucune disposition `{ $category }` n'atteint les divisions dont le titre répond à /{ $titles }/ (ou, à défaut d'une telle division, les dispositions signalées { $categories }) : elle les atteint lorsqu'elle s'y trouve, vise l'accord tout entier, les nomme ou leur est rendue applicable par un renvoi
docs-when-kept-in = une exclusion dont la phrase même correspond à /{ $pattern }/ les y maintient (« … services audiovisuels, sauf en ce qui concerne les transmissions électroniques ») et ne les atteint pas
docs-when-brought-back = ni une exclusion dont la disposition correspond à /{ $pattern }/, qui les réintroduit dans une phrase à elle (« Nonobstant le paragraphe 1, le chapitre 2 (Commerce électronique) s'applique aux mesures relatives aux industries culturelles »)
docs-or = { " " }ou{ " " }
docs-when-liberalised = un { $kinds } porte un titre qui répond à /{ $title }/, ou une disposition est signalée { $categories } ; les deux en sont la preuve
docs-when-developing = une Partie compte comme pays en développement : une Partie absente de la liste des pays développés ({ $source }, { $asof }), ou désignée avec `--developing`
docs-when-dated = l'accord n'est pas daté (un projet) ou a été signé le { $date } ou après (la date de ses métadonnées ou de sa formule finale : « Fait à …, le 16 mars 1994 »)
docs-recommendation = Recommandation
docs-suggested-clause = Clause proposée
docs-example = Exemple
docs-open-on = ouverte sur
docs-closed-by = et comblée en ajoutant
docs-checked-in = Examinée dans les articles qui contiennent
docs-every-article = tous les articles de sa portée (aucun motif ne fournit de littéral distinctif ; une condition sur le titre est vérifiée d'abord)
docs-one-of = l'un de { $literals }
docs-and-more = et { $count } autres
docs-triggers-hint = (`treatyscan rules triggers` énumère tous les littéraux de toutes les règles.)
docs-reference-title = Référence des règles
docs-reference-intro = Produit à partir de `rules/*.toml` par `treatyscan rules --markdown --lang fr` ; ne pas modifier à la main
    (`cargo test` échoue lorsque ce fichier et les règles diffèrent ; le régénérer avec
    `{ $command }`).
docs-rules-table-head = | code | catégorie | gravité | titre |
docs-gaps-intro = Lacunes (au niveau de l'accord, d'après `rules/gaps.toml`) :
docs-gaps-table-head = | lacune | gravité | directives |
docs-gaps-heading = Lacunes
docs-listing-gaps = lacunes (au niveau de l'accord ; `treatyscan rules explain ID_DE_LACUNE`) :

## Le rapport HTML (`check --format html`) : libellés pour son générateur


location-page = { $path }, page { $page }
location-page-printed = { $path }, page { $printed } (page { $page } du PDF)
summary-hidden-category = non affiché (--category) : { $what }
summary-hidden-baseline = déjà dans la référence, non affiché : { $what }
count-findings-and-gaps = { $findings } et { $gaps }

# check --format html: the page's fixed words (src/report/html.rs)
html-page-title = Où en est l'accord en matière de culture
html-page-title-several = Où en sont les accords en matière de culture
html-generated-by = Rapport établi par treatyscan
html-guideline-source = Paragraphes des directives : directives opérationnelles sur la mise en œuvre de la Convention de l'UNESCO de 2005 dans l'environnement numérique (DCE/17/6.CP/11).
html-contents = Sommaire
html-summary = Synthèse
html-gaps = Ce qui manque à l'accord
html-findings = Constats, article par article
html-filter = Afficher les catégories
html-filter-all = Toutes
html-filter-none = Aucune
html-no-gap = Aucune lacune : l'accord contient toutes les clauses que recherchent les directives.
html-no-finding = Aucun constat.
html-combined-gaps = Ce qui manque à l'accord dans son ensemble
html-not-reviewed = Fichiers non lus ou non analysés
html-cultural-clauses = Dispositions comportant des clauses culturelles
html-e-commerce = Commerce électronique
html-ecommerce-no-carveout = engagements sans exclusion culturelle
html-ecommerce-carveout = dispositions avec exclusion culturelle
html-ecommerce-plain = dispositions
html-ecommerce-none = aucune trouvée
html-convention = Convention de 2005
html-convention-cited = citée
html-convention-proposed = proposée entre crochets, non convenue
html-convention-missing = non citée
html-convention-none = non citée (non évalué)
html-convention-not-in-file = non citée dans ce fichier
html-see-combined = voir l'accord dans son ensemble
html-by-category = Constats par catégorie
html-category = Catégorie
html-provisions = Dispositions
html-severity = Gravité
html-not-shown-category = Non affiché (--category)
html-not-shown-baseline = Déjà dans la référence, non affiché
html-note = Remarque
html-agreement = Accord
html-file = Fichier
html-parties = Parties
html-signed = Signé
html-in-force = En vigueur
html-language = Langue
html-page = page
html-pdf-page = page { $page } du PDF
html-line = ligne
html-column = colonne
html-recommendation = Recommandation
html-suggested-clause = Clause proposée
html-concerns = Concerne
html-why = Pourquoi c'est important
html-guideline = Directive
html-convention-article = Convention, article
html-rules = Règles
html-tracked-change = Modification suivie
html-proposed-by = proposé par
html-deleted-by = supprimé par
html-moved-by = déplacé par
html-unnamed-author = un auteur anonyme
html-article-text = Texte intégral de la disposition
html-id = id
html-info = information
html-warning = avertissement
html-error = erreur
html-count-provisions = { $count ->
    [one] { $count } disposition
   *[other] { $count } dispositions
}

# textes en négociation (src/model/negotiation.rs, src/report/negotiation.rs)
neg-agreed = texte agréé
neg-bracketed = entre crochets
neg-bracketed-alt = entre crochets ({ $alt })
neg-proposed-by = proposé par { $parties }
neg-opposed-by = contesté par { $parties }
neg-no-party = aucune Partie nommée
neg-considering = { $parties } réserve sa position
neg-proposal-unattributed = la proposition sans auteur
neg-proposal-of-one = la proposition de { $party }
neg-proposal-of-many = la proposition de { $parties }
neg-proposal-in = { $whose } à { $provision }
neg-which-opposes = { $count ->
    [one] , à laquelle s'oppose { $parties }
   *[other] , à laquelle s'opposent { $parties }
}
neg-and = et
neg-gap-open-agreed = ouverte dans le texte agréé
neg-gap-closed-agreed = fermée dans le texte agréé
neg-or-by = ; ou par{" "}
neg-closed-by = fermée par { $proposals }
neg-opened-by = ouverte par { $proposals }
neg-no-proposal-closes = aucune proposition ne la ferme
neg-no-proposal-opens = aucune proposition ne l'ouvre
neg-closed-together = fermée par les propositions de { $parties } prises ensemble
neg-opened-together = ouverte par les propositions de { $parties } prises ensemble
neg-none-named = aucune nommée (les crochets qui nomment les Parties en toutes lettres sont lus une fois celles-ci déclarées : --party US="États-Unis")
neg-header = texte en négociation : { $count ->
    [one] { $count } crochet
   *[other] { $count } crochets
} ; Parties : { $parties }
neg-gaps-heading = lacunes dans chaque lecture
neg-gaps-note = (les lacunes ci-dessus sont celles du texte agréé)
neg-each-party = avec les propositions de chaque Partie : { $list }
neg-state-open = ouverte
neg-state-closed = fermée
neg-positions-heading = positions sur les dispositions entre crochets
neg-considering-mark = { $party } (réserve sa position)
neg-col-category = catégorie
neg-col-propose = proposent
neg-col-oppose = s'opposent
neg-col-no-position = sans position
html-negotiation = Négociation
html-negotiation-heading = Texte en négociation
html-negotiation-gaps-note = Les lacunes énumérées sous « Ce qui manque à l'accord » sont celles du texte agréé.

## compare: the human and HTML reports of two texts
compare-summary-label = Résumé :
compare-note-label = Remarque :
compare-warning-label = Avertissement :
compare-summary-provisions = { $a } { $a ->
    [one] disposition
   *[other] dispositions
} dans A, { $b } dans B ; { $paired }
# pairs: a provision split in two, or two merged into one, makes two pairs
compare-summary-matched = { $matched } paires appariées ({ $unchanged } inchangées{ $changed ->
    [0] {""}
   *[other] , { $changed } modifiées{ $kinds }
})
compare-summary-paired = { $matched } appariées par numéro seulement
compare-count-text-changed = { $count } dont le texte a changé
compare-count-renumbered = { $count } { $count ->
    [one] renumérotée
   *[other] renumérotées
}
compare-count-retitled = { $count } dont l'intitulé a changé
compare-count-moved = { $count } { $count ->
    [one] déplacée
   *[other] déplacées
}
compare-count-split = { $count } { $count ->
    [one] scindée
   *[other] scindées
}
compare-count-merged = { $count } { $count ->
    [one] fusionnée
   *[other] fusionnées
}
compare-count-added = { $count } { $count ->
    [one] ajoutée
   *[other] ajoutées
}
compare-count-removed = { $count } { $count ->
    [one] supprimée
   *[other] supprimées
}
compare-warning-unrelated = seules { $corresponding } des { $a } dispositions de A et des { $b } de B se correspondent (au moins la moitié de leurs mots en commun) : A et B se lisent comme deux accords distincts, non comme deux versions d'un même accord, et leurs différences ne sont pas des modifications
compare-warning-parties = A est un accord entre { $a } et B un accord entre { $b } : ce sont deux accords, peut-être rédigés sur un même modèle, non deux versions d'un même accord, et leurs différences ne sont pas des modifications
compare-note-languages = A est en { $a } et B en { $b } : les articles sont appariés par leur seul numéro et leurs mots ne sont pas comparés ; treatyscan ne peut donc dire s'il s'agit de versions d'un même accord ; ne lisez les modifications ci-dessous comme telles que si c'est le cas
compare-similarity = similarité { $value }
compare-overlap = recouvrement { $value }
compare-delta-heading = Écarts par catégorie
compare-delta-source = (catégories selon { $source } ; d'abord ce que B perd, puis ce qu'il modifie, puis ce qu'il ajoute)
# the words of one side under a change of substance
compare-quoted = « { $words } »
compare-source-rules = le moteur de règles
compare-no-delta = aucun écart de catégorie
compare-divisions = Chapitres
compare-division-articles = { $count } { $count ->
    [one] article
   *[other] articles
}
compare-division-added = { $label }  ajouté, { $articles }
compare-division-removed = { $label }  supprimé, { $articles }
compare-division-renumbered-run = { $kind ->
    [chapter] Chapitres
    [part] Parties
    [title] Titres
    [section] Sections
    [annex] Annexes
   *[other] Divisions
} { $a } → { $b }  [renumérotés, { $count } { $kind ->
    [chapter] chapitres
    [part] parties
    [title] titres
    [section] sections
    [annex] annexes
   *[other] divisions
}, { $articles }]
compare-told-by-divisions = { $count } { $count ->
    [one] article renuméroté avec son chapitre
   *[other] articles renumérotés avec leurs chapitres
} (ci-dessus), texte inchangé
compare-changes = Modifications
compare-renumbered-run = Articles { $a } → { $b }  [renumérotés, { $count } articles, texte inchangé]
compare-flag-added = ajouté
compare-flag-removed = supprimé
compare-flag-moved = déplacé
compare-flag-renumbered = renuméroté
compare-flag-retitled = intitulé modifié
compare-flag-split = scindé
compare-flag-merged = fusionné
compare-flag-text-changed = texte modifié
compare-moved = déplacé : { $from } → { $to }
compare-delta-only-in-a = B n'a plus aucune disposition de cette catégorie (A : { $where })
compare-delta-only-in-b = A n'avait aucune disposition de cette catégorie (B : { $where })
compare-delta-loses = dans A, { $label } en relève ; son équivalent dans B, { $counterpart }, n'en relève pas
compare-delta-loses-alone = dans A, { $label } en relève et n'a pas d'équivalent dans B
compare-delta-gains = dans B, { $label } en relève ; son équivalent dans A, { $counterpart }, n'en relève pas
compare-delta-gains-alone = dans B, { $label } en relève et n'a pas d'équivalent dans A
compare-delta-changed = B en modifie la teneur dans { $place } : { $parts }
compare-place-both = { $label } de A et de B
compare-place-each = { $a } de A (dans B : { $b })
compare-coverage-one = la disposition { $change }
compare-coverage-both = la disposition { $lost } et { $gained }
compare-coverage-lost = ne couvre plus { $sectors }
compare-coverage-gained = couvre désormais { $sectors }
compare-binding-gained = la disposition devient contraignante (le texte de A se borne à permettre, encourager ou reconnaître ; celui de B oblige)
compare-binding-lost = la disposition cesse d'être contraignante (le texte de A oblige ; celui de B se borne à permettre, encourager ou reconnaître)
compare-convention-gained = la disposition renvoie désormais à la Convention de 2005
compare-convention-lost = la disposition ne renvoie plus à la Convention de 2005
compare-gap-opened = B présente cette lacune, que A n'avait pas
compare-gap-closed = B comble cette lacune, que A présentait
# a sector as the object of « couvre » (compare-coverage-*): with its article
compare-sector-cultural-industries = les industries culturelles
compare-sector-cultural-goods-and-services = les biens et services culturels
compare-sector-books-and-publishing = le livre et l'édition
compare-sector-newspapers-and-periodicals = les journaux et périodiques
compare-sector-film = le cinéma
compare-sector-video = la vidéo
compare-sector-music-and-sound-recordings = la musique et les enregistrements sonores
compare-sector-broadcasting = la radiodiffusion
compare-sector-audiovisual = l'audiovisuel
compare-sector-performing-arts = les arts du spectacle
compare-sector-visual-arts = les arts visuels
compare-sector-cultural-heritage = le patrimoine culturel
compare-sector-video-games = les jeux vidéo
compare-neg-heading = Crochets de négociation : { $a } dans A, { $b } dans B
compare-neg-none = aucun crochet n'a changé
compare-neg-agreed = convenu
compare-neg-dropped = retiré
compare-neg-changed-hands = changement d'auteurs
compare-neg-reworded = reformulé
compare-neg-added = ajouté
compare-neg-reopened = rouvert
compare-neg-proposed-by = proposé par { $parties }
compare-neg-opposed-by = contesté par { $parties }
compare-neg-no-party = aucune Partie nommée
compare-neg-line = { $change } : { $place } : "{ $words }" ({ $detail })
compare-neg-was = auparavant : { $hands }
compare-html-title = Comparaison : { $a } / { $b }
compare-html-categories-from = Catégories selon { $source }.
compare-html-no-delta = Aucun écart de catégorie.
compare-html-changed-articles = { $count } { $count ->
    [one] article modifié
   *[other] articles modifiés (d'abord ceux qui relèvent d'une catégorie)
}
compare-html-not-in = absent de { $side }
compare-html-moved-from = déplacé depuis { $division }
compare-html-moved-to = déplacé vers { $division }
compare-html-top-level = niveau supérieur
compare-html-unchanged = { $count } inchangés : { $span }
compare-html-words-unchanged = { $count } mots inchangés
compare-language-en = anglais
compare-language-es = espagnol
compare-language-fr = français

## Listes et dispositions dans une phrase
# une liste : « a, b et c » ; après une négation (« ne couvre plus ») : « ni a, ni b, ni c »
list-and = { $head } et { $last }
list-nor = { $head }, { $last }
list-nor-item = ni { $item }
# une disposition nommée dans une phrase : « l'article 4.2 « Titre » du chapitre 4 »
phrase-kind = { $kind ->
    [article] l'article
    [chapter] le chapitre
    [part] la partie
    [section] la section
    [subsection] la sous-section
    [paragraph] le paragraphe
    [subparagraph] l'alinéa
    [footnote] la note de bas de page
    [entry] l'entrée
    [annex] l'annexe
    [appendix] l'appendice
    [protocol] le protocole
    [side_letter] la lettre d'accompagnement
    [final_clause] les clauses finales
    [preamble] le préambule
   *[other] la disposition
}
phrase-of-division = { $kind ->
    [chapter] du chapitre
    [part] de la partie
    [section] de la section
    [subsection] de la sous-section
    [annex] de l'annexe
    [appendix] de l'appendice
    [protocol] du protocole
    [article] de l'article
   *[other] de la division
}
phrase-title = « { $title } »

## Pourquoi un fichier n'a pu être lu ni analysé (après « FICHIER : »)

error-prefix = erreur
error-not-found = fichier introuvable
error-is-directory = est un dossier, non un fichier d'accord (pour un dossier, utilisez `treatyscan corpus`)
error-unreadable = lecture du fichier impossible (détail technique, en anglais : { $reason })
error-empty = le fichier est vide
error-too-large = le fichier fait { $size } Mo ; treatyscan lit les accords jusqu'à { $limit } Mo
error-binary = semble contenir des données binaires, non le texte d'un accord (détail technique, en anglais : { $detail })
error-not-pdf = ce n'est pas un PDF (pas d'en-tête %PDF- dans son premier Ko) ni du texte (détail technique, en anglais : { $detail }) : un téléchargement endommagé ou incomplet ?
error-not-an-agreement = aucun article, et trop peu des termes des traités (les Parties, le présent Accord, traitement national…) : ce n'est pas un accord ?
error-xml = XML mal formé (détail technique, en anglais : { $reason })
error-pdf = PDF illisible (détail technique, en anglais : { $reason })
error-pdf-encrypted = le PDF est protégé par un mot de passe (chiffré avec un mot de passe utilisateur) ; enregistrez d'abord une copie non protégée
error-pdf-needs-ocr = le PDF n'a pas de couche de texte (une numérisation ?) ; faites-lui d'abord subir une reconnaissance de caractères (OCR)
error-pdf-fonts-unmapped = le texte du PDF est dans des polices sans table Unicode ({ $glyphs } glyphes n'ont pu être lus comme des lettres) ; exportez-le de nouveau avec son texte, ou faites-lui subir une reconnaissance de caractères (OCR)
error-no-text = aucun texte dans ce fichier
error-timed-out = la lecture a dépassé la limite de { $seconds } s (--timeout) ; fichier ignoré
error-internal = erreur interne pendant la lecture ({ $detail }) ; merci de la signaler
error-docx = document Word illisible (détail technique, en anglais : { $reason })
error-docx-encrypted = le document Word est protégé par un mot de passe ; enregistrez d'abord une copie non protégée
error-legacy-doc = les anciens fichiers Word binaires .doc ne sont pas pris en charge ; enregistrez-le en .docx ou en PDF
error-unsupported-format = les fichiers { $format } ne sont pas pris en charge ; enregistrez-le en .docx, en PDF ou en texte brut
error-no-body-text = { $format ->
    [Markdown] le fichier Markdown
   *[other] la page HTML
} n'a pas de texte courant, seulement { $what ->
    [headings] des titres
   *[other] du balisage
}
error-language = la langue { $name } (code { $code }) n'est pas analysée ; treatyscan lit l'anglais, l'espagnol et le français
error-script = un texte en écriture { $script ->
        [Chinese] chinoise
        [Japanese] japonaise
        [Korean] coréenne
        [Cyrillic] cyrillique
        [Arabic] arabe
        [Hebrew] hébraïque
        [Greek] grecque
        [Thai] thaïe
        [Devanagari] devanagari
        [Georgian] géorgienne
        [Armenian] arménienne
        [Ethiopic] éthiopienne
        [Khmer] khmère
        [Myanmar] birmane
        [Bengali] bengalie
        [Tamil] tamoule
       *[other] non latine
    } n'est pas analysé ; treatyscan lit l'anglais, l'espagnol et le français
error-garbled = le texte se lit comme des lettres brouillées (une police sans table Unicode, ou un mauvais encodage) : rien ne peut y être analysé

# treatyscan corpus: what it says on standard error, its table and its chart
# (src/cli/corpus.rs, src/corpus/)
corpus-skipped = ignoré : { $file } : { $reason }
corpus-skipped-many = { $count } fichiers ignorés : { $reason } ({ $names } et { $more } autres)
corpus-skipped-many-in = { $count } fichiers ignorés dans { $folder } : { $reason } ({ $names } et { $more } autres)
corpus-skip-folder-document = fichier { $stem } : documente le dossier, ce n'est pas un accord
corpus-skip-extension = extension .{ $ext } non prise en charge
corpus-skip-no-extension = sans extension, et ni PDF, ni page web, ni fichier XML
corpus-skip-not-a-file = pas un fichier ordinaire (un tube nommé, une socket ou un périphérique)
corpus-no-files = { $dir } : aucun fichier d'accord (.txt, .md, .html, .docx, .pdf, .xml) trouvé
corpus-coded = { $coded } { $coded ->
        [one] accord codé
       *[other] accords codés
    }, { $failed } en échec, { $skipped } ignorés
check-report-written = rapport enregistré dans { $path } : { $totals }
corpus-chart-written = graphique enregistré dans { $path }
corpus-by-year-no-dates = { $dir } : { $count ->
        [one] l'accord analysé n'a
       *[other] aucun des { $count } accords analysés n'a
    } de date de signature (métadonnées ToTA ou formule finale comme « Fait à …, le six mai 2003 ») : --by-year n'a aucune période où les compter
corpus-by-year-undated = { $count } accords sur { $coded } n'ont pas de date de signature et sont laissés hors du tableau par période : { $names }{ $more ->
        [0] {""}
       *[other] {" "}et { $more } autres
    }
corpus-table-agreement = accord
corpus-table-year = année
corpus-table-articles = arts
corpus-table-gaps = lacunes
corpus-table-columns = colonnes
chart-title = Dispositions culturelles et de commerce électronique des accords commerciaux, par période de signature
chart-y = part des accords de la période
chart-partial = partielle
chart-merged = Les périodes de moins de { $min } accords sont fusionnées avec la suivante ; en gris : encore moins de { $min }.
chart-partial-note = * période partielle (grisée) : l'accord le plus récent du corpus date du { $date }.
chart-cultural-clause = clause culturelle
chart-ecommerce = dispositions sur le commerce électronique
chart-convention = référence à la Convention de 2005
chart-ecommerce-uncarved = commerce électronique sans exclusion culturelle
chart-no-dates = aucun accord n'a de date de signature : rien à représenter
corpus-chart-failed = { $path } : impossible de dessiner le graphique : { $reason }
periods-period = période
periods-agreements = accords
periods-cultural = culturel
periods-ecommerce = commerce électronique
periods-convention = Convention
periods-uncarved = sans exclusion
periods-mean-gaps = lacunes (moyenne)
periods-few = * moins de { $min } accords : parts non comparables
