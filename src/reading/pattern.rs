//! The pattern language: token sequences with word classes, alternatives,
//! optional parts, gaps and stems, parsed from the data files and matched
//! against a note's tokens.
//!
//! ```text
//! word        the word, accents and case ignored          « rencontre »
//! word*       a word starting so                           accompagn*
//! *end        a word ending so (4 letters or more)         *ir  *s
//! ~word       a word with the same stem (Snowball)        ~rencontrer
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
use rust_stemmers::{Algorithm, Stemmer};
use std::collections::HashMap;
use std::fmt;

/// A pattern that does not parse, with what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub pattern: String,
    pub message: String,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pattern \"{}\": {}", self.pattern, self.message)
    }
}

/// The interned words of every pattern: a note's token is looked up once.
#[derive(Default, Debug)]
pub struct Vocabulary {
    ids: HashMap<Box<str>, u32>,
}

impl Vocabulary {
    fn intern(&mut self, word: &str) -> u32 {
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
    Prefix(Box<str>),
    Suffix(Box<str>),
    Stem(Box<str>),
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
    Stem(Box<str>),
    Number,
    /// Anything: such a pattern would be tried at every token.
    Any,
}

/// The stemmer of a language, by its code.
pub fn stemmer(lang: crate::Lang) -> Stemmer {
    match lang {
        crate::Lang::Fr => Stemmer::create(Algorithm::French),
        crate::Lang::En => Stemmer::create(Algorithm::English),
    }
}

/// Reads pattern text into nodes; `@NAME` refers to a class compiled
/// before, by its index in `classes`.
pub struct Parser<'a> {
    pub vocabulary: &'a mut Vocabulary,
    pub stemmer: &'a Stemmer,
    pub classes: &'a HashMap<String, u32>,
}

#[derive(Debug, Clone, PartialEq)]
enum Lexeme {
    Open,
    Close,
    Bar,
    Question,
    Atom(String),
}

fn lex(src: &str) -> Result<Vec<Lexeme>, String> {
    let mut out = Vec::new();
    let mut chars = src.chars().peekable();
    let mut atom = String::new();
    let flush = |atom: &mut String, out: &mut Vec<Lexeme>| {
        if !atom.is_empty() {
            out.push(Lexeme::Atom(std::mem::take(atom)));
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                let Some(escaped) = chars.next() else {
                    return Err("a pattern ends with \\".into());
                };
                flush(&mut atom, &mut out);
                out.push(Lexeme::Atom(format!("\\{escaped}")));
            }
            '(' | ')' | '|' | '?' => {
                flush(&mut atom, &mut out);
                out.push(match c {
                    '(' => Lexeme::Open,
                    ')' => Lexeme::Close,
                    '|' => Lexeme::Bar,
                    _ => Lexeme::Question,
                });
            }
            c if c.is_whitespace() => flush(&mut atom, &mut out),
            c => atom.push(c),
        }
    }
    flush(&mut atom, &mut out);
    Ok(out)
}

