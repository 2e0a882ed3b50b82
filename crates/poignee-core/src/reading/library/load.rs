//! Reading the pattern files into a [`Language`]: the TOML parsed, each
//! pattern compiled, and every fault refused with its file and line
//! ([`LibraryError`]): a class undefined, unused or using itself, an entry
//! written twice, a cue in another family's file or without hits, an
//! example badly marked, a pattern that may start with any token or that
//! ends with a gap. The cues' examples ([`Hit`]) are read here, and the
//! index of each pattern's first and needed words built.

use super::{Compiled, Index, Language, Scope};
use crate::lang::Lang;
use crate::reading::pattern::{self, First, Node, Parser, SyntaxError, Vocabulary};
use crate::reading::{CueKind, Family};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::ops::Range;
use strum::VariantArray;
use toml::Spanned;

/// The shipped pattern files of one language, in the order of [`Family`]'s
/// variants after the classes.
macro_rules! files {
    ($lang:literal) => {
        [
            include_str!(concat!(
                "../../../../../data/patterns/",
                $lang,
                "/classes.toml"
            )),
            include_str!(concat!(
                "../../../../../data/patterns/",
                $lang,
                "/reason.toml"
            )),
            include_str!(concat!(
                "../../../../../data/patterns/",
                $lang,
                "/generic.toml"
            )),
            include_str!(concat!(
                "../../../../../data/patterns/",
                $lang,
                "/pitch.toml"
            )),
            include_str!(concat!(
                "../../../../../data/patterns/",
                $lang,
                "/praise.toml"
            )),
        ]
    };
}

const FR_FILES: [&str; 5] = files!("fr");
const EN_FILES: [&str; 5] = files!("en");

pub(super) fn shipped_files(lang: Lang) -> &'static [&'static str; 5] {
    match lang {
        Lang::Fr => &FR_FILES,
        Lang::En => &EN_FILES,
    }
}

/// A pattern file that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryError {
    /// `fr/pitch.toml`
    pub file: String,
    /// The line of the pattern, class or cue at fault (TOML's own errors
    /// say theirs in the message).
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for LibraryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "data/patterns/{}:{line}: {}", self.file, self.message),
            None => write!(f, "data/patterns/{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for LibraryError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CueFile {
    /// Antipatterns for every cue of the file.
    #[serde(default)]
    unless: Vec<Spanned<String>>,
    #[serde(default)]
    cue: Vec<CueSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CueSpec {
    kind: Spanned<CueKind>,
    #[serde(default)]
    weak: bool,
    #[serde(rename = "match")]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    unless: Vec<Spanned<String>>,
    #[serde(default)]
    hits: Vec<Spanned<String>>,
    #[serde(default)]
    misses: Vec<Spanned<String>>,
}

/// A cue of the pattern files: its kind and the examples it is tested on.
#[derive(Debug, Clone)]
pub struct Group {
    pub kind: CueKind,
    pub weak: bool,
    /// Text it must find, with the words it must find marked.
    pub hits: Vec<Hit>,
    /// Near misses it must not find.
    pub misses: Vec<String>,
}

/// The marks around the words a cue finds in a hit example:
/// `"Hi Sam, ⟦we met at⟧ RustConf."` (U+27E6, U+27E7, never found in notes).
pub const MARK: (char, char) = ('⟦', '⟧');

/// A `hits` example: the text, and the spans the cue finds in it, as
/// marked in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The example without its marks.
    pub text: String,
    /// Byte ranges in `text`, in order, apart.
    pub marks: Vec<Range<usize>>,
}

impl Hit {
    /// Reads the marks of an example as written in a file.
    pub fn parse(written: &str) -> Result<Hit, String> {
        let (open, close) = MARK;
        let mut text = String::with_capacity(written.len());
        let mut marks = Vec::new();
        let mut from: Option<usize> = None;
        for c in written.chars() {
            if c == open {
                if from.is_some() {
                    return Err(format!("{open} inside {open}…{close}"));
                }
                from = Some(text.len());
            } else if c == close {
                let Some(start) = from.take() else {
                    return Err(format!("{close} without {open}"));
                };
                if text[start..].trim().is_empty() {
                    return Err(format!("{open}{close} marks no words"));
                }
                marks.push(start..text.len());
            } else {
                text.push(c);
            }
        }
        if from.is_some() {
            return Err(format!("{open} not closed"));
        }
        if marks.is_empty() {
            return Err(format!(
                "no span marked: put {open}…{close} around the words the cue finds"
            ));
        }
        Ok(Hit { text, marks })
    }

