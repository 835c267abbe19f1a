"""Demo content for `manage.py seed_demo`: a platform, its coalitions, work plans, progress and logins.

The content is in this folder's YAML files (platform, users, coalitions, work_plans, rounds,
status_comments); `loader` seeds it. The logins are exported for the other apps' demos.
"""

from rcphub.workplans.demo.loader import (
    DEMO_DOMAIN,
    DEMO_PASSWORD,
    PLATFORM_USER,
    SECRETARIAT_USERS,
    USERS,
    DemoSeedError,
    SeedReport,
    demo_seed,
)

__all__ = [
    "DEMO_DOMAIN",
    "DEMO_PASSWORD",
    "PLATFORM_USER",
    "SECRETARIAT_USERS",
    "USERS",
    "DemoSeedError",
    "SeedReport",
    "demo_seed",
]
