//! Fitting the judgement, and measuring it on notes it never saw.
//!
//! Each fault gets a logistic regression over the features of
//! [`super::features`], fitted by stochastic gradient descent with an L2
//! penalty in a fixed, seeded order, so a run gives the same weights every
//! time. A fault's threshold is chosen on notes the fit did not see: the
//! real notes of the training part are cut into groups of sources, each
//! group judged by a fit on the others, and the threshold is the one that
//! costs least on those judgements, a false alarm costing more than a miss.
//!
//! [`measure`] is the figure that predicts how the judgement does on notes
//! from elsewhere: the real notes are grouped by where they come from (a
//! repository, a site), and each group is judged by a judgement fitted, its
//! thresholds included, without it (leave-sources-out).

use super::{Fault, N, PerFault, Weights, sigmoid};
use crate::diagnostic::{RuleId, Severity};
use crate::lang::Lang;
use crate::lint::{Context, Linter};
use crate::target::{Platform, Relationship, Target, Tier};
use regex::Regex;
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::sync::{Arc, LazyLock};

/// How a judgement is fitted.
#[derive(Debug, Clone)]
pub struct Settings {
    pub epochs: usize,
    pub rate: f64,
    pub l2: f64,
    /// Features seen in fewer notes of the training part are left out.
    pub min_notes: usize,
    /// How much a real note weighs against one the team wrote.
    pub real_weight: f64,
    /// What a false alarm costs when thresholds are chosen, a note called
    /// good that is not costing 1.
    pub false_alarm_cost: f64,
    /// What a pitch missed costs on top.
    pub pitch_miss_cost: f64,
    /// What a reason taken for none, or none for a reason, costs on top.
    pub reason_cost: f64,
    /// What flattery missed costs on top (it seldom changes the verdict
    /// alone, yet the writer should hear of it).
    pub flattery_miss_cost: f64,
    /// Groups of sources the training part is cut into to choose thresholds.
    pub inner_folds: usize,
    pub seed: u64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            epochs: 20,
            rate: 0.05,
            l2: 0.0001,
            min_notes: 2,
            real_weight: 1.0,
            false_alarm_cost: 2.0,
            pitch_miss_cost: 0.5,
            flattery_miss_cost: 1.0,
            reason_cost: 0.25,
            inner_folds: 4,
            seed: 0x2545_F491_4F6C_DD1D,
        }
    }
}

/// A labelled note, read and ready to fit on or to judge.
#[derive(Debug, Clone)]
pub struct Labelled {
    pub id: String,
    /// Where it comes from: a repository, a site; `written` for the team's.
    pub group: String,
    /// A note someone else wrote (else one the team wrote).
    pub real: bool,
    pub lang: Lang,
    /// The text as judged (placeholders filled).
    pub text: String,
    pub target: Option<Target>,
    /// Which faults it has, in [`Fault::ALL`]'s order.
    pub faults: [bool; 4],
    /// No greeting and no thanks.
    pub impolite: bool,
    /// The features the judgement weighs in it.
    pub features: Vec<String>,
}

impl Labelled {
    /// Over the labels' limit (LinkedIn Premium, 300).
    pub fn long(&self) -> bool {
        crate::text::utf16_len(self.text.trim()) > 300
    }

    /// Whether it has what a column of the judgement weighs.
    fn label(&self, column: usize) -> bool {
        match self.faults.get(column) {
            Some(f) => *f,
            None => self.faults.iter().any(|f| *f) || self.impolite || self.long(),
        }
    }
}

impl Labelled {
    pub fn context(&self) -> Context<'_> {
        Context {
            platform: Platform::Linkedin,
            tier: Tier::Premium,
            lang: Some(self.lang),
            target: self.target.as_ref(),
            allow: &[],
        }
    }
}

/// A note of the team's written corpus (`tests/corpus/{fr,en}.toml`).
#[derive(Deserialize)]
struct Written {
    id: String,
    split: String,
    text: String,
    name: Option<String>,
    relationship: Option<Relationship>,
    reason: String,
    pitch: bool,
    polite: bool,
    generic: bool,
    flattery: bool,
}

