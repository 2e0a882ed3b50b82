//! The pattern files, compiled once: per language, the word classes
//! (`classes.toml`) and one file per family of cues (`reason.toml`,
//! `generic.toml`, `pitch.toml`, `praise.toml`), each cue with its patterns,
//! its antipatterns (`unless`) and its examples (`hits` it must find, on
//! the words marked `⟦…⟧`, and `misses` it must not), which the tests run.
//!
//! A note is matched by looking up each token's possible first tokens in an
//! index, so only the few patterns that can start there are tried.
//!
//! Here: the compiled library and its lookups; `load.rs` reads the files
//! and refuses a fault in them, `words.rs` finds the note's words, names
//! and the sentences that speak to the person.

mod load;
mod words;

pub use load::{Group, Hit, LibraryError, MARK};

use super::pattern::{self, Memo, NO_ID, Node, Prepared, Vocabulary};
use super::tokens::{self, Kind};
use super::{Cue, Family, Reading};
use crate::lang::Lang;
use crate::text::Folded;
use load::shipped_files;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::{Arc, LazyLock, OnceLock};
use words::{YOU, names, to_them, words};

/// Where an antipattern applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Group(u32),
    Family(Family),
}

#[derive(Debug)]
struct Compiled {
    source: String,
    root: Node,
    /// Words the note must hold for the pattern to match anywhere: one of
    /// each set (filled in after compiling).
    needs: Vec<Box<[u32]>>,
    /// The cue group, or for an antipattern where it applies.
    scope: Scope,
    anti: bool,
    /// Where it is written: the file of its family, and the line.
    family: Family,
    line: u32,
}

#[derive(Default, Debug)]
struct Index {
    /// For each word, the patterns that need it, each with the bit of the
    /// set it belongs to (see [`Compiled::needs`]).
    needed_by: FxHashMap<u32, Vec<(u32, u8)>>,
    /// For each pattern, the bits of all its needed sets.
    need_all: Vec<u8>,
    /// Patterns whose first two tokens are known words, by those two.
    pairs: FxHashMap<(u32, u32), Vec<u32>>,
    words: FxHashMap<u32, Vec<u32>>,
    prefixes: FxHashMap<u8, Vec<(Box<str>, u32)>>,
    numbers: Vec<u32>,
    /// The maps above by word id, for lookups without hashing: patterns by
    /// first word, (second word, pattern) by first word sorted, and the
    /// needed-word tally entries by word.
    by_word: Vec<Box<[u32]>>,
    by_pair: Vec<Box<[(u32, u32)]>>,
    need_by_word: Vec<Box<[(u32, u8)]>>,
}

impl Index {
    /// Lays the maps out by word id.
    fn freeze(&mut self) {
        fn table<T: Clone>(map: &FxHashMap<u32, Vec<T>>) -> Vec<Box<[T]>> {
            let len = map.keys().max().map_or(0, |&m| m as usize + 1);
            let mut out: Vec<Box<[T]>> = vec![Box::new([]); len];
            for (&k, v) in map {
                out[k as usize] = v.clone().into();
            }
            out
        }
        self.by_word = table(&self.words);
        self.need_by_word = table(&self.needed_by);
        let mut pairs: FxHashMap<u32, Vec<(u32, u32)>> = FxHashMap::default();
        for (&(a, b), ids) in &self.pairs {
            pairs
                .entry(a)
                .or_default()
                .extend(ids.iter().map(|&id| (b, id)));
        }
        for v in pairs.values_mut() {
            v.sort_unstable();
        }
        self.by_pair = table(&pairs);
    }
}

struct Language {
    classes: Vec<Node>,
    patterns: Vec<Compiled>,
    pub(crate) groups: Vec<Group>,
    index: Index,
    /// A row of the per-note memo for each class referred to (`u32::MAX`
    /// for the others), and how many rows.
    memo_rows: Vec<u32>,
    memo_classes: usize,
}

/// The patterns of one language, with the words they know.
struct Tongue {
    vocabulary: Vocabulary,
    language: Language,
    /// Whether each word id is one of [`YOU`], the words that speak to the
    /// person.
    you: Vec<bool>,
}

