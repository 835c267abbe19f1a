"""The brief's world (a region, practices, pledges, networks, a fund), shared by the brief's tests."""

from rcphub.reports.tests.test_brief import region, world  # noqa: F401 (fixtures)
