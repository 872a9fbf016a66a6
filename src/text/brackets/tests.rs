use super::*;

fn read(text: &str) -> Negotiation {
    Negotiation::read(text, &[])
}

/// (content, proposed_by, opposed_by, alternative) of a bracket.
type Span = (String, Vec<String>, Vec<String>, Option<String>);

/// Every bracket as a `Span`.
fn spans(text: &str) -> Vec<Span> {
    let n = read(text);
    n.brackets
        .iter()
        .map(|b| {
            (
                text[b.content.clone()].to_string(),
                b.positions.proposed_by.clone(),
                b.positions.opposed_by.clone(),
                b.positions.alternative.clone(),
            )
        })
        .collect()
}

fn v(codes: &[&str]) -> Vec<String> {
    codes.iter().map(|c| c.to_string()).collect()
}

#[test]
fn party_tag_at_the_start_with_a_verb() {
    let s = spans(
        "Article 14.4\n[ARC propose: 2. This Chapter shall not apply to audiovisual services.]\n",
    );
    assert_eq!(s.len(), 1);
    assert_eq!(
        s[0].0,
        "2. This Chapter shall not apply to audiovisual services."
    );
    assert_eq!(s[0].1, v(&["ARC"]));
    assert!(s[0].2.is_empty());
}

#[test]
fn a_standalone_oppose_tag_goes_to_the_bracket_before_it() {
    let s = spans(
        "[ARC propose: This Chapter shall not apply to audiovisual services.]\n[BOR oppose]\n",
    );
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].1, v(&["ARC"]));
    assert_eq!(s[0].2, v(&["BOR"]));
}

#[test]
fn several_parties_with_a_slash_and_a_colon() {
    let s =
        spans("[ARC/COL: 3. The Parties reaffirm their commitments under the UNESCO Convention.]");
    assert_eq!(s[0].1, v(&["ARC", "COL"]));
    assert!(s[0].0.starts_with("3. The Parties"));
}

#[test]
fn alternatives_are_labelled() {
    let s = spans(
        "[Alt 1: Nothing in this Chapter shall prevent a Party from adopting measures.] [Alt 2: Each Party may adopt measures to promote cultural diversity.]",
    );
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].3.as_deref(), Some("Alt 1"));
    assert_eq!(s[1].3.as_deref(), Some("Alt 2"));
    let s = spans("[Option A (BOR): The Parties shall cooperate on film.] [Alternative: Each Party shall cooperate.]");
    assert_eq!(s[0].3.as_deref(), Some("Option A"));
    assert_eq!(s[0].1, v(&["BOR"]));
    assert_eq!(s[1].3.as_deref(), Some("Alternative"));
}

#[test]
fn tags_at_the_end_of_a_span() {
    let s = spans("[This Chapter shall not apply to audiovisual services. (ARC)] and [Each Party may support its film industry. BOR proposes]");
    assert_eq!(s[0].1, v(&["ARC"]));
    assert_eq!(
        s[0].0,
        "This Chapter shall not apply to audiovisual services."
    );
    assert_eq!(s[1].1, v(&["BOR"]));
    assert_eq!(s[1].0, "Each Party may support its film industry.");
}

#[test]
fn proposed_by_and_opposed_by() {
    let s =
        spans("[Proposed by ARC: Nothing shall prevent cultural measures.] [Opposed by BOR, COL]");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].1, v(&["ARC"]));
    assert_eq!(s[0].2, v(&["BOR", "COL"]));
}

#[test]
fn spanish_and_french_verbs() {
    let s = spans(
        "[ARC propone: Este Capítulo no se aplica a los servicios audiovisuales.] [BOR se opone]",
    );
    assert_eq!((s[0].1.clone(), s[0].2.clone()), (v(&["ARC"]), v(&["BOR"])));
    let s = spans("[ARC et COL proposent : Le présent chapitre ne s'applique pas aux services audiovisuels.] [BOR s'oppose]");
    assert_eq!(
        (s[0].1.clone(), s[0].2.clone()),
        (v(&["ARC", "COL"]), v(&["BOR"]))
    );
    let s = spans("[Propuesta de COL: Las Partes cooperarán en el sector audiovisual.] [Opción B: Cada Parte podrá adoptar medidas.]");
    assert_eq!(s[0].1, v(&["COL"]));
    assert_eq!(s[1].3.as_deref(), Some("Opción B"));
    let s = spans("[Proposé par BOR : Les Parties coopèrent dans le domaine du cinéma.] [Variante 2 : Chaque Partie peut adopter des mesures.]");
    assert_eq!(s[0].1, v(&["BOR"]));
    assert_eq!(s[1].3.as_deref(), Some("Variante 2"));
}

