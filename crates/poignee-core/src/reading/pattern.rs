//! The pattern language: token sequences with word classes, alternatives,
//! optional parts and gaps, parsed from the data files and matched
//! against a note's tokens.
//!
//! ```text
//! word        the word, accents and case ignored          « rencontre »
//! word*       a word starting so                           accompagn*
//! *end        a word ending so (4 letters or more)         *ir  *s
//! @CLASS      one of the class's patterns                  @WE @HELP
//! (a b | c)   a group with alternatives                    (met | ran into) you
//! x?          x or nothing                                 you? at
//! ..N         up to N tokens of anything, in the sentence  help ..3 to
//! _           any one word or number                       at _ we
//! !x          one word that x does not match               your !@VAGUE project
//! #num        a number                                     #num minutes
//! #cap        a word written with a capital                at #cap
//! ^  $        start / end of the sentence                  ^ 15 minutes \?
//! \c          the character c itself                       \? \( \|
//! ```
//!
//! A literal is read with the note's own tokenizer, so « j'ai » is two
//! tokens in the pattern as in the note, and "seriez-vous" matches « seriez
//! vous » and « seriez-vous ». Matching never crosses a sentence boundary.

use super::tokens::{self, Kind, Token};
use crate::text::Folded;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// A pattern that does not parse, with what is wrong and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pattern: String,
    pub message: String,
    /// Where in the pattern, in characters from 1.
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "pattern \"{}\", column {}: {}",
            self.pattern, self.column, self.message
        )
    }
}

/// What is wrong, and at which byte of the pattern.
type Fail = (String, usize);

/// The interned words of every pattern: a note's token is looked up once.
#[derive(Default, Debug)]
pub struct Vocabulary {
    /// Looked up once per token of every note: a fast hash (the keys are
    /// the patterns' own words, not attacker-chosen).
    pub(crate) ids: FxHashMap<Box<str>, u32>,
}

impl Vocabulary {
    pub(crate) fn intern(&mut self, word: &str) -> u32 {
        let next = self.ids.len() as u32;
        *self.ids.entry(word.into()).or_insert(next)
    }

    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }
}

#[derive(Debug, Clone)]
pub enum Node {
    Word(u32),
    /// One of these words (ids sorted): an alternative of single words,
    /// tested with one binary search.
    Words(Box<[u32]>),
    Prefix(Box<str>),
    Suffix(Box<str>),
    AnyWord,
    Number,
    Capital,
    Gap(u8),
    Start,
    End,
    Seq(Vec<Node>),
    Alt(Vec<Node>),
    Opt(Box<Node>),
    Not(Box<Node>),
    Class(u32),
}

/// What a pattern's first token can be, for the index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum First {
    Word(u32),
    Prefix(Box<str>),
    Number,
    /// Anything: such a pattern would be tried at every token.
    Any,
}

/// Reads pattern text into nodes; `@NAME` refers to a class compiled
/// before, by its index in `classes`.
pub struct Parser<'a> {
    pub vocabulary: &'a mut Vocabulary,
    pub classes: &'a HashMap<String, u32>,
    /// The compiled classes, by index: a class of single words is copied
    /// in place rather than referred to.
    pub nodes: &'a [Node],
    /// The classes referred to so far, by index (in use order, repeated).
    pub used: Vec<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Lexeme {
    Open,
    Close,
    Bar,
    Question,
    Atom(String),
}

/// The lexemes of a pattern, each with the byte where it starts.
fn lex(src: &str) -> Result<Vec<(Lexeme, usize)>, Fail> {
    let mut out = Vec::new();
    let mut chars = src.char_indices().peekable();
    let mut atom = String::new();
    let mut start = 0;
    let flush = |atom: &mut String, start: usize, out: &mut Vec<(Lexeme, usize)>| {
        if !atom.is_empty() {
            out.push((Lexeme::Atom(std::mem::take(atom)), start));
        }
    };
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                let Some((_, escaped)) = chars.next() else {
                    return Err(("a pattern ends with \\".into(), i));
                };
                flush(&mut atom, start, &mut out);
                out.push((Lexeme::Atom(format!("\\{escaped}")), i));
            }
            '(' | ')' | '|' | '?' => {
                flush(&mut atom, start, &mut out);
                let l = match c {
                    '(' => Lexeme::Open,
                    ')' => Lexeme::Close,
                    '|' => Lexeme::Bar,
                    _ => Lexeme::Question,
                };
                out.push((l, i));
            }
            c if c.is_whitespace() => flush(&mut atom, start, &mut out),
            c => {
                if atom.is_empty() {
                    start = i;
                }
                atom.push(c);
            }
        }
    }
    flush(&mut atom, start, &mut out);
    Ok(out)
}

