"""``icc-rules mcp`` through the MCP SDK's own client: over stdio to ``python -m icc_rules mcp`` in a process of its
own (one per module), in memory for the rest, and once over streamable HTTP on 127.0.0.1.

The seed's questions get the library's answers, with the same JSON as ``icc-rules check --json``; bad input is a tool
error carrying the library's message and suggestions, and the server answers the next call as before; every tool's
structured answer validates against :mod:`icc_rules.schemas`.
"""

from __future__ import annotations

import contextlib
import datetime
import io
import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from anyio.from_thread import BlockingPortal, start_blocking_portal
from babel.messages.pofile import read_po
from mcp import Client, StdioServerParameters
from mcp.types import CallToolResult

from icc_rules import RULES, Verdict, assess, shipped_data
from icc_rules.cli import EXIT_INPUT, main
from icc_rules.i18n import LOCALE_DIR
from icc_rules.mcp.contract import ANSWER_SCHEMAS, output_schemas
from icc_rules.mcp.server import RESOURCES, create_server

ROOT = Path(__file__).parents[2]
TOOLS = {"assess", "world", "timeline", "next_change", "check_itinerary", "wanted_in", "hosts", "find_person"}


class Session:
    """A connected client, called from synchronous tests through a portal to its event loop."""

    def __init__(self, portal: BlockingPortal, client: Client) -> None:
        self.portal, self.client = portal, client

    def call(self, tool: str, arguments: dict[str, Any]) -> CallToolResult:
        result = self.portal.call(self.client.call_tool, tool, arguments)
        assert isinstance(result, CallToolResult)
        return result

    def run(self, ask: Callable[[], Awaitable[Any]]) -> Any:
        return self.portal.call(ask)


@contextlib.contextmanager
def _session(server: Any) -> Iterator[Session]:
    with start_blocking_portal() as portal, portal.wrap_async_context_manager(Client(server)) as client:
        yield Session(portal, client)


@pytest.fixture(scope="module")
def stdio() -> Iterator[Session]:
    """One server process for the module, started as an assistant starts it."""
    yield from _session_of(StdioServerParameters(command=sys.executable, args=["-m", "icc_rules", "mcp"],
                                                 cwd=str(ROOT)))


@pytest.fixture(scope="module")
def memory() -> Iterator[Session]:
    """The same server in this process (the SDK's in-memory transport): quicker, and measured by coverage."""
    yield from _session_of(create_server())


def _session_of(server: Any) -> Iterator[Session]:
    with _session(server) as session:
        yield session


def _text(result: CallToolResult) -> str:
    return "\n".join(block.text for block in result.content if block.type == "text")


# --- Over stdio, in a process of its own -----------------------------------------------------------------------------


def test_the_tools_are_listed_with_schemas_and_descriptions(stdio: Session) -> None:
    tools = {tool.name: tool for tool in stdio.run(stdio.client.list_tools).tools}
    assert set(tools) == TOOLS
    for name, tool in tools.items():
        assert tool.description and len(tool.description) > 150, name
        assert "legal research, not legal advice" in tool.description
        assert tool.input_schema["type"] == "object" and tool.input_schema["properties"], name
        assert tool.output_schema == output_schemas()[name], name
        assert tool.annotations is not None and tool.annotations.read_only_hint
    assert tools["assess"].input_schema["required"] == ["person", "country", "date"]  # a date is never assumed
    assert "'today'" in tools["assess"].input_schema["properties"]["date"]["description"]


