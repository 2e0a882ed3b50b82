use poignee::{Context, Lang, Linter};
#[test]
#[ignore]
fn profile_lint() {
    let linter = Linter::default();
    let fr = "Bonjour Claire, nous nous sommes croisés au salon VivaTech sur le stand de la logistique urbaine. Votre intervention sur les entrepôts de proximité m’a beaucoup appris. Découvrez notre offre gratuite ! J’aimerais suivre vos travaux. Merci et au plaisir d’échanger !";
    let en = "Hi Sam, we met at RustConf last week and talked about error handling in libraries. Your talk on async cancellation changed how my team writes services. Book a demo of our platform! I'd love to hear what you would do differently today. Thanks, and hope to stay in touch!";
    let cf = Context { lang: Some(Lang::Fr), ..Context::default() };
    let ce = Context { lang: Some(Lang::En), ..Context::default() };
    let mut n = 0;
    let rounds: usize = std::env::var("ROUNDS").ok().and_then(|r| r.parse().ok()).unwrap_or(20000);
    for _ in 0..rounds {
        n += linter.lint(fr, &cf).diagnostics.len();
        n += linter.lint(en, &ce).diagnostics.len();
    }
    assert!(n > 0);
}
#[test]
#[ignore]
fn profile_read() {
    use poignee::reading::Library;
    use poignee::text::{Folded, sentences};
    let lib = Library::shipped();
    let fr = "Bonjour Claire, nous nous sommes croisés au salon VivaTech sur le stand de la logistique urbaine. Votre intervention sur les entrepôts de proximité m’a beaucoup appris. Découvrez notre offre gratuite ! J’aimerais suivre vos travaux. Merci et au plaisir d’échanger !";
    let en = "Hi Sam, we met at RustConf last week and talked about error handling in libraries. Your talk on async cancellation changed how my team writes services. Book a demo of our platform! I'd love to hear what you would do differently today. Thanks, and hope to stay in touch!";
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..20000 {
        for (text, lang) in [(fr, Lang::Fr), (en, Lang::En)] {
            let f = Folded::new(text);
            let s = sentences(text);
            n += lib.read(lang, text, &f, &s).cues.len();
        }
    }
    println!("read: {:?} per note", t.elapsed() / 40000);
    let t = std::time::Instant::now();
    for _ in 0..20000 {
        for text in [fr, en] {
            let f = Folded::new(text);
            n += sentences(text).len() + f.as_str().len();
        }
    }
    println!("fold+sentences: {:?} per note", t.elapsed() / 40000);
    assert!(n > 0);
}