/// A branch of a group as written, its words folded: two branches alike
/// are the same alternative.
fn branch_key(lx: &[(Lexeme, usize)]) -> Vec<Lexeme> {
    lx.iter()
        .map(|(l, _)| match l {
            // Most atoms are plain lowercase ASCII already: no fold to make.
            Lexeme::Atom(a)
                if !a.starts_with('\\') && !a.bytes().all(|b| b.is_ascii_lowercase()) =>
            {
                Lexeme::Atom(crate::text::fold(a))
            }
            other => other.clone(),
        })
        .collect()
}

impl Parser<'_> {
    pub fn parse(&mut self, src: &str) -> Result<Node, SyntaxError> {
        let fail = |(message, at): Fail| SyntaxError {
            pattern: src.to_string(),
            message,
            column: src.get(..at).map_or(0, |s| s.chars().count()) + 1,
        };
        let lexemes = lex(src).map_err(fail)?;
        let end = src.len();
        let mut pos = 0;
        let node = self.alternatives(&lexemes, &mut pos, end).map_err(fail)?;
        if pos != lexemes.len() {
            return Err(fail(("an unmatched \")\"".into(), lexemes[pos].1)));
        }
        Ok(node)
    }

    fn alternatives(
        &mut self,
        lx: &[(Lexeme, usize)],
        pos: &mut usize,
        end: usize,
    ) -> Result<Node, Fail> {
        let mut from = *pos;
        let mut alts = vec![self.sequence(lx, pos, end)?];
        let mut seen: rustc_hash::FxHashSet<Vec<Lexeme>> = Default::default();
        seen.insert(branch_key(&lx[from..*pos]));
        while lx.get(*pos).map(|l| &l.0) == Some(&Lexeme::Bar) {
            *pos += 1;
            from = *pos;
            alts.push(self.sequence(lx, pos, end)?);
            if !seen.insert(branch_key(&lx[from..*pos])) {
                return Err(("the same alternative twice in a group".into(), lx[from].1));
            }
        }
        Ok(if alts.len() == 1 {
            alts.remove(0)
        } else {
            gather(alts)
        })
    }

    /// The group that opens at `pos` (a "("), up to its ")".
    fn group(&mut self, lx: &[(Lexeme, usize)], pos: &mut usize, end: usize) -> Result<Node, Fail> {
        let open = lx[*pos].1;
        *pos += 1;
        let inner = self.alternatives(lx, pos, end)?;
        if lx.get(*pos).map(|l| &l.0) != Some(&Lexeme::Close) {
            return Err(("a \"(\" is not closed".into(), open));
        }
        *pos += 1;
        Ok(inner)
    }

    fn sequence(
        &mut self,
        lx: &[(Lexeme, usize)],
        pos: &mut usize,
        end: usize,
    ) -> Result<Node, Fail> {
        let mut items: Vec<Node> = Vec::new();
        while let Some((l, at)) = lx.get(*pos) {
            let at = *at;
            let mut node = match l {
                Lexeme::Bar | Lexeme::Close => break,
                Lexeme::Question => return Err(("\"?\" follows nothing".into(), at)),
                Lexeme::Open => self.group(lx, pos, end)?,
                Lexeme::Atom(a) if a == "!" => {
                    // `!(a | b)`: the group that follows, negated.
                    *pos += 1;
                    if lx.get(*pos).map(|l| &l.0) != Some(&Lexeme::Open) {
                        return Err(("\"!\" is followed by a word, a class or a group".into(), at));
                    }
                    Node::Not(Box::new(self.group(lx, pos, end)?))
                }
                Lexeme::Atom(a) if a.len() > 1 && a.starts_with('!') => {
                    *pos += 1;
                    Node::Not(Box::new(self.atom(&a[1..]).map_err(|m| (m, at))?))
                }
                Lexeme::Atom(a) => {
                    *pos += 1;
                    self.atom(a).map_err(|m| (m, at))?
                }
            };
            if lx.get(*pos).map(|l| &l.0) == Some(&Lexeme::Question) {
                *pos += 1;
                node = Node::Opt(Box::new(node));
            }
            match node {
                Node::Seq(inner) => items.extend(inner),
                other => items.push(other),
            }
        }
        if items.is_empty() {
            let at = lx.get(*pos).map_or(end, |l| l.1);
            return Err(("an empty alternative".into(), at));
        }
        Ok(if items.len() == 1 {
            items.remove(0)
        } else {
            Node::Seq(items)
        })
    }

    fn atom(&mut self, a: &str) -> Result<Node, String> {
        if let Some(c) = a.strip_prefix('\\') {
            let folded = crate::text::fold(c);
            return Ok(Node::Word(self.vocabulary.intern(&folded)));
        }
        if let Some(name) = a.strip_prefix('@') {
            return match self.classes.get(name) {
                Some(&i) => {
                    self.used.push(i);
                    Ok(match self.nodes.get(i as usize) {
                        Some(n @ (Node::Word(_) | Node::Words(_))) => n.clone(),
                        _ => Node::Class(i),
                    })
                }
                None => Err(format!("no class @{name} (or it is defined after its use)")),
            };
        }
        if let Some(n) = a.strip_prefix("..") {
            let n: u8 = n
                .parse()
                .map_err(|_| format!("\"{a}\": a gap is .. and a number, as ..3"))?;
            if n == 0 || n > 12 {
                return Err(format!("\"{a}\": a gap is 1 to 12 tokens"));
            }
            return Ok(Node::Gap(n));
        }
        match a {
            "_" => return Ok(Node::AnyWord),
            "#num" => return Ok(Node::Number),
            "#cap" => return Ok(Node::Capital),
            "^" => return Ok(Node::Start),
            "$" => return Ok(Node::End),
            _ => {}
        }
        if let Some(end) = a.strip_prefix('*') {
            let end = crate::text::fold(end);
            if end.is_empty() || !end.chars().all(char::is_alphabetic) {
                return Err(format!("\"{a}\": a suffix is * and letters, as *ir"));
            }
            return Ok(Node::Suffix(end.into()));
        }
        if a.starts_with('#') {
            return Err(format!("\"{a}\": unknown (#num or #cap)"));
        }
        if let Some(word) = a.strip_prefix('~') {
            return Err(format!(
                "\"{a}\": stems are not part of the language; list the forms, or a prefix as {word}*"
            ));
        }
        let (prefix, a) = match a.strip_suffix('*') {
            Some(rest) => (true, rest),
            None => (false, a),
        };
        let words = literal_tokens(a);
        if words.is_empty() {
            return Err(format!("\"{a}\" holds no word"));
        }
        let last = words.len() - 1;
        let mut nodes: Vec<Node> = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            nodes.push(if prefix && i == last {
                if w.chars().count() < 3 {
                    return Err(format!("\"{a}*\": a prefix needs 3 letters"));
                }
                Node::Prefix(w.as_str().into())
            } else {
                Node::Word(self.vocabulary.intern(w))
            });
        }
        Ok(if nodes.len() == 1 {
            nodes.remove(0)
        } else {
            Node::Seq(nodes)
        })
    }
}