#[test]
fn a_footnote_note_says_who_is_considering() {
    let text = "[ARC/COL: The Parties reaffirm their commitments under the Convention.]¹\n\n¹ Note: BOR is considering its position.\n";
    let n = read(text);
    assert_eq!(n.brackets.len(), 1);
    let p = &n.brackets[0].positions;
    assert_eq!(p.considering, v(&["BOR"]));
    assert_eq!(p.notes, v(&["Note: BOR is considering its position."]));
    // the note's line is markup, hidden from every reading
    let note = text.find("¹ Note").unwrap();
    assert!(n.markup.iter().any(|m| m.start <= note && m.end > note + 5));
}

#[test]
fn notes_inside_and_beside_a_span() {
    let n = read("[ARC: Each Party may maintain quotas for films. Note: COL is considering its position] [Nota: BOR está considerando su posición]");
    let p = &n.brackets[0].positions;
    assert_eq!(p.proposed_by, v(&["ARC"]));
    let mut c = p.considering.clone();
    c.sort();
    assert_eq!(c, v(&["BOR", "COL"]));
}

#[test]
fn tags_outside_the_brackets() {
    let s = spans("ARC propose: [This Chapter shall not apply to audiovisual services.]\nBOR:\n[Each Party may support its cultural industries by subsidies.]");
    assert_eq!(s[0].1, v(&["ARC"]));
    assert_eq!(s[1].1, v(&["BOR"]));
}

#[test]
fn nested_brackets_inherit_their_parents_parties() {
    let text =
        "[ARC propose: The Parties shall [endeavour to] cooperate in the audiovisual sector.]";
    let n = read(text);
    assert_eq!(n.brackets.len(), 2);
    assert_eq!(n.brackets[1].parent, Some(0));
    assert_eq!(&text[n.brackets[1].content.clone()], "endeavour to");
    assert_eq!(n.brackets[1].positions.proposed_by, v(&["ARC"]));
    // accepting the inner bracket without the outer one keeps neither
    let hidden = n.hidden(|i| i == 1);
    assert!(hidden.iter().any(|r| *r == n.brackets[0].range));
}

#[test]
fn spans_across_paragraphs_and_articles() {
    let text = "Article 3\n1. Agreed text.\n[BOR propose:\nArticle 4: Cultural Cooperation\n1. The Parties shall cooperate in film.\n\n2. They shall exchange artists.]\nArticle 5\n";
    let n = read(text);
    assert_eq!(n.brackets.len(), 1);
    let b = &n.brackets[0];
    assert!(text[b.content.clone()].starts_with("Article 4"));
    assert!(text[b.content.clone()].ends_with("artists."));
}

#[test]
fn non_negotiating_brackets_are_not_read() {
    for text in [
        "Article 2.1 and in its Schedule.[1]\n[1] For greater certainty, this Article applies.",
        "Article [X]: Scope\nThis Chapter applies to services.",
        "The Parties [...] agree. The Parties […] cooperate.",
        "(a) books; (b) films; (c) music.",
        "See Case C-1/18 [2019] OJ L 12/3 and [2020] ECR I-45.",
        "[t]he Parties shall cooperate; [s]uch measures apply.",
        "Done at [venue] on [date]. [Signed] [PREAMBLE] [(VM - VMN) / VM] [ JONG-HOON KIM ]",
        "[hereinafter \"EC Party\"] and [legislative] and [Viet Nam: 9 years]",
        "Price [●] and [X.1] and [14.5] and [ ].",
        // real texts: bracketed cross-references, formulas, signatures and a
        // note without a Party are not a negotiation
        "[lists of commitments on liberalisation of\ninvestments] and [Chapter X state-\nto-state dispute settlement]",
        "[Negotiators' note: to be decided during legal scrubbing] [Secretariat of ICSID/Permanent Court of Arbitration]",
        "[(material cost + labour cost + overhead cost \n\n+ profit + other costs)/FOB] [B. R. PATEL \n24 February 1972]",
        "[Red: Gewijzigd bij het Protocol tot wijziging van Deel I en artikel XXIX van de Algemene Overeenkomst.] [Red: Gewijzigd bij het Protocol van Deel II.]",
    ] {
        assert!(read(text).is_empty(), "read brackets in {text:?}");
    }
}

#[test]
fn one_untagged_bracket_is_not_a_negotiating_text_but_two_are() {
    assert!(read("The Parties [shall cooperate in the field of film and music].").is_empty());
    let s = spans("The Parties [shall cooperate in the field of film and music]. Each Party [may adopt measures to protect its cultural industries].");
    assert_eq!(s.len(), 2);
    assert!(s[0].1.is_empty());
}

