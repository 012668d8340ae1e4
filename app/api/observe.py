"""Request ids, structured JSON access logs and request metrics, as one ASGI middleware."""

from __future__ import annotations

import json
import logging
import re
import time
import uuid

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app import metrics

access_log = logging.getLogger("quotes.access")
_SAFE_ID = re.compile(r"[A-Za-z0-9._:-]{1,100}")


async def mark_route(request: Request) -> None:
    """A dependency of every route: notes the path template that serves the request
    (`/v1/statements/{statement_id}`), so metrics have one series per route, not per id."""
    route = request.scope.get("route")
    request.state.route = getattr(route, "path", None)


class Observe:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")
        # A caller's id is kept so logs join up across services; a malformed one is replaced.
        request_id = incoming if _SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex
        scope.setdefault("state", {})["request_id"] = request_id
        status = 500
        start = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = list(message.get("headers", []))
                headers.append((b"x-request-id", request_id.encode()))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - start
            # Routes outside the API (/docs, /openapi.json) have fixed paths; an unmatched path
            # of a failed request is not used as a label, so clients cannot grow the metrics.
            route = scope["state"].get("route") or (scope["path"] if status < 400 else "unmatched")
            metrics.observe_request(scope["method"], route, status, seconds)
            if access_log.isEnabledFor(logging.INFO):
                client = scope.get("client")
                access_log.info(
                    json.dumps(
                        {
                            "ts": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                            "request_id": request_id,
                            "method": scope["method"],
                            "path": scope["path"],
                            "route": route,
                            "status": status,
                            "duration_ms": round(seconds * 1000, 2),
                            "client": client[0] if client else None,
                        }
                    )
                )