/// An alternative whose single-word branches become one [`Node::Words`].
pub fn gather(alts: Vec<Node>) -> Node {
    let mut words: Vec<u32> = Vec::new();
    let mut rest: Vec<Node> = Vec::new();
    // Branches that start with the same word share it: "i 'm | i am | i 've"
    // is read as "i ('m | am | 've)", so the word is tested once.
    let mut by_first: BTreeMap<u32, Vec<Node>> = BTreeMap::new();
    for a in alts {
        match a {
            Node::Word(w) => words.push(w),
            Node::Words(ws) => words.extend(ws.iter()),
            Node::Seq(mut items) if items.len() >= 2 && matches!(items[0], Node::Word(_)) => {
                let Node::Word(w) = items.remove(0) else {
                    continue;
                };
                let tail = if items.len() == 1 {
                    items.remove(0)
                } else {
                    Node::Seq(items)
                };
                by_first.entry(w).or_default().push(tail);
            }
            other => rest.push(other),
        }
    }
    words.sort_unstable();
    words.dedup();
    for (w, tails) in by_first {
        let tail = gather(tails);
        let node = match words.binary_search(&w) {
            // The word alone is a branch too: what follows is optional.
            Ok(i) => {
                words.remove(i);
                Node::Seq(vec![Node::Word(w), Node::Opt(Box::new(tail))])
            }
            Err(_) => Node::Seq(vec![Node::Word(w), tail]),
        };
        rest.push(node);
    }
    match (words.len(), rest.is_empty()) {
        (0, _) if rest.len() == 1 => rest.remove(0),
        (0, _) => Node::Alt(rest),
        (1, true) => Node::Word(words[0]),
        (_, true) => Node::Words(words.into()),
        _ => {
            rest.insert(0, Node::Words(words.into()));
            Node::Alt(rest)
        }
    }
}

