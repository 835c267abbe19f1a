from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoalitionsConfig(AppConfig):
    name = "rcphub.coalitions"
    verbose_name = _("Coalitions")

    def ready(self) -> None:
        from rcphub.coalitions.permissions import member_coalition_ids
        from rcphub.search.reader import register_reader_scope

        # The search app sits below coalitions: tell it whose internal documents a reader may find.
        register_reader_scope(member_coalition_ids)
