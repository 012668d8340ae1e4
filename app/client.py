"""A typed Python client for the quote attribution API, on httpx.

    from app.client import QuotesClient
    with QuotesClient("http://127.0.0.1:8000", api_key="…") as api:
        article = api.create_article("President Masoud Pezeshkian says …")
        for s in api.iter_statements(speaker="Pezeshkian", topic="peace"):
            print(s.speaker.name if s.speaker else None, s.content)

Responses are the service's own models (app.models); problem+json answers are raised as
`ApiError` carrying the problem's status, title, detail and errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel

from app.models import (
    ArticleDetail,
    ArticlePublic,
    BatchResult,
    RetagResult,
    SearchHit,
    SearchPage,
    SpeakerDetail,
    SpeakerPublic,
    SpeakerStances,
    StatementDetail,
    StatementPage,
    StatementPublic,
    TopicDetail,
    TopicPublic,
    TopicStances,
)

M = TypeVar("M", bound=BaseModel)


class ApiError(Exception):
    """A problem+json answer (or any non-2xx one) from the service."""

    def __init__(self, status: int, title: str, detail: str | None, body: dict[str, Any]) -> None:
        super().__init__(f"{status} {title}: {detail}")
        self.status = status
        self.title = title
        self.detail = detail
        self.type = body.get("type", "about:blank")
        self.errors = body.get("errors")
        self.body = body


def _params(**kw: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in kw.items():
        if v is None:
            continue
        if isinstance(v, bool):
            v = "true" if v else "false"
        elif isinstance(v, datetime):
            v = v.isoformat()
        elif isinstance(v, (list, tuple)):
            v = ",".join(v)
        out[k] = v
    return out


def _topic_fields(
    label: str, terms: list[str], description: str, exclude: list[str] | None
) -> dict[str, Any]:
    return {"label": label, "terms": terms, "description": description, "exclude": exclude or []}


class QuotesClient:
    def __init__(
        self,
        base_url: str = "http://127.0.0.1:8000",
        *,
        api_key: str | None = None,
        timeout: float = 30.0,
        http: httpx.Client | None = None,
    ) -> None:
        """Pass `http` to reuse a configured httpx.Client (or a test client)."""
        headers = {"X-API-Key": api_key} if api_key else {}
        self.http = http or httpx.Client(base_url=base_url, timeout=timeout)
        self._headers = headers
        self._owns_http = http is None

    def __enter__(self) -> QuotesClient:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        if self._owns_http:
            self.http.close()

    # --- plumbing -------------------------------------------------------------------------

    def _request(self, method: str, path: str, **kw: Any) -> httpx.Response:
        r = self.http.request(method, path, headers=self._headers, **kw)
        if r.is_success:
            return r
        try:
            body = r.json()
        except ValueError:
            body = {}
        if not isinstance(body, dict):
            body = {}
        raise ApiError(
            r.status_code,
            body.get("title") or r.reason_phrase,
            body.get("detail") or r.text[:500],
            body,
        )

    def _get(self, model: type[M], path: str, **params: Any) -> M:
        return model.model_validate(self._request("GET", path, params=_params(**params)).json())

    def _list(self, model: type[M], path: str, **params: Any) -> list[M]:
        data = self._request("GET", path, params=_params(**params)).json()
        return [model.model_validate(x) for x in data]

    def _pages(self, model: type[M], path: str, **params: Any) -> Iterator[M]:
        cursor = None
        while True:
            data = self._request("GET", path, params=_params(**params, cursor=cursor)).json()
            for item in data["items"]:
                yield model.model_validate(item)
            cursor = data.get("next")
            if not cursor:
                return

    # --- articles -------------------------------------------------------------------------

    def create_article(
        self,
        text: str,
        *,
        title: str | None = None,
        url: str | None = None,
        source: str | None = None,
        published_at: datetime | str | None = None,
    ) -> ArticleDetail:
        body = _params(text=text, title=title, url=url, source=source, published_at=published_at)
        r = self._request("POST", "/v1/articles", json=body)
        return ArticleDetail.model_validate(r.json())

    def create_articles(self, articles: list[dict[str, Any]]) -> BatchResult:
        r = self._request("POST", "/v1/articles/batch", json={"articles": articles})
        return BatchResult.model_validate(r.json())

    def get_article(self, article_id: int) -> ArticleDetail:
        return self._get(ArticleDetail, f"/v1/articles/{article_id}")

    def iter_articles(self, *, limit: int = 100) -> Iterator[ArticlePublic]:
        return self._pages(ArticlePublic, "/v1/articles", limit=limit)

    def delete_article(self, article_id: int) -> None:
        self._request("DELETE", f"/v1/articles/{article_id}")

    # --- statements -----------------------------------------------------------------------

    def list_statements(self, **filters: Any) -> StatementPage:
        """One page; filters as the endpoint's query parameters (speaker, topic, stance, type,
        article_id, source, since, until, q, sort, facets, facet_size, count, limit, cursor)."""
        return self._get(StatementPage, "/v1/statements", **filters)

    def iter_statements(self, **filters: Any) -> Iterator[StatementPublic]:
        filters.setdefault("limit", 200)
        return self._pages(StatementPublic, "/v1/statements", **filters)

    def get_statement(self, statement_id: int, *, window: int = 1) -> StatementDetail:
        return self._get(StatementDetail, f"/v1/statements/{statement_id}", window=window)

    def export_statements(self, format: str = "jsonl", **filters: Any) -> Iterator[str]:
        """The export, line by line, streamed."""
        params = _params(format=format, **filters)
        with self.http.stream(
            "GET", "/v1/statements/export", params=params, headers=self._headers
        ) as r:
            if not r.is_success:
                r.read()
                body = r.json() if r.content else {}
                raise ApiError(r.status_code, body.get("title", ""), body.get("detail"), body)
            yield from r.iter_lines()

    def search(self, q: str, **filters: Any) -> SearchPage:
        return self._get(SearchPage, "/v1/search", q=q, **filters)

    def iter_search(self, q: str, **filters: Any) -> Iterator[SearchHit]:
        return self._pages(SearchHit, "/v1/search", q=q, **filters)

    # --- speakers -------------------------------------------------------------------------

    def iter_speakers(self, *, limit: int = 200) -> Iterator[SpeakerPublic]:
        return self._pages(SpeakerPublic, "/v1/speakers", limit=limit)

    def get_speaker(self, ref: str | int) -> SpeakerDetail:
        return self._get(SpeakerDetail, f"/v1/speakers/{ref}")

    def speaker_stances(self, ref: str | int) -> list[TopicStances]:
        return self._list(TopicStances, f"/v1/speakers/{ref}/stances")

    # --- topics ---------------------------------------------------------------------------

    def iter_topics(self, *, limit: int = 200) -> Iterator[TopicPublic]:
        return self._pages(TopicPublic, "/v1/topics", limit=limit)

    def get_topic(self, slug: str) -> TopicDetail:
        return self._get(TopicDetail, f"/v1/topics/{slug}")

    def topic_stances(self, slug: str) -> list[SpeakerStances]:
        return self._list(SpeakerStances, f"/v1/topics/{slug}/stances")

    def create_topic(
        self,
        slug: str,
        label: str,
        terms: list[str],
        *,
        description: str = "",
        exclude: list[str] | None = None,
    ) -> RetagResult:
        body = {"slug": slug, **_topic_fields(label, terms, description, exclude)}
        return RetagResult.model_validate(self._request("POST", "/v1/topics", json=body).json())

    def update_topic(
        self,
        slug: str,
        label: str,
        terms: list[str],
        *,
        description: str = "",
        exclude: list[str] | None = None,
    ) -> RetagResult:
        body = _topic_fields(label, terms, description, exclude)
        r = self._request("PUT", f"/v1/topics/{slug}", json=body)
        return RetagResult.model_validate(r.json())

    def delete_topic(self, slug: str) -> None:
        self._request("DELETE", f"/v1/topics/{slug}")

    # --- operations -----------------------------------------------------------------------

    def ready(self) -> dict[str, Any]:
        r = self.http.get("/readyz", headers=self._headers)
        return {"status_code": r.status_code, **r.json()}
