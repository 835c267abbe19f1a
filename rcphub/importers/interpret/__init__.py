"""Interpreters: a read `Document` turned into a `Proposal` of one kind (see proposal.py)."""
