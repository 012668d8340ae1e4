"""Read documents JSON Lines ({"id", "text"}) and write extractor-out JSON Lines.

python scripts/extract_jsonl.py DOCS.jsonl OUT.jsonl
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.nlp import extract_many, statement_to_json


def read_docs(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def main(argv: list[str]) -> int:
    src, dst = Path(argv[1]), Path(argv[2])
    docs = list(read_docs(src))
    with dst.open("w", encoding="utf-8") as out:
        texts = (d.get("text") or "" for d in docs)
        for d, ex in zip(docs, extract_many(texts), strict=True):
            row = {"id": d["id"], "statements": [statement_to_json(s) for s in ex.statements]}
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
