"""Codes as documents write them, read as the codes rcphub keeps.

`normalise_code("RESULT 1.")` is "1", `normalise_code("Output 1.1:")` is "1.1",
`normalise_code("1.1000000000000001")` (a code a spreadsheet stored as a number) is "1.1",
`normalise_code("i)")` is "i" and `normalise_code("(a)")` is "a". `split_code("1.1 Strengthened data …")`
is ("1.1", "Strengthened data …"). Pure: nothing here reads the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rcphub.core.validators import CODE_RE

__all__ = ["LEVEL_WORDS", "CodedText", "code_from_value", "is_code", "normalise_code", "split_code"]

# Words that name the level of an item before its code, and the level they name.
LEVEL_WORDS: dict[str, str] = {
    "strategic priority": "priority",
    "priority": "priority",
    "pillar": "priority",
    "result": "result",
    "résultat": "result",
    "результат": "result",
    "outcome": "result",
    "sub-output": "activity",
    "suboutput": "activity",
    "sub output": "activity",
    "output": "output",
    "produit": "output",
    "extrant": "output",
    "продукт": "output",
    "key activity": "activity",
    "activity": "activity",
    "activité": "activity",
    "мероприятие": "activity",
    "component": "component",
}
_WORDS = "|".join(re.escape(word) for word in sorted(LEVEL_WORDS, key=len, reverse=True))
# A level word (optionally) and a code, then the punctuation that closes it.
_LEVEL_RE = re.compile(rf"^\s*(?P<word>{_WORDS})\b\.?\s*(?:no\.?\s*|№\s*)?", re.IGNORECASE)
_ROMAN = r"(?:x{0,3})(?:ix|iv|v?i{0,3})"
_CODE_BODY = r"[A-Za-z0-9]{1,10}(?:[.\-][A-Za-z0-9]{1,10}){0,4}"
# A float's noise: 1.1000000000000001, 2.2999999999999998.
_FLOAT_NOISE = re.compile(r"^-?\d+\.\d*(?:0{6,}\d{0,3}|9{6,}\d{0,3})$")


def _is_roman(text: str) -> bool:
    return bool(text) and re.fullmatch(_ROMAN, text.lower()) is not None


def code_from_value(value: object) -> str:
    """Return the code a spreadsheet cell's typed value holds: 2.0 → "2", 1.1000000000000001 → "1.1"."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(round(value, 6)).rstrip("0").rstrip(".")
    return normalise_code(str(value))


def normalise_code(text: str) -> str:
    """Return the code as rcphub keeps it, the words and punctuation around it removed.

    "RESULT 1." → "1"; "Output 1.1:" → "1.1"; "Outcome 1.1 :" → "1.1"; "1.1000000000000001" → "1.1";
    "1.1." → "1.1"; "i." and "i)" → "i"; "(a)" → "a"; " 1.2.1 " → "1.2.1". Text that holds no code
    gives "" (check with `is_code`).
    """
    text = " ".join(text.replace("\u00a0", " ").split())
    level = _LEVEL_RE.match(text)
    if level:
        text = text[level.end() :]
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    text = text.rstrip(".:)-–— ").lstrip("#№ ")
    if _FLOAT_NOISE.match(text):
        text = code_from_value(float(text))
    return text if is_code(text) else ""


def is_code(text: str) -> bool:
    """Return True if the text is a code rcphub keeps ("1", "1.2", "iii", "2.a", "A-3")."""
    return bool(text) and CODE_RE.match(text) is not None


@dataclass(frozen=True)
class CodedText:
    """A text split into the code it starts with, the level its words name, and the rest."""

    code: str
    title: str
    level: str = ""  # "result", "output", "activity", "priority", "component" or "" where no word says


# "1.1 Title", "1.1. Title", "1.1: Title", "1.1 - Title", "i. Title", "(a) Title", "a) Title".
_LEADING_CODE = re.compile(
    rf"^\s*(?:\((?P<paren>[A-Za-z0-9]{{1,4}})\)|(?P<code>{_CODE_BODY})(?P<close>[.:)]|\s*[:–—-](?=\s)|(?=\s)|$))\s*"
)


def split_code(text: str) -> CodedText:
    """Return the code a text starts with, the level its words name and the title that follows.

    "RESULT 1. Migration governance …" → ("1", "Migration governance …", "result"); "Output 1.1:
    Labour …" → ("1.1", "Labour …", "output"); "1.1 Strengthened data …" → ("1.1", "Strengthened data
    …"); "ii. Peer-learning workshop" → ("ii", …); "(a) …" → ("a", …). A text that starts with no code
    gives code "" and the text whole (and no level: "Result-based management" is a title). A bare number is taken as a code only up to three digits, so
    that "2025 review of …" keeps its year.
    """
    original = " ".join(text.replace("\u00a0", " ").split())
    rest = original
    level = ""
    word = _LEVEL_RE.match(rest)
    if word:
        level = LEVEL_WORDS[word.group("word").lower()]
        rest = rest[word.end() :]
    found = _LEADING_CODE.match(rest)
    if found is None:
        return CodedText("", original)
    if found.group("paren"):
        code = found.group("paren")
    else:
        code = found.group("code").rstrip(".")
        close = found.group("close") or ""
        bare = not close.strip()
        if not word:
            # Without a level word, a word is a code only when it looks like one: digits, a roman
            # numeral or a single letter, closed by punctuation where it is not digits.
            if code.replace(".", "").isdigit():
                if bare and "." not in code and len(code) > 3:
                    return CodedText("", original)
            elif not (close.strip() and (_is_roman(code) or len(code) == 1)):
                return CodedText("", original)
    title = rest[found.end() :].strip().lstrip(":–—- ").strip()
    code = normalise_code(code)
    if not code:
        return CodedText("", original)
    return CodedText(code, title, level)
