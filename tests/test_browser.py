"""The web UI in a real Chromium (Debian's package) driven by Selenium, against a real uvicorn on loopback.

Skipped, with the reason, where chromium or chromedriver is not installed
(``apt-get install -y chromium chromium-driver``). Screenshots go to ``artifacts/`` (git-ignored).
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsfold.api import create_app
from newsfold.settings import Settings
from test_api import build_store

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from newsfold.settings import load_settings

    settings: Settings = load_settings(environ={}, config_file=None)
    store = build_store(tmp_path_factory.mktemp("browser") / "b.db")
    port = _free_port()
    config = uvicorn.Config(create_app(settings, store), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(5)
    store.close()


@pytest.fixture(scope="module")
def driver() -> Iterator[Any]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    chromedriver = shutil.which("chromedriver")
    if not chromium or not chromedriver:
        pytest.skip("chromium/chromedriver not installed (apt-get install -y chromium chromium-driver)")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")
    os.environ.setdefault("SE_AVOID_STATS", "true")
    opts = webdriver.ChromeOptions()
    opts.binary_location = chromium
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--window-size=1100,1400",
    ):
        opts.add_argument(flag)
    drv = webdriver.Chrome(service=Service(chromedriver), options=opts)
    drv.set_page_load_timeout(20)
    yield drv
    drv.quit()


def _shot(driver: Any, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    height = driver.execute_script("return document.documentElement.scrollHeight")
    width = driver.execute_script("return window.innerWidth")
    driver.set_window_size(max(width, 400), min(max(height, 600), 4000))
    assert driver.save_screenshot(str(path))
    return path


def test_story_page_renders_timeline_and_matrix(server: str, driver: Any) -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{server}/stories/s1")
    assert driver.find_element(By.CSS_SELECTOR, "h1").text == "Security guarantee talks"
    dots = driver.find_elements(By.CSS_SELECTOR, ".axis .axis-dot")
    assert len(dots) == 4
    lefts = [d.location["x"] for d in dots]
    assert lefts == sorted(lefts) and lefts[-1] - lefts[0] > 300  # really laid out along an axis
    assert len(driver.find_elements(By.CSS_SELECTOR, "ol.timeline li")) == 4
    rows = driver.find_elements(By.CSS_SELECTOR, "table.matrix tbody tr")
    assert len(rows) == 3
    assert driver.find_elements(By.CSS_SELECTOR, "td.cell.only_here")
    assert driver.find_elements(By.CSS_SELECTOR, "td.cell.left_out")
    assert _shot(driver, "story_page.png").stat().st_size > 10_000


def test_citation_marker_leads_to_its_article(server: str, driver: Any) -> None:
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    driver.set_window_size(1100, 1400)
    driver.get(f"{server}/stories/s1")
    marker = driver.find_element(By.CSS_SELECTOR, "#summary a.cite[data-key='a2']")
    marker.click()
    # Chromium may answer a look-up of the leaving page's node with a generic error rather than a stale reference
    WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,)).until(staleness_of(marker))
    assert driver.current_url.endswith("/articles/a2")
    assert driver.find_element(By.CSS_SELECTOR, "h1").text == "NATO answers proposals"
    assert "NATO sent written answers" in driver.find_element(By.CSS_SELECTOR, ".body").text


def test_search_works_and_marks_new_stories(server: str, driver: Any) -> None:
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.expected_conditions import staleness_of
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{server}/")
    driver.execute_script("localStorage.setItem('newsfold.lastVisit', '2000-01-01T00:00:00Z')")
    driver.get(f"{server}/")
    assert driver.find_element(By.TAG_NAME, "body").get_attribute("data-new-count") == "2"
    _shot(driver, "story_list.png")
    box = driver.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
    box.send_keys("coach")
    box.submit()
    # submit() returns before the results page has replaced this one: wait for the old page to go. While it goes,
    # Chromium may answer a look-up of the old node with a generic error rather than a stale reference: poll on.
    wait = WebDriverWait(driver, 10, ignored_exceptions=(WebDriverException,))
    wait.until(staleness_of(box))
    wait.until(lambda d: "q=coach" in d.current_url)
    titles = [a.text for a in driver.find_elements(By.CSS_SELECTOR, ".card-title")]
    assert len(titles) == 1 and titles[0].startswith("Coach fired <script>")  # shown as text
    driver.get(f"{server}/")  # the visit was remembered: nothing is new now
    assert driver.find_element(By.TAG_NAME, "body").get_attribute("data-new-count") == "0"


def test_phone_width_has_no_horizontal_scroll(server: str, driver: Any) -> None:
    driver.set_window_size(390, 900)
    driver.get(f"{server}/stories/s1")
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 1
    _shot(driver, "story_page_phone.png")
    driver.set_window_size(1100, 1400)
