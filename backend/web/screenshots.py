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
    _terminal_traffic(base, folder)
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


TRADES = "甲乙丙丁戊己庚辛壬癸春夏秋冬梅兰竹菊"


def _terminal_traffic(base: str, folder: Path) -> None:
    """A day of mixed traffic beside the web applications: a terminal registers and sends
    corner shops selling food (approved at once, with the permit) and caterers (held for the
    on-site inspection), signed with its own key as any terminal's requests are."""
    from datetime import datetime

    import httpx

    from backend.db import make_engine, session_factory
    from backend.models import Kiosk, KioskPublicKey
    from wire import KioskKey

    key = KioskKey.generate("NH-SHOT-001")
    engine = make_engine(f"sqlite:///{folder / 'w.db'}")
    with session_factory(engine)() as session, session.begin():
        now = datetime.utcnow()
        session.add(Kiosk(id=key.kiosk_id, enabled=True, created_at=now))
        session.flush()
        session.add(KioskPublicKey(kiosk_id=key.kiosk_id, key_id=key.key_id,
                                   public_key=key.public_raw, created_at=now))
    engine.dispose()
    with httpx.Client(base_url=base, timeout=20) as client:
        for n in range(6):
            app = forms.samples.valid_application("individual_business", addons=("food_business",))
            shop = n % 3 != 2
            app.answers["name"] = f"佛山市南海区桂城{TRADES[n]}{TRADES[n + 6]}{'百货店' if shop else '餐馆'}"
            if shop:
                app.answers["scope"] = ["daily_goods_sales", "food_sales"]
                app.addons["food_business"].update(business_format="seller",
                                                   business_items=["prepackaged", "bulk"])
            body = json.dumps(app.to_json(), ensure_ascii=False).encode()
            headers = {"Content-Type": "application/json", "Idempotency-Key": app.id,
                       **key.sign("POST", "/v1/applications", body)}
            client.post("/v1/applications", content=body, headers=headers).raise_for_status()


def main(out: Path) -> int:
    saved = take(out)
    print(json.dumps({"screenshots": len(saved), "dir": str(out)}))
    return 0
