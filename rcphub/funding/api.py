"""API of the funding app."""

from ninja import Router

router = Router()
