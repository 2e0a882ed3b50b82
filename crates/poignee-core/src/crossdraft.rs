//! Checks across drafts, over the files checked and the saved drafts:
//!
//! - `repeated-text`: the same or nearly the same note going to many people.
//!   Each body is reduced to its words, folded (case, accents), without the
//!   person's name and company and without the values a template was filled
//!   with; two bodies are *nearly the same* when the Jaccard similarity of
//!   their word pairs (2-shingles) reaches `lint.repeated_text_similarity`
//!   (0.6 by default). Candidates are found by MinHash locality-sensitive
//!   hashing (60 hashes in 20 bands of 3), so the cost grows with the number
//!   of drafts, not its square; each candidate is confirmed with the exact
//!   Jaccard similarity. A group that reaches `lint.repeated_text_people`
//!   distinct people (3 by default) is reported on each of its drafts.
//! - `pace`: more notes sent in the trailing 7 days than `weekly_budget`;
//!   on a free LinkedIn account, more than 5 notes in the trailing 30 days
//!   (LinkedIn attaches a note to 5 invitations a month on free accounts).
//!   A note counts when it was sent (`sent_at`), else when it was approved
//!   ([`paced_at`]): the platform counts what went out, and a note approved
//!   today but sent next week belongs to next week.

use crate::diagnostic::RuleId;
use crate::draft::{Draft, FrontMatter, Status};
use crate::lang::Localized;
use crate::lint::{Linter, Severity};
use crate::target::{Platform, Tier};
use crate::text::{fold, words};
use jiff::{Timestamp, ToSpan, tz::TimeZone};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

const HASHES: usize = 60;
const BAND: usize = 3;
/// Bodies with fewer word pairs than this say too little to compare.
const MIN_SHINGLES: usize = 3;
/// Other files named in a `repeated-text` message...
const SHOWN: usize = 5;
/// ...and listed in its `related` files.
const RELATED: usize = 20;

/// Word pairs kept per draft for `repeated-text`: ten times a 300-character note's.
const MAX_SHINGLES: usize = 512;

/// What the cross-draft checks need of one draft.
#[derive(Debug, Clone)]
pub struct Record {
    pub path: String,
    /// Where the note starts in the file.
    pub line: usize,
    pub column: usize,
    /// Among the files checked (else only a saved draft, for comparison).
    pub checked: bool,
    /// Who the note goes to: a hash of the folded name, else of the path.
    person: u64,
    /// Hashes of the word pairs, sorted: 4 bytes each, for a small index.
    shingles: Box<[u32]>,
    /// When the note counts for `pace` ([`paced_at`]).
    paced_at: Option<Timestamp>,
    linkedin_free: bool,
    /// The draft allows `repeated-text`, `pace`.
    allow: [bool; 2],
}

impl Record {
    pub fn new(
        path: &str,
        source: &str,
        draft: &Draft,
        platform: Platform,
        tier: Tier,
        checked: bool,
    ) -> Record {
        let front = &draft.front;
        let target = front.target.as_ref();
        let mut removed: HashSet<String> = HashSet::new();
        let names = target
            .into_iter()
            .flat_map(|t| [t.name.as_deref(), t.company.as_deref()])
            .flatten()
            .chain(front.values.values().map(String::as_str));
        for name in names {
            let name = fold(name);
            removed.extend(words(&name).map(|w| name[w].to_string()));
        }
        let body = fold(&draft.body);
        let kept: Vec<&str> = words(&body)
            .map(|w| &body[w])
            .filter(|w| !removed.contains(*w))
            .collect();
        // The low half of the hash: collisions stay rare among a note's pairs.
        let mut shingles: Vec<u32> = kept
            .windows(2)
            .map(|p| hash_pair(p[0], p[1]) as u32)
            .collect();
        shingles.sort_unstable();
        shingles.dedup();
        // A note is a few dozen word pairs; a megabyte file is not a note, and
        // its first pairs are enough to tell it apart.
        shingles.truncate(MAX_SHINGLES);
        let (line, column) = crate::text::line_col(source, draft.body_offset);
        Record {
            path: path.to_string(),
            line,
            column,
            checked,
            person: {
                let name = target.and_then(|t| t.name.as_deref()).map(fold);
                match name.filter(|n| !n.is_empty()) {
                    Some(n) => hash_pair("person", &n),
                    None => hash_pair("path", path),
                }
            },
            shingles: shingles.into_boxed_slice(),
            paced_at: paced_at(front),
            linkedin_free: platform == Platform::Linkedin && tier == Tier::Free,
            allow: [
                front.allow.contains(&RuleId::RepeatedText),
                front.allow.contains(&RuleId::Pace),
            ],
        }
    }
}

