from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from tests.api.test_articles import assert_problem

OTHER = {
    "text": "Prime Minister Jane Doe said the border walls would stay. "
    "Doe added that territorial integrity was not negotiable.",
    "source": "Other Daily",
    "published_at": "2025-01-02T10:00:00Z",
}


@pytest.fixture
def two(seeded: TestClient) -> TestClient:
    assert seeded.post("/v1/articles", json=OTHER).status_code == 201
    return seeded


def search(client: TestClient, q: str, **params: object) -> dict:
    r = client.get("/v1/search", params={"q": q, **params})
    assert r.status_code == 200, r.text
    return r.json()


def test_search_ranks_and_highlights(seeded: TestClient) -> None:
    hits = search(seeded, "territorial integrity")["items"]
    assert len(hits) == 2
    assert all("<mark>territorial</mark>" in h["snippet"] for h in hits)
    assert hits[0]["score"] >= hits[1]["score"]


@pytest.mark.parametrize(
    ("q", "n"),
    [
        ('"build walls on the borders"', 1),
        ("“build walls on the borders”", 1),
        ('"walls borders"', 0),
        ("terr*", 2),
        ("railways OR diplomacy", 2),
        ("walls", 1),
        ("wall", 1),  # the porter stemmer joins wall and walls
    ],
)
def test_search_syntax(seeded: TestClient, q: str, n: int) -> None:
    assert len(search(seeded, q)["items"]) == n


@pytest.mark.parametrize(
    "q",
    [
        '"unbalanced walls',
        "walls AND",
        "NEAR(walls",
        "content:walls",
        "a*b*",
        "'; drop table --",
        "(((",
        "walls\\",
        "–—…",
        "NOT walls",
        "^walls",
        "walls -peace",
    ],
)
def test_any_user_text_is_safe(seeded: TestClient, q: str) -> None:
    r = seeded.get("/v1/search", params={"q": q})
    assert r.status_code in (200, 422), r.text
    if r.status_code == 422:
        assert_problem(r, 422)


@pytest.mark.parametrize("params", [{}, {"since": "2000-01-01"}])
def test_search_pages_follow_the_single_page_order(two: TestClient, params: dict) -> None:
    """Cursor pages of a search, by text alone or with another filter, list exactly the hits
    of one big page, in the same order with the same scores and snippets."""
    whole = search(two, "the OR said OR walls", limit=200, **params)["items"]
    assert len(whole) >= 3
    paged: list[dict] = []
    page = search(two, "the OR said OR walls", limit=2, **params)
    paged += page["items"]
    while page["next"] and len(paged) <= len(whole):
        page = search(two, "the OR said OR walls", limit=2, cursor=page["next"], **params)
        paged += page["items"]
    assert paged == whole
    scores = [h["score"] for h in whole]
    assert scores == sorted(scores, reverse=True)


def test_search_with_no_words_is_422(seeded: TestClient) -> None:
    assert_problem(seeded.get("/v1/search", params={"q": "***"}), 422)
    assert_problem(seeded.get("/v1/search", params={"q": "_ -- _"}), 422)
    assert_problem(seeded.get("/v1/statements", params={"q": "?!"}), 422)
    assert_problem(seeded.get("/v1/search"), 422)


def test_underscores_separate_words_as_in_the_index(seeded: TestClient) -> None:
    joined = seeded.get("/v1/search", params={"q": "territorial_integrity"}).json()["items"]
    plain = seeded.get("/v1/search", params={"q": "territorial integrity"}).json()["items"]
    assert joined and {h["statement"]["id"] for h in joined} <= {
        h["statement"]["id"] for h in plain
    }


def test_facet_names_may_be_spaced(seeded: TestClient) -> None:
    r = seeded.get("/v1/statements", params={"facets": " speaker , type "})
    assert r.status_code == 200, r.text
    assert set(r.json()["facets"]) == {"speaker", "type"}


def test_q_is_also_a_filter_and_composes(two: TestClient) -> None:
    r = two.get("/v1/statements", params={"q": "territorial", "speaker": "Jane Doe"})
    (only,) = r.json()["items"]
    assert only["speaker"]["name"] == "Jane Doe"


def test_source_and_dates_filter(two: TestClient) -> None:
    items = two.get("/v1/statements", params={"source": "Other Daily"}).json()["items"]
    assert {s["speaker"]["name"] for s in items} == {"Jane Doe"}
    old = two.get("/v1/statements", params={"until": "2025-06-01T00:00:00Z"}).json()["items"]
    assert {s["speaker"]["name"] for s in old} == {"Jane Doe"}
    new = two.get("/v1/statements", params={"since": "2025-06-01T00:00:00Z", "limit": 200}).json()[
        "items"
    ]
    assert "Jane Doe" not in {s["speaker"]["name"] for s in new if s["speaker"]}
    empty = two.get("/v1/statements", params={"since": "2025-02-01", "until": "2025-01-01"})
    assert empty.json()["items"] == []
    assert_problem(two.get("/v1/statements", params={"since": "last week"}), 422)
    assert_problem(two.get("/v1/statements", params={"until": "0.5"}), 422)


