from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "rcphub.core"
    verbose_name = "Core"