@pytest.mark.parametrize(("person", "country", "date", "verdict"), [
    ("Vladimir Putin", "Mongolia", "2024-09-03", Verdict.DUTY_TO_ARREST),
    ("Putin", "Kyrgyzstan", "2023-10-12", Verdict.NO_DUTY),
    ("Путин", "ZA", "2023-08-22", Verdict.DUTY_TO_ARREST),
])
def test_the_seed_questions(stdio: Session, person: str, country: str, date: str, verdict: Verdict) -> None:
    result = stdio.call("assess", {"person": person, "country": country, "date": date})
    assert not result.is_error
    structured = result.structured_content
    assert structured is not None
    assert structured["answer"] == assess(person, country, date).model_dump(mode="json")
    assert structured["answer"]["verdict"] == verdict.value
    assert structured["answer"]["can_travel"] is verdict.can_travel
    assert all(reason["legal_basis"] for reason in structured["answer"]["reasons"])
    assert structured["best_sources"] and all(s["url"].startswith("http") for s in structured["best_sources"])
    info = shipped_data().info
    assert (structured["data_version"], structured["data_as_of"]) == (info.version, info.as_of.isoformat())
    text = _text(result)
    assert text.startswith(assess(person, country, date).headline())
    assert "Legal research, not legal advice" in text and "under seal" in text and str(info.as_of) in text


def test_the_answer_is_the_json_of_the_command_line(stdio: Session, capsys: pytest.CaptureFixture[str]) -> None:
    result = stdio.call("assess", {"person": "putin", "country": "MNG", "date": "2024-09-03"})
    assert main(["check", "putin", "MNG", "2024-09-03", "--json"]) == 0
    assert result.structured_content is not None
    assert result.structured_content["answer"] == json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("arguments", "says"), [
    ({"person": "Puttin", "country": "Mongolia", "date": "2024-09-03"}, "UnknownPersonError: unknown person 'Puttin'"),
    ({"person": "Putin", "country": "Mongolai", "date": "2024-09-03"}, "UnknownCountryError: unknown country"),
    ({"person": "Putin", "country": "Mongolia", "date": "3/9/2024"}, "InvalidDateError: invalid date '3/9/2024'"),
    ({"person": "Putin", "country": "Mongolia", "date": "2024-02-30"}, "day is out of range for month"),
    ({"person": "Putin", "country": "Mongolia"}, "date"),
    ({"person": "Putin", "country": "Mongolia", "date": None}, "date"),
    ({"person": "Gaddafi", "country": "Libya", "date": "2011-07-01"}, "muammar-gaddafi, saif-gaddafi"),
])
def test_bad_input_is_a_tool_error_and_the_server_goes_on(stdio: Session, arguments: dict[str, Any],
                                                          says: str) -> None:
    result = stdio.call("assess", arguments)
    assert result.is_error and says in _text(result)
    again = stdio.call("assess", {"person": "Putin", "country": "Mongolia", "date": "2024-09-03"})
    assert not again.is_error


def test_an_unknown_person_comes_with_suggestions(stdio: Session) -> None:
    result = stdio.call("assess", {"person": "Puttin", "country": "Mongolia", "date": "2024-09-03"})
    assert result.is_error and result.structured_content is not None
    assert result.structured_content["error"] == "UnknownPersonError"
    assert "Vladimir Putin (putin)" in result.structured_content["suggestions"]
    assert "Close matches: Vladimir Putin (putin)" in _text(result)


# --- In memory: every tool, the contract, the resources ---------------------------------------------------------------


CALLS: list[tuple[str, dict[str, Any]]] = [
    ("assess", {"person": "al-Bashir", "country": "ZAF", "date": "2015-06-14"}),
    ("world", {"person": "putin", "date": "2024-09-03"}),
    ("timeline", {"person": "Duterte", "country": "Netherlands", "start": "2025-03-01", "end": "2025-03-31"}),
    ("next_change", {"person": "Putin", "country": "Ukraine", "date": "2023-01-01"}),
    ("next_change", {"person": "Putin", "country": "Armenia", "date": "2025-01-01"}),
    ("check_itinerary", {"person": "Putin", "legs": [
        {"country": "KGZ", "date": "2023-10-12"},
        {"country": "Armenia", "start": "2024-01-25", "end": "2024-02-05", "kind": "transit"},
        {"country": "MNG", "date": "2024-09-03", "kind": "overflight"}]}),
    ("wanted_in", {"country": "NLD", "date": "2025-06-01"}),
    ("wanted_in", {"country": "Antarctica", "date": "2025-06-01"}),
    ("hosts", {"person": "al-Bashir"}),
    ("find_person", {"name": "Omar al-Bashir"}),
]


