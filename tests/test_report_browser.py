"""The HTML report in a real headless Chromium (Debian's): no console errors, a card per seed, Thai shown as Thai.

The session fixture installs Chromium with apt-get when it is missing and the
tests run as root; otherwise these tests skip and say why.
"""

from __future__ import annotations

import io
import json

import pytest

from pipeline.views.report import CONTENT_SECURITY_POLICY, write_report
from tests.browser import DEFAULT_VIEWPORT, Chromium, find_chromium
from tests.conftest import SEED_FILES, THAI_SEED


@pytest.fixture(scope="session")
def chromium(tmp_path_factory):
    path, reason = find_chromium()
    if path is None:
        pytest.skip(reason)
    browser = Chromium(path, tmp_path_factory.mktemp("chromium-profile"))
    yield browser
    browser.close()


@pytest.fixture(scope="module")
def report_page(chromium, seed_run, tmp_path_factory):
    out = write_report(tmp_path_factory.mktemp("report") / "report.html", seed_run.output_path)
    page = chromium.open(out.as_uri())
    yield page
    page.close()


def cards(page) -> list[dict]:
    return page.evaluate(
        """[...document.querySelectorAll("article.policy-card")].map(card => ({
            doc: card.dataset.docId,
            thai: [...card.querySelectorAll('p.clause-text[lang="th"]')].map(e => e.textContent),
            english: [...card.querySelectorAll('p.clause-text[lang="en"]')].map(e => e.textContent),
            bars: card.querySelectorAll("svg.category-chart g.bar").length,
            groups: card.querySelectorAll("details.category").length,
        }))"""
    )


def test_report_opens_without_console_errors(report_page) -> None:
    assert report_page.console_errors() == []
    assert report_page.evaluate("document.title") == "Privacy policy clauses"


def test_one_card_per_seed_policy(report_page) -> None:
    shown = cards(report_page)
    assert [card["doc"] for card in shown] == [path.name for path in SEED_FILES]
    assert all(card["bars"] == 10 and card["groups"] > 3 for card in shown)


@pytest.mark.parametrize(
    ("doc", "lang", "clause"),
    [
        (THAI_SEED.name, "th", "ท่านมีสิทธิขอถอนความยินยอมที่ท่านได้ให้ไว้กับบริษัทเมื่อใดก็ได้"),
        (THAI_SEED.name, "th", "บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านไว้ในระหว่างที่ท่านเป็นลูกค้าของบริษัท"),
        ("004_0bc82049ed12847c.txt", "en", "Closed accounts: Basic information retained for 7 years for legal compliance"),
        ("001_3cfcdba55c36bcda.txt", "en", "Right to Erasure (Right to be Forgotten)"),
    ],
)
def test_clause_text_is_in_its_policys_card_in_its_language(report_page, doc, lang, clause) -> None:
    card = next(card for card in cards(report_page) if card["doc"] == doc)
    texts = card["thai"] if lang == "th" else card["english"]
    assert any(clause in text for text in texts)
    other = card["english"] if lang == "th" else card["thai"]
    assert not any(clause in text for text in other)


def test_only_the_thai_policy_has_thai_clauses(report_page) -> None:
    thai = {card["doc"]: len(card["thai"]) for card in cards(report_page)}
    assert thai.pop(THAI_SEED.name) > 50
    assert set(thai.values()) == {0}


def test_thai_clauses_render_with_a_thai_font_stack_when_opened(report_page) -> None:
    shown = report_page.evaluate(
        f"""(() => {{
            const card = document.querySelector('article[data-doc-id="{THAI_SEED.name}"]');
            card.querySelectorAll("details").forEach(d => d.open = true);
            const clause = card.querySelector('p.clause-text[lang="th"]');
            const box = clause.getBoundingClientRect();
            return {{height: box.height, width: box.width, font: getComputedStyle(clause).fontFamily, text: clause.innerText}};
        }})()"""
    )
    assert shown["height"] > 10 and shown["width"] > 100
    assert "Thai" in shown["font"] or "Loma" in shown["font"]
    assert any("\u0e00" <= ch <= "\u0e7f" for ch in shown["text"])
    report_page.evaluate("document.querySelectorAll('details').forEach(d => d.open = false)")


def test_screenshot_is_a_picture_of_the_page(report_page) -> None:
    from PIL import Image

    png = report_page.screenshot()
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    image = Image.open(io.BytesIO(png)).convert("RGB")
    assert image.size == DEFAULT_VIEWPORT
    colours = image.getcolors(maxcolors=1 << 20)
    assert len(colours) > 50  # text, chart bars and shaded cells, not a blank page
    assert max(count for count, _ in colours) < 0.9 * image.width * image.height


def test_the_console_check_catches_errors(chromium, tmp_path) -> None:
    """The check above can fail: a scratch page's console.error and exception are seen, and so is a script the report's policy blocks."""
    scratch = tmp_path / "scratch.html"
    scratch.write_text(
        "<!DOCTYPE html><html><body><p>scratch</p><script>"
        "console.error('deliberate console error'); throw new Error('deliberate exception');"
        "</script></body></html>",
        encoding="utf-8",
    )
    page = chromium.open(scratch.as_uri())
    errors = page.console_errors()
    page.close()
    assert any("deliberate console error" in error for error in errors), errors
    assert any("deliberate exception" in error for error in errors), errors

    blocked = tmp_path / "blocked.html"
    blocked.write_text(
        f'<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}"></head>'
        f"<body><p>injected</p><script>document.title = {json.dumps('ran')};</script></body></html>",
        encoding="utf-8",
    )
    page = chromium.open(blocked.as_uri())
    errors, title = page.console_errors(), page.evaluate("document.title")
    page.close()
    assert title != "ran"
    assert any("Content Security Policy" in error for error in errors), errors
