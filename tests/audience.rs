//! Table-driven checks of the audience filter on locations and sectors as
//! LinkedIn and Viadeo show them, in French and English: the verdict and the
//! path that decided it.

use poignee::audience::{AudienceFilter, Decision};
use poignee::target::Target;

use Decision::{In, Out, Unknown};

fn verdict(
    filter: &AudienceFilter,
    region: Option<&str>,
    sector: Option<&str>,
) -> (Decision, String) {
    let audience = filter.compile().expect("the filter compiles");
    let target = Target {
        region: region.map(Into::into),
        sector: sector.map(Into::into),
        ..Target::default()
    };
    let v = audience.verdict(Some(&target));
    (v.decision, v.why().en)
}

/// regions = ["Auvergne-Rhône-Alpes"]: (location, verdict, a piece of the reason).
const LOCATIONS: &[(&str, Decision, &str)] = &[
    // LinkedIn's own formats.
    (
        "Lyon, Auvergne-Rhône-Alpes, France",
        In,
        "Lyon → Rhône (69) → Auvergne-Rhône-Alpes",
    ),
    (
        "Grenoble, Auvergne-Rhône-Alpes, France",
        In,
        "Grenoble → Isère (38)",
    ),
    ("Auvergne-Rhône-Alpes, France", In, "Auvergne-Rhône-Alpes"),
    ("Auvergne-Rhone-Alpes", In, "Auvergne-Rhône-Alpes"),
    (
        "Région de Lyon, France",
        In,
        "Greater Lyon Area → Auvergne-Rhône-Alpes",
    ),
    ("Greater Lyon Area", In, "Greater Lyon Area"),
    ("Lyon et périphérie", In, "Greater Lyon Area"),
    ("Rhône, France", In, "Rhône (69)"),
    ("Rhône-Alpes", In, "Rhône-Alpes → Auvergne-Rhône-Alpes"),
    ("Auvergne, France", In, "Auvergne → Auvergne-Rhône-Alpes"),
    (
        "Clermont-Ferrand, Auvergne-Rhône-Alpes, France",
        In,
        "Puy-de-Dôme (63)",
    ),
    (
        "Saint-Étienne, Auvergne-Rhône-Alpes, France",
        In,
        "Loire (42)",
    ),
    // Viadeo and hand-typed forms.
    (
        "Villeurbanne (69)",
        In,
        "Villeurbanne → Rhône (69) → Auvergne-Rhône-Alpes",
    ),
    ("Villeurbanne", In, "Villeurbanne → Rhône (69)"),
    ("Grenoble", In, "Grenoble → Isère (38)"),
    ("69003", In, "Lyon → Rhône (69)"),
    ("69100 Villeurbanne", In, "Villeurbanne"),
    ("38000", In, "Isère (38)"),
    ("LYON", In, "Lyon"),
    ("lyon, france", In, "Lyon"),
    ("St-Étienne", In, "Saint-Étienne"),
    ("St Etienne (42)", In, "Saint-Étienne"),
    ("Annecy, Haute-Savoie", In, "Annecy → Haute-Savoie (74)"),
    ("Chambéry / Savoie", In, "Savoie (73)"),
    ("Région de Grenoble", In, "Greater Grenoble Area"),
    // LinkedIn's metropolitan area of the city, where it has one.
    (
        "Région d'Annecy",
        In,
        "Greater Annecy Area → Auvergne-Rhône-Alpes",
    ),
    ("Grand Lyon", In, "Greater Lyon Area → Auvergne-Rhône-Alpes"),
    ("Région de Valence", In, "Drôme (26)"),
    ("Isère", In, "Isère (38)"),
    ("Drôme", In, "Drôme (26)"),
    ("Ain (01)", In, "Ain (01)"),
    ("Valence, Drôme", In, "Drôme (26)"),
    // Elsewhere in France: out, with the path.
    ("Lille", Out, "Lille → Nord (59) → Hauts-de-France"),
    ("Lille, Hauts-de-France, France", Out, "Hauts-de-France"),
    (
        "Greater Paris Metropolitan Region",
        Out,
        "Greater Paris Area → Île-de-France",
    ),
    ("Paris et périphérie", Out, "Île-de-France"),
    ("Région de Paris, France", Out, "Île-de-France"),
    ("Paris", Out, "Paris → Paris (75) → Île-de-France"),
    ("75008", Out, "Paris"),
    ("Boulogne-Billancourt (92)", Out, "Hauts-de-Seine (92)"),
    ("92100", Out, "Hauts-de-Seine (92)"),
    ("La Défense", Out, "Hauts-de-Seine (92)"),
    (
        "Marseille, Provence-Alpes-Côte d'Azur, France",
        Out,
        "Bouches-du-Rhône (13)",
    ),
    ("Toulouse et périphérie", Out, "Occitanie"),
    ("Bordeaux", Out, "Gironde (33)"),
    ("Nantes, Pays de la Loire", Out, "Loire-Atlantique (44)"),
    ("Rennes", Out, "Ille-et-Vilaine (35)"),
    ("Strasbourg", Out, "Bas-Rhin (67)"),
    ("Alsace", Out, "Alsace → Grand Est"),
    ("Nord-Pas-de-Calais", Out, "Hauts-de-France"),
    ("Ajaccio, Corse, France", Out, "Corse-du-Sud (2A)"),
    ("20200", Out, "Haute-Corse (2B)"),
    (
        "Saint-Denis, Île-de-France, France",
        Out,
        "Seine-Saint-Denis (93)",
    ),
    ("Saint-Denis (93)", Out, "Seine-Saint-Denis (93)"),
    ("Saint-Denis, La Réunion", Out, "La Réunion (974)"),
    ("97400", Out, "La Réunion (974)"),
    ("Genève, Suisse", Out, "Suisse"),
    ("Geneva, Switzerland", Out, "Switzerland"),
    ("Bruxelles, Belgique", Out, "Belgique"),
    ("Montréal, Québec, Canada", Out, "Canada"),
    // Ambiguous, never guessed.
    ("Saint-Denis", Unknown, "ambiguous"),
    ("Saint-Denis, France", Unknown, "ambiguous"),
    // Outside the data: unknown, not out.
    ("Genève", Unknown, "not in the shipped data"),
    ("Geneva", Unknown, "not in the shipped data"),
    ("Trifouilly-les-Oies", Unknown, "not in the shipped data"),
    ("Remote", Unknown, "not in the shipped data"),
    ("Télétravail", Unknown, "not in the shipped data"),
    // Wider than the filter: cannot tell.
    ("France", Unknown, "wider than your audience"),
    ("Europe", Unknown, "not in the shipped data"),
];