@pytest.mark.parametrize(("tool", "arguments"), CALLS)
def test_each_answer_validates_against_the_shared_schemas(memory: Session, tool: str,
                                                          arguments: dict[str, Any]) -> None:
    result = memory.call(tool, arguments)  # the SDK's client checks it against the published output schema too
    assert not result.is_error, _text(result)
    structured = result.structured_content
    assert structured is not None
    schema_of, shape = ANSWER_SCHEMAS[tool]
    schema = schema_of()
    answers = structured["answer"] if shape == "many" else [structured["answer"]]
    for answer in answers:
        if answer is not None or shape != "nullable":
            jsonschema.validate(answer, schema)
    assert structured["notice"].startswith("Legal research, not legal advice")
    assert any("under seal" in item for item in structured["cannot_know"])
    assert "Legal research, not legal advice" in _text(result)


#: The tools that answer with texts for a reader, and so take ``lang``.
WITH_LANG = TOOLS - {"find_person"}


@pytest.mark.parametrize(("tool", "arguments"), [(tool, arguments) for tool, arguments in CALLS if tool in WITH_LANG])
def test_each_answer_in_french_validates_and_shows_no_english_template(memory: Session, tool: str,
                                                                       arguments: dict[str, Any]) -> None:
    result = memory.call(tool, {**arguments, "lang": "fr"})
    assert not result.is_error, _text(result)
    structured = result.structured_content
    assert structured is not None
    schema_of, shape = ANSWER_SCHEMAS[tool]
    answers = structured["answer"] if shape == "many" else [structured["answer"]]
    for answer in answers:
        if answer is not None or shape != "nullable":
            jsonschema.validate(answer, schema_of())
    assert structured["notice"].startswith("Recherche juridique, non un avis juridique")
    assert any("sous scellés" in item for item in structured["cannot_know"])
    text = _text(result)
    assert "Ce que les données ne peuvent pas savoir :" in text
    english = memory.call(tool, arguments).structured_content
    assert english is not None and _codes(english["answer"]) == _codes(structured["answer"])  # words change, not codes
    for quoted in _quoted(text):
        text = text.replace(quoted, "")
    for fragment in _english_templates():
        assert fragment not in text, (fragment, text)


def _codes(answer: Any) -> list[tuple[str, Any]]:
    """Every verdict, rule id, date and code in an answer, in order."""
    if isinstance(answer, dict):
        return [pair for key, value in answer.items() for pair in (
            [(key, value)] if key in ("verdict", "rule", "rules", "date", "country", "person", "can_travel")
            else _codes(value))]
    if isinstance(answer, list):
        return [pair for item in answer for pair in _codes(item)]
    return []


def _quoted(text: str) -> list[str]:
    """What a French text quotes from the data in English: the lines marked so, and the sources' titles."""
    return [line for line in text.splitlines()
            if "(en anglais)" in line or "(titre original)" in line or "source : " in line]


def _english_templates() -> tuple[str, ...]:
    """The runs of three English words or more of every message of the catalog (their placeholders aside)."""
    with (LOCALE_DIR / "fr" / "LC_MESSAGES" / "icc_rules.po").open("rb") as file:
        catalog = read_po(file)
    return tuple({part.strip() for message in catalog if message.id
                  for msgid in ([message.id] if isinstance(message.id, str) else message.id)
                  for part in re.split(r"\{[^}]*\}", msgid) if len(part.split()) >= 3})


