"""Settings, read once from environment variables (and an optional .env file)."""

from __future__ import annotations

from functools import cache

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str = Field(
        default="sqlite:///./quotes.db",
        description="SQLAlchemy URL; the default is an SQLite file in the working folder.",
    )
    api_keys: str = Field(
        default="",
        description="Comma-separated keys accepted in X-API-Key for writes.",
    )
    reads_require_key: bool = Field(
        default=False, description="Reads need an API key too (private deployment)."
    )
    allow_open_writes: bool = Field(
        default=True,
        description="With no API_KEYS, whether anyone may write; `quotes serve` turns it off "
        "on a non-loopback address unless set explicitly.",
    )
    rate_limit_per_minute: int = Field(
        default=600, ge=0, description="Requests per minute per API key or client; 0 = off."
    )
    batch_max_items: int = Field(default=100, ge=1, description="Articles per batch request.")
    max_body_bytes: int = Field(default=1_000_000, ge=1, description="Largest body accepted.")
    default_page_size: int = Field(default=50, ge=1, le=200)
    max_page_size: int = Field(default=200, ge=1)
    sqlite_busy_timeout_ms: int = Field(default=5000, ge=0)
    response_cache_mb: int = Field(
        default=64,
        ge=0,
        description="Memory per worker for cached GET responses, dropped on every write; 0 = off.",
    )

    @property
    def keys(self) -> frozenset[str]:
        return frozenset(k.strip() for k in self.api_keys.split(",") if k.strip())


@cache
def get_settings() -> Settings:
    return Settings()
