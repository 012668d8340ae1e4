from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

PROBLEM = "application/problem+json"


def assert_problem(r, status: int) -> dict:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert body["status"] == status
    assert body["title"] and body["detail"]
    return body


def assert_nothing_stored(client: TestClient) -> None:
    assert client.get("/v1/articles").json()["items"] == []
    assert client.get("/v1/statements").json()["items"] == []
    assert client.get("/v1/speakers").json()["items"] == []


def test_post_seed_creates_article_with_its_statements(client: TestClient, seed_text: str) -> None:
    r = client.post(
        "/v1/articles",
        json={"text": seed_text, "title": "Seed", "source": "Wire", "url": "https://x.org/1"},
    )
    assert r.status_code == 201
    body = r.json()
    assert r.headers["location"] == f"/v1/articles/{body['id']}"
    assert body["statement_count"] == 12 == len(body["statements"])
    assert body["source"] == "Wire"
    for s in body["statements"]:
        start, end = s["content_span"]
        assert seed_text[start:end] == s["content"]


def test_same_text_twice_stores_once(seeded: TestClient, seed_text: str) -> None:
    first = seeded.get("/v1/articles").json()["items"]
    r = seeded.post("/v1/articles", json={"text": seed_text})
    assert r.status_code == 200
    assert r.json()["id"] == first[0]["id"]
    assert len(seeded.get("/v1/articles").json()["items"]) == 1
    assert len(seeded.get("/v1/statements", params={"limit": 200}).json()["items"]) == 12


@pytest.mark.parametrize(
    ("body", "status", "needle"),
    [
        ({}, 422, "text"),
        ({"text": ""}, 422, "text"),
        ({"text": "  \n\t "}, 422, "whitespace"),
        ({"text": 123}, 422, "text"),
        ({"text": None}, 422, "text"),
        ({"text": ["a"]}, 422, "text"),
        ({"text": "He said it was fine.", "title": 5}, 422, "title"),
        ({"text": "He said it was fine.", "published_at": "yesterday"}, 422, "published_at"),
        ([], 422, "body"),
    ],
)
def test_bad_json_bodies_get_problem_and_store_nothing(
    client: TestClient, body: object, status: int, needle: str
) -> None:
    problem = assert_problem(client.post("/v1/articles", json=body), status)
    assert needle in problem["detail"] or needle in str(problem.get("errors"))
    assert_nothing_stored(client)


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b'{"text": "He said', 400),
        (b'{"text": "caf\xe9 \xff said the mayor"}', 400),
        (b"not json at all", 400),
    ],
)
def test_malformed_bodies(client: TestClient, raw: bytes, status: int) -> None:
    r = client.post("/v1/articles", content=raw, headers={"content-type": "application/json"})
    assert_problem(r, status)
    assert_nothing_stored(client)


def test_wrong_content_type_is_415(client: TestClient) -> None:
    r = client.post("/v1/articles", content=b"text=hello", headers={"content-type": "text/plain"})
    assert_problem(r, 415)
    assert_nothing_stored(client)


def test_body_over_limit_is_413(make_client: Callable[..., TestClient]) -> None:
    client = make_client(MAX_BODY_BYTES="2000")
    r = client.post("/v1/articles", json={"text": "He said it was fine. " * 200})
    body = assert_problem(r, 413)
    assert "2000" in body["detail"]
    assert_nothing_stored(client)
    # Under the limit the same route works.
    assert client.post("/v1/articles", json={"text": "He said it was fine."}).status_code == 201


def test_default_body_limit_is_one_megabyte(client: TestClient) -> None:
    r = client.post("/v1/articles", json={"text": "x" * 1_000_001})
    assert_problem(r, 413)
    assert_nothing_stored(client)


def test_unknown_article_route_and_method(client: TestClient) -> None:
    assert_problem(client.get("/v1/articles/999"), 404)
    assert_problem(client.get("/v1/nothing-here"), 404)
    assert_problem(client.put("/v1/articles"), 405)
    assert_problem(client.get("/v1/articles/abc"), 404)
    assert_problem(client.get("/v1/articles/99999999999999999999999"), 422)
    allow = assert_problem(client.get("/v1/articles/batch"), 405)
    assert "POST" in allow["detail"]
    r = client.patch("/v1/topics/peace")
    assert_problem(r, 405)
    assert r.headers["allow"] == "DELETE, GET, PUT"


def test_delete_article_removes_its_statements(seeded: TestClient) -> None:
    article_id = seeded.get("/v1/articles").json()["items"][0]["id"]
    assert seeded.delete(f"/v1/articles/{article_id}").status_code == 204
    assert seeded.get("/v1/statements").json()["items"] == []
    assert_problem(seeded.delete(f"/v1/articles/{article_id}"), 404)


def test_writes_need_the_key_when_keys_are_set(
    make_client: Callable[..., TestClient], seed_text: str
) -> None:
    client = make_client(API_KEYS="alpha, beta")
    assert_problem(client.post("/v1/articles", json={"text": seed_text}), 401)
    assert_problem(
        client.post("/v1/articles", json={"text": seed_text}, headers={"X-API-Key": "gamma"}), 403
    )
    assert_nothing_stored(client)
    r = client.post("/v1/articles", json={"text": seed_text}, headers={"X-API-Key": "beta"})
    assert r.status_code == 201
    assert client.get("/v1/articles").status_code == 200  # reads stay public


def test_article_detail_and_list(seeded: TestClient) -> None:
    items = seeded.get("/v1/articles").json()["items"]
    assert [a["title"] for a in items] == ["Seed"]
    assert items[0]["statement_count"] == 12
    detail = seeded.get(f"/v1/articles/{items[0]['id']}").json()
    assert detail["text"].startswith("President Masoud Pezeshkian says")
    assert len(detail["statements"]) == 12
    assert len(detail["content_hash"]) == 64


def test_naive_publication_date_is_taken_as_utc(client: TestClient) -> None:
    r = client.post(
        "/v1/articles", json={"text": "The mayor said so.", "published_at": "2024-08-12T09:00:00"}
    )
    assert r.status_code == 201, r.text
    assert r.json()["published_at"] in ("2024-08-12T09:00:00Z", "2024-08-12T09:00:00+00:00")


@pytest.mark.parametrize("when", [0.5, 1700000000, "yesterday", True])
def test_publication_date_must_be_iso(client: TestClient, when: object) -> None:
    r = client.post("/v1/articles", json={"text": "The mayor said so.", "published_at": when})
    assert_problem(r, 422)
    assert_nothing_stored(client)
