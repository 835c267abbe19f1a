"""An edition's narrative: Markdown written by the secretariat, rendered to HTML that cannot carry a script.

Markdown (Python-Markdown) turns the text into HTML; nh3 then keeps only the tags and attributes a
short narrative needs (paragraphs, emphasis, lists, links, simple tables) and drops everything else,
so raw HTML, scripts, event handlers and `javascript:` links in the text never reach a page or a file.
"""

from __future__ import annotations

import markdown
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code",
    "h3", "h4", "table", "thead", "tbody", "tr", "th", "td", "sup", "sub",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}


def render_narrative(text: str) -> str:
    """Return the Markdown text as safe HTML (empty for an empty text)."""
    if not text.strip():
        return ""
    html = markdown.markdown(text, extensions=["tables", "sane_lists"], output_format="html")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
    )


def narrative_html(narrative: dict[str, dict[str, str]], language: str) -> dict[str, str]:
    """Return each section's narrative in the language (English where it has none) as safe HTML."""
    rendered = {}
    for section, texts in narrative.items():
        html = render_narrative(str(texts.get(language) or texts.get("en") or ""))
        if html:
            rendered[section] = html
    return rendered
