"""Documents and charts shared by every report: PDF from a template, Word tables, SVG charts.

The same chart spec renders to SVG for web pages, PDF and DOCX, so every format shows the same figures.
"""

from __future__ import annotations

import io
from typing import Any

from django.template.loader import render_to_string


def pdf_from_template(template: str, context: dict[str, Any], *, base_url: str | None = None) -> bytes:
    """Render a Django template to HTML and that HTML to PDF (WeasyPrint)."""
    from weasyprint import HTML

    html = render_to_string(template, context)
    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf


def svg_from_vega_lite(spec: dict[str, Any]) -> str:
    """Render a Vega-Lite spec (e.g. `altair.Chart(...).to_dict()`) to SVG on the server."""
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(spec)
    return svg


def png_from_vega_lite(spec: dict[str, Any], *, scale: float = 2.0) -> bytes:
    """Render a Vega-Lite spec to PNG, for Word documents, which do not take SVG."""
    import vl_convert

    png: bytes = vl_convert.vegalite_to_png(spec, scale=scale)
    return png


def docx_bytes(document: Any) -> bytes:
    """Return a python-docx Document as bytes."""
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_table(document: Any, *, header: list[str], rows: list[list[str]], style: str = "Table Grid") -> Any:
    """Add a table with a bold header row, repeated on each page, to a python-docx Document and return it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    table = document.add_table(rows=1, cols=len(header))
    table.style = style
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for values in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    return table
