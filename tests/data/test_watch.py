"""``icc-rules data watch``: a saved feed in the Court's format gives a review queue (new and recorded items, the
kind of each); an empty, malformed, hostile, unreachable or silent feed is one line and exit 7, within the timeout;
the data is never edited. Offline: the only addresses used are on 127.0.0.1."""

from __future__ import annotations

import http.server
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from icc_rules.cli import EXIT_FEED, EXIT_OK, EXIT_USAGE, main
from icc_rules.data import shipped
from icc_rules.data.feed import read_feed
from icc_rules.data.loading import DATA_DIR
from icc_rules.errors import DataError, FeedError
from icc_rules.views.watch import KINDS, Reviewed, kind_of, review

FEEDS = Path(__file__).parents[1] / "feeds"
SAMPLE = FEEDS / "court_sample.xml"


def _queue() -> dict[str, Reviewed]:
    return {item.title: item for item in review(read_feed(str(SAMPLE), 5), "sample", shipped()).items}


def _matches(item: Reviewed) -> list[tuple[str, str]]:
    return [(match.record, match.by) for match in item.matches]


def _titled(queue: dict[str, Reviewed], words: str) -> Reviewed:
    return next(item for title, item in queue.items() if words in title)


def test_recorded_items_name_the_records_they_match() -> None:
    queue = _queue()
    warrant = _titled(queue, "ICC judges issue arrest warrants")
    assert warrant.status == "recorded" and warrant.kind == "warrant"
    assert _matches(warrant) == [("person putin: warrant putin-2023", "warrant issued 2023-03-17"),
                                 ("person lvova-belova: warrant lvova-belova-2023", "warrant issued 2023-03-17")]
    finding = _titled(queue, "Mongolia failed")
    assert finding.kind == "finding" and _matches(finding) == [("finding mng-2024-10-24", "finding 2024-10-24")]
    custody = _titled(queue, "Rodrigo Duterte in ICC custody")
    assert custody.kind == "arrest" and ("person duterte", "source address") in _matches(custody)
    cooperation = _titled(queue, "Democratic Republic")
    assert ("finding cod-2014-04-09", "document ICC-02/05-01/09-195-Red") in _matches(cooperation)
    armenia = _titled(queue, "Armenia deposits")
    assert armenia.kind == "treaty" and _matches(armenia) == [("state ARM", "deposited 2023-11-14")]


def test_new_items_are_what_the_data_does_not_record() -> None:
    new = {title: item for title, item in _queue().items() if item.status == "new"}
    assert {title.split(" ")[0] for title in new} == {"Pre-Trial", "Exampleland", "Trial", "Statement"}
    kony = _titled(new, "Kony")
    assert kony.kind == "trial" and kony.persons == ("kony",) and kony.matches == ()
    assert _titled(new, "Statement").kind == "other" and _titled(new, "Statement").published is None


def test_a_bare_situation_number_matches_no_record() -> None:
    warrant = _titled(_queue(), "ICC judges issue arrest warrants")
    assert warrant.documents == ("ICC-01/22",)
    assert all(not by.startswith("document") for _, by in _matches(warrant))


def test_the_kinds_are_data_and_tried_in_order() -> None:
    assert [kind.name for kind in KINDS] == ["finding", "warrant", "arrest", "treaty", "trial"]
    assert getattr(kind_of("ICC Pre-Trial Chamber unseals an arrest warrant", ""), "name", None) == "warrant"
    assert getattr(kind_of("A statement", "The Appeals Chamber confirmed the decision"), "name", None) == "trial"


def test_the_cli_prints_the_queue_as_text_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "watch", "--feed", str(SAMPLE)]) == EXIT_OK
    text = capsys.readouterr().out
    assert text.startswith(f"9 item(s) in {SAMPLE}: 4 new, 5 recorded")
    assert "NEW      2026-10-01  warrant  Pre-Trial Chamber issues a warrant of arrest against Jane Example" in text
    assert main(["data", "watch", "--feed", str(SAMPLE), "--json"]) == EXIT_OK
    found = json.loads(capsys.readouterr().out)
    assert found["feed"] == str(SAMPLE) and len(found["items"]) == 9
    assert [item["published"] for item in found["items"]][:2] == ["2026-11-10", "2026-10-05"]  # newest first


