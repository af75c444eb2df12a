"""The routes about the data every answer comes from: ``/v1/persons``, ``/v1/states``, ``/v1/rules``,
``/v1/verdicts`` and ``/v1/dataset``. Except the States Parties on a day, each answer is made once (the rules and the
verdicts once per language), when the application is built: it depends on the data alone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, Query, Request
from fastapi.responses import Response

from icc_rules import RULES, Person, Verdict, __version__
from icc_rules.i18n import LANGUAGES, gettext, using

from .. import _library
from ..models import DatasetSummary, RuleInfo, VerdictInfo
from .common import DATE, Answer, Context, Days, LangParam, dump, language_of


def add(app: FastAPI, context: Context) -> None:
    """Add the dataset's routes to ``app``."""
    data, send = context.data, context.send
    persons_body = dump(data.persons, tuple[Person, ...])

    @app.get("/v1/persons", response_model=list[Person], tags=["dataset"], summary="Every person in the dataset")
    async def persons_endpoint(request: Request) -> Response:
        """Every person with their names, warrants, summonses and applications, custody and sources."""
        return send(request, Answer(persons_body))

    @app.get("/v1/states", response_model=_library.PartiesView, tags=["dataset"], summary="The States Parties on a date")
    async def states_endpoint(request: Request, date: Annotated[str | None, Query(
            description="an ISO 8601 date (default: the dataset's as_of date)", json_schema_extra=DATE)] = None,
                              lang: LangParam = None) -> Response:
        """The states for which the Rome Statute is in force on the date, with their treaty records; their names
        and the warnings in the language asked for (``?lang`` or ``Accept-Language``, as ``/v1/assess``), sorted by
        name in that language."""
        days = Days()
        language = language_of(request)
        day = days.of(date) if date is not None else data.info.as_of  # the default is the data's day, not today's
        answer = _library.parties_on(day, data=data).in_language(language)
        return send(request, Answer(answer.model_dump_json().encode(), days=days, lang=language))

    rules_bodies = _in_each_language(lambda: dump(tuple(
        RuleInfo(id=r.id, kind=r.kind, legal_basis=gettext(r.legal_basis), doc=gettext(r.doc), verdict=r.verdict)
        for r in RULES), tuple[RuleInfo, ...]))

    @app.get("/v1/rules", response_model=list[RuleInfo], tags=["dataset"], summary="The rule set")
    async def rules_endpoint(request: Request, lang: LangParam = None) -> Response:
        """Every rule in the order the engine runs them: its id, kind, legal basis and what it does; the legal basis
        and what it does in the language asked for (``?lang`` or ``Accept-Language``, as ``/v1/assess``)."""
        language = language_of(request)
        return send(request, Answer(rules_bodies[language], lang=language))

    verdicts_bodies = _in_each_language(lambda: dump(tuple(
        VerdictInfo(value=v, description=v.description, can_travel=v.can_travel, colour=_library.COLOURS[v])
        for v in Verdict), tuple[VerdictInfo, ...]))

    @app.get("/v1/verdicts", response_model=list[VerdictInfo], tags=["dataset"], summary="The five verdicts, "
             "strongest first")
    async def verdicts_endpoint(request: Request, lang: LangParam = None) -> Response:
        """Each verdict's value, meaning, whether the person can travel, and the colour of the library's maps; the
        meaning in the language asked for."""
        language = language_of(request)
        return send(request, Answer(verdicts_bodies[language], lang=language))

    summary_body = _summary(context).model_dump_json().encode()

    @app.get("/v1/dataset", response_model=DatasetSummary, tags=["dataset"], summary="The dataset's version, "
             "as-of date and counts")
    async def dataset_endpoint(request: Request) -> Response:
        """The version and as-of date of the data every answer comes from, and how many records it holds."""
        return send(request, Answer(summary_body))


def _in_each_language(make: Callable[[], bytes]) -> dict[str, bytes]:
    """An answer that depends on the data alone, made once in each language."""
    made = {}
    for lang in LANGUAGES:
        with using(lang):
            made[lang] = make()
    return made


def _summary(context: Context) -> DatasetSummary:
    data = context.data
    return DatasetSummary(
        version=data.info.version, as_of=data.info.as_of, released=data.info.released, in_words=data.info.in_words,
        note=data.info.note, package_version=__version__,
        counts={"states": len(data.states), "situations": len(data.situations), "persons": len(data.persons),
                "warrants": sum(1 for _ in data.warrants()), "visits": len(data.visits),
                "findings": len(data.findings), "territories": len(data.territories)},
        user_files=tuple(Path(name).name for name in context.settings.data_files),
    )
