"""The page in a real browser: Debian's Chromium, driven by Selenium through Debian's chromedriver.

The first flow: open the page; type "Putin" and pick 2024-09-03; show the map; see Mongolia marked duty_to_arrest on the
map and in the legend's words; reach Mongolia with the keyboard and open it; see the verdict, the article and the
sources; check a trip; then, at phone width, see that nothing overflows. Throughout, the page must load nothing
from another origin and the browser must log no error (a Content-Security-Policy violation would be one). The others:
the first screen answers the seed question; a second question replaces the answer; a click on a country brings its
verdict line into view below the sticky header, on a desktop and on a phone (390 x 844), where the trip table fits;
the copy link carries the question; the visits and "who is wanted here" views with their sources; the whole page from
the keyboard; and axe-core's audit.

``.ci/run`` installs ``chromium`` and ``chromium-driver``, and axe-core with npm (its ``axe.min.js`` is found through
``AXE_CORE_JS``); without them these tests are skipped, except in CI.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver")
uvicorn = pytest.importorskip("uvicorn")

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import Select, WebDriverWait

from icc_rules.web.app import create_app

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"

if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    if os.environ.get("CI"):
        pytest.fail("CI must install chromium and chromium-driver (.ci/run does)", pytrace=False)
    pytest.skip("needs Debian's chromium and chromium-driver", allow_module_level=True)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """The application served by uvicorn on a free loopback port, in a thread of this process."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(), log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the server did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    profile = tempfile.mkdtemp(prefix="icc-rules-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
                     # no smooth scrolling: a click must land where the element is, not where it is going
                     "--force-prefers-reduced-motion", f"--user-data-dir={profile}", "--window-size=1280,1000"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def _wait(driver: WebDriver, script: str, timeout: float = 20) -> object:
    """Wait until the JavaScript expression ``script`` is truthy, and return its value."""
    return WebDriverWait(driver, timeout).until(lambda d: d.execute_script(f"return {script}"))


def test_find_putin_pick_a_day_open_mongolia_and_check_a_trip(server: str, browser: WebDriver) -> None:
    browser.get(server + "/")
    # The dataset's version and as-of date are on the page before anything is asked.
    assert browser.find_element(By.ID, "data-version").text and browser.find_element(By.ID, "data-as-of").text
    person = browser.find_element(By.ID, "person")
    person.clear()
    person.send_keys("Putin")
    assert "Vladimir Putin" in [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR,
                                                                                         "#person-names option")]
    date = browser.find_element(By.ID, "date")
    browser.execute_script("arguments[0].value = ''", date)
    date.send_keys("09032024")  # the date field, typed as an en-US reader would: month, day, year
    if date.get_attribute("value") != "2024-09-03":  # another locale's field order: pick the day directly
        browser.execute_script("arguments[0].value = '2024-09-03'", date)
    assert date.get_attribute("value") == "2024-09-03"
    browser.find_element(By.ID, "show").click()

    # The map: Mongolia carries the verdict, in words for assistive technology and in the legend.
    mongolia = 'document.querySelector(\'#map g[data-a2="MN"]\')'
    _wait(browser, f"{mongolia} && {mongolia}.dataset.verdict === 'duty_to_arrest'")
    assert browser.execute_script(f"return {mongolia}.getAttribute('aria-label')") == "Mongolia: must arrest"
    legend = browser.find_element(By.ID, "legend-list").text
    assert legend.index("in custody") < legend.index("must arrest") < legend.index("no warrant")
    assert "legal duty to arrest" in legend
    assert "2024-09-03" in browser.find_element(By.ID, "world-title").text

    # Reach Mongolia with the keyboard and open it.
    region = browser.find_element(By.CSS_SELECTOR, '#map g[data-a2="MN"]')
    browser.execute_script("arguments[0].focus()", region)
    assert "Mongolia: must arrest" in browser.find_element(By.ID, "map-label").text
    region.send_keys(Keys.ENTER)
    _wait(browser, "!document.getElementById('answer').hidden && "
                   "document.getElementById('answer-title').textContent.includes('Mongolia')")
    verdict = browser.find_element(By.ID, "answer-verdict").text
    assert "On 3 September 2024, Mongolia must arrest Vladimir Putin" in verdict and "duty_to_arrest" not in verdict
    reasons = browser.find_element(By.ID, "answer-reasons").text
    assert "duty.state_party" in reasons and "Rome Statute arts. 86 and 89(1)" in reasons
    sources = browser.find_elements(By.CSS_SELECTOR, "#answer-reasons a[href^='https://']")
    assert sources, "no source linked"
    assert browser.find_element(By.ID, "answer-json").get_attribute("href").startswith(server + "/v1/assess?")
    _wait(browser, "document.querySelector('#timeline-table tbody').rows.length > 0")
    assert "#person=putin&date=2024-09-03&country=MNG" in browser.current_url

    # A trip: Mongolia on that day is at risk.
    leg = browser.find_element(By.CSS_SELECTOR, "#legs li")
    leg.find_element(By.NAME, "country").send_keys("Mongolia", Keys.ESCAPE)
    browser.execute_script("arguments[0].value = '2024-09-03'", leg.find_element(By.NAME, "start"))
    browser.find_element(By.ID, "check-trip").send_keys(Keys.ENTER)  # a button, pressed from the keyboard
    _wait(browser, "!document.getElementById('trip-result').hidden")
    assert "AT RISK, first at leg 1 (Mongolia)" in browser.find_element(By.ID, "trip-summary").text

    # Nothing came from another origin, and the browser logged no error.
    loaded = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert loaded and all(str(url).startswith(server) for url in loaded), loaded
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors


