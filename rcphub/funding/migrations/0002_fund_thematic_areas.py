"""Thematic areas become data of each fund (see docs/decisions/0004-fund-thematic-areas.md), step 1 of 3.

The fixed code of a joint programme is kept, renamed `thematic_area_code`, beside the new foreign key
`thematic_area` (empty for now); 0003 creates each fund's areas and fills the key, 0004 drops the code.
The steps are three migrations so that PostgreSQL runs the data step in a transaction of its own.
"""

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="FundThematicArea",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created at")),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated at")),
                (
                    "code",
                    models.SlugField(
                        help_text="Short and stable, unique in the fund: what the API takes.",
                        max_length=60,
                        verbose_name="code",
                    ),
                ),
                ("name_en", models.CharField(max_length=300, verbose_name="name (English)")),
                ("name_fr", models.CharField(blank=True, max_length=300, verbose_name="name (French)")),
                ("name_ru", models.CharField(blank=True, max_length=300, verbose_name="name (Russian)")),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="Areas are listed in this order.", verbose_name="position"
                    ),
                ),
                (
                    "fund",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="thematic_areas",
                        to="funding.fund",
                        verbose_name="fund",
                    ),
                ),
            ],
            options={
                "verbose_name": "thematic area",
                "verbose_name_plural": "thematic areas",
                "ordering": ["position", "id"],
            },
        ),
        migrations.AddConstraint(
            model_name="fundthematicarea",
            constraint=models.UniqueConstraint(fields=("fund", "code"), name="funding_thematic_area_code_unique"),
        ),
        migrations.CreateModel(
            name="HistoricalFundThematicArea",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("created_at", models.DateTimeField(blank=True, editable=False, verbose_name="created at")),
                ("updated_at", models.DateTimeField(blank=True, editable=False, verbose_name="updated at")),
                (
                    "code",
                    models.SlugField(
                        help_text="Short and stable, unique in the fund: what the API takes.",
                        max_length=60,
                        verbose_name="code",
                    ),
                ),
                ("name_en", models.CharField(max_length=300, verbose_name="name (English)")),
                ("name_fr", models.CharField(blank=True, max_length=300, verbose_name="name (French)")),
                ("name_ru", models.CharField(blank=True, max_length=300, verbose_name="name (Russian)")),
                (
                    "position",
                    models.PositiveSmallIntegerField(
                        default=0, help_text="Areas are listed in this order.", verbose_name="position"
                    ),
                ),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                (
                    "history_type",
                    models.CharField(
                        choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1
                    ),
                ),
                (
                    "fund",
                    models.ForeignKey(
                        blank=True,
                        db_constraint=False,
                        null=True,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        related_name="+",
                        to="funding.fund",
                        verbose_name="fund",
                    ),
                ),
                (
                    "history_user",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "historical thematic area",
                "verbose_name_plural": "historical thematic areas",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RenameField(
            model_name="jointprogramme", old_name="thematic_area", new_name="thematic_area_code"
        ),
        migrations.RenameField(
            model_name="historicaljointprogramme", old_name="thematic_area", new_name="thematic_area_code"
        ),
        migrations.AddField(
            model_name="jointprogramme",
            name="thematic_area",
            field=models.ForeignKey(
                help_text="One of the fund's thematic areas.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="joint_programmes",
                to="funding.fundthematicarea",
                verbose_name="thematic area",
            ),
        ),
        migrations.AddField(
            model_name="historicaljointprogramme",
            name="thematic_area",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                help_text="One of the fund's thematic areas.",
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="funding.fundthematicarea",
                verbose_name="thematic area",
            ),
        ),
    ]
