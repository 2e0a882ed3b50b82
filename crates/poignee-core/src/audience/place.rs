//! Reading a place as people write it: « Paris 8e », "Havre (Le)",
//! "Saint-Denis 974", « Clermont-Fd », "13013 Marseille", "Greater Lyon
//! Area", "Sainte-Marie, La Réunion". Each part of the string (between
//! commas, brackets or slashes) names candidates, and the parts must agree
//! ([`Taxonomy::combine`](super::taxonomy::Taxonomy::combine)): "Saint-Denis"
//! is ambiguous, "Saint-Denis (93)" is not.

use super::data::{GEO, Geo, Resolution, resolution, strip_metro};
use super::taxonomy::{Kind, NodeId, Resolved, key};
use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;

/// How far a name reaches among the places that bear it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    /// The places people mean: a region, département, country or listed city
    /// (`fr-cities.csv`) before any commune of that name (« Valence » is the
    /// Drôme's, « Bretagne » the region); among communes alone, a town far
    /// larger than the others of its name (see [`TOWN`]).
    Likely,
    /// Every place of that name, when the likely ones do not fit the rest of
    /// the string ("Saint-Pierre, Saint-Pierre-et-Miquelon", "Bretagne (36)").
    Every,
}

/// A commune of at least this many inhabitants, and [`TIMES_LARGER`] times
/// larger than every other commune of its name, is the one its name means
/// (Saint-Priest: 49,000 in the Rhône, 1,300 in the Ardèche). Otherwise the
/// name stays ambiguous (Sainte-Marie: 37,000 at La Réunion, 15,000 in
/// Martinique), as do two villages of the same size.
const TOWN: u32 = 10_000;
const TIMES_LARGER: u32 = 10;

/// Abbreviations of words in commune names as people write them
/// (« Clermont-Fd », « Mt-de-Marsan »); « St » and « Ste » are read by [`key`].
const ABBREVIATIONS: [(&str, &str); 4] = [
    ("fd", "ferrand"),
    ("mt", "mont"),
    ("gd", "grand"),
    ("pt", "pont"),
];

/// The words that may follow an arrondissement's number.
const ARRONDISSEMENT: [&str; 5] = ["arrondissement", "arr", "arrt", "arrdt", "ardt"];

/// Ordinal endings once folded: 1er, 1re, 2e, 2ème, 2nd, 3rd, 8th.
const ORDINALS: [&str; 12] = [
    "e", "er", "re", "ere", "eme", "ieme", "em", "me", "st", "nd", "rd", "th",
];

/// The articles a commune's name may begin with, and that INSEE's older
/// lists put last: "Havre (Le)".
const ARTICLES: [&str; 4] = ["le", "la", "les", "l"];

/// What one part of a location string names.
#[derive(Debug)]
struct Part<'a> {
    ids: Vec<NodeId>,
    /// Only communes, or a postal code: a foreign city that bears a French
    /// commune's name ("Montréal, Québec, Canada"), a foreign postal code
    /// ("10001 New York, USA"), can be set aside.
    communes_only: bool,
    /// A postal code: its communes may be read together as their département.
    postal: bool,
    text: Cow<'a, str>,
}

/// Resolves a location as LinkedIn and Viadeo show it ("Lyon,
/// Auvergne-Rhône-Alpes, France", "Villeurbanne (69)", "69003", "Région de
/// Paris") or as a person types it ("Paris 8e", "Saint-Denis 974",
/// "Annecy-le-Vieux"). `extra` holds the user's aliases, by [`key`].
pub fn resolve_place(text: &str, extra: &HashMap<String, Vec<NodeId>>) -> Resolution {
    let geo = &*GEO;
    let whole = key(text);
    if let Some(ids) = extra.get(&whole) {
        return resolution(geo.tree.combine(std::slice::from_ref(ids)), Vec::new());
    }
    if let Some(id) = geo.exact(&whole) {
        return resolution(Resolved::One(id), Vec::new());
    }
    let texts = parts(text);
    let likely = Reader::new(geo, extra, Reach::Likely);
    let (mut parts, mut unknown) = likely.read(&texts);
    let mut resolved = agree(geo, &parts);
    if resolved == Resolved::None && likely.narrowed.get() {
        (parts, unknown) = Reader::new(geo, extra, Reach::Every).read(&texts);
        resolved = agree(geo, &parts);
    }
    if resolved == Resolved::None {
        // "Montréal, Québec, Canada": the country holds, the commune of
        // that name in the Aude does not. ("Paris / Lyon" stays unknown.)
        let (strong, weak): (Vec<&Part>, Vec<&Part>) = parts.iter().partition(|p| !p.communes_only);
        let abroad = |p: &&Part| {
            p.ids
                .iter()
                .all(|&id| geo.france.is_none_or(|fr| !geo.tree.contains(fr, id)))
        };
        if !weak.is_empty() && !strong.is_empty() && strong.iter().all(abroad) {
            let ids: Vec<&[NodeId]> = strong.iter().map(|p| p.ids.as_slice()).collect();
            resolved = geo.tree.combine(&ids);
            unknown.extend(weak.iter().map(|p| p.text.to_string()));
        }
    }
    resolution(by_postal_code(geo, resolved, &parts), unknown)
}