VERDICT_IN_VIEW = """
const line = document.getElementById('answer-verdict').getBoundingClientRect();
const header = document.querySelector('header.top').getBoundingClientRect();
return line.height > 0 && line.top >= header.bottom - 1 && line.bottom <= window.innerHeight;
"""


def _answered(driver: WebDriver, country: str) -> None:
    _wait(driver, "!document.getElementById('answer').hidden && "
                  f"document.getElementById('answer-title').textContent.includes({json.dumps(country)})")


def _ask(driver: WebDriver, person: str, date: str) -> None:
    """Type a question into the form and send it."""
    field = driver.find_element(By.ID, "person")
    field.clear()
    field.send_keys(person)
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, "date"), date)
    driver.find_element(By.ID, "show").click()


def test_the_first_screen_answers_the_seed_question(server: str, browser: WebDriver) -> None:
    browser.get(server + "/")
    _answered(browser, "Mongolia")
    verdict = browser.find_element(By.ID, "answer-verdict")
    assert verdict.text.endswith("On 3 September 2024, Mongolia must arrest Vladimir Putin: an ICC arrest warrant is "
                                 "in force, and Mongolia has a legal duty to arrest and surrender.")
    assert browser.execute_script(VERDICT_IN_VIEW), "the seed answer is not on the first screen"
    how_sure = browser.find_element(By.ID, "answer-how-sure").text
    assert how_sure.startswith("How sure:") and "_" not in how_sure
    assert browser.find_element(By.ID, "copy-link").is_displayed()


def test_a_second_question_replaces_the_answer(server: str, browser: WebDriver) -> None:
    browser.get(server + "/#person=duterte&date=2025-03-10&country=PHL")
    _answered(browser, "on 2025-03-10")
    assert "2025" in browser.find_element(By.ID, "answer-verdict").text
    _ask(browser, "Rodrigo Duterte", "2025-06-01")  # the same person, later: in The Hague's custody
    _wait(browser, "document.querySelector('#map g[data-a2=\"PH\"]').dataset.verdict === 'in_custody'")
    _answered(browser, "on 2025-06-01")
    assert "in custody" in browser.find_element(By.ID, "answer-verdict").text
    for part in ("answer-title", "answer-verdict", "answer-how-sure", "next-change"):
        assert "2025-03-10" not in browser.find_element(By.ID, part).text and "10 March" not in browser.find_element(
            By.ID, part).text
    _ask(browser, "Benjamin Netanyahu", "2025-04-03")  # a new person: the old person's answer goes
    _wait(browser, "document.getElementById('world-title').textContent.includes('Netanyahu')")
    assert browser.find_element(By.ID, "answer").get_attribute("hidden") is not None
    assert "Duterte" not in browser.find_element(By.ID, "answer-title").text