    /// The text with `spans` marked, as it would be written in a file.
    pub fn marked(text: &str, spans: &[Range<usize>]) -> String {
        let mut out = String::with_capacity(text.len() + 6 * spans.len());
        let mut at = 0;
        for span in spans {
            out.push_str(&text[at..span.start]);
            out.push(MARK.0);
            out.push_str(&text[span.clone()]);
            out.push(MARK.1);
            at = span.end;
        }
        out.push_str(&text[at..]);
        out
    }
}

impl Language {
    pub(super) fn compile(
        lang: Lang,
        files: &[&str; 5],
        vocabulary: &mut Vocabulary,
    ) -> Result<Language, LibraryError> {
        let err = |file: &str, line: Option<usize>, message: String| LibraryError {
            file: format!("{lang}/{file}.toml"),
            line,
            message,
        };
        // The line of a byte of file `k`.
        // Where each file's lines end, once: a line is then a binary search,
        // not a count from the top for every pattern.
        let ends: Vec<Vec<usize>> = files
            .iter()
            .map(|f| f.match_indices('\n').map(|(i, _)| i).collect())
            .collect();
        let line_of = |k: usize, at: usize| ends[k].partition_point(|&e| e < at) + 1;
        let class_defs: ClassDefs =
            toml::from_str(files[0]).map_err(|e| err("classes", None, e.to_string()))?;
        let mut names: HashMap<String, u32> = HashMap::new();
        let mut classes: Vec<Node> = Vec::new();
        // Where each class is defined, and the classes each one uses.
        let mut class_lines: Vec<(String, usize)> = Vec::new();
        let mut class_uses: Vec<Vec<u32>> = Vec::new();
        for name in class_order(&class_defs).map_err(|m| err("classes", None, m))? {
            let def = &class_defs[&name];
            let line = line_of(0, def.span().start);
            let mut parser = Parser {
                vocabulary,
                classes: &names,
                nodes: &classes,
                used: Vec::new(),
            };
            let mut alts = Vec::new();
            for src in def.get_ref() {
                let at = Some(line_of(0, src.span().start));
                alts.push(
                    parser
                        .parse(src.get_ref())
                        .map_err(|e| err("classes", at, format!("@{name}: {e}")))?,
                );
            }
            if let Some(dup) = duplicate(def.get_ref()) {
                return Err(err(
                    "classes",
                    Some(line_of(0, dup.span().start)),
                    format!("@{name}: \"{}\" twice", dup.get_ref()),
                ));
            }
            class_uses.push(std::mem::take(&mut parser.used));
            names.insert(name.clone(), classes.len() as u32);
            class_lines.push((name, line));
            classes.push(pattern::gather(alts));
        }
        // The classes the cues use, directly or through other classes.
        let mut used_classes = vec![false; classes.len()];
        let mut patterns = Vec::new();
        let mut groups = Vec::new();
        for (k, (&family, src)) in Family::VARIANTS.iter().zip(&files[1..]).enumerate() {
            let k = k + 1;
            let file: CueFile =
                toml::from_str(src).map_err(|e| err(family.file(), None, e.to_string()))?;
            let mut parser = Parser {
                vocabulary,
                classes: &names,
                nodes: &classes,
                used: Vec::new(),
            };
            let mut compile = |src: &Spanned<String>, scope: Scope, anti: bool| {
                let line = line_of(k, src.span().start);
                let root = parser
                    .parse(src.get_ref())
                    .map_err(|e: SyntaxError| err(family.file(), Some(line), e.to_string()))?;
                Ok::<_, LibraryError>(Compiled {
                    source: src.get_ref().clone(),
                    root,
                    needs: Vec::new(),
                    scope,
                    anti,
                    family,
                    line: line as u32,
                })
            };
            let twice = |list: &[Spanned<String>]| match duplicate(list) {
                Some(dup) => Err(err(
                    family.file(),
                    Some(line_of(k, dup.span().start)),
                    format!("\"{}\" twice in one list", dup.get_ref()),
                )),
                None => Ok(()),
            };
            twice(&file.unless)?;
            for src in &file.unless {
                patterns.push(compile(src, Scope::Family(family), true)?);
            }
            for cue in &file.cue {
                let line = Some(line_of(k, cue.kind.span().start));
                let kind = *cue.kind.get_ref();
                if kind.family() != family {
                    return Err(err(
                        family.file(),
                        line,
                        format!(
                            "kind \"{}\" belongs in {}.toml",
                            kind.name(),
                            kind.family().file()
                        ),
                    ));
                }
                if cue.hits.is_empty() {
                    return Err(err(
                        family.file(),
                        line,
                        format!("a \"{}\" cue has no hits to test it", kind.name()),
                    ));
                }
                twice(&cue.patterns)?;
                twice(&cue.unless)?;
                let mut hits = Vec::with_capacity(cue.hits.len());
                for hit in &cue.hits {
                    let at = Some(line_of(k, hit.span().start));
                    let hit = Hit::parse(hit.get_ref()).map_err(|m| {
                        err(family.file(), at, format!("hit \"{}\": {m}", hit.get_ref()))
                    })?;
                    hits.push(hit);
                }
                let (open, close) = MARK;
                if let Some(miss) = cue
                    .misses
                    .iter()
                    .find(|m| m.get_ref().contains([open, close]))
                {
                    return Err(err(
                        family.file(),
                        Some(line_of(k, miss.span().start)),
                        format!("miss \"{}\": a miss has no span to mark", miss.get_ref()),
                    ));
                }
                let group = groups.len() as u32;
                for src in &cue.patterns {
                    patterns.push(compile(src, Scope::Group(group), false)?);
                }
                for src in &cue.unless {
                    patterns.push(compile(src, Scope::Group(group), true)?);
                }
                groups.push(Group {
                    kind,
                    weak: cue.weak,
                    hits,
                    misses: cue.misses.iter().map(|m| m.get_ref().clone()).collect(),
                });
            }
            let mut stack = std::mem::take(&mut parser.used);
            while let Some(c) = stack.pop() {
                if !std::mem::replace(&mut used_classes[c as usize], true) {
                    stack.extend(&class_uses[c as usize]);
                }
            }
        }
        if let Some(i) = used_classes.iter().position(|u| !u) {
            let (name, line) = &class_lines[i];
            return Err(err(
                "classes",
                Some(*line),
                format!("@{name} is defined but no pattern uses it"),
            ));
        }
        let mut index = Index::default();
        for (i, p) in patterns.iter().enumerate() {
            let mut firsts = Vec::new();
            let nullable = pattern::first(&p.root, &classes, &mut firsts);
            if nullable || firsts.contains(&First::Any) {
                return Err(err(
                    p.family.file(),
                    Some(p.line as usize),
                    format!(
                        "\"{}\" may start with any token; start it with a word",
                        p.source
                    ),
                ));
            }
            // A gap at the end matches where the pattern without it does
            // and only carries the span into the next words.
            if matches!(&p.root, pattern::Node::Seq(items) if matches!(items.last(), Some(pattern::Node::Gap(_))))
            {
                return Err(err(
                    p.family.file(),
                    Some(p.line as usize),
                    format!(
                        "\"{}\" ends with a gap: it only widens the span; end it with a word",
                        p.source
                    ),
                ));
            }
            firsts.sort_by_key(|f| format!("{f:?}"));
            firsts.dedup();
            let id = i as u32;
            // Most patterns start with a common word (« je », "your"): index
            // them by their first two words when those are known, so few
            // are tried at each token.
            if let Some(pairs) = pattern::pairs(&p.root, &classes) {
                for pair in pairs {
                    index.pairs.entry(pair).or_default().push(id);
                }
                continue;
            }
            for f in firsts {
                match f {
                    First::Word(w) => index.words.entry(w).or_default().push(id),
                    First::Prefix(p) => {
                        let b = p.as_bytes()[0];
                        index.prefixes.entry(b).or_default().push((p, id));
                    }
                    First::Number => index.numbers.push(id),
                    First::Any => {}
                }
            }
        }
        for (i, p) in patterns.iter_mut().enumerate() {
            p.needs = needs(&p.root, &classes);
            let mut all = 0u8;
            for (k, set) in p.needs.iter().enumerate() {
                all |= 1 << k;
                for &w in set.iter() {
                    index
                        .needed_by
                        .entry(w)
                        .or_default()
                        .push((i as u32, 1 << k));
                }
            }
            index.need_all.push(all);
        }
        index.freeze();
        let mut referred = vec![false; classes.len()];
        for root in patterns.iter().map(|p| &p.root).chain(classes.iter()) {
            mark_classes(root, &mut referred);
        }
        let mut memo_rows = vec![u32::MAX; classes.len()];
        let mut memo_classes = 0;
        for (i, used) in referred.iter().enumerate() {
            if *used {
                memo_rows[i] = memo_classes as u32;
                memo_classes += 1;
            }
        }
        Ok(Language {
            classes,
            patterns,
            groups,
            index,
            memo_rows,
            memo_classes,
        })
    }
}

