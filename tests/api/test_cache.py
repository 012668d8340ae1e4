from __future__ import annotations

import sqlite3
import subprocess
import sys
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import make_url

from app.api import statements as statements_api
from app.api.cache import matches
from tests.api.test_articles import assert_problem

LIST = "/v1/statements?speaker=Pezeshkian&limit=3"
OTHER = {
    "text": "Prime Minister Jane Doe said the border walls would stay.",
    "source": "Other Daily",
    "published_at": "2030-01-02T10:00:00Z",
}


@pytest.fixture
def queries(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Counts the list queries the statements route runs (and still runs them)."""
    calls: list[object] = []
    real = statements_api.find_statements

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(args[1])
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(statements_api, "find_statements", counted)
    return calls


def test_a_repeated_read_is_answered_from_the_cache(seeded: TestClient, queries: list) -> None:
    first = seeded.get(LIST)
    second = seeded.get(LIST)
    assert first.status_code == second.status_code == 200
    assert len(queries) == 1
    assert second.content == first.content
    assert second.headers["link"] == first.headers["link"]
    assert second.headers["etag"] == first.headers["etag"]
    assert second.headers["x-request-id"] != first.headers["x-request-id"]
    # Another URL (here another host in the Link) is another entry.
    third = seeded.get(LIST, headers={"Host": "example.org"})
    assert len(queries) == 2 and third.headers["link"].startswith("<http://example.org/")


def test_no_cache_when_switched_off(make_client: Callable[..., TestClient], queries: list) -> None:
    client = make_client(RESPONSE_CACHE_MB="0")
    client.get(LIST)
    r = client.get(LIST)
    assert len(queries) == 2
    assert r.headers["etag"]  # validators do not depend on the cache


def test_writes_through_the_api_invalidate_cached_reads(seeded: TestClient) -> None:
    before = seeded.get("/v1/statements", params={"topic": "border-walls"}).json()["items"]
    assert seeded.get("/v1/statements", params={"topic": "border-walls"}).json()["items"] == before
    r = seeded.post("/v1/articles", json=OTHER)
    assert r.status_code == 201
    article_id = r.json()["id"]
    after = seeded.get("/v1/statements", params={"topic": "border-walls"}).json()["items"]
    assert len(after) == len(before) + 1 and after[0]["article_id"] == article_id
    assert seeded.delete(f"/v1/articles/{article_id}").status_code == 204
    again = seeded.get("/v1/statements", params={"topic": "border-walls"}).json()["items"]
    assert again == before


def test_a_write_by_another_process_invalidates_cached_reads(
    seeded: TestClient, db_url: str
) -> None:
    (first,) = seeded.get("/v1/statements", params={"limit": 1}).json()["items"]
    assert seeded.get("/v1/statements", params={"limit": 1}).json()["items"] == [first]
    path = make_url(db_url).database
    changed = "changed elsewhere"
    # Another worker or `quotes ingest` writes through its own connection in its own process.
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('UPDATE statement SET content = ? WHERE id = ?', (sys.argv[2], "
            "int(sys.argv[3]))); c.commit()",
            str(path),
            changed,
            str(first["id"]),
        ],
        check=True,
    )
    (now,) = seeded.get("/v1/statements", params={"limit": 1}).json()["items"]
    assert now["content"] == changed


def test_a_write_by_another_connection_invalidates_the_statement(
    seeded: TestClient, db_url: str
) -> None:
    url = "/v1/statements/1"
    assert seeded.get(url).json()["confidence"] != 0.125
    with sqlite3.connect(str(make_url(db_url).database)) as con:
        con.execute("UPDATE statement SET confidence = 0.125 WHERE id = 1")
    assert seeded.get(url).json()["confidence"] == 0.125


def test_etag_and_if_none_match(seeded: TestClient) -> None:
    r = seeded.get(LIST)
    etag = r.headers["etag"]
    assert etag.startswith('"') and etag.endswith('"')
    for tag in (etag, f"W/{etag}", f'"other", {etag}', "*"):
        hit = seeded.get(LIST, headers={"If-None-Match": tag})
        assert hit.status_code == 304 and hit.content == b""
        assert hit.headers["etag"] == etag
    assert seeded.get(LIST, headers={"If-None-Match": '"other"'}).status_code == 200
    # Not cached yet, and still conditional.
    fresh = seeded.get(LIST + "&count=true", headers={"If-None-Match": '"x"'})
    assert fresh.status_code == 200
    again = seeded.get(LIST + "&count=true", headers={"If-None-Match": fresh.headers["etag"]})
    assert again.status_code == 304
    # The same body has the same tag after a write elsewhere in the data; other content has not.
    seeded.post("/v1/articles", json=OTHER)
    assert seeded.get(LIST, headers={"If-None-Match": etag}).status_code == 304
    other = seeded.get("/v1/statements?speaker=Jane%20Doe")
    assert other.headers["etag"] != etag


def test_if_none_match_parsing() -> None:
    assert matches(b'"a", "b"', b'"b"')
    assert matches(b'W/"b"', b'"b"')
    assert not matches(b'"a"', b'"b"')
    assert not matches(b"", b'"b"')


def test_cached_reads_are_still_rate_limited(make_client: Callable[..., TestClient]) -> None:
    client = make_client(RATE_LIMIT_PER_MINUTE="2")
    # A bucket of this test's own (per key), so other tests keep their allowance.
    who = {"X-API-Key": "cache-rate-test"}
    assert client.get("/v1/statements", headers=who).status_code == 200
    assert client.get("/v1/statements", headers=who).status_code == 200
    r = client.get("/v1/statements", headers=who)
    assert_problem(r, 429)
    assert int(r.headers["retry-after"]) >= 1


def test_cached_reads_still_need_the_key(make_client: Callable[..., TestClient]) -> None:
    client = make_client(API_KEYS="k", READS_REQUIRE_KEY="true")
    assert client.get("/v1/statements", headers={"X-API-Key": "k"}).status_code == 200
    assert client.get("/v1/statements", headers={"X-API-Key": "k"}).status_code == 200
    assert_problem(client.get("/v1/statements"), 401)
    assert_problem(client.get("/v1/statements", headers={"X-API-Key": "nope"}), 403)


def test_hits_are_counted_under_their_route(seeded: TestClient) -> None:
    series = (
        'quotes_http_requests_total{method="GET",route="/v1/statements/{statement_id}",'
        'status="200"} '
    )

    def count() -> int:
        lines = [ln for ln in seeded.get("/metrics").text.splitlines() if ln.startswith(series)]
        return int(lines[0].split()[-1]) if lines else 0

    before = count()
    for _ in range(3):
        assert seeded.get("/v1/statements/2").status_code == 200
    assert count() == before + 3
    assert 'route="/v1/statements/2"' not in seeded.get("/metrics").text


def test_exports_and_errors_pass_through(seeded: TestClient) -> None:
    for _ in range(2):
        r = seeded.get("/v1/statements/export", params={"format": "csv"})
        assert r.status_code == 200 and r.text.startswith("id,article_id")
        assert "etag" not in r.headers
        assert_problem(seeded.get("/v1/statements/999999"), 404)