impl Tongue {
    fn compile(lang: Lang) -> Result<Tongue, LibraryError> {
        let mut vocabulary = Vocabulary::default();
        let language = Language::compile(lang, shipped_files(lang), &mut vocabulary)?;
        let ids: Vec<u32> = YOU.iter().map(|w| vocabulary.intern(w)).collect();
        let mut you = vec![false; ids.iter().max().map_or(0, |&m| m as usize + 1)];
        for id in ids {
            you[id as usize] = true;
        }
        Ok(Tongue {
            vocabulary,
            language,
            you,
        })
    }
}

/// Every pattern of both languages, each language compiled the first time
/// it is needed: a process that reads French notes never compiles the
/// English patterns (half the time of a one-note `check`).
pub struct Library {
    tongues: [OnceLock<Tongue>; 2],
}

static SHIPPED: LazyLock<Arc<Library>> = LazyLock::new(|| {
    Arc::new(Library {
        tongues: [OnceLock::new(), OnceLock::new()],
    })
});

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    }
}

impl Library {
    /// The shipped patterns, each language compiled once per process.
    pub fn shipped() -> Arc<Library> {
        SHIPPED.clone()
    }

    /// Compiles the patterns of `lang` now, if no one has yet (a thread
    /// that warms the engine up calls it).
    pub fn warm(&self, lang: Lang) {
        let _ = self.tongue(lang);
    }

    fn tongue(&self, lang: Lang) -> &Tongue {
        self.tongues[slot(lang)].get_or_init(|| {
            // The shipped files are fixed data, compiled and run by the
            // tests below.
            Tongue::compile(lang).expect("the shipped pattern files compile")
        })
    }

    /// What the patterns of `lang` find in `text` (whose folded form and
    /// sentences the engine computed already).
    pub fn read(
        &self,
        lang: Lang,
        text: &str,
        folded: &Folded,
        sentences: &[Range<usize>],
    ) -> Reading {
        let tongue = self.tongue(lang);
        let language = &tongue.language;
        let toks = tokens::tokenize(text, folded, sentences);
        let f = folded.as_str();
        let (mut reading, to_them) = tongue.prepared(&toks, f, |p| {
            let reading = language.find(p);
            (reading, to_them(&p.ids, &tongue.you, &toks, sentences))
        });
        reading.names = names(text, f, &toks);
        reading.words = words(text, &toks);
        reading.to_them = to_them;
        reading.tokens = toks;
        reading
    }

    /// The cue groups of a language, with their examples (for the tests and
    /// `poignee explain`).
    pub fn groups(&self, lang: Lang) -> &[Group] {
        &self.tongue(lang).language.groups
    }
}

impl Tongue {
    /// Runs `body` on the note's tokens made ready to match.
    fn prepared<R>(&self, toks: &[tokens::Token], f: &str, body: impl FnOnce(&Prepared) -> R) -> R {
        let ids: Vec<u32> = toks
            .iter()
            .map(|t| self.vocabulary.get(&f[t.folded.clone()]).unwrap_or(NO_ID))
            .collect();
        // The memo of this thread, stamped for this note: what earlier
        // notes left in it is stale, so it never needs clearing.
        let language = &self.language;
        let size = language.memo_classes * (toks.len() + 1);
        let memo = if size <= Memo::DENSE_MAX {
            MEMO.with(|m| {
                let (mut v, last) = m.take();
                let stamp = last.wrapping_add(1).max(1);
                if stamp == 1 {
                    v.clear();
                }
                if v.len() < size {
                    v.resize(size, (0, 0));
                }
                Memo::Dense { slots: v, stamp }
            })
        } else {
            Memo::Sparse(Default::default())
        };
        let prepared = Prepared {
            tokens: toks,
            folded: f,
            ids,
            memo: std::cell::RefCell::new(memo),
            memo_rows: &language.memo_rows,
        };
        let out = body(&prepared);
        // The memo's memory serves the next note of this thread.
        if let Memo::Dense { slots, stamp } = prepared.memo.into_inner() {
            MEMO.with(|m| m.replace((slots, stamp)));
        }
        out
    }
}

thread_local! {
    /// The memo of the last note read on this thread, kept for its memory.
    static MEMO: std::cell::Cell<(Vec<(u32, u64)>, u32)> = const { std::cell::Cell::new((Vec::new(), 0)) };
}

