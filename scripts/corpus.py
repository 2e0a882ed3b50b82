#!/usr/bin/env python3
"""Assemble poignee's written corpus: tests/corpus/new/<lang>-*.toml (notes
written for poignee, labelled per LABELS.md) into tests/corpus/<lang>.toml,
each note with its split. The split is decided once per note, from a hash of
its id, so adding notes never moves old ones between `dev` and `test`.

    python3 scripts/corpus.py            # rewrite tests/corpus/{fr,en}.toml
"""
import glob, hashlib, json, os, tomllib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
KEYS = ["id", "split", "text", "name", "relationship", "reason", "pitch", "polite",
        "generic", "flattery", "rules", "why"]


def split_of(note_id):
    return "test" if hashlib.sha256(note_id.encode()).digest()[0] % 2 else "dev"


def value(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(value(x) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)


def main():
    for lang in ("fr", "en"):
        notes = []
        for path in sorted(glob.glob(os.path.join(ROOT, "tests", "corpus", "new", f"{lang}-*.toml"))):
            with open(path, "rb") as f:
                notes += tomllib.load(f)["note"]
        out = [f"# Labelled {'French' if lang == 'fr' else 'English'} notes written for poignee "
               "(assembled by scripts/corpus.py from tests/corpus/new/;\n"
               "# edit those files). Labels follow ../shared/LABELS.md; see tests/corpus.rs.\n"]
        for n in notes:
            n["split"] = split_of(n["id"])
            out.append("[[note]]")
            for k in KEYS:
                if k in n and n[k] is not None:
                    out.append(f"{k} = {value(n[k])}")
            out.append("")
        with open(os.path.join(ROOT, "tests", "corpus", f"{lang}.toml"), "w") as f:
            f.write("\n".join(out))
        dev = sum(1 for n in notes if n["split"] == "dev")
        print(f"{lang}: {len(notes)} notes, {dev} dev, {len(notes) - dev} test")


main()
