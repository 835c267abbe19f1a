from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplansConfig(AppConfig):
    name = "rcphub.workplans"
    verbose_name = _("Work plans")

    def ready(self) -> None:
        from rcphub.workplans.search import register_search

        register_search()
