from __future__ import annotations

from fastapi import APIRouter, Response, status
from sqlalchemy.exc import IntegrityError

from app.api import V1
from app.api.deps import JsonBody, PageDep, SessionDep, WriteKey
from app.api.problems import ProblemError, problem_responses
from app.models import (
    Page,
    RetagResult,
    SpeakerStances,
    Topic,
    TopicCreate,
    TopicDetail,
    TopicFields,
    TopicPublic,
)
from app.queries import get_topic, list_topics, topic_detail, topic_stances
from app.taxonomy import retag

router = APIRouter(prefix=f"{V1}/topics", tags=["topics"])


def _topic(session: SessionDep, slug: str) -> Topic:
    topic = get_topic(session, slug)
    if topic is None:
        raise ProblemError(404, f"No topic {slug!r}.")
    return topic


def _retagged(session: SessionDep, topic: Topic) -> RetagResult:
    """Re-tag stored statements and commit with the topic change: both land or neither."""
    try:
        scanned, tagged = retag(session, [topic])
        session.commit()
    except BaseException:
        session.rollback()
        raise
    session.refresh(topic)
    return RetagResult(
        topic=TopicPublic.model_validate(topic, update={"statement_count": tagged}),
        statements_scanned=scanned,
        statements_tagged=tagged,
    )


@router.get(
    "",
    summary="List topics of the taxonomy with their statement counts",
    response_model=Page[TopicPublic],
    operation_id="list_topics",
    responses=problem_responses(400, 422),
)
def get_topics(session: SessionDep, page: PageDep) -> Page[TopicPublic]:
    items = list_topics(session, page.after, page.limit)
    return Page(items=items, next=page.next_cursor([t.id for t in items]))


@router.post(
    "",
    summary="Add a topic and tag the stored statements with it",
    status_code=status.HTTP_201_CREATED,
    response_model=RetagResult,
    operation_id="create_topic",
    dependencies=[WriteKey, JsonBody],
    responses=problem_responses(400, 401, 403, 409, 413, 415, 422),
)
def create_topic(data: TopicCreate, session: SessionDep, response: Response) -> RetagResult:
    topic = Topic.model_validate(data)
    session.add(topic)
    try:
        session.flush()
    except IntegrityError as exc:
        session.rollback()
        raise ProblemError(409, f"Topic {data.slug!r} exists; PUT changes it.") from exc
    response.headers["Location"] = f"/v1/topics/{topic.slug}"
    return _retagged(session, topic)


@router.get(
    "/{slug}",
    summary="One topic with its statement and stance counts",
    response_model=TopicDetail,
    operation_id="get_topic",
    responses=problem_responses(404),
)
def get_one(slug: str, session: SessionDep) -> TopicDetail:
    return topic_detail(session, _topic(session, slug))


@router.put(
    "/{slug}",
    summary="Change a topic and re-tag the stored statements",
    response_model=RetagResult,
    operation_id="update_topic",
    dependencies=[WriteKey, JsonBody],
    responses=problem_responses(400, 401, 403, 404, 413, 415, 422),
)
def update_topic(slug: str, data: TopicFields, session: SessionDep) -> RetagResult:
    topic = _topic(session, slug)
    topic.sqlmodel_update(data.model_dump())
    session.add(topic)
    return _retagged(session, topic)


@router.delete(
    "/{slug}",
    summary="Remove a topic and its tags",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="delete_topic",
    dependencies=[WriteKey],
    responses=problem_responses(401, 403, 404),
)
def delete_topic(slug: str, session: SessionDep) -> Response:
    session.delete(_topic(session, slug))
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get(
    "/{slug}/stances",
    summary="Who stands where on a topic: support, oppose, neutral counts per speaker",
    response_model=list[SpeakerStances],
    operation_id="topic_stances",
    responses=problem_responses(404),
)
def get_stances(slug: str, session: SessionDep) -> list[SpeakerStances]:
    return topic_stances(session, _topic(session, slug))