/// The words a pattern cannot match without: for each element of its
/// sequence that must match one token of a known set of words, that set.
fn needs(root: &Node, classes: &[Node]) -> Vec<Box<[u32]>> {
    fn set(node: &Node, classes: &[Node]) -> Option<Box<[u32]>> {
        match node {
            Node::Word(w) => Some(Box::new([*w])),
            Node::Words(ws) => Some(ws.clone()),
            Node::Class(i) => classes.get(*i as usize).and_then(|c| set(c, classes)),
            // A class or group of phrases: one of their first words.
            Node::Alt(_) | Node::Seq(_) => {
                let mut firsts: Vec<u32> = pattern::first_words(node, classes)?;
                firsts.sort_unstable();
                firsts.dedup();
                Some(firsts.into())
            }
            _ => None,
        }
    }
    let mut sets: Vec<Box<[u32]>> = match root {
        Node::Seq(items) => items.iter().filter_map(|i| set(i, classes)).collect(),
        other => set(other, classes).into_iter().collect(),
    };
    // Up to 8, the most selective first: a bit each in the note's tally.
    sets.sort_by_key(|s| s.len());
    sets.truncate(8);
    sets
}

/// The classes of `classes.toml`, each with its patterns, as written.
type ClassDefs = BTreeMap<String, Spanned<Vec<Spanned<String>>>>;