/// The folded tokens of a literal, as the note's tokenizer reads them.
fn literal_tokens(a: &str) -> Vec<String> {
    // Most literals are one plain lower-case word: nothing to fold or cut.
    if a.bytes().all(|b| b.is_ascii_lowercase()) {
        return vec![a.to_owned()];
    }
    // An English clitic on its own ("'m", "'s", "n't") is one token, as in
    // the note where it follows a word.
    let clitic = crate::text::fold(a);
    if (clitic.starts_with('\'') || clitic == "n't")
        && clitic
            .trim_start_matches(['\'', 'n'])
            .chars()
            .all(char::is_alphabetic)
    {
        return vec![clitic];
    }
    let folded = Folded::new(a);
    tokens::tokenize(a, &folded, std::slice::from_ref(&(0..a.len())))
        .into_iter()
        .map(|t| folded.as_str()[t.folded].to_string())
        .collect()
}

/// The first tokens `node` can match, and whether it can match nothing.
pub fn first(node: &Node, classes: &[Node], out: &mut Vec<First>) -> bool {
    match node {
        Node::Word(w) => out.push(First::Word(*w)),
        Node::Words(ws) => out.extend(ws.iter().map(|w| First::Word(*w))),
        Node::Prefix(p) => out.push(First::Prefix(p.clone())),
        Node::Number => out.push(First::Number),
        Node::AnyWord | Node::Capital | Node::Suffix(_) | Node::Not(_) => out.push(First::Any),
        Node::Gap(_) => {
            out.push(First::Any);
            return true;
        }
        Node::Start | Node::End => return true,
        Node::Opt(inner) => {
            first(inner, classes, out);
            return true;
        }
        Node::Alt(alts) => {
            let mut nullable = false;
            for a in alts {
                nullable |= first(a, classes, out);
            }
            return nullable;
        }
        Node::Seq(items) => {
            for item in items {
                if !first(item, classes, out) {
                    return false;
                }
            }
            return true;
        }
        Node::Class(i) => {
            return classes
                .get(*i as usize)
                .is_some_and(|c| first(c, classes, out));
        }
    }
    false
}

/// Every pair of words a pattern can start with, when there are few
/// enough to list (`None` when a start is not a known word, when the
/// pattern can be one token long, or when the pairs are too many).
pub fn pairs(root: &Node, classes: &[Node]) -> Option<Vec<(u32, u32)>> {
    const MAX: usize = 4096;
    let starts = starts(root, classes, MAX)?;
    let mut out = Vec::with_capacity(starts.len());
    for s in starts {
        match s {
            Start {
                len: 2,
                words: [a, b],
            } => out.push((a, b)),
            _ => return None,
        }
    }
    out.sort_unstable();
    out.dedup();
    Some(out)
}

/// The first words of a match, up to two (without allocating).
#[derive(Clone, Copy)]
struct Start {
    len: u8,
    words: [u32; 2],
}

impl Start {
    const EMPTY: Start = Start {
        len: 0,
        words: [0; 2],
    };

    fn one(w: u32) -> Start {
        Start {
            len: 1,
            words: [w, 0],
        }
    }

    /// `self` followed by the first words of `next`, up to two in all.
    fn then(self, next: Start) -> Start {
        let mut out = self;
        for &w in &next.words[..next.len as usize] {
            if out.len < 2 {
                out.words[out.len as usize] = w;
                out.len += 1;
            }
        }
        out
    }
}

