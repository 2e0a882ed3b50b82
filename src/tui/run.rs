//! The runtime: the terminal set up and always restored (on quit, panic,
//! SIGTERM and SIGHUP, after the recovery file is written), keys and pastes
//! fed to the app, the note saved to the recovery file within a second of a
//! change, and the clipboard (OSC 52, which works over SSH, and `wl-copy`,
//! `xclip`, `xsel` or `pbcopy` when present).

use super::app::{App, Effect, Msg, Offer, Recovery, Setup};
use super::io::Job;
use super::setup::{Aside, Start};
use super::ui;
use base64::Engine;
use poignee::draft::{Draft, Status};
use poignee::fsutil;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, EnableBracketedPaste, Event, KeyboardEnhancementFlags,
    PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long after a change the recovery file is written, at most.
const SYNC_AFTER: Duration = Duration::from_millis(400);
const POLL: Duration = Duration::from_millis(200);
/// How long the typing pauses before a long note is checked again.
const LINT_PAUSE: Duration = Duration::from_millis(150);

/// The recovery file and its latest text, for the panic hook.
static SNAPSHOT: Mutex<Option<(PathBuf, String)>> = Mutex::new(None);

pub struct Options {
    pub recovery: Option<PathBuf>,
    /// `--draft FILE`: open a draft.
    pub draft: Option<(PathBuf, Draft)>,
    /// `--template NAME`: start from a template.
    pub template: Option<String>,
}

/// Reads a recovery file left by an earlier run, if it holds text.
pub fn recovered(path: &Path) -> Option<Draft> {
    let text = poignee::input::read_text(path, poignee::input::MAX_BYTES).ok()?;
    let draft = Draft::parse(&text).ok()?;
    (!draft.body.trim().is_empty()
        || draft
            .front
            .target
            .as_ref()
            .is_some_and(|t| t.name.is_some()))
    .then_some(draft)
}

/// The kitty keyboard protocol was turned on: it is turned off on leaving.
static ENHANCED: AtomicBool = AtomicBool::new(false);

fn restore_terminal() {
    if ENHANCED.swap(false, Ordering::Relaxed) {
        let _ = execute!(io::stdout(), PopKeyboardEnhancementFlags);
    }
    let _ = disable_raw_mode();
    let _ = execute!(io::stdout(), DisableBracketedPaste, LeaveAlternateScreen);
    let _ = execute!(io::stdout(), ratatui::crossterm::cursor::Show);
}

fn write_snapshot() {
    let snap = SNAPSHOT.lock().ok().and_then(|s| s.clone());
    if let Some((path, text)) = snap {
        let _ = fsutil::write_replace(&path, text.as_bytes());
    }
}

/// Where a declined recovery file goes: beside it, dated, never lost.
fn set_aside(path: &Path) -> Option<PathBuf> {
    let stamp = jiff::Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let to = fsutil::free_name(&path.with_file_name(format!("recovery-{stamp}.md")));
    std::fs::rename(path, &to).ok().map(|()| to)
}

/// OSC 52 for the terminal, and the system's clipboard tool when there is one.
fn copy(out: &mut impl Write, text: &str) {
    let b64 = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    let _ = write!(out, "\x1b]52;c;{b64}\x07");
    let _ = out.flush();
    let tools: [(&str, &[&str], &str); 4] = [
        ("wl-copy", &[], "WAYLAND_DISPLAY"),
        ("xclip", &["-selection", "clipboard"], "DISPLAY"),
        ("xsel", &["--clipboard", "--input"], "DISPLAY"),
        ("pbcopy", &[], "HOME"),
    ];
    for (tool, args, env) in tools {
        if std::env::var_os(env).is_none() {
            continue;
        }
        let child = Command::new(tool)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        if let Ok(mut child) = child {
            if let Some(mut stdin) = child.stdin.take() {
                let _ = stdin.write_all(text.as_bytes());
            }
            break;
        }
    }
}

/// Whether the recovery file may take the note being typed.
enum Room {
    /// No text offered is in it.
    Free,
    /// The text found there at start (offered, not answered) went beside
    /// it, dated, to this path: it is never written over.
    Made(PathBuf),
    /// That text could not be moved: the recovery file is left as it is.
    Taken,
}

fn make_room(app: &App, path: &Path) -> Room {
    match &app.offer {
        Some(offer) if offer.aside.is_none() && path.exists() => match set_aside(path) {
            Some(to) => Room::Made(to),
            None => Room::Taken,
        },
        _ => Room::Free,
    }
}

/// Keeps the latest text in memory for a signal or a panic; what `update`
/// is to be told (the text offered moved aside to make room).
fn snapshot(app: &App, path: &Path) -> Vec<Msg> {
    let told = match make_room(app, path) {
        Room::Taken => return Vec::new(),
        Room::Made(to) => vec![Msg::Recovery(Recovery::MadeRoom(to))],
        Room::Free => Vec::new(),
    };
    let text = (app.doc.dirty && !app.note.text().trim().is_empty())
        .then(|| app.to_draft(Status::Draft).render());
    if let Ok(mut s) = SNAPSHOT.lock() {
        *s = text.map(|t| (path.to_path_buf(), t));
    }
    told
}

