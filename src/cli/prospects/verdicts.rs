//! A row's verdict: its category (in, out, unknown, ambiguous), worked
//! out once for each place and sector, and what the run counted of them
//! (the categories, the reasons, the rows left out).

use clap::ValueEnum;
use poignee::audience::{Audience, Decision, Field, Verdict};
use poignee::lang::{Lang, Localized, Text};
use poignee::text::terminal_line;
use std::collections::HashMap;

/// A row's verdict, as the list says it.
#[derive(
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    ValueEnum,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[strum(serialize_all = "lowercase")]
pub enum Category {
    In,
    Out,
    Unknown,
    /// A place that names several (Saint-Denis: 93 or 974)
    Ambiguous,
}

impl Category {
    pub fn of(verdict: &Verdict) -> Category {
        match verdict.decision {
            Decision::In => Category::In,
            Decision::Out => Category::Out,
            Decision::Unknown if verdict.ambiguous() => Category::Ambiguous,
            Decision::Unknown => Category::Unknown,
        }
    }

    /// What the `audience` column writes: the name `--only` takes.
    pub(super) fn name(self) -> &'static str {
        self.into()
    }

    pub(super) fn word(self) -> Text {
        match self {
            Category::In => Text::new("✓ dans la cible", "✓ in"),
            Category::Out => Text::new("✖ hors cible", "✖ out"),
            Category::Unknown => Text::new("? inconnu", "? unknown"),
            Category::Ambiguous => Text::new("? ambigu", "? ambiguous"),
        }
    }
}

/// Places and sectors repeat down a list (a city, an industry): a verdict
/// and its words are worked out once for each pair, up to this many pairs.
const MEMO: usize = 65_536;

/// A verdict with what the list writes of it.
pub(super) struct Judged {
    verdict: Verdict,
    pub(super) cat: Category,
    /// `audience_reason`, as is.
    pub(super) reason: String,
    /// The reason as the terminal shows it (French spacing, safe).
    pub(super) shown: String,
    /// Rows with it so far, counted into the tally at the end.
    rows: usize,
}

impl Judged {
    fn new(lang: Lang, verdict: Verdict) -> Judged {
        let cat = Category::of(&verdict);
        let reason = match cat {
            Category::In => String::new(),
            _ => verdict.why().get(lang).into_owned(),
        };
        let shown = terminal_line(&reason).into_owned();
        Judged {
            verdict,
            cat,
            reason,
            shown,
            rows: 0,
        }
    }
}

/// The verdicts already worked out, by place and sector.
#[derive(Default)]
pub(super) struct Memo {
    seen: HashMap<(Option<String>, Option<String>), usize>,
    pub(super) judged: Vec<Judged>,
}

impl Memo {
    /// The row's verdict, counted; beyond [`MEMO`] pairs, one made for it.
    pub(super) fn judge(
        &mut self,
        lang: Lang,
        audience: &Audience,
        target: &poignee::target::Target,
        tally: &mut Tally,
        scratch: &mut Option<Judged>,
    ) -> usize {
        let pair = (target.region.clone(), target.sector.clone());
        let at = match self.seen.get(&pair) {
            Some(&at) => at,
            None if self.judged.len() < MEMO => {
                self.judged
                    .push(Judged::new(lang, audience.verdict(Some(target))));
                self.seen.insert(pair, self.judged.len() - 1);
                self.judged.len() - 1
            }
            None => {
                let j = Judged::new(lang, audience.verdict(Some(target)));
                tally.add(j.cat, lang, &j.verdict, 1);
                *scratch = Some(j);
                return usize::MAX;
            }
        };
        self.judged[at].rows += 1;
        at
    }

    /// The rows counted here, into the tally.
    pub(super) fn count_into(&self, lang: Lang, tally: &mut Tally) {
        for j in self.judged.iter().filter(|j| j.rows > 0) {
            tally.add(j.cat, lang, &j.verdict, j.rows);
        }
    }
}

/// Distinct reasons counted, at most: past this, the rest are "other".
const REASONS: usize = 10_000;

/// What the run counted.
#[derive(Default)]
pub(super) struct Tally {
    counts: HashMap<Category, usize>,
    /// A reason, how often, and the field and value it is about.
    reasons: HashMap<(Category, String), (usize, Field, Option<String>)>,
    /// What the CSV written changed of the cells, said on standard error.
    pub(super) csv: Vec<Localized>,
    /// Rows left out rather than misplaced or written over: how many, and
    /// what the first [`SAID`] of them were, to be said with their lines.
    pub(super) left_out: usize,
    pub(super) refused: Vec<Localized>,
}

/// The rows left out that are said one by one; past these, a count.
pub(super) const SAID: usize = 20;

impl Tally {
    /// A row, and the reasons of the fields that decided it (each counted
    /// on its own: « secteur « Banque » inconnu » comes back row after row).
    fn add(&mut self, cat: Category, lang: Lang, verdict: &Verdict, rows: usize) {
        *self.counts.entry(cat).or_default() += rows;
        if matches!(cat, Category::In) {
            return;
        }
        for f in verdict
            .fields
            .iter()
            .filter(|f| f.decision == verdict.decision)
        {
            let key = (cat, f.why.get(lang).into_owned());
            if self.reasons.len() < REASONS || self.reasons.contains_key(&key) {
                self.reasons
                    .entry(key)
                    .or_insert_with(|| (0, f.field, f.value.clone()))
                    .0 += rows;
            }
        }
    }

    pub(super) fn count(&self, cat: Category) -> usize {
        self.counts.get(&cat).copied().unwrap_or(0)
    }

    /// The most common reasons of `cat`, most common first, with what
    /// they are about.
    pub(super) fn top(&self, cat: Category, n: usize) -> Vec<(&str, usize, Field, Option<&str>)> {
        let mut v: Vec<(&str, usize, Field, Option<&str>)> = self
            .reasons
            .iter()
            .filter(|((c, _), _)| *c == cat)
            .map(|((_, r), (n, f, value))| (r.as_str(), *n, *f, value.as_deref()))
            .collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        v.truncate(n);
        v
    }
}
