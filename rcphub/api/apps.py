from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "rcphub.api"
    verbose_name = "API"
