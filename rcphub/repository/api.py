"""API of the repository app."""

from ninja import Router

router = Router()
