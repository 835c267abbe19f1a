"""API of the support app."""

from ninja import Router

router = Router()
