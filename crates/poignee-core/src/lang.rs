//! The two languages poignee speaks, for drafts and for its interface, and
//! the detection of a draft's language when its front matter does not say.

use serde::Serialize;
use std::borrow::Cow;

/// The names (`fr`, `en`: config and front-matter values, JSON) are
/// strum's, from the variants; `--lang` and `--in` take the same (clap's
/// `ValueEnum`).
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
    strum::IntoStaticStr,
    strum::Display,
    strum::EnumString,
    strum::VariantNames,
    clap::ValueEnum,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase", ascii_case_insensitive)]
pub enum Lang {
    Fr,
    En,
}

/// `Deserialize` for a plain enum through strum's names (`FromStr` in any
/// case, `VariantNames`): `platform = "LinkedIn"` is `linkedin`, and
/// another name is refused as serde refuses it, with the list.
macro_rules! any_case {
    ($($ty:ty),+ $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(|_| {
                    serde::de::Error::unknown_variant(&s, <$ty as strum::VariantNames>::VARIANTS)
                })
            }
        }
    )+};
}
pub(crate) use any_case;

any_case!(Lang);

impl Lang {
    /// Both, by value (`for lang in Lang::ALL`).
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// A count as the language writes it: `1 234` in French (narrow
    /// no-break spaces), `1,234` in English.
    pub fn count(self, n: usize) -> String {
        let digits = n.to_string();
        let sep = match self {
            Lang::Fr => '\u{202f}',
            Lang::En => ',',
        };
        let mut out = String::with_capacity(digits.len() + 8);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// The language that is not this one.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// ":" as each language writes it after a word: « erreur : », "error:".
    pub fn colon(self) -> &'static str {
        match self {
            Lang::Fr => "\u{a0}:",
            Lang::En => ":",
        }
    }

    pub fn code(self) -> &'static str {
        self.into()
    }

    /// A language as a person names it: its code, or its name in either
    /// language (`french`, `anglais`), in any case.
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fr" | "french" | "francais" | "français" => Some(Lang::Fr),
            "en" | "english" | "anglais" => Some(Lang::En),
            _ => None,
        }
    }

    /// The interface language from a locale variable such as `LANG=fr_FR.UTF-8`.
    pub fn from_locale(value: &str) -> Option<Lang> {
        let v = value.to_ascii_lowercase();
        if v.starts_with("fr") {
            Some(Lang::Fr)
        } else if v.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The interface language from the environment (`LC_ALL`, `LC_MESSAGES`,
    /// `LANG`), English when none names French or English.
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .filter(|v| !v.is_empty())
            .find_map(|v| Lang::from_locale(&v))
            .unwrap_or(Lang::En)
    }

    /// `s`, written with plain spaces as the catalogue is, in this
    /// language's typography: French gets [`french_spacing`], English stays
    /// as it is.
    pub fn typeset(self, s: &str) -> Cow<'_, str> {
        match self {
            Lang::Fr => french_spacing(s),
            Lang::En => Cow::Borrowed(s),
        }
    }
}

/// A text in both languages; the edge picks one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Localized {
    pub fr: String,
    pub en: String,
}