/// The possible first tokens (up to two) of `node`, as word ids: each one
/// or two; one when the node may end after it.
fn starts(node: &Node, classes: &[Node], max: usize) -> Option<Vec<Start>> {
    let out: Vec<Start> = match node {
        Node::Word(w) => vec![Start::one(*w)],
        Node::Words(ws) => ws.iter().map(|w| Start::one(*w)).collect(),
        Node::Class(i) => return starts(classes.get(*i as usize)?, classes, max),
        Node::Alt(alts) => {
            let mut all = Vec::new();
            for a in alts {
                all.extend(starts(a, classes, max)?);
                if all.len() > max {
                    return None;
                }
            }
            all
        }
        Node::Opt(inner) => {
            let mut all = starts(inner, classes, max)?;
            all.push(Start::EMPTY);
            all
        }
        Node::Start | Node::End => vec![Start::EMPTY],
        Node::Seq(items) => {
            let mut partial: Vec<Start> = vec![Start::EMPTY];
            for item in items {
                if partial.iter().all(|p| p.len >= 2) {
                    break;
                }
                let next = starts(item, classes, max)?;
                let mut grown = Vec::with_capacity(partial.len() * next.len());
                for p in &partial {
                    if p.len >= 2 {
                        grown.push(*p);
                        continue;
                    }
                    grown.extend(next.iter().map(|q| p.then(*q)));
                }
                if grown.len() > max {
                    return None;
                }
                partial = grown;
            }
            partial
        }
        _ => return None,
    };
    (out.len() <= max).then_some(out)
}

/// The words `node` can start with, when they are all known words (at
/// most 64 of them).
pub fn first_words(node: &Node, classes: &[Node]) -> Option<Vec<u32>> {
    let mut firsts = Vec::new();
    if first(node, classes, &mut firsts) {
        return None;
    }
    let mut words = Vec::with_capacity(firsts.len());
    for f in firsts {
        match f {
            First::Word(w) => words.push(w),
            _ => return None,
        }
    }
    (words.len() <= 64).then_some(words)
}

/// A note's tokens ready to match: each with its vocabulary id.
pub struct Prepared<'a> {
    pub tokens: &'a [Token],
    pub folded: &'a str,
    pub ids: Vec<u32>,
    /// What each class matches at each token, once known: many patterns
    /// try the same class at the same place.
    pub memo: std::cell::RefCell<Memo>,
    /// The row of each class in `memo` (only classes patterns refer to).
    pub memo_rows: &'a [u32],
}

pub const NO_ID: u32 = u32::MAX;

/// The memo of a note: a table of classes × tokens while that stays small
/// (reused from note to note, stamped so that it never needs clearing), else
/// only the places actually tried, so that a pasted megabyte does not cost
/// a hundred.
pub enum Memo {
    Dense {
        slots: Vec<(u32, u64)>,
        /// The stamp of this note: an entry with another is stale.
        stamp: u32,
    },
    Sparse(rustc_hash::FxHashMap<usize, u64>),
}

impl Memo {
    /// Entries of the dense table at most (16 bytes each: 16 MiB).
    pub const DENSE_MAX: usize = 1 << 20;

    fn get(&self, slot: usize) -> Option<u64> {
        match self {
            Memo::Dense { slots, stamp } => {
                slots.get(slot).filter(|(s, _)| s == stamp).map(|&(_, m)| m)
            }
            Memo::Sparse(map) => map.get(&slot).copied(),
        }
    }

    fn set(&mut self, slot: usize, m: u64) {
        match self {
            Memo::Dense { slots, stamp } => {
                if let Some(cell) = slots.get_mut(slot) {
                    *cell = (*stamp, m);
                }
            }
            Memo::Sparse(map) => {
                map.insert(slot, m);
            }
        }
    }
}

impl Prepared<'_> {
    fn text(&self, i: usize) -> &str {
        &self.folded[self.tokens[i].folded.clone()]
    }
}

