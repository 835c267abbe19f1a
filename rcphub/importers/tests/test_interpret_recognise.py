"""Countries, entities and SDG targets recognised against the reference data."""

import pytest

from rcphub.importers.interpret.recognise import EntityMatch, EntityQuestions, Recogniser

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def recogniser(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return Recogniser.from_reference()


@pytest.mark.parametrize(
    ("text", "codes", "rest"),
    [
        ("(Azerbaijan and Turkmenistan)", ["AZE", "TKM"], []),
        ("Kyrgyzstan; Tajikistan", ["KGZ", "TJK"], []),
        ("Republic of Moldova", ["MDA"], []),
        ("Moldova, Georgia", ["MDA", "GEO"], []),
        ("ARM; GEO; KG", ["ARM", "GEO", "KGZ"], []),
        ("Kosovo", ["XKX"], []),
        ("Kosovo (under UNSCR 1244)", ["XKX"], []),
        ("Bosnia and Herzegovina, Serbia and Montenegro", ["BIH", "SRB", "MNE"], []),
        ("Казахстан; Кыргызстан", ["KAZ", "KGZ"], []),
        ("Turkiye", ["TUR"], []),
        ("Armenia; Georgia; Narnia", ["ARM", "GEO"], ["Narnia"]),
        ("All", [], []),
        ("Korea", [], ["Korea"]),
    ],
)
def test_countries_are_recognised_by_name_short_form_or_code(recogniser, text, codes, rest):
    assert recogniser.countries(text) == (codes, rest)


def test_a_lower_case_word_is_not_an_iso_code(recogniser):
    assert recogniser.countries("arm and leg") == ([], ["arm", "leg"])


def _resolved(matches):
    return [(m.text, m.acronym) for m in matches]


def test_entities_by_acronym_in_a_list(recogniser):
    assert _resolved(recogniser.entities("UNDP, UNICEF")) == [("UNDP", "UNDP"), ("UNICEF", "UNICEF")]


def test_entities_keep_the_office_as_written(recogniser):
    assert _resolved(recogniser.entities("IOM RO Vienna; UNECE Statistics")) == [
        ("IOM RO Vienna", "IOM"),
        ("UNECE Statistics", "UNECE"),
    ]


def test_entities_by_alias_split_at_and_but_not_inside_a_name(recogniser):
    assert _resolved(recogniser.entities("UN Women and UNFPA")) == [
        ("UN Women", "UN-Women"),
        ("UNFPA", "UNFPA"),
    ]
    name = "United Nations Educational, Scientific and Cultural Organization"
    assert _resolved(recogniser.entities(name)) == [(name, "UNESCO")]


def test_entities_case_insensitive_and_longest_first(recogniser):
    assert _resolved(recogniser.entities("unicef eb")) == [("unicef eb", "UNICEF EB")]
    assert _resolved(recogniser.entities("ПРООН; МОМ")) == [("ПРООН", "UNDP"), ("МОМ", "IOM")]


def test_a_member_state_code_in_lower_case_is_a_word(recogniser):
    assert _resolved(recogniser.entities("UNDP and UNICEF")) == [("UNDP", "UNDP"), ("UNICEF", "UNICEF")]


def test_unknown_and_generic_names(recogniser):
    unknown, generic = recogniser.entities("Coalition secretariat; PMU", context=["UNDP", "IOM"])
    assert unknown == EntityMatch(text="Coalition secretariat")
    assert unknown.state == "unknown"
    assert generic.state == "ambiguous"
    assert generic.candidates == ("UNDP", "IOM")
    assert recogniser.entities("-") == []


def test_an_alias_two_entities_share_is_ambiguous():
    recogniser = Recogniser(
        entity_names={"UNDP": "United Nations Development Programme", "UNDRR": "UN Office for Disaster Risk"},
        entity_aliases={"UNDP": ["UND"], "UNDRR": ["UND"]},
    )
    (match,) = recogniser.entities("UND")
    assert match.state == "ambiguous"
    assert match.candidates == ("UNDP", "UNDRR")


def test_entity_questions_ask_once_per_name_and_warn_of_unknown_names():
    recogniser = Recogniser(
        entity_names={
            "UNDP": "United Nations Development Programme",
            "IOM": "International Organization for Migration",
        }
    )
    asker = EntityQuestions(recogniser)
    first = asker.resolve(
        recogniser.entities("UNDP; PMU", context=["UNDP", "IOM"]),
        key="results.0.outputs.0.activities.0",
        field_name="lead",
        where="table 1, row 2",
    )
    second = asker.resolve(
        recogniser.entities("pmu; Friends of the Coalition", context=["UNDP", "IOM"]),
        key="results.0.outputs.0.activities.1",
        field_name="partners",
        where="table 1, row 3",
    )
    assert (first, second) == (["UNDP"], [])
    (question,) = asker.questions
    assert question.about == "entity"
    assert question.text == "PMU"
    assert [choice.value for choice in question.choices] == ["UNDP", "IOM", ""]
    assert question.choices[0].label == "UNDP – United Nations Development Programme"
    assert question.keys == [
        "results.0.outputs.0.activities.0.lead",
        "results.0.outputs.0.activities.1.partners",
    ]
    (notice,) = asker.notices
    assert "Friends of the Coalition" in notice.message
    assert (notice.key, notice.where) == ("results.0.outputs.0.activities.1", "table 1, row 3")


def test_sdg_targets_that_exist(recogniser):
    assert recogniser.sdg_targets("SDG 8.7, 16.9 and 99.9") == ["8.7", "16.9"]
    text = "10.7 Facilitate orderly migration, including 3.1 mentions; 6.a By 2030, expand,6.b Support local"
    assert recogniser.sdg_targets(text) == ["10.7", "6.a", "6.b"]
