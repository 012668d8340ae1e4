"""The `quotes` command: serve, ingest, extract, migrate."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError
from sqlmodel import Session, func, select

from app.config import get_settings

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def _articles_in(paths: Iterable[Path]) -> Iterator[tuple[str, dict[str, Any]]]:
    """(where, fields) for every article in the given text/JSON/JSONL files and folders."""
    for path in paths:
        if path.is_dir():
            yield from _articles_in(sorted(p for p in path.rglob("*") if p.is_file()))
            continue
        suffix = path.suffix.lower()
        if suffix == ".txt":
            yield str(path), {"text": path.read_text(encoding="utf-8"), "title": path.stem}
        elif suffix == ".json":
            data = json.loads(path.read_text(encoding="utf-8"))
            for i, item in enumerate(data if isinstance(data, list) else [data]):
                yield f"{path}[{i}]", item
        elif suffix == ".jsonl":
            with path.open(encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    if line.strip():
                        yield f"{path}:{n}", json.loads(line)


def _progress(done: int, total: int, out: IO[str]) -> None:
    width = 30
    filled = width * done // max(total, 1)
    out.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    out.flush()


def cmd_ingest(args: argparse.Namespace) -> int:
    from app.db import get_engine, migrate
    from app.ingest import ingest, pipeline_version
    from app.models import Article, ArticleCreate, Speaker, Statement
    from app.nlp import extract_many
    from app.nlp.topics import load_topics
    from app.taxonomy import seed_topics, stored_taxonomy

    migrate()
    items: list[tuple[str, ArticleCreate]] = []
    failed = 0
    for where, fields in _articles_in(Path(p) for p in args.paths):
        try:
            items.append((where, ArticleCreate.model_validate(fields)))
        except (ValidationError, TypeError) as exc:
            failed += 1
            print(f"skipped {where}: {exc}", file=sys.stderr)

    def count(session: Session, model: type) -> int:
        return session.exec(select(func.count()).select_from(model)).one()

    added = present = 0
    with Session(get_engine()) as session:
        seed_topics(session, load_topics())
        before = {m: count(session, m) for m in (Article, Statement, Speaker)}
        extractions = extract_many(
            (data.text for _, data in items), taxonomy=stored_taxonomy(session)
        )
        for n, ((_, data), extraction) in enumerate(zip(items, extractions, strict=True), 1):
            _, created = ingest(session, data, extraction, pipeline_version())
            added += created
            present += not created
            _progress(n, len(items), sys.stderr)
        after = {m: count(session, m) for m in (Article, Statement, Speaker)}
    if items:
        sys.stderr.write("\n")
    print(
        f"articles added: {added}, already stored: {present}, skipped: {failed}; "
        f"statements added: {after[Statement] - before[Statement]}; "
        f"speakers added: {after[Speaker] - before[Speaker]}"
    )
    return 1 if failed else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from app.nlp import extract_many, statement_to_json

    src = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
    dst = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")  # noqa: SIM115
    try:
        docs = (json.loads(line) for line in src if line.strip())
        pairs = ((d["id"], d["text"]) for d in docs)
        ids: list[str] = []

        def texts() -> Iterator[str]:
            for doc_id, text in pairs:
                ids.append(doc_id)
                yield text

        for n, extraction in enumerate(extract_many(texts())):
            record = {
                "id": ids[n],
                "statements": [statement_to_json(s) for s in extraction.statements],
            }
            dst.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        if src is not sys.stdin:
            src.close()
        if dst is not sys.stdout:
            dst.close()
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from app.db import migrate

    migrate()
    settings = get_settings()
    if not settings.keys:
        if args.host in LOOPBACK:
            print("API_KEYS is not set: writes are open to this machine only.", file=sys.stderr)
        elif "ALLOW_OPEN_WRITES" not in os.environ:
            # Workers read settings from the environment, so the decision travels there.
            os.environ["ALLOW_OPEN_WRITES"] = "false"
            get_settings.cache_clear()
            print(
                f"API_KEYS is not set and {args.host} is not loopback: writes are disabled "
                "(set API_KEYS, or ALLOW_OPEN_WRITES=true to open them).",
                file=sys.stderr,
            )
        elif settings.allow_open_writes:
            print(
                f"API_KEYS is not set: anyone who reaches {args.host} may write.", file=sys.stderr
            )
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stderr)
    uvicorn.run(
        "app.main:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=False,  # app.api.observe writes one JSON line per request instead
    )
    return 0


def cmd_topics_import(args: argparse.Namespace) -> int:
    from app.db import get_engine, migrate
    from app.nlp.topics import load_topics
    from app.taxonomy import import_topics

    try:
        defs = load_topics(Path(args.file))
    except (OSError, ValueError) as exc:
        print(f"cannot import {args.file}: {exc}", file=sys.stderr)
        return 2
    migrate()
    with Session(get_engine()) as session:
        added, changed, tagged = import_topics(session, defs)
    print(f"topics added: {added}, changed: {changed}; statement tags written: {tagged}")
    return 0


def cmd_migrate(args: argparse.Namespace) -> int:
    from app.db import downgrade, migrate

    if args.revision.startswith("-") or args.revision == "base":
        downgrade(revision=args.revision)
    else:
        migrate(revision=args.revision)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="migrate the database to head and serve the API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(func=cmd_serve)

    ingest = sub.add_parser("ingest", help="ingest .txt, .json and .jsonl files or folders")
    ingest.add_argument("paths", nargs="+")
    ingest.set_defaults(func=cmd_ingest)

    extract = sub.add_parser(
        "extract", help="documents JSON Lines in, extractor JSON Lines out (no database)"
    )
    extract.add_argument("-i", "--input", default="-", help="documents JSONL (default stdin)")
    extract.add_argument("-o", "--output", default="-", help="output JSONL (default stdout)")
    extract.set_defaults(func=cmd_extract)

    topics = sub.add_parser("topics", help="manage the topic taxonomy")
    topics_sub = topics.add_subparsers(dest="topics_command", required=True)
    imp = topics_sub.add_parser(
        "import", help="add or change topics from a JSON file and re-tag stored statements"
    )
    imp.add_argument("file", help="a JSON list of {slug, label, description, terms, exclude?}")
    imp.set_defaults(func=cmd_topics_import)

    mig = sub.add_parser("migrate", help="upgrade (or downgrade) the database schema")
    mig.add_argument("revision", nargs="?", default="head")
    mig.set_defaults(func=cmd_migrate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
