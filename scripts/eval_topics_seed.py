"""Score topic tagging and stance on gold content spans, independent of attribution.

Each gold statement's content_span is tagged on the parsed article; topic-set P/R/F1 (micro)
and stance accuracy on the topics found in both sets are printed, in score.py's definitions.

    python scripts/eval_topics_seed.py [--gold /work/shared/data/seed-gold.json] [-v]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.nlp.topics import default_taxonomy, tag_span

SHARED = Path("/work/shared")


def _text_for(gold_path: Path, doc_name: str) -> str:
    for cand in (gold_path.parent / doc_name, gold_path.parent.parent / "seeds" / doc_name):
        if cand.exists():
            return cand.read_text(encoding="utf-8")
    raise SystemExit(f"text of {doc_name} not found beside {gold_path}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", nargs="+", type=Path, default=[SHARED / "data" / "seed-gold.json"])
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)

    tax = default_taxonomy()
    inter = n_pred = n_gold = st_ok = st_n = 0
    parse_s = tag_s = 0.0
    for gold_path in args.gold:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = _text_for(gold_path, gold["doc"])
        t0 = time.perf_counter()
        doc = tax.nlp(text)
        t1 = time.perf_counter()
        parse_s += t1 - t0
        for st in gold["statements"]:
            a, b = st["content_span"]
            span = doc.char_span(a, b, alignment_mode="expand")
            t0 = time.perf_counter()
            tags = tag_span(span, tax)
            tag_s += time.perf_counter() - t0
            pred = {t.topic: t.stance for t in tags}
            want = {t["topic"]: t["stance"] for t in st.get("topics", [])}
            both = pred.keys() & want.keys()
            inter += len(both)
            n_pred += len(pred)
            n_gold += len(want)
            st_n += len(both)
            st_ok += sum(pred[k] == want[k] for k in both)
            if args.verbose or pred != want:
                mark = "  " if pred == want else "XX"
                print(f"{mark} {text[a:b][:90]!r}")
                print(f"     gold {want}")
                print(f"     pred {pred}")
                if args.verbose:
                    for t in tags:
                        ev = [e.text for e in t.evidence]
                        sev = [e.text for e in t.stance_evidence]
                        print(f"       {t.topic}: {t.stance} {t.score} {ev} {sev}")
    p = inter / n_pred if n_pred else 0.0
    r = inter / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    acc = st_ok / st_n if st_n else 0.0
    print(f"topics  P={p:.3f} R={r:.3f} F1={f1:.3f}  (tp={inter} pred={n_pred} gold={n_gold})")
    print(f"stance  acc={acc:.3f}  ({st_ok}/{st_n})")
    share = tag_s / parse_s if parse_s else 0.0
    print(f"time    parse={parse_s * 1000:.1f}ms tag={tag_s * 1000:.1f}ms ({share:.1%} of parse)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
