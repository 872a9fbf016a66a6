# treatyscan's own strings, in English (the fallback of every other language).
# Every message id here must exist in es/ and fr/ too (`cargo test` checks it).
# The domain wording (rule and gap texts, guideline summaries, category
# labels) is data beside the rules, in rules/*.toml, not here.

## Heading keywords of provisions: "Article 14.2 (Scope)"

kind-preamble = Preamble
kind-part = Part
kind-title = Title
kind-chapter = Chapter
kind-section = Section
kind-subsection = Subsection
kind-article = Article
kind-paragraph = Paragraph
kind-subparagraph = Subparagraph
kind-footnote = Footnote
kind-entry = Entry
kind-annex = Annex
kind-appendix = Appendix
kind-protocol = Protocol
kind-side_letter = Side letter
kind-final_clause = Final clause
outline-line = line
outline-page = page

## Severities, as the human report shows them (JSON keeps info/warning/error)

severity-info = info
severity-warning = warning
severity-error = error

## The human report

label-gap = gap
label-note = note
label-concerns = concerns
label-recommendation = recommendation
label-for-example = for example
# a label before its text ("recommendation: …", "A: round1.txt"), with the language's colon
label-colon = { $label }:
# a suggested clause, quoted
clause-quoted = "{ $clause }"
gap-same-clause = the clause suggested for { $gap } above closes this gap too
label-guideline = guideline
label-rules = rules
label-tracked-change = tracked change
agreement-level = agreement level
convention-articles = Convention Art. { $articles }
combined-heading = gaps for the combined agreement ({ $count ->
    [one] { $count } file
   *[other] { $count } files
})
combined-no-gap = no gap
count-findings = { $count ->
    [one] { $count } finding
   *[other] { $count } findings
}
count-gaps = { $count ->
    [one] { $count } gap
   *[other] { $count } gaps
}
count-files = { $count ->
    [one] { $count } file
   *[other] { $count } files
}
totals = { $findings ->
    [one] { $findings } finding
   *[other] { $findings } findings
} and { $gaps ->
    [one] { $gaps } gap
   *[other] { $gaps } gaps
} in { $files ->
    [one] { $files } file
   *[other] { $files } files
}
file-not-assessed = findings and gaps not assessed
totals-none-reviewed = No file was analysed: { $count ->
    [one] the file was not read or not analysed (its error line is on standard error)
   *[other] { $count } files were not read or not analysed (their error lines are on standard error)
}
totals-not-reviewed = { $count ->
    [one] 1 file not read or not analysed (its error line is on standard error)
   *[other] { $count } files not read or not analysed (their error lines are on standard error)
}

## The summary line of a file

summary-clauses = { $count ->
    [0] no cultural clause
    [one] cultural clauses in { $count } provision
   *[other] cultural clauses in { $count } provisions
}
summary-ecommerce-no-carveout = e-commerce commitments with no cultural carve-out
summary-ecommerce-carveout = e-commerce provisions with a cultural carve-out
summary-ecommerce = e-commerce provisions
summary-cites-convention = cites the 2005 Convention
summary-proposes-convention = cites the 2005 Convention only in bracketed text
summary-no-convention = no reference to the 2005 Convention
# between the parts of a file's summary line
summary-separator = {"; "}
summary-part-of-agreement = part of an agreement (its gaps judge this part only)
summary-other-gaps = { $count ->
    [one] { $count } other gap
   *[other] { $count } other gaps
}

## Notes