#[derive(Deserialize)]
struct WrittenFile {
    note: Vec<Written>,
}

/// The `dev` split of the team's written corpus, from its TOML text (the
/// `test` split is never fitted on: `tests/corpus.rs` measures on it).
pub fn written(toml_text: &str, lang: Lang, linter: &Linter) -> Result<Vec<Labelled>, String> {
    let file: WrittenFile = toml::from_str(toml_text).map_err(|e| e.to_string())?;
    Ok(file
        .note
        .into_iter()
        .filter(|n| n.split == "dev")
        .map(|n| {
            let target = Target {
                name: n.name,
                relationship: n.relationship,
                ..Target::default()
            };
            let mut l = Labelled {
                id: n.id,
                group: "written".to_owned(),
                real: false,
                lang,
                text: n.text,
                target: Some(target),
                faults: [n.reason == "none", n.pitch, n.generic, n.flattery],
                impolite: !n.polite,
                features: Vec::new(),
            };
            l.features = linter.features(&l.text, &l.context());
            l
        })
        .collect())
}

/// A real note of `../shared/corpus/dev.jsonl`.
#[derive(Deserialize)]
struct Real {
    id: String,
    lang: String,
    text: String,
    source: String,
    reason_stated: String,
    sales_pitch: String,
    polite: String,
    generic: String,
    flattery_or_dishonest: Option<String>,
}

/// The real notes, from the text of a JSON-lines file; a line that does not
/// read is an error naming it.
pub fn real(jsonl: &str, linter: &Linter) -> Result<Vec<Labelled>, String> {
    let mut out = Vec::new();
    for (i, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let r: Real = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let lang = Lang::parse(&r.lang).ok_or(format!("line {}: language {:?}", i + 1, r.lang))?;
        let mut l = Labelled {
            id: r.id,
            group: group_of(&r.source),
            real: true,
            lang,
            text: fill(&r.text),
            target: None,
            faults: [
                r.reason_stated == "no",
                r.sales_pitch == "yes",
                r.generic == "yes",
                r.flattery_or_dishonest.as_deref() == Some("yes"),
            ],
            impolite: r.polite == "no",
            features: Vec::new(),
        };
        l.features = linter.features(&l.text, &l.context());
        out.push(l);
    }
    Ok(out)
}

/// The group of a source: `github:owner/repo file …` is the repository,
/// `github (index file id N …)` that file, `page: https://host/…` the site.
pub fn group_of(source: &str) -> String {
    if let Some(rest) = source.strip_prefix("github:") {
        return rest.split_whitespace().next().unwrap_or(rest).to_owned();
    }
    if let Some(rest) = source.strip_prefix("page:") {
        let url = rest.split_whitespace().next().unwrap_or("");
        let host = url
            .split("://")
            .nth(1)
            .unwrap_or(url)
            .split('/')
            .next()
            .unwrap_or(url);
        return host.trim_start_matches("www.").to_owned();
    }
    static ID: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"file id (\d+)").expect("a fixed pattern compiles"));
    match ID.captures(source) {
        Some(c) => format!("file {}", &c[1]),
        None => source.to_owned(),
    }
}

