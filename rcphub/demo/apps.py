from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo content: `manage.py seed_demo` calls each app's seeder, lowest app first."""

    name = "rcphub.demo"
    verbose_name = "Demo content"
