from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RepositoryConfig(AppConfig):
    name = "rcphub.repository"
    verbose_name = _("Repository")

    def ready(self) -> None:
        from rcphub.repository.search import register_search
        from rcphub.repository.signals import connect_data_version

        register_search()
        connect_data_version()
