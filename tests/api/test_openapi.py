"""The OpenAPI document is the interactive front door: every operation is named, tagged and
summarised, every response shows an example, and every example is valid for its own schema."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel

import app.api.problems
import app.models

METHODS = ("get", "post", "put", "patch", "delete")


def _operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (path, method, op)
        for path, ops in spec["paths"].items()
        for method, op in ops.items()
        if method in METHODS
    ]


def _model(ref: str) -> type[BaseModel] | None:
    name = ref.rsplit("/", 1)[-1]
    if name.startswith("Page_"):  # the generic page of one model, "Page_ArticlePublic_"
        item = _model(name.removeprefix("Page_").removesuffix("_"))
        return None if item is None else app.models.Page[item]  # type: ignore[valid-type]
    for module in (app.models, app.api.problems):
        found = getattr(module, name, None)
        if isinstance(found, type) and issubclass(found, BaseModel):
            return found
    return None


@pytest.fixture
def spec(client: TestClient) -> dict[str, Any]:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_every_operation_is_named_tagged_and_summarised(spec: dict[str, Any]) -> None:
    ids = []
    for path, method, op in _operations(spec):
        assert op.get("summary"), (method, path)
        assert op.get("tags"), (method, path)
        ids.append(op["operationId"])
    assert len(ids) == len(set(ids))


def test_every_response_has_an_example(spec: dict[str, Any]) -> None:
    bare = [
        (method, path, code, media)
        for path, method, op in _operations(spec)
        for code, response in op["responses"].items()
        for media, body in response.get("content", {}).items()
        if "example" not in body and "examples" not in body
    ]
    assert bare == []


def test_errors_are_documented_as_problem_json(spec: dict[str, Any]) -> None:
    for path, method, op in _operations(spec):
        for code, response in op["responses"].items():
            if int(code) < 400 or code == "503":
                continue
            content = response["content"]
            assert list(content) == ["application/problem+json"], (method, path, code)
            example = content["application/problem+json"]["example"]
            assert example["status"] == int(code)
            app.api.problems.Problem.model_validate(example)
        if path.startswith("/v1/"):
            assert "429" in op["responses"], (method, path)


def test_examples_are_valid_for_their_schemas(spec: dict[str, Any]) -> None:
    checked = 0
    for _path, _method, op in _operations(spec):
        for response in op["responses"].values():
            body = response.get("content", {}).get("application/json")
            if body is None or "$ref" not in body.get("schema", {}):
                continue
            model = _model(body["schema"]["$ref"])
            if model is None:
                continue
            model.model_validate(body["example"])
            checked += 1
    assert checked >= 10