/// Writes the recovery file (or removes it when there is nothing to keep);
/// what `update` is to be told.
fn sync(app: &App, path: &Path) -> Vec<Msg> {
    let mut told = Vec::new();
    let empty = app.note.text().trim().is_empty()
        && app.form.fields.iter().all(|f| f.text().trim().is_empty());
    // The text found at start, not answered, is still the recovery file:
    // left alone.
    let offered = app.offer.as_ref().is_some_and(|o| o.aside.is_none());
    if empty || !app.doc.dirty {
        if !offered {
            let _ = std::fs::remove_file(path);
        }
        if let Ok(mut s) = SNAPSHOT.lock() {
            *s = None;
        }
    } else {
        let room = make_room(app, path);
        if let Room::Made(to) = &room {
            told.push(Msg::Recovery(Recovery::MadeRoom(to.clone())));
        }
        if !matches!(room, Room::Taken) {
            let text = app.to_draft(Status::Draft).render();
            if let Ok(mut s) = SNAPSHOT.lock() {
                *s = Some((path.to_path_buf(), text.clone()));
            }
            let _ = fsutil::write_replace(path, text.as_bytes());
        }
    }
    told.push(Msg::Recovery(Recovery::Synced));
    told
}

pub fn run(setup: Setup, options: Options) -> io::Result<()> {
    let Options {
        recovery,
        draft,
        template,
    } = options;
    let recovery = recovery.as_deref();
    let mut app = App::new(setup);
    let mut start = Start {
        draft,
        template,
        ..Start::default()
    };
    if let Some(p) = recovery {
        start.aside = Aside::scan(p, std::time::SystemTime::now());
        start.found = recovered(p);
    }

    // SIGTERM or SIGHUP: the loop stops, keeps the text and restores the
    // terminal. If it cannot (a closed terminal can leave crossterm reading
    // end-of-file for ever), this thread does it from the latest snapshot.
    let stop = Arc::new(AtomicBool::new(false));
    let mut signals = signal_hook::iterator::Signals::new([
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
    ])?;
    let signals_handle = signals.handle();
    let flag = Arc::clone(&stop);
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            flag.store(true, Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(800));
            write_snapshot();
            restore_terminal();
            std::process::exit(128 + signal);
        }
    });
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A file job's panic is caught and said on screen (`Worker::answer`):
        // only the UI thread's own takes the terminal down.
        if std::thread::current().name() == Some("main") {
            write_snapshot();
            restore_terminal();
            previous(info);
        }
    }));

    enable_raw_mode()?;
    let mut stdout = io::stdout();
    execute!(stdout, EnterAlternateScreen, EnableBracketedPaste)?;
    // Where the terminal speaks the kitty keyboard protocol, keys such as
    // Ctrl-Shift-Z arrive as themselves; elsewhere they are not offered.
    let enhanced = matches!(
        ratatui::crossterm::terminal::supports_keyboard_enhancement(),
        Ok(true)
    ) && execute!(
        stdout,
        PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
    )
    .is_ok();
    ENHANCED.store(enhanced, Ordering::Relaxed);
    start.plain_keys = !enhanced;
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout))?;
    let effects = feed(&mut app, Msg::Start(Box::new(start)));
    let result = event_loop(&mut terminal, &mut app, effects, recovery, &stop);
    if let Some(p) = recovery {
        if stop.load(Ordering::Relaxed) || result.is_err() {
            // Killed or failed: keep the text for the next start. The app
            // is told (the text offered may have moved aside for it), and
            // asks for nothing more: it is closing.
            if app.doc.dirty {
                for msg in sync(&app, p) {
                    let _ = app.update(msg);
                }
            }
        } else if !app.doc.dirty && app.offer.as_ref().is_none_or(|o| o.aside.is_some()) {
            let _ = std::fs::remove_file(p);
        }
        // Never answered, and moved aside for the note typed since: back
        // in place, to be offered again at the next start, unless the
        // recovery file now holds that note.
        if let Some(Offer { aside: Some(a), .. }) = &app.offer {
            if !p.exists() {
                let _ = std::fs::rename(a, p);
            }
        }
    }
    signals_handle.close();
    restore_terminal();
    result
}

/// A message through `update`, the time now said first: the app never
/// reads the clock itself.
fn feed(app: &mut App, msg: Msg) -> Vec<Effect> {
    let mut effects = app.update(Msg::Tick(jiff::Zoned::now()));
    effects.extend(app.update(msg));
    effects
}

/// How long quitting waits for file jobs still out.
const QUIT_WAIT: Duration = Duration::from_secs(5);