/// When a note counts for `pace`: the day it was sent (`sent_at`), else
/// when it was approved, for a note approved or further along; never for a
/// draft.
pub fn paced_at(front: &FrontMatter) -> Option<Timestamp> {
    let status = front.status?;
    if status == Status::Draft {
        return None;
    }
    let sent = front.sent_at.as_ref().filter(|_| status.is_sent());
    sent.or(front.approved_at.as_ref()).and_then(timestamp)
}

/// A TOML date-time as an instant: with its offset, else in the local time
/// zone (a date alone is its midnight).
pub fn timestamp(dt: &toml::value::Datetime) -> Option<Timestamp> {
    let text = dt.to_string();
    if let Ok(ts) = text.parse::<Timestamp>() {
        return Some(ts);
    }
    let civil: jiff::civil::DateTime = match text.parse() {
        Ok(d) => d,
        Err(_) => text
            .parse::<jiff::civil::Date>()
            .ok()?
            .to_datetime(jiff::civil::Time::midnight()),
    };
    civil
        .to_zoned(TimeZone::system())
        .ok()
        .map(|z| z.timestamp())
}

/// One cross-draft diagnostic, on one record.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// Index in the records given.
    pub record: usize,
    pub rule: RuleId,
    pub severity: Severity,
    /// Without the other files: see [`Finding::text`].
    pub message: Arc<Localized>,
    /// The other records involved (the first 20), by index.
    pub related: Vec<usize>,
    /// How many other records in all.
    pub others: usize,
}

impl Finding {
    /// The paths of the other records involved (the first 20).
    pub fn related_paths<'a>(&self, records: &'a [Record]) -> Vec<&'a str> {
        self.related
            .iter()
            .map(|&j| records[j].path.as_str())
            .collect()
    }

    /// The message, with the first few other files named.
    pub fn text(&self, records: &[Record]) -> Localized {
        if self.others == 0 {
            return (*self.message).clone();
        }
        let shown = self
            .related_paths(records)
            .into_iter()
            .take(SHOWN)
            .collect::<Vec<_>>()
            .join(", ");
        let more = self.others.saturating_sub(SHOWN.min(self.related.len()));
        let (more_fr, more_en) = match more {
            0 => (String::new(), String::new()),
            1 => (" et 1 autre brouillon".into(), " and 1 more draft".into()),
            _ => (
                format!(" et {more} autres brouillons"),
                format!(" and {more} more drafts"),
            ),
        };
        Localized::new(
            format!("{} ; aussi dans : {shown}{more_fr}", self.message.fr),
            format!("{}; also in: {shown}{more_en}", self.message.en),
        )
    }
}

/// The settings of the cross-draft checks, from the config.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    pub repeated_people: usize,
    pub repeated_similarity: f64,
    pub weekly_budget: u32,
    pub free_monthly_notes: u32,
}

/// The findings on the checked records, by record then rule.
pub fn findings(
    records: &[Record],
    linter: &Linter,
    settings: &Settings,
    now: Timestamp,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if let Some(severity) = linter.severity(RuleId::RepeatedText) {
        repeated(records, settings, severity, &mut out);
    }
    if let Some(severity) = linter.severity(RuleId::Pace) {
        pace(records, settings, severity, now, &mut out);
    }
    out.retain(|f| {
        let r = &records[f.record];
        let allowed = match f.rule {
            RuleId::RepeatedText => r.allow[0],
            _ => r.allow[1],
        };
        r.checked && !allowed
    });
    out.sort_by_key(|f| (f.record, f.rule));
    out
}

fn hash_pair(a: &str, b: &str) -> u64 {
    // FNV-1a: stable across runs and platforms, unlike the std hasher.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in a.bytes().chain([b' ']).chain(b.bytes()) {
        h ^= u64::from(byte);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn mix(mut x: u64) -> u64 {
    // splitmix64's finaliser: one seeded hash function per MinHash slot.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn minhash(shingles: &[u32]) -> [u64; HASHES] {
    let mut sig = [u64::MAX; HASHES];
    for &s in shingles {
        for (i, slot) in sig.iter_mut().enumerate() {
            *slot = (*slot).min(mix(
                u64::from(s) ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
            ));
        }
    }
    sig
}

/// Exact Jaccard similarity of two sorted, deduplicated sets.
pub fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut both) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                both += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let union = a.len() + b.len() - both;
    if union == 0 {
        0.0
    } else {
        both as f64 / union as f64
    }
}

