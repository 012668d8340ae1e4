from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.api.test_articles import assert_problem

RAIL = {
    "slug": "railways",
    "label": "Railways",
    "description": "Rail lines and trains.",
    "terms": ["railway", "train"],
}


def stance_map(rows: list[dict], key: str) -> dict[str, dict[str, int]]:
    return {
        r[key] if isinstance(r[key], str) else r[key]["name"]: {
            s: r[s] for s in ("support", "oppose", "neutral")
        }
        for r in rows
    }


def test_topic_detail_counts_stances(seeded: TestClient) -> None:
    detail = seeded.get("/v1/topics/territorial-integrity").json()
    assert detail["statement_count"] == 2
    assert detail["stances"] == {"support": 2, "oppose": 0, "neutral": 0}
    assert_problem(seeded.get("/v1/topics/no-such-topic"), 404)


def test_who_stands_where_on_a_topic(seeded: TestClient) -> None:
    rows = seeded.get("/v1/topics/foreign-presence/stances").json()
    assert stance_map(rows, "speaker")["Masoud Pezeshkian"]["oppose"] == 1
    rows = seeded.get("/v1/topics/territorial-integrity/stances").json()
    by_speaker = stance_map(rows, "speaker")
    assert by_speaker["Masoud Pezeshkian"]["support"] == 1
    assert by_speaker["Shahin Mustafayev"]["support"] == 1


@pytest.mark.parametrize(
    ("speaker", "topic", "stance"),
    [
        ("masoud-pezeshkian", "foreign-presence", "oppose"),
        ("masoud-pezeshkian", "border-walls", "oppose"),
        ("masoud-pezeshkian", "territorial-integrity", "support"),
        ("shahin-mustafayev", "territorial-integrity", "support"),
        ("shahin-mustafayev", "peace", "support"),
        ("shahin-mustafayev", "diplomacy", "support"),
    ],
)
def test_where_a_speaker_stands(seeded: TestClient, speaker: str, topic: str, stance: str) -> None:
    r = seeded.get(f"/v1/speakers/{speaker}/stances")
    assert r.status_code == 200
    counts = stance_map(r.json(), "topic")[topic]
    assert counts[stance] >= 1
    assert max(counts, key=lambda s: counts[s]) == stance


def test_add_change_delete_topic_retags_statements(seeded: TestClient) -> None:
    r = seeded.post("/v1/topics", json=RAIL)
    assert r.status_code == 201, r.text
    assert r.json()["statements_tagged"] == 1
    tagged = seeded.get("/v1/statements", params={"topic": "railways"}).json()["items"]
    assert len(tagged) == 1 and "railways" in tagged[0]["content"]
    (tag,) = [t for t in tagged[0]["topics"] if t["topic"] == "railways"]
    text = seeded.get(f"/v1/articles/{tagged[0]['article_id']}").json()["text"]
    for ev in tag["evidence"]:
        assert text[ev["span"][0] : ev["span"][1]] == ev["text"]

    changed = {k: v for k, v in RAIL.items() if k != "slug"} | {"terms": ["market"]}
    r = seeded.put("/v1/topics/railways", json=changed)
    assert r.status_code == 200, r.text
    after = seeded.get("/v1/statements", params={"topic": "railways"}).json()["items"]
    assert len(after) == 1 and "markets" in after[0]["content"]

    assert seeded.delete("/v1/topics/railways").status_code == 204
    assert seeded.get("/v1/statements", params={"topic": "railways"}).json()["items"] == []
    assert_problem(seeded.get("/v1/topics/railways"), 404)


@pytest.mark.parametrize(
    "body",
    [
        {**RAIL, "slug": "Bad Slug"},
        {**RAIL, "terms": []},
        {**RAIL, "terms": ["  "]},
        {**RAIL, "label": ""},
        {"slug": "x"},
    ],
)
def test_bad_topics_are_422(seeded: TestClient, body: dict) -> None:
    assert_problem(seeded.post("/v1/topics", json=body), 422)


def test_duplicate_topic_is_409(seeded: TestClient) -> None:
    assert seeded.post("/v1/topics", json=RAIL).status_code == 201
    assert_problem(seeded.post("/v1/topics", json=RAIL), 409)


def test_topic_writes_need_a_key(make_client: Callable[..., TestClient]) -> None:
    client = make_client(API_KEYS="k")
    assert_problem(client.post("/v1/topics", json=RAIL), 401)
    assert_problem(client.delete("/v1/topics/trade"), 401)
    assert client.delete("/v1/topics/trade", headers={"X-API-Key": "k"}).status_code == 204


def test_new_articles_are_tagged_with_the_stored_taxonomy(seeded: TestClient) -> None:
    assert seeded.post("/v1/topics", json=RAIL).status_code == 201
    assert seeded.delete("/v1/topics/border-walls").status_code == 204
    text = "The minister said the new railway would open next year, and walls on borders must go."
    made = seeded.post("/v1/articles", json={"text": text}).json()
    tags = {t["topic"] for s in made["statements"] for t in s["topics"]}
    assert "railways" in tags
    assert "border-walls" not in tags
