"""The HTML report: one self-contained page per corpus, one card per policy.

Each card shows the categories the policy covers (an inline SVG bar chart),
its retention periods, the rights it grants, the laws it cites, its contact
points, and its clauses grouped by category with their scores. The page needs
nothing but a browser: no script, no external file, the styles inline, and a
Content-Security-Policy that forbids loading anything. Text is HTML-escaped
and Thai text carries ``lang="th"``.

>>> from pipeline.views.report import write_report
>>> write_report("data/processed/report.html")   # doctest: +SKIP
"""

from __future__ import annotations

import html
from collections import Counter
from pathlib import Path

import pandas as pd

from ..export.atomic import atomic_write_text
from ..config import CATEGORIES, CATEGORY_TITLES, DEFAULT_OUTPUT_PATH, DEFAULT_REPORT_PATH, DEFAULT_REPORT_TITLE
from ..export.tables import score_column
from ..text.language import THAI, detect_language
from .show import category_pairs
from .tables import NONE_STATED, describe_attribute, label_counts, read_tables

LANGUAGE_NAMES = {"en": "English", "th": "Thai", "und": "undetermined"}
#: One colour per category (Tableau 10), shared by the charts and the clause groups.
CATEGORY_COLOURS = dict(
    zip(
        CATEGORIES,
        ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"),
    )
)
#: Nothing may be loaded: a stray external URL or script is blocked and shows as a console error.
CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
_CHART_LABEL_WIDTH = 232
_CHART_BAR_WIDTH = 170
_CHART_ROW = 24
#: Headings shown above each clause (the nearest ones); the full path is in its tooltip.
_SHOWN_HEADINGS = 2

STYLE = """
:root { --ink: #1f2933; --muted: #616e7c; --line: #e4e7eb; --paper: #ffffff; --ground: #f3f4f6; --accent: #2563eb; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--ground); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", sans-serif; }
:lang(th) { font-family: "Noto Sans Thai", "Sarabun", "Loma", "Garuda", "Tlwg Typo", "Noto Sans", sans-serif; line-height: 1.75; }
.page { max-width: 1180px; margin: 0 auto; padding: 28px 24px 64px; }
.page-header h1 { margin: 0 0 4px; font-size: 26px; }
.page-header p { margin: 0; color: var(--muted); }
h2 { font-size: 19px; margin: 0; }
h3 { font-size: 13px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); margin: 14px 0 6px; }
section.overview, article.policy-card { background: var(--paper); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 1px 3px rgba(15, 23, 42, .06); margin-top: 22px; padding: 18px 22px; }
table.coverage { border-collapse: collapse; width: 100%; font-size: 13px; margin-top: 8px; }
table.coverage th, table.coverage td { border: 1px solid var(--line); padding: 5px 6px; text-align: center; }
table.coverage thead th { font-weight: 600; vertical-align: bottom; font-size: 12px; }
table.coverage th[scope=row] { text-align: left; font-weight: 500; white-space: nowrap; }
table.coverage td.zero { color: #9aa5b1; background: #fafafa; }
.legend { color: var(--muted); font-size: 12px; margin: 6px 0 0; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
.card-header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px 14px; border-bottom: 1px solid var(--line); padding-bottom: 10px; }
.card-header .meta { color: var(--muted); font-size: 13px; }
.card-header .source { color: var(--muted); font-size: 12px; width: 100%; overflow-wrap: anywhere; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 9px; font-size: 12px; background: #e0e7ff; color: #3730a3; }
.grid { display: grid; grid-template-columns: minmax(300px, 430px) 1fr; gap: 10px 30px; }
section.facts { display: grid; grid-template-columns: 1fr 1fr; gap: 0 26px; align-content: start; }
section.facts .retention, section.facts .deadlines { grid-column: 1; }
section.facts .rights, section.facts .laws, section.facts .contacts { grid-column: 2; }
section.facts .retention { grid-row: 1 / span 2; }
section.facts .deadlines { grid-row: 3 / span 2; }
@media (max-width: 980px) { .grid, section.facts { grid-template-columns: 1fr; } section.facts > div { grid-column: 1 !important; grid-row: auto !important; } }
svg.category-chart { display: block; width: 100%; max-width: 430px; height: auto; font-size: 12px; }
svg.category-chart text { fill: var(--ink); }
svg.category-chart .none { fill: #9aa5b1; }
ul.facts { margin: 0; padding-left: 18px; }
ul.facts li { margin: 1px 0; }
.none-stated { color: #9aa5b1; font-style: italic; margin: 0; }
.chips { display: flex; flex-wrap: wrap; gap: 5px; }
.chip { border: 1px solid var(--line); background: #f8fafc; border-radius: 6px; padding: 0 7px; font-size: 13px; }
.chip.law { background: #fef3c7; border-color: #fde68a; }
.chip.right { background: #ecfdf5; border-color: #a7f3d0; }
.chip.gap { background: #fff; color: #9aa5b1; border-style: dashed; }
details.category { border: 1px solid var(--line); border-left: 5px solid var(--swatch); border-radius: 6px; margin: 6px 0; }
details.category > summary { cursor: pointer; padding: 6px 10px; font-weight: 600; list-style-position: inside; }
details.category > summary .count { color: var(--muted); font-weight: 400; margin-left: 6px; }
ol.clauses { list-style: none; margin: 0; padding: 0 10px 8px; }
li.clause { display: grid; grid-template-columns: 92px 1fr; gap: 12px; padding: 7px 0; border-top: 1px solid var(--line); }
.score { position: relative; height: 20px; margin-top: 3px; background: #eef2f7; border-radius: 4px; overflow: hidden; }
.score .fill { position: absolute; inset: 0 auto 0 0; background: var(--swatch); opacity: .75; }
.score .value { position: relative; display: block; text-align: center; font-size: 12px; font-weight: 600; line-height: 20px;
  font-variant-numeric: tabular-nums; }
p.clause-text { margin: 0; }
p.where { margin: 2px 0 0; color: var(--muted); font-size: 12px; }
.also { margin-left: 6px; }
.also .chip { font-size: 11px; }
"""


