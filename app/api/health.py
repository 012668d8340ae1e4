from __future__ import annotations

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import APIRouter
from fastapi.responses import JSONResponse, PlainTextResponse
from sqlalchemy import text

from app import metrics
from app.db import alembic_config, get_engine
from app.nlp.parse import get_nlp

router = APIRouter(tags=["health"])

READY_EXAMPLE = {"status": "ok", "checks": {"database": "ok", "migrations": "ok", "model": "ok"}}
NOT_READY_EXAMPLE = {
    "status": "unavailable",
    "checks": {"database": "ok", "migrations": "at (), head ('0002',)", "model": "ok"},
}
METRICS_EXAMPLE = """\
# HELP quotes_http_requests_total HTTP requests by method, route template and status.
# TYPE quotes_http_requests_total counter
quotes_http_requests_total{method="GET",route="/v1/statements",status="200"} 42
# HELP quotes_ingest_articles_total Articles stored by ingest.
# TYPE quotes_ingest_articles_total counter
quotes_ingest_articles_total 1
"""


@router.get("/healthz", summary="The process is up", operation_id="healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get(
    "/readyz",
    summary="Database reachable, migrations at head, NLP model loaded",
    operation_id="readyz",
    responses={
        200: {"content": {"application/json": {"example": READY_EXAMPLE}}},
        503: {
            "description": "Not ready; the body says which check failed.",
            "content": {"application/json": {"example": NOT_READY_EXAMPLE}},
        },
    },
)
def readyz() -> JSONResponse:
    checks: dict[str, str] = {}
    engine = get_engine()
    try:
        with engine.connect() as conn:
            conn.execute(text("select 1"))
            current = MigrationContext.configure(conn).get_current_heads()
        head = ScriptDirectory.from_config(alembic_config(str(engine.url))).get_heads()
        checks["database"] = "ok"
        checks["migrations"] = "ok" if set(current) == set(head) else f"at {current}, head {head}"
    except Exception as exc:  # readiness reports failures; it must not raise them
        checks["database"] = f"error: {type(exc).__name__}"
    checks["model"] = "ok" if get_nlp.cache_info().currsize else "not loaded"
    ready = all(v == "ok" for v in checks.values())
    return JSONResponse(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status_code=200 if ready else 503,
    )


@router.get(
    "/metrics",
    summary="Prometheus metrics: requests and latencies by route, ingest counts",
    operation_id="metrics",
    response_class=PlainTextResponse,
    responses={200: {"content": {"text/plain": {"example": METRICS_EXAMPLE}}}},
)
def get_metrics() -> PlainTextResponse:
    return PlainTextResponse(metrics.render(), media_type="text/plain; version=0.0.4")