@pytest.mark.parametrize("size", [(1280, 1000), (390, 844)], ids=["desktop", "phone"])
def test_a_click_on_a_country_brings_its_verdict_line_into_view(server: str, browser: WebDriver,
                                                                 size: tuple[int, int]) -> None:
    browser.set_window_size(*size)
    try:
        browser.get(server + "/#person=putin&date=2024-09-03")
        _wait(browser, "document.querySelector('#map g[data-a2=\"BR\"]').dataset.verdict")
        brazil = browser.find_element(By.CSS_SELECTOR, '#map g[data-a2="BR"]')
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", brazil)
        brazil.click()
        _answered(browser, "Brazil")
        _wait(browser, f"(() => {{ {VERDICT_IN_VIEW} }})()")
        assert browser.execute_script("return document.activeElement.id") == "answer-title"
    finally:
        browser.set_window_size(1280, 1000)


def test_the_page_fits_a_phone(server: str, browser: WebDriver) -> None:
    browser.set_window_size(390, 844)
    try:
        browser.get(server + "/#person=putin&date=2024-09-03&country=MNG")
        _answered(browser, "Mongolia")
        leg = browser.find_element(By.CSS_SELECTOR, "#legs li")
        leg.find_element(By.NAME, "country").send_keys("Mongolia", Keys.ESCAPE)
        browser.execute_script("arguments[0].value = '2024-09-02'", leg.find_element(By.NAME, "start"))
        browser.execute_script("arguments[0].value = '2024-09-03'", leg.find_element(By.NAME, "end"))
        browser.find_element(By.ID, "check-trip").send_keys(Keys.ENTER)
        _wait(browser, "!document.getElementById('trip-result').hidden")
        _wait(browser, "document.querySelectorAll('#visits-table tbody tr').length > 0")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        viewport = browser.execute_script("return window.innerWidth")
        assert width <= viewport, f"the page is {width}px wide in a {viewport}px window"
        assert browser.find_element(By.ID, "dataset").is_displayed()
        for table in ("trip-table", "timeline-table", "visits-table"):
            right = browser.execute_script(f"return document.getElementById('{table}').getBoundingClientRect().right")
            assert right <= viewport, f"{table} ends at {right}px in a {viewport}px window"
        # Every date is on one line: a date's box is one line high.
        heights = browser.execute_script(
            "return [...document.querySelectorAll('#trip-table time, #visits-table time, #timeline-table time')]"
            ".map(t => [t.textContent, t.getClientRects().length, getComputedStyle(t).whiteSpace])")
        assert heights and all(rects == 1 and space == "nowrap" for _, rects, space in heights), heights
        assert "AT RISK" in browser.find_element(By.ID, "trip-table").text
    finally:
        browser.set_window_size(1280, 1000)


def test_the_copy_link_carries_the_question(server: str, browser: WebDriver) -> None:
    browser.get(server + "/#person=putin&date=2024-09-03&country=MNG")
    _answered(browser, "Mongolia")
    _ask(browser, "Netanyahu", "2025-04-03")
    _wait(browser, "document.getElementById('world-title').textContent.includes('Netanyahu')")
    hungary = browser.find_element(By.CSS_SELECTOR, '#map g[data-a2="HU"]')
    browser.execute_script("arguments[0].focus()", hungary)
    hungary.send_keys(Keys.ENTER)
    _answered(browser, "Hungary")
    browser.find_element(By.ID, "copy-link").click()
    _wait(browser, "document.getElementById('copied-link')")
    link = browser.find_element(By.ID, "copied-link").get_attribute("href")
    assert link.endswith("/#person=netanyahu&date=2025-04-03&country=HUN"), link
    browser.get("about:blank")
    browser.get(link)  # a reader opening the link gets the same answer
    _answered(browser, "Hungary")
    assert browser.find_element(By.ID, "answer-title").text == "Benjamin Netanyahu in Hungary on 2025-04-03"
    assert "must arrest" in browser.find_element(By.ID, "answer-verdict").text