#[test]
fn short_brackets_count_in_a_negotiating_text() {
    let text = "[ARC: This Chapter shall not apply to audiovisual services.] The Parties [shall] [may] cooperate. Article [X] applies [1].";
    let s = spans(text);
    let contents: Vec<&str> = s.iter().map(|s| s.0.as_str()).collect();
    assert_eq!(
        contents,
        [
            "This Chapter shall not apply to audiovisual services.",
            "shall",
            "may"
        ]
    );
}

#[test]
fn declared_parties_name_the_codes() {
    let text = "Parties: Republic of Arcadia (ARC), Kingdom of Borealia (BOR) and Colmena (COL)\n\n[Proposed by Borealia: Each Party may adopt measures on film.]\n";
    let n = read(text);
    let codes: Vec<&str> = n.parties.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["ARC", "BOR", "COL"]);
    assert_eq!(n.parties[0].name.as_deref(), Some("Republic of Arcadia"));
    assert_eq!(n.brackets[0].positions.proposed_by, v(&["BOR"]));
    let listed =
        declared_parties("Abbreviations\nARC: Arcadia\nBOR – Borealia\nCOL = Colmena\n\nArticle 1");
    assert_eq!(listed.len(), 3);
    assert_eq!(listed[2].name.as_deref(), Some("Colmena"));
}

#[test]
fn parties_given_on_the_command_line_are_read_in_tags() {
    let given = [Party::parse("XA=Xanadu").unwrap()];
    let n = Negotiation::read(
        "[Xanadu propose: Each Party may support film production.]",
        &given,
    );
    assert_eq!(n.brackets[0].positions.proposed_by, v(&["XA"]));
    assert!(Party::parse("=Arcadia").is_err());
    assert_eq!(Party::parse("ARC").unwrap().name, None);
}

#[test]
fn bare_codes_are_tags_once_the_party_is_known() {
    let s = spans("[ARC: The Parties shall cooperate in film.] [BOR: Each Party may subsidise music.] [ARC]\n[EU shall protect its broadcasting sector in full.] ");
    // `[ARC]` alone speaks for the bracket before it; `[EU shall …]` is text
    assert_eq!(s.len(), 3);
    assert_eq!(s[1].1, v(&["BOR", "ARC"]));
    assert!(s[2].0.starts_with("EU shall"));
}

#[test]
fn trailing_tag_on_the_closing_line() {
    let s = spans("[This Chapter shall not apply to audiovisual services.] (ARC)\n[Each Party may adopt measures.] – BOR oppose\n");
    assert_eq!(s[0].1, v(&["ARC"]));
    assert_eq!(s[1].2, v(&["BOR"]));
}

#[test]
fn hidden_ranges_of_a_reading() {
    let text = "Agreed. [ARC: Proposal one is here.] [BOR: Proposal two is here.]";
    let n = read(text);
    let agreed = n.hidden(|_| false);
    for b in &n.brackets {
        assert!(agreed.contains(&b.range));
    }
    let arc = n.hidden(|i| {
        n.brackets[i]
            .positions
            .proposed_by
            .contains(&"ARC".to_string())
    });
    assert!(!arc.contains(&n.brackets[0].range));
    assert!(arc.contains(&n.brackets[1].range));
    // the tag itself stays hidden
    let tag = text.find("ARC:").unwrap();
    assert!(arc.iter().any(|r| r.start <= tag && tag < r.end));
}

#[test]
fn in_markup_and_bracket_at() {
    let text = "Agreed. [ARC: Each Party may adopt measures on film.] More agreed text.";
    let n = read(text);
    let film = text.find("film").unwrap();
    assert_eq!(n.bracket_at(film..film + 4), Some(0));
    let more = text.find("More").unwrap();
    assert_eq!(n.bracket_at(more..more + 4), None);
    let tag = text.find("ARC").unwrap();
    assert!(n.in_markup(tag..tag + 3));
}

#[test]
fn tags_and_notes_on_the_next_line() {
    let n = read("[ARC: Each Party may maintain quotas for films on screens.]\nBOR oppose\n\n[COL: The Parties shall cooperate in music.]\nNote: ARC is considering its position.\n");
    assert_eq!(n.brackets[0].positions.opposed_by, v(&["BOR"]));
    assert_eq!(n.brackets[1].positions.considering, v(&["ARC"]));
}

