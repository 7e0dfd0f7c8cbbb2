"""`python -m backend web-screenshots --out DIR`: PNGs of every web page on a 390 x 844 phone
(one service with an add-on, in Chinese and English, plus an error summary) and of the district
page at 1280 x 900, from a throw-away server with a few applications in it, so the pages can be
looked at without setting anything up. Needs chromium, chromium-driver and selenium."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import forms
from backend.web import browser


def take(out: Path) -> list[Path]:
    missing = browser.browser_missing()
    if missing:
        raise RuntimeError(missing)
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as folder, browser.live_server(Path(folder)) as base:
        for lang in ("zh", "en"):
            app = forms.samples.valid_application("individual_business", addons=("food_business",))
            saved += _journey(base, app, lang, out)
        saved += _district(base, Path(folder), out)
    return saved


def _journey(base: str, app: forms.Application, lang: str, out: Path) -> list[Path]:
    saved: list[Path] = []
    number = [0]

    def shot(driver, name: str) -> None:
        number[0] += 1
        path = out / f"web-phone-{lang}-{number[0]:02d}-{name}.png"
        browser.screenshot(driver, path)
        saved.append(path)

    with browser.chromium(browser.PHONE) as driver:
        driver.get(f"{base}/apply/?lang={lang}")
        shot(driver, "services")
        browser.start(driver, base, app.service, lang)
        browser.press_continue(driver)  # nothing typed: the error summary
        shot(driver, "error-summary")
        browser.walk_to_check(driver, app, lambda d: shot(d, browser.page_id(d)))
        browser.press_continue(driver)
        shot(driver, "done")
    return saved


def _district(base: str, folder: Path, out: Path) -> list[Path]:
    from selenium.webdriver.common.by import By

    from backend.db import make_engine, session_factory
    from backend.staff_auth import StaffRole, add_staff

    engine = make_engine(f"sqlite:///{folder / 'w.db'}")
    with session_factory(engine)() as session, session.begin():
        token = add_staff(session, "screenshots", StaffRole.DISTRICT)
    engine.dispose()
    with browser.chromium(browser.DESKTOP) as driver:
        driver.get(f"{base}/district/")
        driver.find_element(By.ID, "token").send_keys(token)
        browser.click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form button"))
        path = out / "web-district-desktop.png"
        browser.screenshot(driver, path)
    with browser.chromium(browser.PHONE) as driver:
        driver.get(f"{base}/district/")
        driver.find_element(By.ID, "token").send_keys(token)
        browser.click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form button"))
        phone = out / "web-district-phone.png"
        browser.screenshot(driver, phone)
    return [path, phone]


def main(out: Path) -> int:
    saved = take(out)
    print(json.dumps({"screenshots": len(saved), "dir": str(out)}))
    return 0