note-parties-unknown = preferential treatment not assessed: no Party was recognised as a country, so whether one is a developing country is unknown (name it with --developing PARTY)
note-date-unknown = signing date not found: a gap that concerns only agreements signed after the 2017 guidelines is reported as if this one were signed after them
note-developing-named = preferential treatment assessed with the Parties named by --developing counted as developing countries
note-developing-read = preferential treatment assessed with the countries the text names for special and differential treatment or as least developed counted as developing Parties (the gap names them); the Parties themselves were not recognised (name others with --developing PARTY)
note-structure-not-found = structure not found: no article, chapter or annex headings; findings are given per entry (a block of text, a `Sector:` entry or a numbered entry)
note-foreign-part = part of the text is in a language treatyscan does not analyse (it reads English, Spanish and French): what that part says is not looked at, so findings there may be missing and gaps judge the rest
note-part-of-agreement = part of an agreement: the text cites articles it does not hold; gaps that concern the whole agreement judge only this part (give all its parts with --combine)
note-part-of-agreement-division = part of an agreement: the text is one chapter or title of the agreement it calls "this Agreement"; gaps that concern the whole agreement judge only this part (give all its parts with --combine)
note-part-of-agreement-annex = part of an agreement: the text is an annex or appendix of an agreement (a schedule, a list of reservations); gaps that concern the whole agreement judge only this part (give all its parts with --combine)
note-part-of-agreement-opening = part of an agreement: the text opens an agreement ("have agreed as follows") but holds at most one chapter and none of its final provisions (entry into force, signature); gaps that concern the whole agreement judge only this part (give all its parts with --combine)
note-amending-instrument = amending instrument: the text amends another agreement; gaps that concern the whole agreement judge only the amendments (give the agreement with it, with --combine)
note-gaps-per-file = gaps were computed per file; provisions in the other files may close them (use --combine when the files are one agreement)

## Tracked changes (Word revision marks)

revision-proposed = proposed by { $author }
revision-deleted = deleted by { $author }
revision-moved = moved by { $author }
revision-unnamed-author = an unnamed author
date = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## SARIF

sarif-recommendation = Recommendation: { $text }

## Rule and gap pages (`rules explain`, `rules --markdown`, `rules`)

docs-category = category
docs-severity = severity
docs-guideline-paragraphs = guideline paragraphs
docs-languages = languages
docs-scope = scope: { $scopes } (conditions hold within one { $within })
docs-within-sentence = sentence
docs-within-paragraph = paragraph
docs-within-article = article
docs-message = Message
docs-matches = Matches
docs-no-match = Does not match
docs-cited = Guideline paragraphs cited
docs-convention-article = Convention, Article { $article }
docs-gap = gap
docs-level-agreement = level: the agreement as a whole
docs-open-when = Open when
docs-when-absent = no provision is flagged { $categories }
docs-when-present = some provision is flagged { $categories } (the evidence)
docs-when-not-reached = no `{ $category }` provision reaches the divisions titled /{ $titles }/ (or, without such a division, the provisions flagged { $categories }): it reaches them when it sits inside them, speaks of the whole agreement, names them, or is made applicable to them by a cross-reference
docs-when-kept-in = a carve-out whose own sentence matches /{ $pattern }/ keeps them in ("… audiovisual services, except as regards electronic transmissions") and does not reach them
docs-when-brought-back = nor does a carve-out whose provision matches /{ $pattern }/, which brings them back in a sentence of its own ("Notwithstanding paragraph 1, Chapter 2 (Electronic Commerce) shall apply to measures relating to cultural industries")
docs-or = { " " }or{ " " }
docs-when-liberalised = a { $kinds } is titled /{ $title }/, or a provision is flagged { $categories }; both are the evidence
docs-when-developing = a Party counts as a developing country: one not in the developed list ({ $source }, { $asof }), or one named with `--developing`
docs-when-dated = the agreement is undated (a draft) or was signed on or after { $date } (the date of its metadata, or of its closing formula: “Done at …, this sixth day of May, 2003”)
docs-recommendation = Recommendation
docs-suggested-clause = Suggested clause
docs-example = Example
docs-open-on = open on
docs-closed-by = and closed by adding
docs-checked-in = Checked in articles containing
docs-every-article = every article in scope (no pattern gives a telling literal; a title condition is checked first)
docs-one-of = one of { $literals }
docs-and-more = and { $count } more
docs-triggers-hint = (`treatyscan rules triggers` lists every literal of every rule.)
docs-reference-title = Rule reference
docs-reference-intro = Generated from `rules/*.toml` by `treatyscan rules --markdown`; do not edit by hand
    (`cargo test` fails when this file and the rules differ; regenerate with
    `{ $command }`).