#[test]
fn verbs_after_a_colon_and_positions_under_consideration() {
    let s = spans("[ARC: The Parties shall cooperate in film.] [BOR: opposes] [COL: se opone]");
    assert_eq!(s.len(), 1);
    assert_eq!(s[0].2, v(&["BOR", "COL"]));
    let n = read("[ARC: The Parties shall cooperate in film.] [BOR considering] [COL propose; BOR oppose: Each Party may subsidise music.]");
    assert_eq!(n.brackets[0].positions.considering, v(&["BOR"]));
    assert_eq!(n.brackets[1].positions.proposed_by, v(&["COL"]));
    assert_eq!(n.brackets[1].positions.opposed_by, v(&["BOR"]));
}

#[test]
fn footnote_marker_inside_the_bracket_or_lost() {
    // the marker inside the span
    let n = read("[ARC: The Parties reaffirm their commitments under the Convention.[2]]\n\n[2] Note: COL reserves its position.\n");
    assert_eq!(n.brackets[0].positions.considering, v(&["COL"]));
    // a Word footnote rendered after the paragraph, its marker lost
    let n = read("[ARC: The Parties reaffirm their commitments under the Convention.]\n[1] BOR is considering its position.\n");
    assert_eq!(n.brackets[0].positions.considering, v(&["BOR"]));
    // an ordinary footnote stays treaty text
    let text =
        "[ARC: Each Party may adopt measures.]\n[1] For greater certainty, this includes films.\n";
    let n = read(text);
    let f = text.find("For greater").unwrap();
    assert!(!n.in_markup(f..f + 3));
}

#[test]
fn bracketed_headings_are_brackets_in_a_negotiating_text() {
    let text = "[Article 1.2 - Exception culturelle]\n\n[Proposé par ARC : Le présent chapitre ne s'applique pas aux services audiovisuels.]";
    let n = read(text);
    assert_eq!(n.brackets.len(), 2);
    assert_eq!(
        bracketed_heading("[ARC propose: Article 14.5: Cultural Cooperation]"),
        Some("Article 14.5: Cultural Cooperation")
    );
    assert_eq!(bracketed_heading("[Article 3]"), Some("Article 3"));
    assert_eq!(bracketed_heading("Article 3"), None);
    // alone, a bracketed heading does not make a negotiating text
    assert!(read("[Article 1.2 - Exception culturelle]\nText.").is_empty());
}

#[test]
fn mask_keeps_offsets_and_lines() {
    let text = "ab [é\ncd] ef";
    let hidden = [3..text.find(']').unwrap() + 1, 0..0];
    let masked = mask(text, &hidden);
    assert_eq!(masked.len(), text.len());
    assert_eq!(masked, "ab    \n    ef");
    // a range cutting a character blanks all of it
    let hidden = [2..3, 0..0];
    let masked = mask("aé b", &hidden);
    assert_eq!(masked, "a   b");
}

#[test]
fn two_letter_country_codes_are_parties() {
    let s = spans("[NO/CH propose: Each Party may maintain measures on broadcasting.] [ID oppose]");
    assert_eq!(s[0].1, v(&["NO", "CH"]));
    assert_eq!(s[0].2, v(&["ID"]));
}

#[test]
fn more_spanish_and_french_forms() {
    let n = read("Siglas:\nARC = Arcadia\nBOR = Borealia\n\n[Proposición de Arcadia: Cada Parte podrá adoptar medidas.] [Proposition de l'ARC : Les Parties coopèrent.]\n[Nota: BOR se reserva su posición]\n");
    assert_eq!(n.brackets[0].positions.proposed_by, v(&["ARC"]));
    assert_eq!(n.brackets[1].positions.proposed_by, v(&["ARC"]));
    assert_eq!(n.brackets[1].positions.considering, v(&["BOR"]));
    let s = spans("[Chaque Partie peut soutenir le cinéma. (Arcadia)]");
    // an undeclared name in parentheses is not a tag
    assert!(s.is_empty() || s[0].1.is_empty());
}

#[test]
fn party_lists_inline_and_in_tables() {
    let listed = declared_parties("Parties: ARC – Arcadia; BOR – Borealia; COL – Colmena\n");
    let codes: Vec<&str> = listed.iter().map(|p| p.code.as_str()).collect();
    assert_eq!(codes, ["ARC", "BOR", "COL"]);
    let listed = declared_parties("Abbreviations\n| Code | Party |\n|---|---|\n| ARC | Arcadia |\n| BOR | Borealia |\n\nArticle 1");
    let names: Vec<&str> = listed.iter().filter_map(|p| p.name.as_deref()).collect();
    assert_eq!(names, ["Arcadia", "Borealia"]);
}

