"""The HTML report of the seeds, read as HTML: one card per policy, what each card states, escaping, and the command."""

from __future__ import annotations

import doctest
from html.parser import HTMLParser

import pandas as pd
import pytest
from typer.testing import CliRunner

from pipeline.views import report
from pipeline.cli import EXIT_FATAL, EXIT_OK, app
from pipeline.config import CATEGORIES
from pipeline.export.tables import score_column
from pipeline.views.tables import read_tables
from tests.conftest import SEED_FILES, THAI_SEED

runner = CliRunner()
VOID = {"meta", "link", "br", "img", "input", "hr", "rect"}


class Node:
    def __init__(self, tag: str, attrs: dict, parent: Node | None):
        self.tag, self.attrs, self.parent, self.children, self.texts = tag, attrs, parent, [], []

    def text(self) -> str:
        return "".join(self.texts) + "".join(child.text() for child in self.children)

    def find_all(self, tag: str | None = None, **attrs) -> list[Node]:
        found = []
        for child in self.children:
            classes = child.attrs.get("class", "").split()
            if (tag is None or child.tag == tag) and all(
                value in classes if name == "class_" else child.attrs.get(name) == value for name, value in attrs.items()
            ):
                found.append(child)
            found.extend(child.find_all(tag, **attrs))
        return found


