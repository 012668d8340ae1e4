"""Every endpoint through the typed client, which the integrating services use."""

from __future__ import annotations

import json

import pytest

from app.client import ApiError, QuotesClient

NEW = "Foreign Minister Ana Ruiz said the treaty would be signed in June."


def test_statements_speakers_and_pages(api: QuotesClient) -> None:
    pez = list(api.iter_statements(speaker="Pezeshkian", limit=3))
    assert len(pez) == 8 and len({s.id for s in pez}) == 8
    page = api.list_statements(speaker="mustafayev", facets=["topic"], count=True)
    assert page.total == 4 and page.facets and "topic" in page.facets
    detail = api.get_statement(pez[0].id, window=0)
    assert detail.context.before == [] and detail.article.id == pez[0].article_id
    speakers = {s.name: s for s in api.iter_speakers(limit=1)}
    assert speakers["Shahin Mustafayev"].title == "Deputy Prime Minister"
    assert "Pezeshkian" in api.get_speaker("masoud-pezeshkian").aliases
    stances = {t.topic: t for t in api.speaker_stances("masoud-pezeshkian")}
    assert stances["border-walls"].oppose == 1


def test_search_export_and_topics(api: QuotesClient) -> None:
    hits = list(api.iter_search("territorial", limit=1))
    assert len(hits) == 2 and "<mark>" in hits[0].snippet
    lines = list(api.export_statements(speaker="mustafayev"))
    assert [json.loads(x)["speaker"]["name"] for x in lines] == ["Shahin Mustafayev"] * 4
    csv_lines = list(api.export_statements("csv", type="direct"))
    assert len(csv_lines) == 2 and csv_lines[0].startswith("id,")
    assert api.get_topic("peace").stances.support >= 1
    assert any(r.speaker.name == "Shahin Mustafayev" for r in api.topic_stances("diplomacy"))
    assert len(list(api.iter_topics(limit=7))) >= 30
    made = api.create_topic("rail", "Rail", ["railway"], description="Trains.")
    assert made.statements_tagged == 1
    changed = api.update_topic("rail", "Rail", ["highway", "railway"])
    assert changed.statements_tagged == 1
    api.delete_topic("rail")
    with pytest.raises(ApiError) as err:
        api.get_topic("rail")
    assert err.value.status == 404 and err.value.title == "Not Found"


def test_articles_and_batch(api: QuotesClient) -> None:
    made = api.create_article(NEW, source="Wire", published_at="2025-03-01T00:00:00Z")
    assert made.statements[0].speaker and made.statements[0].speaker.name == "Ana Ruiz"
    result = api.create_articles(
        [
            {"text": NEW},  # stored before: exists
            {"text": "   "},  # invalid
            {"text": "The coach said the team was ready.", "source": "Sports"},
            {"title": 5},  # invalid
            {"text": "The coach said the team was ready."},  # the same text again
        ]
    )
    assert (result.created, result.existing, result.invalid) == (1, 2, 2)
    assert [i.status for i in result.items] == ["exists", "invalid", "created", "invalid", "exists"]
    assert result.items[1].problem and "whitespace" in result.items[1].problem["detail"]
    assert result.items[0].article_id == made.id
    assert len(list(api.iter_articles(limit=1))) == 3
    api.delete_article(made.id)
    with pytest.raises(ApiError) as err:
        api.get_article(made.id)
    assert err.value.status == 404


def test_problems_become_exceptions(api: QuotesClient) -> None:
    with pytest.raises(ApiError) as err:
        api.create_article("   ")
    assert err.value.status == 422 and err.value.errors
    with pytest.raises(ApiError) as err:
        api.list_statements(stance="perhaps")
    assert err.value.status == 422
    assert api.ready()["status"] == "ok"


def test_batch_limits(api: QuotesClient, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ApiError) as err:
        api.create_articles([])
    assert err.value.status == 422
    with pytest.raises(ApiError) as err:
        api.create_articles([{"text": f"Officials said {i}."} for i in range(101)])
    assert err.value.status == 422 and "at most 100" in (err.value.detail or "")