/// Poll this often while a file job is out, so its answer shows at once.
const BUSY_POLL: Duration = Duration::from_millis(20);

/// Draws, carries out `effects` and those asked for next, and feeds the
/// app what comes in, until it quits or a signal stops it.
fn event_loop(
    terminal: &mut Terminal<CrosstermBackend<io::Stdout>>,
    app: &mut App,
    mut effects: Vec<Effect>,
    recovery: Option<&Path>,
    stop: &AtomicBool,
) -> io::Result<()> {
    // File work on its own thread: jobs go, answers come back as messages.
    let (jobs, inbox) = mpsc::channel::<Job>();
    let (outbox, answers) = mpsc::channel();
    let worker = app.worker.clone();
    std::thread::spawn(move || {
        for job in inbox {
            if outbox.send(worker.answer(job)).is_err() {
                return;
            }
        }
    });
    if let Ok(size) = terminal.size() {
        effects.extend(feed(app, Msg::Resize(size.width, size.height)));
    }
    let mut changed_at: Option<Instant> = None;
    // A frame is drawn when something came in (a key, a paste, a new size,
    // a file job's answer, a pause in the typing), never on the poll's
    // timeout alone: idle, the screen is left as it is.
    let mut frame_due = true;
    loop {
        while let Ok(done) = answers.try_recv() {
            effects.extend(feed(app, Msg::Done(done)));
            frame_due = true;
        }
        if frame_due {
            terminal.draw(|f| ui::draw(f, app))?;
            frame_due = false;
        }
        // An effect may say something (a text set aside): drawn next.
        frame_due |= !effects.is_empty();
        for effect in std::mem::take(&mut effects) {
            match effect {
                Effect::Copy(text) => copy(terminal.backend_mut(), &text),
                Effect::Redraw => terminal.clear()?,
                Effect::SetAside(aside) => {
                    if let Some(p) = recovery {
                        if let Some(to) = aside.or_else(|| set_aside(p)) {
                            let told = Msg::Recovery(Recovery::SetAside(to));
                            effects.extend(feed(app, told));
                        }
                    }
                }
                Effect::Restored { aside, keep } => {
                    if let Some(p) = recovery {
                        if keep {
                            if let Some(to) = aside.or_else(|| set_aside(p)) {
                                let told = Msg::Recovery(Recovery::KeptAside(to));
                                effects.extend(feed(app, told));
                            }
                        } else {
                            // The recovery file holds the restored text
                            // before its copy aside goes.
                            for told in sync(app, p) {
                                effects.extend(feed(app, told));
                            }
                            changed_at = None;
                            if let Some(a) = aside.filter(|_| p.exists()) {
                                let _ = std::fs::remove_file(a);
                            }
                        }
                    }
                }
                Effect::Io(job) => {
                    if jobs.send(job).is_err() {
                        // The worker is gone (it panicked): nothing will
                        // answer, and the text stays unsaved.
                        effects.extend(feed(app, Msg::Unanswered));
                    }
                }
            }
        }
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        // Leaving waits for the file jobs out (an approval being written, a
        // mark), a few seconds at most.
        if app.quit {
            let deadline = Instant::now() + QUIT_WAIT;
            while app.busy > 0 && Instant::now() < deadline {
                match answers.recv_timeout(Duration::from_millis(50)) {
                    Ok(done) => {
                        for effect in feed(app, Msg::Done(done)) {
                            if let Effect::Copy(text) = effect {
                                copy(terminal.backend_mut(), &text);
                            }
                        }
                    }
                    Err(mpsc::RecvTimeoutError::Timeout) => {}
                    Err(mpsc::RecvTimeoutError::Disconnected) => break,
                }
            }
            return Ok(());
        }
        if let Some(p) = recovery {
            if app.unsynced {
                for told in snapshot(app, p) {
                    effects.extend(feed(app, told));
                }
                let since = *changed_at.get_or_insert_with(Instant::now);
                if since.elapsed() >= SYNC_AFTER {
                    for told in sync(app, p) {
                        effects.extend(feed(app, told));
                    }
                    changed_at = None;
                }
            }
        }
        // A long note is checked once the typing pauses.
        if app.checks.stale && !event::poll(LINT_PAUSE)? {
            effects.extend(feed(app, Msg::Pause));
            frame_due = true;
            continue;
        }
        let wait = if app.busy > 0 { BUSY_POLL } else { POLL };
        if event::poll(wait)? {
            let event = event::read()?;
            // Which keys are taken (not on the too-small screen, not a
            // key's release) is `update`'s to say.
            let msg = match event {
                Event::Key(k) => Some(Msg::Key(k)),
                Event::Paste(s) => Some(Msg::Paste(s)),
                Event::Resize(w, h) => Some(Msg::Resize(w, h)),
                _ => None,
            };
            if let Some(msg) = msg {
                effects.extend(feed(app, msg));
                frame_due = true;
            }
        }
    }
}
