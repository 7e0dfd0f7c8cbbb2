"""Drive the web channel in a real Chromium (Selenium + chromedriver, Debian's `chromium` and
`chromium-driver`): the browser tests and `python -m backend web-screenshots` both use it.

A person's way through the pages: type each answer into its control, search the catalogue for
scope items (as one must without JavaScript), press Save and continue; the page's own URL says
which page it is, so the walk follows whatever order the definitions give.
"""

from __future__ import annotations

import base64
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import forms
from backend.web.typing_sample import answers_for_page  # noqa: F401 - callers use it from here

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
PHONE = (390, 844)
DESKTOP = (1280, 900)


def browser_missing() -> str | None:
    """Why the browser cannot run here, or None."""
    for path in (CHROMIUM, CHROMEDRIVER):
        if not Path(path).exists() and shutil.which(Path(path).name) is None:
            return f"{path} is not installed (Debian packages chromium and chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (the project's dev extra)"
    return None


@contextmanager
def live_server(data_dir: Path) -> Iterator[str]:
    """The app on SQLite in `data_dir`, served by uvicorn on a free loopback port."""
    import uvicorn

    from backend.app import create_app
    from backend.settings import Settings

    app = create_app(Settings(data_dir=data_dir, database_url=f"sqlite:///{data_dir / 'w.db'}"))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
        app.state.backend.engine.dispose()


@contextmanager
def chromium(size: tuple[int, int]) -> Iterator[object]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--lang=zh-CN", f"--window-size={size[0]},{size[1]}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options,
                              service=Service(shutil.which("chromedriver") or CHROMEDRIVER))
    try:
        # The viewport itself, not the outer window, is what a 390 x 844 phone shows.
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": size[0], "height": size[1], "deviceScaleFactor": 1,
            "mobile": size[0] < 600})
        yield driver
    finally:
        driver.quit()


def click_and_wait(driver: object, element: object) -> None:
    """Click something that loads a page and wait until the old page is gone (a click returns
    before the navigation it starts has finished)."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    element.click()
    WebDriverWait(driver, 20).until(expected_conditions.staleness_of(old))
    WebDriverWait(driver, 20).until(
        lambda d: d.execute_script("return document.readyState") == "complete"
    )


def page_id(driver: object) -> str:
    return driver.current_url.split("?")[0].split("#")[0].rstrip("/").rsplit("/", 1)[1]


def fill(driver: object, pairs: list[tuple[str, str]]) -> None:
    """Type each (name, value) into the page as a person would."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    by_id = forms.definitions.current().catalogue.by_id
    for name, value in pairs:
        elements = driver.find_elements(By.NAME, name)
        boxes = [el for el in elements if el.get_attribute("type") in ("checkbox", "radio")]
        if name == "scope" or (name.endswith(".scope") and not boxes):
            _choose_scope(driver, name, value, by_id[value].text)
            continue
        if not elements and "[" in name:
            _more_rows(driver, name)
            elements = driver.find_elements(By.NAME, name)
        if not elements:
            raise LookupError(f"no control named {name!r} on page {page_id(driver)!r}")
        if boxes:
            box = next(el for el in boxes if el.get_attribute("value") == value)
            if not box.is_selected():
                box.click()
        elif elements[0].tag_name == "select":
            Select(elements[0]).select_by_value(value)
        else:
            elements[0].clear()
            elements[0].send_keys(value)


def _choose_scope(driver: object, name: str, item_id: str, text: str) -> None:
    from selenium.webdriver.common.by import By

    def box():
        found = [el for el in driver.find_elements(By.NAME, name)
                 if el.get_attribute("value") == item_id]
        return found[0] if found else None

    if box() is None:
        search = driver.find_element(By.NAME, "_search")
        search.clear()
        search.send_keys(text)
        click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "button[value=search]"))
    found = box()
    if not found.is_selected():
        found.click()


def _more_rows(driver: object, name: str) -> None:
    from selenium.webdriver.common.by import By

    field_path = name.split("[", 1)[0]
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f'button[value="more:{field_path}"]'))


def press_continue(driver: object) -> None:
    from selenium.webdriver.common.by import By

    click_and_wait(
        driver,
        driver.find_element(By.CSS_SELECTOR, "button[value=next], form[action$=submit] button"),
    )


def start(driver: object, base: str, service_id: str, lang: str = "zh") -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{base}/apply/?lang={lang}")
    click_and_wait(driver, driver.find_element(
        By.XPATH, f"//input[@name='service' and @value='{service_id}']/../button"
    ))


def walk_to_check(driver: object, app: forms.Application, on_page=None) -> None:
    """From the first question page to the check page, calling on_page(driver) on each."""
    for _ in range(20):
        current = page_id(driver)
        if on_page is not None:
            on_page(driver)
        if current == "check":
            return
        fill(driver, answers_for_page(app, current))
        press_continue(driver)
    raise AssertionError("never reached the check page")


def screenshot(driver: object, path: Path) -> None:
    """The whole page, not only the viewport (Chrome DevTools Page.captureScreenshot)."""
    shot = driver.execute_cdp_cmd("Page.captureScreenshot",
                                  {"format": "png", "captureBeyondViewport": True})
    path.write_bytes(base64.b64decode(shot["data"]))
