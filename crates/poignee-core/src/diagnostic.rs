//! What the rules report, below both the rules and the engine: severities,
//! diagnostics, and the registry of rule ids with what `poignee rules` and
//! `poignee explain` say about each, declared once in [`registry!`].

use crate::lang::{Localized, Text};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// Points a rule at this severity takes off the score of 100.
    pub fn weight(self) -> u32 {
        match self {
            Severity::Error => 25,
            Severity::Warning => 10,
            Severity::Info => 2,
        }
    }
}

/// A severity as the config sets it: a level, or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, strum::VariantNames)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// One problem in a note, or one thing understood in it (at `info`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    pub rule: RuleId,
    pub severity: Severity,
    /// Byte range in the note; empty for something missing (it points where
    /// the thing belongs).
    pub span: Range<usize>,
    pub message: Localized,
    pub suggestion: Option<Localized>,
    /// On `reason-found`: the kind of reason the message names, for the
    /// figures that group notes by it (`poignee stats`). Not in the JSON
    /// report, whose shape is stable: the message says it there.
    #[serde(skip)]
    pub reason: Option<ReasonSeen>,
}

/// The reason a `reason-found` names: its kind (`None` for a phrase of the
/// user's own `reason` word list), and whether it is only a clue, too thin
/// to count alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReasonSeen {
    pub kind: Option<crate::reading::CueKind>,
    pub clue: bool,
}

/// What `poignee rules` and `poignee explain` say about a rule.
pub struct RuleInfo {
    pub id: RuleId,
    pub severity: Severity,
    /// One line.
    pub summary: Text,
    /// Why the rule exists and what to do, a short paragraph.
    pub explanation: Text,
}

/// Declares every rule once: its variant, its stable id (kebab-case in files,
/// configs and JSON, never renamed), its default severity, its one-line
/// summary and its explanation, each in French then English.
macro_rules! registry {
    ($(
        $variant:ident = $id:literal, $severity:ident,
            ($summary_fr:expr, $summary_en:expr),
            ($explanation_fr:expr, $explanation_en:expr);
    )+) => {
        /// A rule's stable id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum RuleId {
            $(#[serde(rename = $id)] $variant,)+
        }

        impl RuleId {
            /// Every rule, in the order `poignee rules` lists them.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)+
                }
            }

            pub fn info(self) -> &'static RuleInfo {
                match self {
                    $(RuleId::$variant => const {
                        &RuleInfo {
                            id: RuleId::$variant,
                            severity: Severity::$severity,
                            summary: Text::new($summary_fr, $summary_en),
                            explanation: Text::new($explanation_fr, $explanation_en),
                        }
                    },)+
                }
            }
        }
    };
}

