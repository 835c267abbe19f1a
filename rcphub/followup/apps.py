from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FollowupConfig(AppConfig):
    name = "rcphub.followup"
    verbose_name = _("Follow-up")

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_save

        from rcphub.followup.models import FollowUpReport
        from rcphub.followup.services import refresh_report_dates

        # Any single write of a report (the services, the admin) keeps the dates reports are replaced on.
        post_save.connect(
            refresh_report_dates, sender=FollowUpReport, dispatch_uid="rcphub.followup.valid_until"
        )
        post_delete.connect(
            refresh_report_dates, sender=FollowUpReport, dispatch_uid="rcphub.followup.valid_until"
        )
