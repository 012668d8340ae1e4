from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from app.client import QuotesClient
from app.config import get_settings
from app.db import get_engine, migrate

ROOT = Path(__file__).resolve().parents[1]
SEED_PATH = ROOT / "seeds" / "000_32ff25b99b64a614.txt"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_PATH.read_text(encoding="utf-8")


def _reset_caches() -> None:
    if get_engine.cache_info().currsize:
        get_engine().dispose()
    get_engine.cache_clear()
    get_settings.cache_clear()


@pytest.fixture
def db_url(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A real SQLite file, migrated to head by Alembic, that the app's settings point at."""
    url = f"sqlite:///{tmp_path / 'quotes.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.delenv("API_KEYS", raising=False)
    _reset_caches()
    migrate(url)
    yield url
    _reset_caches()


@pytest.fixture
def make_client(
    db_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[..., TestClient]]:
    """Builds a client after setting environment variables, e.g. make_client(API_KEYS="k")."""
    clients: list[TestClient] = []

    def make(**env: str) -> TestClient:
        for key, value in env.items():
            monkeypatch.setenv(key, value)
        _reset_caches()
        from app.main import create_app

        client = TestClient(create_app())
        client.__enter__()
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.__exit__(None, None, None)


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


@pytest.fixture
def seeded(client: TestClient, seed_text: str) -> TestClient:
    r = client.post("/v1/articles", json={"text": seed_text, "title": "Seed"})
    assert r.status_code == 201, r.text
    return client


@pytest.fixture
def api(seeded: TestClient) -> QuotesClient:
    """The typed client over the seeded test app."""
    return QuotesClient(http=seeded)
