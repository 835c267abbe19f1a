from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from rcphub.accounts.models import Membership, User
from rcphub.coalitions.models import Coalition, CoalitionMember, CountryNetwork, Platform
from rcphub.core.dates import today
from rcphub.workplans.demo import read
from rcphub.workplans.demo.progress import derived_track
from rcphub.workplans.models import Activity, Output, ReportingRound, Result, StatusReport, WorkPlan
from rcphub.workplans.services import (
    StatusEntry,
    activity_bulk_create,
    output_bulk_create,
    status_report_bulk_record,
)

pytestmark = pytest.mark.django_db

SEEDED = [
    Platform,
    Coalition,
    CoalitionMember,
    CountryNetwork,
    User,
    Membership,
    WorkPlan,
    Result,
    Output,
    Activity,
    ReportingRound,
    StatusReport,
]


def _seed():
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def _counts():
    """Rows and history records of every table the demo fills: a save anywhere adds a history record."""
    return {model.__name__: (model.objects.count(), model.history.count()) for model in SEEDED}


@pytest.fixture(scope="class")
def seeded_once(django_db_setup, django_db_blocker):
    """Seed once for the class, in a transaction rolled back after its last test (seeding takes seconds)."""
    with django_db_blocker.unblock(), override_settings(DEBUG=True), transaction.atomic():
        yield _seed()
        transaction.set_rollback(True)


@pytest.fixture
def seeded(seeded_once, db):
    return seeded_once


class TestSeededDemo:
    def test_seed_demo_builds_coalitions_with_members_and_the_migration_network(self, seeded):
        coalitions = Coalition.objects.all()
        assert coalitions.count() >= 6
        assert Platform.objects.get().name == "Regional Collaborative Platform for Europe and Central Asia"
        for coalition in coalitions:
            roles = list(coalition.members.values_list("role", flat=True))
            assert roles.count("co_chair") == 2, coalition.slug
            assert 5 <= roles.count("member") <= 10, coalition.slug
            assert roles.count("secretariat") == 1, coalition.slug
            assert coalition.tor_url.startswith("https://")
        network = Coalition.objects.get(slug="migration-network")
        assert network.kind == "network"
        assert network.parent.slug == "large-movements"
        assert 8 <= network.networks.count() <= 15
        assert not network.networks.filter(established_on__isnull=True).exists()
        assert not network.networks.exclude(country__programme_country=True).exists()

    def test_seed_demo_gives_each_coalition_an_endorsed_2026_plan_with_three_rounds_of_progress(self, seeded):
        plans = WorkPlan.objects.filter(title="Work plan 2026")
        assert plans.count() == Coalition.objects.count()
        for plan in plans:
            # As planned; the support demo adds demand-driven activities under a result "DD".
            activities = Activity.objects.filter(output__result__work_plan=plan, demand_driven=False)
            assert plan.state == "endorsed"
            assert date(2026, 1, 20) <= plan.endorsed_on <= date(2026, 2, 28)
            assert plan.results.exclude(code="DD").count() == 3
            assert 8 <= Output.objects.filter(result__work_plan=plan).exclude(result__code="DD").count() <= 12
            assert 20 <= activities.count() <= 40
            assert activities.filter(visibility="internal").count() >= 2
            assert not activities.filter(lead_entities__isnull=True).exists()
            rounds = list(plan.rounds.order_by("as_at").values_list("title", "as_at"))
            assert rounds == [
                ("First quarterly update", date(2026, 3, 31)),
                ("Mid-year review", date(2026, 6, 30)),
                ("Third quarterly update", date(2026, 9, 30)),
            ]
            for round_ in plan.rounds.all():
                assert round_.status_reports.count() >= activities.count() // 2, (plan, round_)
        statuses = set(StatusReport.objects.values_list("status", flat=True))
        assert statuses == {"not_started", "starting", "ongoing", "completed", "delayed", "cancelled"}
        assert WorkPlan.objects.filter(state="draft", title="Work plan 2027").exists()

    def test_seed_demo_health_plan_shows_a_visitor_a_result_footnote_and_an_output_with_no_activities(
        self, seeded
    ):
        from django.contrib.auth.models import AnonymousUser

        from rcphub.workplans.selectors import workplan_tree

        plan = WorkPlan.objects.get(coalition__slug="health", title="Work plan 2026")
        tree = workplan_tree(work_plan=plan, user=AnonymousUser(), as_at=date(2026, 6, 30))
        first = tree.results[0]
        assert first.result.footnotes.startswith("Universal health coverage as in SDG target 3.8")
        empty = [o for o in first.outputs if not o.activities]
        assert [o.output.code for o in empty] == ["1.4"]
        assert empty[0].output.footnotes.startswith("Added at the mid-year review")
        assert first.outputs[1].output.footnotes.startswith("Refugees and migrants as defined")

    def test_seed_demo_logins_hold_one_role_each_and_report_progress(self, seeded):
        def roles(email):
            return set(
                Membership.objects.filter(user__email=email).values_list(
                    "role", "entity__acronym", "coalition__slug"
                )
            )

        admin = User.objects.get(email="admin@demo.rcphub.org")
        assert admin.is_superuser and admin.is_staff
        assert admin.check_password("rcphub-demo")
        assert roles("admin@demo.rcphub.org") == {("administrator", "UNECE", None)}
        assert roles("platform@demo.rcphub.org") == {("platform_secretariat", "UNECE", None)}
        assert roles("secretariat.health@demo.rcphub.org") == {("coalition_secretariat", "WHO", "health")}
        assert roles("focal.undp@demo.rcphub.org") == {("focal_point", "UNDP", "health")}
        assert roles("member.unfpa@demo.rcphub.org") == {("member", "UNFPA", None)}
        assert roles("followup.unicef@demo.rcphub.org") == {("follow_up_officer", "UNICEF", None)}
        assert CoalitionMember.objects.filter(coalition__slug="health", entity__acronym="UNFPA").exists()

        led_by_undp = Activity.objects.filter(
            output__result__work_plan__coalition__slug="health",
            output__result__work_plan__title="Work plan 2026",
            lead_entities__acronym="UNDP",
        )
        assert led_by_undp.count() >= 2
        unreported = led_by_undp.exclude(status_reports__round__title="Third quarterly update")
        assert unreported.filter(visibility="public").exists()
        authors = set(
            StatusReport.objects.filter(activity__in=led_by_undp).values_list("author__email", flat=True)
        )
        assert authors == {"focal.undp@demo.rcphub.org"}

    def test_seed_demo_records_a_user_in_every_history_record(self, seeded):
        for model in SEEDED:
            assert not model.history.filter(history_user__isnull=True).exists(), model.__name__
        record = Activity.history.filter(history_type="+").order_by("history_date").first()
        assert record.history_user.email == "platform@demo.rcphub.org"
        # One record per activity, holding its lists already.
        planned = Activity.objects.exclude(output__result__code="DD")
        assert Activity.history.exclude(output__result__code="DD").count() == planned.count()
        assert [link.entity_id for link in record.lead_entities.all()] == list(
            Activity.objects.get(pk=record.id).lead_entities.values_list("id", flat=True)
        )

    def test_second_seed_demo_creates_and_changes_nothing(self, seeded, settings):
        settings.DEBUG = True
        before = _counts()

        output = _seed()

        assert _counts() == before
        assert "nothing created" in output


