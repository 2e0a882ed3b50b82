//! Reading the export's tables into the import: the connections first
//! (who accepted, when), then the invitations as they stream, then the
//! first messages of the conversations.

use super::dates;
use super::export::{Export, Row, Table};
use super::{Connections, Found, Invite, Run, State, bad_date, clean, name_key, not_utf8, url_key};
use crate::draft::Source;
use crate::lang::{Localize, Localized};
use dates::Stamp;
use std::collections::{HashMap, HashSet};

pub(super) fn read_connections(export: &mut Export, run: &mut Run<'_>) {
    let file = Table::Connections.file_name();
    let mut problems = Vec::new();
    let mut connections = Connections::default();
    let read = export.rows(Table::Connections, |line, row| {
        let row = match row {
            Ok(r) => r,
            Err(_) => return problems.push((line, not_utf8())),
        };
        let raw = row.get("connected on");
        let Some(on) = dates::parse(&raw) else {
            return problems.push((line, bad_date(&raw, "Connected On")));
        };
        let who = clean(&format!(
            "{} {}",
            row.get("first name"),
            row.get("last name")
        ));
        if let Some(u) = url_key(&row.get("url")) {
            connections.by_url.insert(u, on.date);
        }
        if !who.is_empty() {
            let e = connections
                .by_name
                .entry(name_key(&who))
                .or_insert((0, on.date));
            e.0 += 1;
            e.1 = on.date;
        }
    });
    match read {
        Ok(found) => connections.known = found,
        Err(e) => problems.push((0, e.message())),
    }
    for (line, m) in problems {
        run.problem(file, line, m);
    }
    run.connections = connections;
}

/// Who the user is, to know their messages: the names and profile links
/// of the sender of their invitations, and of `Profile.csv`.
#[derive(Default)]
pub(super) struct User {
    names: HashSet<String>,
    urls: HashSet<String>,
    /// The people invited, by name and link: a note of theirs is in
    /// `Invitations.csv` already.
    invited: HashSet<String>,
}

pub(super) fn read_invitations(export: &mut Export, run: &mut Run<'_>) -> User {
    let file = Table::Invitations.file_name();
    let mut user = User::default();
    // Rows are handled as they stream: only what each needs is kept.
    let handle = |run: &mut Run<'_>, user: &mut User, line: usize, row: Result<Row<'_>, String>| {
        let row = match row {
            Ok(r) => r,
            Err(_) => return run.problem(file, line, not_utf8()),
        };
        let direction = row.get("direction").to_ascii_uppercase();
        match direction.as_str() {
            "OUTGOING" => {}
            "INCOMING" => {
                run.summary.incoming += 1;
                return;
            }
            other => {
                let other = crate::text::terminal_line(other).into_owned();
                return run.problem(
                    file,
                    line,
                    Localized::new(
                        format!("direction « {other} » : ni OUTGOING ni INCOMING, ligne ignorée"),
                        format!("direction “{other}”: neither OUTGOING nor INCOMING, row left out"),
                    ),
                );
            }
        }
        let who = clean(&row.get("to"));
        if who.is_empty() {
            return run.problem(
                file,
                line,
                Localized::new(
                    "pas de destinataire (colonne « To » vide) : ligne ignorée",
                    "no recipient (the “To” column is empty): row left out",
                ),
            );
        }
        let raw = row.get("sent at");
        let Some(sent) = dates::parse(&raw) else {
            return run.problem(file, line, bad_date(&raw, "Sent At"));
        };
        if !run.possible(file, line, &raw, sent.date) {
            return;
        }
        let from = clean(&row.get("from"));
        if !from.is_empty() {
            user.names.insert(name_key(&from));
        }
        if let Some(u) = url_key(&row.get("inviterprofileurl")) {
            user.urls.insert(u);
        }
        let profile = clean(&row.get("inviteeprofileurl"));
        let profile = (profile.starts_with("http")).then_some(profile);
        user.invited.insert(name_key(&who));
        if let Some(u) = profile.as_deref().and_then(url_key) {
            user.invited.insert(u);
        }
        let note = row.raw("message");
        let note = note.trim();
        let state = run.state(&who, profile.as_deref(), sent.date);
        if note.is_empty() {
            run.no_note(&who, sent.date, state);
        } else {
            let inv = Invite {
                who,
                profile,
                sent,
                note: note.to_string(),
                source: Source::LinkedinExport,
            };
            run.note(inv, state);
        }
    };
    let read = export.rows(Table::Invitations, |line, row| {
        handle(run, &mut user, line, row);
    });
    if let Err(e) = read {
        run.problem(file, 0, e.message());
    }
    // The user's own name, from their profile.
    let _ = export.rows(Table::Profile, |_, row| {
        if let Ok(row) = row {
            let who = clean(&format!(
                "{} {}",
                row.get("first name"),
                row.get("last name")
            ));
            if !who.is_empty() {
                user.names.insert(name_key(&who));
            }
        }
    });
    user
}

