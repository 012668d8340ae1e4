from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import datetime
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response
from fastapi.responses import StreamingResponse
from pydantic import BeforeValidator
from sqlmodel import Session

from app.api import V1
from app.api.deps import IdPath, IdQuery, PageDep, SessionDep, json_page
from app.api.problems import ProblemError, problem_responses
from app.db import get_engine
from app.models import (
    StanceValue,
    StatementDetail,
    StatementPage,
    StatementPublic,
    StatementType,
    as_utc,
    example,
    iso_datetime,
)
from app.queries import (
    FacetName,
    Sort,
    StatementFilter,
    count_statements,
    cursor_key,
    facets,
    find_statements,
    statement_detail,
)
from app.search import SEARCHABLE, fts_query

_FACET = "(" + "|".join(FacetName) + ")"
FACETS_PATTERN = rf"^\s*{_FACET}\s*(,\s*{_FACET}\s*)*$"

router = APIRouter(prefix=f"{V1}/statements", tags=["statements"])

EXPORT_BATCH = 500


async def statement_filter(
    speaker: Annotated[
        str | None,
        Query(
            max_length=300,
            description="Id, slug, canonical name or any alias, case-insensitive.",
            examples=["Pezeshkian"],
        ),
    ] = None,
    topic: Annotated[str | None, Query(max_length=100, examples=["territorial-integrity"])] = None,
    stance: Annotated[
        StanceValue | None,
        Query(description="Alone: any topic with that stance; with `topic`: on that topic."),
    ] = None,
    type: StatementType | None = None,
    article_id: IdQuery = None,
    source: Annotated[str | None, Query(max_length=200, description="The outlet.")] = None,
    since: Annotated[
        datetime | None,
        BeforeValidator(iso_datetime),
        Query(description="Published on or after (ingest time if unknown); ISO 8601."),
    ] = None,
    until: Annotated[
        datetime | None,
        BeforeValidator(iso_datetime),
        Query(description="Published on or before; ISO 8601."),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            max_length=500,
            pattern=SEARCHABLE,
            description='Full-text: words, "a phrase", prefix*, a OR b (at least one word).',
            examples=["territorial integrity"],
        ),
    ] = None,
) -> StatementFilter:
    match = None
    if q is not None:
        match = fts_query(q)
        if match is None:
            raise ProblemError(422, "q holds no word to search for.", type_="/problems/bad-query")
    return StatementFilter(
        speaker=speaker,
        topic=topic,
        stance=stance.value if stance else None,
        type=type.value if type else None,
        article_id=article_id,
        source=source,
        since=as_utc(since) if since else None,
        until=as_utc(until) if until else None,
        match=match,
    )


FilterDep = Annotated[StatementFilter, Depends(statement_filter)]


@router.get(
    "",
    summary="Find statements: filters compose, sorts, facets, cursor pages",
    description="`speaker` takes an id, a slug, the canonical name or any alias "
    "(`Pezeshkian`, `masoud-pezeshkian`). `sort=newest` (default) and `oldest` order by the "
    "article's publication date, `relevance` by bm25 when `q` is given. `facets=speaker,topic` "
    "adds counts per value over the whole filtered set (`truncated` when there are more "
    "values). `count=true` adds the total.",
    response_model=StatementPage,
    operation_id="list_statements",
    responses=problem_responses(400, 422),
)
def get_statements(
    session: SessionDep,
    page: PageDep,
    f: FilterDep,
    sort: Sort = Sort.newest,
    facet_names: Annotated[
        str | None,
        Query(
            alias="facets",
            max_length=100,
            pattern=FACETS_PATTERN,
            description="Comma-separated: " + ", ".join(FacetName) + ".",
            examples=["speaker,topic,stance"],
        ),
    ] = None,
    facet_size: Annotated[int, Query(ge=1, le=100)] = 10,
    count: bool = False,
) -> Response:
    page.check(sort=sort.value, key=lambda k: cursor_key(sort, k))
    names: list[FacetName] = []
    if facet_names:
        try:
            names = [FacetName(n.strip()) for n in facet_names.split(",") if n.strip()]
        except ValueError as exc:
            raise ProblemError(422, f"facets takes a list of: {', '.join(FacetName)}.") from exc
    found = find_statements(session, f, sort, page.position, page.limit)
    last = found[-1].key if found else None
    body = {
        "items": [x.statement for x in found],
        "next": page.next_cursor([x.statement["id"] for x in found], sort=sort.value, key=last),
        "total": count_statements(session, f) if count else None,
        "facets": {str(k): v.model_dump() for k, v in facets(session, f, names, facet_size).items()}
        if facet_names
        else None,
    }
    return json_page(body, page)


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


CSV_COLUMNS = [
    "id",
    "article_id",
    "speaker_id",
    "speaker",
    "speaker_mention",
    "type",
    "cue",
    "content",
    "content_start",
    "content_end",
    "topics",
]


def _export_rows(f: StatementFilter) -> Iterator[dict]:
    """Every filtered statement, oldest first, in keyset batches: constant memory, no cap.
    It opens its own session because the response outlives the request's dependencies."""
    position = None
    with Session(get_engine()) as session:
        while True:
            found = find_statements(session, f, Sort.oldest, position, EXPORT_BATCH)
            for x in found:
                yield x.statement
            if len(found) < EXPORT_BATCH:
                return
            position = {"id": found[-1].statement["id"], "key": found[-1].key}


def _csv(rows: Iterator[dict]) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(CSV_COLUMNS)
    for r in rows:
        sp = r["speaker"] or {}
        writer.writerow(
            [
                r["id"],
                r["article_id"],
                sp.get("id"),
                sp.get("name"),
                r["speaker_mention"],
                r["type"],
                r["cue"],
                r["content"],
                r["content_span"][0],
                r["content_span"][1],
                ";".join(f"{t['topic']}:{t['stance']}" for t in r["topics"]),
            ]
        )
        yield buf.getvalue()
        buf.seek(0)
        buf.truncate()


# Examples written by the encoders themselves, from the documented statement example.
_EXAMPLE_ROW = example(StatementPublic)
EXPORT_EXAMPLES = {
    "text/csv": {"example": "".join(_csv(iter([_EXAMPLE_ROW])))},
    "application/x-ndjson": {"example": json.dumps(_EXAMPLE_ROW, ensure_ascii=False) + "\n"},
}


@router.get(
    "/export",
    summary="Export the filtered statements as CSV or JSON Lines (streamed, no row limit)",
    operation_id="export_statements",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "One statement per line (JSONL) or row (CSV).",
            "content": EXPORT_EXAMPLES,
        },
        **problem_responses(422),
    },
)
def export(f: FilterDep, format: ExportFormat = ExportFormat.jsonl) -> StreamingResponse:
    rows = _export_rows(f)
    if format is ExportFormat.csv:
        return StreamingResponse(
            _csv(rows),
            media_type="text/csv; charset=utf-8",
            headers={"Content-Disposition": 'attachment; filename="statements.csv"'},
        )
    lines = (json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    return StreamingResponse(lines, media_type="application/x-ndjson")


@router.get(
    "/{statement_id}",
    summary="One statement with its context: sentences around it, article, speaker",
    response_model=StatementDetail,
    operation_id="get_statement",
    responses=problem_responses(404, 422),
)
def get_one(
    statement_id: IdPath,
    session: SessionDep,
    window: Annotated[int, Query(ge=0, le=5, description="Sentences before and after.")] = 1,
) -> StatementDetail:
    found = statement_detail(session, statement_id, window)
    if found is None:
        raise ProblemError(404, f"No statement with id {statement_id}.")
    return found