def test_assess_in_french_over_stdio(stdio: Session) -> None:
    result = stdio.call("assess", {"person": "Putin", "country": "Mongolia", "date": "2024-09-03", "lang": "fr"})
    assert not result.is_error
    assert _text(result).startswith("Vladimir Putin en Mongolie, le 3 septembre 2024 : doit arrêter")
    assert result.structured_content is not None
    answer = result.structured_content["answer"]
    assert answer["verdict"] == "duty_to_arrest" and answer["country_name"] == "Mongolie"
    assert answer["reasons"][0]["legal_basis"] == "Statut de Rome, art. 126 et 127-1"
    jsonschema.validate(answer, ANSWER_SCHEMAS["assess"][0]())


def test_an_unknown_language_is_a_tool_error_listing_the_languages(stdio: Session) -> None:
    result = stdio.call("assess", {"person": "Putin", "country": "Mongolia", "date": "2024-09-03", "lang": "de"})
    assert result.is_error
    assert _text(result) == "InputError: unknown language 'de': expected one of en, fr"
    assert result.structured_content is not None and result.structured_content["error"] == "InputError"
    assert not stdio.call("assess", {"person": "Putin", "country": "MN", "date": "2024-09-03"}).is_error


@pytest.mark.parametrize("tool", sorted(WITH_LANG))
def test_every_tool_with_reader_text_takes_lang(memory: Session, tool: str) -> None:
    tools = {tool.name: tool for tool in memory.run(memory.client.list_tools).tools}
    lang = tools[tool].input_schema["properties"]["lang"]
    assert lang["default"] == "en" and "'fr'" in lang["description"] and "lang" not in tools[tool].input_schema.get(
        "required", [])
    arguments = next(arguments for name, arguments in CALLS if name == tool)
    refused = memory.call(tool, {**arguments, "lang": "klingon"})
    assert refused.is_error and "expected one of en, fr" in _text(refused)
    assert "lang" not in tools["find_person"].input_schema["properties"]


def test_a_bad_argument_in_french_is_a_tool_error_in_french(memory: Session) -> None:
    result = memory.call("assess", {"person": "Putin", "country": "Mongolai", "date": "2024-09-03", "lang": "fr-FR"})
    assert result.is_error and result.structured_content is not None
    assert result.structured_content["message"].startswith("pays inconnu 'Mongolai' : ")
    assert result.structured_content["suggestions"] == ["Mongolia"]  # for the model to pass back
    assert _text(result).splitlines()[-1] == "Correspondances proches : Mongolia"


def test_the_views_answer_as_the_library_does(memory: Session) -> None:
    change = memory.call("next_change", {"person": "Putin", "country": "Ukraine", "date": "2023-01-01"})
    assert change.structured_content is not None
    assert change.structured_content["answer"]["date"] == "2023-03-17"
    none = memory.call("next_change", {"person": "Putin", "country": "Armenia", "date": "2025-01-01"})
    assert none.structured_content is not None and none.structured_content["answer"] is None
    assert "cannot be foreseen" in _text(none)
    trip = memory.call(*CALLS[5])
    assert trip.structured_content is not None and trip.structured_content["answer"]["first_at_risk"] == 2
    nobody = memory.call("wanted_in", {"country": "Antarctica", "date": "2025-06-01"})
    assert nobody.structured_content is not None and nobody.structured_content["answer"] == []
    person = memory.call("find_person", {"name": "BASHIR Omar al"})
    assert person.structured_content is not None and person.structured_content["answer"]["id"] == "al-bashir"
    assert "(id: al-bashir;" in _text(person)


def test_today_only_when_asked_for(memory: Session) -> None:
    result = memory.call("assess", {"person": "Putin", "country": "Mongolia", "date": "today"})
    assert result.structured_content is not None
    assert result.structured_content["answer"]["date"] == datetime.date.today().isoformat()
    for leg in ({"country": "MNG"}, {"country": "MNG", "date": "2024-09-03", "start": "2024-09-01"}):
        trip = memory.call("check_itinerary", {"person": "Putin", "legs": [leg]})
        assert trip.is_error and "InputError" in _text(trip)