#[test]
fn locations() {
    let filter = AudienceFilter {
        regions: vec!["Auvergne-Rhône-Alpes".into()],
        ..AudienceFilter::default()
    };
    let mut failures = Vec::new();
    for &(location, expected, why) in LOCATIONS {
        let (decision, reason) = verdict(&filter, Some(location), None);
        if decision != expected || !reason.contains(why) {
            failures.push(format!(
                "{location}: {decision:?}, {reason} (expected {expected:?}, “{why}”)"
            ));
        }
    }
    assert!(LOCATIONS.len() >= 60);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn include_and_exclude_at_any_level() {
    let filter = AudienceFilter {
        regions: vec!["Île-de-France".into(), "Lyon".into()],
        exclude_regions: vec!["Hauts-de-Seine".into()],
        ..AudienceFilter::default()
    };
    let table: &[(&str, Decision, &str)] = &[
        ("Paris", In, "in your audience (“Île-de-France”)"),
        ("Créteil (94)", In, "Val-de-Marne (94)"),
        ("Boulogne-Billancourt", Out, "excluded by “Hauts-de-Seine”"),
        ("92100", Out, "excluded by “Hauts-de-Seine”"),
        ("Lyon 3e, 69003", In, "“Lyon”"),
        (
            "Villeurbanne",
            Out,
            "outside your audience (Île-de-France, Lyon)",
        ),
        ("Région de Lyon", Unknown, "wider than your audience"),
        (
            "Île-de-France",
            Unknown,
            "wider than the exclusion “Hauts-de-Seine”",
        ),
    ];
    for &(location, expected, why) in table {
        let (decision, reason) = verdict(&filter, Some(location), None);
        assert!(
            decision == expected && reason.contains(why),
            "{location}: {decision:?}, {reason}"
        );
    }
}

/// sectors = ["Technology, Information and Media"], exclude_sectors =
/// ["Staffing and Recruiting"].
const SECTORS: &[(&str, Decision, &str)] = &[
    (
        "Software Development",
        In,
        "Software Development → Technology, Information and Internet → Technology, Information and Media",
    ),
    ("software development", In, "Software Development"),
    ("Développement de logiciels", In, "Software Development"),
    ("developpement de logiciels", In, "Software Development"),
    (
        "Technology, Information and Media",
        In,
        "Technology, Information and Media",
    ),
    (
        "Technology, Information and Internet",
        In,
        "Technology, Information and Internet",
    ),
    (
        "Computer Games",
        In,
        "Computer Games → Software Development",
    ),
    ("Jeux vidéo", In, "Computer Games"),
    (
        "Mobile Gaming Apps",
        In,
        "Mobile Gaming Apps → Computer Games",
    ),
    (
        "Data Security Software Products",
        In,
        "Software Development",
    ),
    ("Telecommunications", In, "Telecommunications"),
    ("Télécommunications", In, "Telecommunications"),
    (
        "Book and Periodical Publishing",
        In,
        "Technology, Information and Media",
    ),
    (
        "Broadcast Media Production and Distribution",
        In,
        "Technology, Information and Media",
    ),
    (
        "Media & Telecommunications",
        In,
        "Technology, Information and Media",
    ),
    (
        "Internet Publishing",
        In,
        "Technology, Information and Media",
    ),
    ("Computer Software", In, "Software Development"),
    ("Logiciels informatiques", In, "Software Development"),
    ("Internet", In, "Technology, Information and Internet"),
    ("Online Media", In, "Technology, Information and Media"),
    ("Newspapers", In, "Newspaper Publishing"),
    (
        "Movies, Videos, and Sound",
        In,
        "Technology, Information and Media",
    ),
    // Out, with the path.
    (
        "IT Services and IT Consulting",
        Out,
        "IT Services and IT Consulting → Professional Services",
    ),
    (
        "Services et conseil en informatique",
        Out,
        "Professional Services",
    ),
    (
        "Information Technology and Services",
        Out,
        "IT Services and IT Consulting",
    ),
    ("Marketing Services", Out, "Professional Services"),
    ("Advertising Services", Out, "Professional Services"),
    ("Marketing and Advertising", Out, "Advertising Services"),
    ("Banking", Out, "Financial Services"),
    ("Banques", Out, "Banking"),
    (
        "Hospitals and Health Care",
        Out,
        "Hospitals and Health Care",
    ),
    (
        "Hôpitaux et services de santé",
        Out,
        "Hospitals and Health Care",
    ),
    ("Higher Education", Out, "Education"),
    ("Enseignement supérieur", Out, "Higher Education"),
    ("Construction", Out, "Construction"),
    ("Retail", Out, "Retail"),
    (
        "Management Consulting",
        Out,
        "Business Consulting and Services",
    ),
    (
        "Staffing and Recruiting",
        Out,
        "excluded by “Staffing and Recruiting”",
    ),
    ("Recrutement et placement de personnel", Out, "excluded by"),
    ("Staffing & Recruiting", Out, "excluded by"),
    ("Executive Search Services", Out, "excluded by"),
    // Unknown.
    ("Crypto", Unknown, "not in the shipped data"),
    ("Web3 & NFT", Unknown, "not in the shipped data"),
    ("", Unknown, "sector is unknown"),
];

#[test]
fn sectors() {
    let filter = AudienceFilter {
        sectors: vec!["Technology, Information and Media".into()],
        exclude_sectors: vec!["Staffing and Recruiting".into()],
        ..AudienceFilter::default()
    };
    let mut failures = Vec::new();
    for &(sector, expected, why) in SECTORS {
        let (decision, reason) = verdict(&filter, None, Some(sector));
        if decision != expected || !reason.contains(why) {
            failures.push(format!(
                "{sector}: {decision:?}, {reason} (expected {expected:?}, “{why}”)"
            ));
        }
    }
    assert!(SECTORS.len() >= 40);
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn both_fields_must_hold_and_the_out_one_is_named() {
    let filter = AudienceFilter {
        regions: vec!["Auvergne-Rhône-Alpes".into()],
        sectors: vec!["Technology, Information and Media".into()],
        ..AudienceFilter::default()
    };
    let (d, why) = verdict(&filter, Some("Lyon"), Some("Software Development"));
    assert_eq!(d, In, "{why}");
    let (d, why) = verdict(&filter, Some("Lyon"), Some("Banking"));
    assert_eq!(d, Out);
    assert!(why.starts_with("sector “Banking”"), "{why}");
    let (d, why) = verdict(&filter, Some("Genève"), Some("Banking"));
    assert_eq!(d, Out, "an out field decides over an unknown one: {why}");
}
