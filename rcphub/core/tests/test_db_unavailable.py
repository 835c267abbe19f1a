"""A request that meets a broken database connection answers 503 with Retry-After, not 500."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError, connection
from django.test import Client


def _broken_cursor(*args: object, **kwargs: object) -> None:
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.django_db
class TestDatabaseUnavailable:
    def test_page_answers_503_with_retry_after(self) -> None:
        client = Client(raise_request_exception=True)
        with mock.patch.object(connection, "cursor", _broken_cursor):
            response = client.get("/repository/practices/")
        assert response.status_code == 503
        assert response["Retry-After"] == "5"
        assert response["Content-Type"].startswith("text/plain")

    def test_api_answers_503_in_its_error_shape(self) -> None:
        client = Client(raise_request_exception=True)
        with mock.patch.object(connection, "cursor", _broken_cursor):
            response = client.get("/api/v1/practices")
        assert response.status_code == 503
        assert response["Retry-After"] == "5"
        assert "detail" in response.json()

    def test_interface_error_answers_503(self) -> None:
        def closed(*args: object, **kwargs: object) -> None:
            raise InterfaceError("connection already closed")

        with mock.patch.object(connection, "cursor", closed):
            response = Client(raise_request_exception=True).get("/api/v1/activities")
        assert response.status_code == 503

    def test_other_errors_stay_server_errors(self) -> None:
        def failing(*args: object, **kwargs: object) -> None:
            raise RuntimeError("a bug, not the database")

        with mock.patch.object(connection, "cursor", failing), pytest.raises(RuntimeError):
            Client(raise_request_exception=True).get("/api/v1/practices")
