from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).parents[2]
SHARED = REPO.parent / "shared"
SEED_TEXT = REPO / "seeds" / "000_32ff25b99b64a614.txt"
SEED_GOLD = SHARED / "data" / "seed-gold.json"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    if not SEED_GOLD.exists():
        pytest.skip("shared seed gold not available")
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))