impl Parser<'_> {
    pub fn parse(&mut self, src: &str) -> Result<Node, SyntaxError> {
        let fail = |message: String| SyntaxError {
            pattern: src.to_string(),
            message,
        };
        let lexemes = lex(src).map_err(fail)?;
        let mut pos = 0;
        let node = self.alternatives(&lexemes, &mut pos).map_err(fail)?;
        if pos != lexemes.len() {
            return Err(fail("an unmatched \")\"".into()));
        }
        Ok(node)
    }

    fn alternatives(&mut self, lx: &[Lexeme], pos: &mut usize) -> Result<Node, String> {
        let mut alts = vec![self.sequence(lx, pos)?];
        while lx.get(*pos) == Some(&Lexeme::Bar) {
            *pos += 1;
            alts.push(self.sequence(lx, pos)?);
        }
        Ok(if alts.len() == 1 {
            alts.remove(0)
        } else {
            Node::Alt(alts)
        })
    }

    fn sequence(&mut self, lx: &[Lexeme], pos: &mut usize) -> Result<Node, String> {
        let mut items: Vec<Node> = Vec::new();
        while let Some(l) = lx.get(*pos) {
            let mut node = match l {
                Lexeme::Bar | Lexeme::Close => break,
                Lexeme::Question => return Err("\"?\" follows nothing".into()),
                Lexeme::Open => {
                    *pos += 1;
                    let inner = self.alternatives(lx, pos)?;
                    if lx.get(*pos) != Some(&Lexeme::Close) {
                        return Err("a \"(\" is not closed".into());
                    }
                    *pos += 1;
                    inner
                }
                Lexeme::Atom(a) if a == "!" => {
                    // `!(a | b)`: the group that follows, negated.
                    *pos += 1;
                    if lx.get(*pos) != Some(&Lexeme::Open) {
                        return Err("\"!\" is followed by a word, a class or a group".into());
                    }
                    *pos += 1;
                    let inner = self.alternatives(lx, pos)?;
                    if lx.get(*pos) != Some(&Lexeme::Close) {
                        return Err("a \"(\" is not closed".into());
                    }
                    *pos += 1;
                    Node::Not(Box::new(inner))
                }
                Lexeme::Atom(a) if a.len() > 1 && a.starts_with('!') => {
                    *pos += 1;
                    Node::Not(Box::new(self.atom(&a[1..])?))
                }
                Lexeme::Atom(a) => {
                    *pos += 1;
                    self.atom(a)?
                }
            };
            if lx.get(*pos) == Some(&Lexeme::Question) {
                *pos += 1;
                node = Node::Opt(Box::new(node));
            }
            match node {
                Node::Seq(inner) => items.extend(inner),
                other => items.push(other),
            }
        }
        if items.is_empty() {
            return Err("an empty alternative".into());
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
                Some(&i) => Ok(Node::Class(i)),
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
        let (stem, a) = match a.strip_prefix('~') {
            Some(rest) => (true, rest),
            None => (false, a),
        };
        let (prefix, a) = match a.strip_suffix('*') {
            Some(rest) => (true, rest),
            None => (false, a),
        };
        let words = literal_tokens(a);
        if words.is_empty() {
            return Err(format!("\"{a}\" holds no word"));
        }
        if stem && (words.len() != 1 || prefix) {
            return Err(format!("\"~{a}\": a stem is one word"));
        }
        let last = words.len() - 1;
        let mut nodes: Vec<Node> = Vec::with_capacity(words.len());
        for (i, w) in words.iter().enumerate() {
            nodes.push(if stem {
                Node::Stem(self.stemmer.stem(w).into())
            } else if prefix && i == last {
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

/// The folded tokens of a literal, as the note's tokenizer reads them.
fn literal_tokens(a: &str) -> Vec<String> {
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
        Node::Prefix(p) => out.push(First::Prefix(p.clone())),
        Node::Stem(s) => out.push(First::Stem(s.clone())),
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

/// A note's tokens ready to match: each with its vocabulary id and, where a
/// pattern may want it, its stem.
pub struct Prepared<'a> {
    pub tokens: &'a [Token],
    pub folded: &'a str,
    pub ids: Vec<u32>,
    pub stems: Vec<Option<Box<str>>>,
}

pub const NO_ID: u32 = u32::MAX;

impl Prepared<'_> {
    fn text(&self, i: usize) -> &str {
        &self.folded[self.tokens[i].folded.clone()]
    }
}

/// The ends of the matches of `node` starting at token `at` in sentence
/// `sentence`, as a bit set of lengths (bit k: a match of k tokens).
pub fn ends(node: &Node, classes: &[Node], p: &Prepared, at: usize, sentence: u32) -> u64 {
    let token_here = || p.tokens.get(at).filter(|t| t.sentence == sentence);
    let one = |ok: bool| if ok { 0b10 } else { 0 };
    match node {
        Node::Word(w) => one(token_here().is_some() && p.ids[at] == *w),
        Node::Prefix(pre) => {
            one(token_here().is_some_and(|t| t.kind == Kind::Word)
                && p.text(at).starts_with(&**pre))
        }
        Node::Suffix(end) => one(token_here().is_some_and(|t| t.kind == Kind::Word) && {
            let w = p.text(at);
            w.len() >= end.len() + 2 && w.ends_with(&**end)
        }),
        Node::Stem(s) => one(token_here().is_some() && p.stems[at].as_deref() == Some(&**s)),
        Node::AnyWord => one(token_here().is_some_and(|t| t.kind != Kind::Punct)),
        Node::Number => one(token_here().is_some_and(|t| t.kind == Kind::Number)),
        Node::Capital => one(token_here().is_some_and(|t| t.kind == Kind::Word && t.capital)),
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
        Node::Opt(inner) => 1 | ends(inner, classes, p, at, sentence),
        Node::Not(inner) => one(token_here().is_some_and(|t| t.kind != Kind::Punct)
            && ends(inner, classes, p, at, sentence) & 0b10 == 0),
        Node::Alt(alts) => alts
            .iter()
            .fold(0, |m, a| m | ends(a, classes, p, at, sentence)),
        Node::Class(i) => classes
            .get(*i as usize)
            .map_or(0, |c| ends(c, classes, p, at, sentence)),
        Node::Seq(items) => {
            let mut current = 1u64;
            for item in items {
                let mut next = 0u64;
                let mut bits = current;
                while bits != 0 {
                    let b = bits.trailing_zeros();
                    bits &= bits - 1;
                    next |= ends(item, classes, p, at + b as usize, sentence) << b;
                }
                if next == 0 {
                    return 0;
                }
                current = next;
            }
            current
        }
    }
}
