"""Score topic tagging and stance on gold content spans of any gold folder or files.

Each gold statement's ``content_span`` is tagged on the parsed article, so the figures measure
the topic and stance stages alone and do not move when attribution changes. Topic-set P/R/F1
(micro) and stance accuracy on topics found in both sets follow score.py's definitions.

    python scripts/eval_topics_gold.py tests/data/gold            # a folder of NNN_*.json
    python scripts/eval_topics_gold.py /work/shared/data/seed-gold.json -v
    python scripts/eval_topics_gold.py tests/data/gold --json /tmp/topics.json

A gold file's article text is looked up beside it (``doc`` names it), then in ``--text-dir``,
then in the shared seeds folder.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.nlp.topics import Taxonomy, default_taxonomy, tag_span

SHARED = Path("/work/shared")


@dataclass
class Tally:
    tp: int = 0
    pred: int = 0
    gold: int = 0
    stance_ok: int = 0
    stance_n: int = 0
    parse_s: float = 0.0
    tag_s: float = 0.0
    rows: list[dict] = field(default_factory=list)

    def figures(self) -> dict[str, float]:
        p = self.tp / self.pred if self.pred else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.stance_ok / self.stance_n if self.stance_n else 0.0
        return {"precision": p, "recall": r, "f1": f1, "stance_acc": acc}


def gold_files(paths: list[Path]) -> list[Path]:
    """Expand folders to their gold JSON files (the text files beside them are skipped)."""
    out: list[Path] = []
    for path in paths:
        out.extend(sorted(path.glob("*.json")) if path.is_dir() else [path])
    return out


def _text_for(gold_path: Path, doc_name: str, text_dir: Path | None) -> str:
    dirs = [gold_path.parent, *([text_dir] if text_dir else []), SHARED / "seeds"]
    for folder in dirs:
        if (folder / doc_name).exists():
            return (folder / doc_name).read_text(encoding="utf-8")
    raise SystemExit(f"text of {doc_name} not found for {gold_path}")


def score_file(gold_path: Path, tax: Taxonomy, tally: Tally, text_dir: Path | None) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    text = _text_for(gold_path, gold["doc"], text_dir)
    t0 = time.perf_counter()
    doc = tax.nlp(text)
    tally.parse_s += time.perf_counter() - t0
    for st in gold["statements"]:
        a, b = st["content_span"]
        span = doc.char_span(a, b, alignment_mode="expand")
        if span is None:
            continue
        t0 = time.perf_counter()
        tags = tag_span(span, tax)
        tally.tag_s += time.perf_counter() - t0
        pred = {t.topic: t.stance for t in tags}
        want = {t["topic"]: t["stance"] for t in st.get("topics", [])}
        both = pred.keys() & want.keys()
        tally.tp += len(both)
        tally.pred += len(pred)
        tally.gold += len(want)
        tally.stance_n += len(both)
        tally.stance_ok += sum(pred[k] == want[k] for k in both)
        tally.rows.append(
            {
                "doc": gold["doc"],
                "span": [a, b],
                "content": text[a:b],
                "gold": want,
                "pred": pred,
                "evidence": {
                    t.topic: {
                        "topic": [e.text for e in t.evidence],
                        "stance": [e.text for e in t.stance_evidence],
                        "score": t.score,
                    }
                    for t in tags
                },
            }
        )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "gold",
        nargs="*",
        type=Path,
        default=[SHARED / "data" / "seed-gold.json"],
        help="gold JSON files or folders of them (default: the seed gold)",
    )
    ap.add_argument("--text-dir", type=Path, help="folder of article texts, if not beside gold")
    ap.add_argument("--json", type=Path, help="write figures and per-statement rows here")
    ap.add_argument("-v", "--verbose", action="store_true", help="print matching rows too")
    args = ap.parse_args(argv)

    tax = default_taxonomy()
    tally = Tally()
    for path in gold_files(args.gold):
        score_file(path, tax, tally, args.text_dir)

    for row in tally.rows:
        same = row["pred"] == row["gold"]
        if same and not args.verbose:
            continue
        print(f"{'  ' if same else 'XX'} {row['doc'][:3]} {row['content'][:110]!r}")
        print(f"     gold {row['gold']}")
        print(f"     pred {row['pred']}")
        for topic, ev in row["evidence"].items():
            print(f"       {topic}: {ev['topic']} stance-cues {ev['stance']}")
    fig = tally.figures()
    print(
        f"topics  P={fig['precision']:.3f} R={fig['recall']:.3f} F1={fig['f1']:.3f}"
        f"  (tp={tally.tp} pred={tally.pred} gold={tally.gold})"
    )
    print(f"stance  acc={fig['stance_acc']:.3f}  ({tally.stance_ok}/{tally.stance_n})")
    share = tally.tag_s / tally.parse_s if tally.parse_s else 0.0
    print(
        f"time    parse={tally.parse_s * 1000:.1f}ms tag={tally.tag_s * 1000:.1f}ms"
        f" ({share:.1%} of parse)"
    )
    if args.json:
        counts = {"tp": tally.tp, "pred": tally.pred, "gold": tally.gold}
        counts |= {"stance_ok": tally.stance_ok, "stance_n": tally.stance_n}
        out = {"figures": fig, "counts": counts, "rows": tally.rows}
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
