"""Dependencies shared by the routers: session, pagination cursors, write keys."""

from __future__ import annotations

import base64
import binascii
import hmac
import json
from typing import Annotated

from fastapi import Depends, Header, Query, Request, Response
from sqlmodel import Session

from app.api.problems import ProblemError
from app.config import Settings, get_settings
from app.db import get_session

SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def encode_cursor(last_id: int) -> str:
    raw = json.dumps({"id": last_id}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(token: str) -> int:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        value = json.loads(raw)["id"]
    except (binascii.Error, ValueError, KeyError, TypeError) as exc:
        raise ProblemError(
            400, "The cursor is not one this API issued.", type_="/problems/bad-cursor"
        ) from exc
    if not isinstance(value, int) or isinstance(value, bool):
        raise ProblemError(
            400, "The cursor is not one this API issued.", type_="/problems/bad-cursor"
        )
    return value


class PageParams:
    """`limit` and an opaque `cursor`; lists are ordered by id so inserts never shift a page."""

    def __init__(
        self,
        request: Request,
        response: Response,
        settings: SettingsDep,
        limit: Annotated[int | None, Query(ge=1, le=200, description="Items per page.")] = None,
        cursor: Annotated[
            str | None, Query(description="The `next` value of the previous page.")
        ] = None,
    ) -> None:
        self.request = request
        self.response = response
        self.limit = min(limit or settings.default_page_size, settings.max_page_size)
        self.after = decode_cursor(cursor) if cursor else 0

    def next_cursor(self, ids: list[int]) -> str | None:
        """Cursor after the last id when the page is full, and the matching Link header."""
        if len(ids) < self.limit:
            return None
        token = encode_cursor(ids[-1])
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
