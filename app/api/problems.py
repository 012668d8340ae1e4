"""RFC 9457 problem details: one shape for every error the API returns."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import cache
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("app.api")


class Problem(BaseModel):
    type: str = Field(default="about:blank", examples=["/problems/validation-error"])
    title: str = Field(examples=["Unprocessable Content"])
    status: int = Field(examples=[422])
    detail: str | None = Field(
        default=None, examples=["text: text must contain more than whitespace"]
    )
    instance: str | None = Field(default=None, examples=["/v1/articles"])
    errors: list[dict[str, Any]] | None = None


class ProblemError(Exception):
    def __init__(
        self,
        status: int,
        detail: str,
        *,
        type_: str = "about:blank",
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.detail = detail
        self.type = type_
        self.headers = headers


def problem_response(
    status: int,
    detail: str | None,
    instance: str | None,
    *,
    type_: str = "about:blank",
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body = Problem(
        type=type_,
        title=HTTPStatus(status).phrase,
        status=status,
        detail=detail,
        instance=instance,
        errors=errors,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        media_type=PROBLEM_JSON,
        headers=headers,
    )


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries so the docs show the problem shape for each error a route can return."""
    return {
        s: {"model": Problem, "description": HTTPStatus(s).phrase, "content": {PROBLEM_JSON: {}}}
        for s in statuses
    }


def describe_errors(raw: Sequence[Any]) -> tuple[str, list[dict[str, Any]]]:
    """Pydantic's errors as a one-line detail and a list safe to serialize."""
    errors = [
        {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in raw
    ]
    parts = []
    for e in errors:
        loc = ".".join(str(p) for p in e["loc"] if p != "body")
        parts.append(f"{loc}: {e['msg']}" if loc else str(e["msg"]))
    return "; ".join(parts), errors


@cache
def _path_table(app: FastAPI) -> list[tuple[re.Pattern[str], list[str]]]:
    """Every documented path as a regex with its methods; literal paths before templates so
    `/v1/articles/batch` is not taken for `/v1/articles/{article_id}`."""
    table = []
    for path, ops in sorted(app.openapi()["paths"].items(), key=lambda kv: "{" in kv[0]):
        pattern = re.compile("^" + re.sub(r"\\{[^}]+\\}", "[^/]+", re.escape(path)) + "$")
        table.append((pattern, sorted(m.upper() for m in ops)))
    return table


def allowed_methods(app: FastAPI, path: str) -> list[str]:
    for pattern, methods in _path_table(app):
        if pattern.match(path):
            return methods
    return []


def install(app: FastAPI) -> None:
    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(
            exc.status, exc.detail, request.url.path, type_=exc.type, headers=exc.headers
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else None
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            # The router names only the methods of the first route that matched the path.
            methods = allowed_methods(request.app, request.url.path)
            headers["Allow"] = ", ".join(methods)
            detail = f"{request.method} is not allowed here; use {headers['Allow']}."
        return problem_response(exc.status_code, detail, request.url.path, headers=headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail, errors = describe_errors(exc.errors())
        if any(e["type"] == "json_invalid" for e in errors):
            # The body is not JSON at all (or not UTF-8): the client must fix its encoding.
            return problem_response(
                400,
                "The request body is not valid UTF-8 JSON.",
                request.url.path,
                type_="/problems/malformed-json",
                errors=errors,
            )
        return problem_response(
            422, detail, request.url.path, type_="/problems/validation-error", errors=errors
        )

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return problem_response(500, "An internal error occurred.", request.url.path)


class BodyLimit:
    """Rejects bodies over `limit` bytes with 413 before any handler parses them.

    The body is read here in full (it is at most `limit` bytes) and replayed to the app, so a
    client that lies in Content-Length or streams without it is still cut off.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._reject(scope, send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await self._reject(scope, send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _reject(self, scope: Scope, send: Send) -> None:
        response = problem_response(
            413,
            f"The request body is larger than the limit of {self.limit} bytes.",
            scope.get("path"),
            type_="/problems/body-too-large",
        )
        await response(scope, _no_receive, send)


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}
