from __future__ import annotations

from fastapi import APIRouter, Response, status
from pydantic import ValidationError

from app import metrics
from app.api import V1
from app.api.deps import IdPath, JsonBody, PageDep, SessionDep, SettingsDep, WriteKey
from app.api.problems import ProblemError, describe_errors, problem_responses
from app.ingest import ingest, pipeline_version
from app.models import (
    Article,
    ArticleCreate,
    ArticleDetail,
    ArticlePublic,
    BatchCreate,
    BatchItemResult,
    BatchResult,
    Page,
)
from app.nlp import extract, extract_many
from app.queries import article_detail, list_articles
from app.taxonomy import stored_taxonomy

router = APIRouter(prefix=f"{V1}/articles", tags=["articles"])


@router.post(
    "",
    summary="Ingest an article",
    description="Extracts every statement of the article, resolves its speakers, tags topics "
    "and stances, and stores it all in one transaction. The same text again returns the "
    "stored article with 200 and stores nothing new.",
    status_code=status.HTTP_201_CREATED,
    response_model=ArticleDetail,
    operation_id="create_article",
    dependencies=[WriteKey, JsonBody],
    responses={
        200: {"model": ArticleDetail, "description": "The same text was already stored."},
        **problem_responses(400, 401, 403, 413, 415, 422),
    },
)
def create_article(data: ArticleCreate, session: SessionDep, response: Response) -> ArticleDetail:
    extraction = extract(data.text, stored_taxonomy(session))
    article, created = ingest(session, data, extraction, pipeline_version())
    metrics.count_ingest(
        int(created), len(extraction.statements) if created else 0, int(not created)
    )
    if not created:
        response.status_code = status.HTTP_200_OK
    response.headers["Location"] = f"/v1/articles/{article.id}"
    return article_detail(session, article)


@router.post(
    "/batch",
    summary="Ingest many articles; each item succeeds or fails on its own",
    description="Items are validated one by one: an invalid item is reported with its problem "
    "and the others are stored. Each stored article is its own transaction; an item whose text "
    "is already stored (in this batch or before) is reported as `exists`.",
    response_model=BatchResult,
    operation_id="create_articles_batch",
    dependencies=[WriteKey, JsonBody],
    responses=problem_responses(400, 401, 403, 413, 415, 422),
)
def create_batch(data: BatchCreate, session: SessionDep, settings: SettingsDep) -> BatchResult:
    if len(data.articles) > settings.batch_max_items:
        raise ProblemError(422, f"A batch holds at most {settings.batch_max_items} articles.")
    results: list[BatchItemResult] = []
    valid: list[tuple[int, ArticleCreate]] = []
    for i, raw in enumerate(data.articles):
        try:
            valid.append((i, ArticleCreate.model_validate(raw)))
        except ValidationError as exc:
            detail, errors = describe_errors(exc.errors())
            problem = {
                "title": "Unprocessable Content",
                "status": 422,
                "detail": detail,
                "errors": errors,
            }
            results.append(BatchItemResult(index=i, status="invalid", problem=problem))
    extractions = extract_many((item.text for _, item in valid), taxonomy=stored_taxonomy(session))
    for (i, item), extraction in zip(valid, extractions, strict=True):
        article, created = ingest(session, item, extraction, pipeline_version())
        n = len(extraction.statements) if created else None
        metrics.count_ingest(int(created), n or 0, int(not created))
        results.append(
            BatchItemResult(
                index=i,
                status="created" if created else "exists",
                article_id=article.id,
                statement_count=n,
            )
        )
    results.sort(key=lambda r: r.index)
    return BatchResult(
        created=sum(r.status == "created" for r in results),
        existing=sum(r.status == "exists" for r in results),
        invalid=sum(r.status == "invalid" for r in results),
        items=results,
    )


@router.get(
    "",
    summary="List articles",
    response_model=Page[ArticlePublic],
    operation_id="list_articles",
    responses=problem_responses(400, 422),
)
def get_articles(session: SessionDep, page: PageDep) -> Page[ArticlePublic]:
    items = list_articles(session, page.after, page.limit)
    return Page(items=items, next=page.next_cursor([a.id for a in items]))


def _article(session: SessionDep, article_id: int) -> Article:
    article = session.get(Article, article_id)
    if article is None:
        raise ProblemError(404, f"No article with id {article_id}.")
    return article


@router.get(
    "/{article_id:int}",
    summary="An article with its statements",
    response_model=ArticleDetail,
    operation_id="get_article",
    responses=problem_responses(404, 422),
)
def get_article(article_id: IdPath, session: SessionDep) -> ArticleDetail:
    return article_detail(session, _article(session, article_id))


@router.delete(
    "/{article_id:int}",
    summary="Delete an article and its statements",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="delete_article",
    dependencies=[WriteKey],
    responses=problem_responses(401, 403, 404, 422),
)
def delete_article(article_id: IdPath, session: SessionDep) -> Response:
    session.delete(_article(session, article_id))
    session.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
