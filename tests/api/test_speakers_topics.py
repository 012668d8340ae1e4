from __future__ import annotations

from fastapi.testclient import TestClient

from tests.api.test_articles import assert_problem


def test_speakers_carry_title_affiliation_and_counts(seeded: TestClient) -> None:
    items = seeded.get("/v1/speakers").json()["items"]
    by_name = {s["name"]: s for s in items}
    assert by_name["Masoud Pezeshkian"]["title"] == "President"
    assert by_name["Masoud Pezeshkian"]["affiliation"] == "Iran"
    assert by_name["Masoud Pezeshkian"]["statement_count"] == 8
    assert by_name["Shahin Mustafayev"]["title"] == "Deputy Prime Minister"
    assert by_name["Shahin Mustafayev"]["affiliation"] == "Azerbaijan"
    assert by_name["Shahin Mustafayev"]["statement_count"] == 4


def test_speaker_detail_by_slug_and_id(seeded: TestClient) -> None:
    detail = seeded.get("/v1/speakers/masoud-pezeshkian").json()
    assert detail["kind"] == "person"
    assert {"Pezeshkian", "The Iranian president"} <= set(detail["aliases"])
    assert seeded.get(f"/v1/speakers/{detail['id']}").json() == detail
    assert_problem(seeded.get("/v1/speakers/no-such-person"), 404)


def test_one_speaker_record_across_articles(seeded: TestClient) -> None:
    second = (
        "Iranian President Masoud Pezeshkian said on Tuesday that the talks had been useful. "
        "Pezeshkian added that more meetings would follow."
    )
    assert seeded.post("/v1/articles", json={"text": second}).status_code == 201
    named = [s for s in seeded.get("/v1/speakers").json()["items"] if "Pezeshkian" in s["name"]]
    assert len(named) == 1
    assert named[0]["statement_count"] >= 9


def test_different_people_are_not_merged(client: TestClient) -> None:
    texts = [
        "Volodymyr Zelensky said the front was holding. Zelensky added that aid was needed.",
        "Oleksandr Zelensky, a farmer, said the harvest was poor.",
    ]
    for text in texts:
        assert client.post("/v1/articles", json={"text": text}).status_code == 201
    names = {s["name"] for s in client.get("/v1/speakers").json()["items"]}
    assert {"Volodymyr Zelensky", "Oleksandr Zelensky"} <= names


def test_topics_are_listed_with_counts(seeded: TestClient) -> None:
    items = seeded.get("/v1/topics", params={"limit": 200}).json()["items"]
    slugs = {t["slug"]: t for t in items}
    assert len(items) >= 30
    assert slugs["territorial-integrity"]["statement_count"] == 2
    assert slugs["border-walls"]["terms"]


def test_a_spelling_the_article_links_joins_records_across_articles(client: TestClient) -> None:
    texts = [
        "Ukrainian President Volodymyr Zelenskyy (also spelled Zelensky) thanked the leaders. "
        "Zelensky later wrote that Europe stood with Ukraine.",
        "Volodymyr Zelensky said the front was holding.",
    ]
    for text in texts:
        assert client.post("/v1/articles", json={"text": text}).status_code == 201
    named = [s for s in client.get("/v1/speakers").json()["items"] if "Zelensk" in s["name"]]
    assert [(s["name"], s["statement_count"]) for s in named] == [("Volodymyr Zelenskyy", 3)]
