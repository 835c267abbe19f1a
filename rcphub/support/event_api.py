"""API of the shared calendar."""

from ninja import Router

router = Router()
