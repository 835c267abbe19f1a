from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from rcphub.accounts.models import User

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("debug", [True, False])
def test_seed_demo_never_runs_with_production_settings_whatever_debug_says(settings, debug):
    settings.PRODUCTION = True
    settings.DEBUG = debug

    with pytest.raises(CommandError, match="production settings"):
        call_command("seed_demo", stdout=StringIO())

    assert not User.objects.exists()
