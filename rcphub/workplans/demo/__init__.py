"""Demo content for `manage.py seed_demo`: a platform, its coalitions, work plans, progress and logins."""

from rcphub.workplans.demo.loader import DemoSeedError, SeedReport, demo_seed

__all__ = ["DemoSeedError", "SeedReport", "demo_seed"]
