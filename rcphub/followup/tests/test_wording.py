from datetime import date

import pytest

from rcphub.followup.due import due_date
from rcphub.followup.models import FollowUpStatus, ManagementResponse
from rcphub.followup.wording import management_response, status_from_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By end 2019", date(2019, 12, 31)),
        ("by the end of 2019", date(2019, 12, 31)),
        ("2019", date(2019, 12, 31)),
        ("Late 2021", date(2021, 12, 31)),
        ("By end March 2019", date(2019, 3, 31)),
        ("By end of February 2020", date(2020, 2, 29)),
        ("December 2019", date(2019, 12, 31)),
        ("Sept. 2020", date(2020, 9, 30)),
        ("By mid-2020", date(2020, 6, 30)),
        ("mid 2021", date(2021, 6, 30)),
        ("H1 2020", date(2020, 6, 30)),
        ("second half of 2020", date(2020, 12, 31)),
        ("Early 2020", date(2020, 3, 31)),
        ("2019–20", date(2020, 12, 31)),
        ("2019-2020", date(2020, 12, 31)),
        ("2019/20", date(2020, 12, 31)),
        ("Q3 2019", date(2019, 9, 30)),
        ("Q1 2026", date(2026, 3, 31)),
        ("third quarter of 2019", date(2019, 9, 30)),
        ("31 December 2019", date(2019, 12, 31)),
        ("2019-12-31", date(2019, 12, 31)),
        ("15.03.2020", date(2020, 3, 15)),
        ("By 30 June 2020 (first phase)", date(2020, 6, 30)),
        ("ongoing", None),
        ("Continuous", None),
        ("Ongoing since 2019", None),
        ("TBD", None),
        ("—", None),
        ("", None),
        ("Within six months", None),
        ("31 February 2020", None),
    ],
)
def test_due_date_reads_the_date_the_text_means(text, expected):
    assert due_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Accepted", ManagementResponse.ACCEPTED),
        ("UNICEF accepts the recommendation and will act on it.", ManagementResponse.ACCEPTED),
        ("Agreed.", ManagementResponse.ACCEPTED),
        ("Partially accepted", ManagementResponse.PARTIALLY_ACCEPTED),
        ("The office partially accepts this recommendation.", ManagementResponse.PARTIALLY_ACCEPTED),
        ("Accepted in part: funding is needed.", ManagementResponse.PARTIALLY_ACCEPTED),
        ("Management does not accept the recommendation.", ManagementResponse.NOT_ACCEPTED),
        ("Not accepted: a national responsibility.", ManagementResponse.NOT_ACCEPTED),
        ("Rejected", ManagementResponse.NOT_ACCEPTED),
        ("Not applicable", ManagementResponse.NOT_APPLICABLE),
        ("Accepted; the partially funded pilots continue.", ManagementResponse.ACCEPTED),
        ("Roadmaps will be discussed with ministries.", None),
        ("", None),
    ],
)
def test_management_response_is_read_from_its_text(text, expected):
    assert management_response(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Completed", FollowUpStatus.COMPLETED),
        ("Fully implemented", FollowUpStatus.COMPLETED),
        ("Completed/ongoing", FollowUpStatus.ONGOING),
        ("In progress", FollowUpStatus.ONGOING),
        ("Partially implemented", FollowUpStatus.ONGOING),
        ("Starting 2020 following the mid-term review", FollowUpStatus.STARTING),
        ("Not started", FollowUpStatus.NOT_STARTED),
        ("Not yet started", FollowUpStatus.NOT_STARTED),
        ("No longer applicable", FollowUpStatus.NO_LONGER_APPLICABLE),
        ("Superseded by the 2021 strategy", FollowUpStatus.NO_LONGER_APPLICABLE),
        ("Not completed", None),
        ("See the annex.", None),
        ("", None),
    ],
)
def test_status_is_read_from_its_text(text, expected):
    assert status_from_text(text) == expected
