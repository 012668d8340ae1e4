"""Score topic tagging and stance on the seed's gold content spans (see eval_topics_gold.py).

Kept for its old command line; the scoring lives in eval_topics_gold.py, which takes any gold
folder or files.

    python scripts/eval_topics_seed.py [--gold /work/shared/data/seed-gold.json] [-v]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import eval_topics_gold

SHARED = Path("/work/shared")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", nargs="+", type=Path, default=[SHARED / "data" / "seed-gold.json"])
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    return eval_topics_gold.main([*map(str, args.gold), *(["-v"] if args.verbose else [])])


if __name__ == "__main__":
    raise SystemExit(main())
