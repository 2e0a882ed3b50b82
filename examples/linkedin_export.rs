//! Writes a synthetic LinkedIn data export for the import benchmark:
//! `cargo run --release --example linkedin_export -- DIR [INVITATIONS] [CONNECTIONS]`
//! makes `DIR/export/` (Invitations.csv, Connections.csv) and the same as
//! `DIR/export.zip`. Synthetic people only; 7 invitations in 10 carry a
//! note, and the first connections are people invited (accepted).

use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().ok_or("usage: linkedin_export DIR [N] [M]")?);
    let n: usize = args.next().map_or(Ok(50_000), |s| s.parse())?;
    let m: usize = args.next().map_or(Ok(30_000), |s| s.parse())?;
    let first = [
        "Ann", "Bob", "Chloé", "Dev", "Élise", "Farid", "Gwen", "Hugo", "Inès", "Jon",
    ];
    let notes = [
        "Hi {f}, we met at the Lyon data meetup last week and your talk on graph storage stayed with me. Thanks, Sam",
        "Bonjour {f}, nous avons échangé au salon de la logistique à Lyon sur les entrepôts urbains. Merci !",
        "Hi {f}, we help teams cut their cloud bill by 40%. Can I send you our case study?",
        "Bonjour {f}, j'ai lu votre article sur la maintenance prédictive, très clair. Au plaisir d'échanger.",
    ];
    let day = |i: usize| jiff::civil::date(2020, 1, 1) + jiff::Span::new().days((i % 2000) as i64);
    let who = |i: usize| (first[i % first.len()], format!("Person{i}"));
    let mut inv =
        String::from("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
    for i in 0..n {
        let (f, l) = who(i);
        let d = day(i);
        let note = if i % 10 < 7 {
            notes[i % notes.len()].replace("{f}", f)
        } else {
            String::new()
        };
        inv.push_str(&format!(
            "Sam Writer,{f} {l},\"{}/{}/{}, 9:{:02} AM\",\"{note}\",OUTGOING,https://www.linkedin.com/in/sam-writer,https://www.linkedin.com/in/{}-{}\n",
            d.month(),
            d.day(),
            d.year() % 100,
            i % 60,
            f.to_lowercase(),
            l.to_lowercase()
        ));
    }
    let mut conn = String::from(
        "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n",
    );
    for i in 0..m {
        let (f, l) = who(i);
        let d = day(i) + jiff::Span::new().days((i % 9) as i64);
        let months = [
            "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
        ];
        conn.push_str(&format!(
            "{f},{l},https://www.linkedin.com/in/{}-{},,Acme,Engineer,{:02} {} {}\n",
            f.to_lowercase(),
            l.to_lowercase(),
            d.day(),
            months[(d.month() - 1) as usize],
            d.year()
        ));
    }
    let export = dir.join("export");
    std::fs::create_dir_all(&export)?;
    std::fs::write(export.join("Invitations.csv"), &inv)?;
    std::fs::write(export.join("Connections.csv"), &conn)?;
    let mut zip = zip::ZipWriter::new(std::fs::File::create(dir.join("export.zip"))?);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [("Invitations.csv", &inv), ("Connections.csv", &conn)] {
        zip.start_file(name, options)?;
        zip.write_all(text.as_bytes())?;
    }
    zip.finish()?;
    println!("{} invitations, {} connections in {}", n, m, dir.display());
    Ok(())
}
