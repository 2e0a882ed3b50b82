//! A tree of named places or sectors, looked up by name whatever the case,
//! accents and punctuation, with the containment questions the audience
//! filter asks: is this place inside that one, or only overlapping it?

use crate::lang::{Lang, Localized};
use crate::text::fold;
use std::collections::HashMap;

pub type NodeId = u32;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Country,
    Region,
    /// A pre-2016 region (Alsace), still shown on profiles.
    OldRegion,
    Departement,
    /// A metropolitan area as LinkedIn shows it ("Région de Lyon").
    Metro,
    City,
    /// One of LinkedIn's 20 top-level industry groups.
    Group,
    Industry,
}

#[derive(Debug)]
pub struct Node {
    pub kind: Kind,
    /// A département's code (`69`, `2A`, `974`), a country's ISO code, an
    /// industry's id.
    pub code: String,
    pub fr: String,
    pub en: String,
    pub parent: Option<NodeId>,
    /// What the node covers besides its descendants: an old region's
    /// départements, a metropolitan area's core département.
    pub members: Vec<NodeId>,
}

/// How a name resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    One(NodeId),
    /// Several places of that name, none more likely: never guessed.
    Ambiguous(Vec<NodeId>),
    None,
}

#[derive(Debug, Default)]
pub struct Taxonomy {
    nodes: Vec<Node>,
    names: HashMap<String, Vec<NodeId>>,
}

/// The lookup key of a name: folded (case, accents), `&` read as "and",
/// "St" as "Saint", every other non-alphanumeric run a single space.
pub fn key(name: &str) -> String {
    let folded = fold(name);
    let mut out = String::with_capacity(folded.len());
    for word in folded
        .replace('&', " and ")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(match word {
            "st" => "saint",
            "ste" => "sainte",
            w => w,
        });
    }
    out
}

impl Taxonomy {
    pub fn add(&mut self, node: Node) -> NodeId {
        let id = self.nodes.len() as NodeId;
        let names = [key(&node.fr), key(&node.en)];
        self.nodes.push(node);
        for name in names {
            self.name(&name, id);
        }
        id
    }

    /// Adds another name for a node.
    pub fn name(&mut self, name: &str, id: NodeId) {
        let k = key(name);
        if k.is_empty() {
            return;
        }
        let ids = self.names.entry(k).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id as usize]
    }

    pub fn node_mut(&mut self, id: NodeId) -> &mut Node {
        &mut self.nodes[id as usize]
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty()
    }

    pub fn ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len()).map(|i| i as NodeId)
    }

    /// The nodes of that name (an already computed [`key`]).
    pub fn lookup_key(&self, k: &str) -> &[NodeId] {
        self.names.get(k).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn lookup(&self, name: &str) -> &[NodeId] {
        self.lookup_key(&key(name))
    }

    /// Every name known, for "did you mean".
    pub fn names(&self) -> impl Iterator<Item = (&str, NodeId)> {
        self.names
            .iter()
            .flat_map(|(k, ids)| ids.iter().map(move |&id| (k.as_str(), id)))
    }

    /// The node and its ancestors, nearest first.
    pub fn chain(&self, id: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(Some(id), |&n| self.node(n).parent)
    }

    /// Whether `inner` lies within `outer` (or is it).
    pub fn contains(&self, outer: NodeId, inner: NodeId) -> bool {
        let members = &self.node(outer).members;
        self.chain(inner)
            .any(|n| n == outer || members.contains(&n))
    }

    /// Whether the two share ground without one holding the other for sure:
    /// "France" and "Rhône", "Région de Lyon" and "Lyon".
    pub fn overlaps(&self, a: NodeId, b: NodeId) -> bool {
        let member_overlap = |x: NodeId, y: NodeId| {
            self.node(x)
                .members
                .iter()
                .any(|&m| self.contains(m, y) || self.contains(y, m))
        };
        self.contains(a, b) || self.contains(b, a) || member_overlap(a, b) || member_overlap(b, a)
    }

    /// Keeps the candidates that agree with every part (each part has a
    /// candidate on the same branch), then the most specific of them.
    pub fn combine(&self, parts: &[Vec<NodeId>]) -> Resolved {
        let related = |a: NodeId, b: NodeId| self.contains(a, b) || self.contains(b, a);
        let mut agreed: Vec<NodeId> = parts
            .iter()
            .flatten()
            .copied()
            .filter(|&c| parts.iter().all(|p| p.iter().any(|&q| related(q, c))))
            .collect();
        agreed.sort_unstable();
        agreed.dedup();
        let specific: Vec<NodeId> = agreed
            .iter()
            .copied()
            .filter(|&c| !agreed.iter().any(|&o| o != c && self.contains(c, o)))
            .collect();
        match specific.as_slice() {
            [] => Resolved::None,
            [one] => Resolved::One(*one),
            _ => Resolved::Ambiguous(specific),
        }
    }

    /// A node's name as shown: "Rhône (69)" for a département.
    pub fn label(&self, id: NodeId, lang: Lang) -> String {
        let n = self.node(id);
        let name = match lang {
            Lang::Fr => &n.fr,
            Lang::En => &n.en,
        };
        match n.kind {
            Kind::Departement => format!("{name} ({})", n.code),
            _ => name.clone(),
        }
    }

    /// "Villeurbanne → Rhône (69) → Auvergne-Rhône-Alpes": the chain, without
    /// the country once inside it.
    pub fn path(&self, id: NodeId) -> Localized {
        let path = |lang| {
            let chain: Vec<NodeId> = self.chain(id).collect();
            let shown = match chain.split_last() {
                Some((&last, rest))
                    if !rest.is_empty() && self.node(last).kind == Kind::Country =>
                {
                    rest
                }
                _ => &chain[..],
            };
            shown
                .iter()
                .map(|&n| self.label(n, lang))
                .collect::<Vec<_>>()
                .join(" → ")
        };
        Localized::new(path(Lang::Fr), path(Lang::En))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_accents_punctuation_and_abbreviations() {
        assert_eq!(key("Auvergne-Rhône-Alpes"), "auvergne rhone alpes");
        assert_eq!(key("  St-Étienne "), "saint etienne");
        assert_eq!(key("Food & Beverages"), "food and beverages");
        assert_eq!(
            key("Provence-Alpes-Côte d’Azur"),
            "provence alpes cote d azur"
        );
        assert_eq!(key("!!"), "");
    }
}
