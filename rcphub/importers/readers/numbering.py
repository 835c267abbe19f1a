"""Word's automatic numbering: the labels ("i.", "1.1", "a)", "RESULT 1.") that live in numbering.xml.

A numbered paragraph names a list instance (`w:numPr/w:numId`, in the paragraph or its style) and a
level (`w:ilvl`). The instance points to an abstract definition whose levels give the number format
(`w:numFmt`), the label pattern (`w:lvlText`, "%1.%2" for "1.2") and the start value; the instance may
override a level's start (`w:lvlOverride/w:startOverride`) or the whole level. As Word does, instances
of one abstract definition share its counters (a list continues), an instance that overrides a start
restarts that level at its first paragraph, and a level restarts when a higher level is used unless
`w:lvlRestart` says otherwise. Labels are rendered in reading order, paragraphs in table cells
included, so the caller must ask for every paragraph once, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PLACEHOLDER = re.compile(r"%([1-9])")
BULLET = "•"


def w(tag: str) -> str:
    """Return the Clark name of a WordprocessingML tag."""
    return f"{{{W}}}{tag}"


def val(element: Any, tag: str) -> str | None:
    """Return the w:val of the child `tag` of `element` ("" when the child has no w:val; None when absent)."""
    if element is None:
        return None
    child = element.find(w(tag))
    if child is None:
        return None
    return str(child.get(w("val"), ""))


def _int(value: str | None, default: int) -> int:
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        return default


@dataclass(frozen=True)
class Level:
    """One level of a list definition."""

    fmt: str = "decimal"
    text: str = ""
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level is used; 0 never
    legal: bool = False  # w:isLgl: every number in the label shown as a decimal
    style: str | None = None  # w:pStyle: the paragraph style bound to this level


def _level(element: Any, base: Level | None = None) -> Level:
    base = base or Level()
    restart = val(element, "lvlRestart")
    legal = val(element, "isLgl")
    return Level(
        fmt=val(element, "numFmt") or base.fmt,
        text=val(element, "lvlText") if val(element, "lvlText") is not None else base.text,  # type: ignore[arg-type]
        start=_int(val(element, "start"), base.start),
        restart=_int(restart, 0) if restart is not None else base.restart,
        legal=legal not in (None, "0", "false", "off") if legal is not None else base.legal,
        style=val(element, "pStyle") or base.style,
    )


def roman(number: int) -> str:
    """Return a number in lower-case Roman numerals (0 and below as decimals)."""
    if number <= 0:
        return str(number)
    out = []
    for value, letters in (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    ):
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def letter(number: int) -> str:
    """Return a number as Word writes lower-case letters: a … z, aa … zz, aaa …"""
    if number <= 0:
        return str(number)
    return chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)


def format_number(number: int, fmt: str) -> str:
    """Return a counter in a Word number format (unknown formats as decimals)."""
    if fmt == "lowerRoman":
        return roman(number)
    if fmt == "upperRoman":
        return roman(number).upper()
    if fmt == "lowerLetter":
        return letter(number)
    if fmt == "upperLetter":
        return letter(number).upper()
    if fmt == "decimalZero":
        return f"{number:02d}"
    if fmt == "none":
        return ""
    return str(number)


@dataclass
class _Instance:
    abstract: str
    levels: dict[int, Level] = field(default_factory=dict)  # whole levels overridden
    starts: dict[int, int] = field(default_factory=dict)  # w:startOverride by level


@dataclass
class _Style:
    name: str = ""
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None


class Numbering:
    """Render the automatic number of each paragraph, in reading order."""

    def __init__(self, numbering: Any = None, styles: Any = None) -> None:
        self.abstracts: dict[str, dict[int, Level]] = {}
        self.instances: dict[str, _Instance] = {}
        self.styles: dict[str, _Style] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if numbering is not None:
            for abstract in numbering.iter(w("abstractNum")):
                levels = {_int(lvl.get(w("ilvl")), 0): _level(lvl) for lvl in abstract.findall(w("lvl"))}
                self.abstracts[str(abstract.get(w("abstractNumId")))] = levels
            for num in numbering.iter(w("num")):
                instance = _Instance(abstract=val(num, "abstractNumId") or "")
                for override in num.findall(w("lvlOverride")):
                    ilvl = _int(override.get(w("ilvl")), 0)
                    start = val(override, "startOverride")
                    if start is not None:
                        instance.starts[ilvl] = _int(start, 1)
                    lvl = override.find(w("lvl"))
                    if lvl is not None:
                        base = self.abstracts.get(instance.abstract, {}).get(ilvl)
                        instance.levels[ilvl] = _level(lvl, base)
                self.instances[str(num.get(w("numId")))] = instance
        if styles is not None:
            for style in styles.iter(w("style")):
                ppr = style.find(w("pPr"))
                numpr = ppr.find(w("numPr")) if ppr is not None else None
                style_ilvl = val(numpr, "ilvl")
                outline = val(ppr, "outlineLvl")
                self.styles[str(style.get(w("styleId")))] = _Style(
                    name=val(style, "name") or "",
                    based_on=val(style, "basedOn"),
                    num_id=val(numpr, "numId"),
                    ilvl=_int(style_ilvl, 0) if style_ilvl is not None else None,
                    outline=_int(outline, 9) if outline is not None else None,
                )

    def _style_chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        while style_id and style_id in self.styles and len(chain) < 20:
            style = self.styles[style_id]
            chain.append(style)
            style_id = style.based_on
        return chain

    def style_name(self, style_id: str | None) -> str:
        """Return a paragraph style's name ("heading 1"), or its id where styles.xml does not name it."""
        chain = self._style_chain(style_id)
        return chain[0].name if chain else (style_id or "")

    def heading_level(self, paragraph: Any) -> int | None:
        """Return a paragraph's heading level (1 = top, 0 for a title), or None for body text."""
        ppr = paragraph.find(w("pPr"))
        outline = val(ppr, "outlineLvl")
        if outline is not None and _int(outline, 9) < 9:
            return _int(outline, 9) + 1
        for style in self._style_chain(val(ppr, "pStyle")):
            if style.outline is not None and style.outline < 9:
                return style.outline + 1
            name = style.name.lower()
            match = re.fullmatch(r"heading\s*([1-9])", name)
            if match:
                return int(match.group(1))
            if name == "title":
                return 0
        return None

    def _level_of(self, num_id: str, ilvl: int) -> Level | None:
        instance = self.instances.get(num_id)
        if instance is None:
            return None
        if ilvl in instance.levels:
            return instance.levels[ilvl]
        return self.abstracts.get(instance.abstract, {}).get(ilvl)

    def label(self, paragraph: Any) -> str:
        """Return the rendered number of a paragraph ("" when it has none) and count it."""
        ppr = paragraph.find(w("pPr"))
        numpr = ppr.find(w("numPr")) if ppr is not None else None
        num_id = val(numpr, "numId")
        ilvl_text = val(numpr, "ilvl")
        ilvl = _int(ilvl_text, 0) if ilvl_text is not None else None
        style_id = val(ppr, "pStyle")
        if num_id is None or ilvl is None:
            for style in self._style_chain(style_id):
                if num_id is None and style.num_id is not None:
                    num_id = style.num_id
                if ilvl is None and style.ilvl is not None:
                    ilvl = style.ilvl
        if not num_id or num_id == "0" or num_id not in self.instances:
            return ""
        instance = self.instances[num_id]
        if ilvl is None:
            # A style bound to a level by w:pStyle in the definition gives that level.
            bound = [
                i for i, lvl in self.abstracts.get(instance.abstract, {}).items() if lvl.style == style_id
            ]
            ilvl = bound[0] if bound else 0
        level = self._level_of(num_id, ilvl)
        if level is None:
            return ""
        counters = self.counters.setdefault(instance.abstract, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for overridden in instance.starts:
                counters.pop(overridden, None)
        if ilvl in counters:
            counters[ilvl] += 1
        else:
            counters[ilvl] = instance.starts.get(ilvl, level.start)
        for deeper in [i for i in counters if i > ilvl]:
            deeper_level = self._level_of(num_id, deeper) or Level()
            if deeper_level.restart is None or (
                deeper_level.restart != 0 and ilvl + 1 <= deeper_level.restart
            ):
                del counters[deeper]
        if level.fmt == "bullet":
            return BULLET

        def render(match: re.Match[str]) -> str:
            index = int(match.group(1)) - 1
            shown = self._level_of(num_id, index) or Level()
            number = counters.get(index, instance.starts.get(index, shown.start))
            return format_number(number, "decimal" if level.legal and shown.fmt != "none" else shown.fmt)

        return PLACEHOLDER.sub(render, level.text).strip()
