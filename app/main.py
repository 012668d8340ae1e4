"""The FastAPI application: routers, problem+json errors, body limit, read cache, warm-up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI
from sqlmodel import Session

from app.api import docs, include_routers, problems
from app.api.cache import ReadCache
from app.api.observe import Observe, mark_route
from app.config import get_settings
from app.db import data_version_reader, get_engine
from app.nlp.parse import get_nlp
from app.nlp.topics import load_topics
from app.taxonomy import seed_topics

DESCRIPTION = """
Finds every statement in a news article — direct quotes and reported speech — says who made it
(a canonical speaker, not "he"), what it is about and whether the speaker is for or against it,
and answers queries over them.

Start with `POST /v1/articles`, then query `GET /v1/statements?speaker=…&topic=…&stance=…`.
Errors are `application/problem+json` (RFC 9457). Lists are paginated with an opaque cursor:
pass the `next` value of one page as `cursor` to get the next (also in the `Link` header).
"""

TAGS = [
    {"name": "articles", "description": "Ingest articles and read them back with statements."},
    {"name": "statements", "description": "Who said what, filtered by speaker, topic, stance."},
    {"name": "speakers", "description": "Canonical speakers with aliases, titles, affiliations."},
    {"name": "search", "description": "Full-text search over what was said."},
    {"name": "topics", "description": "The topic taxonomy statements are tagged with."},
    {"name": "health", "description": "Liveness and readiness probes."},
]


@asynccontextmanager
async def lifespan(_: FastAPI) -> AsyncIterator[None]:
    get_nlp()  # load the model before the first request, not during it
    with Session(get_engine()) as session:
        seed_topics(session, load_topics())
    yield


def create_app() -> FastAPI:
    app = FastAPI(
        title="Quote attribution service",
        version="0.1.0",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        lifespan=lifespan,
        dependencies=[Depends(mark_route)],
    )
    settings = get_settings()
    problems.install(app)
    app.add_middleware(
        ReadCache,
        max_bytes=settings.response_cache_mb * 2**20,
        data_version=data_version_reader(settings.database_url),
    )
    app.add_middleware(problems.BodyLimit, limit=settings.max_body_bytes)
    # Outermost, so that 413s from the body limit are logged and counted too.
    app.add_middleware(Observe)
    include_routers(app)
    docs.install(app)
    return app


app = create_app()
