"""Page furniture: text that is on the page but not part of the policy.

Navigation bars and menus, breadcrumbs, skip links, cookie banners, tables of
contents, "Back to top", site headers and footers, copyright lines (the `B`
units of data/real/GUIDE.md). Furniture never becomes a clause or a heading;
it is kept as a block of its own kind, so every character of the page is
still accounted for and the count is reported per document.

Two kinds of evidence, both cheap:

- where a line sits in an HTML page (:func:`html_furniture`): inside ``nav``,
  ``aside``, ``form``, a page-level ``header`` or ``footer``, an ARIA landmark
  such as ``role="banner"``, an element whose class or id says ``menu``,
  ``breadcrumb``, ``cookie``, ``skip`` ..., a hidden element, or outside the
  page's ``main`` element;
- what a line says, in any format (:func:`furniture_reason`): "Skip to main
  content", "Back to top", "© 2024 Example Inc.", "Accept all", and their Thai
  forms.

A landmark that holds most of the page's text (an ASP.NET page wrapped in one
``<form>``) is the page itself, not furniture.
"""

from __future__ import annotations

import re
from collections import Counter

from .html_text import Element, HtmlText, extract_html_text  # noqa: F401 (the doctest uses it)

#: Elements whose whole content is furniture, wherever they are.
FURNITURE_TAGS = frozenset({"nav", "aside", "form", "dialog", "menu", "select", "button"})
#: Page-level elements: furniture unless they sit inside the article.
PAGE_LEVEL_TAGS = frozenset({"header", "footer"})
CONTENT_TAGS = frozenset({"main", "article"})
FURNITURE_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alertdialog", "toolbar", "tablist"}
)
#: Words of a class or id that name furniture ("usa-banner", "site-footer", "breadcrumb", "skip-link").
FURNITURE_WORDS = frozenset(
    """nav navbar navigation menu menubar submenu breadcrumb breadcrumbs sidebar toc footer header masthead banner
    cookie cookies consent skip skipnav skiplink share sharing social language languages lang langswitcher topbar
    toolbar copyright pagination pager btn button cta backtotop newsletter subscribe""".split()
)
#: A landmark holding more than this share of the page's text is the page's own frame, not furniture.
DEFAULT_FRAME_SHARE = 0.5
#: The ``main`` element is trusted to hold the policy when it holds at least this share of the text.
DEFAULT_MAIN_SHARE = 0.3

#: (reason, pattern the whole line matches, longest line it may be).
_FURNITURE_TEXT = (
    ("skip link", re.compile(r"(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|main)\b|skip navigation|ข้ามไป(?:ที่|ยัง)?(?:เนื้อหา|ส่วนเนื้อหา)", re.I), 60),
    ("back to top", re.compile(r"(?:back|return|go) to top|top of (?:the )?page|กลับ(?:ไป|สู่)?ด้านบน|กลับขึ้นด้านบน", re.I), 40),
    ("copyright", re.compile(
        r"©.{0,120}|\(c\)\s*\d{4}.{0,120}|copyright\s*(?:©|\(c\))?\s*(?:\d{4}|by\b).{0,100}|.{0,80}\ball rights reserved\.?|.{0,80}สงวนลิขสิทธิ์.{0,40}", re.I), 160),
    ("cookie banner", re.compile(
        r"(?:accept|reject|decline|allow|deny)(?: all)?(?: cookies)?|(?:cookie|privacy) (?:settings|preferences)|manage (?:preferences|cookies|settings)"
        r"|ยอมรับ(?:ทั้งหมด|คุกกี้)?|ปฏิเสธ(?:ทั้งหมด)?|ตั้งค่าคุกกี้|การตั้งค่าคุกกี้", re.I), 40),
    # Site credits ("Made with Jekyll") and the credit line of policy generators.
    ("credit", re.compile(
        r"(?:made|built|powered|designed|hosted) (?:with|by|on|using)\b.{0,80}"
        r"|(?:this )?(?:privacy policy|policy|page)(?: page)? (?:was |is )?(?:created|generated|made)\b.{0,250}\b(?:generator|template)\b.{0,80}", re.I), 400),
)


def furniture_reason(text: str) -> str | None:
    """Why a short line is furniture by what it says ("copyright", "skip link", ...), or None.

    >>> furniture_reason("© 2020 CoEpi"), furniture_reason("ข้ามไปที่เนื้อหา")
    ('copyright', 'skip link')
    >>> furniture_reason("We keep your data for 90 days.") is None, furniture_reason("สงวนลิขสิทธิ์")
    (True, 'copyright')
    """
    text = text.strip().rstrip(" .!→>»")
    for reason, pattern, longest in _FURNITURE_TEXT:
        if len(text) <= longest and pattern.fullmatch(text):
            return reason
    return None


def html_furniture(extracted: HtmlText) -> dict[int, str]:
    """The furniture lines of an extracted page: line index -> reason.

    >>> page = extract_html_text(
    ...     "<nav><a href='/'>Home</a></nav><main><h1>Privacy</h1><p>We keep logs.</p></main>"
    ...     "<footer><p>© 2024 Example</p></footer>")
    >>> html_furniture(page)
    {0: 'nav', 3: 'footer'}
    """
    lines = extracted.lines
    total = sum(line.chars for line in lines) or 1
    held: Counter = Counter()
    for line in lines:
        for element in set(line.path):
            held[element] += line.chars
    frames = {element for element, chars in held.items() if chars / total > DEFAULT_FRAME_SHARE}
    mains = [element for element in held if element.tag == "main" or element.role == "main"]
    trusted_main = bool(mains) and sum(held[element] for element in mains) / total >= DEFAULT_MAIN_SHARE
    view = extracted.view
    furniture = {}
    for index, line in enumerate(lines):
        reason = _structural_reason(line.path, frames)
        if reason is None and trusted_main and not any(element in mains for element in line.path):
            reason = "outside main"
        if reason is None:
            reason = furniture_reason(view[line.start:line.end])
        if reason is not None:
            furniture[index] = reason
    return furniture


def _structural_reason(path: tuple[Element, ...], frames: set[Element]) -> str | None:
    in_content = False
    for element in path:
        if element in frames:
            continue
        if element.tag in CONTENT_TAGS or element.role in ("main", "article"):
            in_content = True
        if element.hidden:
            return "hidden"
        if element.tag in FURNITURE_TAGS:
            return element.tag
        if element.tag in PAGE_LEVEL_TAGS and not in_content:
            return element.tag
        if element.role in FURNITURE_ROLES:
            return element.role
        if element.words & FURNITURE_WORDS and element.tag not in ("html", "body", "main", "article"):
            return "class " + "/".join(sorted(element.words & FURNITURE_WORDS))
    return None

