"""The MCP server: the tools and resources of :mod:`icc_rules.mcp` on the official ``mcp`` SDK's ``MCPServer``.

Each tool is a typed function (the SDK builds its input schema from the parameters) that asks
:class:`~icc_rules.mcp.answers.Replies` and returns the reply as a ``CallToolResult``: the readable text, and the
structured content whose schema (:mod:`icc_rules.mcp.contract`) the tool publishes. A library error becomes a tool
error (``isError``) with the library's message and suggestions; arguments of the wrong shape are refused by the SDK
the same way, so the server answers every call and never stops on one.

>>> import anyio
>>> from mcp import Client
>>> async def ask():
...     async with Client(create_server()) as client:
...         result = await client.call_tool("assess", {"person": "Putin", "country": "Kyrgyzstan", "date": "2023-10-12"})
...         return result.is_error, result.structured_content["answer"]["verdict"]
>>> anyio.run(ask)
(False, 'no_duty')
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any

from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.resources import Resource, TextResource
from mcp.server.mcpserver.tools import Tool
from mcp.types import CallToolResult, TextContent, ToolAnnotations
from pydantic import Field

from icc_rules import RULES, Dataset, ICCRulesError, __version__, shipped_data

from ..data.hosts import HOSTS_FILE
from ..i18n import resolve_language
from ..law.verdicts import VERDICT_TABLE
from .answers import NOT_ADVICE, LegIn, Replies, Reply, cannot_know, tool_error
from .contract import output_schemas

__all__ = ["INSTRUCTIONS", "RESOURCES", "create_server", "serve"]

#: What the server tells the assistant about itself when it connects.
INSTRUCTIONS = (
    "icc-rules decides whether a person wanted by the International Criminal Court faces a legal duty of arrest in a "
    "country on a date, and why: each answer gives the verdict, the rules that decided it with their articles of the "
    "Rome Statute, and the sources of every fact. Dates are never assumed: pass an ISO 8601 date (2024-09-03), or "
    "'today' when the user asks about today. Names are matched as people write them; find_person resolves a name to "
    "the id the other tools take. Quote the answer's sources rather than this tool. Every answer is legal research, "
    "not legal advice, and knows neither warrants still under seal nor events after the dataset's as-of date."
)

Person = Annotated[str, Field(description="the person: a name or alias as people write it ('Vladimir Putin', "
                              "'Putin', 'Путин', 'al-Bashir') or a dataset id ('putin'); see find_person")]
Country = Annotated[str, Field(description="the country: an ISO 3166-1 alpha-2 or alpha-3 code ('MN', 'MNG') or a "
                               "name ('Mongolia', 'Kyrgyz Republic', 'Türkiye')")]
Day = Annotated[str, Field(description="the day: an ISO 8601 date such as '2024-09-03', or 'today' only when the "
                           "user asks about today (no date is ever assumed)")]
Lang = Annotated[str, Field(description="the language of the texts for a reader (the account, reasons, legal bases, "
                            "warnings, country names, the notice): 'en' (default) or 'fr' (French, with the Court's "
                            "own terms). Pass 'fr' when the user writes in French. The codes (verdict, rule ids), "
                            "dates and the data's own texts stay as they are; another language is a tool error "
                            "listing the languages.")]

#: What every tool's description ends with.
_EVERY_ANSWER = (" The structured content holds the library's answer under 'answer' (the same JSON as the command "
                 "line's --json and the web API), the notice that this is legal research, not legal advice, what the "
                 "data cannot know, and the dataset's version and as-of date. An unknown or ambiguous name, an "
                 "unknown country or a malformed date is a tool error naming close matches.")

_READ_ONLY = ToolAnnotations(read_only_hint=True, destructive_hint=False, idempotent_hint=True, open_world_hint=False)


def _result(ask: Callable[[], Reply], lang: str = "en") -> CallToolResult:
    """The reply as a tool result, or the library's error as a tool error (in ``lang`` when it is a language the
    library speaks: an unknown ``lang`` is itself said in English)."""
    try:
        reply = ask()
    except ICCRulesError as error:
        failure = tool_error(error, _spoken(lang))
        return CallToolResult(content=[TextContent(type="text", text=failure.text)],
                              structured_content=dict(failure.structured), is_error=True)
    return CallToolResult(content=[TextContent(type="text", text=reply.text)], structured_content=dict(reply.structured))


def _spoken(lang: str) -> str:
    """The language ``lang`` names ("fr-FR" is French), or English when it names none the library speaks."""
    try:
        return resolve_language(lang)
    except ICCRulesError:
        return "en"


def _tools(replies: Replies) -> list[tuple[Callable[..., CallToolResult], str, str]]:
    """Each tool: its function (typed parameters: the SDK's input schema), its title and its description."""

    def assess(person: Person, country: Country, date: Day, lang: Lang = "en") -> CallToolResult:
        return _result(lambda: replies.assess(person, country, date, lang), lang)

    def world(person: Person, date: Day, lang: Lang = "en") -> CallToolResult:
        return _result(lambda: replies.world(person, date, lang), lang)

    def timeline(person: Person, country: Country,
                 start: Annotated[str | None, Field(description="the first day, ISO 8601 (default: the person's "
                                                    "first warrant)")] = None,
                 end: Annotated[str | None, Field(description="the last day, included, ISO 8601 (default: the "
                                                  "dataset's as-of date)")] = None,
                 lang: Lang = "en") -> CallToolResult:
        return _result(lambda: replies.timeline(person, country, start, end, lang), lang)

    def next_change(person: Person, country: Country, date: Day, lang: Lang = "en") -> CallToolResult:
        return _result(lambda: replies.next_change(person, country, date, lang), lang)

    def check_itinerary(person: Person,
                        legs: Annotated[list[LegIn], Field(min_length=1, max_length=100, description="the legs of "
                                                           "the trip, in order (at most 100)")],
                        lang: Lang = "en") -> CallToolResult:
        return _result(lambda: replies.check_itinerary(person, legs, lang), lang)

    def wanted_in(country: Country, date: Day, lang: Lang = "en") -> CallToolResult:
        return _result(lambda: replies.wanted_in(country, date, lang), lang)

    def hosts(person: Person, lang: Lang = "en") -> CallToolResult:
        return _result(lambda: replies.hosts(person, lang), lang)

    def find_person(name: Annotated[str, Field(description="a name, alias or id as people write it ('Duterte', "
                                               "'Omar al-Bashir', 'Путин')")]) -> CallToolResult:
        return _result(lambda: replies.find_person(name))

    return [
        (assess, "Does this person risk arrest in this country on this day?",
         ("Decide whether a person wanted by the ICC faces a legal duty of arrest in a country on a date. Returns the "
          "verdict (in_custody, duty_to_arrest, residual_duty, no_duty or no_warrant), can_travel (true exactly for "
          "no_warrant and no_duty), the reasons in order (each with its rule id, plain text, article of the Rome "
          "Statute and the facts it used with their sources and confidence), the warrants, precedents (past visits, "
          "findings of non-compliance), warnings (a fact not confirmed, a date after the data's as-of date), and the "
          "best sources to cite.")),
        (world, "A person's verdict in every country on a day",
         ("The person's verdict in each of about 250 countries and territories on a date, grouped by verdict, with "
          "warnings. Use it for 'where can X travel?'; ask assess for the reasons in one country.")),
        (timeline, "The periods of one verdict in a country",
         ("The periods, maximal and without gaps, in which the person's verdict in the country stays the same, each "
          "with the rules that decided it and the dated events that opened and closed it (a warrant issued or made "
          "public, an accession in force, a withdrawal effective, an arrest).")),
        (next_change, "The next day the verdict changes",
         ("The first day after the date on which the person's verdict in the country changes, and the recorded event "
          "that changes it; the answer is null when no recorded fact changes it (a change no fact announces yet, such "
          "as a withdrawal not yet notified, cannot be foreseen).")),
        (check_itinerary, "Check a trip leg by leg",
         ("The verdict on every leg of a trip (visits, transits through an airport, overflights), the first leg at "
          "risk and whether the whole trip is safe. A transit has the same verdict as a visit; an overflight is "
          "flagged when a forced landing there would be a risk but never puts the trip at risk by itself. Each leg "
          "needs a date, or a start and an end.")),
        (wanted_in, "Who would face arrest in a country on a day",
         ("Everyone in the dataset whose verdict in the country on the date is duty_to_arrest or residual_duty, with "
          "the full answer for each; persons in custody that day are not listed.")),
        (hosts, "Where a person went, and what the hosts did",
         ("The person's recorded visits abroad, newest first, each with the verdict for its first day, whether the "
          "host arrested them and whether a duty was ignored, and the Court's findings of non-compliance.")),
        (find_person, "Find a person in the dataset",
         ("Resolve a name, alias or id to the person in the dataset: their id (which the other tools take), names, "
          "and warrants, summonses and applications with their dates and sources. An ambiguous name is a tool error "
          "listing the candidates' ids.")),
    ]


def _resources(data: Dataset) -> list[Resource]:
    info = data.info
    rules = [{"id": r.id, "kind": r.kind, "stage": r.stage, "legal_basis": r.legal_basis, "compares": list(r.compares),
              "verdict": r.verdict.value if r.verdict else None, "doc": r.doc} for r in RULES]
    verdicts = [{"verdict": m.verdict.value, "rank": m.rank, "can_travel": m.can_travel, "owes_arrest": m.owes_arrest,
                 "legal_basis": m.legal_basis, "short": m.short, "description": m.description} for m in VERDICT_TABLE]
    dataset = {
        "version": info.version, "as_of": info.as_of.isoformat(), "note": info.note, "package_version": __version__,
        "counts": {"states": len(data.states), "situations": len(data.situations), "persons": len(data.persons),
                   "warrants": sum(1 for _ in data.warrants()), "visits": len(data.visits),
                   "findings": len(data.findings)},
        "sources_policy": "Every fact carries sources a reader can open. Sources are ranked primary (the Court's "
        "records, UN depositary notifications, Security Council resolutions, official gazettes), secondary "
        "(established news agencies and outlets, NGOs, law-school publications) or reference (encyclopedias); a fact "
        "is 'confirmed' by one primary source or two secondary sources from different outlets, and is otherwise "
        "marked probable, reported or disputed with a note, which the answers resting on it repeat as warnings. "
        "Mirrors, scraped copies and content farms are refused. The table of hosts: icc-rules://dataset/sources.",
        "notice": NOT_ADVICE, "cannot_know": list(cannot_know(info.as_of)),
    }
    return [
        TextResource(uri="icc-rules://rules", name="rules", title="The rule set",
                     description="Every rule of the rule set in the order the engine runs them: its id, kind, stage, "
                     "the article of the Rome Statute (or other law) it encodes, the facts it compares, and what it "
                     "does.", mime_type="application/json", text=json.dumps(rules, ensure_ascii=False, indent=1)),
        TextResource(uri="icc-rules://verdicts", name="verdicts", title="The five verdicts",
                     description="The five verdicts, strongest first (the strongest applicable one wins): whether "
                     "the person can travel, whether the host owes the arrest, the legal basis and the meaning.",
                     mime_type="application/json", text=json.dumps(verdicts, ensure_ascii=False, indent=1)),
        TextResource(uri="icc-rules://dataset", name="dataset", title="The dataset",
                     description="The dataset every answer comes from: its version, the day its facts were last "
                     "checked (as_of), what it holds, its sources policy and what it cannot know.",
                     mime_type="application/json", text=json.dumps(dataset, ensure_ascii=False, indent=1)),
        TextResource(uri="icc-rules://dataset/sources", name="sources", title="The sources policy: hosts and tiers",
                     description="The hosts that sources may point to, each with its tier (primary, secondary, "
                     "reference) and outlet, and the refused hosts with the reason.",
                     mime_type="application/toml", text=HOSTS_FILE.read_text(encoding="utf-8")),
    ]


#: The resources' addresses.
RESOURCES = ("icc-rules://rules", "icc-rules://verdicts", "icc-rules://dataset", "icc-rules://dataset/sources")


def create_server(data: Dataset | None = None) -> MCPServer[Any]:
    """The MCP server answering from ``data`` (default: the shipped dataset).

    Args:
        data: the dataset to answer from, for instance the shipped data with a user's files on top.
    """
    data = data or shipped_data()
    replies = Replies(data)
    schemas = output_schemas()
    tools = []
    for function, title, description in _tools(replies):
        tool = Tool.from_function(function, title=title, description=description + _EVERY_ANSWER,
                                  annotations=_READ_ONLY, structured_output=False)
        tool.fn_metadata.output_schema = schemas[tool.name]  # published; the answers are built to match it
        tools.append(tool)
    return MCPServer("icc-rules", title="icc-rules: ICC arrest-warrant exposure", version=__version__,
                     instructions=INSTRUCTIONS, tools=tools, resources=_resources(data), log_level="WARNING")


def serve(data: Dataset | None = None, *, http_port: int | None = None) -> int:
    """Serve over stdio (the default) or over streamable HTTP on ``127.0.0.1:http_port``, until stopped.

    The HTTP transport listens on the loopback address only, with the SDK's checks of the ``Host`` and ``Origin``
    headers against DNS rebinding: it is for an assistant on the same machine, not a public service.
    """
    server = create_server(data)
    if http_port is None:
        server.run("stdio")
    else:
        server.run("streamable-http", host="127.0.0.1", port=http_port)
    return 0
