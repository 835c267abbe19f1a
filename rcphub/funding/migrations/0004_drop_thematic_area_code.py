"""Thematic areas become data of each fund, step 3 of 3: the former code goes and every joint programme
has an area of its fund.

The code is first given an empty default, so that migrating backwards can add the column again before
0003 writes the codes back.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("funding", "0003_thematic_areas_from_former_choices")]

    operations = [
        migrations.AlterField(
            model_name="jointprogramme",
            name="thematic_area_code",
            field=models.CharField(blank=True, default="", max_length=30, verbose_name="thematic area (code)"),
        ),
        migrations.AlterField(
            model_name="historicaljointprogramme",
            name="thematic_area_code",
            field=models.CharField(blank=True, default="", max_length=30, verbose_name="thematic area (code)"),
        ),
        migrations.RemoveField(model_name="jointprogramme", name="thematic_area_code"),
        migrations.RemoveField(model_name="historicaljointprogramme", name="thematic_area_code"),
        migrations.AlterField(
            model_name="jointprogramme",
            name="thematic_area",
            field=models.ForeignKey(
                help_text="One of the fund's thematic areas.",
                on_delete=django.db.models.deletion.PROTECT,
                related_name="joint_programmes",
                to="funding.fundthematicarea",
                verbose_name="thematic area",
            ),
        ),
    ]
