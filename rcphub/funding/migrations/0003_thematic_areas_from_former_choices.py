"""Thematic areas become data of each fund, step 2 of 3: every fund gets the nine areas that were fixed
choices until now, and each joint programme (and each of its history records) points at its fund's area
of the same code.

The nine areas are frozen here, as they stood: the code no longer names them anywhere else. Backwards,
the codes are written back and the areas deleted (an area added since, whatever its code, becomes "other").
"""

from django.db import migrations
from django.utils import timezone

# code, English (the former choices' labels), French, Russian.
FORMER_AREAS = (
    (
        "gender_equality",
        "Gender equality and human rights",
        "Égalité des genres et droits humains",
        "Гендерное равенство и права человека",
    ),
    ("youth", "Youth and adolescents", "Jeunes et adolescents", "Молодежь и подростки"),
    ("health", "Health and well-being", "Santé et bien-être", "Здоровье и благополучие"),
    ("social_protection", "Social protection", "Protection sociale", "Социальная защита"),
    (
        "migration",
        "Migration, displacement and resilience",
        "Migrations, déplacements et résilience",
        "Миграция, перемещение населения и жизнестойкость",
    ),
    (
        "climate",
        "Environment and climate change",
        "Environnement et changements climatiques",
        "Окружающая среда и изменение климата",
    ),
    ("data", "Data and statistics", "Données et statistiques", "Данные и статистика"),
    (
        "governance",
        "Governance and rule of law",
        "Gouvernance et état de droit",
        "Государственное управление и верховенство права",
    ),
    ("other", "Other", "Autre", "Другое"),
)
FORMER_CODES = frozenset(code for code, *_names in FORMER_AREAS)
OTHER = "other"
REASON = "Created from the former fixed thematic areas"


def areas_from_former_choices(apps, schema_editor):
    db = schema_editor.connection.alias
    fund_model = apps.get_model("funding", "Fund")
    area_model = apps.get_model("funding", "FundThematicArea")
    area_history = apps.get_model("funding", "HistoricalFundThematicArea")
    programme_model = apps.get_model("funding", "JointProgramme")
    programme_history = apps.get_model("funding", "HistoricalJointProgramme")
    now = timezone.now()
    for fund in fund_model.objects.using(db).order_by("pk"):
        areas = {}
        for position, (code, name_en, name_fr, name_ru) in enumerate(FORMER_AREAS, start=1):
            names = {"name_en": name_en, "name_fr": name_fr, "name_ru": name_ru}
            area = area_model.objects.using(db).create(fund=fund, code=code, position=position, **names)
            area_history.objects.using(db).create(
                id=area.pk,
                fund_id=fund.pk,
                code=code,
                position=position,
                created_at=area.created_at,
                updated_at=area.updated_at,
                history_date=now,
                history_type="+",
                history_change_reason=REASON,
                **names,
            )
            areas[code] = area
        for code, area in areas.items():
            programme_model.objects.using(db).filter(fund=fund, thematic_area_code=code).update(
                thematic_area=area
            )
            programme_history.objects.using(db).filter(fund_id=fund.pk, thematic_area_code=code).update(
                thematic_area=area
            )
        # The choices allowed no other code; a row written around them is classed "other", not lost.
        programme_model.objects.using(db).filter(fund=fund, thematic_area__isnull=True).update(
            thematic_area=areas[OTHER]
        )


def codes_from_areas(apps, schema_editor):
    db = schema_editor.connection.alias
    area_model = apps.get_model("funding", "FundThematicArea")
    area_history = apps.get_model("funding", "HistoricalFundThematicArea")
    programme_model = apps.get_model("funding", "JointProgramme")
    programme_history = apps.get_model("funding", "HistoricalJointProgramme")
    for area in area_model.objects.using(db).order_by("pk"):
        code = area.code if area.code in FORMER_CODES else OTHER
        programme_model.objects.using(db).filter(thematic_area=area).update(
            thematic_area_code=code, thematic_area=None
        )
        programme_history.objects.using(db).filter(thematic_area_id=area.pk).update(
            thematic_area_code=code, thematic_area=None
        )
    area_history.objects.using(db).all().delete()
    area_model.objects.using(db).all().delete()


class Migration(migrations.Migration):
    dependencies = [("funding", "0002_fund_thematic_areas")]

    operations = [migrations.RunPython(areas_from_former_choices, codes_from_areas)]
