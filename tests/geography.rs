//! Place names as people write them, against every French commune
//! (`data/reference/fr-communes.tsv`): arrondissements, communes déléguées,
//! overseas, homonyms with their candidates and resolved with a code,
//! LinkedIn's forms, « St » / « Ste », articles, abbreviations, postal codes.
//! Each row says where the place must land: the département (or overseas
//! collectivity) and the place's own name, or the départements of the
//! candidates of an ambiguous name, or nowhere.

use poignee::audience::data::{GEO, resolve_place};
use poignee::audience::taxonomy::{Kind, NodeId, Resolved};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    /// One place: its département's code ("" above the départements) and
    /// its name.
    At(&'static str, &'static str),
    /// Ambiguous: the départements of the candidates, in order.
    Among(&'static [&'static str]),
    Unknown,
}

use Want::{Among, At, Unknown};

const PLACES: &[(&str, Want)] = &[
    // Arrondissements of Paris, Lyon and Marseille.
    ("Paris 8e", At("75", "Paris 8e Arrondissement")),
    ("Paris 08", At("75", "Paris 8e Arrondissement")),
    (
        "Paris 8ème arrondissement",
        At("75", "Paris 8e Arrondissement"),
    ),
    ("Paris (8e)", At("75", "Paris 8e Arrondissement")),
    ("75008", At("75", "Paris 8e Arrondissement")),
    ("Paris 75008", At("75", "Paris 8e Arrondissement")),
    ("Paris 75", At("75", "Paris")),
    ("Paris 1er", At("75", "Paris 1er Arrondissement")),
    ("75116", At("75", "Paris 16e Arrondissement")),
    ("Paris 21e", Unknown),
    ("Lyon 3e arrondissement", At("69", "Lyon 3e Arrondissement")),
    ("Lyon 3e", At("69", "Lyon 3e Arrondissement")),
    ("69003", At("69", "Lyon 3e Arrondissement")),
    ("Lyon 69", At("69", "Lyon")),
    ("Marseille 13013", At("13", "Marseille 13e Arrondissement")),
    ("13013 Marseille", At("13", "Marseille 13e Arrondissement")),
    ("Marseille 1er", At("13", "Marseille 1er Arrondissement")),
    ("Marseille 13", At("13", "Marseille")),
    // Communes déléguées, under their commune.
    ("Annecy-le-Vieux", At("74", "Annecy-le-Vieux")),
    ("Annecy le Vieux (74)", At("74", "Annecy-le-Vieux")),
    (
        "Annecy-le-Vieux, Auvergne-Rhône-Alpes, France",
        At("74", "Annecy-le-Vieux"),
    ),
    ("Cherbourg-Octeville", At("50", "Cherbourg-Octeville")),
    ("Cherbourg", At("50", "Cherbourg-en-Cotentin")),
    // Overseas: départements and collectivities.
    (
        "Saint-Pierre-et-Miquelon",
        At("975", "Saint-Pierre-et-Miquelon"),
    ),
    (
        "Saint-Pierre, Saint-Pierre-et-Miquelon",
        At("975", "Saint-Pierre"),
    ),
    ("Miquelon-Langlade", At("975", "Miquelon-Langlade")),
    ("97500", At("975", "Saint-Pierre-et-Miquelon")),
    ("Saint-Barthélemy", At("977", "Saint-Barthélemy")),
    ("St-Barth", At("977", "Saint-Barthélemy")),
    ("97133", At("977", "Saint-Barthélemy")),
    ("Saint-Martin", At("978", "Saint-Martin")),
    ("Mayotte", At("", "Mayotte")),
    ("Mamoudzou", At("976", "Mamoudzou")),
    ("Dzaoudzi", At("976", "Dzaoudzi")),
    ("97600", At("976", "Mayotte")),
    ("Nouméa", At("988", "Nouméa")),
    ("Papeete", At("987", "Papeete")),
    ("Tahiti", At("987", "Polynésie française")),
    ("Fort-de-France", At("972", "Fort-de-France")),
    ("Cayenne", At("973", "Cayenne")),
    (
        "Saint-Laurent-du-Maroni",
        At("973", "Saint-Laurent-du-Maroni"),
    ),
    ("Le Tampon", At("974", "Le Tampon")),
    // Homonyms: ambiguous with their candidates, resolved by a
    // département, a region or a postal code.
    ("Saint-Denis", Among(&["93", "974"])),
    ("Saint-Denis, France", Among(&["93", "974"])),
    ("Saint-Denis (93)", At("93", "Saint-Denis")),
    ("Saint-Denis 974", At("974", "Saint-Denis")),
    ("Saint-Denis, La Réunion", At("974", "Saint-Denis")),
    ("97400 Saint-Denis", At("974", "Saint-Denis")),
    ("Saint-Denis 93200", At("93", "Saint-Denis")),
    ("Saint-Denis 11", At("11", "Saint-Denis")),
    ("Saint-Denis, Aude", At("11", "Saint-Denis")),
    (
        "Sainte-Marie",
        Among(&["08", "15", "25", "32", "35", "58", "65", "972", "974"]),
    ),
    ("Sainte-Marie (974)", At("974", "Sainte-Marie")),
    ("Sainte-Marie, Martinique", At("972", "Sainte-Marie")),
    ("Sainte-Marie 97438", At("974", "Sainte-Marie")),
    ("Saint-Pierre", At("974", "Saint-Pierre")),
    ("Saint-Pierre 972", At("972", "Saint-Pierre")),
    ("Vienne", Among(&["86", "38"])),
    ("Lagarde", Among(&["09", "31", "32", "57", "65"])),
    ("Lagarde (31)", At("31", "Lagarde")),
    ("Boulogne", Among(&["92", "62", "85"])),
    ("Boulogne (92)", At("92", "Boulogne-Billancourt")),
    ("Aix", Among(&["13", "73", "19"])),
    ("Aix (13)", At("13", "Aix-en-Provence")),
    ("Clermont", Among(&["63", "60"])),
    // A town far larger than the other communes of its name is the one.
    ("Saint-Priest", At("69", "Saint-Priest")),
    ("Valence", At("26", "Valence")),
    // A region or département before a village of the same name.
    ("Bretagne", At("", "Bretagne")),
    ("Bretagne (36)", At("36", "Bretagne")),
    ("Mayenne", At("53", "Mayenne")),
    // LinkedIn's forms.
    ("Greater Lyon Area", At("", "Région de Lyon")),
    ("Lyon et périphérie", At("", "Région de Lyon")),
    (
        "Greater Paris Metropolitan Region",
        At("", "Région de Paris"),
    ),
    ("Paris La Défense", At("92", "La Défense")),
    ("Lyon, Auvergne-Rhône-Alpes, France", At("69", "Lyon")),
    ("Le Havre, Normandie, France", At("76", "Le Havre")),
    ("Région de Valence", At("26", "Drôme")),
    // "Greater Lyon" is LinkedIn's "Greater Lyon Area", where there is one.
    ("Grand Paris", At("", "Région de Paris")),
    ("Greater Lyon", At("", "Région de Lyon")),
    ("Grand Lyon", At("", "Région de Lyon")),
    ("Greater Paris", At("", "Région de Paris")),
    ("Greater Lyon Area, France", At("", "Région de Lyon")),
    // Regions as French people write them, and parts of France no
    // administration draws.
    ("IDF", At("", "Île-de-France")),
    ("Paris, IDF", At("75", "Paris")),
    ("PACA", At("", "Provence-Alpes-Côte d'Azur")),
    ("Région Sud", At("", "Provence-Alpes-Côte d'Azur")),
    ("AURA", At("", "Auvergne-Rhône-Alpes")),
    ("ARA", At("", "Auvergne-Rhône-Alpes")),
    ("Lyon (AURA)", At("69", "Lyon")),
    ("BFC", At("", "Bourgogne-Franche-Comté")),
    ("HDF", At("", "Hauts-de-France")),
    ("Lille, HDF", At("59", "Lille")),
    ("CVL", At("", "Centre-Val de Loire")),
    ("Côte d'Azur", At("", "Côte d'Azur")),
    ("cote d azur", At("", "Côte d'Azur")),
    ("French Riviera", At("", "Côte d'Azur")),
    ("Nice, Côte d'Azur", At("06", "Nice")),
    ("Côte d'Azur, France", At("", "Côte d'Azur")),
    ("Provence", At("", "Provence")),
    ("Aix-en-Provence, Provence", At("13", "Aix-en-Provence")),
    ("Pays de Savoie", At("", "Pays de Savoie")),
    ("Lyon, PACA", Unknown),
    // « St », « Ste », case, accents, hyphens and spaces.
    ("St-Étienne", At("42", "Saint-Étienne")),
    ("SAINT ETIENNE", At("42", "Saint-Étienne")),
    ("SaintEtienne", At("42", "Saint-Étienne")),
    (
        "St Etienne du Rouvray (76)",
        At("76", "Saint-Étienne-du-Rouvray"),
    ),
    ("Ste-Maxime", At("83", "Sainte-Maxime")),
    (
        "Ste Genevieve des Bois",
        At("91", "Sainte-Geneviève-des-Bois"),
    ),
    // Articles, before, after or left out.
    ("Le Havre", At("76", "Le Havre")),
    ("Havre (Le)", At("76", "Le Havre")),
    ("Havre", At("76", "Le Havre")),
    ("Les Sables-d'Olonne", At("85", "Les Sables-d'Olonne")),
    ("Sables-d'Olonne (Les)", At("85", "Les Sables-d'Olonne")),
    ("Sables d’Olonne", At("85", "Les Sables-d'Olonne")),
    ("Isle-Adam (L')", At("95", "L'Isle-Adam")),
    ("Rochelle (La)", At("17", "La Rochelle")),
    // Abbreviations.
    ("Clermont-Fd", At("63", "Clermont-Ferrand")),
    ("Mt-de-Marsan", At("40", "Mont-de-Marsan")),
    ("Chalon s/ Saône", At("71", "Chalon-sur-Saône")),
    // Postal codes: the commune, or the département a shared code serves.
    ("20200", At("2B", "Haute-Corse")),
    ("74370", At("74", "Haute-Savoie")),
    ("92100", At("92", "Boulogne-Billancourt")),
    ("38000", At("38", "Grenoble")),
    ("92081", At("92", "Hauts-de-Seine")),
    // Abroad, and nowhere.
    ("Montréal, Québec, Canada", At("", "Canada")),
    ("Trifouilly-les-Oies", Unknown),
    ("Remote", Unknown),
    ("Paris / Lyon", Unknown),
];