/// The classes in an order where each comes after the classes it uses.
fn class_order(defs: &ClassDefs) -> Result<Vec<String>, String> {
    let uses = |name: &str| -> Vec<String> {
        defs[name]
            .get_ref()
            .iter()
            .flat_map(|src| {
                src.get_ref()
                    .split(|c: char| c.is_whitespace() || "()|?".contains(c))
                    .filter_map(|w| w.strip_prefix('@'))
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    let mut order: Vec<String> = Vec::new();
    let mut state: HashMap<&str, bool> = HashMap::new(); // false: visiting, true: done
    fn visit<'a>(
        name: &'a str,
        defs: &'a ClassDefs,
        uses: &dyn Fn(&str) -> Vec<String>,
        state: &mut HashMap<&'a str, bool>,
        order: &mut Vec<String>,
    ) -> Result<(), String> {
        match state.get(name) {
            Some(true) => return Ok(()),
            Some(false) => return Err(format!("class @{name} uses itself")),
            None => {}
        }
        state.insert(name, false);
        for used in uses(name) {
            let Some((key, _)) = defs.get_key_value(used.as_str()) else {
                return Err(format!("class @{name} uses @{used}, which is not defined"));
            };
            visit(key, defs, uses, state, order)?;
        }
        state.insert(name, true);
        order.push(name.to_string());
        Ok(())
    }
    for name in defs.keys() {
        visit(name, defs, &uses, &mut state, &mut order)?;
    }
    Ok(order)
}

/// Marks the classes `node` refers to.
fn mark_classes(node: &Node, referred: &mut [bool]) {
    match node {
        Node::Class(i) => {
            if let Some(r) = referred.get_mut(*i as usize) {
                *r = true;
            }
        }
        Node::Seq(v) | Node::Alt(v) => v.iter().for_each(|c| mark_classes(c, referred)),
        Node::Opt(c) | Node::Not(c) => mark_classes(c, referred),
        _ => {}
    }
}

/// The first entry of `list` written twice (words folded, spaces
/// ignored), if any.
fn duplicate(list: &[Spanned<String>]) -> Option<&Spanned<String>> {
    let key = |s: &str| crate::text::fold(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut seen = std::collections::HashSet::new();
    list.iter().find(|s| !seen.insert(key(s.get_ref())))
}