fn find(parent: &mut [usize], mut x: usize) -> usize {
    while parent[x] != x {
        parent[x] = parent[parent[x]];
        x = parent[x];
    }
    x
}

const BANDS: usize = HASHES / BAND;

/// The LSH band keys of a record: 20 × 4 bytes, kept instead of the
/// signature.
fn band_keys(shingles: &[u32]) -> [u32; BANDS] {
    let sig = minhash(shingles);
    let mut keys = [0u32; BANDS];
    for (band, rows) in sig.chunks(BAND).enumerate() {
        keys[band] = rows.iter().fold(band as u64, |h, &v| mix(h ^ v)) as u32;
    }
    keys
}

fn repeated(records: &[Record], settings: &Settings, severity: Severity, out: &mut Vec<Finding>) {
    let mut parent: Vec<usize> = (0..records.len()).collect();
    let keys: Vec<Option<[u32; BANDS]>> = records
        .iter()
        .map(|r| (r.shingles.len() >= MIN_SHINGLES).then(|| band_keys(&r.shingles)))
        .collect();
    // One band at a time, so that the buckets hold one entry a draft.
    for band in 0..BANDS {
        let mut first: HashMap<u32, usize> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            let Some(k) = k else { continue };
            match first.get(&k[band]) {
                None => {
                    first.insert(k[band], i);
                }
                Some(&rep) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, rep));
                    if a != b
                        && jaccard(&records[i].shingles, &records[rep].shingles)
                            >= settings.repeated_similarity
                    {
                        parent[a] = b;
                    }
                }
            }
        }
    }
    drop(keys);
    let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..records.len() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(i);
    }
    for members in groups.values().filter(|m| m.len() > 1) {
        let people: HashSet<u64> = members.iter().map(|&i| records[i].person).collect();
        if people.len() < settings.repeated_people || !members.iter().any(|&i| records[i].checked) {
            continue;
        }
        let n = people.len();
        let percent = (settings.repeated_similarity * 100.0).round();
        let (drafts_fr, drafts_en) = if members.len() == n {
            (String::new(), String::new())
        } else {
            (
                format!(" ({} brouillons)", members.len()),
                format!(" ({} drafts)", members.len()),
            )
        };
        // One message a group, shared: a group can hold thousands of drafts.
        let message = Arc::new(Localized::new(
            format!(
                "le même texte, ou presque (≥ {percent}\u{a0}% de paires de mots en commun), part à {n} personnes{drafts_fr}"
            ),
            format!(
                "the same or nearly the same text (≥ {percent}% of word pairs shared) goes to {n} people{drafts_en}"
            ),
        ));
        for &i in members {
            let related: Vec<usize> = members
                .iter()
                .filter(|&&j| j != i)
                .take(RELATED)
                .copied()
                .collect();
            out.push(Finding {
                record: i,
                rule: RuleId::RepeatedText,
                severity,
                message: Arc::clone(&message),
                related,
                others: members.len() - 1,
            });
        }
    }
}