def build_report(clauses: pd.DataFrame, documents: pd.DataFrame, title: str = DEFAULT_REPORT_TITLE) -> str:
    """The report page of a clause table and its document table, as one HTML string."""
    documents = documents.sort_values("doc_id").reset_index(drop=True)
    anchors = {doc_id: f"policy-{index + 1}" for index, doc_id in enumerate(documents["doc_id"])}
    languages = Counter(clauses["lang"])
    facts = [
        f"{len(documents)} {'policy' if len(documents) == 1 else 'policies'}",
        f"{len(clauses)} clauses ({', '.join(f'{LANGUAGE_NAMES.get(lang, lang)} {count}' for lang, count in sorted(languages.items()))})"
        if len(clauses)
        else "no clauses",
    ]
    for column, name in (("model_version", "model"), ("pipeline_version", "pipeline"), ("run_id", "run")):
        values = sorted(set(documents[column])) if column in documents else []
        if values:
            facts.append(f"{name} {', '.join(values)}")
    cards = [_card(row, clauses[clauses["doc_id"] == row["doc_id"]], anchors[row["doc_id"]]) for _, row in documents.iterrows()]
    body = "\n".join(cards) if cards else '<p class="none-stated">No policies in the table.</p>'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{CONTENT_SECURITY_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
<style>{STYLE}</style>
</head>
<body>
<div class="page">
<header class="page-header">
<h1>{_e(title)}</h1>
<p>{" · ".join(_e(fact) for fact in facts)}</p>
</header>
{_overview(clauses, documents, anchors)}
<main>
{body}
</main>
</div>
</body>
</html>
"""


def write_report(
    out: str | Path = DEFAULT_REPORT_PATH,
    clauses_path: str | Path = DEFAULT_OUTPUT_PATH,
    documents_path: str | Path | None = None,
    title: str = DEFAULT_REPORT_TITLE,
) -> Path:
    """Read the clause and document tables (``documents.parquet`` beside the clauses by default) and write the report atomically.

    Runs nothing else: raises :class:`FileNotFoundError` when a table is missing.
    """
    clauses, documents = read_tables(clauses_path, documents_path)
    return atomic_write_text(out, build_report(clauses, documents, title))


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _text(text: str, tag: str = "span", css: str = "") -> str:
    """An element holding escaped text, with ``lang="th"`` when the text is Thai.

    >>> _text("7 years (Closed accounts)", "li")
    '<li>7 years (Closed accounts)</li>'
    >>> _text("10 years (ข้อมูลการทำธุรกรรม <ทั้งหมด>)", "li")
    '<li lang="th">10 years (ข้อมูลการทำธุรกรรม &lt;ทั้งหมด&gt;)</li>'
    """
    attributes = f' class="{css}"' if css else ""
    if detect_language(text) == THAI:
        attributes += ' lang="th"'
    return f"<{tag}{attributes}>{_e(text)}</{tag}>"


def _overview(clauses: pd.DataFrame, documents: pd.DataFrame, anchors: dict[str, str]) -> str:
    """The corpus at a glance: a policy x category table, each cell the clauses of that category, shaded by their share."""
    if documents.empty:
        return ""
    header = "".join(f'<th scope="col">{_e(CATEGORY_TITLES[category])}</th>' for category in CATEGORIES)
    counts = label_counts(clauses, "doc_id").reindex(documents["doc_id"], fill_value=0)
    sizes = clauses.groupby("doc_id").size().reindex(documents["doc_id"], fill_value=0)
    rows = []
    for doc_id in documents["doc_id"]:
        size = int(sizes[doc_id])
        cells = []
        for category in CATEGORIES:
            count = int(counts.loc[doc_id, category])
            share = count / size if size else 0.0
            if count:
                shade = min(0.85, 0.06 + 1.4 * share)
                style = f"background: rgba(37, 99, 235, {shade:.2f});" + (" color: #fff;" if shade > 0.5 else "")
                cells.append(f'<td style="{style}" title="{share:.0%} of its clauses">{count}</td>')
            else:
                cells.append('<td class="zero" title="not covered">0</td>')
        rows.append(f'<tr><th scope="row"><a href="#{anchors[doc_id]}">{_e(doc_id)}</a></th><td>{size}</td>{"".join(cells)}</tr>')
    return f"""<section class="overview">
<h2>Coverage</h2>
<table class="coverage">
<thead><tr><th scope="col">Policy</th><th scope="col">Clauses</th>{header}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody>
</table>
<p class="legend">Clauses per category; the darker the cell, the larger its share of the policy's clauses. A clause may have several categories.</p>
</section>"""


def _card(document: pd.Series, clauses: pd.DataFrame, anchor: str) -> str:
    counts = dict(category_pairs(document["category_counts"]))
    languages = " ".join(f'<span class="badge">{_e(LANGUAGE_NAMES.get(lang, lang))}</span>' for lang in document["languages"])
    gaps = [category for category in CATEGORIES if not counts.get(category)]
    return f"""<article class="policy-card" id="{anchor}" data-doc-id="{_e(document['doc_id'])}">
<header class="card-header">
<h2>{_e(document['doc_id'])}</h2>
<span class="meta">{int(document['clauses'])} clauses</span>
{languages}
<span class="source">{_e(document['source_path'])}</span>
</header>
<div class="grid">
<section class="categories">
<h3>Categories covered</h3>
{_category_chart(counts)}
{_section("Not covered", _chips([CATEGORY_TITLES[c] for c in gaps], "gap"), "gaps") if gaps else ""}
</section>
<section class="facts">
{_section("Retention periods", _list([describe_attribute("retention", item) for item in document["retention"]]), "retention")}
{_section("Rights granted", _chips([describe_attribute("rights", code) for code in document["rights"]], "right"), "rights")}
{_section("Laws cited", _chips([describe_attribute("laws", code) for code in document["laws"]], "law"), "laws")}
{_section("Contact points", _list([describe_attribute("contacts", item) for item in document["contacts"]]), "contacts")}
{_section("Deadlines", _list([describe_attribute("deadlines", item) for item in document["deadlines"]]), "deadlines")}
</section>
</div>
<section class="clause-groups">
<h3>Clauses by category</h3>
{_clause_groups(clauses)}
</section>
</article>"""


def _section(heading: str, content: str, css: str) -> str:
    return f'<div class="{css}"><h3>{_e(heading)}</h3>{content}</div>'


def _list(items: list[str]) -> str:
    if not items:
        return f'<p class="none-stated">{NONE_STATED}</p>'
    return '<ul class="facts">' + "".join(_text(item, "li") for item in items) + "</ul>"


def _chips(items: list[str], kind: str) -> str:
    if not items:
        return f'<p class="none-stated">{NONE_STATED}</p>'
    return '<div class="chips">' + "".join(_text(item, "span", f"chip {kind}") for item in items) + "</div>"


def _category_chart(counts: dict[str, int]) -> str:
    """Horizontal bars, one per category (zeros included, so cards line up), as inline SVG."""
    top = max(counts.values(), default=0) or 1
    height = _CHART_ROW * len(CATEGORIES) + 4
    width = _CHART_LABEL_WIDTH + _CHART_BAR_WIDTH + 40
    rows = []
    for index, category in enumerate(CATEGORIES):
        y = index * _CHART_ROW + 2
        count = counts.get(category, 0)
        bar = round(_CHART_BAR_WIDTH * count / top, 1)
        label = _e(CATEGORY_TITLES[category])
        muted = ' class="none"' if not count else ""
        rows.append(
            f'<g class="bar" data-category="{category}" data-count="{count}"><title>{label}: {count} clauses</title>'
            f'<text x="{_CHART_LABEL_WIDTH - 8}" y="{y + 16}" text-anchor="end"{muted}>{label}</text>'
            f'<rect x="{_CHART_LABEL_WIDTH}" y="{y + 3}" width="{_CHART_BAR_WIDTH}" height="{_CHART_ROW - 8}" rx="3" fill="#eef2f7"/>'
            f'<rect x="{_CHART_LABEL_WIDTH}" y="{y + 3}" width="{bar}" height="{_CHART_ROW - 8}" rx="3" fill="{CATEGORY_COLOURS[category]}"/>'
            f'<text x="{_CHART_LABEL_WIDTH + _CHART_BAR_WIDTH + 6}" y="{y + 16}"{muted}>{count}</text></g>'
        )
    return (
        f'<svg class="category-chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="Clauses per category">{"".join(rows)}</svg>'
    )


def _clause_groups(clauses: pd.DataFrame) -> str:
    """A collapsible group per category the policy covers, its clauses in policy order with their score."""
    groups = []
    ordered = clauses.sort_values("clause_index")
    for category in CATEGORIES:
        members = ordered[[category in labels for labels in ordered["labels"]]]
        if members.empty:
            continue
        items = "\n".join(_clause_item(row, category) for _, row in members.iterrows())
        groups.append(
            f'<details class="category" data-category="{category}" style="--swatch: {CATEGORY_COLOURS[category]}">'
            f'<summary>{_e(CATEGORY_TITLES[category])}<span class="count">{len(members)} '
            f'{"clause" if len(members) == 1 else "clauses"}</span></summary>\n<ol class="clauses">\n{items}\n</ol></details>'
        )
    return "\n".join(groups) or f'<p class="none-stated">{NONE_STATED}</p>'


def _clause_item(clause: pd.Series, category: str) -> str:
    score = float(clause[score_column(category)])
    path = list(clause["section_path"])
    # The nearest headings say where a clause is; the whole path and the list lead-in are in the tooltip.
    where = " › ".join((["…"] if len(path) > _SHOWN_HEADINGS else []) + path[-_SHOWN_HEADINGS:])
    lead_in = clause["lead_in"] if isinstance(clause["lead_in"], str) else ""
    tooltip = " › ".join(path) + (f"\n{lead_in}" if lead_in else "")
    others = [label for label in clause["labels"] if label != category]
    also = (
        '<span class="also">'
        + "".join(f'<span class="chip">{_e(CATEGORY_TITLES.get(label, label))}</span>' for label in others)
        + "</span>"
        if others
        else ""
    )
    location = f'<p class="where" title="{_e(tooltip)}">{_text(where) if where else ""}{also}</p>' if where or also else ""
    return (
        f'<li class="clause" data-clause-id="{_e(clause["clause_id"])}">'
        f'<div class="score" title="score for {_e(CATEGORY_TITLES[category])}: {score:.3f}">'
        f'<span class="fill" style="width: {score * 100:.0f}%"></span><span class="value">{score:.2f}</span></div>'
        f'<div><p class="clause-text" lang="{_e(clause["lang"])}">{_e(clause["text_norm"])}</p>{location}</div></li>'
    )
