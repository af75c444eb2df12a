"""Take the screenshots of the web page shown in the docs: ``python docs/make_screenshot.py``.

Needs the web extra, selenium, and Debian's ``chromium`` and ``chromium-driver`` (``pip install ".[test]"``;
``apt-get install chromium chromium-driver``). Serves the page on a free loopback port, opens its first screen in
headless Chromium (the seed question: Vladimir Putin in Mongolia on 3 September 2024, the day of his visit), and
writes ``docs/img/web-page.png`` (a desktop window, 1280 pixels wide) and ``docs/img/web-page-phone.png`` (a phone,
390 pixels wide), used by ``docs/serving.md``. Run it again
after a change to the page or the data, and commit the pictures it rewrites.
"""

from __future__ import annotations

import shutil
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

IMAGES = Path(__file__).parent / "img"
ADDRESS = "/"  # the first screen a reader sees: the page opens on its seed question
SHOTS = (("web-page.png", 1280, 1400), ("web-page-phone.png", 390, 1600))


def main() -> None:
    """Serve the page, take each screenshot and say where it went."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's code and data
    import uvicorn
    from selenium import webdriver
    from selenium.webdriver.support.ui import WebDriverWait

    from icc_rules.web.app import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(), log_level="warning", access_log=False))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    profile = tempfile.mkdtemp(prefix="icc-rules-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-US",
                     "--hide-scrollbars", "--force-prefers-reduced-motion", f"--user-data-dir={profile}"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=webdriver.ChromeService("/usr/bin/chromedriver"))
    try:
        for name, width, height in SHOTS:
            driver.set_window_size(width, height)
            driver.get(f"http://127.0.0.1:{sock.getsockname()[1]}{ADDRESS}")
            WebDriverWait(driver, 30).until(lambda d: d.execute_script(
                "return !document.getElementById('answer').hidden && !document.getElementById('visits').hidden"))
            driver.execute_script("window.scrollTo(0, 0); document.activeElement.blur()")
            time.sleep(0.3)
            path = IMAGES / name
            path.write_bytes(driver.get_screenshot_as_png())
            print(f"wrote {path}")
    finally:
        driver.quit()
        server.should_exit = True
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main()