/// The code of the département or collectivity a place lies in, "" above.
fn departement(id: NodeId) -> &'static str {
    let tree = &GEO.tree;
    tree.chain(id)
        .map(|n| tree.node(n))
        .find(|n| matches!(n.kind, Kind::Departement | Kind::Collectivity))
        .map_or("", |n| n.code.as_ref())
}

fn got(text: &str) -> (Want, String) {
    let tree = &GEO.tree;
    let resolved = resolve_place(text, &HashMap::new()).resolved;
    let path = |id: NodeId| tree.path(id).fr;
    match resolved {
        Resolved::One(id) => {
            let name: &'static str = tree.node(id).fr.as_ref();
            (At(departement(id), name), path(id))
        }
        Resolved::Ambiguous(ids) => {
            let deps: Vec<&'static str> = ids.iter().map(|&id| departement(id)).collect();
            let shown = ids.iter().map(|&id| path(id)).collect::<Vec<_>>();
            (Among(deps.leak()), shown.join(" | "))
        }
        Resolved::None => (Unknown, String::new()),
    }
}

#[test]
fn places_as_people_write_them() {
    let mut failures = Vec::new();
    for &(text, want) in PLACES {
        let (found, path) = got(text);
        if found != want {
            failures.push(format!("{text}: {found:?} ({path}), expected {want:?}"));
        }
    }
    assert!(PLACES.len() >= 60, "{}", PLACES.len());
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The candidates of an ambiguous name are all of that name, and each is
/// told apart by its département: "Saint-Denis (11)".
#[test]
fn every_candidate_resolves_with_its_departement() {
    for &(text, want) in PLACES {
        let Among(deps) = want else { continue };
        for dep in deps {
            let qualified = format!("{text} ({dep})");
            let (found, path) = got(&qualified);
            assert!(
                matches!(found, At(d, _) if d == *dep),
                "{qualified}: {found:?} ({path})"
            );
        }
    }
}
