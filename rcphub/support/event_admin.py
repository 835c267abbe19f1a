"""Admin of events (imported by support/admin.py)."""