impl Localized {
    pub fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Localized {
            fr: fr.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`, French with its typographic spaces.
    pub fn get(&self, lang: Lang) -> Cow<'_, str> {
        match lang {
            Lang::Fr => french_spacing(&self.fr),
            Lang::En => Cow::Borrowed(&self.en),
        }
    }
}

/// What says itself in both languages: every error poignee shows a person,
/// and the warnings it prints. The edge picks one (`e.message().get(lang)`),
/// so no message is ever written for one language only, and an error that
/// wraps another says the other's words in each.
pub trait Localize {
    fn message(&self) -> Localized;
}

/// A static text in both languages, for catalogues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub fr: &'static str,
    pub en: &'static str,
}

impl Text {
    pub const fn new(fr: &'static str, en: &'static str) -> Self {
        Text { fr, en }
    }

    /// The text in `lang`, French with its typographic spaces.
    pub fn get(self, lang: Lang) -> Cow<'static, str> {
        match lang {
            Lang::Fr => french_spacing(self.fr),
            Lang::En => Cow::Borrowed(self.en),
        }
    }
}

/// French typography: a no-break space before `: ; ! ?` and inside « », so
/// that a line never starts with a lone « ? » or « », and the typographic
/// apostrophe (l’offre). Catalogue strings are written with plain spaces and
/// straight apostrophes; this runs when they are shown.
pub fn french_spacing(s: &str) -> Cow<'_, str> {
    if !s.contains([':', ';', '!', '?', '«', '»', '\'']) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    let mut prev = ' ';
    // A piece of the note is quoted with no-break spaces already
    // (`rules::quoted`): its words stay as they were typed.
    let mut quoting = false;
    while let Some(c) = chars.next() {
        let was = prev;
        prev = c;
        match c {
            '«' => quoting = chars.peek() == Some(&'\u{a0}'),
            '»' => quoting = false,
            _ => {}
        }
        match (c, chars.peek()) {
            ('\'', Some(next)) if !quoting && was.is_alphabetic() && next.is_alphabetic() => {
                out.push('’')
            }
            (' ', Some('»')) => out.push('\u{a0}'),
            (' ', Some(':')) if !quoting => out.push('\u{a0}'),
            (' ', Some(';' | '!' | '?')) if !quoting => out.push('\u{202f}'),
            ('«', Some(' ')) => {
                chars.next();
                out.push_str("«\u{a0}");
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Guesses the language of a short note from its function words (counted by
/// the lexicon scan) and accented letters, asking `whatlang` (restricted to
/// French and English) only when those do not settle it.
pub fn detect(text: &str, fr_words: usize, en_words: usize) -> Option<Lang> {
    let accents = text
        .chars()
        .filter(|c| {
            matches!(
                c,
                'é' | 'è'
                    | 'ê'
                    | 'à'
                    | 'ç'
                    | 'ù'
                    | 'î'
                    | 'ô'
                    | 'â'
                    | 'û'
                    | 'É'
                    | 'À'
                    | '«'
                    | '»'
            )
        })
        .count();
    let fr = fr_words as f32 + accents.min(4) as f32 * 0.5;
    let en = en_words as f32;
    if fr > en {
        return Some(Lang::Fr);
    }
    if en > fr {
        return Some(Lang::En);
    }
    let detector =
        whatlang::Detector::with_allowlist(vec![whatlang::Lang::Fra, whatlang::Lang::Eng]);
    match detector.detect(text)?.lang() {
        whatlang::Lang::Fra => Some(Lang::Fr),
        whatlang::Lang::Eng => Some(Lang::En),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ALL` is written by hand (arrays by value are what loops want): it
    /// holds every variant, in order.
    #[test]
    fn all_is_every_language() {
        use strum::VariantNames;
        assert_eq!(Lang::ALL.map(Lang::code).as_slice(), Lang::VARIANTS);
    }

    #[test]
    fn locale_names() {
        assert_eq!(Lang::from_locale("fr_FR.UTF-8"), Some(Lang::Fr));
        assert_eq!(Lang::from_locale("en_GB"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C.UTF-8"), None);
        assert_eq!(Lang::parse("FR"), Some(Lang::Fr));
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn french_spacing_uses_no_break_spaces() {
        assert_eq!(
            french_spacing("« offre » : non !"),
            "«\u{a0}offre\u{a0}»\u{a0}: non\u{202f}!"
        );
        assert_eq!(french_spacing("http://x"), "http://x");
        // A quoted piece of the note (no-break spaces inside) stays as typed.
        assert_eq!(
            french_spacing("« l'offre » : «\u{a0}l'offre ?\u{a0}»"),
            "«\u{a0}l’offre\u{a0}»\u{a0}: «\u{a0}l'offre ?\u{a0}»"
        );
    }

    proptest::proptest! {
        /// A message typeset once is typeset: a French text built from
        /// typeset pieces (`Located`'s) is shown as it was built.
        #[test]
        fn french_spacing_twice_is_once(s in "[a-zé' :;!?«»\u{a0}\u{202f}]{0,40}") {
            let once = french_spacing(&s).into_owned();
            proptest::prop_assert_eq!(french_spacing(&once), once.as_str());
        }
    }

    #[test]
    fn accents_tip_a_tie_to_french() {
        assert_eq!(detect("Ravi d'échanger", 0, 0), Some(Lang::Fr));
    }
}
