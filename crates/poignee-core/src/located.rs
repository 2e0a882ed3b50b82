//! Errors that point at a place in a file: line, column, the key involved,
//! and a "did you mean" when a name is close to a known one.

use crate::lang::{Lang, Localize, Localized};
use crate::text::line_col;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub line: usize,
    pub column: usize,
    /// The key the error is about, when there is one.
    pub key: Option<String>,
    pub message: Localized,
    /// A name close to the unknown one: "did you mean `platform`?"
    pub hint: Option<String>,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.what(Lang::En))
    }
}

impl std::error::Error for Located {}

impl Localize for Located {
    /// The error without its position: "key `x`: message (hint)", its
    /// pieces typeset one by one, which showing it leaves as they are.
    fn message(&self) -> Localized {
        Localized::new(self.what(Lang::Fr), self.what(Lang::En))
    }
}

impl Located {
    /// The error without its position, in `lang` (see `message`).
    pub(crate) fn what(&self, lang: Lang) -> String {
        let key = self
            .key
            .as_deref()
            .map(|k| Localized::new(format!("clé `{k}` : "), format!("key `{k}`: ")));
        let hint = self.hint.as_deref().map(|h| {
            Localized::new(
                format!(" (vouliez-vous dire `{h}` ?)"),
                format!(" (did you mean `{h}`?)"),
            )
        });
        let mut s = String::new();
        if let Some(k) = key {
            s.push_str(&k.get(lang));
        }
        s.push_str(&self.message.get(lang));
        if let Some(h) = hint {
            s.push_str(&h.get(lang));
        }
        s
    }

    pub fn at(source: &str, offset: usize, message: Localized) -> Self {
        let (line, column) = line_col(source, offset);
        Located {
            line,
            column,
            key: None,
            message,
            hint: None,
        }
    }

    /// A TOML error in `source[toml]`, placed in `source` and said in both
    /// languages from what poignee knows, not from the parser's wording: a
    /// text that does not parse as TOML at all is a syntax error; one that
    /// does is a key the `schema` does not know, or a value it does not take.
    pub fn from_toml(
        source: &str,
        toml: std::ops::Range<usize>,
        err: &toml::de::Error,
        schema: &Schema,
    ) -> Self {
        let offset = toml.start + err.span().map_or(0, |s| s.start);
        let end = toml.start + err.span().map_or(0, |s| s.end);
        let detail = err.message().trim().replace('\n', " ");
        if source[toml.clone()].parse::<toml::Table>().is_err() {
            let mut located = Located::at(
                source,
                offset,
                Localized::new(
                    format!("syntaxe TOML invalide : {}", toml_in_french(&detail)),
                    format!("invalid TOML: {detail}"),
                ),
            );
            located.key = key_at(source, offset);
            return located;
        }
        let mut located = Located::at(
            source,
            offset,
            Localized::new(
                format!("valeur invalide : {}", serde_in_french(&detail)),
                format!("invalid value: {detail}"),
            ),
        );
        let floor = |i: usize| crate::text::floor_char_boundary(source, i.min(source.len()));
        let token = source[floor(offset)..floor(end.max(offset))]
            .trim()
            .trim_matches(|c| c == '"' || c == '\'' || c == '[' || c == ']')
            .trim()
            .to_string();
        let table = table_at(source, offset).unwrap_or_default();
        match key_named_at(source, offset) {
            Some(name) => {
                // An unknown key (or table header): the span is on its name.
                let (parent, name) = if is_header(source, offset) {
                    match name.rsplit_once('.') {
                        Some((p, n)) => (p.to_string(), n.to_string()),
                        None => (String::new(), name),
                    }
                } else {
                    (table, name)
                };
                let known = (schema.keys)(&parent).unwrap_or_default();
                located.key = Some(dotted(&parent, &name));
                located.message = if known.is_empty() || known.len() > 8 {
                    Localized::new("clé inconnue", "unknown key")
                } else {
                    let list = known.join("`, `");
                    Localized::new(
                        format!("clé inconnue ; les clés possibles : `{list}`"),
                        format!("unknown key; the keys are `{list}`"),
                    )
                };
                located.hint = did_you_mean(&name, known.iter().copied()).map(str::to_string);
            }
            None => {
                located.key = key_at(source, offset);
                let values = located
                    .key
                    .as_deref()
                    .map(|k| (schema.values)(k))
                    .unwrap_or_default();
                if !values.is_empty() && !token.is_empty() {
                    let list = values.join("`, `");
                    located.message = if values.len() > 8 {
                        Localized::new(
                            format!("valeur inconnue `{token}`"),
                            format!("unknown value `{token}`"),
                        )
                    } else {
                        Localized::new(
                            format!("valeur inconnue `{token}` : utilisez `{list}`"),
                            format!("unknown value `{token}`: use `{list}`"),
                        )
                    };
                    located.hint = did_you_mean(&token, values.iter().copied())
                        .or_else(|| did_you_mean(&token.to_lowercase(), values.iter().copied()))
                        .map(str::to_string);
                }
            }
        }
        located
    }
}