def test_sort_newest_and_oldest(two: TestClient) -> None:
    newest = two.get("/v1/statements", params={"limit": 200}).json()["items"]
    oldest = two.get("/v1/statements", params={"limit": 200, "sort": "oldest"}).json()["items"]
    assert newest[-1]["speaker"]["name"] == "Jane Doe"  # published in 2025, before the ingest
    assert oldest[0]["speaker"]["name"] == "Jane Doe"
    assert [s["id"] for s in newest] == [s["id"] for s in reversed(oldest)]


def test_cursor_survives_inserts_between_pages(seeded: TestClient) -> None:
    first = seeded.get("/v1/statements", params={"limit": 4, "sort": "oldest"}).json()
    assert seeded.post("/v1/articles", json=OTHER).status_code == 201
    seen = [s["id"] for s in first["items"]]
    page = first
    while page["next"]:
        page = seeded.get(
            "/v1/statements", params={"limit": 4, "sort": "oldest", "cursor": page["next"]}
        ).json()
        seen += [s["id"] for s in page["items"]]
    assert len(seen) == len(set(seen))
    everything = seeded.get("/v1/statements", params={"limit": 200}).json()["items"]
    seed_ids = {s["id"] for s in everything if s["speaker"] and s["speaker"]["name"] != "Jane Doe"}
    assert seed_ids <= set(seen)


def test_cursor_of_another_sort_is_refused(seeded: TestClient) -> None:
    page = seeded.get("/v1/statements", params={"limit": 2}).json()
    r = seeded.get("/v1/statements", params={"cursor": page["next"], "sort": "oldest"})
    assert_problem(r, 400)


def test_facets_and_total(two: TestClient) -> None:
    body = two.get(
        "/v1/statements",
        params={"facets": "speaker,topic,stance,type,source", "count": "true", "facet_size": 1},
    ).json()
    assert body["total"] == len(two.get("/v1/statements", params={"limit": 200}).json()["items"])
    speaker = body["facets"]["speaker"]
    assert speaker["truncated"] is True
    assert speaker["values"][0]["label"] == "Masoud Pezeshkian"
    assert speaker["values"][0]["count"] == 8
    assert body["facets"]["type"]["values"][0]["value"] == "indirect"
    assert "total" not in two.get("/v1/statements").json() or (
        two.get("/v1/statements").json()["total"] is None
    )
    assert_problem(two.get("/v1/statements", params={"facets": "colour"}), 422)


def test_export_jsonl_and_csv(two: TestClient) -> None:
    r = two.get("/v1/statements/export", params={"format": "jsonl", "speaker": "Pezeshkian"})
    assert r.status_code == 200
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert len(lines) == 8
    assert {x["speaker"]["name"] for x in lines} == {"Masoud Pezeshkian"}
    r = two.get("/v1/statements/export", params={"format": "csv"})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    total = len(two.get("/v1/statements", params={"limit": 200}).json()["items"])
    assert len(rows) == total
    assert {"speaker", "content", "topics"} <= set(rows[0])


def test_search_index_follows_deletes(seeded: TestClient) -> None:
    article_id = seeded.get("/v1/articles").json()["items"][0]["id"]
    assert search(seeded, "walls")["items"]
    assert seeded.delete(f"/v1/articles/{article_id}").status_code == 204
    assert search(seeded, "walls")["items"] == []


@pytest.mark.parametrize(
    "cursor",
    [
        "eyJpZCI6OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTl9",  # {"id": 99999999999999999999999}
        "eyJzb3J0IjoibmV3ZXN0Iiwia2V5Ijoibm90IGEgZGF0ZSIsImlkIjoxfQ",  # key "not a date"
        "eyJzb3J0IjoibmV3ZXN0Iiwia2V5IjpudWxsLCJpZCI6MX0",  # key null
    ],
)
def test_forged_cursors_are_400(seeded: TestClient, cursor: str) -> None:
    assert_problem(seeded.get("/v1/statements", params={"cursor": cursor}), 400)


def test_huge_ids_are_422_not_500(seeded: TestClient) -> None:
    assert_problem(seeded.get("/v1/statements/6920374447104002613521154048"), 422)
    assert_problem(seeded.get("/v1/statements", params={"article_id": 2**70}), 422)


def test_facets_with_topic_and_stance_filters(seeded: TestClient) -> None:
    r = seeded.get(
        "/v1/statements",
        params={"topic": "territorial-integrity", "stance": "support", "facets": "topic,stance"},
    )
    assert r.status_code == 200, r.text
    topics = {v["value"]: v["count"] for v in r.json()["facets"]["topic"]["values"]}
    assert topics["territorial-integrity"] == 2