/// A match of pattern `pattern` over tokens `tokens`.
struct Match {
    pattern: u32,
    tokens: Range<usize>,
}

impl Language {
    fn find(&self, p: &Prepared) -> Reading {
        let matches = self.matches(p);
        let mut cues: Vec<(u32, Range<usize>)> = Vec::new();
        self.kept(&matches, |group, m| cues.push((group, m.tokens.clone())));
        self.cues(p, cues)
    }

    /// Every match of every pattern (antipatterns too) in the note.
    fn matches(&self, p: &Prepared) -> Vec<Match> {
        let mut matches: Vec<Match> = Vec::new();
        let mut tried: Vec<u32> = vec![u32::MAX; self.patterns.len()];
        // Which of each pattern's needed sets the note's words meet: a
        // pattern is tried only when it meets them all.
        let mut met: Vec<u8> = vec![0; self.patterns.len()];
        let mut seen: Vec<u32> = p.ids.iter().copied().filter(|&id| id != NO_ID).collect();
        seen.sort_unstable();
        seen.dedup();
        for id in seen {
            for &(pattern, bit) in self
                .index
                .need_by_word
                .get(id as usize)
                .map_or(&[][..], |v| v)
            {
                met[pattern as usize] |= bit;
            }
        }
        let f = p.folded;
        for (at, t) in p.tokens.iter().enumerate() {
            let word = &f[t.folded.clone()];
            let mut attempt = |id: u32, matches: &mut Vec<Match>| {
                // Tried here already.
                let here = at as u32;
                let slot = &mut tried[id as usize];
                if *slot == here {
                    return;
                }
                *slot = here;
                if met[id as usize] != self.index.need_all[id as usize] {
                    return;
                }
                let mask = pattern::ends(
                    &self.patterns[id as usize].root,
                    &self.classes,
                    p,
                    at,
                    t.sentence,
                );
                if mask > 1 {
                    let len = 63 - mask.leading_zeros() as usize;
                    matches.push(Match {
                        pattern: id,
                        tokens: at..at + len,
                    });
                }
            };
            let here = p.ids[at] as usize;
            if let Some(ids) = self.index.by_word.get(here) {
                ids.iter().for_each(|&id| attempt(id, &mut matches));
            }
            if let Some(&next) = p.ids.get(at + 1)
                && let Some(seconds) = self.index.by_pair.get(here)
            {
                let from = seconds.partition_point(|&(b, _)| b < next);
                for &(_, id) in seconds[from..].iter().take_while(|&&(b, _)| b == next) {
                    attempt(id, &mut matches);
                }
            }
            if let Some(list) = word
                .as_bytes()
                .first()
                .and_then(|b| self.index.prefixes.get(b))
            {
                for (prefix, id) in list {
                    if t.kind == Kind::Word && word.starts_with(&**prefix) {
                        attempt(*id, &mut matches);
                    }
                }
            }
            if t.kind == Kind::Number {
                self.index
                    .numbers
                    .iter()
                    .for_each(|&id| attempt(id, &mut matches));
            }
        }
        matches
    }

    /// Calls `keep` with each match of a cue's pattern that no antipattern
    /// vetoes, and its cue group.
    fn kept<'m>(&self, matches: &'m [Match], mut keep: impl FnMut(u32, &'m Match)) {
        // The antipatterns' matches, by start, to veto the cues they overlap
        // (a match is at most 63 tokens long).
        let mut antis: Vec<&Match> = matches
            .iter()
            .filter(|m| self.patterns[m.pattern as usize].anti)
            .collect();
        antis.sort_by_key(|a| a.tokens.start);
        for m in matches
            .iter()
            .filter(|m| !self.patterns[m.pattern as usize].anti)
        {
            let Scope::Group(group) = self.patterns[m.pattern as usize].scope else {
                continue;
            };
            let kind = self.groups[group as usize].kind;
            let from = antis.partition_point(|a| a.tokens.start + 64 <= m.tokens.start);
            let vetoed = antis[from..]
                .iter()
                .take_while(|a| a.tokens.start < m.tokens.end)
                .any(|a| {
                    a.tokens.end > m.tokens.start
                        && match self.patterns[a.pattern as usize].scope {
                            Scope::Group(g) => g == group,
                            Scope::Family(fam) => fam == kind.family(),
                        }
                });
            if !vetoed {
                keep(group, m);
            }
        }
    }