/// The TOML parser's descriptions of a syntax error, in French: the same
/// thing said, for a French user (the parser speaks English).
const TOML_FR: &[(&str, &str)] = &[
    ("duplicate key", "clé en double"),
    (
        "`_` may only go between digits",
        "`_` ne va qu'entre deux chiffres",
    ),
    (
        "cannot recurse further; max recursion depth met",
        "imbrication trop profonde",
    ),
    (
        "carriage return must be followed by newline",
        "un retour chariot doit être suivi d'un saut de ligne",
    ),
    ("extra `=`", "`=` en trop"),
    (
        "extra assignment between key-value pairs",
        "affectation en trop entre deux paires clé-valeur",
    ),
    ("extra comma in array", "virgule en trop dans le tableau"),
    (
        "extra comma in inline table",
        "virgule en trop dans la table en ligne",
    ),
    (
        "integers with a radix cannot be signed",
        "un entier en base 2, 8 ou 16 ne prend pas de signe",
    ),
    ("invalid basic string", "chaîne invalide"),
    ("invalid binary number", "nombre binaire invalide"),
    ("invalid boolean", "booléen invalide"),
    (
        "invalid comment character",
        "caractère invalide dans un commentaire",
    ),
    ("invalid date-time", "date ou heure invalide"),
    ("invalid exponent", "exposant invalide"),
    ("invalid float", "nombre à virgule invalide"),
    ("invalid fraction", "partie décimale invalide"),
    ("invalid hexadecimal number", "nombre hexadécimal invalide"),
    (
        "invalid inline table element",
        "élément de table en ligne invalide",
    ),
    ("invalid integer number", "entier invalide"),
    ("invalid key", "clé invalide"),
    ("invalid key-value pair", "paire clé-valeur invalide"),
    ("invalid literal string", "chaîne littérale invalide"),
    ("invalid mantissa", "mantisse invalide"),
    (
        "invalid multi-line basic string",
        "chaîne multiligne invalide",
    ),
    (
        "invalid multi-line literal string",
        "chaîne littérale multiligne invalide",
    ),
    ("invalid octal number", "nombre octal invalide"),
    ("invalid string", "chaîne invalide"),
    ("invalid table", "table invalide"),
    ("invalid unquoted key", "clé sans guillemets invalide"),
    ("invalid value", "valeur invalide"),
    ("key with no value", "clé sans valeur"),
    (
        "keys cannot be multi-line basic strings",
        "une clé ne peut pas être une chaîne multiligne",
    ),
    (
        "keys cannot be multi-line literal strings",
        "une clé ne peut pas être une chaîne littérale multiligne",
    ),
    ("missing array opening", "ouverture de tableau manquante"),
    (
        "missing assignment between key-value pairs",
        "affectation manquante entre deux paires clé-valeur",
    ),
    (
        "missing comma between array elements",
        "virgule manquante entre deux éléments du tableau",
    ),
    (
        "missing comma between key-value pairs",
        "virgule manquante entre deux paires clé-valeur",
    ),
    ("missing comment start", "début de commentaire manquant"),
    ("missing escaped value", "caractère échappé manquant"),
    (
        "missing inline table opening",
        "ouverture de table en ligne manquante",
    ),
    (
        "missing key for inline table element",
        "clé manquante pour un élément de table en ligne",
    ),
    ("missing opening quote", "guillemet ouvrant manquant"),
    ("missing table open", "ouverture de table manquante"),
    ("missing value", "valeur manquante"),
    ("missing value for key", "valeur manquante pour la clé"),
    (
        "radix must be lowercase",
        "le préfixe de base s'écrit en minuscules",
    ),
    (
        "redundant integer number prefix",
        "préfixe d'entier en trop",
    ),
    ("redundant numeric sign", "signe en trop"),
    (
        "string values must be quoted",
        "une chaîne s'écrit entre guillemets",
    ),
    (
        "too few unicode value digits",
        "trop peu de chiffres dans le code Unicode",
    ),
    ("unclosed array", "tableau non fermé"),
    ("unclosed array table", "tableau de tables non fermé"),
    ("unclosed inline table", "table en ligne non fermée"),
    ("unclosed table", "table non fermée"),
    ("unexpected `=` in array", "`=` inattendu dans un tableau"),
    ("unexpected content", "contenu inattendu"),
    (
        "unexpected content between comment and newline",
        "contenu inattendu entre le commentaire et la fin de ligne",
    ),
    ("unexpected key or value", "clé ou valeur inattendue"),
    ("unexpected leading zero", "zéro en tête inattendu"),
    ("unexpected sign", "signe inattendu"),
    (
        "unquoted keys cannot be empty",
        "une clé sans guillemets ne peut pas être vide",
    ),
    (
        "cannot extend value of type array with a dotted key",
        "une clé pointée ne peut pas prolonger un tableau",
    ),
    (
        "cannot extend value of type inline table with a dotted key",
        "une clé pointée ne peut pas prolonger une table en ligne",
    ),
];

