"""Dependencies shared by the routers: session, pagination cursors, write keys."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from typing import Annotated, Any

from fastapi import Depends, Header, Query, Request, Response
from sqlmodel import Session

from app.api.problems import ProblemError
from app.config import Settings, get_settings
from app.db import get_session

SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


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
    if not isinstance(last_id, int) or isinstance(last_id, bool):
        raise _bad_cursor()
    return position


class PageParams:
    """`limit` and an opaque `cursor`: the sort key and id of the last row seen (keyset
    pagination), so rows inserted meanwhile never shift a page."""

    def __init__(
        self,
        request: Request,
        response: Response,
        settings: SettingsDep,
        limit: Annotated[int | None, Query(ge=1, le=200, description="Items per page.")] = None,
        cursor: Annotated[
            str | None, Query(max_length=1000, description="The `next` of the previous page.")
        ] = None,
    ) -> None:
        self.request = request
        self.response = response
        self.limit = min(limit or settings.default_page_size, settings.max_page_size)
        self.position = decode_cursor(cursor) if cursor else None

    @property
    def after(self) -> int:
        return self.position["id"] if self.position else 0

    def check(self, **expected: Any) -> None:
        """Refuse a cursor made for another ordering of the list."""
        if self.position and any(self.position.get(k) != v for k, v in expected.items()):
            raise _bad_cursor()

    def next_cursor(self, ids: list[int], **key: Any) -> str | None:
        """Cursor after the last row when the page is full, and the matching Link header."""
        if len(ids) < self.limit:
            return None
        token = encode_cursor({**key, "id": ids[-1]})
        url = self.request.url.include_query_params(cursor=token)
        self.response.headers["Link"] = f'<{url}>; rel="next"'
        return token


PageDep = Annotated[PageParams, Depends()]


def require_write_key(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(description="Required when API_KEYS is set.")] = None,
) -> None:
    keys = settings.keys
    if not keys:
        return
    if not x_api_key:
        raise ProblemError(
            401,
            "This operation needs an API key in the X-API-Key header.",
            headers={"WWW-Authenticate": "ApiKey"},
        )
    if not any(hmac.compare_digest(x_api_key, k) for k in keys):
        raise ProblemError(403, "The API key is not valid.")


def require_json(request: Request) -> None:
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/json" and not ctype.endswith("+json"):
        raise ProblemError(415, "Send the body as application/json.")


WriteKey = Depends(require_write_key)
JsonBody = Depends(require_json)
