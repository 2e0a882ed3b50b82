#!/usr/bin/env python3
"""Writes N realistic French and English drafts (front matter + a note of
100 to 300 characters) under DIR, 1,000 a folder, deterministically.

usage: gen_drafts.py DIR N
"""
import os
import random
import sys

FIRST = ["Claire", "Paul", "Inès", "Marc", "Léa", "Tom", "Zoé", "Hugo", "Sarah", "Noé", "Karim", "Nadia",
         "Julien", "Emma", "Lucas", "Chloé", "Yann", "Anna", "David", "Sophie"]
LAST = ["Martin", "Durand", "Haddad", "Roux", "Blanc", "Petit", "Moreau", "Lefèvre", "Garcia", "Fournier"]
REGIONS = ["Lyon", "Villeurbanne (69)", "Paris", "Région de Lyon, France", "Grenoble", "Lille", "69003",
           "Boulogne-Billancourt (92)", "Nantes, Pays de la Loire", "Genève"]
SECTORS = ["Software Development", "Marketing Services", "Développement de logiciels", "Banking",
           "IT Services and IT Consulting", "Staffing and Recruiting"]
FR = {
    "hello": ["Bonjour {n},", "Bonjour {n} !", "Bonsoir {n},", "{n},"],
    "reason": ["nous avons échangé au salon {e} sur {t}.", "j’ai lu votre article sur {t}.",
               "{m} m’a conseillé de vous écrire au sujet de {t}.", "nous sommes tous deux passés par {s}.",
               "votre intervention à {e} sur {t} m’a marqué.", "je vois que vous travaillez sur {t}."],
    "more": ["J’aimerais poursuivre la conversation.", "Votre retour sur {t} m’intéresse.",
             "Découvrez notre offre gratuite sur www.acme.fr !", "Je serais ravi d’échanger.",
             "C’est un sujet passionnant et innovant !!!", "Comme convenu, je vous envoie notre plaquette.", ""],
    "end": ["Merci !", "Au plaisir d’échanger, merci.", "Bonne journée.", "Qu’en pensez-vous ?", ""],
}
EN = {
    "hello": ["Hi {n},", "Hello {n},", "Dear {n},", "{n},"],
    "reason": ["we talked about {t} at {e}.", "I read your article on {t}.", "{m} suggested I get in touch about {t}.",
               "we both studied at {s}.", "your talk at {e} on {t} stayed with me.", "I see you work on {t}."],
    "more": ["I'd like to keep that conversation going.", "Your view on {t} would help me.",
             "Check out our free demo at acme.com!", "Happy to compare notes.",
             "This is an amazing, game-changing topic!!!", "As discussed, here is our brochure.", ""],
    "end": ["Thanks!", "Thank you.", "Have a good day.", "Would you be up for it?", ""],
}
EVENTS = ["VivaTech", "le Web2Day", "la Mêlée Numérique", "Devoxx", "the Web Summit", "FOSDEM"]
TOPICS = ["la logistique urbaine", "les tests de charge", "urban farming", "e-invoicing", "le design system",
          "Kubernetes", "accessibility testing", "la facturation électronique"]
SCHOOLS = ["l’INSA de Lyon", "HEC", "Imperial College", "l’École 42"]


def note(rng: random.Random, lang: str, first: str) -> str:
    p = FR if lang == "fr" else EN
    fill = dict(n=first, e=rng.choice(EVENTS), t=rng.choice(TOPICS), m=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                s=rng.choice(SCHOOLS))
    parts = [rng.choice(p[k]).format(**fill) for k in ("hello", "reason", "more", "end")]
    return " ".join(x for x in parts if x)


def main() -> None:
    out, n = sys.argv[1], int(sys.argv[2])
    rng = random.Random(2026)
    for i in range(n):
        folder = os.path.join(out, f"{i // 1000:03}")
        if i % 1000 == 0:
            os.makedirs(folder, exist_ok=True)
        lang = "fr" if rng.random() < 0.6 else "en"
        first, last = rng.choice(FIRST), rng.choice(LAST)
        platform = "viadeo" if rng.random() < 0.15 else "linkedin"
        front = (f"+++\nplatform = \"{platform}\"\nlang = \"{lang}\"\n[target]\nname = \"{first} {last}\"\n"
                 f"region = \"{rng.choice(REGIONS)}\"\nsector = \"{rng.choice(SECTORS)}\"\n+++\n")
        body = note(rng, lang, first)
        with open(os.path.join(folder, f"{i:06}.md"), "w", encoding="utf-8") as f:
            f.write(front if rng.random() < 0.8 else "")
            f.write(body + "\n")


if __name__ == "__main__":
    main()
