from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import SEED_PATH, SHARED

DOC_ID = SEED_PATH.name


def test_extract_writes_the_eval_contract(tmp_path: Path, seed_text: str) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": DOC_ID, "text": seed_text}) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    assert main(["extract", "-i", str(docs), "-o", str(out)]) == 0
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert record["id"] == DOC_ID
    assert len(record["statements"]) == 12
    for s in record["statements"]:
        assert set(s) >= {"content", "content_span", "speaker", "speaker_span", "cue", "type"}
        start, end = s["content_span"]
        assert seed_text[start:end] == s["content"]


@pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="needs ../shared/eval")
def test_seed_scores_perfect_with_the_shared_scorer(tmp_path: Path) -> None:
    docs, pred, score = tmp_path / "docs.jsonl", tmp_path / "pred.jsonl", tmp_path / "s.json"
    eval_dir = SHARED / "eval"
    gold = SHARED / "data" / "seed-gold.json"
    subprocess.run(
        [
            sys.executable,
            str(eval_dir / "make_docs.py"),
            "gold",
            "--gold",
            str(SHARED / "data"),
            "--out",
            str(docs),
        ],
        check=True,
        capture_output=True,
    )
    assert main(["extract", "-i", str(docs), "-o", str(pred)]) == 0
    subprocess.run(
        [
            sys.executable,
            str(eval_dir / "score.py"),
            "gold",
            "--gold",
            str(gold),
            "--pred",
            str(pred),
            "--json",
            str(score),
        ],
        check=True,
        capture_output=True,
    )
    figures = json.loads(score.read_text())
    report = json.dumps({k: v for k, v in figures.items() if k not in ("pairs", "per_doc")})
    assert figures["statement@0.5"]["f1"] == 1.0, report
    assert figures["speaker_acc"]["acc"] == 1.0, report
    assert figures["type_acc"]["acc"] == 1.0, report
    assert figures["topic"]["f1"] >= 0.9, report
    assert figures["stance_acc"]["acc"] >= 0.9, report


def test_ingest_folder_twice(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(SEED_PATH.parent)]) == 0
    first = capsys.readouterr().out
    assert "articles added: 1" in first
    assert "statements added: 12" in first
    assert "speakers added: 2" in first
    assert main(["ingest", str(SEED_PATH)]) == 0
    second = capsys.readouterr().out
    assert "articles added: 0, already stored: 1" in second
    assert "statements added: 0" in second


def test_ingest_reports_bad_files(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "blank.json").write_text(json.dumps({"text": "   "}), encoding="utf-8")
    (tmp_path / "ok.jsonl").write_text(
        json.dumps({"text": "The mayor said the bridge would reopen in May.", "source": "Daily"})
        + "\n",
        encoding="utf-8",
    )
    assert main(["ingest", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "skipped" in captured.err and "blank.json" in captured.err
    assert "articles added: 1" in captured.out


def test_topics_import_adds_changes_and_retags(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sqlmodel import Session, select

    from app.db import get_engine
    from app.models import StatementTopic, Topic

    assert main(["ingest", str(SEED_PATH)]) == 0
    topics = [
        {"slug": "railways", "label": "Railways", "description": "Rail.", "terms": ["railway"]},
        {"slug": "trade", "label": "Trade", "description": "Markets only.", "terms": ["market"]},
    ]
    path = tmp_path / "topics.json"
    path.write_text(json.dumps(topics), encoding="utf-8")
    capsys.readouterr()
    assert main(["topics", "import", str(path)]) == 0
    assert "topics added: 1, changed: 1" in capsys.readouterr().out
    with Session(get_engine()) as session:
        trade = session.exec(select(Topic).where(Topic.slug == "trade")).one()
        assert trade.terms == ["market"]
        tags = session.exec(select(StatementTopic).where(StatementTopic.topic_id == trade.id)).all()
        assert len(tags) == 1  # only "open their markets" is left once "trade" itself is gone
    assert main(["topics", "import", str(path)]) == 0
    assert "topics added: 0, changed: 0" in capsys.readouterr().out


def test_topics_import_rejects_a_bad_file(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps([{"slug": "Bad Slug", "label": "x", "terms": ["y"]}]))
    assert main(["topics", "import", str(path)]) == 2
