"""The meetings' visibility rule is written once: the list filter and the single-object check agree."""

import pytest

from rcphub.meetings.models import Meeting
from rcphub.meetings.permissions import can_view_meeting, meeting_visibility_q
from rcphub.meetings.tests.factories import hold_meeting

pytestmark = pytest.mark.django_db

ROLES = ("visitor", "outsider", "member", "coalition_secretariat", "platform_secretariat")


@pytest.mark.parametrize("coalition_visibility", ["public", "internal"])
@pytest.mark.parametrize("role", ROLES)
def test_list_and_object_agree_on_meetings(
    request, coalition, platform_secretariat, role, coalition_visibility
):
    coalition.visibility = coalition_visibility
    coalition.save()
    for visibility in ("public", "internal"):
        hold_meeting(by=platform_secretariat, coalition=coalition, visibility=visibility)
        hold_meeting(by=platform_secretariat, platform=coalition.platform, visibility=visibility)
    user = request.getfixturevalue(role)
    listed = set(Meeting.objects.filter(meeting_visibility_q(user)).values_list("pk", flat=True))
    for meeting in Meeting.objects.select_related("coalition"):
        assert can_view_meeting(user=user, meeting=meeting) is (meeting.pk in listed), meeting
