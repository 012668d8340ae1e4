"""Speed and memory of extraction against the bare spaCy parse, on one core.

    .venv/bin/python scripts/bench_extract.py [--docs ../shared/data/polnear/dev.jsonl] [--rounds 2]

Prints words per second for: the bare `nlp.pipe` with the same pipeline, the full extraction
(parse + attribution + topics + stance), and the extraction without topics and stance; their
ratios; and the peak RSS, with RSS sampled while streaming to show it stays flat.
"""

from __future__ import annotations

import os

# One core, as the target says; set before numpy/thinc start their thread pools.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

import argparse
import json
import resource
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import app.nlp as engine
from app.nlp.parse import get_nlp
from app.nlp.topics import compile_taxonomy

ROOT = Path(__file__).resolve().parents[1]


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def timed(run: Callable[[], Iterable[object]], rounds: int) -> tuple[float, list[float]]:
    best = float("inf")
    samples: list[float] = []
    for _ in range(rounds):
        start = time.perf_counter()
        for n, _ in enumerate(run()):
            if n % 10 == 0:
                samples.append(rss_mb())
        best = min(best, time.perf_counter() - start)
    return best, samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", default=str(ROOT.parent / "shared/data/polnear/dev.jsonl"))
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    with open(args.docs, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    words = sum(len(t.split()) for t in texts)
    nlp = get_nlp()
    list(engine.extract_many(texts[:5]))  # load the model and the taxonomy before timing

    bare, _ = timed(lambda: nlp.pipe(texts, batch_size=engine.BATCH_SIZE), args.rounds)
    full, samples = timed(lambda: engine.extract_many(texts), args.rounds)
    # The same extraction with an empty taxonomy: topics and stance cost nothing.
    empty = compile_taxonomy((), nlp)
    no_topics, _ = timed(lambda: engine.extract_many(texts, taxonomy=empty), args.rounds)

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(texts)}, words {words}, one core, best of {args.rounds}")
    print(f"bare nlp.pipe             {words / bare:10.0f} words/s  {bare:7.2f} s")
    print(f"extract (all stages)      {words / full:10.0f} words/s  {full:7.2f} s")
    print(f"extract without topics    {words / no_topics:10.0f} words/s  {no_topics:7.2f} s")
    print(f"ratio extract / bare parse           {bare / full:6.3f}  (target >= 0.8)")
    print(
        f"topics+stance share of extract time  {(full - no_topics) / no_topics:6.1%}"
        "  (target <= 10%)"
    )
    q = max(1, len(samples) // 4)
    print(
        f"RSS while streaming: first quarter max {max(samples[:q]):.0f} MB, "
        f"last quarter max {max(samples[-q:]):.0f} MB"
    )
    print(f"peak RSS {peak:.0f} MB (target <= 500 MB)")


if __name__ == "__main__":
    main()