    /// The cues of the unvetoed matches, by group.
    fn cues(&self, p: &Prepared, mut cues: Vec<(u32, Range<usize>)>) -> Reading {
        // One cue per group and stretch of text: overlapping matches merge.
        cues.sort_by_key(|(g, r)| (*g, r.start, std::cmp::Reverse(r.end)));
        let mut merged: Vec<(u32, Range<usize>)> = Vec::with_capacity(cues.len());
        for (g, r) in cues {
            match merged.last_mut() {
                Some((lg, lr)) if *lg == g && r.start < lr.end => lr.end = lr.end.max(r.end),
                _ => merged.push((g, r)),
            }
        }
        let mut out: Vec<Cue> = merged
            .into_iter()
            .map(|(g, r)| {
                let group = &self.groups[g as usize];
                Cue {
                    kind: group.kind,
                    weak: group.weak,
                    span: p.tokens[r.start].span.start..p.tokens[r.end - 1].span.end,
                }
            })
            .collect();
        out.sort_by_key(|c| (c.span.start, c.span.end, c.kind));
        Reading {
            cues: out,
            ..Reading::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::CueKind;

    fn read(lang: Lang, text: &str) -> Reading {
        let folded = Folded::new(text);
        let sentences = crate::text::sentences(text);
        Library::shipped().read(lang, text, &folded, &sentences)
    }

    /// The shipped files load: no pattern, class or list is at fault.
    #[test]
    fn the_senders_own_name_is_not_a_name_said_to_them() {
        let said = |lang, text: &str| -> Vec<String> {
            read(lang, text)
                .names
                .iter()
                .map(|r| text[r.clone()].to_owned())
                .collect()
        };
        assert_eq!(
            said(
                Lang::En,
                "Hi Sam, I'm Viresh Kumar, we met at RustConf in Lyon."
            ),
            ["RustConf", "Lyon"]
        );
        assert_eq!(
            said(
                Lang::Fr,
                "Bonjour, je m'appelle Inès Morel et je suis Yasmine Ali sur Slack."
            ),
            ["Slack"]
        );
        assert_eq!(
            said(Lang::En, "Hello, my name is Jo and Hector Ruiz sent me."),
            ["Hector Ruiz"]
        );
    }

    #[test]
    fn the_shipped_files_load() {
        for lang in Lang::ALL {
            if let Err(e) = Tongue::compile(lang) {
                panic!("{e}");
            }
        }
    }

    /// The spans cue group `g` of `lang` finds in `text`: those of the cues
    /// it makes there, as [`Library::read`] reports them.
    fn group_spans(lang: Lang, g: u32, text: &str) -> Vec<Range<usize>> {
        let lib = Library::shipped();
        let tongue = lib.tongue(lang);
        let language = &tongue.language;
        let folded = Folded::new(text);
        let sentences = crate::text::sentences(text);
        let toks = tokens::tokenize(text, &folded, &sentences);
        tongue.prepared(&toks, folded.as_str(), |p| {
            let matches = language.matches(p);
            let mut cues = Vec::new();
            language.kept(&matches, |group, m| {
                if group == g {
                    cues.push((group, m.tokens.clone()));
                }
            });
            let reading = language.cues(p, cues);
            reading.cues.into_iter().map(|c| c.span).collect()
        })
    }

    /// Every cue's hits are read as its kind, by the cue itself, on exactly
    /// the words marked; none of its misses is read as its kind.
    #[test]
    fn every_example_of_every_cue() {
        let lib = Library::shipped();
        let mut failures = Vec::new();
        for lang in Lang::ALL {
            for (g, group) in lib.groups(lang).iter().enumerate() {
                let at = format!(
                    "{lang}/{}.toml {}",
                    group.kind.family().file(),
                    group.kind.name()
                );
                for hit in &group.hits {
                    let found = group_spans(lang, g as u32, &hit.text);
                    let written = Hit::marked(&hit.text, &hit.marks);
                    if found.is_empty() {
                        failures.push(format!("{at}: misses “{written}”"));
                    } else if found != hit.marks {
                        let read = Hit::marked(&hit.text, &found);
                        failures.push(format!("{at}: “{written}” is read “{read}”"));
                    }
                }
                // A strong cue's misses must not be read as strong; a weak
                // cue's misses must not be read at all.
                for miss in &group.misses {
                    let fires = read(lang, miss)
                        .cues
                        .iter()
                        .any(|c| c.kind == group.kind && (group.weak || !c.weak));
                    if fires {
                        failures.push(format!("{at}: fires on “{miss}”"));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// The patterns of `lang` that match `text`, each with whether a cue
    /// keeps it (an antipattern is never kept).
    fn trace(lang: Lang, text: &str) -> Vec<(u32, bool)> {
        let lib = Library::shipped();
        let tongue = lib.tongue(lang);
        let language = &tongue.language;
        let folded = Folded::new(text);
        let sentences = crate::text::sentences(text);
        let toks = tokens::tokenize(text, &folded, &sentences);
        tongue.prepared(&toks, folded.as_str(), |p| {
            let matches = language.matches(p);
            let mut kept: Vec<u32> = Vec::new();
            language.kept(&matches, |_, m| kept.push(m.pattern));
            matches
                .iter()
                .map(|m| (m.pattern, kept.contains(&m.pattern)))
                .collect()
        })
    }

    /// Faults in the files are refused with the file and the line.
    #[test]
    fn faults_are_refused_with_file_and_line() {
        let cue = "[[cue]]\nkind = \"event\"\nmatch = [\n  \"we @MET\",\n  \"(at | during | at) _\",\n]\nhits = [\"⟦we met⟧\"]\n";
        let compile = |classes: &str, reason: &str| {
            let files = [classes, reason, "", "", ""];
            Language::compile(Lang::En, &files, &mut Vocabulary::default())
                .err()
                .map(|e| e.to_string())
        };
        let classes = "MET = [\"met\"]\n";
        assert_eq!(
            compile(classes, cue).as_deref(),
            Some(
                "data/patterns/en/reason.toml:5: pattern \"(at | during | at) _\", column 16: the same alternative twice in a group"
            )
        );
        let cue = cue.replace("(at | during | at) _", "at _");
        assert_eq!(compile(classes, &cue), None);
        assert_eq!(
            compile("MET = [\"met\"]\n\nNEVER = [\"x\"]\n", &cue).as_deref(),
            Some("data/patterns/en/classes.toml:3: @NEVER is defined but no pattern uses it")
        );
        assert_eq!(
            compile("MET = [\"met\",\n  \"mét\"]\n", &cue).as_deref(),
            Some("data/patterns/en/classes.toml:2: @MET: \"mét\" twice")
        );
        let twice = cue.replace("\"at _\",", "\"at _\",\n  \"at  _\",");
        assert_eq!(
            compile(classes, &twice).as_deref(),
            Some("data/patterns/en/reason.toml:6: \"at  _\" twice in one list")
        );
        let bad = cue.replace("at _", "at ..20");
        assert_eq!(
            compile(classes, &bad).as_deref(),
            Some(
                "data/patterns/en/reason.toml:5: pattern \"at ..20\", column 4: \"..20\": a gap is 1 to 12 tokens"
            )
        );
        let stray = cue.replace("kind = \"event\"", "kind = \"sells\"");
        assert_eq!(
            compile(classes, &stray).as_deref(),
            Some("data/patterns/en/reason.toml:2: kind \"sells\" belongs in pitch.toml")
        );
        // The marks of the examples: around words, one at a time, in
        // every hit and in no miss.
        for (hit, message) in [
            (
                "we met",
                "no span marked: put ⟦…⟧ around the words the cue finds",
            ),
            ("⟦we met", "⟦ not closed"),
            ("we⟧ met", "⟧ without ⟦"),
            ("⟦we ⟦met⟧⟧", "⟦ inside ⟦…⟧"),
            ("we met⟦ ⟧", "⟦⟧ marks no words"),
        ] {
            let bad = cue.replace("⟦we met⟧", hit);
            assert_eq!(
                compile(classes, &bad),
                Some(format!(
                    "data/patterns/en/reason.toml:7: hit \"{hit}\": {message}"
                ))
            );
        }
        let marked_miss = format!("{cue}misses = [\"⟦we⟧ never met\"]\n");
        assert_eq!(
            compile(classes, &marked_miss).as_deref(),
            Some(
                "data/patterns/en/reason.toml:8: miss \"⟦we⟧ never met\": a miss has no span to mark"
            )
        );
        let any = cue.replace("at _", "_ at");
        assert_eq!(
            compile(classes, &any).as_deref(),
            Some(
                "data/patterns/en/reason.toml:5: \"_ at\" may start with any token; start it with a word"
            )
        );
        let trailing = cue.replace("at _", "at _ ..3");
        assert_eq!(
            compile(classes, &trailing).as_deref(),
            Some(
                "data/patterns/en/reason.toml:5: \"at _ ..3\" ends with a gap: it only widens the span; end it with a word"
            )
        );
    }

    /// The data as a spec: every pattern of a cue finds one of the cue's
    /// own hits (and is not vetoed there), every antipattern matches one of
    /// the misses of the cues it applies to.
    #[test]
    fn every_pattern_is_reached_by_an_example_of_its_own_cue() {
        let lib = Library::shipped();
        let mut unreached = Vec::new();
        let mut total = 0;
        for lang in Lang::ALL {
            let language = &lib.tongue(lang).language;
            let mut reached = vec![false; language.patterns.len()];
            for (g, group) in language.groups.iter().enumerate() {
                let g = g as u32;
                for hit in &group.hits {
                    for (id, kept) in trace(lang, &hit.text) {
                        let p = &language.patterns[id as usize];
                        if !p.anti && kept && p.scope == Scope::Group(g) {
                            reached[id as usize] = true;
                        }
                    }
                }
                for miss in &group.misses {
                    for (id, _) in trace(lang, miss) {
                        let p = &language.patterns[id as usize];
                        let applies = p.scope == Scope::Group(g)
                            || p.scope == Scope::Family(group.kind.family());
                        if p.anti && applies {
                            reached[id as usize] = true;
                        }
                    }
                }
            }
            total += reached.len();
            for (p, _) in language.patterns.iter().zip(&reached).filter(|(_, r)| !**r) {
                let (what, kind) = match p.scope {
                    Scope::Group(g) => (
                        if p.anti { "unless" } else { "match" },
                        language.groups[g as usize].kind.name(),
                    ),
                    Scope::Family(_) => ("unless", "(file)"),
                };
                unreached.push(format!(
                    "data/patterns/{lang}/{}.toml:{}\t{what} {kind}\t{}",
                    p.family.file(),
                    p.line,
                    p.source
                ));
            }
        }
        assert!(
            unreached.is_empty(),
            "{} of {total} patterns reached by no example of their cue:\n{}",
            unreached.len(),
            unreached.join("\n")
        );
    }

    #[test]
    fn marks_are_read_and_written_back() {
        let hit = Hit::parse("Hi Zoé, ⟦we met⟧ at ⟦the fair⟧.").unwrap();
        assert_eq!(hit.text, "Hi Zoé, we met at the fair.");
        assert_eq!(hit.marks, vec![9..15, 19..27]);
        assert_eq!(
            Hit::marked(&hit.text, &hit.marks),
            "Hi Zoé, ⟦we met⟧ at ⟦the fair⟧."
        );
    }

    #[test]
    fn words_from_tokens_are_the_reader_s_words() {
        for t in [
            "Aujourd’hui, j'ai lu ton e-mail -- merci !",
            "Hi Sam, I'm sure Acme's 3x faster; see you at 10:30.",
            "Bonjour Claire,\nnous nous sommes croisés au salon VivaTech. Merci 🙂",
            "l'offre-test, c'est-à-dire « ceci »",
        ] {
            let reading = read(Lang::Fr, t);
            let ours: Vec<&str> = reading.words.iter().map(|r| &t[r.clone()]).collect();
            let theirs: Vec<&str> = crate::text::words(t).map(|r| &t[r]).collect();
            assert_eq!(ours, theirs, "{t}");
        }
    }

    #[test]
    fn spans_point_at_the_words() {
        let t = "Hi Sam, we met at RustConf last week. Thanks!";
        let r = read(Lang::En, t);
        let event = r.cues.iter().find(|c| c.kind == CueKind::Event);
        assert!(
            event.is_some_and(|c| t[c.span.clone()].starts_with("we met at")),
            "{r:?}"
        );
    }
}
