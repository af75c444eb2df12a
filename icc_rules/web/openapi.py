"""The OpenAPI document of the web API, with each model's properties named as its answers name them."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel

from icc_rules import Assessment, Person

from . import _library
from .models import CanTravel, DatasetSummary, RuleInfo, VerdictInfo
from .problems import MEDIA_TYPE, Problem

__all__ = ["openapi"]


def openapi(app: FastAPI) -> dict[str, Any]:
    """The OpenAPI document, with each model's properties named as the answers name them (by field name, as
    ``model_dump`` writes them, not by the data files' aliases such as ``event`` for ``events``)."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(title=app.title, version=app.version, summary=app.summary, description=app.description,
                         routes=app.routes)
    aliases = _aliases_by_model(_models(Assessment, CanTravel, _library.PartiesView, DatasetSummary, RuleInfo,
                                        VerdictInfo, Person, _library.Period, _library.Change, _library.WorldView,
                                        _library.ItineraryReport, _library.Hosts, Problem))
    paths = schema.get("paths", {})
    if "/v1/can-travel" in paths and "/v1/assess" in paths:  # read by the endpoint itself: the same as assess's
        paths["/v1/can-travel"]["get"]["parameters"] = paths["/v1/assess"]["get"]["parameters"]
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    for name in ("HTTPValidationError", "ValidationError"):  # malformed requests are 400 problems, not FastAPI's 422
        components.pop(name, None)
    problem = {MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            responses = operation.setdefault("responses", {})
            responses.pop("422", None)
            for status, response in responses.items():
                if status[0] in "45":
                    response["content"] = problem
            if method == "get" and path.startswith("/v1/"):
                responses["304"] = {"description": "Not Modified: the answer is the one whose ETag was given in "
                                    "If-None-Match"}
    for name, component in components.items():
        renames = aliases.get(component.get("title", name), {})
        if renames and "properties" in component:
            component["properties"] = {renames.get(k, k): v for k, v in component["properties"].items()}
            if "required" in component:
                component["required"] = [renames.get(k, k) for k in component["required"]]
    app.openapi_schema = schema
    return schema


def _models(*roots: type[BaseModel]) -> Iterator[type[BaseModel]]:
    """Every model reachable from ``roots`` through their fields."""
    seen: set[type[BaseModel]] = set()
    stack = list(roots)
    while stack:
        model = stack.pop()
        if model in seen:
            continue
        seen.add(model)
        yield model
        for info in model.model_fields.values():
            stack.extend(_nested_models(info.annotation))


def _nested_models(annotation: Any) -> Iterable[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for argument in getattr(annotation, "__args__", ()):
        yield from _nested_models(argument)


def _aliases_by_model(models: Iterable[type[BaseModel]]) -> dict[str, dict[str, str]]:
    return {model.__name__: {info.alias: name for name, info in model.model_fields.items()
                             if info.alias and info.alias != name} for model in models}