/// Placeholders filled as `../shared/corpus/eval.py` fills them, so a
/// note is judged here as it is there.
pub fn fill(text: &str) -> String {
    const FILL: [(&str, &str); 9] = [
        (
            r"(your|votre|my|mon)\s*(first\s*)?(name|prénom|prenom|nom)",
            "Julien",
        ),
        (r"last|nom de famille|surname", "Martin"),
        (r"name|prénom|prenom|first|nom", "Claire"),
        (
            r"company|entreprise|société|societe|organi[sz]ation|employer",
            "Acme",
        ),
        (
            r"event|événement|evenement|conference|conférence|salon|meetup",
            "Web Summit",
        ),
        (r"school|école|ecole|university|université", "HEC"),
        (r"role|poste|title|job|titre|fonction", "product manager"),
        (r"city|ville|location|région|region", "Lyon"),
        (r"industry|secteur|sector|field|domaine", "logistics"),
    ];
    static RULES: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
        FILL.iter()
            .map(|(p, v)| (Regex::new(p).expect("a fixed pattern compiles"), *v))
            .collect()
    });
    static SLOTS: LazyLock<[Regex; 4]> = LazyLock::new(|| {
        [
            r"\{\{([^}]*)\}\}",
            r"\$\{([^}]*)\}",
            r"\{([^}]*)\}",
            r"\[([^\]]*)\]",
        ]
        .map(|p| Regex::new(p).expect("a fixed pattern compiles"))
    });
    let mut text = text.to_owned();
    for slot in SLOTS.iter() {
        text = slot
            .replace_all(&text, |c: &regex::Captures| {
                let inner = c[1].to_lowercase();
                RULES
                    .iter()
                    .find(|(p, _)| p.is_match(&inner))
                    .map_or("data privacy", |(_, v)| v)
                    .to_owned()
            })
            .into_owned();
    }
    text
}

/// A fitted judgement, before it is written.
pub struct Fit {
    vocabulary: Vec<String>,
    bias: PerFault,
    weights: Vec<[f64; N]>,
    pub threshold: PerFault,
}

/// A fixed, portable sequence of numbers (xorshift64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// The groups of `notes` cut into `k` folds of about the same size: the
/// groups in a seeded order, each to the fold with fewest notes so far.
pub fn folds(notes: &[&Labelled], k: usize, seed: u64) -> BTreeMap<String, usize> {
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for n in notes {
        *sizes.entry(n.group.as_str()).or_default() += 1;
    }
    let mut groups: Vec<(&str, usize)> = sizes.into_iter().collect();
    Rng(seed.max(1)).shuffle(&mut groups);
    let mut load = vec![0usize; k.max(1)];
    let mut out = BTreeMap::new();
    for (g, size) in groups {
        let fold = (0..load.len()).min_by_key(|&f| (load[f], f)).unwrap_or(0);
        load[fold] += size;
        out.insert(g.to_owned(), fold);
    }
    out
}

