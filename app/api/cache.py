"""A response cache for reads: GET responses of the resource routes kept in memory per worker.

An entry is found by the full URL (scheme, host, path, query: the `Link` header names the
host), the API key when reads need one, and the database's data version, which moves with
every commit by any connection or process (see app.db.data_version_reader). A write therefore
makes every older entry unreachable, and the cache is emptied when the version moves: it can
never answer with data older than the database's. Without a version nothing is cached.

Cached or not, a 200 carries a strong ETag (a hash of the body) and `If-None-Match` with it
gets 304. A hit still passes the routers' rate limit and read-key checks.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api import V1
from app.api.deps import guard_read
from app.api.problems import ProblemError, problem_response
from app.config import get_settings

Headers = list[tuple[bytes, bytes]]


@dataclass(frozen=True)
class Entry:
    headers: Headers  # with content-type, content-length, Link and ETag
    body: bytes
    etag: bytes
    route: str | None  # the path template, for metrics and logs

    @property
    def size(self) -> int:
        return len(self.body) + sum(len(k) + len(v) for k, v in self.headers) + 200


def entity_tag(body: bytes) -> bytes:
    return b'"' + hashlib.blake2b(body, digest_size=16).hexdigest().encode() + b'"'


def matches(if_none_match: bytes, etag: bytes) -> bool:
    """RFC 9110 If-None-Match: weak comparison against any listed tag, or `*`."""
    tags = [t.strip() for t in if_none_match.split(b",")]
    return any(t == b"*" or t.removeprefix(b"W/") == etag for t in tags)


def not_modified(etag: bytes) -> list[Message]:
    return [
        {"type": "http.response.start", "status": 304, "headers": [(b"etag", etag)]},
        {"type": "http.response.body", "body": b""},
    ]


class ReadCache:
    def __init__(
        self, app: ASGIApp, max_bytes: int, data_version: Callable[[], int | None]
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        # One entry may use a quarter of the cache: a few huge pages must not evict all else.
        self.max_entry = max_bytes // 4
        self.data_version = data_version
        self.version: int | None = None
        self.entries: OrderedDict[tuple, Entry] = OrderedDict()
        self.used = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(f"{V1}/")
        ):
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        if_none_match = headers.get(b"if-none-match")
        version = self.data_version() if self.max_bytes else None
        key = None
        if version is not None:
            settings = get_settings()
            api_key = headers.get(b"x-api-key")
            key = (
                version,
                scope["scheme"],
                headers.get(b"host"),
                scope["path"],
                scope["query_string"],
                api_key if settings.reads_require_key else None,
            )
            entry = self._get(version, key)
            if entry is not None:
                client = scope.get("client")
                try:
                    guard_read(
                        settings,
                        api_key.decode("latin-1") if api_key is not None else None,
                        client[0] if client else None,
                    )
                except ProblemError as exc:
                    response = problem_response(
                        exc.status, exc.detail, scope["path"], type_=exc.type, headers=exc.headers
                    )
                    await response(scope, receive, send)
                    return
                scope.setdefault("state", {})["route"] = entry.route
                await self._send(send, entry, if_none_match)
                return
        await self._fill(scope, receive, send, key, if_none_match)

    def _get(self, version: int, key: tuple) -> Entry | None:
        if version != self.version:
            # Every entry was made at an older version: none may be served again.
            self.entries.clear()
            self.used = 0
            self.version = version
            return None
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def _put(self, key: tuple, entry: Entry) -> None:
        if entry.size > self.max_entry or key in self.entries or key[0] != self.version:
            return
        self.entries[key] = entry
        self.used += entry.size
        while self.used > self.max_bytes:
            _, old = self.entries.popitem(last=False)
            self.used -= old.size

    async def _send(self, send: Send, entry: Entry, if_none_match: bytes | None) -> None:
        if if_none_match is not None and matches(if_none_match, entry.etag):
            for message in not_modified(entry.etag):
                await send(message)
            return
        await send({"type": "http.response.start", "status": 200, "headers": entry.headers})
        await send({"type": "http.response.body", "body": entry.body})

    async def _fill(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        key: tuple | None,
        if_none_match: bytes | None,
    ) -> None:
        """Runs the app; a 200 answered in one piece gets its ETag and, with a key, is kept.
        Anything else (errors, streamed exports) passes through untouched."""
        start: Message | None = None
        passing = False

        async def capture(message: Message) -> None:
            nonlocal start, passing
            if passing:
                await send(message)
            elif message["type"] == "http.response.start":
                if message["status"] == 200:
                    start = message  # held until the body shows whether it comes in one piece
                else:
                    passing = True
                    await send(message)
            elif message["type"] == "http.response.body" and start is not None:
                if message.get("more_body", False):
                    passing = True
                    await send(start)
                    await send(message)
                    return
                body = message.get("body", b"")
                etag = entity_tag(body)
                entry = Entry(
                    headers=[*start.get("headers", []), (b"etag", etag)],
                    body=body,
                    etag=etag,
                    route=scope.get("state", {}).get("route"),
                )
                if key is not None:
                    self._put(key, entry)
                await self._send(send, entry, if_none_match)
            else:
                await send(message)

        await self.app(scope, receive, capture)
