"""PDF and DOCX policies written by the tests themselves (fpdf2 and python-docx), as a word processor would lay them out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

#: Thai TrueType fonts (Debian's fonts-thai-tlwg); a Thai PDF test skips when none is installed.
THAI_FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/tlwg/Garuda.ttf",
    "/usr/share/fonts/truetype/tlwg/Loma.ttf",
    "/usr/share/fonts/truetype/tlwg/Norasi.ttf",
    "/usr/share/fonts/opentype/tlwg/Garuda.otf",
)


@dataclass(frozen=True)
class PdfLine:
    """One line of a page: its text, font size, boldness and vertical position (mm from the top)."""

    text: str
    y: float
    size: float = 11
    bold: bool = False


def thai_font() -> str:
    """A Thai TrueType font on this machine, or skip the test with the reason (the tests never install anything)."""
    for candidate in THAI_FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    pytest.skip("no Thai TrueType font installed (apt-get install fonts-thai-tlwg; .ci/run installs it with Chromium)")


def write_pdf(path: Path, pages: list[list[PdfLine]], header: str, footer: str, font: str | None = None) -> Path:
    """A PDF of ``pages``, each with the running ``header`` and a ``footer`` (``{page}``/``{pages}`` filled in)."""
    fpdf = pytest.importorskip("fpdf", reason="fpdf2 writes the test PDFs (pip install fpdf2)")
    pdf = fpdf.FPDF(unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    family = "Helvetica"
    if font is not None:
        family = "Body"
        pdf.add_font(family, "", font)
        bold_font = font.replace(".ttf", "-Bold.ttf")
        pdf.add_font(family, "B", bold_font if Path(bold_font).is_file() else font)
    for number, lines in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font(family, "", 8)
        pdf.text(20, 12, header)
        for line in lines:
            pdf.set_font(family, "B" if line.bold else "", line.size)
            pdf.text(20, line.y, line.text)
        pdf.set_font(family, "", 8)
        pdf.text(95, 287, footer.format(page=number, pages=len(pages)))
    pdf.output(str(path))
    return path


def write_docx(path: Path, blocks: list[tuple[str, str]], header: str = "", footer: str = "") -> Path:
    """A DOCX of ``(style, text)`` blocks: ``title``, ``h1``/``h2``, ``p``, ``bullet``, ``number``, ``bold``, or ``table`` (rows split by ``;``, cells by ``|``)."""
    docx = pytest.importorskip("docx", reason="python-docx writes the test DOCX files (pip install python-docx)")
    document = docx.Document()
    if header:
        document.sections[0].header.paragraphs[0].text = header
    if footer:
        document.sections[0].footer.paragraphs[0].text = footer
    for style, text in blocks:
        if style == "title":
            document.add_heading(text, 0)
        elif style in ("h1", "h2"):
            document.add_heading(text, int(style[1]))
        elif style == "bullet":
            document.add_paragraph(text, style="List Bullet")
        elif style == "number":
            document.add_paragraph(text, style="List Number")
        elif style == "bold":
            document.add_paragraph().add_run(text).bold = True
        elif style == "table":
            rows = [row.split("|") for row in text.split(";")]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path