@pytest.mark.parametrize(("tool", "arguments"), [
    ("find_person", {"name": "Gaddafi"}), ("hosts", {"person": "Nobody Atall"}),
    ("world", {"person": "Putin", "date": "yesterday"}), ("timeline", {"person": "Putin", "country": "Atlantis"}),
    ("check_itinerary", {"person": "Putin", "legs": []}), ("check_itinerary", {"person": "Putin", "legs": "MNG"}),
    ("wanted_in", {"country": 7, "date": "2024-09-03"}), ("no_such_tool", {}),
])
def test_every_tool_refuses_bad_input_as_a_tool_error(memory: Session, tool: str, arguments: dict[str, Any]) -> None:
    result = memory.call(tool, arguments)
    assert result.is_error and _text(result)


def test_an_ambiguous_name_lists_the_candidates(memory: Session) -> None:
    result = memory.call("find_person", {"name": "Gaddafi"})
    assert result.structured_content is not None
    assert result.structured_content["candidates"] == ["muammar-gaddafi", "saif-gaddafi"]
    assert "Candidates (pass one of these ids): muammar-gaddafi, saif-gaddafi" in _text(result)


def test_the_resources(memory: Session) -> None:
    listed = memory.run(memory.client.list_resources).resources
    assert [str(resource.uri) for resource in listed] == list(RESOURCES)

    def read(uri: str) -> str:
        contents = memory.portal.call(memory.client.read_resource, uri).contents
        return str(contents[0].text)

    rules = json.loads(read("icc-rules://rules"))
    assert [rule["id"] for rule in rules] == [rule.id for rule in RULES]
    assert all(rule["legal_basis"] for rule in rules)
    verdicts = json.loads(read("icc-rules://verdicts"))
    assert [v["verdict"] for v in verdicts] == [v.value for v in Verdict]
    assert [v["can_travel"] for v in verdicts] == [v.can_travel for v in Verdict]
    dataset = json.loads(read("icc-rules://dataset"))
    assert dataset["version"] == shipped_data().info.version and dataset["counts"]["persons"] > 50
    assert "primary" in dataset["sources_policy"] and dataset["notice"].startswith("Legal research")
    assert '"icc-cpi.int" = { tier = "primary"' in read("icc-rules://dataset/sources")


# --- The command ------------------------------------------------------------------------------------------------------


def test_without_the_extra_the_command_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "mcp.server.mcpserver", None)
    errors = io.StringIO()
    monkeypatch.setattr(sys, "stderr", errors)
    assert main(["mcp"]) == EXIT_INPUT
    assert "icc-rules mcp needs the optional package mcp" in errors.getvalue() and "mcp" in errors.getvalue()


@pytest.mark.parametrize("port", ["0", "65536", "http"])
def test_a_bad_port_is_a_usage_error(port: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["mcp", "--http", port])
    assert stopped.value.code == 2 and "expected a port number" in capsys.readouterr().err


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_streamable_http_on_localhost() -> None:
    port = _free_port()
    command = [sys.executable, "-m", "icc_rules", "mcp", "--http", str(port)]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL) as server:
        try:
            deadline = time.monotonic() + 30
            while True:
                with socket.socket() as probe:
                    if probe.connect_ex(("127.0.0.1", port)) == 0:
                        break
                assert server.poll() is None and time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
            with _session(f"http://127.0.0.1:{port}/mcp") as session:
                result = session.call("assess", {"person": "Putin", "country": "Mongolia", "date": "2024-09-03"})
                assert result.structured_content is not None
                assert result.structured_content["answer"]["verdict"] == "duty_to_arrest"
        finally:
            server.terminate()
            server.wait(30)
