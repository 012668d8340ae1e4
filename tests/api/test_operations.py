from __future__ import annotations

import json
import logging
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.api.test_articles import assert_problem


def test_healthz_and_readyz(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "migrations": "ok", "model": "ok"}


def test_readyz_fails_when_migrations_are_behind(client: TestClient, db_url: str) -> None:
    from app.db import downgrade

    downgrade(db_url, "0001")
    ready = client.get("/readyz")
    assert ready.status_code == 503
    assert ready.json()["checks"]["migrations"] != "ok"


def test_metrics_count_requests_by_route_and_ingests(seeded: TestClient) -> None:
    seeded.get("/v1/statements/1")
    seeded.get("/v1/statements/2")
    text = seeded.get("/metrics").text
    assert (
        'quotes_http_requests_total{method="GET",route="/v1/statements/{statement_id}",'
        'status="200"}' in text
    )
    assert "quotes_http_request_duration_seconds_bucket" in text
    ingested = [ln for ln in text.splitlines() if ln.startswith("quotes_ingest_articles_total")]
    assert ingested and int(ingested[0].split()[-1]) >= 1


def test_request_id_is_echoed_or_made(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="quotes.access"):
        r = client.get("/healthz", headers={"X-Request-ID": "abc-123"})
        made = client.get("/healthz", headers={"X-Request-ID": "bad id with spaces"})
    assert r.headers["x-request-id"] == "abc-123"
    assert made.headers["x-request-id"] != "bad id with spaces"
    records = [json.loads(m) for m in caplog.messages]
    assert {"request_id": "abc-123", "status": 200, "route": "/healthz"}.items() <= records[
        0
    ].items()


def test_rate_limit_gives_429_with_retry_after(make_client: Callable[..., TestClient]) -> None:
    client = make_client(RATE_LIMIT_PER_MINUTE="3")
    codes = [
        client.get("/v1/topics", headers={"X-API-Key": "rl-test"}).status_code for _ in range(4)
    ]
    assert codes[:3] == [200, 200, 200]
    r = client.get("/v1/topics", headers={"X-API-Key": "rl-test"})
    assert_problem(r, 429)
    assert int(r.headers["retry-after"]) >= 1
    # Another client has its own allowance.
    assert client.get("/v1/topics", headers={"X-API-Key": "rl-other"}).status_code == 200


def test_private_reads(make_client: Callable[..., TestClient]) -> None:
    client = make_client(API_KEYS="k", READS_REQUIRE_KEY="true")
    assert_problem(client.get("/v1/statements"), 401)
    assert_problem(client.get("/v1/statements", headers={"X-API-Key": "x"}), 403)
    assert client.get("/v1/statements", headers={"X-API-Key": "k"}).status_code == 200
    assert client.get("/healthz").status_code == 200  # probes stay open


def test_writes_closed_without_keys_when_not_allowed(
    make_client: Callable[..., TestClient],
) -> None:
    client = make_client(ALLOW_OPEN_WRITES="false")
    assert_problem(client.post("/v1/articles", json={"text": "He said so."}), 403)
    assert client.get("/v1/articles").json()["items"] == []
