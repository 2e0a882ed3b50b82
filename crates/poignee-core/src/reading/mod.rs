//! What a note says, read with patterns kept as data
//! (`data/patterns/{fr,en}/*.toml`): the reasons it gives and of which kind,
//! what it sells or asks for, how it praises, and the stock phrases that
//! could go to anyone. The rules judge the note from this reading; each cue
//! keeps the span of the words that made it, so every diagnostic points at
//! them.

mod library;
pub mod model;
mod pattern;
pub(crate) mod tokens;

pub use library::{Group, Hit, Library, LibraryError, MARK};
pub use pattern::SyntaxError;

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The families of cues, one pattern file each, named as the file.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::VariantArray,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum Family {
    /// Why this person: `reason.toml`.
    Reason,
    /// Could go to anyone: `generic.toml`.
    Generic,
    /// Sells, offers or asks before any relationship: `pitch.toml`.
    Pitch,
    /// Praise of the person: `praise.toml`.
    Praise,
}

impl Family {
    pub fn file(self) -> &'static str {
        self.into()
    }
}

/// What a cue is evidence of.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "kebab-case")]
#[strum(serialize_all = "kebab-case")]
pub enum CueKind {
    // Reasons (LABELS.md, "Reason: what counts").
    /// A meeting or an event, past or coming.
    Event,
    /// Their work or content.
    Work,
    /// Something shared: school, employer, group, city, trade.
    Shared,
    /// A mutual contact who suggested it.
    Mutual,
    /// A concrete purpose aimed at them.
    Purpose,
    /// A name said to them (an event, a project, a place): a clue, found by
    /// the engine rather than a pattern.
    Named,
    // Could go to anyone.
    /// "I came across your profile", « votre parcours m'intéresse ».
    Profile,
    /// "grow my network", « élargir mon réseau ».
    Network,
    /// The platforms' default texts.
    Default,
    /// A stock phrase: "would love to connect", « au plaisir d'échanger ».
    Stock,
    /// A signal alone: "congrats on the new role", « j'ai vu que vous recrutez ».
    Signal,
    /// Vague links: unnamed mutual connections, "like-minded people".
    Vague,
    // Pitches.
    /// What the sender sells: "we help warehouses cut…", « j'accompagne les dirigeants… ».
    Sells,
    /// Results promised: "3x faster", « 40 % de temps gagné ».
    Results,
    /// An offer to send or show: "happy to share our case study", « puis-je vous envoyer mon CV ? ».
    Sends,
    /// A request for a call, a meeting, a coffee or time.
    Meeting,
    /// An ask of a stranger: openings, a referral, a look at a CV, advice.
    Job,
    /// An offer hinted at: "something that might interest you".
    Teaser,
    // Praise.
    /// Praise with nothing specific behind it, superlatives about the person.
    Flattery,
}

impl CueKind {
    pub fn family(self) -> Family {
        use CueKind::*;
        match self {
            Event | Work | Shared | Mutual | Purpose | Named => Family::Reason,
            Profile | Network | Default | Stock | Signal | Vague => Family::Generic,
            Sells | Results | Sends | Meeting | Job | Teaser => Family::Pitch,
            Flattery => Family::Praise,
        }
    }

    /// What the kind is called, in French and English.
    pub fn label(self) -> crate::lang::Text {
        use crate::lang::Text;
        use CueKind::*;
        match self {
            Event => Text::new("une rencontre", "a meeting"),
            Work => Text::new("son travail", "their work"),
            Shared => Text::new("un point commun", "common ground"),
            Mutual => Text::new("un contact commun", "a mutual contact"),
            Purpose => Text::new("un but précis", "a purpose"),
            Named => Text::new("une mention précise", "a specific mention"),
            Profile => Text::new("le profil", "the profile"),
            Network => Text::new("le réseau", "the network"),
            Default => Text::new("le texte par défaut", "the default text"),
            Stock => Text::new("une formule toute faite", "a stock phrase"),
            Signal => Text::new("un signal", "a signal"),
            Vague => Text::new("un lien vague", "a vague link"),
            Sells => Text::new("ce que vous vendez", "what you sell"),
            Results => Text::new("des résultats promis", "results promised"),
            Sends => Text::new(
                "une offre d'envoyer ou de montrer",
                "an offer to send or show",
            ),
            Meeting => Text::new("une demande de temps", "a request for time"),
            Job => Text::new("une demande de poste", "a job ask"),
            Teaser => Text::new("une offre sous-entendue", "a hinted offer"),
            Flattery => Text::new("la flatterie", "flattery"),
        }
    }

    pub fn name(self) -> &'static str {
        self.into()
    }
}

/// One thing the note says, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub kind: CueKind,
    /// Evidence too thin to count alone (the same broad field, an interest
    /// in their company).
    pub weak: bool,
    /// Byte range in the note.
    pub span: Range<usize>,
}

/// Everything the patterns found in a note, in text order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    pub cues: Vec<Cue>,
    /// Names in the note: words written with a capital inside a sentence
    /// ("VivaTech", "KDD 2023", « Marges & Mesures »), which make a mention
    /// particular. Greetings, the first word of a sentence and "I" are not
    /// names.
    pub names: Vec<Range<usize>>,
    /// Sentences (byte ranges) that speak to the person: you, your, vous, votre…
    pub to_them: Vec<Range<usize>>,
    /// The words of the note (byte ranges), as [`crate::text::words`] cuts
    /// them, read from the tokens.
    pub words: Vec<Range<usize>>,
    /// The tokens the patterns read, for the judgement's features.
    pub(crate) tokens: Vec<tokens::Token>,
}

impl Reading {
    pub fn of(&self, family: Family) -> impl Iterator<Item = &Cue> {
        self.cues.iter().filter(move |c| c.kind.family() == family)
    }

    pub fn has(&self, family: Family) -> bool {
        self.of(family).next().is_some()
    }

    /// The reasons that count alone.
    pub fn strong_reasons(&self) -> impl Iterator<Item = &Cue> {
        self.of(Family::Reason).filter(|c| !c.weak)
    }

    /// The note states a reason: one that counts alone, or two thin ones.
    pub fn states_reason(&self) -> bool {
        self.strong_reasons().next().is_some() || self.of(Family::Reason).count() >= 2
    }
}
