"""The API's contract as the OpenAPI schema states it: who may call, and every answer an operation can give.

ninja documents what a handler returns; the answers that come from the API's one auth and one error
handling (`rcphub.api.auth`, `rcphub.api.errors`) it does not know of. `RcphubApi` adds them to each
operation, by the rules those two modules follow:

- reads are public: a visitor may call every GET without credentials (a bad token still answers 401);
  writes need a session or a token (401 without one);
- every operation can answer 401 (a token that is unknown or revoked), 404 (what the caller may not
  see or change answers as missing: an object, a list only some roles read) and 429 (too many bad
  tokens from one address);
- writes can answer 403 (a session's CSRF check), 409 (a stale `version`, a clash with what exists)
  and 400 (a body that is not JSON);
- an operation with parameters or a body can answer 422 naming them;
- a multipart form cannot send null: its optional fields are documented as fields one may leave out;
- no text may hold a NUL character (`rcphub.core.middleware` refuses it with 422 before any view):
  every string of a parameter or a schema says so with a pattern.

The error bodies are the two shapes `rcphub.api.errors` writes: `{"detail": "…"}` and
`{"detail": [{"type", "loc", "msg"}…]}`.
"""

from __future__ import annotations

from typing import Any

from ninja import NinjaAPI

from rcphub.api.auth import SAFE_METHODS

MESSAGE_SCHEMA = "ErrorMessage"
VALIDATION_SCHEMA = "ValidationErrors"

COMPONENTS: dict[str, dict[str, Any]] = {
    MESSAGE_SCHEMA: {
        "title": MESSAGE_SCHEMA,
        "type": "object",
        "properties": {"detail": {"type": "string", "title": "Detail"}},
        "required": ["detail"],
    },
    VALIDATION_SCHEMA: {
        "title": VALIDATION_SCHEMA,
        "type": "object",
        "properties": {
            "detail": {
                "type": "array",
                "title": "Detail",
                "items": {
                    "type": "object",
                    "properties": {
                        "type": {"type": "string"},
                        "loc": {
                            "type": "array",
                            "items": {"anyOf": [{"type": "string"}, {"type": "integer"}]},
                        },
                        "msg": {"type": "string"},
                    },
                    "required": ["type", "loc", "msg"],
                },
            }
        },
        "required": ["detail"],
    },
}

DESCRIPTIONS = {
    400: "The body is not JSON.",
    401: "Not signed in (a write), or a token that is unknown or revoked.",
    403: "The browser session's CSRF check failed.",
    404: "Not found, or not yours to see or change: both answer alike.",
    409: "Someone saved it since the `version` you sent, or it clashes with what exists.",
    422: "A parameter or a field of the body is refused; `loc` names it.",
    429: "Too many failed attempts from your address: wait and try again.",
}


def error_statuses(method: str, operation: dict[str, Any]) -> list[int]:
    """Return the error statuses an operation can answer, by the rules of the module's docstring."""
    statuses = [401, 404, 429]
    parameters = operation.get("parameters", [])
    has_body = "requestBody" in operation
    if method.upper() not in SAFE_METHODS:
        statuses += [403, 409]
        if has_body:
            statuses.append(400)
    if parameters or has_body:
        statuses.append(422)
    return sorted(statuses)


NO_NUL = "^[^\\u0000]*$"


def forbid_nul(node: Any) -> None:
    """Give every string schema under `node` that has no pattern of its own the pattern refusing NUL,
    and every object that takes keys of its own choosing the same rule for its keys."""
    if isinstance(node, dict):
        if (
            node.get("type") == "string"
            and "pattern" not in node
            and "enum" not in node
            and "format" not in node
        ):
            node["pattern"] = NO_NUL
        if node.get("type") == "object" and node.get("additionalProperties", True) is not False:
            node.setdefault("propertyNames", {"pattern": NO_NUL})
        for value in node.values():
            forbid_nul(value)
    elif isinstance(node, list):
        for item in node:
            forbid_nul(item)


def without_null(node: dict[str, Any]) -> None:
    """A form field left out is None; "null" sent in a form is the text "null". Make each optional
    field of a multipart body (in place) its one non-null alternative."""
    for field in node.get("properties", {}).values():
        if field.get("format") == "binary":
            field.setdefault("minLength", 1)  # an empty file part is no file: Django drops it
        options = field.get("anyOf", [])
        kept = [option for option in options if option.get("type") != "null"]
        if len(options) == 2 and len(kept) == 1:
            del field["anyOf"]
            field.update({**kept[0], **field})


def complete_schema(schema: dict[str, Any], *, scheme: str) -> dict[str, Any]:
    """Add the error answers and the public reads to a schema ninja generated (in place; returned)."""
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    forbid_nul(schemas)
    for name, component in COMPONENTS.items():
        schemas.setdefault(name, component)
    for operations in schema.get("paths", {}).values():
        for method, operation in operations.items():
            if method.upper() in SAFE_METHODS:
                # Public: no credentials, or a token (which must then be good).
                operation["security"] = [{}, {scheme: []}]
            forbid_nul(operation.get("parameters", []))
            forbid_nul(operation.get("requestBody", {}))
            form = operation.get("requestBody", {}).get("content", {}).get("multipart/form-data")
            if form:
                without_null(form["schema"])
            responses = operation.setdefault("responses", {})
            for status in error_statuses(method, operation):
                if status in responses or str(status) in responses:
                    continue
                name = VALIDATION_SCHEMA if status == 422 else MESSAGE_SCHEMA
                responses[status] = {
                    "description": DESCRIPTIONS[status],
                    "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                }
    return schema


class RcphubApi(NinjaAPI):
    """ninja's API whose OpenAPI schema also states the answers of the API's auth and error handling."""

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> Any:
        schema = super().get_openapi_schema(*args, **kwargs)
        scheme = next(iter(schema.get("components", {}).get("securitySchemes", {})), "ApiAuth")
        return complete_schema(schema, scheme=scheme)
