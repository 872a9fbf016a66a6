//! The name an agreement is listed under, and the Parties read from it, when
//! its text opens on a cover (an organisation, a document label) rather than
//! on its title.

#[path = "support/docx_writer.rs"]
mod docx_writer;

use docx_writer::{p, Docx};
use std::path::Path;
use treatyscan::provision::Agreement;

fn read(name: &str, text: &str) -> Agreement {
    treatyscan::source::load_bytes(Path::new(name), text.as_bytes()).unwrap()
}

/// A WTO document: the organisation and the document's label, a covering
/// statement, then the agreement under its own heading.
const WTO_COVER: &str = "\
**World Trade Organization**
**Document symbol** INF/ECOM/99

# JOINT STATEMENT INITIATIVE ON ELECTRONIC COMMERCE

The following communication is circulated at the request of the co-convenors.

We reaffirm the importance of supporting developing Members in implementing the Agreement on Electronic Commerce.

# AGREEMENT ON ELECTRONIC COMMERCE

## PREAMBLE

The Parties to this Agreement,

Recognizing the importance of electronic commerce;

## Article 1: Scope

1. This Agreement applies to measures adopted or maintained by a Party affecting trade by electronic means.
";

#[test]
fn a_cover_that_opens_on_an_organisation_gives_way_to_the_agreements_own_title() {
    let a = read("wto.md", WTO_COVER);
    assert_eq!(
        a.name().as_deref(),
        Some("AGREEMENT ON ELECTRONIC COMMERCE")
    );
}

/// The same cover as a Word file (pandoc's): each line a paragraph, with no
/// blank line around the title, which a text needs to set a title apart.
#[test]
fn a_word_files_cover_gives_way_to_the_agreements_own_title() {
    let body: String = WTO_COVER
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| p(l.trim_start_matches('#').trim().trim_matches('*')))
        .collect();
    let bytes = Docx::new(body).to_bytes();
    let a = treatyscan::source::load_bytes(Path::new("wto.docx"), &bytes).unwrap();
    assert_eq!(
        a.name().as_deref(),
        Some("AGREEMENT ON ELECTRONIC COMMERCE"),
        "{}",
        a.text.text
    );
}

/// A cover label, then the title set over two lines, as a PDF prints a long
/// one: the same name as the Word file the PDF was made from.
#[test]
fn a_title_below_a_cover_may_wrap() {
    let a = read(
        "waemu.txt",
        "WEST AFRICAN ECONOMIC AND MONETARY UNION (WAEMU)\n\nTRAITE MODIFIE DE L'UNION ECONOMIQUE ET MONETAIRE OUEST AFRICAINE\n(UEMOA)\n\nPREAMBULE\n\nLe Gouvernement de la République du Bénin,\n\nArticle premier\nTexte.\n",
    );
    assert_eq!(
        a.name().as_deref(),
        Some("TRAITE MODIFIE DE L'UNION ECONOMIQUE ET MONETAIRE OUEST AFRICAINE (UEMOA)")
    );
}

#[test]
fn a_stand_alone_e_commerce_agreement_under_a_cover_scopes_every_article_as_e_commerce() {
    // the title decides the scope: the Scope article is e-commerce too
    let a = read("wto.md", WTO_COVER);
    let rules = treatyscan::rules::RuleSet::builtin().unwrap();
    let options = treatyscan::review::ReviewOptions::default();
    let reviewed = treatyscan::review::review(&rules, &a, "wto.md", &options);
    let ecommerce: Vec<&str> = reviewed
        .findings
        .iter()
        .filter(|f| f.category.as_str() == "ecommerce")
        .map(|f| f.provision.path.as_str())
        .collect();
    assert!(
        ecommerce.iter().any(|p| p.ends_with("art1")),
        "{ecommerce:?}"
    );
}

#[test]
fn a_title_that_names_the_agreement_is_kept_and_a_sentence_is_not_taken_for_one() {
    // the first lines name the agreement: kept, over two lines
    let a = read(
        "rcep.txt",
        "REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP\nAGREEMENT\n\nThe Parties to this Agreement,\n\nArticle 1\nText.\n",
    );
    assert_eq!(
        a.name().as_deref(),
        Some("REGIONAL COMPREHENSIVE ECONOMIC PARTNERSHIP AGREEMENT")
    );
    // a cover label, and a title run into the next line: the label stays
    let a = read(
        "chl-mex.txt",
        "CHILE - MEXICO\n\nTratado de Libre Comercio entre el Gobierno de la República de Chile y el Gobierno de los\nEstados Unidos Mexicanos, decididos a:\n\nArtículo 1\nTexto.\n",
    );
    assert_eq!(a.name().as_deref(), Some("CHILE - MEXICO"));
}

#[test]
fn the_members_a_group_lists_in_brackets_are_parties() {
    let a = read(
        "canada-efta.txt",
        "Canada - European Free Trade Association (EFTA)\n\nFree Trade Agreement Between Canada and the States of the European Free Trade Association (Iceland, Liechtenstein, Norway and Switzerland)\n\nAnnex J - Referred to in Article 23\n\n1. Nothing in this Agreement shall be construed to apply to measures adopted or maintained by a Party with respect to cultural industries.\n",
    );
    assert_eq!(
        a.name().as_deref(),
        Some("Free Trade Agreement Between Canada and the States of the European Free Trade Association (Iceland, Liechtenstein, Norway and Switzerland)")
    );
    assert_eq!(
        treatyscan::provision::parties::infer(&a),
        ["CAN", "ISL", "LIE", "NOR", "CHE"]
    );
}

/// A web page's breadcrumb trail above the title is no name, in any of the
/// three languages, whether the site marks it or not.
#[test]
fn a_breadcrumb_trail_is_no_name() {
    for crumb in [
        "You are here: Home > Agreements > Agreement Costalina - Montevera",
        "Usted está en: Inicio > Acuerdos > Acuerdo Costalina - Montevera",
        "Vous êtes ici : Accueil > Accords > Accord Costalina - Montevera",
        "Inicio > Acuerdos > Acuerdo Costalina - Montevera",
    ] {
        let page = format!(
            "<html><body><p>{crumb}</p><h1>Acuerdo de Asociación Económica entre la República de Costalina y la República de Montevera</h1><h3>Artículo 2.1: Derechos aduaneros</h3><p>1. Ninguna Parte impondrá derechos aduaneros a las transmisiones electrónicas.</p></body></html>"
        );
        let a = read("page.html", &page);
        assert_eq!(
            a.name().as_deref(),
            Some("Acuerdo de Asociación Económica entre la República de Costalina y la República de Montevera"),
            "{crumb}"
        );
    }
}