#[test]
fn asking_for_deletion_is_opposing() {
    let s = spans("[ARC: Each Party may maintain quotas for films.] [BOR asks for deletion] [COL pide la supresión]");
    assert_eq!(s[0].2, v(&["BOR", "COL"]));
}

#[test]
fn code_lists_in_brackets_after_a_clause() {
    // a WTO-style consolidated text: code lists, no verbs
    let text = "1. [Members shall not impose customs duties on electronic transmissions.] [US, JP, SG]\n[Alt: Members shall maintain the current practice of not imposing customs duties.] [IN, ZA]\n2. [Nothing in this Article shall prevent a Member from adopting cultural measures.] (CA, EU)\n";
    let s = spans(text);
    assert_eq!(s.len(), 3);
    assert_eq!(s[0].1, v(&["US", "JP", "SG"]));
    assert_eq!(s[1].1, v(&["IN", "ZA"]));
    assert_eq!(s[1].3.as_deref(), Some("Alt"));
    assert_eq!(s[2].1, v(&["CA", "EU"]));
    // a code in brackets alone does not make a negotiating text
    assert!(read("The Community [EC] and its Member States [EU].").is_empty());
}

#[test]
fn compound_tags_in_french_and_english() {
    let n = read("Parties: Arcadie (ARC), Boréalie (BOR), Colmena (COL)\n\n[Proposition de l'Arcadie : Le présent chapitre ne s'applique pas aux services audiovisuels.] [BOR et COL s'opposent]\n[ARC supports; BOR opposes: Each Party may support film.] [COL reserves its position]\n[Nota: COL está analizando su posición]\n");
    assert_eq!(n.brackets[0].positions.proposed_by, v(&["ARC"]));
    assert_eq!(n.brackets[0].positions.opposed_by, v(&["BOR", "COL"]));
    assert_eq!(n.brackets[1].positions.proposed_by, v(&["ARC"]));
    assert_eq!(n.brackets[1].positions.opposed_by, v(&["BOR"]));
    let mut c = n.brackets[1].positions.considering.clone();
    c.sort();
    assert_eq!(c, v(&["COL"]));
}

#[test]
fn party_headings_start_lines_in_any_case_and_may_run_over_a_line() {
    let codes = |text: &str| -> Vec<String> {
        declared_parties(text).into_iter().map(|p| p.code).collect()
    };
    // a heading split over two lines, accented capitals, a tab before it
    assert_eq!(
        codes("Preamble\nNegotiating\nParties: ARC – Arcadia; BOR – Borealia\n"),
        ["ARC", "BOR"]
    );
    assert_eq!(
        codes("\tDÉLÉGATIONS :\nARC : Arcadia\n\nArticle 1"),
        ["ARC"]
    );
    assert_eq!(codes("ſiglas\nARC – Arcadia\n"), ["ARC"]);
    // "parties:" inside a sentence is no heading
    assert!(codes("The following parties: ARC – Arcadia\n").is_empty());
    // every heading of the text is read, not only the first
    assert_eq!(
        codes("Abbreviations\nARC: Arcadia\n\nText.\nDelegations\nBOR – Borealia\n"),
        ["ARC", "BOR"]
    );
}

#[test]
fn brackets_without_a_letter_make_no_negotiating_text() {
    // a list of Parties, and brackets that are only numbers and ellipses
    let plain = "Parties: Arcadia (ARC), Borealia (BOR)\n\nArticle 1\nThe measures[1] of \
                 [2020] apply [...] as set out in [3].\n";
    let n = read(plain);
    assert!(n.brackets.is_empty() && n.parties.is_empty());
    // one lettered bracket in the same text is read with the Parties' codes
    let tagged = plain.replace(
        "[...]",
        "[ARC: and shall not apply to audiovisual services]",
    );
    let n = read(&tagged);
    assert_eq!(n.brackets.len(), 1);
    assert_eq!(n.brackets[0].positions.proposed_by, v(&["ARC"]));
    assert!(n.parties.iter().any(|p| p.code == "BOR"));
}

#[test]
fn spanish_and_french_tags_of_a_position_under_consideration() {
    for tag in [
        "[BOR: en consideración]",
        "[BOR: en estudio]",
        "[BOR está considerando su posición]",
        "[BOR considera su posición]",
        "[BOR : à l'examen]",
        "[BOR : à l'étude]",
        "[BOR considère sa position]",
        "[BOR : réserve d'examen]",
    ] {
        let n = read(&format!(
            "[ARC: Las Partes cooperarán en el sector audiovisual.] {tag}"
        ));
        assert_eq!(n.brackets.len(), 1, "{tag}");
        assert_eq!(n.brackets[0].positions.considering, v(&["BOR"]), "{tag}");
    }
}
