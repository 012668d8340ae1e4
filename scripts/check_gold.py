"""Check the gold attribution files in tests/data/gold (seed-gold.json format).

For every ``*.json`` gold file: the ``doc`` text file exists next to it, every
statement's ``content_span`` gives back its ``content`` exactly, every statement's
speaker is a record under ``speakers``, every topic slug is in the taxonomy
(app/nlp/data/topics.json), and every type and stance is valid.  Optional
statements with a ``content_span`` and the ``not_statements`` strings are checked
against the text too.  Prints one summary line per file; exits 1 on any error.

Usage: python scripts/check_gold.py [GOLD_DIR] [--topics PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = {"direct", "indirect", "mixed"}
STANCES = {"support", "oppose", "neutral"}
SPEAKER_KINDS = {"person", "organization", "country", "group", "document", "anonymous"}


def load_slugs(path: Path) -> set[str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    items = data.get("topics", data) if isinstance(data, dict) else data
    return {item["slug"] for item in items}


def check_span(text: str, span: object, content: str, where: str, errors: list[str]) -> None:
    if not (isinstance(span, list) and len(span) == 2 and all(isinstance(x, int) for x in span)):
        errors.append(f"{where}: content_span is not [start, end]: {span!r}")
        return
    start, end = span
    if not 0 <= start < end <= len(text):
        errors.append(f"{where}: content_span {span} out of range (len {len(text)})")
    elif text[start:end] != content:
        errors.append(f"{where}: text[{start}:{end}] = {text[start:end]!r} != content {content!r}")


def check_file(path: Path, slugs: set[str]) -> tuple[list[str], dict[str, int]]:
    errors: list[str] = []
    gold = json.loads(path.read_text(encoding="utf-8"))
    stats = {"statements": 0, "optional": 0, "speakers": 0, "direct": 0, "indirect": 0, "mixed": 0}
    doc = gold.get("doc")
    txt = path.parent / doc if isinstance(doc, str) else None
    if txt is None or not txt.is_file():
        return [f"{path.name}: doc file {doc!r} not found next to it"], stats
    text = txt.read_text(encoding="utf-8")
    if not text.endswith("\n") or text.endswith("\n\n"):
        errors.append(f"{txt.name}: must end with exactly one newline")

    speakers = gold.get("speakers", [])
    names = set()
    for i, spk in enumerate(speakers):
        name = spk.get("name")
        if not name:
            errors.append(f"{path.name}: speakers[{i}] has no name")
            continue
        if name in names:
            errors.append(f"{path.name}: speaker {name!r} listed twice")
        names.add(name)
        if spk.get("kind") not in SPEAKER_KINDS:
            errors.append(f"{path.name}: speaker {name!r} has kind {spk.get('kind')!r}")
        if not isinstance(spk.get("aliases", []), list):
            errors.append(f"{path.name}: speaker {name!r} aliases is not a list")
    stats["speakers"] = len(names)

    for i, st in enumerate(gold.get("statements", [])):
        where = f"{path.name}: statements[{i}]"
        stats["statements"] += 1
        content = st.get("content")
        if not isinstance(content, str) or not content:
            errors.append(f"{where}: empty content")
            continue
        check_span(text, st.get("content_span"), content, where, errors)
        if st.get("speaker") not in names:
            errors.append(f"{where}: speaker {st.get('speaker')!r} is not under 'speakers'")
        mention = st.get("speaker_mention")
        if mention is not None and mention not in text:
            errors.append(f"{where}: speaker_mention {mention!r} not in text")
        cue = st.get("cue")
        if cue is not None and cue not in text:
            errors.append(f"{where}: cue {cue!r} not in text")
        typ = st.get("type")
        if typ not in TYPES:
            errors.append(f"{where}: type {typ!r} not in {sorted(TYPES)}")
        else:
            stats[typ] += 1
        for topic in st.get("topics", []):
            if topic.get("topic") not in slugs:
                errors.append(f"{where}: topic {topic.get('topic')!r} not in the taxonomy")
            if topic.get("stance") not in STANCES:
                errors.append(f"{where}: stance {topic.get('stance')!r} not in {sorted(STANCES)}")

    for i, opt in enumerate(gold.get("optional", [])):
        where = f"{path.name}: optional[{i}]"
        stats["optional"] += 1
        content = opt.get("content", "")
        if "content_span" in opt:
            check_span(text, opt["content_span"], content, where, errors)
        elif content not in text:
            errors.append(f"{where}: content {content!r} not in text")

    for i, ns in enumerate(gold.get("not_statements", [])):
        if ns not in text:
            errors.append(f"{path.name}: not_statements[{i}] {ns!r} not in text")
    return errors, stats


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_dir", nargs="?", type=Path, default=ROOT / "tests" / "data" / "gold")
    parser.add_argument(
        "--topics", type=Path, default=ROOT / "app" / "nlp" / "data" / "topics.json"
    )
    args = parser.parse_args()

    slugs = load_slugs(args.topics)
    files = sorted(args.gold_dir.glob("*.json"))
    if not files:
        print(f"no gold files in {args.gold_dir}", file=sys.stderr)
        return 1
    all_errors: list[str] = []
    total = 0
    for path in files:
        errors, s = check_file(path, slugs)
        total += s["statements"]
        status = "OK" if not errors else f"{len(errors)} ERROR(S)"
        print(
            f"{path.name}: {status}  speakers={s['speakers']} statements={s['statements']} "
            f"(direct={s['direct']} indirect={s['indirect']} mixed={s['mixed']}) "
            f"optional={s['optional']}"
        )
        all_errors.extend(errors)
    for err in all_errors:
        print("  " + err, file=sys.stderr)
    print(f"{len(files)} files, {total} statements, {len(all_errors)} errors")
    return 1 if all_errors else 0


if __name__ == "__main__":
    sys.exit(main())