def test_visits_and_who_is_wanted_here_with_their_sources(server: str, browser: WebDriver) -> None:
    browser.get(server + "/#person=putin&date=2024-09-03&country=MNG")
    _answered(browser, "Mongolia")
    _wait(browser, "document.querySelectorAll('#visits-table tbody tr').length > 0")
    rows = browser.find_elements(By.CSS_SELECTOR, "#visits-table tbody tr")
    mongolia = next(row for row in rows if "Mongolia" in row.text)
    assert "came and was not arrested" in mongolia.text and "not_arrested" not in mongolia.text
    assert all(row.find_elements(By.CSS_SELECTOR, "a[href^='http']") for row in rows), "a visit has no source"
    findings = browser.find_element(By.ID, "findings").text
    assert "Mongolia" in findings and "Pre-Trial Chamber II" in findings
    assert all(item.find_elements(By.CSS_SELECTOR, "a[href^='https://']")
               for item in browser.find_elements(By.CSS_SELECTOR, "#findings li"))
    wanted = browser.find_element(By.ID, "wanted-list").text
    assert "Vladimir Putin" in wanted and "Joseph Kony" in wanted
    assert "Mongolia on 2024-09-03" in browser.find_element(By.ID, "wanted-title").text
    # Every fact shows its best two sources, the rest on demand.
    fact_lists = browser.find_elements(By.CSS_SELECTOR, "#answer-reasons .facts > li")
    assert fact_lists and all(len(f.find_elements(By.CSS_SELECTOR, ":scope > .sources > li, :scope > div > "
                                                  ".sources > li")) <= 2 for f in fact_lists)
    more = browser.find_element(By.CSS_SELECTOR, "#answer-reasons details.all-sources")
    more.find_element(By.TAG_NAME, "summary").click()
    assert more.find_elements(By.CSS_SELECTOR, "a[href^='https://']")[0].is_displayed()


def test_a_problem_speaks_to_the_reader(server: str, browser: WebDriver) -> None:
    browser.get(server + "/#person=putin&date=2024-09-03")
    _wait(browser, "!document.getElementById('world').hidden")
    _ask(browser, "Puttin", "2024-09-03")
    _wait(browser, "!document.getElementById('ask-error').hidden")
    error = browser.find_element(By.ID, "ask-error").text
    assert "is not a person in this dataset" in error and "icc-rules" not in error and "`" not in error
    browser.find_element(By.CSS_SELECTOR, "#ask-error button").click()  # the suggestion
    _wait(browser, "document.getElementById('world-title').textContent.includes('Vladimir Putin')")


def test_everything_works_from_the_keyboard(server: str, browser: WebDriver) -> None:
    browser.get(server + "/#person=putin&date=2024-09-03")
    _wait(browser, "!document.getElementById('world').hidden")
    person = browser.find_element(By.ID, "person")
    person.click()
    person.send_keys(Keys.CONTROL, "a")
    person.send_keys("Omar al-Bashir", Keys.TAB)
    browser.switch_to.active_element.send_keys("06142015" if browser.execute_script(
        "return navigator.language") == "en-US" else "", Keys.ENTER)
    _wait(browser, "document.getElementById('world-title').textContent.includes('al-Bashir')")
    assert "2015-06-14" in browser.find_element(By.ID, "world-title").text
    # Tab from the form to the map's countries, and open the first one reached with Enter.
    for _ in range(40):
        browser.switch_to.active_element.send_keys(Keys.TAB)
        if browser.execute_script("return document.activeElement.matches('#map g[data-a2]')"):
            break
    else:
        raise AssertionError("Tab never reached a country on the map")
    name = browser.execute_script("return document.activeElement.getAttribute('aria-label').split(':')[0]")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    _answered(browser, name)
    assert browser.execute_script("return document.activeElement.id") == "answer-title"
    # The copy link, the lists' country buttons and a details summary, each from the keyboard.
    browser.execute_script("document.getElementById('copy-link').focus()")
    browser.switch_to.active_element.send_keys(Keys.ENTER)
    _wait(browser, "document.getElementById('copied-link')")
    summary = browser.find_element(By.CSS_SELECTOR, "#by-verdict details summary")
    browser.execute_script("arguments[0].focus()", summary)
    summary.send_keys(Keys.ENTER)
    button = browser.find_element(By.CSS_SELECTOR, "#by-verdict details[open] button")
    browser.execute_script("arguments[0].focus()", button)
    target = button.get_attribute("data-country")
    button.send_keys(Keys.SPACE)
    _wait(browser, f"document.getElementById('answer-title').textContent.includes({json.dumps(button.text.split(' (')[0])})")
    assert target in browser.current_url


def _axe_source() -> str:
    path = os.environ.get("AXE_CORE_JS", "")
    if not path or not Path(path).is_file():
        reason = ("axe-core's axe.min.js not found: set AXE_CORE_JS to it (npm install axe-core into a scratch "
                  "folder; .ci/run does)")
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    return Path(path).read_text(encoding="utf-8")


