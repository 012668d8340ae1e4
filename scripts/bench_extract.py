"""Words per second: bare ``nlp.pipe`` against ``extract_many`` on the same documents.

    python scripts/bench_extract.py DOCS.jsonl
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.nlp import extract_many
from app.nlp.parse import get_nlp


def main(argv: list[str]) -> int:
    lines = Path(argv[1]).read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    words = sum(len(t.split()) for t in texts)
    nlp = get_nlp()
    list(extract_many(texts[:2]))  # load the model and the taxonomy outside the timing
    bare = full = float("inf")
    n = 0
    for _ in range(2):  # best of two runs each, interleaved, so warm-up favours neither
        t0 = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        bare = min(bare, time.perf_counter() - t0)
        t0 = time.perf_counter()
        n = sum(len(ex.statements) for ex in extract_many(texts, batch_size=32))
        full = min(full, time.perf_counter() - t0)
    print(f"docs {len(texts)}  words {words}  statements {n}")
    print(f"bare nlp.pipe   {words / bare:9.0f} words/s")
    print(f"extract_many    {words / full:9.0f} words/s  ratio {bare / full:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