/// The first message of a conversation so far.
struct First {
    at: Stamp,
    line: usize,
    from: String,
    from_url: Option<String>,
    to: String,
    to_urls: String,
    subject: String,
    content: String,
    draft: bool,
}

/// A note's longest: LinkedIn Premium's 300 characters.
const NOTE_MAX: usize = 300;

pub(super) fn read_messages(export: &mut Export, run: &mut Run<'_>, user: User) {
    let file = Table::Messages.file_name();
    if !export.has(Table::Messages) {
        return;
    }
    if user.names.is_empty() && user.urls.is_empty() {
        run.problem(
            file,
            0,
            Localized::new(
                "ni invitation envoyée ni Profile.csv pour savoir qui vous êtes : les messages ne sont pas lus",
                "no invitation sent nor Profile.csv to tell who you are: the messages are not read",
            ),
        );
        return;
    }
    let mut firsts: HashMap<String, First> = HashMap::new();
    let mut problems = Vec::new();
    let read = export.rows(Table::Messages, |line, row| {
        let row = match row {
            Ok(r) => r,
            Err(_) => return problems.push((line, not_utf8())),
        };
        let raw = row.get("date");
        let Some(at) = dates::parse(&raw) else {
            return problems.push((line, bad_date(&raw, "DATE")));
        };
        let id = row.get("conversation id");
        if firsts.get(&id).is_some_and(|f| f.at <= at) {
            return;
        }
        let draft = matches!(
            row.get("is message draft").to_ascii_lowercase().as_str(),
            "true" | "yes" | "1"
        ) || row.get("folder").eq_ignore_ascii_case("draft");
        firsts.insert(
            id,
            First {
                at,
                line,
                from: clean(&row.get("from")),
                from_url: url_key(&row.get("sender profile url")),
                to: clean(&row.get("to")),
                to_urls: row.get("recipient profile urls"),
                subject: row.get("subject"),
                content: row.raw("content").trim().to_string(),
                draft,
            },
        );
    });
    for (line, m) in problems {
        run.problem(file, line, m);
    }
    if let Err(e) = read {
        run.problem(file, 0, e.message());
    }
    let mut firsts: Vec<First> = firsts.into_values().collect();
    firsts.sort_by(|a, b| a.at.cmp(&b.at).then(a.line.cmp(&b.line)));
    for f in firsts {
        let by_user = f.from_url.as_ref().is_some_and(|u| user.urls.contains(u))
            || user.names.contains(&name_key(&f.from));
        let urls: Vec<&str> = f
            .to_urls
            .split([',', ' '])
            .filter(|u| !u.trim().is_empty())
            .collect();
        let one = !f.to.contains(',') && urls.len() <= 1 && !f.to.is_empty();
        let short = crate::text::utf16_len(&f.content) <= NOTE_MAX;
        if !by_user || !one || f.draft || !f.subject.is_empty() || f.content.is_empty() || !short {
            continue;
        }
        let url = urls.first().copied();
        if user.invited.contains(&name_key(&f.to))
            || url
                .and_then(url_key)
                .is_some_and(|u| user.invited.contains(&u))
        {
            continue;
        }
        // Only a connection, connected on the day or after: a message to
        // someone not connected is an InMail or a reply elsewhere.
        let Found::One(connected) = run.connections.find(url, &f.to) else {
            continue;
        };
        if connected < f.at.date || !run.possible(file, f.line, &f.at.date.to_string(), f.at.date) {
            continue;
        }
        let inv = Invite {
            who: f.to,
            profile: url.map(str::to_string).filter(|u| u.starts_with("http")),
            sent: f.at,
            note: f.content,
            source: Source::LinkedinMessages,
        };
        run.note(inv, State::Accepted(connected));
    }
}