docs-rules-table-head = | code | category | severity | title |
docs-gaps-intro = Gaps (agreement level, from `rules/gaps.toml`):
docs-gaps-table-head = | gap | severity | guideline |
docs-gaps-heading = Gaps
docs-listing-gaps = gaps (agreement level; `treatyscan rules explain GAP_ID`):

## The HTML report (`check --format html`): labels for its renderer


location-page = { $path }, page { $page }
location-page-printed = { $path }, page { $printed } (PDF page { $page })
summary-hidden-category = not shown (--category): { $what }
summary-hidden-baseline = already in the baseline, not shown: { $what }
count-findings-and-gaps = { $findings } and { $gaps }

# check --format html: the page's fixed words (src/report/html.rs)
html-page-title = Where the agreement stands on culture
html-page-title-several = Where the agreements stand on culture
html-generated-by = Report by treatyscan
html-guideline-source = Guideline paragraphs: operational guidelines on the implementation of the 2005 UNESCO Convention in the digital environment (DCE/17/6.CP/11).
html-contents = Contents
html-summary = Summary
html-gaps = What the agreement lacks
html-findings = Findings, article by article
html-filter = Show categories
html-filter-all = All
html-filter-none = None
html-no-gap = No gap: the agreement has every clause the guidelines look for.
html-no-finding = No finding.
html-combined-gaps = What the combined agreement lacks
html-not-reviewed = Files not read or not analysed
html-cultural-clauses = Provisions with cultural clauses
html-e-commerce = Electronic commerce
html-ecommerce-no-carveout = commitments with no cultural carve-out
html-ecommerce-carveout = provisions with a cultural carve-out
html-ecommerce-plain = provisions
html-ecommerce-none = none found
html-convention = 2005 Convention
html-convention-cited = cited
html-convention-proposed = proposed in brackets, not agreed
html-convention-missing = not cited
html-convention-none = not cited (not assessed)
html-convention-not-in-file = not cited in this file
html-see-combined = see the combined agreement
html-by-category = Findings by category
html-category = Category
html-provisions = Provisions
html-severity = Severity
html-not-shown-category = Not shown (--category)
html-not-shown-baseline = Already in the baseline, not shown
html-note = Note
html-agreement = Agreement
html-file = File
html-parties = Parties
html-signed = Signed
html-in-force = In force
html-language = Language
html-page = page
html-pdf-page = PDF page { $page }
html-line = line
html-column = column
html-recommendation = Recommendation
html-suggested-clause = Suggested clause
html-concerns = Concerns
html-why = Why it matters
html-guideline = Guideline
html-convention-article = Convention, Article
html-rules = Rules
html-tracked-change = Tracked change
html-proposed-by = proposed by
html-deleted-by = deleted by
html-moved-by = moved by
html-unnamed-author = an unnamed author
html-article-text = Whole text of the provision
html-id = id
html-info = info
html-warning = warning
html-error = error
html-count-provisions = { $count ->
    [one] { $count } provision
   *[other] { $count } provisions
}