/// The ends of the matches of `node` starting at token `at` in sentence
/// `sentence`, as a bit set of lengths (bit k: a match of k tokens).
pub fn ends(node: &Node, classes: &[Node], p: &Prepared, at: usize, sentence: u32) -> u64 {
    if let Some(m) = leaf(node, p, at, sentence) {
        return m;
    }
    match node {
        Node::Opt(inner) => 1 | step(inner, classes, p, at, sentence),
        Node::Not(inner) => {
            let here = p
                .tokens
                .get(at)
                .is_some_and(|t| t.sentence == sentence && t.kind != Kind::Punct);
            if here && step(inner, classes, p, at, sentence) & 0b10 == 0 {
                0b10
            } else {
                0
            }
        }
        Node::Alt(alts) => alts
            .iter()
            .fold(0, |m, a| m | step(a, classes, p, at, sentence)),
        Node::Class(i) => {
            let Some(class) = classes.get(*i as usize) else {
                return 0;
            };
            // Remembered where the class starts in its own sentence.
            let own = p.tokens.get(at).is_some_and(|t| t.sentence == sentence);
            let row = p.memo_rows.get(*i as usize).copied().unwrap_or(u32::MAX);
            if row == u32::MAX {
                return step(class, classes, p, at, sentence);
            }
            let slot = row as usize * (p.tokens.len() + 1) + at;
            if own && let Some(m) = p.memo.borrow().get(slot) {
                return m;
            }
            let m = step(class, classes, p, at, sentence);
            if own {
                p.memo.borrow_mut().set(slot, m);
            }
            m
        }
        Node::Seq(items) => {
            let mut current = 1u64;
            for item in items {
                let mut next = 0u64;
                let mut bits = current;
                while bits != 0 {
                    let b = bits.trailing_zeros();
                    bits &= bits - 1;
                    next |= step(item, classes, p, at + b as usize, sentence) << b;
                }
                if next == 0 {
                    return 0;
                }
                current = next;
            }
            current
        }
        // Leaves are handled above.
        _ => 0,
    }
}

/// [`ends`], with the leaves tested in place rather than through a call.
#[inline(always)]
fn step(node: &Node, classes: &[Node], p: &Prepared, at: usize, sentence: u32) -> u64 {
    match leaf(node, p, at, sentence) {
        Some(m) => m,
        None => ends(node, classes, p, at, sentence),
    }
}

