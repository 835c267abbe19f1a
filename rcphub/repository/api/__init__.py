"""API on the repository: practices, pledges and their reports, knowledge products, voluntary reports,
champion countries and the pledging dashboard.

Lists take the same filters as the repository's pages (one module, `repository.filters`) and have
facet counts beside them. Members submit practices, pledges and pledge reports; the secretariat
returns them with a comment or publishes them (422 naming the fields that fail the quality checks).
What one may not see answers 404, like what does not exist. Handlers translate HTTP only.

One module a sub-domain: `practices`, `pledges` (and the pledging dashboard), `pledge_reports`,
`workflow` (submit, return, publish), `knowledge`, `countries` (voluntary reports, champion
countries), and `common` (the router and what the others share).
"""

from importlib import import_module

from rcphub.repository.api.common import router

__all__ = ["router"]

# The handlers join `router` as their modules are imported: in this order, which is the order of the
# paths in the OpenAPI schema.
for _module in ("practices", "pledges", "pledge_reports", "workflow", "knowledge", "countries"):
    import_module(f"{__name__}.{_module}")