# negotiating texts (src/model/negotiation.rs, src/report/negotiation.rs)
neg-agreed = agreed text
neg-bracketed = bracketed
neg-bracketed-alt = bracketed ({ $alt })
neg-proposed-by = proposed by { $parties }
neg-opposed-by = opposed by { $parties }
neg-no-party = no Party named
neg-considering = { $parties } considering
neg-proposal-unattributed = the unattributed proposal
neg-proposal-of-one = { $party }'s proposal
neg-proposal-of-many = the proposal of { $parties }
neg-proposal-in = { $whose } in { $provision }
neg-which-opposes = { $count ->
    [one] , which { $parties } opposes
   *[other] , which { $parties } oppose
}
neg-and = and
neg-gap-open-agreed = open on agreed text
neg-gap-closed-agreed = closed on agreed text
neg-or-by = ; or by{" "}
neg-closed-by = closed by { $proposals }
neg-opened-by = opened by { $proposals }
neg-no-proposal-closes = no proposal closes it
neg-no-proposal-opens = no proposal opens it
neg-closed-together = closed by the proposals of { $parties } taken together
neg-opened-together = opened by the proposals of { $parties } taken together
neg-none-named = none named (brackets that name Parties in words are read once they are declared: --party US="United States")
neg-header = negotiating text: { $count ->
    [one] { $count } bracket
   *[other] { $count } brackets
}; Parties: { $parties }
neg-gaps-heading = gaps in each reading
neg-gaps-note = (the gaps above are those of the agreed text)
neg-each-party = with each Party's proposals: { $list }
neg-state-open = open
neg-state-closed = closed
neg-positions-heading = positions on bracketed provisions
neg-considering-mark = { $party } (considering)
neg-col-category = category
neg-col-propose = propose
neg-col-oppose = oppose
neg-col-no-position = no position
html-negotiation = Negotiation
html-negotiation-heading = Negotiating text
html-negotiation-gaps-note = The gaps listed under “What the agreement lacks” are those of the agreed text.

