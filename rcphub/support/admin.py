from rcphub.support import event_admin  # noqa: F401  (registers the event admin)