/// What the parser expected, in French.
const EXPECTED_FR: &[(&str, &str)] = &[
    ("nothing", "rien"),
    ("key", "une clé"),
    ("value", "une valeur"),
    ("digits", "des chiffres"),
    ("numbers", "des nombres"),
    ("letters", "des lettres"),
    ("characters", "des caractères"),
    ("printable characters", "des caractères imprimables"),
    ("basic string", "une chaîne"),
    ("literal string", "une chaîne littérale"),
    ("multi-line basic string", "une chaîne multiligne"),
    ("unicode hexadecimal value", "un code Unicode hexadécimal"),
    (
        "non-double-quote visible characters",
        "des caractères visibles autres que \"",
    ),
    ("non-single-quote characters", "des caractères autres que '"),
    (
        "non-single-quote visible characters",
        "des caractères visibles autres que '",
    ),
];

fn lookup(table: &[(&str, &'static str)], en: &str) -> Option<&'static str> {
    table.iter().find(|(e, _)| *e == en).map(|(_, f)| *f)
}

/// The TOML parser's `description, expected a, b` in French:
/// « table non fermée, `]` attendu ». A description poignee does not know
/// is not guessed at: a syntax error, at the line and column given.
fn toml_in_french(detail: &str) -> String {
    let (what, expected) = match detail.split_once(", expected ") {
        Some((w, e)) => (w, Some(e)),
        None => (detail, None),
    };
    let what = match lookup(TOML_FR, what) {
        Some(fr) => fr.to_string(),
        // `duplicate key: \`x\``, `cannot extend value of type table…`
        None => match what.strip_prefix("duplicate key: ") {
            Some(key) => format!("clé {key} en double"),
            None if what.starts_with("cannot extend value of type") => {
                "une clé pointée ne peut pas prolonger cette valeur".to_string()
            }
            None => "erreur de syntaxe ici".to_string(),
        },
    };
    let Some(expected) = expected else {
        return what;
    };
    let items: Vec<String> = expected
        .split(", ")
        .map(|e| match lookup(EXPECTED_FR, e) {
            Some(fr) => fr.to_string(),
            None if e.starts_with('`') || e.starts_with('\'') => e.to_string(),
            None => format!("`{e}`"),
        })
        .collect();
    format!("{what} ; attendu : {}", items.join(" ou "))
}

/// serde's `invalid type: string "x", expected a boolean` in French.
fn serde_in_french(detail: &str) -> String {
    let (head, rest) = match detail.split_once(": ") {
        Some((h, r)) => (h, r),
        None => ("", detail),
    };
    let head_fr = match head {
        "invalid type" => "type invalide",
        "invalid value" => "valeur invalide",
        "invalid length" => "longueur invalide",
        _ => "",
    };
    if let Some(field) = detail.strip_prefix("missing field ") {
        return format!("champ {field} manquant");
    }
    if let Some(field) = detail.strip_prefix("duplicate field ") {
        return format!("champ {field} en double");
    }
    let Some((found, expected)) = rest.split_once(", expected ") else {
        return "cette clé n'accepte pas cette valeur".to_string();
    };
    let found = unexpected_fr(found);
    let expected = expected_fr(expected);
    // « valeur invalide : valeur invalide : » says it once.
    if head_fr.is_empty() || head_fr == "valeur invalide" {
        format!("{found} ; attendu : {expected}")
    } else {
        format!("{head_fr} : {found} ; attendu : {expected}")
    }
}

fn unexpected_fr(found: &str) -> String {
    let kinds = [
        ("string ", "la chaîne "),
        ("integer ", "l'entier "),
        ("floating point ", "le nombre "),
        ("boolean ", "le booléen "),
        ("character ", "le caractère "),
    ];
    for (en, fr) in kinds {
        if let Some(v) = found.strip_prefix(en) {
            return format!("{fr}{v}");
        }
    }
    match found {
        "sequence" => "une liste".to_string(),
        "map" => "une table".to_string(),
        "unit value" => "une valeur vide".to_string(),
        other => format!("`{other}`"),
    }
}

fn expected_fr(expected: &str) -> String {
    match expected {
        "a string" | "a borrowed string" | "a path string" => "une chaîne".to_string(),
        "a boolean" => "un booléen (true ou false)".to_string(),
        "u8" | "u16" | "u32" | "u64" | "usize" => "un entier positif".to_string(),
        "i8" | "i16" | "i32" | "i64" | "isize" => "un entier".to_string(),
        "f32" | "f64" => "un nombre".to_string(),
        "a sequence" => "une liste".to_string(),
        "a map" => "une table".to_string(),
        e if e.starts_with("struct ") => "une table".to_string(),
        e if e.starts_with("a sequence") => "une liste".to_string(),
        e if e.starts_with("a map") => "une table".to_string(),
        other => format!("`{other}`"),
    }
}

/// What a TOML file may hold, for its errors: the keys of each table (dotted
/// path, `""` for the top; `None` for a table of free keys) and the values a
/// key takes when they are a fixed set.
pub struct Schema {
    pub keys: fn(&str) -> Option<Vec<&'static str>>,
    pub values: fn(&str) -> Vec<&'static str>,
}

/// The fields a struct's `Deserialize` declares (as serde spells them),
/// read from the type itself. An enum's names are strum's `VariantNames`.
pub fn fields_of<T: serde::de::DeserializeOwned>() -> Vec<&'static str> {
    let mut capture = Capture(None);
    let _ = T::deserialize(&mut capture);
    capture.0.map(<[&str]>::to_vec).unwrap_or_default()
}

/// A deserializer that gives nothing and notes the fields it is asked for.
struct Capture(Option<&'static [&'static str]>);

impl<'de> serde::Deserializer<'de> for &mut Capture {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(serde::de::Error::custom("names only"))
    }

    fn deserialize_struct<V: serde::de::Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Self::Error> {
        self.0 = Some(fields);
        Err(serde::de::Error::custom("names only"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

fn dotted(table: &str, key: &str) -> String {
    if table.is_empty() {
        key.to_string()
    } else {
        format!("{table}.{key}")
    }
}

/// The line around `offset`.
fn line_around(source: &str, offset: usize) -> (usize, &str) {
    let offset = crate::text::floor_char_boundary(source, offset.min(source.len()));
    let start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    (start, &source[start..end])
}

/// The key name whose text covers `offset`: on a `name = value` line, left
/// of the `=`; or a `[table]` header's name.
fn key_named_at(source: &str, offset: usize) -> Option<String> {
    let (start, line) = line_around(source, offset);
    if is_header(source, offset) {
        return Some(
            line.trim()
                .trim_matches(|c| c == '[' || c == ']')
                .trim()
                .to_string(),
        );
    }
    let eq = line.find('=')?;
    (offset < start + eq).then(|| line[..eq].trim().trim_matches('"').to_string())
}

fn is_header(source: &str, offset: usize) -> bool {
    let line = line_around(source, offset).1.trim();
    line.starts_with('[') && line.ends_with(']')
}

/// The closest known name, if it is close enough to be a typo.
pub fn did_you_mean<'a>(
    unknown: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    known
        .into_iter()
        .map(|k| (strsim::jaro_winkler(unknown, k), k))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// The dotted key whose value sits at `offset`: the `name = value` line it is
/// on, under the nearest `[table]` header.
fn key_at(source: &str, offset: usize) -> Option<String> {
    let offset = crate::text::floor_char_boundary(source, offset.min(source.len()));
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = source[offset..]
        .find('\n')
        .map_or(source.len(), |i| offset + i);
    let line = &source[line_start..line_end];
    let eq = line.find('=')?;
    if line_start + eq > offset {
        return None;
    }
    let key = line[..eq].trim().trim_matches('"');
    Some(match table_at(source, line_start) {
        Some(t) => format!("{t}.{key}"),
        None => key.to_string(),
    })
}

/// The `[table]` header above `offset`, if any.
fn table_at(source: &str, offset: usize) -> Option<String> {
    let offset = crate::text::floor_char_boundary(source, offset.min(source.len()));
    let line_start = source[..offset].rfind('\n').map_or(0, |i| i + 1);
    source[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && l.ends_with(']'))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names() {
        assert_eq!(
            did_you_mean("platfrom", ["platform", "tier"]),
            Some("platform")
        );
        assert_eq!(did_you_mean("zzz", ["platform", "tier"]), None);
    }

    /// A French config error says what the English one says (issue 21,
    /// item 11: it said "check the quotes" for a duplicate key).
    #[test]
    fn toml_errors_say_the_same_thing_in_french() {
        let schema = Schema {
            keys: |_| None,
            values: |_| Vec::new(),
        };
        let cases = [
            ("a = 1\na = 2\n", "clé en double", "duplicate key"),
            (
                "[t\nx = 1\n",
                "table non fermée ; attendu : `]`",
                "unclosed table",
            ),
            (
                "a = \"x\n",
                "chaîne invalide ; attendu : `\"`",
                "invalid basic string",
            ),
        ];
        for (src, fr, en) in cases {
            let Err(e) = toml::from_str::<toml::Table>(src) else {
                panic!("{src} parsed");
            };
            let at = Located::from_toml(src, 0..src.len(), &e, &schema);
            assert!(at.message.fr.contains(fr), "{}", at.message.fr);
            assert!(at.message.en.contains(en), "{}", at.message.en);
        }
        assert_eq!(
            serde_in_french("invalid type: string \"x\", expected usize"),
            "type invalide : la chaîne \"x\" ; attendu : un entier positif"
        );
    }

    #[test]
    fn finds_the_key_under_its_table() {
        let src = "a = 1\n[limits]\nviadeo = -3\n";
        assert_eq!(
            key_at(src, src.find("-3").unwrap_or(0)),
            Some("limits.viadeo".into())
        );
    }

    /// The values an error lists (strum's names) are the ones serde takes
    /// from a file and writes back: the two derives spell every variant alike.
    #[test]
    fn listed_values_are_taken() {
        use strum::VariantNames;
        fn taken<T: serde::de::DeserializeOwned + serde::Serialize + VariantNames>() {
            for &name in T::VARIANTS {
                let value = serde_json::Value::from(name);
                let read = serde_json::from_value::<T>(value.clone()).ok();
                let written = read.and_then(|t| serde_json::to_value(t).ok());
                assert_eq!(written, Some(value), "{name}");
            }
        }
        taken::<crate::Lang>();
        taken::<crate::Platform>();
        taken::<crate::Tier>();
        taken::<crate::Relationship>();
        taken::<crate::draft::Status>();
        taken::<crate::draft::Source>();
        taken::<crate::lint::Level>();
        taken::<crate::lexicon::Category>();
    }
}
