"""Countries, entities and SDG targets named in a document's text, recognised against the reference data.

A `Recogniser` is built once per import from the reference data (`Recogniser.from_reference()`: three
queries) and then answers pure lookups, so that an interpreter never touches the database:

- `countries("Regional review (Azerbaijan and Turkmenistan)")` → (["AZE", "TKM"], []): ISO3 codes of the
  countries named, by English, French or Russian name, a short form ("Moldova", "Kosovo", "Iran"), a
  few names the reference data does not hold ("Turkey", "Кыргызстан") or an ISO code ("ARM"), and the
  parts of a list that name no country (["Narnia"]). "All", "Regional" and the like name the whole
  region: they are neither countries nor unrecognised.
- `entities("IOM RO Vienna; UNECE Statistics")` → one `EntityMatch` per name as written, with the
  acronym it resolves to, or the candidates where it names more than one entity, or neither where no
  entity has that name. Matched by acronym, name or alias (the `aliases` field, and common Russian and
  French acronyms), case-insensitively, the longest name first. A unit that every entity may have
  ("PMU", "project management unit") is ambiguous: its candidates are the `context` the caller gives
  (the entities the rest of the document names).
- `sdg_targets("10.7 Facilitate orderly migration; 6.a By 2030 …")` → ["10.7", "6.a"]: the target codes
  that exist.

`EntityQuestions` turns the matches of a whole document into the proposal's Questions (one per
ambiguous name, however often it is written) and Notices (unknown names); the work plan and review
interpreters share it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from django.utils.translation import gettext as _

from rcphub.importers.interpret.proposal import Choice, Notice, Question

__all__ = ["COUNTRY_ALIASES", "ENTITY_ALIASES", "EntityMatch", "EntityQuestions", "Recogniser"]

# Names documents use for a country that the reference data does not hold, by ISO3.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "MDA": ("Moldova", "Moldova, Republic of", "Молдова", "Молдавия"),
    "TUR": ("Turkey", "Турция"),
    "KGZ": ("Kyrgyz Republic", "Кыргызстан", "Кыргызская Республика", "Kirghizia"),
    "CZE": ("Czech Republic",),
    "RUS": ("Russia", "Россия"),
    "GBR": ("United Kingdom", "UK"),
    "USA": ("United States", "US", "США"),
    "BIH": ("Bosnia",),
    "SYR": ("Syria",),
    "XKX": ("Kosovo*", "Kosovo under UNSCR 1244", "Kosova"),
    "PSE": ("occupied Palestinian territory",),
}
# Acronyms and names documents in the region use for an entity, where the reference data has another.
ENTITY_ALIASES: dict[str, tuple[str, ...]] = {
    "UNDP": ("ПРООН", "PNUD"),
    "IOM": ("МОМ", "OIM"),
    "UNICEF": ("ЮНИСЕФ",),
    "UNFPA": ("ЮНФПА", "FNUAP"),
    "UNHCR": ("УВКБ ООН", "УВКБ", "HCR"),
    "WHO": ("ВОЗ", "OMS", "WHO/Europe", "WHO Europe"),
    "ILO": ("МОТ", "OIT"),
    "UNECE": ("ЕЭК ООН", "CEE-ONU"),
    "UN-Women": ("ООН-Женщины", "ООН Женщины", "UNWOMEN"),
    "OHCHR": ("УВКПЧ", "HCDH"),
    "UNESCO": ("ЮНЕСКО",),
    "UNEP": ("ЮНЕП", "PNUE"),
    "FAO": ("ФАО",),
    "WFP": ("ВПП", "PAM"),
    "UNODC": ("УНП ООН", "ЮНОДК", "ONUDC"),
    "UNOPS": ("ЮНОПС",),
    "UN-Habitat": ("ООН-Хабитат",),
}
# Units every entity may have: which one a document means is for the person to say.
GENERIC_UNITS = (
    "PMU",
    "PIU",
    "PMO",
    "project management unit",
    "project implementation unit",
    "programme management unit",
)
# Words that name the whole region rather than a list of countries.
REGION_WIDE = frozenset(
    _word
    for _word in (
        "all",
        "all countries",
        "all programme countries",
        "regional",
        "region",
        "region-wide",
        "regionwide",
        "multi-country",
        "multicountry",
        "global",
        "tbd",
        "tbc",
        "все",
        "все страны",
        "регион",
        "tous",
        "tous les pays",
        "régional",
    )
)
# Separators between the names of a list: "; ", ", ", " and ", " & ", "/", new lines.
_SEPARATORS = re.compile(r"\s*(?:[;,\n/+]|\s(?:and|&|et|и)\s)\s*", re.IGNORECASE)


def fold(text: str) -> str:
    """Return text as names are compared: accents, case, quotes and spacing set aside."""
    if text.isascii():  # no accents, curly quotes or no-break spaces: the common case, fast
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'").replace("\u00a0", " "))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def _folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """Return the folded text and, for each of its characters, the position in `text` it came from."""
    if text.isascii():  # folding ASCII is lower case, character for character
        return text.lower(), list(range(len(text)))
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text.replace("’", "'").replace("\u00a0", " ")):
        for part in unicodedata.normalize("NFKD", char):
            if unicodedata.combining(part):
                continue
            for folded in part.casefold():
                chars.append(folded)
                offsets.append(index)
    return "".join(chars), offsets


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    values: tuple[str, ...]  # ISO3 codes or acronyms the name stands for; several: ambiguous


class _Index:
    """Names (folded) → the codes they stand for, matched longest first at word boundaries."""

    def __init__(self, names: Iterable[tuple[str, str, int]]) -> None:
        best: dict[str, tuple[int, set[str]]] = {}
        for name, value, priority in names:
            key = fold(name)
            if len(key) < 2:
                continue
            current = best.get(key)
            if current is None or priority < current[0]:
                best[key] = (priority, {value})
            elif priority == current[0]:
                current[1].add(value)
        self.values: dict[str, tuple[str, ...]] = {key: tuple(sorted(v)) for key, (_p, v) in best.items()}
        alternatives = "|".join(re.escape(key) for key in sorted(self.values, key=len, reverse=True))
        self.pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)") if alternatives else None

    def scan(self, text: str) -> list[_Found]:
        if self.pattern is None:
            return []
        folded, offsets = _folded_with_offsets(text)
        found: list[_Found] = []
        for match in self.pattern.finditer(folded):
            start, end = offsets[match.start()], offsets[match.end() - 1] + 1
            found.append(_Found(start, end, self.values[match.group(0)]))
        return found


def _segments(text: str, found: list[_Found]) -> list[tuple[str, list[_Found]]]:
    """Split a list into its names at separators that fall outside any name recognised."""
    cuts: list[tuple[int, int]] = []
    for separator in _SEPARATORS.finditer(text):
        if any(item.start < separator.end() and separator.start() < item.end for item in found):
            continue
        cuts.append((separator.start(), separator.end()))
    segments: list[tuple[str, list[_Found]]] = []
    start = 0
    for cut_start, cut_end in [*cuts, (len(text), len(text))]:
        piece = text[start:cut_start]
        inside = [item for item in found if start <= item.start and item.end <= cut_start]
        stripped = _trim(piece)
        if stripped:
            segments.append((stripped, inside))
        start = cut_end
    return segments


def _trim(piece: str) -> str:
    """Return a name without the punctuation around it, keeping a bracket it closes: "Sughd (DRS)"."""
    piece = piece.strip(" \t[].:;,-–—*\"'")
    while piece.startswith("(") and piece.endswith(")"):
        piece = piece[1:-1].strip()
    if piece.startswith("(") and ")" not in piece:
        piece = piece[1:].strip()
    if piece.endswith(")") and "(" not in piece:
        piece = piece[:-1].strip()
    return piece


@dataclass(frozen=True)
class EntityMatch:
    """One name of an entity as written, with the acronym it resolves to or the candidates it may mean."""

    text: str
    acronym: str = ""
    candidates: tuple[str, ...] = ()
    generic: bool = False  # a unit every entity may have ("PMU")
    exact: bool = False  # the text is the name itself, nothing around it ("UNDP", not "UNDP PMU office")

    @property
    def state(self) -> Literal["resolved", "ambiguous", "unknown"]:
        """Return whether the name resolves to one entity, may mean several, or names none known."""
        if self.acronym:
            return "resolved"
        return "ambiguous" if self.candidates or self.generic else "unknown"


@dataclass
class Recogniser:
    """The reference data's names, ready for pure lookups (see the module docstring)."""

    country_names: dict[str, list[str]] = field(default_factory=dict)  # ISO3 -> names (en, fr, ru …)
    country_codes: dict[str, str] = field(default_factory=dict)  # ISO2 and ISO3 -> ISO3
    entity_names: dict[str, str] = field(default_factory=dict)  # acronym -> name
    entity_aliases: dict[str, list[str]] = field(default_factory=dict)  # acronym -> other names
    target_codes: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        self._countries = _Index(self._country_keys())
        self._entities = _Index(self._entity_keys())
        self._generic = _Index((name, "*", 0) for name in GENERIC_UNITS)

    @classmethod
    def from_reference(cls) -> Recogniser:
        """Return a recogniser of the countries, entities and SDG targets in the database (three queries)."""
        from rcphub.reference.models import Country, Entity, SdgTarget

        country_names: dict[str, list[str]] = {}
        country_codes: dict[str, str] = {}
        for iso2, iso3, name_en, name_fr, name_ru in Country.objects.values_list(
            "iso2", "iso3", "name_en", "name_fr", "name_ru"
        ):
            country_names[iso3] = [name for name in (name_en, name_fr, name_ru) if name]
            country_codes[iso3] = iso3
            country_codes[iso2] = iso3
        entity_names: dict[str, str] = {}
        entity_aliases: dict[str, list[str]] = {}
        for acronym, name, aliases in Entity.objects.values_list("acronym", "name", "aliases"):
            entity_names[acronym] = name
            entity_aliases[acronym] = [alias.strip() for alias in aliases.split(",") if alias.strip()]
        targets = frozenset(SdgTarget.objects.values_list("code", flat=True))
        return cls(
            country_names=country_names,
            country_codes=country_codes,
            entity_names=entity_names,
            entity_aliases=entity_aliases,
            target_codes=targets,
        )

    # --- names -----------------------------------------------------------------------------------

    def _country_keys(self) -> Iterable[tuple[str, str, int]]:
        for iso3, names in self.country_names.items():
            for name in names:
                yield name, iso3, 0
                yield from ((variant, iso3, 1) for variant in _name_variants(name))
            for alias in COUNTRY_ALIASES.get(iso3, ()):
                yield alias, iso3, 0

    def _entity_keys(self) -> Iterable[tuple[str, str, int]]:
        for acronym, name in self.entity_names.items():
            yield acronym, acronym, 0
            yield name, acronym, 0
            for alias in self.entity_aliases.get(acronym, []):
                yield alias, acronym, 0
            for alias in ENTITY_ALIASES.get(acronym, ()):
                yield alias, acronym, 1
            for form in (
                acronym.replace("-", " "),
                acronym.replace("-", ""),
                *_name_variants(name, turn=False),
            ):
                if form not in (acronym, name):
                    yield form, acronym, 2

    # --- lookups ---------------------------------------------------------------------------------

    def countries(self, text: str) -> tuple[list[str], list[str]]:
        """Return the ISO3 codes of the countries a text names, in order, and the parts naming none.

        Names spanning a separator ("Bosnia and Herzegovina") are one name. A name that two countries
        share ("Korea") is not recognised; nor is a code in lower case ("arm" is a word).
        """
        found = [item for item in self._countries.scan(text) if len(item.values) == 1]
        for match in re.finditer(r"(?<![\w-])[A-Z]{3}(?![\w-])", text):
            iso3 = self.country_codes.get(match.group(0))
            if iso3 and not any(item.start <= match.start() < item.end for item in found):
                found.append(_Found(match.start(), match.end(), (iso3,)))
        found.sort(key=lambda item: item.start)
        codes: list[str] = []
        unrecognised: list[str] = []
        for piece, inside in _segments(text, found):
            if not inside:
                code = self.country_codes.get(piece) if len(piece) == 2 and piece.isupper() else None
                if code:
                    inside = [_Found(0, 0, (code,))]
                elif fold(piece) not in REGION_WIDE:
                    unrecognised.append(piece)
            for item in inside:
                if item.values[0] not in codes:
                    codes.append(item.values[0])
        return codes, unrecognised

    def entities(self, text: str, *, context: Sequence[str] = ()) -> list[EntityMatch]:
        """Return each entity a text names, as written, resolved where it can be (see the module docstring).

        `context` is the acronyms a generic unit such as "PMU" may belong to (offered as candidates).
        "-" and empty text name none.
        """
        # A Member State is an entity under its ISO3 code: "AND" is Andorra, "and" is a word.
        found = [
            item
            for item in self._entities.scan(text)
            if not (
                len(item.values) == 1
                and item.values[0] in self.country_codes
                and text[item.start : item.end] != item.values[0]
                and fold(text[item.start : item.end]) == fold(item.values[0])
            )
        ]
        generic = [item for item in self._generic.scan(text) if not _overlaps(item, found)]
        found = sorted([*found, *generic], key=lambda item: item.start)
        matches: list[EntityMatch] = []
        for piece, inside in _segments(text, found):
            if not inside:
                if piece not in ("-", "–", "—") and fold(piece) not in ("n/a", "none", "tbd", "tbc"):
                    matches.append(EntityMatch(text=piece))
                continue
            for item in inside:
                written = piece if len(inside) == 1 else text[item.start : item.end]
                if item.values == ("*",):
                    candidates = tuple(dict.fromkeys(context))
                    matches.append(EntityMatch(text=written, candidates=candidates, generic=True))
                elif len(item.values) == 1:
                    exact = fold(written) == fold(text[item.start : item.end])
                    matches.append(EntityMatch(text=written, acronym=item.values[0], exact=exact))
                else:
                    matches.append(EntityMatch(text=written, candidates=item.values))
        return matches

    def sdg_targets(self, text: str) -> list[str]:
        """Return the SDG target codes a text names that exist ("8.7", "16.9", "6.a"), in order.

        A "; "-separated part that starts with a code ("10.7 Facilitate orderly …") names that
        target only, whatever numbers its title holds.
        """
        codes: list[str] = []
        pattern = re.compile(r"(?<![\d.])(\d{1,2}\.(?:\d{1,2}|[a-z]))(?![\w]|\.\d)")
        # UN INFO joins targets with "," too: "6.a By 2030, expand …,6.b Support …".
        for part in re.split(r";|,(?=\s*\d{1,2}\.(?:\d{1,2}|[a-z])\s)", text):
            leading = pattern.match(part.strip())
            titled = leading is not None and re.match(r"\s+[^\W\d]", part.strip()[leading.end() :])
            candidates = [leading.group(1)] if leading and titled else pattern.findall(part)
            for code in candidates:
                if code in self.target_codes and code not in codes:
                    codes.append(code)
        return codes

    def entity_label(self, acronym: str) -> str:
        """Return "UNDP – United Nations Development Programme", as a choice is shown."""
        name = self.entity_names.get(acronym, "")
        return f"{acronym} – {name}" if name and name != acronym else acronym