fn agree(geo: &Geo, parts: &[Part<'_>]) -> Resolved {
    if parts.is_empty() {
        return Resolved::None;
    }
    let ids: Vec<&[NodeId]> = parts.iter().map(|p| p.ids.as_slice()).collect();
    geo.tree.combine(&ids)
}

/// A postal code serving several communes ("20200": Bastia and three
/// villages) names the département they share, rather than none of them.
fn by_postal_code(geo: &Geo, resolved: Resolved, parts: &[Part<'_>]) -> Resolved {
    let Resolved::Ambiguous(ids) = &resolved else {
        return resolved;
    };
    if !parts.iter().any(|p| p.postal) {
        return resolved;
    }
    match geo.tree.common_ancestor(ids) {
        Some(a)
            if matches!(
                geo.tree.node(a).kind,
                Kind::Departement | Kind::Collectivity | Kind::City
            ) =>
        {
            Resolved::One(a)
        }
        _ => resolved,
    }
}

/// The parts of a location between commas, brackets and slashes. An article
/// or an ordinal alone in brackets goes back to its name: "Havre (Le)" →
/// "Le Havre", « Paris (8e) » → « Paris 8e ». « s/ » is "sur", not a slash.
fn parts(text: &str) -> Vec<Text> {
    let text = sur(text);
    let mut out: Vec<Text> = Vec::new();
    for part in text
        .split([',', '(', ')', '/', ';', '|', '·'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let k = key(part);
        match out.last_mut() {
            Some(prev) if ARTICLES.contains(&k.as_str()) => {
                prev.text = format!("{part} {}", prev.text);
                prev.key = key(&prev.text);
            }
            Some(prev) if is_ordinal_tail(&k) => {
                prev.text = format!("{} {part}", prev.text);
                prev.key = key(&prev.text);
            }
            _ => out.push(Text {
                text: part.to_string(),
                key: k,
            }),
        }
    }
    out
}

/// A part of a location string, with its [`key`], computed once for both
/// readings.
struct Text {
    text: String,
    key: String,
}

/// « Chalon s/ Saône », « Boulogne-s/-Mer »: « s/ » after a space or a
/// hyphen spelt out as "sur".
fn sur(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let at = |i: usize| bytes[i..].starts_with(b"s/") || bytes[i..].starts_with(b"S/");
    let starts = |i: usize| i == 0 || matches!(bytes[i - 1], b' ' | b'-');
    if !(0..bytes.len()).any(|i| at(i) && starts(i)) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < bytes.len() {
        if at(i) && starts(i) {
            out.push_str("sur ");
            i += 2;
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    out.into()
}

/// "8e", "1er arrondissement": an arrondissement without its city.
fn is_ordinal_tail(k: &str) -> bool {
    let mut words = k.split(' ');
    words.next().and_then(ordinal).is_some()
        && words.next().is_none_or(|w| ARRONDISSEMENT.contains(&w))
        && words.next().is_none()
}

/// The number of an ordinal ("8e", "1er", "2eme", "3rd"), if the word is one.
fn ordinal(word: &str) -> Option<u32> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    let (number, ending) = word.split_at(digits);
    ((1..=2).contains(&number.len()) && ORDINALS.contains(&ending))
        .then(|| number.parse().ok())
        .flatten()
}

/// One reading of a location string: the data, the user's aliases, and
/// how far a name reaches.
struct Reader<'a> {
    geo: &'a Geo,
    extra: &'a HashMap<String, Vec<NodeId>>,
    reach: Reach,
    /// Set when a name's likely places left others of that name out: only
    /// then can a second reading, with every homonym, find more.
    narrowed: Cell<bool>,
}

impl<'a> Reader<'a> {
    fn new(geo: &'a Geo, extra: &'a HashMap<String, Vec<NodeId>>, reach: Reach) -> Self {
        Reader {
            geo,
            extra,
            reach,
            narrowed: Cell::new(false),
        }
    }

    /// Reads every part: postal codes apart from the names beside them
    /// ("69100 Villeurbanne"). Returns the parts and the text that named
    /// nothing.
    fn read<'t>(&self, texts: &'t [Text]) -> (Vec<Part<'t>>, Vec<String>) {
        let mut parts = Vec::new();
        let mut unknown = Vec::new();
        for Text { text, key: k } in texts {
            let mut rest = Vec::new();
            let mut codes = 0;
            for word in text.split_whitespace() {
                match self.geo.postal_places(word) {
                    Some(ids) => {
                        codes += 1;
                        parts.push(Part {
                            ids,
                            communes_only: true,
                            postal: true,
                            text: word.into(),
                        });
                    }
                    None => rest.push(word),
                }
            }
            let (rest, k): (Cow<str>, Cow<str>) = match codes {
                0 => (text.into(), k.into()),
                _ => {
                    let rest = rest.join(" ");
                    let k = key(&rest);
                    (rest.into(), k.into())
                }
            };
            if rest.is_empty() {
                continue;
            }
            match self.place_candidates(&rest, &k) {
                Some(ids) => parts.push(Part {
                    communes_only: communes_only(self.geo, &ids),
                    ids,
                    postal: false,
                    text: rest,
                }),
                None if codes == 0 => unknown.push(rest.into_owned()),
                None => {}
            }
        }
        (parts, unknown)
    }

    /// The places one part names: the user's aliases, LinkedIn's strings, a
    /// département's number, a name, a name with a number ("Paris 8e",
    /// "Paris 75", "Saint-Denis 974"), a metropolitan area.
    fn place_candidates(&self, part: &str, k: &str) -> Option<Vec<NodeId>> {
        if k.is_empty() {
            return None;
        }
        if let Some(ids) = self.extra.get(k) {
            return Some(ids.clone());
        }
        if let Some(dep) = self.geo.departement(k) {
            return Some(vec![dep]);
        }
        let exact = self.geo.exact(k);
        if let (Some(id), Reach::Likely) = (exact, self.reach) {
            self.narrowed.set(true);
            return Some(vec![id]);
        }
        let mut ids = self
            .name_candidates(k)
            .or_else(|| self.numbered(k))
            .or_else(|| self.metro(part))
            .unwrap_or_default();
        // "Bretagne (36)": the commune as well as the region LinkedIn means.
        if let Some(id) = exact.filter(|id| !ids.contains(id)) {
            ids.insert(0, id);
        }
        (!ids.is_empty()).then_some(ids)
    }

    /// The places of a name (a [`key`]), also read with its abbreviations
    /// spelt out, or with the article people leave out ("Sables-d'Olonne").
    fn name_candidates(&self, k: &str) -> Option<Vec<NodeId>> {
        self.named(k)
            .or_else(|| spelt_out(k).and_then(|k| self.named(&k)))
            .or_else(|| self.with_article(k))
    }

    /// "Havre" → Le Havre: the communes whose name is this one after an
    /// article, written exactly so.
    fn with_article(&self, k: &str) -> Option<Vec<NodeId>> {
        let mut name = String::with_capacity(k.len() + 4);
        ARTICLES.iter().find_map(|a| {
            name.clear();
            name.push_str(a);
            name.push(' ');
            name.push_str(k);
            let ids = self.geo.communes_keyed(&name);
            let ids = match self.reach {
                Reach::Every => ids,
                Reach::Likely => self.likely(ids),
            };
            (!ids.is_empty()).then_some(ids)
        })
    }

    fn named(&self, k: &str) -> Option<Vec<NodeId>> {
        let areas = self.geo.tree.lookup_key(k);
        let ids = match self.reach {
            Reach::Likely if !areas.is_empty() => {
                self.narrowed.set(true);
                areas.to_vec()
            }
            Reach::Likely => {
                let mut ids = self.communes(k);
                for id in self.geo.listed_starting(k) {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                ids
            }
            Reach::Every => {
                let mut ids = areas.to_vec();
                for id in self.communes(k) {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                ids
            }
        };
        (!ids.is_empty()).then_some(ids)
    }

    /// The communes of a name: all of them, or in a likely reading the
    /// town among them that the name means.
    fn communes(&self, k: &str) -> Vec<NodeId> {
        let ids = self.geo.communes_named(k);
        match self.reach {
            Reach::Every => ids,
            Reach::Likely => self.likely(ids),
        }
    }

    /// The town a name means among its communes, if one is; noted as a
    /// narrowing when it is.
    fn likely(&self, ids: Vec<NodeId>) -> Vec<NodeId> {
        let likely = likely_communes(self.geo, &ids);
        if likely.len() < ids.len() {
            self.narrowed.set(true);
        }
        likely
    }

    /// A name followed by a number: an arrondissement (« Paris 8e », "Paris
    /// 08", « Lyon 3e arrondissement ») or a département ("Paris 75",
    /// "Saint-Denis 974", "Marseille 13"). A bare number that is the city's
    /// own département reads as the département.
    fn numbered(&self, k: &str) -> Option<Vec<NodeId>> {
        let geo = self.geo;
        let mut words: Vec<&str> = k.split(' ').collect();
        let named_arrondissement =
            words.len() > 2 && words.last().is_some_and(|w| ARRONDISSEMENT.contains(w));
        if named_arrondissement {
            words.pop();
        }
        let mut number = words.pop()?.to_string();
        if !number.starts_with(|c: char| c.is_ascii_digit()) && !ORDINALS.contains(&number.as_str())
        {
            return None;
        }
        // « 8 ème »: the ending written apart.
        if ORDINALS.contains(&number.as_str())
            && let Some(digits) = words.pop()
        {
            number = format!("{digits}{number}");
        }
        if words.is_empty() {
            return None;
        }
        let city = self.name_candidates(&words.join(" "))?;
        let arrondissements = |n: u32| -> Option<Vec<NodeId>> {
            let ids: Vec<NodeId> = city
                .iter()
                .filter_map(|&c| geo.arrondissement(c, n))
                .collect();
            (!ids.is_empty()).then_some(ids)
        };
        if let Some(n) = ordinal(&number) {
            return arrondissements(n);
        }
        let plain = (1..=2).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit());
        if !named_arrondissement && let Some(dep) = geo.departement(&number) {
            let inside: Vec<NodeId> = city
                .iter()
                .copied()
                .filter(|&c| geo.tree.contains(dep, c))
                .collect();
            if !inside.is_empty() {
                return Some(inside);
            }
        }
        if plain {
            return arrondissements(number.parse().ok()?);
        }
        None
    }

    /// "Greater Lyon", « Grand Lyon »: LinkedIn's metropolitan area of the
    /// city when it has one ("Greater Lyon Area", « Région de Lyon »);
    /// "Région de Grenoble": else the city's département, the honest level
    /// for an area around it.
    fn metro(&self, part: &str) -> Option<Vec<NodeId>> {
        let tree = &self.geo.tree;
        let core = strip_metro(part)?;
        let linkedin: Vec<NodeId> = tree
            .lookup_key(&format!("region de {}", key(core)))
            .iter()
            .copied()
            .filter(|&id| tree.node(id).kind == Kind::Metro)
            .collect();
        if !linkedin.is_empty() {
            return Some(linkedin);
        }
        let mut ids: Vec<NodeId> = Vec::new();
        for id in self.name_candidates(&key(core))? {
            let area = tree
                .chain(id)
                .find(|&n| tree.node(n).kind != Kind::City)
                .unwrap_or(id);
            if !ids.contains(&area) {
                ids.push(area);
            }
        }
        Some(ids)
    }
}

fn communes_only(geo: &Geo, ids: &[NodeId]) -> bool {
    ids.iter().all(|&id| geo.tree.node(id).kind == Kind::City)
}

/// The communes of one name, or the town among them that the name means.
fn likely_communes(geo: &Geo, ids: &[NodeId]) -> Vec<NodeId> {
    let Some(&largest) = ids.iter().max_by_key(|&&id| geo.population(id)) else {
        return Vec::new();
    };
    let size = geo.population(largest);
    let dwarfs =
        |id: NodeId| id == largest || geo.population(id).saturating_mul(TIMES_LARGER) <= size;
    if size >= TOWN && ids.iter().all(|&id| dwarfs(id)) {
        vec![largest]
    } else {
        ids.to_vec()
    }
}

/// The key with its abbreviations spelt out, if it has any.
fn spelt_out(k: &str) -> Option<String> {
    let mut changed = false;
    let words: Vec<&str> = k
        .split(' ')
        .map(
            |w| match ABBREVIATIONS.iter().find(|(short, _)| *short == w) {
                Some((_, long)) => {
                    changed = true;
                    *long
                }
                None => w,
            },
        )
        .collect();
    changed.then(|| words.join(" "))
}
