from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import PageDep, SessionDep
from app.api.problems import ProblemError, problem_responses
from app.models import Page, StanceValue, StatementPublic, StatementType
from app.queries import StatementFilter, get_statement, list_statements

router = APIRouter(prefix="/statements", tags=["statements"])


@router.get(
    "",
    summary="Find statements by speaker, topic, stance, type or article",
    description="Filters compose. `speaker` takes an id, a slug, the canonical name or any "
    "alias, case-insensitively (`Pezeshkian`, `masoud-pezeshkian`). `stance` alone matches a "
    "statement with that stance on any topic; with `topic`, the stance on that topic.",
    response_model=Page[StatementPublic],
    operation_id="list_statements",
    responses=problem_responses(400, 422),
)
def get_statements(
    session: SessionDep,
    page: PageDep,
    speaker: Annotated[str | None, Query(examples=["Pezeshkian"], max_length=300)] = None,
    topic: Annotated[str | None, Query(examples=["territorial-integrity"], max_length=100)] = None,
    stance: StanceValue | None = None,
    type: StatementType | None = None,
    article_id: Annotated[int | None, Query(ge=1)] = None,
) -> Page[StatementPublic]:
    f = StatementFilter(
        speaker=speaker,
        topic=topic,
        stance=stance.value if stance else None,
        type=type.value if type else None,
        article_id=article_id,
    )
    items = list_statements(session, f, page.after, page.limit)
    return Page(items=items, next=page.next_cursor([s.id for s in items]))


@router.get(
    "/{statement_id}",
    summary="One statement",
    response_model=StatementPublic,
    operation_id="get_statement",
    responses=problem_responses(404, 422),
)
def get_one(statement_id: int, session: SessionDep) -> StatementPublic:
    found = get_statement(session, statement_id)
    if found is None:
        raise ProblemError(404, f"No statement with id {statement_id}.")
    return found
