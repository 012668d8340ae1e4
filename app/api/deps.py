"""Dependencies shared by the routers: session, pagination cursors, write keys."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
import math
import threading
import time
from collections import OrderedDict
from collections.abc import AsyncIterator, Callable
from typing import Annotated, Any

from fastapi import Depends, Header, Path, Query, Request, Response
from pydantic_core import to_json
from sqlmodel import Session

from app.api.problems import ProblemError
from app.config import Settings, get_settings
from app.db import get_engine

# SQLite integers are 64-bit: a larger id can name no row, and must not reach the driver.
MAX_ID = 2**63 - 1
IdPath = Annotated[int, Path(ge=1, le=MAX_ID)]
IdQuery = Annotated[int | None, Query(ge=1, le=MAX_ID)]

# Dependencies are async where they do no I/O: FastAPI runs a plain function dependency in the
# thread pool, a hop that cost more than the work. Handlers still run there.


async def open_session() -> AsyncIterator[Session]:
    # Opening a session touches no database; the handler's queries run in the pool.
    with Session(get_engine()) as s:
        yield s


async def current_settings() -> Settings:
    return get_settings()


SessionDep = Annotated[Session, Depends(open_session)]
SettingsDep = Annotated[Settings, Depends(current_settings)]


def encode_cursor(position: dict[str, Any]) -> str:
    raw = json.dumps(position, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _bad_cursor() -> ProblemError:
    return ProblemError(
        400, "The cursor is not one this API issued for this list.", type_="/problems/bad-cursor"
    )


def decode_cursor(token: str) -> dict[str, Any]:
    try:
        position = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
    except (binascii.Error, ValueError) as exc:
        raise _bad_cursor() from exc
    last_id = position.get("id") if isinstance(position, dict) else None
    if not isinstance(last_id, int) or isinstance(last_id, bool) or not 0 <= last_id <= MAX_ID:
        raise _bad_cursor()
    return position


class PageParams:
    """`limit` and an opaque `cursor`: the sort key and id of the last row seen (keyset
    pagination), so rows inserted meanwhile never shift a page."""

    def __init__(
        self, request: Request, response: Response, limit: int, position: dict[str, Any] | None
    ) -> None:
        self.request = request
        self.response = response
        self.limit = limit
        self.position = position

    @property
    def after(self) -> int:
        return self.position["id"] if self.position else 0

    def check(self, sort: str, key: Callable[[Any], object]) -> None:
        """Refuse a cursor made for another ordering of the list, or whose key is not one."""
        if not self.position:
            return
        if self.position.get("sort") != sort:
            raise _bad_cursor()
        try:
            key(self.position.get("key"))
        except (ValueError, TypeError) as exc:
            raise _bad_cursor() from exc

    def next_cursor(self, ids: list[int], **key: Any) -> str | None:
        """Cursor after the last row when the page is full, and the matching Link header."""
        if len(ids) < self.limit:
            return None
        token = encode_cursor({**key, "id": ids[-1]})
        url = self.request.url.include_query_params(cursor=token)
        self.response.headers["Link"] = f'<{url}>; rel="next"'
        return token


async def page_params(
    request: Request,
    response: Response,
    settings: SettingsDep,
    limit: Annotated[int | None, Query(ge=1, le=200, description="Items per page.")] = None,
    cursor: Annotated[
        str | None, Query(max_length=1000, description="The `next` of the previous page.")
    ] = None,
) -> PageParams:
    return PageParams(
        request,
        response,
        min(limit or settings.default_page_size, settings.max_page_size),
        decode_cursor(cursor) if cursor else None,
    )


PageDep = Annotated[PageParams, Depends(page_params)]


def json_page(body: dict[str, Any], page: PageParams) -> Response:
    """A page already in its response model's JSON shape, encoded by the serializer FastAPI
    uses for response models (so the bytes are the same) but without validating every item
    again; headers set on the page (`Link`) go along."""
    response = Response(to_json(body), media_type="application/json")
    response.headers.raw.extend(page.response.headers.raw)
    return response


def _check_key(settings: Settings, key: str | None) -> None:
    if not key:
        raise ProblemError(
            401,
            "This operation needs an API key in the X-API-Key header.",
            headers={"WWW-Authenticate": "ApiKey"},
        )
    if not any(hmac.compare_digest(key, k) for k in settings.keys):
        raise ProblemError(403, "The API key is not valid.")


ApiKeyHeader = Annotated[
    str | None, Header(alias="X-API-Key", description="Required for writes when keys are set.")
]


async def require_write_key(settings: SettingsDep, x_api_key: ApiKeyHeader = None) -> None:
    if settings.keys:
        _check_key(settings, x_api_key)
    elif not settings.allow_open_writes:
        raise ProblemError(
            403, "Writes are disabled: the service runs without API_KEYS on a public address."
        )


def check_read_key(settings: Settings, api_key: str | None) -> None:
    if settings.reads_require_key:
        _check_key(settings, api_key)


async def require_read_key(settings: SettingsDep, x_api_key: ApiKeyHeader = None) -> None:
    check_read_key(settings, x_api_key)


class RateLimiter:
    """A token bucket per API key (or per client address without one): a burst of up to a
    minute's allowance, refilled continuously. In-process, so per worker."""

    MAX_CLIENTS = 10_000

    def __init__(self) -> None:
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, who: str, per_minute: int) -> float:
        """0 when allowed, else the seconds to wait for the next token."""
        now = time.monotonic()
        rate = per_minute / 60.0
        with self._lock:
            tokens, last = self._buckets.pop(who, (float(per_minute), now))
            tokens = min(float(per_minute), tokens + (now - last) * rate)
            wait = 0.0 if tokens >= 1 else (1 - tokens) / rate
            if not wait:
                tokens -= 1
            self._buckets[who] = (tokens, now)
            while len(self._buckets) > self.MAX_CLIENTS:
                self._buckets.popitem(last=False)
        return wait


limiter = RateLimiter()


def check_rate(settings: Settings, api_key: str | None, client_host: str | None) -> None:
    if not settings.rate_limit_per_minute:
        return
    who = f"key:{api_key}" if api_key else f"ip:{client_host or '-'}"
    wait = limiter.take(who, settings.rate_limit_per_minute)
    if wait:
        raise ProblemError(
            429,
            f"Rate limit of {settings.rate_limit_per_minute} requests per minute reached.",
            headers={"Retry-After": str(math.ceil(wait))},
        )


async def rate_limit(
    request: Request, settings: SettingsDep, x_api_key: ApiKeyHeader = None
) -> None:
    check_rate(settings, x_api_key, request.client.host if request.client else None)


def guard_read(settings: Settings, api_key: str | None, client_host: str | None) -> None:
    """The checks of every resource router (rate_limit, then require_read_key), for a read
    answered without reaching the router: from the response cache."""
    check_rate(settings, api_key, client_host)
    check_read_key(settings, api_key)


async def require_json(request: Request) -> None:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json" and not ctype.endswith("+json"):
        raise ProblemError(415, "Send the body as application/json.")


WriteKey = Depends(require_write_key)
JsonBody = Depends(require_json)
