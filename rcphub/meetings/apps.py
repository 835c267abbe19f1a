from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "rcphub.meetings"
    verbose_name = _("Meetings")
