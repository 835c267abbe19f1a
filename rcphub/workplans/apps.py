from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkplansConfig(AppConfig):
    name = "rcphub.workplans"
    verbose_name = _("Work plans")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from rcphub.workplans.models import StatusReport
        from rcphub.workplans.search import register_search
        from rcphub.workplans.services import refresh_report_dates
        from rcphub.workplans.treecache import connect_data_version

        register_search()
        connect_data_version()
        # Any single write of a report (the services, the admin) keeps the dates reports are replaced on.
        post_save.connect(
            refresh_report_dates, sender=StatusReport, dispatch_uid="rcphub.workplans.valid_until"
        )
        post_delete.connect(
            refresh_report_dates, sender=StatusReport, dispatch_uid="rcphub.workplans.valid_until"
        )