@pytest.mark.parametrize("size", [(1280, 1000), (390, 844)], ids=["desktop", "phone"])
def test_axe_core_finds_no_serious_violation(server: str, browser: WebDriver, size: tuple[int, int]) -> None:
    axe = _axe_source()
    browser.set_window_size(*size)
    try:
        browser.get(server + "/#person=putin&date=2024-09-03&country=MNG")
        _answered(browser, "Mongolia")
        _wait(browser, "document.querySelectorAll('#visits-table tbody tr').length > 0 && "
                       "!document.getElementById('wanted').hidden")
        browser.find_element(By.ID, "copy-link").send_keys(Keys.ENTER)
        _wait(browser, "document.getElementById('copied-link')")
        browser.execute_script(axe)  # injected by the test, through the driver: the page itself never loads it
        found = browser.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "axe.run(document).then((r) => done(r.violations.map((v) => ({id: v.id, impact: v.impact, "
            "help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5)}))))")
        serious = [v for v in found if v["impact"] in ("serious", "critical")]
        assert not serious, json.dumps(serious, indent=1)
    finally:
        browser.set_window_size(1280, 1000)


def test_the_language_switch_keeps_the_question(server: str, browser: WebDriver) -> None:
    """From the keyboard: the switch is a link to the same question in French; the answer is the Court's French."""
    browser.get_log("browser")  # what earlier tests left in the log is theirs
    browser.get(server + "/#person=putin&date=2024-09-03&country=MNG")
    _answered(browser, "Mongolia")
    french = browser.find_element(By.CSS_SELECTOR, '#languages a[hreflang="fr"]')
    assert french.get_attribute("href").endswith("?lang=fr#person=putin&date=2024-09-03&country=MNG")
    browser.execute_script("arguments[0].focus()", french)
    french.send_keys(Keys.ENTER)
    _answered(browser, "Mongolie")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    assert browser.find_element(By.ID, "ask-title").text == "Où peuvent-ils se rendre ?"
    assert browser.find_element(By.ID, "answer-verdict").text.endswith(
        "Le 3 septembre 2024, cet État (Mongolie) doit arrêter Vladimir Putin : un mandat d’arrêt de la CPI est en "
        "vigueur, et il a l’obligation juridique d’arrêter et de remettre la personne.")
    reasons = browser.find_element(By.ID, "answer-reasons").text
    assert "Le Statut de Rome lie la Mongolie" in reasons and "Fondement juridique : Statut de Rome, art. 86 et 89-1" \
        in reasons
    mongolia = 'document.querySelector(\'#map g[data-a2="MN"]\')'
    assert browser.execute_script(f"return {mongolia}.getAttribute('aria-label')") == "Mongolie : doit arrêter"
    # the copied link keeps the language, and the English switch the question
    browser.find_element(By.ID, "copy-link").click()
    _wait(browser, "document.getElementById('copied-link')")
    assert "?lang=fr#person=putin&date=2024-09-03&country=MNG" in browser.find_element(By.ID, "copied-link").text
    english = browser.find_element(By.CSS_SELECTOR, '#languages a[hreflang="en"]')
    assert english.get_attribute("href").endswith("?lang=en#person=putin&date=2024-09-03&country=MNG")
    assert browser.find_element(By.CSS_SELECTOR, '#languages a[aria-current="true"]').get_attribute("hreflang") == "fr"
    # a trip flying over Mongolia: its note in French, from the API asked in the page's language
    leg = browser.find_element(By.CSS_SELECTOR, "#legs li")
    leg.find_element(By.NAME, "country").send_keys("Mongolie", Keys.ESCAPE)
    browser.execute_script("arguments[0].value = '2024-09-03'", leg.find_element(By.NAME, "start"))
    Select(leg.find_element(By.NAME, "kind")).select_by_value("overflight")
    browser.find_element(By.ID, "check-trip").send_keys(Keys.ENTER)
    _wait(browser, "!document.getElementById('trip-result').hidden")
    note = browser.find_element(By.CSS_SELECTOR, "#trip-notes li")
    assert note.text.startswith("1. Mongolie : Vladimir Putin ne ferait que survoler la Mongolie")
    assert note.get_attribute("lang") in (None, "")  # the page's language, not marked as English
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not errors, errors
