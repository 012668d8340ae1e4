"""The OpenAPI document: errors under their real media type, and an example on every response.

FastAPI documents a route's error models under `application/json` and leaves most responses
without an example. The service answers errors as `application/problem+json`, and the
interactive docs are the front door, so the generated document is finished here, in one
place, from the schemas the routes already declare.
"""

from __future__ import annotations

import copy
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI

from app.api import V1
from app.api.problems import PROBLEM_JSON

JSON = "application/json"
MAX_DEPTH = 8

# What each error looks like in practice (the details are the ones the handlers write).
PROBLEM_EXAMPLES: dict[int, tuple[str, str]] = {
    400: ("/problems/bad-cursor", "The cursor is not one this API issued for this list."),
    401: ("about:blank", "This operation needs an API key in the X-API-Key header."),
    403: ("about:blank", "The API key is not valid."),
    404: ("about:blank", "No statement with id 42."),
    409: ("about:blank", "Topic 'economy' exists; PUT changes it."),
    413: ("/problems/body-too-large", "The request body is larger than the limit of 1000 bytes."),
    415: ("about:blank", "Send the body as application/json."),
    422: ("/problems/validation-error", "text: text must contain more than whitespace"),
    429: ("about:blank", "Rate limit of 600 requests per minute reached."),
}

BAD_BODY = ("/problems/malformed-json", "The request body is not valid UTF-8 JSON.")


def problem_example(status: int, path: str, method: str) -> dict[str, Any]:
    if status == 400 and method in ("post", "put", "patch"):
        type_, detail = BAD_BODY
    else:
        type_, detail = PROBLEM_EXAMPLES.get(status, ("about:blank", HTTPStatus(status).phrase))
    return {
        "type": type_,
        "title": HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
        "instance": path,
    }


def example_of(schema: dict[str, Any], components: dict[str, Any], depth: int = 0) -> Any:
    """An example value built from the schema's own examples (a page from its item's)."""
    if depth > MAX_DEPTH:
        return None
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return example_of(components.get(name, {}), components, depth + 1)
    if schema.get("examples"):
        return schema["examples"][0]
    if "example" in schema:
        return schema["example"]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, []):
            if option.get("type") == "null":
                continue
            value = example_of(option, components, depth + 1)
            if value is not None:
                return value
    if schema.get("type") == "array":
        item = example_of(schema.get("items", {}), components, depth + 1)
        return [] if item is None else [item]
    if schema.get("type") == "object" or "properties" in schema:
        out = {}
        for name, prop in schema.get("properties", {}).items():
            value = example_of(prop, components, depth + 1)
            if value is not None:
                out[name] = value
        return out
    return None


def finish(spec: dict[str, Any]) -> dict[str, Any]:
    """The document with problem responses under `application/problem+json`, 429 on every
    rate-limited route, and an example on every JSON response."""
    spec = copy.deepcopy(spec)
    components = spec.get("components", {}).get("schemas", {})
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    for path, ops in spec.get("paths", {}).items():
        for method, op in ops.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            responses = op["responses"]
            if path.startswith(V1) and "429" not in responses:
                responses["429"] = {"description": "Too Many Requests (see Retry-After)"}
                responses["429"]["content"] = {PROBLEM_JSON: {}}
            for code, response in responses.items():
                content = response.get("content")
                if not content:
                    continue
                status = int(code) if code.isdigit() else 0
                if status >= 400:
                    content.pop(JSON, None)
                    content[PROBLEM_JSON] = {
                        "schema": problem_ref,
                        "example": problem_example(status, path, method),
                    }
                    continue
                media = content.get(JSON)
                if media is None or "example" in media or "examples" in media:
                    continue
                value = example_of(media.get("schema", {}), components)
                if value is not None:
                    media["example"] = value
    return spec


def install(app: FastAPI) -> None:
    """Serve the finished document (built once, like FastAPI's own)."""
    build = app.openapi
    finished: dict[str, Any] | None = None

    def openapi() -> dict[str, Any]:
        nonlocal finished
        if finished is None:
            finished = finish(build())
            app.openapi_schema = finished
        return finished

    app.openapi = openapi  # type: ignore[method-assign]