def _overlaps(item: _Found, others: list[_Found]) -> bool:
    return any(item.start < other.end and other.start < item.end for other in others)


def _name_variants(name: str, *, turn: bool = True) -> list[str]:
    """Return the shorter forms a name is written in: without its bracket, with its ", … of" turned round."""
    variants: list[str] = []
    bare = re.sub(r"\s*\([^)]*\)", "", name).strip()
    if bare and bare != name:
        variants.append(bare)
    if turn and ", " in bare and re.search(r"\bof(?: the)?$", bare):
        head, tail = bare.split(", ", 1)
        variants.append(f"{tail} {head}")  # "Iran, Islamic Republic of" → "Islamic Republic of Iran"
        variants.append(head)  # → "Iran"
    if name.startswith("United Nations "):
        variants.append("UN " + name.removeprefix("United Nations "))
    return variants


@dataclass
class EntityQuestions:
    """The entities a document names, resolved, with a Question per ambiguous name and a Notice per unknown one.

    Call `resolve()` for each field that names entities; it returns the acronyms resolved and records
    what the person must decide. An ambiguous name ("PMU", an alias two entities share) asks one
    question however often the document writes it; its `keys` are the item keys with the field appended
    ("results.0.outputs.1.activities.3.lead", "commitments.2.responsible_entities"), so that the
    commit adds the acronym answered to that field of each item, or nothing where the answer is "" (the
    text as written stays in the item's `entities_text` / `responsible_text`). An unknown name gives a
    Notice on its item: it is kept as written and no entity is linked.
    """

    recogniser: Recogniser
    questions: list[Question] = field(default_factory=list)
    notices: list[Notice] = field(default_factory=list)
    _by_text: dict[str, Question] = field(default_factory=dict)

    def resolve(self, matches: Sequence[EntityMatch], *, key: str, field_name: str, where: str) -> list[str]:
        """Return the acronyms the matches resolve to, in order; record questions and notices for the rest."""
        acronyms: list[str] = []
        for match in matches:
            if match.state == "resolved":
                if match.acronym not in acronyms:
                    acronyms.append(match.acronym)
            elif match.state == "ambiguous":
                self._ask(match, key=f"{key}.{field_name}", where=where)
            else:
                self.notices.append(
                    Notice(
                        where=where,
                        message=_("“%(name)s” is not an entity rcphub knows; it is kept as written.")
                        % {"name": match.text},
                        key=key,
                    )
                )
        return acronyms

    def _ask(self, match: EntityMatch, *, key: str, where: str) -> None:
        folded = fold(match.text)
        question = self._by_text.get(folded)
        if question is None:
            choices = [
                Choice(value=acronym, label=self.recogniser.entity_label(acronym))
                for acronym in match.candidates
            ]
            choices.append(Choice(value="", label=_("Leave out (keep the text as written)")))
            question = Question(
                id=f"entity-{len(self.questions) + 1}",
                about="entity",
                text=match.text,
                where=where,
                choices=choices,
                default="",
            )
            self._by_text[folded] = question
            self.questions.append(question)
        if key not in question.keys:
            question.keys.append(key)