fn pace(
    records: &[Record],
    settings: &Settings,
    severity: Severity,
    now: Timestamp,
    out: &mut Vec<Finding>,
) {
    let since = |days: i64| now.checked_sub((days * 24).hours()).ok();
    let window = |days: i64, free_only: bool| -> Vec<usize> {
        let Some(start) = since(days) else {
            return Vec::new();
        };
        let mut within: Vec<usize> = records
            .iter()
            .enumerate()
            .filter(|(_, r)| !free_only || r.linkedin_free)
            .filter(|(_, r)| r.paced_at.is_some_and(|t| t >= start))
            .map(|(i, _)| i)
            .collect();
        within.sort_by_key(|&i| (records[i].paced_at, i));
        within
    };
    let week = window(7, false);
    let budget = settings.weekly_budget as usize;
    let month = window(30, true);
    let limit = settings.free_monthly_notes as usize;
    let mut over = |within: &[usize], cap: usize, message: &dyn Fn(usize) -> Localized| {
        for (rank, &i) in within.iter().enumerate().skip(cap) {
            out.push(Finding {
                record: i,
                rule: RuleId::Pace,
                severity,
                message: Arc::new(message(rank + 1)),
                related: Vec::new(),
                others: 0,
            });
        }
    };
    over(&week, budget, &|nth| {
        let n = week.len();
        Localized::new(
            format!(
                "{n} notes envoyées ou approuvées ces 7 derniers jours, au-delà de votre budget de {budget} par semaine (celle-ci est la {nth}e)"
            ),
            format!(
                "{n} notes sent or approved in the last 7 days, over your budget of {budget} a week (this is number {nth})"
            ),
        )
    });
    over(&month, limit, &|nth| {
        let n = month.len();
        Localized::new(
            format!(
                "{n} notes envoyées ou approuvées ces 30 derniers jours sur un compte LinkedIn gratuit, qui n'en joint qu'à {limit} invitations par mois (celle-ci est la {nth}e)"
            ),
            format!(
                "{n} notes sent or approved in the last 30 days on a free LinkedIn account, which attaches a note to only {limit} invitations a month (this is number {nth})"
            ),
        )
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(path: &str, source: &str) -> Record {
        let draft = Draft::parse(source).expect("parses");
        let platform = draft.front.platform.unwrap_or(Platform::Linkedin);
        let tier = draft.front.tier.unwrap_or(Tier::Free);
        Record::new(path, source, &draft, platform, tier, true)
    }

    fn settings() -> Settings {
        Settings {
            repeated_people: 3,
            repeated_similarity: 0.6,
            weekly_budget: 20,
            free_monthly_notes: 5,
        }
    }

    fn now() -> Timestamp {
        "2026-11-24T12:00:00Z"
            .parse()
            .unwrap_or(Timestamp::UNIX_EPOCH)
    }

    fn note(name: &str, body: &str) -> String {
        format!("+++\n[target]\nname = \"{name}\"\ncompany = \"Acme {name}\"\n+++\n{body}")
    }

    const BODY: &str = "Bonjour NAME, nous nous sommes croisés au salon VivaTech sur la logistique urbaine. Votre retour sur les tournées m'a marqué ; ravi d'échanger. Merci !";

    #[test]
    fn the_same_note_to_three_people_is_reported_on_each() {
        let names = ["Claire Martin", "Paul Durand", "Inès Haddad"];
        let records: Vec<Record> = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let first = n.split(' ').next().unwrap_or(n);
                record(&format!("{i}.md"), &note(n, &BODY.replace("NAME", first)))
            })
            .collect();
        let f = findings(&records, &Linter::default(), &settings(), now());
        assert_eq!(f.len(), 3, "{f:?}");
        assert!(f.iter().all(|f| f.rule == RuleId::RepeatedText));
        assert_eq!(f[0].related_paths(&records), ["1.md", "2.md"]);
        let text = f[0].text(&records);
        assert!(
            text.fr
                .contains("part à 3 personnes ; aussi dans : 1.md, 2.md"),
            "{}",
            text.fr
        );
        // Two people are not many; a different note breaks the group.
        assert!(findings(&records[..2], &Linter::default(), &settings(), now()).is_empty());
        let mut other = records[..2].to_vec();
        other.push(record("x.md", &note("Zoé Petit", "Bonjour Zoé, votre article sur les jardins partagés de Nantes m'a donné envie d'en lancer un ici. Au plaisir d'échanger, merci !")));
        assert!(findings(&other, &Linter::default(), &settings(), now()).is_empty());
    }

    #[test]
    fn nearly_the_same_and_template_values_count_as_the_same() {
        let mk = |i: usize, event: &str| {
            let body = format!(
                "+++\n[target]\nname = \"P{i}\"\n[values]\nevent = \"{event}\"\n+++\nBonjour, nous nous sommes croisés à {event} et votre intervention sur le recrutement m'a plu. Au plaisir d'échanger, merci !"
            );
            record(&format!("{i}.md"), &body)
        };
        let records = vec![
            mk(1, "VivaTech 2026"),
            mk(2, "la Mêlée Numérique"),
            mk(3, "Web2Day à Nantes"),
        ];
        assert_eq!(
            findings(&records, &Linter::default(), &settings(), now()).len(),
            3
        );
        let a = &records[0].shingles;
        assert!((jaccard(a, a) - 1.0).abs() < f64::EPSILON);
    }

    #[test]
    fn only_checked_files_are_reported_and_allow_silences() {
        let mut records: Vec<Record> = (0..4)
            .map(|i| {
                record(
                    &format!("{i}.md"),
                    &note(&format!("P{i}"), &BODY.replace("NAME", "")),
                )
            })
            .collect();
        for r in &mut records[1..] {
            r.checked = false;
        }
        let f = findings(&records, &Linter::default(), &settings(), now());
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].related.len(), 3);
        records[0].allow[0] = true;
        assert!(findings(&records, &Linter::default(), &settings(), now()).is_empty());
    }

    fn approved(i: usize, when: &str, tier: &str) -> Record {
        record(
            &format!("{i:02}.md"),
            &format!(
                "+++\nstatus = \"approved\"\ntier = \"{tier}\"\napproved_at = {when}\n[target]\nname = \"P{i}\"\n+++\nNote {i} sur un sujet {i}."
            ),
        )
    }

    #[test]
    fn pace_counts_the_trailing_week_and_the_free_month() {
        let mut records: Vec<Record> = (0..22)
            .map(|i| {
                approved(
                    i,
                    &format!("2026-11-{:02}T09:00:00Z", 18 + i % 6),
                    "premium",
                )
            })
            .collect();
        // Older than a week: not counted.
        records.push(approved(30, "2026-11-10T09:00:00Z", "premium"));
        let f = findings(&records, &Linter::default(), &settings(), now());
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f.iter()
                .all(|f| f.rule == RuleId::Pace && f.message.en.starts_with("22 notes"))
        );
        // Free LinkedIn: a sixth note in 30 days is one too many.
        let free: Vec<Record> = (0..6)
            .map(|i| approved(i, &format!("2026-11-{:02}", 1 + i * 3), "free"))
            .collect();
        let f = findings(&free, &Linter::default(), &settings(), now());
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].record, 5);
        assert!(
            f[0].message.en.contains("only 5 invitations a month"),
            "{}",
            f[0].message.en
        );
    }

    #[test]
    fn pace_counts_a_note_when_it_was_sent_else_when_approved() {
        let mk = |i: usize, front: &str| {
            record(
                &format!("{i:02}.md"),
                &format!(
                    "+++\ntier = \"premium\"\n{front}\n[target]\nname = \"P{i}\"\n+++\nNote {i} sur un sujet {i}."
                ),
            )
        };
        let tight = Settings {
            weekly_budget: 2,
            ..settings()
        };
        let records = vec![
            // Approved long ago, sent this week: counts.
            mk(
                0,
                "status = \"sent\"\napproved_at = 2026-10-01T09:00:00Z\nsent_at = 2026-11-23",
            ),
            // Answered since: still a note sent this week.
            mk(
                1,
                "status = \"accepted\"\napproved_at = 2026-11-20T09:00:00Z\nsent_at = 2026-11-21\naccepted_at = 2026-11-22",
            ),
            // Approved this week, no sending date: counts at its approval.
            mk(
                2,
                "status = \"approved\"\napproved_at = 2026-11-22T09:00:00Z",
            ),
            // Approved this week but sent a month ago: not this week's.
            mk(
                3,
                "status = \"sent\"\napproved_at = 2026-11-22T09:00:00Z\nsent_at = 2026-10-20",
            ),
            // A draft with a stray date counts for nothing.
            mk(
                4,
                "status = \"draft\"\napproved_at = 2026-11-22T09:00:00Z\nsent_at = 2026-11-22",
            ),
        ];
        let f = findings(&records, &Linter::default(), &tight, now());
        assert_eq!(f.len(), 1, "{f:?}");
        assert!(
            f[0].message
                .en
                .starts_with("3 notes sent or approved in the last 7 days"),
            "{}",
            f[0].message.en
        );
        // The third counted, in time order, is the one over the budget.
        assert_eq!(f[0].record, 0);
    }

    #[test]
    fn local_and_date_only_times_are_read() {
        let dt: toml::value::Datetime = "2026-11-24".parse().expect("a date");
        assert!(timestamp(&dt).is_some());
        let dt: toml::value::Datetime = "2026-11-24T10:00:00".parse().expect("a local time");
        assert!(timestamp(&dt).is_some());
    }
}