class TreeBuilder(HTMLParser):
    """Just enough of a DOM for these tests (the browser test checks the real one)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {}, None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {name: value or "" for name, value in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.texts.append(data)


def parse(page: str) -> Node:
    builder = TreeBuilder()
    builder.feed(page)
    return builder.root


@pytest.fixture(scope="module")
def tables(seed_run) -> tuple[pd.DataFrame, pd.DataFrame]:
    return read_tables(seed_run.output_path)


@pytest.fixture(scope="module")
def page(tables) -> str:
    return report.build_report(*tables)


@pytest.fixture(scope="module")
def dom(page) -> Node:
    return parse(page)


def card(dom: Node, prefix: str) -> Node:
    return next(node for node in dom.find_all("article", class_="policy-card") if node.attrs["data-doc-id"].startswith(prefix))


def test_docstring_examples() -> None:
    assert doctest.testmod(report).failed == 0


def test_one_card_per_seed_policy(dom) -> None:
    cards = dom.find_all("article", class_="policy-card")
    assert [node.attrs["data-doc-id"] for node in cards] == [path.name for path in SEED_FILES]
    assert len({node.attrs["id"] for node in cards}) == len(cards)
    links = [node.attrs["href"] for node in dom.find_all("table")[0].find_all("a")]
    assert links == ["#" + node.attrs["id"] for node in cards]


def test_the_page_loads_nothing(page, dom) -> None:
    assert not dom.find_all("script") and not dom.find_all("link") and not dom.find_all("img")
    for node in dom.find_all():
        for name in ("src", "href", "srcset", "action", "data"):
            assert not node.attrs.get(name, "#").lstrip().lower().startswith(("http:", "https:", "//", "file:")), node.attrs
    policy = next(node for node in dom.find_all("meta") if node.attrs.get("http-equiv") == "Content-Security-Policy")
    assert policy.attrs["content"].startswith("default-src 'none'")
    assert "url(" not in page and "@import" not in page


@pytest.mark.parametrize(
    ("prefix", "section", "expected"),
    [
        ("004", "retention", "7 years (Closed accounts)"),
        ("004", "retention", "30 days to 90 days (Backup data)"),
        ("000", "retention", "2 years (Communication Records)"),
        ("003", "retention", "as long as necessary"),
        ("001", "rights", "withdraw consent"),
        ("003", "rights", "restriction"),
        ("004", "laws", "CCPA"),
        ("003", "laws", "PDPA TH"),
        ("001", "contacts", "email: dpo@infuze.cloud"),
        ("003", "contacts", "email: contact@opencloud.co.th"),
        ("000", "deadlines", "72 hours: breach notification"),
    ],
)
def test_card_states_the_policys_attributes(dom, prefix, section, expected) -> None:
    facts = card(dom, prefix).find_all("div", class_=section)[0]
    assert expected in [item.text() for item in facts.find_all() if item.tag in ("li", "span")]


def test_a_policy_with_nothing_stated_says_so(dom) -> None:
    retention = card(dom, "002").find_all("div", class_="retention")[0]
    assert retention.text().endswith("(none stated)")


def test_coverage_table_counts_each_policys_clauses(dom, tables) -> None:
    clauses, _ = tables
    rows = dom.find_all("table", class_="coverage")[0].find_all("tbody")[0].find_all("tr")
    assert len(rows) == len(SEED_FILES)
    for row in rows:
        doc_id = row.find_all("th")[0].text()
        cells = [cell.text() for cell in row.find_all("td")]
        policy = clauses[clauses["doc_id"] == doc_id]
        assert cells[0] == str(len(policy))
        assert cells[1:] == [str(sum(category in labels for labels in policy["labels"])) for category in CATEGORIES]


def test_chart_bars_are_the_category_counts(dom, tables) -> None:
    _, documents = tables
    for _, document in documents.iterrows():
        counts = dict(document["category_counts"])
        bars = card(dom, document["doc_id"]).find_all("g", class_="bar")
        assert [bar.attrs["data-category"] for bar in bars] == list(CATEGORIES)
        assert [int(bar.attrs["data-count"]) for bar in bars] == [counts.get(category, 0) for category in CATEGORIES]


@pytest.mark.parametrize(
    ("prefix", "category", "clause"),
    [
        ("004", "data_retention", "Closed accounts: Basic information retained for 7 years for legal compliance"),
        ("001", "user_access_edit_deletion", "Right to Erasure (Right to be Forgotten)"),
        ("003", "user_access_edit_deletion", "ท่านมีสิทธิขอให้บริษัทลบข้อมูลของท่าน"),
        ("003", "data_retention", "บริษัทจะเก็บรักษาข้อมูลส่วนบุคคลของท่านไว้ในระหว่างที่ท่านเป็นลูกค้าของบริษัท"),
    ],
)
def test_clauses_are_grouped_by_category_with_their_score(dom, tables, prefix, category, clause) -> None:
    clauses, _ = tables
    row = clauses[clauses["doc_id"].str.startswith(prefix) & clauses["text_norm"].str.contains(clause, regex=False)].iloc[0]
    group = next(node for node in card(dom, prefix).find_all("details") if node.attrs["data-category"] == category)
    item = next(node for node in group.find_all("li", class_="clause") if node.attrs["data-clause-id"] == row["clause_id"])
    assert item.find_all("span", class_="value")[0].text() == f"{row[score_column(category)]:.2f}"
    text = item.find_all("p", class_="clause-text")[0]
    assert text.text() == row["text_norm"]
    assert text.attrs["lang"] == row["lang"] == ("th" if prefix == "003" else "en")
    members = [labels for labels in clauses.loc[clauses["doc_id"] == row["doc_id"], "labels"] if category in labels]
    assert len(group.find_all("li", class_="clause")) == len(members)


def test_thai_clauses_carry_lang_th_and_english_ones_do_not(dom) -> None:
    thai = card(dom, "003").find_all("p", class_="clause-text")
    assert thai and all(node.attrs["lang"] == "th" for node in thai)
    assert any("ท่านมีสิทธิขอถอนความยินยอม" in node.text() for node in thai)
    headings = [node for node in card(dom, "003").find_all("span") if node.attrs.get("lang") == "th"]
    assert any("นโยบายความเป็นส่วนตัว" in node.text() or "วัตถุประสงค์" in node.text() for node in headings)
    for prefix in ("000", "001", "002", "004"):
        assert all(node.attrs["lang"] == "en" for node in card(dom, prefix).find_all("p", class_="clause-text"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ('We <b>never</b> sell data & "share" it <script>alert(1)</script>', "en"),
        ("บริษัท <script>alert('๑')</script> จะไม่ขายข้อมูล & \"แบ่งปัน\"", "th"),
    ],
)
def test_text_is_escaped(tables, text, lang) -> None:
    clauses, documents = tables
    clauses = clauses.copy()
    target = clauses.index[clauses["lang"] == lang][0]
    clauses.at[target, "text_norm"] = text
    documents = documents.copy()
    documents.at[documents.index[0], "source_path"] = '/tmp/"quoted" <dir>/policy.txt'
    page = report.build_report(clauses, documents)
    assert "<script>" not in page and "<b>" not in page
    dom = parse(page)
    assert text in [node.text() for node in dom.find_all("p", class_="clause-text")]
    assert '/tmp/"quoted" <dir>/policy.txt' in [node.text() for node in dom.find_all("span", class_="source")]


def test_empty_tables_make_a_page_that_says_so(tables) -> None:
    clauses, documents = tables
    page = report.build_report(clauses.iloc[:0], documents.iloc[:0])
    assert "No policies in the table." in page and "policy-card" not in page.split("</style>")[1]


def test_write_report_is_atomic_and_needs_the_tables(seed_run, tmp_path) -> None:
    out = report.write_report(tmp_path / "out" / "report.html", seed_run.output_path)
    assert sorted(path.name for path in out.parent.iterdir()) == ["report.html"]
    assert out.read_text(encoding="utf-8").count('class="policy-card"') == len(SEED_FILES)
    with pytest.raises(FileNotFoundError, match="no clause table"):
        report.write_report(tmp_path / "r.html", tmp_path / "missing.parquet")
    assert not (tmp_path / "r.html").exists()


def test_report_command(seed_run, tmp_path) -> None:
    out = tmp_path / "report.html"
    result = runner.invoke(app, ["report", "--clauses", str(seed_run.output_path), "--out", str(out), "--title", "Seeds <5>"])
    assert result.exit_code == EXIT_OK, result.output
    assert f"report written to {out}" in result.output
    page = out.read_text(encoding="utf-8")
    assert "<title>Seeds &lt;5&gt;</title>" in page
    assert THAI_SEED.name in page


def test_report_command_without_tables_is_fatal(seed_run, tmp_path) -> None:
    result = runner.invoke(app, ["report", "--clauses", str(tmp_path / "clauses.parquet"), "--out", str(tmp_path / "r.html")])
    assert result.exit_code == EXIT_FATAL
    assert "no clause table; run 'clauses run' first" in result.output
    result = runner.invoke(
        app, ["report", "--clauses", str(seed_run.output_path), "--documents", str(tmp_path / "d.parquet"), "--out", str(tmp_path / "r.html")]
    )
    assert result.exit_code == EXIT_FATAL
    assert "d.parquet: no document table" in result.output
    assert not (tmp_path / "r.html").exists()