def _fails(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    started = time.monotonic()
    assert main(["data", "watch", *args]) == EXIT_FEED
    elapsed = time.monotonic() - started
    err = capsys.readouterr().err
    assert err.startswith("icc-rules: error: ") and err.count("\n") == 1, err
    assert elapsed < 15
    return err


@pytest.mark.parametrize(("name", "message"), [
    ("empty.xml", "the feed has no items"),
    ("malformed.xml", "not well-formed XML (mismatched tag, line 8)"),
    ("entities.xml", "refused: the feed declares a document type (DTD)"),
])
def test_a_bad_feed_is_one_line_and_exit_7(capsys: pytest.CaptureFixture[str], name: str, message: str) -> None:
    assert message in _fails(capsys, "--feed", str(FEEDS / name))


def test_a_file_of_nothing_or_of_something_else_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path
                                                           ) -> None:
    (tmp_path / "zero.xml").write_bytes(b"")
    assert "the feed is empty" in _fails(capsys, "--feed", str(tmp_path / "zero.xml"))
    (tmp_path / "atom.xml").write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>')
    assert "not an RSS 2.0 feed" in _fails(capsys, "--feed", str(tmp_path / "atom.xml"))
    assert "cannot read the feed (No such file or directory)" in _fails(capsys, "--feed", str(tmp_path / "none.xml"))


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port  # closed again: nothing listens there


def test_an_unreachable_feed_is_one_line_and_exit_7(capsys: pytest.CaptureFixture[str]) -> None:
    err = _fails(capsys, "--feed", f"http://127.0.0.1:{_closed_port()}/rss.xml", "--timeout", "3")
    assert "cannot reach the feed" in err


def test_a_silent_server_is_given_up_on_after_the_timeout(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as server:  # accepts connections (the kernel does) and never answers
        server.bind(("127.0.0.1", 0))
        server.listen(4)
        started = time.monotonic()
        err = _fails(capsys, "--feed", f"http://127.0.0.1:{server.getsockname()[1]}/rss.xml", "--timeout", "0.5")
        assert time.monotonic() - started < 5
    assert "within 0.5 seconds" in err or "timed out" in err


@pytest.fixture
def served() -> Iterator[str]:
    """The sample feed, served over HTTP on 127.0.0.1 (and a 404 beside it)."""
    body = SAMPLE.read_bytes()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path != "/rss.xml":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *_: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_feed_is_read_over_http(served: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "watch", "--feed", f"{served}/rss.xml", "--timeout", "5"]) == EXIT_OK
    assert "4 new, 5 recorded" in capsys.readouterr().out
    assert "the server answered HTTP 404" in _fails(capsys, "--feed", f"{served}/missing.xml")


@pytest.mark.parametrize("timeout", ["0", "601", "soon"])
def test_the_timeout_is_checked(capsys: pytest.CaptureFixture[str], timeout: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["data", "watch", "--timeout", timeout])
    assert exit_.value.code == EXIT_USAGE
    assert "expected a number of seconds above 0 and at most 600" in capsys.readouterr().err


def test_feed_errors_are_data_errors() -> None:
    assert issubclass(FeedError, DataError)


def test_the_data_is_never_edited(capsys: pytest.CaptureFixture[str]) -> None:
    before = {path: (path.stat().st_mtime_ns, path.stat().st_size) for path in DATA_DIR.rglob("*")}
    assert main(["data", "watch", "--feed", str(SAMPLE), "--json"]) == EXIT_OK
    capsys.readouterr()
    assert {path: (path.stat().st_mtime_ns, path.stat().st_size) for path in DATA_DIR.rglob("*")} == before