def test_seed_demo_refuses_to_run_without_debug(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        _seed()

    assert _counts() == {model.__name__: (0, 0) for model in SEEDED}


def test_progress_follows_the_timing_as_written_unless_the_plan_says_otherwise():
    rounds = read("rounds")
    second_quarter = {"title": "Workshop", "leads": "UNECE", "due_text": "Q2 2026"}
    whole_year = {"title": "Helpdesk", "leads": "UN-Women", "due_text": "Ongoing"}
    second_half = {"title": "Study", "leads": "ILO", "due_text": "H2 2026"}
    delayed = {"title": "Survey", "leads": "UNFPA", "due_text": "Q2 2026", "track": "SD-"}

    assert derived_track(second_quarter, rounds=rounds, year=2026) == ["not_started", "completed", None]
    assert derived_track(whole_year, rounds=rounds, year=2026) == ["starting", "ongoing", "ongoing"]
    assert derived_track(second_half, rounds=rounds, year=2026) == [None, "not_started", "starting"]
    assert derived_track(delayed, rounds=rounds, year=2026) == ["starting", "delayed", None]


def test_every_demo_activity_has_a_timing_or_a_track_that_covers_the_rounds():
    rounds = read("rounds")
    activities = [
        (plan, activity)
        for plan in read("work_plans")
        for result in plan["results"]
        for output in result["outputs"]
        for activity in output["activities"]
    ]

    tracks = [derived_track(a, rounds=rounds, year=plan["period_start"].year) for plan, a in activities]

    assert len(activities) == 162 and all(len(track) == len(rounds) for track in tracks)
    written = {a["title"]: track for (_, a), track in zip(activities, tracks, strict=True) if "track" in a}
    assert written["Essential services for survivors in rural areas"] == ["starting", "ongoing", "delayed"]


# The bulk services the seed writes through: the same rules as one row at a time.


def test_activity_bulk_create_refuses_a_code_taken_in_its_output_and_writes_nothing(
    work_plan, coalition_secretariat
):
    output = work_plan.results.get().outputs.get()
    before = Activity.objects.count()
    rows = [(output, {"code": "iii", "title": "Peer exchange"}), (output, {"code": "i", "title": "Again"})]

    with pytest.raises(ValidationError) as error:
        activity_bulk_create(rows=rows, by=coalition_secretariat)

    assert "code" in error.value.message_dict
    assert Activity.objects.count() == before


def test_activity_bulk_create_names_the_row_and_field_of_an_invalid_activity(
    work_plan, coalition_secretariat
):
    output = work_plan.results.get().outputs.get()
    rows = [
        (output, {"code": "iii", "title": "Survey", "start_on": date(2026, 5, 1), "end_on": date(2026, 4, 1)})
    ]

    with pytest.raises(ValidationError) as error:
        activity_bulk_create(rows=rows, by=coalition_secretariat)

    assert "Activity iii of output 1.1" in error.value.message_dict["end_on"][0]


def test_activity_bulk_create_is_for_those_who_manage_the_work_plan(work_plan, focal_point):
    output = work_plan.results.get().outputs.get()

    with pytest.raises(PermissionDenied):
        activity_bulk_create(rows=[(output, {"code": "iii", "title": "Survey"})], by=focal_point)


def test_activity_bulk_create_writes_one_history_record_with_the_lists(
    work_plan, coalition_secretariat, entity
):
    output = work_plan.results.get().outputs.get()
    undp, who = entity("UNDP"), entity("WHO")

    [created] = activity_bulk_create(
        rows=[
            (output, {"code": "iii", "title": "Survey", "lead_entities": [undp], "partner_entities": [who]})
        ],
        by=coalition_secretariat,
    )

    assert created.order == 3
    assert list(created.lead_entities.all()) == [undp]
    [record] = created.history.all()
    assert record.history_user == coalition_secretariat
    assert [link.entity_id for link in record.partner_entities.all()] == [who.pk]


def test_output_bulk_create_numbers_validates_and_records_outputs_in_a_few_queries(
    work_plan, coalition_secretariat, focal_point, django_assert_max_num_queries
):
    result = work_plan.results.get()
    rows = [(result, {"code": f"1.{n}", "title": f"Output {n}", "footnotes": " Note "}) for n in range(2, 12)]

    with django_assert_max_num_queries(8):
        created = output_bulk_create(rows=rows, by=coalition_secretariat)

    last = result.outputs.get(code="1.1").order
    assert [(o.code, o.order) for o in created[:2]] == [("1.2", last + 1), ("1.3", last + 2)]
    assert created[0].footnotes == "Note"
    assert (
        Output.history.filter(id__in=[o.pk for o in created], history_user=coalition_secretariat).count()
        == 10
    )
    before = Output.objects.count()
    with pytest.raises(ValidationError) as taken:
        output_bulk_create(
            rows=[(result, {"code": "1.20", "title": "New"}), (result, {"code": "1.1", "title": "Again"})],
            by=coalition_secretariat,
        )
    with pytest.raises(ValidationError) as invalid:
        output_bulk_create(rows=[(result, {"code": "1.21", "title": ""})], by=coalition_secretariat)
    with pytest.raises(PermissionDenied):
        output_bulk_create(rows=[(result, {"code": "1.22", "title": "Survey"})], by=focal_point)
    assert "Result 1 already has an output 1.1." in taken.value.message_dict["code"]
    assert invalid.value.message_dict["title"][0].startswith("Output 1.21 of result 1: ")
    assert Output.objects.count() == before


def test_status_report_bulk_record_keeps_the_rules_of_one_report_and_writes_nothing_on_refusal(
    work_plan, focal_point
):
    activities = work_plan.results.get().outputs.get().activities
    led_by_undp, led_by_who = activities.get(code="i"), activities.get(code="ii")
    mine = StatusEntry(activity=led_by_undp, status="ongoing", as_at=date(2026, 3, 31), by=focal_point)

    with pytest.raises(PermissionDenied):
        status_report_bulk_record(
            entries=[mine, StatusEntry(activity=led_by_who, status="ongoing", by=focal_point)]
        )
    future = StatusEntry(
        activity=led_by_undp, status="ongoing", as_at=today() + timedelta(days=1), by=focal_point
    )
    with pytest.raises(ValidationError) as error:
        status_report_bulk_record(entries=[mine, future])

    assert "as_at" in error.value.message_dict
    assert not StatusReport.objects.exists()
    [report] = status_report_bulk_record(entries=[mine])
    assert report.author == focal_point
    assert report.history.get().history_user == focal_point
