from __future__ import annotations

from fastapi import APIRouter

from app.api import V1
from app.api.deps import PageDep, SessionDep
from app.api.problems import ProblemError, problem_responses
from app.models import Page, Speaker, SpeakerDetail, SpeakerPublic, TopicStances
from app.queries import get_speaker, list_speakers, speaker_detail, speaker_stances

router = APIRouter(prefix=f"{V1}/speakers", tags=["speakers"])


def _speaker(session: SessionDep, ref: str) -> Speaker:
    row = get_speaker(session, ref)
    if row is None:
        raise ProblemError(404, f"No speaker with id or slug {ref!r}.")
    return row


@router.get(
    "",
    summary="List speakers with their statement counts",
    response_model=Page[SpeakerPublic],
    operation_id="list_speakers",
    responses=problem_responses(400, 422),
)
def get_speakers(session: SessionDep, page: PageDep) -> Page[SpeakerPublic]:
    items = list_speakers(session, page.after, page.limit)
    return Page(items=items, next=page.next_cursor([s.id for s in items]))


@router.get(
    "/{speaker}",
    summary="One speaker, by id or slug, with aliases, title and affiliation",
    response_model=SpeakerDetail,
    operation_id="get_speaker",
    responses=problem_responses(404),
)
def get_one(speaker: str, session: SessionDep) -> SpeakerDetail:
    return speaker_detail(session, _speaker(session, speaker))


@router.get(
    "/{speaker}/stances",
    summary="Where a speaker stands: support, oppose, neutral counts per topic",
    response_model=list[TopicStances],
    operation_id="speaker_stances",
    responses=problem_responses(404),
)
def get_stances(speaker: str, session: SessionDep) -> list[TopicStances]:
    return speaker_stances(session, _speaker(session, speaker))