## compare: the human and HTML reports of two texts
compare-summary-label = Summary:
compare-note-label = Note:
compare-warning-label = Warning:
compare-summary-provisions = { $a } { $a ->
    [one] provision
   *[other] provisions
} in A, { $b } in B; { $paired }
# pairs: a provision split in two, or two merged into one, makes two pairs
# $kinds: ": 2 text changed, 1 retitled" (a pair may change in several ways)
compare-summary-matched = { $matched } matched pairs ({ $unchanged } unchanged{ $changed ->
    [0] {""}
   *[other] , { $changed } changed{ $kinds }
})
compare-summary-paired = { $matched } paired by number
compare-count-text-changed = { $count } text changed
compare-count-renumbered = { $count } renumbered
compare-count-retitled = { $count } retitled
compare-count-moved = { $count } moved
compare-count-split = { $count } split
compare-count-merged = { $count } merged
compare-count-added = { $count } added
compare-count-removed = { $count } removed
compare-warning-unrelated = only { $corresponding } of { $a } provisions in A and { $b } in B correspond (at least half their words the same): A and B read as two different agreements, not versions of one, and their differences are not edits
compare-warning-parties = A is an agreement between { $a } and B one between { $b }: two agreements, perhaps written on one model, not versions of one, and their differences are not edits
compare-note-languages = A is in { $a } and B in { $b }: articles are paired by number only and their words are not compared, so treatyscan cannot tell whether they are versions of one agreement; read the changes below as such only if they are
compare-similarity = similarity { $value }
compare-overlap = overlap { $value }
compare-delta-heading = Differences by category
compare-delta-source = (categories from { $source }; what B loses comes first, then what it changes, then what it adds)
# the words of one side under a change of substance
compare-quoted = “{ $words }”
compare-source-rules = the rule engine
compare-no-delta = no category differences
compare-divisions = Chapters
compare-division-articles = { $count } { $count ->
    [one] article
   *[other] articles
}
compare-division-added = { $label }  added, { $articles }
compare-division-removed = { $label }  removed, { $articles }
compare-division-renumbered-run = { $kind ->
    [chapter] Chapters
    [part] Parts
    [title] Titles
    [section] Sections
    [annex] Annexes
   *[other] Divisions
} { $a } → { $b }  [renumbered, { $count } { $kind ->
    [chapter] chapters
    [part] parts
    [title] titles
    [section] sections
    [annex] annexes
   *[other] divisions
}, { $articles }]
compare-told-by-divisions = { $count } { $count ->
    [one] article renumbered with its chapter
   *[other] articles renumbered with their chapters
} (above), text unchanged
compare-changes = Changes
compare-renumbered-run = Articles { $a } → { $b }  [renumbered, { $count } articles, text unchanged]
compare-flag-added = added
compare-flag-removed = removed
compare-flag-moved = moved
compare-flag-renumbered = renumbered
compare-flag-retitled = retitled
compare-flag-split = split
compare-flag-merged = merged
compare-flag-text-changed = text changed
compare-moved = moved: { $from } → { $to }
compare-delta-only-in-a = B has no provision of this category any more (A: { $where })
compare-delta-only-in-b = A had no provision of this category (B: { $where })
compare-delta-loses = A's { $label } is in this category; B's { $counterpart } is not
compare-delta-loses-alone = A's { $label } is in this category and has no counterpart in B
compare-delta-gains = B's { $label } is in this category; A's { $counterpart } is not
compare-delta-gains-alone = B's { $label } is in this category and has no counterpart in A
compare-delta-changed = B changes its substance in { $place }: { $parts }
compare-place-both = A's and B's { $label }
compare-place-each = A's { $a }, which is B's { $b }
compare-coverage-one = it { $change }
compare-coverage-both = it { $lost } and { $gained }
compare-coverage-lost = no longer covers { $sectors }
compare-coverage-gained = now covers { $sectors }
compare-binding-gained = it becomes binding (A's words only permit, encourage or recognise; B's oblige)
compare-binding-lost = it is no longer binding (A's words oblige; B's only permit, encourage or recognise)
compare-convention-gained = it now refers to the 2005 Convention
compare-convention-lost = it no longer refers to the 2005 Convention
compare-gap-opened = B has this gap, which A did not have
compare-gap-closed = B closes this gap, which A had
compare-sector-cultural-industries = cultural industries
compare-sector-cultural-goods-and-services = cultural goods and services
compare-sector-books-and-publishing = books and publishing
compare-sector-newspapers-and-periodicals = newspapers and periodicals
compare-sector-film = film
compare-sector-video = video
compare-sector-music-and-sound-recordings = music and sound recordings
compare-sector-broadcasting = broadcasting
compare-sector-audiovisual = audiovisual
compare-sector-performing-arts = performing arts
compare-sector-visual-arts = visual arts
compare-sector-cultural-heritage = cultural heritage
compare-sector-video-games = video games
compare-neg-heading = Negotiating brackets: { $a } in A, { $b } in B
compare-neg-none = no bracket changed
compare-neg-agreed = agreed
compare-neg-dropped = dropped
compare-neg-changed-hands = changed hands
compare-neg-reworded = reworded
compare-neg-added = added
compare-neg-reopened = reopened
compare-neg-proposed-by = proposed by { $parties }
compare-neg-opposed-by = opposed by { $parties }
compare-neg-no-party = no Party named
compare-neg-line = { $change }: { $place }: "{ $words }" ({ $detail })
compare-neg-was = was { $hands }
compare-html-title = Compare: { $a } / { $b }
compare-html-categories-from = Categories from { $source }.
compare-html-no-delta = No category differences.
compare-html-changed-articles = { $count } changed { $count ->
    [one] article
   *[other] articles (those in a category first)
}
compare-html-not-in = not in { $side }
compare-html-moved-from = moved from { $division }
compare-html-moved-to = moved to { $division }
compare-html-top-level = top level
compare-html-unchanged = { $count } unchanged: { $span }
compare-html-words-unchanged = { $count } words unchanged
compare-language-en = English
compare-language-es = Spanish
compare-language-fr = French

## Lists and provisions inside a sentence
# a list: "a, b and c"; after a negation ("no longer covers"): "a, b or c"
list-and = { $head } and { $last }
list-nor = { $head } or { $last }
list-nor-item = { $item }
# (English names a provision in a sentence by its label, as written)
phrase-kind = { $kind }
phrase-of-division = of
phrase-title = ({ $title })

## Why a file could not be read or analysed (after "FILE: ")

