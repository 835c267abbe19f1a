from datetime import date
from typing import Any

import factory

from rcphub.reference.models import Country, Entity, GcmObjective, SdgTarget
from rcphub.workplans.models import Activity, Output, Result, StatusReport, WorkPlan


class WorkPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkPlan

    title = factory.Sequence(lambda n: f"Work plan 2026 ({n})")
    period_start = date(2026, 1, 1)
    period_end = date(2026, 12, 31)
    state = "draft"


class ResultFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Result

    work_plan = factory.SubFactory(WorkPlanFactory)
    code = factory.Sequence(lambda n: str(n + 1))
    title = "UN Country Teams apply a common approach to leaving no one behind"


class OutputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Output

    result = factory.SubFactory(ResultFactory)
    code = factory.Sequence(lambda n: f"1.{n + 1}")
    title = "Guidance and peer exchange on inclusive service delivery"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    output = factory.SubFactory(OutputFactory)
    code = factory.Sequence(lambda n: f"a{n + 1}")
    title = "Regional peer-learning webinar for UNCT focal points"
    visibility = "public"


class StatusReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StatusReport

    status = "ongoing"
    as_at = date(2026, 3, 31)


def build_work_plan(*, coalition: Any, state: str = "endorsed", activities: int = 2) -> Any:
    """Build a work plan with one result, one output, activity i (public, led by UNDP, in Serbia,
    SDG 3.8, GCM 15) and activity ii (internal, led by WHO), then more public ones up to `activities`."""
    work_plan = WorkPlanFactory(coalition=coalition, title="Work plan 2026", state=state)
    result = ResultFactory(work_plan=work_plan, code="1", title="Health systems reach people left behind")
    output = OutputFactory(result=result, code="1.1", title="Evidence and guidance for UNCTs")
    first = ActivityFactory(
        output=output, code="i", order=1, title="Regional review of access to primary care"
    )
    first.lead_entities.set([Entity.objects.get(acronym="UNDP")])
    first.partner_entities.set([Entity.objects.get(acronym="WHO")])
    first.countries.set([Country.objects.get(iso2="RS")])
    first.sdg_targets.set([SdgTarget.objects.get(code="3.8")])
    first.gcm_objectives.set([GcmObjective.objects.get(number=15)])
    second = ActivityFactory(
        output=output,
        code="ii",
        order=2,
        title="Internal coordination of country support",
        visibility="internal",
    )
    second.lead_entities.set([Entity.objects.get(acronym="WHO")])
    for n in range(3, activities + 1):
        extra = ActivityFactory(output=output, code=f"x{n}", order=n, title=f"Country consultation {n}")
        extra.lead_entities.set([Entity.objects.get(acronym="UNICEF")])
    return work_plan
