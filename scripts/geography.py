#!/usr/bin/env python3
"""Writes data/reference/fr-communes.tsv from the JSON of the npm package
@etalab/decoupage-administratif (INSEE's Code officiel géographique, with
La Poste's postal codes and INSEE's legal populations).

usage: geography.py PACKAGE_DIR OUT_TSV

PACKAGE_DIR is the unpacked package (the folder holding package.json and
data/). scripts/fetch-geography.sh fetches it with `npm pack` and calls this.

One line a place, tab-separated, sorted by INSEE code (then the commune
before the places inside it), after a few `#` lines naming the source:

    code  name  type  département  parent  population  postal codes

- type: C commune, R arrondissement municipal (Paris, Lyon, Marseille),
  D commune déléguée, A commune associée;
- département: its code (01…95, 2A, 2B, 971…976; 975, 977, 978, 984,
  986…989 for the collectivities outside the départements). Written out
  rather than read from the code: a commune associée may lie in another
  département than its INSEE code says (Escaufourt, 02285, is in the Nord);
- parent: for R, D and A, the INSEE code of the commune they belong to;
- population: the legal population (0 where INSEE gives none: communes
  déléguées and associées);
- postal codes: space-separated (a commune may have several, and a code
  may serve several communes).

The region is not repeated: it is the département's (fr-departements.csv).
A commune déléguée bearing its commune's own name (Annecy in Annecy) is
left out: it names the same place as the commune.
"""
import json
import os
import sys

TYPES = {
    "commune-actuelle": "C",
    "arrondissement-municipal": "R",
    "commune-deleguee": "D",
    "commune-associee": "A",
}
ORDER = {"C": 0, "R": 1, "D": 2, "A": 3}


def clean(text: str) -> str:
    """No tab or line break can reach the TSV."""
    return " ".join(text.split())


def main() -> None:
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    package, out = sys.argv[1], sys.argv[2]
    with open(os.path.join(package, "package.json"), encoding="utf-8") as f:
        meta = json.load(f)
    with open(os.path.join(package, "data", "communes.json"), encoding="utf-8") as f:
        communes = json.load(f)
    names = {c["code"]: c["nom"] for c in communes if c["type"] == "commune-actuelle"}
    rows = []
    for c in communes:
        kind = TYPES[c["type"]]
        parent = "" if kind == "C" else c.get("commune") or c.get("chefLieu") or ""
        if kind != "C" and parent not in names:
            raise SystemExit(f"{c['code']} {c['nom']}: no commune {parent!r}")
        if kind in "DA" and c["nom"] == names[parent]:
            continue
        postal = sorted(set(c.get("codesPostaux") or []))
        rows.append((
            c["code"],
            clean(c["nom"]),
            kind,
            c["departement"],
            parent,
            str(c.get("population") or 0),
            " ".join(postal),
        ))
    rows.sort(key=lambda r: (r[0], ORDER[r[2]], r[1]))
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# {meta['name']} {meta['version']} (npm), data/communes.json: INSEE Code officiel "
                "géographique, La Poste postal codes, INSEE legal populations; Licence Ouverte 2.0.\n")
        f.write("# Written by scripts/fetch-geography.sh; see data/reference/README.md.\n")
        f.write("# code\tname\ttype\tdepartement\tparent\tpopulation\tpostal_codes\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    counts = {k: sum(1 for r in rows if r[2] == k) for k in "CRDA"}
    print(f"{out}: {len(rows)} places {counts}, {os.path.getsize(out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
