"""The page in a real browser: Debian's Chromium, driven by Selenium through Debian's chromedriver.

The steps: open the page; type "Putin" and pick 2024-09-03; show the map; see Mongolia marked duty_to_arrest on the
map and in the legend's words; reach Mongolia with the keyboard and open it; see the verdict, the article and the
sources; check a trip; then, at phone width, see that nothing overflows. Throughout, the page must load nothing
from another origin and the browser must log no error (a Content-Security-Policy violation would be one).

``.ci/run`` installs ``chromium`` and ``chromium-driver``; without them this test is skipped, except in CI.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from collections.abc import Iterator

import pytest

webdriver = pytest.importorskip("selenium.webdriver")
uvicorn = pytest.importorskip("uvicorn")

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

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
                     f"--user-data-dir={profile}", "--window-size=1280,1000"):
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
    person.send_keys("Putin")
    assert "Vladimir Putin" in [o.get_attribute("value") for o in browser.find_elements(By.CSS_SELECTOR,
                                                                                         "#person-names option")]
    date = browser.find_element(By.ID, "date")
    date.send_keys("09032024")  # the date field, typed as an en-US reader would: month, day, year
    if date.get_attribute("value") != "2024-09-03":  # another locale's field order: pick the day directly
        browser.execute_script("arguments[0].value = '2024-09-03'", date)
    assert date.get_attribute("value") == "2024-09-03"
    browser.find_element(By.ID, "show").click()

    # The map: Mongolia carries the verdict, in words for assistive technology and in the legend.
    mongolia = 'document.querySelector(\'#map g[data-a2="MN"]\')'
    _wait(browser, f"{mongolia} && {mongolia}.dataset.verdict === 'duty_to_arrest'")
    assert browser.execute_script(f"return {mongolia}.getAttribute('aria-label')") == "Mongolia: duty to arrest"
    legend = browser.find_element(By.ID, "legend-list").text
    assert legend.index("in custody") < legend.index("duty to arrest") < legend.index("no warrant")
    assert "legal duty to arrest" in legend
    assert "2024-09-03" in browser.find_element(By.ID, "world-title").text

    # Reach Mongolia with the keyboard and open it.
    region = browser.find_element(By.CSS_SELECTOR, '#map g[data-a2="MN"]')
    browser.execute_script("arguments[0].focus()", region)
    assert "Mongolia: duty to arrest" in browser.find_element(By.ID, "map-label").text
    region.send_keys(Keys.ENTER)
    _wait(browser, "!document.getElementById('answer').hidden && "
                   "document.getElementById('answer-title').textContent.includes('Mongolia')")
    verdict = browser.find_element(By.ID, "answer-verdict").text
    assert "duty to arrest" in verdict and "Cannot travel" in verdict
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


def test_the_page_fits_a_phone(server: str, browser: WebDriver) -> None:
    browser.set_window_size(375, 800)
    try:
        browser.get(server + "/#person=putin&date=2024-09-03")
        _wait(browser, "document.querySelector('#map g[data-a2=\"MN\"]').dataset.verdict")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        viewport = browser.execute_script("return window.innerWidth")
        assert width <= viewport, f"the page is {width}px wide in a {viewport}px window"
        assert browser.find_element(By.ID, "dataset").is_displayed()
    finally:
        browser.set_window_size(1280, 1000)