/// Fits the four faults' weights on `notes`, without thresholds.
fn fit_weights(notes: &[&Labelled], s: &Settings) -> (Vec<String>, PerFault, Vec<[f64; N]>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for n in notes {
        let distinct: BTreeSet<&str> = n.features.iter().map(String::as_str).collect();
        for f in distinct {
            *seen.entry(f).or_default() += 1;
        }
    }
    // Indices in sorted order, so the run does not depend on hashing.
    let vocabulary: BTreeSet<&str> = seen
        .into_iter()
        .filter(|(_, c)| *c >= s.min_notes)
        .map(|(f, _)| f)
        .collect();
    let index: HashMap<&str, usize> = vocabulary
        .iter()
        .enumerate()
        .map(|(i, f)| (*f, i))
        .collect();
    let xs: Vec<Vec<usize>> = notes
        .iter()
        .map(|n| {
            n.features
                .iter()
                .filter_map(|f| index.get(f.as_str()).copied())
                .collect()
        })
        .collect();
    let mut weights = vec![[0.0f64; N]; vocabulary.len()];
    let mut bias = [0.0f64; N];
    for fault in Fault::COLUMNS {
        let k = fault.index();
        let mut rng = Rng(s.seed.max(1) ^ (k as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut order: Vec<usize> = (0..notes.len()).collect();
        for _ in 0..s.epochs {
            rng.shuffle(&mut order);
            for &i in &order {
                let z = bias[k] + xs[i].iter().map(|&f| weights[f][k]).sum::<f64>();
                let y = if notes[i].label(k) { 1.0 } else { 0.0 };
                let weight = if notes[i].real { s.real_weight } else { 1.0 };
                let g = (sigmoid(z) - y) * weight;
                bias[k] -= s.rate * g;
                for &f in &xs[i] {
                    let w = &mut weights[f][k];
                    *w -= s.rate * (g + s.l2 * *w);
                }
            }
        }
    }
    (
        vocabulary.into_iter().map(str::to_owned).collect(),
        bias,
        weights,
    )
}

/// Fits a judgement on `notes`, each fault's threshold chosen on judgements
/// of the real notes among them by fits without their group.
pub fn fit(notes: &[&Labelled], s: &Settings) -> Fit {
    let real: Vec<&Labelled> = notes.iter().copied().filter(|n| n.real).collect();
    let inner = folds(&real, s.inner_folds, s.seed ^ 0x5151);
    // Every real note judged by a fit without its group.
    let mut judged: Vec<Judged> = Vec::new();
    for fold in 0..s.inner_folds {
        let held = |n: &Labelled| n.real && inner.get(&n.group) == Some(&fold);
        let train: Vec<&Labelled> = notes.iter().copied().filter(|n| !held(n)).collect();
        if train.len() == notes.len() {
            continue;
        }
        let (vocabulary, bias, weights) = fit_weights(&train, s);
        let index: HashMap<&str, usize> = vocabulary
            .iter()
            .enumerate()
            .map(|(i, f)| (f.as_str(), i))
            .collect();
        for n in notes.iter().filter(|n| held(n)) {
            let mut z = bias;
            for f in n.features.iter().filter_map(|f| index.get(f.as_str())) {
                for k in 0..N {
                    z[k] += weights[*f][k];
                }
            }
            judged.push(Judged {
                p: z.map(sigmoid),
                faults: n.faults,
                other: n.impolite || n.long(),
            });
        }
    }
    let threshold = thresholds(&judged, s);
    let (vocabulary, bias, weights) = fit_weights(notes, s);
    Fit {
        vocabulary,
        bias,
        weights,
        threshold,
    }
}

/// A real note as a fit without its group judged it.
struct Judged {
    p: PerFault,
    faults: [bool; 4],
    /// A fault the judgement does not weigh (no greeting, too long).
    other: bool,
}

/// What a set of thresholds costs on `judged`: a note called good that is
/// not costs 1, a good note called faulty `false_alarm_cost`, a pitch or
/// flattery missed their own cost more, and so does a reason mistaken.
fn cost(judged: &[Judged], t: &PerFault, s: &Settings) -> f64 {
    let mut c = 0.0;
    for j in judged {
        let said: [bool; 4] = Fault::ALL.map(|f| super::found(&j.p, t, f));
        let fix = j.other || j.faults.iter().any(|f| *f);
        let says_fix = j.other || said.iter().any(|f| *f);
        if fix && !says_fix {
            c += 1.0;
        }
        if !fix && says_fix {
            c += s.false_alarm_cost;
        }
        for (f, extra) in [
            (Fault::Pitch, s.pitch_miss_cost),
            (Fault::Flattery, s.flattery_miss_cost),
        ] {
            if j.faults[f.index()] && !said[f.index()] {
                c += extra;
            }
        }
        let r = Fault::NoReason.index();
        if j.faults[r] != said[r] {
            c += s.reason_cost;
        }
    }
    c
}

/// The lowest threshold of a fault, in hundredths.
const MIN_FAULT: u32 = 30;

/// The thresholds that cost least on `judged` together (the verdict is
/// "fix" when any fault is found), one fault at a time until none moves;
/// among equal costs, the highest threshold.
fn thresholds(judged: &[Judged], s: &Settings) -> PerFault {
    let mut t = [0.5; N];
    if judged.is_empty() {
        return t;
    }
    for _ in 0..4 {
        let before = t;
        for k in 0..N {
            // A fault found on a faint leaning would rest on the gate alone:
            // each fault's own threshold stays at 0.3 or more.
            let low = if k == Fault::Fix.index() {
                5
            } else {
                MIN_FAULT
            };
            let mut best = (f64::INFINITY, t[k]);
            for g in (low..=95).map(|i| f64::from(i) / 100.0) {
                let mut tried = t;
                tried[k] = g;
                let c = cost(judged, &tried, s);
                if c <= best.0 {
                    best = (c, g);
                }
            }
            t[k] = best.1;
        }
        if t == before {
            break;
        }
    }
    t
}

/// Weights closer to zero than this are left out of the file.
const KEEP: f64 = 0.01;

impl Fit {
    /// The weights file.
    pub fn write(&self, about: &str) -> String {
        let mut out = String::new();
        let row = |v: &[f64; N]| {
            v.iter()
                .map(|x| format!("{x:.4}"))
                .collect::<Vec<_>>()
                .join("\t")
        };
        for line in about.lines() {
            let _ = writeln!(out, "# {line}");
        }
        let _ = writeln!(
            out,
            "# Columns: {}. Do not edit by hand: retrain. Format: src/judge/mod.rs.",
            Fault::COLUMNS.map(Fault::name).join(", ")
        );
        let _ = writeln!(out, "bias\t{}", row(&self.bias));
        let _ = writeln!(out, "threshold\t{}", row(&self.threshold));
        // Features by the hash of their name, in the hashes' order: the
        // words of the notes fitted on never ship, only numbers.
        let mut rows: Vec<(u64, &[f64; N])> = self
            .vocabulary
            .iter()
            .zip(&self.weights)
            .filter(|(_, w)| w.iter().any(|x| x.abs() >= KEEP))
            .map(|(name, w)| (super::features::hash(&[name.as_str()]), w))
            .collect();
        rows.sort_by_key(|(h, _)| *h);
        for (h, w) in rows {
            let units: Vec<String> = w
                .iter()
                .map(|x| format!("{}", (x * super::UNITS).round() as i64))
                .collect();
            let _ = writeln!(out, "{h:016x}\t{}", units.join("\t"));
        }
        out
    }

    /// The judgement as it would ship: read back from the file it writes,
    /// so it is rounded as the file rounds it.
    pub fn weights(&self) -> Result<Weights, super::WeightsError> {
        Weights::parse(&self.write(""))
    }
}

/// Findings that count as catching a pitch or an ask.
const PITCH_RULES: [RuleId; 5] = [
    RuleId::SalesPitch,
    RuleId::SalesDisclaimer,
    RuleId::Link,
    RuleId::ContactDetails,
    RuleId::ContactRace,
];

/// Counts for one language, or all.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    pub notes: usize,
    pub agree: usize,
    pub good: usize,
    pub false_alarms: usize,
    pub pitch: usize,
    pub pitch_caught: usize,
    pub flattery: usize,
    pub flattery_caught: usize,
    /// Notes with a reason; notes said to have one; both.
    pub reason: usize,
    pub reason_said: usize,
    pub reason_right: usize,
    /// Per fault: (found and labelled, found, labelled) by the judgement alone.
    pub faults: [(usize, usize, usize); 4],
    /// The rules behind the false alarms.
    pub alarms: BTreeMap<RuleId, usize>,
    /// Every note judged against its label: (id, labelled fix, said fix,
    /// flags, each column's probability).
    pub verdicts: Vec<(String, bool, bool, Vec<RuleId>, PerFault)>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

impl Tally {
    pub fn agreement(&self) -> f64 {
        ratio(self.agree, self.notes)
    }
    pub fn false_alarm_rate(&self) -> f64 {
        ratio(self.false_alarms, self.good)
    }
    pub fn pitch_recall(&self) -> f64 {
        ratio(self.pitch_caught, self.pitch)
    }
    pub fn flattery_recall(&self) -> f64 {
        ratio(self.flattery_caught, self.flattery)
    }
    pub fn reason_precision(&self) -> f64 {
        ratio(self.reason_right, self.reason_said)
    }
    pub fn reason_recall(&self) -> f64 {
        ratio(self.reason_right, self.reason)
    }

    fn add(&mut self, o: &Tally) {
        self.notes += o.notes;
        self.agree += o.agree;
        self.good += o.good;
        self.false_alarms += o.false_alarms;
        self.pitch += o.pitch;
        self.pitch_caught += o.pitch_caught;
        self.flattery += o.flattery;
        self.flattery_caught += o.flattery_caught;
        self.reason += o.reason;
        self.reason_said += o.reason_said;
        self.reason_right += o.reason_right;
        for k in 0..4 {
            self.faults[k].0 += o.faults[k].0;
            self.faults[k].1 += o.faults[k].1;
            self.faults[k].2 += o.faults[k].2;
        }
        for (r, n) in &o.alarms {
            *self.alarms.entry(*r).or_default() += n;
        }
        self.verdicts.extend(o.verdicts.iter().cloned());
    }

    /// Judges `note` with `linter` and counts the verdict.
    pub fn count(&mut self, linter: &Linter, note: &Labelled) {
        let report = linter.lint(&note.text, &note.context());
        // The rules of context need what the corpus does not carry (as
        // `../shared/corpus/eval.py` leaves them out).
        let flags: Vec<RuleId> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity >= Severity::Warning && !super::CONTEXT.contains(&d.rule))
            .map(|d| d.rule)
            .collect();
        let j = linter.judgement(&note.text, &note.context());
        for f in Fault::ALL {
            let (said, is) = (j.has(f), note.faults[f.index()]);
            let c = &mut self.faults[f.index()];
            c.0 += usize::from(said && is);
            c.1 += usize::from(said);
            c.2 += usize::from(is);
        }
        let fix = note.label(Fault::Fix.index());
        let says_fix = !flags.is_empty();
        self.verdicts
            .push((note.id.clone(), fix, says_fix, flags.clone(), j.probability));
        self.notes += 1;
        self.agree += usize::from(fix == says_fix);
        if !fix {
            self.good += 1;
            self.false_alarms += usize::from(says_fix);
            if says_fix {
                for r in &flags {
                    *self.alarms.entry(*r).or_default() += 1;
                }
            }
        }
        if note.faults[Fault::Pitch.index()] {
            self.pitch += 1;
            self.pitch_caught += usize::from(flags.iter().any(|r| PITCH_RULES.contains(r)));
        }
        if note.faults[Fault::Flattery.index()] {
            self.flattery += 1;
            self.flattery_caught += usize::from(
                flags
                    .iter()
                    .any(|r| matches!(r, RuleId::Hype | RuleId::FalseFamiliarity)),
            );
        }
        // A note said to go to anyone is said to give no reason particular
        // to the person, as `../shared/corpus/eval.py` counts it (the two
        // labels agree on 458 of the 475 real notes).
        let has_reason = !note.faults[Fault::NoReason.index()];
        let said = !flags
            .iter()
            .any(|r| matches!(r, RuleId::NoReason | RuleId::Generic));
        self.reason += usize::from(has_reason);
        self.reason_said += usize::from(said);
        self.reason_right += usize::from(has_reason && said);
    }
}

/// The figures of a measurement: per language, and all.
#[derive(Debug, Clone, Default)]
pub struct Figures {
    pub by_lang: BTreeMap<Lang, Tally>,
    pub groups: usize,
    pub folds: usize,
}

impl Figures {
    pub fn all(&self) -> Tally {
        let mut t = Tally::default();
        for v in self.by_lang.values() {
            t.add(v);
        }
        t
    }

    /// A table, a line per language and one for all.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<6} {:>5} {:>6} {:>6} {:>7} {:>9} {:>9} {:>9}",
            "", "notes", "agree", "pitch", "false", "reason P", "reason R", "flattery"
        );
        let line = |out: &mut String, name: &str, t: &Tally| {
            let _ = writeln!(
                out,
                "{:<6} {:>5} {:>6.2} {:>6.2} {:>7.2} {:>9.2} {:>9.2} {:>9.2}",
                name,
                t.notes,
                t.agreement(),
                t.pitch_recall(),
                t.false_alarm_rate(),
                t.reason_precision(),
                t.reason_recall(),
                t.flattery_recall()
            );
        };
        for (lang, t) in &self.by_lang {
            line(&mut out, lang.code(), t);
        }
        let all = self.all();
        line(&mut out, "all", &all);
        let _ = writeln!(
            out,
            "\nthe judgement alone, per fault (precision / recall):"
        );
        for f in Fault::ALL {
            let (both, said, is) = all.faults[f.index()];
            let _ = writeln!(
                out,
                "  {:<10} {:.2} / {:.2}  ({is} notes)",
                f.name(),
                ratio(both, said),
                ratio(both, is)
            );
        }
        out
    }
}