registry! {
    Empty = "empty", Error,
        ("la note est vide",
         "the note is empty"),
        ("Une invitation sans note est une demande sans raison : la personne ne sait pas qui vous êtes ni pourquoi vous la contactez. Écrivez deux ou trois phrases : bonjour, la raison, merci.",
         "An invitation without a note is a request without a reason: the person cannot tell who you are or why you reach out. Write two or three sentences: hello, the reason, thanks.");
    TooShort = "too-short", Warning,
        ("trop court pour porter une raison",
         "too short to carry a reason"),
        ("Quelques mots ne disent ni qui vous êtes ni pourquoi vous écrivez. Une bonne note tient en deux ou trois phrases : une salutation avec le prénom, une raison précise, un remerciement.",
         "A few words say neither who you are nor why you write. A good note fits in two or three sentences: a greeting with their name, a specific reason, a thank-you.");
    TooLong = "too-long", Error,
        ("dépasse la limite de la plateforme (un rappel quand elle est proche)",
         "over the platform's note limit (a hint when close)"),
        ("LinkedIn limite la note à 200 caractères pour un compte gratuit et 300 pour un compte Premium ; il compte comme un navigateur, si bien qu'un emoji peut compter double. Au-delà, la note est refusée ou coupée. Gardez une phrase de raison et une de politesse.",
         "LinkedIn caps the note at 200 characters on a free account and 300 on Premium; it counts like a browser, so an emoji may count twice. Past the limit the note is refused or cut. Keep one sentence of reason and one of courtesy.");
    NoReason = "no-reason", Error,
        ("aucune raison donnée à la demande",
         "no reason given for the request"),
        ("Une demande sans raison ressemble à du spam. Dites honnêtement pourquoi cette personne : où vous vous êtes croisés, ce que vous avez lu d'elle, ce que vous avez en commun. « Votre profil m'intéresse » ou « agrandir mon réseau » ne sont pas des raisons.",
         "A request without a reason looks like spam. Say honestly why this person: where you met, what of theirs you read, what you share. \"I came across your profile\" or \"growing my network\" are not reasons.");
    ReasonFound = "reason-found", Info,
        ("la raison comprise, et où elle est dite",
         "the reason understood, and where it is said"),
        ("Quand poignee trouve une raison, il dit laquelle et où : une rencontre, le travail de la personne, ce que vous avez en commun, un contact commun ou un but précis. Si ce n'est pas la raison que vous vouliez donner, la note la dit mal : reformulez-la.",
         "When poignee finds a reason it says which kind and where: a meeting, the person's work, something you share, a mutual contact or a concrete purpose. If that is not the reason you meant, the note says it poorly: rephrase it.");
    Generic = "generic", Warning,
        ("texte par défaut ou passe-partout, qui irait à n'importe qui",
         "default or boilerplate text that could go to anyone"),
        ("Le texte par défaut de la plateforme (« Je souhaiterais vous ajouter à mon réseau professionnel ») et les formules passe-partout disent à la personne qu'elle est un contact parmi d'autres. Remplacez-les par une phrase qui ne pourrait aller qu'à elle.",
         "The platform's default text (\"I'd like to add you to my professional network\") and boilerplate tell the person they are one contact among many. Replace them with a sentence that could only go to them.");
    NoGreeting = "no-greeting", Warning,
        ("pas de salutation en ouverture",
         "no greeting at the start"),
        ("Une note qui commence sans « Bonjour » se lit comme une injonction. Ouvrez par une salutation et le prénom : « Bonjour Claire, ».",
         "A note that starts without \"Hello\" reads like an order. Open with a greeting and their first name: \"Hi Claire,\".");
    NoName = "no-name", Warning,
        ("le nom de la personne n'apparaît pas (quand il est connu)",
         "the person's name is missing (when known)"),
        ("Un prénom montre que la note a été écrite pour cette personne, pas pour une liste. Quand la cible est connue, saluez-la par son prénom (ou « Madame Martin » si vous la vouvoyez de loin).",
         "A first name shows the note was written for this person, not for a list. When the target is known, greet them by first name (or \"Ms Martin\" if you keep it formal).");
    NoThanks = "no-thanks", Info,
        ("ni merci ni formule de fin",
         "no thanks or closing"),
        ("Vous demandez quelque chose : un merci ou une formule de fin (« Merci et au plaisir », « Bien à vous ») le reconnaît et laisse une bonne dernière impression.",
         "You are asking for something: a thank-you or a closing (\"Thanks, and best regards\") acknowledges it and leaves a good last impression.");
    SalesPitch = "sales-pitch", Error,
        ("offre, prix, remise, démo ou demande d'appel dans une première note",
         "an offer, price, discount, demo or call request in a first note"),
        ("Une première invitation ne vend rien. Une offre, un prix, une démo ou « un appel rapide de 15 minutes » font de vous un « spammeur social », même avec un seul message par personne : c'est de la publicité indirecte. Retirez l'offre, dites pourquoi vous voulez échanger, et laissez la relation venir.",
         "A first invitation sells nothing. An offer, a price, a demo or \"a quick 15-minute call\" make you a social spammer, even with a single message per person: it is indirect advertising. Drop the offer, say why you want to connect, and let the relationship come.");
    SalesDisclaimer = "sales-disclaimer", Info,
        ("« je ne vends rien » : une assurance qui éveille le soupçon",
         "\"I'm not selling anything\": a reassurance that raises suspicion"),
        ("Préciser « je ne vends rien » fait penser au contraire. Si la raison de votre demande est claire, l'assurance est inutile.",
         "Saying \"I'm not selling anything\" makes the reader think of selling. If your reason is clear, the reassurance is not needed.");
    Link = "link", Warning,
        ("lien ou lien d'agenda dans une première note",
         "a link or calendar link in a first note"),
        ("Un lien dans une invitation demande d'aller ailleurs avant même de savoir pourquoi : c'est la forme du spam, et les plateformes le traitent souvent comme tel. Gardez le lien pour après l'acceptation, quand la personne l'aura demandé.",
         "A link in an invitation asks the person to go elsewhere before they know why: it is what spam looks like, and platforms often treat it so. Keep the link for after they accept, when they ask for it.");
    ContactDetails = "contact-details", Warning,
        ("adresse e-mail ou numéro de téléphone dans une première note",
         "an e-mail address or phone number in a first note"),
        ("Une fois l'invitation acceptée, la messagerie de la plateforme suffit ; donner un e-mail ou un numéro dès la première note presse la personne et ressemble à une prospection.",
         "Once the invitation is accepted, the platform's messages are enough; an e-mail or phone number in the first note rushes the person and looks like prospecting.");
    SelfCentered = "self-centered", Warning,
        ("parle de vous bien plus que de la personne",
         "talks about you far more than about the person"),
        ("Une note qui dit surtout « je », « mon entreprise », « nos services » est un monologue. Parlez de la personne : son travail, son article, ce qui vous relie ; gardez une phrase pour vous présenter.",
         "A note that mostly says \"I\", \"my company\", \"our services\" is a monologue. Talk about the person: their work, their article, what links you; keep one sentence to introduce yourself.");
    Hype = "hype", Warning,
        ("flatterie, superlatifs, jargon, MAJUSCULES, « !!! » ou emoji en série",
         "flattery, superlatives, buzzwords, ALL CAPS, \"!!!\" or strings of emoji"),
        ("La confiance se construit en années et se perd en une seconde. Les compliments appuyés (« votre parcours incroyable »), le jargon (« synergie », « disruptif »), les MAJUSCULES et les « !!! » sonnent faux chez un inconnu. Dites simplement ce qui vous a intéressé.",
         "Trust takes years to build and a second to lose. Heavy compliments (\"your amazing journey\"), buzzwords (\"synergy\", \"game-changer\"), ALL CAPS and \"!!!\" ring false from a stranger. Say plainly what caught your interest.");
    FalseFamiliarity = "false-familiarity", Error,
        ("prétend un passé commun (« comme convenu ») sans relation",
         "claims a shared past (\"as we discussed\") with no relationship"),
        ("« Comme convenu », « suite à notre échange » : si vous n'avez jamais échangé, la personne le sait, et la confiance est perdue avant d'exister. Erreur quand la relation est « none », rappel quand elle n'est pas renseignée.",
         "\"As we discussed\", \"following up on our call\": if you never talked, the person knows it, and trust is gone before it began. An error when the relationship is \"none\", a reminder when it is not set.");
    ContactRace = "contact-race", Warning,
        ("course aux contacts : « agrandir mon réseau », « LION », « 500+ »",
         "race for contacts: \"grow my network\", \"LION\", \"500+\""),
        ("Dix contacts attentifs valent mieux que dix mille indifférents. « Agrandir mon réseau » dit à la personne qu'elle n'est qu'un chiffre de plus ; dites plutôt ce qui vous intéresse chez elle.",
         "Ten attentive contacts are worth more than ten thousand who don't care. \"Growing my network\" tells the person they are one more number; say what interests you about them instead.");
    LongSentence = "long-sentence", Info,
        ("phrase trop longue pour être lue d'un coup d'œil",
         "a sentence too long to read at a glance"),
        ("Quelqu'un qui reçoit des dizaines d'invitations lit la vôtre en deux secondes. Coupez les phrases de plus de 25 mots ; visez des mots simples. L'indice de lisibilité (Kandel–Moles en français, Flesch en anglais, de 0 à 100) est donné à titre indicatif.",
         "Someone who gets dozens of invitations reads yours in two seconds. Split sentences over 25 words; prefer plain words. The readability figure (Flesch for English, Kandel–Moles for French, 0 to 100) is for information.");
    UnfilledPlaceholder = "unfilled-placeholder", Error,
        ("un champ de modèle laissé vide : {{…}}, [Prénom]",
         "a template field left unfilled: {{…}}, [First name]"),
        ("Un « {{prenom}} » ou un « [Nom de l'entreprise] » oublié dit à la personne qu'elle reçoit un envoi de masse. Remplissez chaque champ, ou retirez la phrase.",
         "A forgotten \"{{first_name}}\" or \"[Company name]\" tells the person they got a mass mailing. Fill every field, or drop the sentence.");
    ControlChars = "control-chars", Error,
        ("caractères de contrôle, de sens d'écriture ou sans largeur cachés dans la note",
         "control, bidi-override or zero-width characters hidden in the note"),
        ("Des caractères invisibles se glissent dans un texte copié d'un fichier, d'un tableur ou d'une page : contrôles de terminal (échappement, sonnerie), forçages du sens d'écriture (U+202E) qui font lire la suite à l'envers, espaces et liants sans largeur. Ils ne s'affichent pas, mais la plateforme les envoie : la note peut s'afficher de travers chez la personne, ou dire autre chose que ce que vous lisez. Retirez-les. Un liant sans largeur entre deux emoji (👩‍💻) fait partie de l'emoji : il n'est pas signalé.",
         "Invisible characters slip into text copied from a file, a spreadsheet or a page: terminal controls (escape, bell), writing-direction overrides (U+202E) that make what follows read backwards, zero-width spaces and joiners. They don't show, but the platform sends them: the note may display oddly for the person, or say something other than what you read. Remove them. A zero-width joiner between two emoji (👩‍💻) is part of the emoji: it is not reported.");
    NoExchange = "no-exchange", Info,
        ("ne laisse pas de place à un échange (question, partage)",
         "leaves no room for an exchange (a question, an offer to share)"),
        ("Les réseaux sont des échanges : on ne va pas vers quelqu'un qui ne fait que demander. Une question sur son travail ou une proposition de partage (« Au plaisir d'échanger sur… ») ouvre la conversation.",
         "Networks are give-and-take: people don't gravitate toward someone who only asks. A question about their work or an offer to share (\"happy to swap notes on…\") opens the conversation.");
    Audience = "audience", Error,
        ("la personne est hors de votre cible (avertit si inconnue)",
         "the person is outside your audience (warns when unknown)"),
        ("Envoyer la même note à tous les profils rencontrés est le meilleur moyen de ne pas avoir de réponse. Choisissez vos régions et secteurs dans la configuration ([audience]) ; une cible hors de ce filtre est une erreur, une cible sans région ou secteur connu, un avertissement.",
         "Sending the same note to every profile you come across is the surest way to get no answer. Choose your regions and sectors in the config ([audience]); a target outside the filter is an error, one with no known region or sector a warning.");
    RepeatedText = "repeated-text", Warning,
        ("le même texte, ou presque, part à plusieurs personnes",
         "the same or nearly the same text goes to several people"),
        ("Une note copiée-collée se reconnaît : la personne voit qu'elle n'a pas été écrite pour elle. poignee compare les notes sans les noms ni les valeurs des modèles ; quand 3 personnes ou plus (lint.repeated_text_people) reçoivent un texte dont au moins 60 % des paires de mots sont communes (lint.repeated_text_similarity), chaque note est signalée avec les autres fichiers. Donnez à chacune sa vraie raison.",
         "A copy-pasted note shows: the person sees it was not written for them. poignee compares notes without names and template values; when 3 or more people (lint.repeated_text_people) get a text sharing at least 60% of its word pairs (lint.repeated_text_similarity), each note is reported with the other files. Give each one its own reason.");
    Pace = "pace", Warning,
        ("plus de notes envoyées (ou approuvées) cette semaine que votre budget",
         "more notes sent (or approved) this week than your budget"),
        ("La qualité des contacts compte plus que leur nombre. Au-delà de votre budget hebdomadaire (weekly_budget, 20 par défaut) sur 7 jours glissants, chaque note de trop est signalée. Une note compte le jour où elle est envoyée (sent_at, que `poignee mark` écrit), sinon le jour où elle est approuvée. Un compte LinkedIn gratuit ne joint une note qu'à 5 invitations par mois : la 6e des 30 derniers jours l'est aussi.",
         "The quality of contacts counts more than their number. Beyond your weekly budget (weekly_budget, 20 by default) over the trailing 7 days, each note too many is reported. A note counts on the day it was sent (sent_at, which `poignee mark` writes), else on the day it was approved. A free LinkedIn account attaches a note to only 5 invitations a month: the 6th of the trailing 30 days is reported too.");
}

impl RuleId {
    /// Whether the rule reports a problem. `reason-found` reports what was
    /// understood: it takes nothing off the score.
    pub fn is_problem(self) -> bool {
        self != RuleId::ReasonFound
    }

    pub fn parse(s: &str) -> Option<RuleId> {
        let s = s.trim();
        RuleId::ALL.iter().copied().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_serde() {
        for &rule in RuleId::ALL {
            assert_eq!(RuleId::parse(rule.as_str()), Some(rule));
            assert_eq!(rule.info().id, rule);
            let json = serde_json::to_string(&rule).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", rule.as_str()));
        }
        assert_eq!(RuleId::parse("no-such-rule"), None);
    }
}
