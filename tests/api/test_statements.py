from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from app.models import SearchPage, StatementPage
from tests.api.test_articles import assert_problem

PEZESHKIAN = "Masoud Pezeshkian"
MUSTAFAYEV = "Shahin Mustafayev"


def statements(client: TestClient, **params: object) -> list[dict]:
    r = client.get("/v1/statements", params={"limit": 200, **params})
    assert r.status_code == 200, r.text
    return r.json()["items"]


@pytest.mark.parametrize(
    ("speaker", "name", "count"),
    [
        ("Pezeshkian", PEZESHKIAN, 8),
        ("pezeshkian", PEZESHKIAN, 8),
        ("Masoud Pezeshkian", PEZESHKIAN, 8),
        ("masoud-pezeshkian", PEZESHKIAN, 8),
        ("The Iranian president", PEZESHKIAN, 8),
        ("mustafayev", MUSTAFAYEV, 4),
        ("SHAHIN MUSTAFAYEV", MUSTAFAYEV, 4),
        ("the azeri official", MUSTAFAYEV, 4),
    ],
)
def test_filter_by_speaker_name_alias_or_slug(
    seeded: TestClient, speaker: str, name: str, count: int
) -> None:
    found = statements(seeded, speaker=speaker)
    assert len(found) == count
    assert {s["speaker"]["name"] for s in found} == {name}


def test_filter_by_speaker_id(seeded: TestClient) -> None:
    speaker = statements(seeded, speaker="mustafayev")[0]["speaker"]
    assert len(statements(seeded, speaker=str(speaker["id"]))) == 4


def test_unknown_speaker_or_topic_matches_nothing(seeded: TestClient) -> None:
    assert statements(seeded, speaker="Nobody Atall") == []
    assert statements(seeded, topic="no-such-topic") == []


def test_filter_by_type_and_article(seeded: TestClient) -> None:
    direct = statements(seeded, type="direct")
    assert len(direct) == 1
    assert direct[0]["content"].startswith("There is no need to build walls")
    assert direct[0]["speaker"]["name"] == PEZESHKIAN
    article_id = direct[0]["article_id"]
    assert len(statements(seeded, article_id=article_id)) == 12
    assert statements(seeded, article_id=article_id + 1) == []


def test_filter_by_topic_and_stance_compose(seeded: TestClient) -> None:
    support = statements(seeded, topic="territorial-integrity", stance="support")
    assert {s["speaker"]["name"] for s in support} == {PEZESHKIAN, MUSTAFAYEV}
    walls = statements(seeded, topic="border-walls", stance="oppose", speaker="Pezeshkian")
    assert len(walls) == 1 and "walls" in walls[0]["content"]
    assert statements(seeded, topic="border-walls", stance="support") == []
    for s in statements(seeded, stance="oppose"):
        assert "oppose" in {t["stance"] for t in s["topics"]}


@pytest.mark.parametrize(
    "params",
    [{"stance": "maybe"}, {"type": "quote"}, {"limit": 0}, {"limit": 201}, {"article_id": "x"}],
)
def test_bad_filters_are_422(seeded: TestClient, params: dict) -> None:
    assert_problem(seeded.get("/v1/statements", params=params), 422)


def test_cursor_pages_cover_everything_once(seeded: TestClient) -> None:
    r = seeded.get("/v1/statements", params={"limit": 5})
    page = r.json()
    assert len(page["items"]) == 5 and page["next"]
    assert 'rel="next"' in r.headers["link"]
    seen = [s["id"] for s in page["items"]]
    while page["next"]:
        page = seeded.get("/v1/statements", params={"limit": 5, "cursor": page["next"]}).json()
        seen += [s["id"] for s in page["items"]]
    assert len(seen) == len(set(seen)) == 12


@pytest.mark.parametrize(
    ("path", "params", "model"),
    [
        ("/v1/statements", {"limit": 200}, StatementPage),
        ("/v1/statements", {"limit": 3, "count": "true", "facets": "speaker,topic"}, StatementPage),
        ("/v1/statements", {"q": "walls", "sort": "relevance"}, StatementPage),
        ("/v1/search", {"q": "territorial integrity", "count": "true"}, SearchPage),
    ],
)
def test_pages_are_byte_for_byte_their_models(
    seeded: TestClient, path: str, params: dict, model: type[StatementPage | SearchPage]
) -> None:
    """Pages are built without the models; their JSON must be exactly what the documented
    response model makes of it."""
    r = seeded.get(path, params=params)
    assert r.status_code == 200 and r.json()["items"]
    assert model.model_validate_json(r.content).model_dump_json().encode() == r.content


def test_evidence_is_split_into_topic_and_stance_evidence(seeded: TestClient) -> None:
    tags = [t for s in statements(seeded) for t in s["topics"]]
    assert any(t["evidence"] for t in tags) and any(t["stance_evidence"] for t in tags)
    for t in tags:
        for e in t["evidence"] + t["stance_evidence"]:
            assert set(e) == {"text", "span"}


def test_bad_cursor_is_400(seeded: TestClient) -> None:
    assert_problem(seeded.get("/v1/statements", params={"cursor": "garbage!!"}), 400)


def test_statement_detail_has_context_article_and_speaker(
    seeded: TestClient, seed_text: str
) -> None:
    (walls,) = statements(seeded, type="direct")
    detail = seeded.get(f"/v1/statements/{walls['id']}").json()
    assert {k: detail[k] for k in walls} == walls
    assert detail["article"]["id"] == walls["article_id"]
    assert detail["speaker_record"]["title"] == "President"
    (sentence,) = detail["context"]["sentences"]
    assert walls["content"] in sentence["text"]
    (before,) = detail["context"]["before"]
    assert before["text"].startswith("Iran welcomes all projects")
    assert seed_text[before["span"][0] : before["span"][1]] == before["text"]
    (after,) = detail["context"]["after"]
    assert after["text"].startswith("Pezeshkian said Muslim countries")
    wide = seeded.get(f"/v1/statements/{walls['id']}", params={"window": 3}).json()
    assert len(wide["context"]["before"]) == 3
    assert_problem(seeded.get("/v1/statements/999999"), 404)
