"""API on the follow-up ledger, one module a side: `reads` (reviews and their status of implementation,
commitments, rounds, status reports) and `writes` (reviews, groups, commitments and key actions
created, changed and deleted). Both add their operations to one router, mounted under /api/v1/.
"""

from rcphub.followup.api import writes as _writes  # noqa: F401  (adds the write operations to the router)
from rcphub.followup.api.reads import router

__all__ = ["router"]
