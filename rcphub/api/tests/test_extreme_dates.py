"""Dates far outside any record (year 1, year 9999) are refused naming the parameter, never a 500:
the day before, the day after or "two years earlier" of such a date is no date at all."""

import pytest

from rcphub.core.dates import EARLIEST_QUERY_DATE, LATEST_QUERY_DATE, parse_query_date

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/v1/events?from=0001-01-01", "from"),
        ("/api/v1/events?to=9999-12-31", "to"),
        ("/api/v1/pledges/dashboard?as_at=0001-01-01", "as_at"),
        ("/api/v1/pledges?as_at=0002-06-30", "as_at"),
        ("/api/v1/activities?as_at=9999-12-31", "as_at"),
        ("/api/v1/commitments?as_at=0001-01-01", "as_at"),
    ],
)
def test_the_api_refuses_a_date_outside_the_range_naming_the_parameter(client, url, parameter):
    response = client.get(url)

    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", parameter]
    assert "1900-01-01 to 2199-12-31" in error["msg"]


@pytest.mark.parametrize(
    "url",
    [
        "/support/calendar/?view=list&from=0001-01-01",
        "/support/calendar/?view=list&to=9999-12-31",
        "/repository/pledges/dashboard/?as_at=0001-01-01",
    ],
)
def test_pages_refuse_a_date_outside_the_range_with_a_clear_message(client, url):
    response = client.get(url)

    assert response.status_code == 400
    assert "outside the dates rcphub answers for" in response.content.decode()


def test_the_range_itself_is_accepted():
    assert parse_query_date(EARLIEST_QUERY_DATE.isoformat(), field="as_at") == EARLIEST_QUERY_DATE
    assert parse_query_date(LATEST_QUERY_DATE.isoformat(), field="as_at") == LATEST_QUERY_DATE