/// Leave-sources-out: the real notes' groups cut into `k` folds; each fold
/// judged by a judgement fitted on the other folds and the written corpus.
pub fn measure(
    written: &[Labelled],
    real: &[Labelled],
    k: usize,
    s: &Settings,
) -> Result<Figures, super::WeightsError> {
    let real_refs: Vec<&Labelled> = real.iter().collect();
    let outer = folds(&real_refs, k, s.seed);
    let mut figures = Figures {
        groups: outer.len(),
        folds: k,
        ..Figures::default()
    };
    for fold in 0..k {
        let held = |n: &Labelled| outer.get(&n.group) == Some(&fold);
        let train: Vec<&Labelled> = written
            .iter()
            .chain(real.iter().filter(|n| !held(n)))
            .collect();
        let fitted = fit(&train, s);
        let linter = Linter::default().with_judge(Arc::new(fitted.weights()?));
        for n in real.iter().filter(|n| held(n)) {
            figures.by_lang.entry(n.lang).or_default().count(&linter, n);
        }
    }
    Ok(figures)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_group_by_repository_file_or_site() {
        assert_eq!(group_of("github:a/b notes.md (commit 1)"), "a/b");
        assert_eq!(group_of("github (index file id 123: a demo)"), "file 123");
        assert_eq!(
            group_of("page: https://www.example.org/blog/x (an example)"),
            "example.org"
        );
    }

    #[test]
    fn placeholders_are_filled_as_the_corpus_script_fills_them() {
        assert_eq!(
            fill("Hi {{first_name}}, we met at [event] in {city}."),
            "Hi Claire, we met at Web Summit in Lyon."
        );
    }

    #[test]
    fn thresholds_weigh_false_alarms_over_misses() {
        let note = |p: f64, fault: bool| Judged {
            p: [p, 0.0, 0.0, 0.0, 1.0],
            faults: [fault, false, false, false],
            other: false,
        };
        let judged = [
            note(0.1, false),
            note(0.4, false),
            note(0.45, true),
            note(0.6, true),
            note(0.9, true),
        ];
        let t = thresholds(&judged, &Settings::default());
        assert!(t[0] > 0.4 && t[0] <= 0.45, "{t:?}");
        // Very costly false alarms: only the surest.
        let judged = [
            note(0.1, false),
            note(0.5, true),
            note(0.55, false),
            note(0.9, true),
        ];
        let costly = Settings {
            false_alarm_cost: 3.0,
            ..Settings::default()
        };
        let t = thresholds(&judged, &costly);
        assert!(t[0] > 0.55 && t[0] <= 0.9, "{t:?}");
    }

    #[test]
    fn folds_keep_a_group_whole_and_are_balanced() {
        let note = |g: &str| Labelled {
            id: String::new(),
            group: g.to_owned(),
            real: true,
            lang: Lang::En,
            text: String::new(),
            target: None,
            faults: [false; 4],
            impolite: false,
            features: Vec::new(),
        };
        let notes: Vec<Labelled> = ["a", "a", "a", "b", "c", "c", "d"]
            .iter()
            .map(|g| note(g))
            .collect();
        let refs: Vec<&Labelled> = notes.iter().collect();
        let f = folds(&refs, 2, 7);
        assert_eq!(f.len(), 4);
        let size = |fold| refs.iter().filter(|n| f[&n.group] == fold).count();
        assert!(size(0).abs_diff(size(1)) <= 1, "{f:?}");
        assert_eq!(f, folds(&refs, 2, 7), "the same seed, the same folds");
    }
}