error-prefix = error
error-not-found = no such file
error-is-directory = is a directory, not an agreement file (use `treatyscan corpus` for folders)
error-unreadable = cannot read: { $reason }
error-empty = file is empty
error-too-large = file is { $size } MB; treatyscan reads agreements up to { $limit } MB
error-binary = looks like binary data, not an agreement text ({ $detail })
error-not-pdf = not a PDF (no %PDF- header in its first 1 KB) and no text either ({ $detail }): a damaged or incomplete download?
error-not-an-agreement = no articles, and too few of the terms treaties are written in (the Parties, this Agreement, shall, national treatment…): not an agreement?
error-xml = malformed XML: { $reason }
error-pdf = unreadable PDF: { $reason }
error-pdf-encrypted = PDF is password-protected (encrypted with a user password); save an unprotected copy first
error-pdf-needs-ocr = PDF has no text layer (a scan?); run OCR on it first
error-pdf-fonts-unmapped = PDF's text is in fonts with no Unicode map ({ $glyphs } glyphs could not be read as letters); export it again with its text, or run OCR on it
error-no-text = no text in this file
error-timed-out = reading took longer than the limit of { $seconds } s (--timeout); skipped
error-internal = internal error while reading ({ $detail }); please report
error-docx = unreadable Word document: { $reason }
error-docx-encrypted = Word document is password-protected; save an unprotected copy first
error-legacy-doc = legacy binary Word .doc files are not supported; save it as .docx or PDF
error-unsupported-format = { $format } files are not supported; save it as .docx, PDF or plain text
error-no-body-text = { $format } has no body text, only { $what }
error-language = language { $code } ({ $name }) is not analysed; treatyscan reads English, Spanish and French
error-script = text in { $script ->
        [non-Latin] a non-Latin
       *[other] { $script }
    } script is not analysed; treatyscan reads English, Spanish and French
error-garbled = the text reads as garbled letters (a font without a Unicode map, or the wrong encoding): nothing in it can be analysed

# treatyscan corpus: what it says on standard error, its table and its chart
# (src/cli/corpus.rs, src/corpus/)
corpus-skipped = skipped: { $file }: { $reason }
corpus-skipped-many = skipped { $count } files: { $reason } ({ $names } and { $more } more)
corpus-skipped-many-in = skipped { $count } files in { $folder }: { $reason } ({ $names } and { $more } more)
corpus-skip-folder-document = { $stem } file: documents the folder, not an agreement
corpus-skip-extension = unsupported extension .{ $ext }
corpus-skip-no-extension = no extension, and not a PDF, web page or XML file
corpus-skip-not-a-file = not a regular file (a named pipe, socket or device)
corpus-no-files = { $dir }: no agreement files (.txt, .md, .html, .docx, .pdf, .xml) found
corpus-coded = coded { $coded } { $coded ->
        [one] agreement
       *[other] agreements
    }, { $failed } failed, { $skipped } skipped
check-report-written = report written to { $path }: { $totals }
corpus-chart-written = chart written to { $path }
corpus-by-year-no-dates = { $dir }: none of the { $count } coded { $count ->
        [one] agreement has
       *[other] agreements have
    } a signature date (from ToTA metadata or a closing formula such as “Done at …, this sixth day of May, 2003”): --by-year has no period to count them in
corpus-by-year-undated = { $count } of { $coded } agreements have no signature date and are left out of the table by period: { $names }{ $more ->
        [0] {""}
       *[other] {" "}and { $more } more
    }
corpus-table-agreement = agreement
corpus-table-year = year
corpus-table-articles = arts
corpus-table-gaps = gaps
corpus-table-columns = columns
chart-title = Cultural and e-commerce provisions in trade agreements, by period signed
chart-y = share of the period's agreements
chart-partial = partial
chart-merged = Periods of fewer than { $min } agreements are merged into the next; grey: still fewer than { $min }.
chart-partial-note = * partial period (shaded): the corpus's latest agreement is from { $date }.
chart-cultural-clause = cultural clause
chart-ecommerce = e-commerce provisions
chart-convention = reference to the 2005 Convention
chart-ecommerce-uncarved = e-commerce without cultural carve-out
chart-no-dates = no agreement has a signature date: nothing to plot
corpus-chart-failed = { $path }: cannot draw chart: { $reason }
periods-period = period
periods-agreements = agreements
periods-cultural = cultural
periods-ecommerce = e-commerce
periods-convention = convention
periods-uncarved = no carve-out
periods-mean-gaps = mean gaps
periods-few = * fewer than { $min } agreements: shares not comparable
