from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.api import V1
from app.api.deps import PageDep, SessionDep, json_page
from app.api.problems import ProblemError, problem_responses
from app.api.statements import FilterDep
from app.models import SearchPage
from app.queries import Sort, count_statements, cursor_key, find_statements
from app.search import SEARCHABLE

router = APIRouter(prefix=f"{V1}/search", tags=["search"])


@router.get(
    "",
    summary="Full-text search over statements, best match first, with highlighted snippets",
    description='`q` takes words (all must occur), "a phrase" (straight or curly quotes), '
    "prefix* and `a OR b`; any other text is searched as plain words, never a syntax error "
    "(a `q` with no letter or digit at all is a 422). "
    "Every filter of `/v1/statements` applies too.",
    response_model=SearchPage,
    operation_id="search_statements",
    responses=problem_responses(400, 422),
)
def search(
    session: SessionDep,
    page: PageDep,
    f: FilterDep,
    q: Annotated[
        str,
        Query(
            min_length=1,
            max_length=500,
            pattern=SEARCHABLE,
            description='Words, "a phrase", prefix*, a OR b (at least one word).',
            examples=['"territorial integrity"'],
        ),
    ],
    count: bool = False,
) -> Response:
    if f.match is None:
        raise ProblemError(422, "q holds no word to search for.", type_="/problems/bad-query")
    page.check(sort=Sort.relevance.value, key=lambda k: cursor_key(Sort.relevance, k))
    found = find_statements(session, f, Sort.relevance, page.position, page.limit)
    last = found[-1].key if found else None
    body = {
        # The shape of SearchHit.
        "items": [
            {"statement": x.statement, "snippet": x.snippet or "", "score": x.score or 0.0}
            for x in found
        ],
        "next": page.next_cursor(
            [x.statement["id"] for x in found], sort=Sort.relevance.value, key=last
        ),
        "total": count_statements(session, f) if count else None,
    }
    return json_page(body, page)