/// The ends of a node that tests tokens only (no children), `None` for the
/// others.
#[inline(always)]
fn leaf(node: &Node, p: &Prepared, at: usize, sentence: u32) -> Option<u64> {
    let here = p.tokens.get(at).filter(|t| t.sentence == sentence);
    let one = |ok: bool| if ok { 0b10 } else { 0 };
    Some(match node {
        Node::Word(w) => one(here.is_some() && p.ids[at] == *w),
        Node::Words(ws) => one(here.is_some() && ws.binary_search(&p.ids[at]).is_ok()),
        Node::Prefix(pre) => {
            one(here.is_some_and(|t| t.kind == Kind::Word) && p.text(at).starts_with(&**pre))
        }
        Node::Suffix(end) => one(here.is_some_and(|t| t.kind == Kind::Word) && {
            let w = p.text(at);
            w.len() >= end.len() + 2 && w.ends_with(&**end)
        }),
        Node::AnyWord => one(here.is_some_and(|t| t.kind != Kind::Punct)),
        Node::Number => one(here.is_some_and(|t| t.kind == Kind::Number)),
        Node::Capital => one(here.is_some_and(|t| t.kind == Kind::Word && t.capital)),
        Node::Gap(n) => {
            let mut mask = 1u64;
            for k in 1..=*n as usize {
                match p.tokens.get(at + k - 1) {
                    Some(t) if t.sentence == sentence => mask |= 1 << k,
                    _ => break,
                }
            }
            mask
        }
        Node::Start => {
            let starts = match at.checked_sub(1) {
                None => true,
                Some(prev) => p.tokens[prev].sentence != sentence,
            };
            u64::from(starts)
        }
        Node::End => u64::from(p.tokens.get(at).is_none_or(|t| t.sentence != sentence)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Classes compiled in order, as the loader does: (name, patterns).
    struct Lab {
        vocabulary: Vocabulary,
        names: HashMap<String, u32>,
        classes: Vec<Node>,
    }

    impl Lab {
        fn new(defs: &[(&str, &[&str])]) -> Lab {
            let mut lab = Lab {
                vocabulary: Vocabulary::default(),
                names: HashMap::new(),
                classes: Vec::new(),
            };
            for (name, srcs) in defs {
                let alts: Vec<Node> = srcs.iter().map(|s| lab.parse(s).unwrap()).collect();
                lab.names.insert(name.to_string(), lab.classes.len() as u32);
                lab.classes.push(gather(alts));
            }
            lab
        }

        fn parse(&mut self, src: &str) -> Result<Node, SyntaxError> {
            Parser {
                vocabulary: &mut self.vocabulary,
                classes: &self.names,
                nodes: &self.classes,
                used: Vec::new(),
            }
            .parse(src)
        }

        /// The longest match of `src` at each place of `text`, as text.
        fn find(&mut self, src: &str, text: &str) -> Vec<String> {
            let node = self.parse(src).expect("parses");
            let folded = Folded::new(text);
            let sentences = crate::text::sentences(text);
            let toks = tokens::tokenize(text, &folded, &sentences);
            let f = folded.as_str();
            let ids = toks
                .iter()
                .map(|t| self.vocabulary.get(&f[t.folded.clone()]).unwrap_or(NO_ID))
                .collect();
            let p = Prepared {
                tokens: &toks,
                folded: f,
                ids,
                memo: std::cell::RefCell::new(Memo::Sparse(Default::default())),
                memo_rows: &[],
            };
            let mut out = Vec::new();
            for (at, t) in toks.iter().enumerate() {
                let mask = ends(&node, &self.classes, &p, at, t.sentence);
                if mask > 1 {
                    let len = 63 - mask.leading_zeros() as usize;
                    out.push(text[t.span.start..toks[at + len - 1].span.end].to_string());
                }
            }
            out
        }

        fn error(&mut self, src: &str) -> (String, usize) {
            let e = self.parse(src).expect_err(src);
            assert_eq!(e.pattern, src);
            (e.message, e.column)
        }
    }

    fn lab() -> Lab {
        Lab::new(&[
            ("HELP", &["help", "helps", "support"]),
            ("CLIENT", &["clinics", "small (shops | firms)"]),
        ])
    }

    #[test]
    fn words_ignore_accents_and_case_and_read_like_the_note() {
        let mut l = lab();
        assert_eq!(
            l.find("rencontré", "Nous avons RENCONTRE Zoé."),
            ["RENCONTRE"]
        );
        assert_eq!(l.find("j'ai vu", "J’ai vu votre post."), ["J’ai vu"]);
        assert_eq!(
            l.find("seriez-vous", "Seriez vous libre ?"),
            ["Seriez vous"]
        );
        assert_eq!(l.find("i 'm", "I'm here."), ["I'm"]);
        assert!(l.find("met", "we meet").is_empty());
    }

    #[test]
    fn alternatives_and_groups() {
        let mut l = lab();
        assert_eq!(
            l.find("(met | ran into) you", "We ran into you."),
            ["ran into you"]
        );
        assert_eq!(l.find("(met | ran into) you", "We met you."), ["met you"]);
        assert_eq!(l.find("a | b c", "b c"), ["b c"]);
        assert!(l.find("(met | ran into) you", "We ran you.").is_empty());
        // Nested groups, and branches sharing a first word.
        assert_eq!(l.find("i ('m | am (not)?)", "I am not sure"), ["I am not"]);
    }

    #[test]
    fn optional_parts() {
        let mut l = lab();
        assert_eq!(l.find("you? at", "you at"), ["you at", "at"]);
        assert_eq!(l.find("met (you)? at", "met at"), ["met at"]);
        assert_eq!(l.find("met (you)? at", "met you at"), ["met you at"]);
    }

    #[test]
    fn gaps_take_up_to_n_tokens_in_the_sentence() {
        let mut l = lab();
        assert_eq!(
            l.find("help ..3 to", "help our teams to"),
            ["help our teams to"]
        );
        assert!(l.find("help ..2 to", "help all our teams to").is_empty());
        // Never across a sentence.
        assert!(l.find("help ..3 to", "We help. To you.").is_empty());
    }

    #[test]
    fn any_word_number_and_capital() {
        let mut l = lab();
        assert_eq!(l.find("at _ we", "at Acme we"), ["at Acme we"]);
        assert!(l.find("at _ we", "at , we").is_empty());
        assert_eq!(l.find("#num minutes", "15 minutes"), ["15 minutes"]);
        assert!(l.find("#num minutes", "few minutes").is_empty());
        assert_eq!(l.find("via #cap", "via Lucie"), ["via Lucie"]);
        assert!(l.find("via #cap", "via email").is_empty());
    }

    #[test]
    fn prefixes_and_suffixes() {
        let mut l = lab();
        assert_eq!(l.find("accompagn*", "J'accompagne"), ["accompagne"]);
        assert!(l.find("accompagn*", "accord").is_empty());
        // A suffix: the word is longer than the end by two letters or more.
        assert_eq!(l.find("*ir", "pour réussir"), ["réussir"]);
        assert!(l.find("*ir", "dir").is_empty());
        assert_eq!(l.find("(the | our) *s", "our tools"), ["our tools"]);
    }

    #[test]
    fn classes_single_words_and_phrases() {
        let mut l = lab();
        assert_eq!(
            l.find("we @HELP @CLIENT", "we help clinics"),
            ["we help clinics"]
        );
        assert_eq!(
            l.find("we @HELP @CLIENT", "we support small firms"),
            ["we support small firms"]
        );
        assert!(l.find("we @HELP @CLIENT", "we help people").is_empty());
    }

    #[test]
    fn negation_is_one_word_the_pattern_does_not_match() {
        let mut l = lab();
        assert_eq!(l.find("your !@CLIENT", "your talk"), ["your talk"]);
        assert!(l.find("your !@CLIENT", "your clinics").is_empty());
        assert!(l.find("your !(talk | post)", "your post").is_empty());
        assert_eq!(l.find("your !(talk | post)", "your book"), ["your book"]);
        // Punctuation is not a word.
        assert!(l.find("your !talk", "your ,").is_empty());
    }

    #[test]
    fn start_end_and_escapes() {
        let mut l = lab();
        assert_eq!(l.find("^ connect \\?", "Connect?"), ["Connect?"]);
        assert!(l.find("^ connect \\?", "Shall we connect?").is_empty());
        assert_eq!(l.find("fellow _ $", "Hi, fellow baker"), ["fellow baker"]);
        assert!(l.find("fellow _ $", "fellow baker here").is_empty());
        assert_eq!(l.find("(a \\, | b)", "a, b"), ["a,", "b"]);
        assert_eq!(l.find("\\( x \\)", "( x )"), ["( x )"]);
    }

    #[test]
    fn every_error_says_what_and_where() {
        let mut l = lab();
        let cases: [(&str, &str, usize); 16] = [
            ("ab \\", "a pattern ends with \\", 4),
            ("a (b | c", "a \"(\" is not closed", 3),
            ("a b)", "an unmatched \")\"", 4),
            ("? a", "\"?\" follows nothing", 1),
            ("a (? b)", "\"?\" follows nothing", 4),
            (
                "a ! b",
                "\"!\" is followed by a word, a class or a group",
                3,
            ),
            ("a ( | b)", "an empty alternative", 5),
            ("a |", "an empty alternative", 4),
            (
                "a @NOPE",
                "no class @NOPE (or it is defined after its use)",
                3,
            ),
            ("a ..x", "\"..x\": a gap is .. and a number, as ..3", 3),
            ("a ..0", "\"..0\": a gap is 1 to 12 tokens", 3),
            ("a ..13", "\"..13\": a gap is 1 to 12 tokens", 3),
            ("a *1", "\"*1\": a suffix is * and letters, as *ir", 3),
            ("a #word", "\"#word\": unknown (#num or #cap)", 3),
            ("a ab*", "\"ab*\": a prefix needs 3 letters", 3),
            ("a (b | c | b)", "the same alternative twice in a group", 12),
        ];
        for (src, message, column) in cases {
            assert_eq!(l.error(src), (message.to_string(), column), "{src}");
        }
        // Accents are ignored, so « à » and « a » are the same alternative.
        assert_eq!(
            l.error("(à | a)"),
            ("the same alternative twice in a group".to_string(), 6)
        );
        let (stem, _) = l.error("~rencontrer");
        assert!(
            stem.contains("stems are not part of the language"),
            "{stem}"
        );
        // Columns count characters, not bytes.
        assert_eq!(l.error("é (b").1, 3);
        let shown = l.parse("a (b").unwrap_err().to_string();
        assert_eq!(shown, "pattern \"a (b\", column 3: a \"(\" is not closed");
    }

    #[test]
    fn classes_used_are_recorded() {
        let mut l = lab();
        let mut p = Parser {
            vocabulary: &mut l.vocabulary,
            classes: &l.names,
            nodes: &l.classes,
            used: Vec::new(),
        };
        p.parse("we @HELP (@CLIENT | you)").unwrap();
        assert_eq!(p.used, [0, 1]);
    }
}
