"""Load the nine kinds of implementer of a practice."""

from django.db import migrations

IMPLEMENTER_TYPES = [
    ("member_state", "Member State"),
    ("local_authority", "Local authority"),
    ("un_entity", "UN entity"),
    ("civil_society", "Civil society"),
    ("migrant_diaspora", "Migrant or diaspora organisation"),
    ("academia", "Academia"),
    ("private_sector", "Private sector"),
    ("trade_union", "Trade union"),
    ("other", "Other"),
]


def load(apps, schema_editor):
    ImplementerType = apps.get_model("repository", "ImplementerType")
    for order, (code, name) in enumerate(IMPLEMENTER_TYPES, start=1):
        ImplementerType.objects.update_or_create(code=code, defaults={"name": name, "order": order})


def unload(apps, schema_editor):
    apps.get_model("repository", "ImplementerType").objects.filter(
        code__in=[code for code, _ in IMPLEMENTER_TYPES]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("repository", "0001_initial")]

    operations = [migrations.RunPython(load, unload)]
