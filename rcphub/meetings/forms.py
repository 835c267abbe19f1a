"""Forms of the meeting pages. They check the shape of the input; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, is_platform_secretariat
from rcphub.coalitions.models import Coalition, Platform
from rcphub.core.forms import ModelChoiceField, ModelMultipleChoiceField
from rcphub.core.models import Visibility
from rcphub.meetings.models import AgendaItem, Decision, Meeting, MeetingKind
from rcphub.reference.models import Entity


class DateInput(forms.DateInput):
    """A native date picker that posts ISO dates, so the form works without JavaScript."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class EntityChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.acronym} — {obj.name}"


class MeetingForm(forms.Form):
    """A new meeting; the body offered is the platform and the coalitions the user serves."""

    platform = ModelChoiceField(
        label=_("Platform"),
        queryset=Platform.objects.none(),
        required=False,
        help_text=_("For a meeting of the platform; leave empty for a coalition's meeting."),
    )
    coalition = ModelChoiceField(
        label=_("Coalition"),
        queryset=Coalition.objects.none(),
        required=False,
        help_text=_("For a coalition's meeting; leave empty for a meeting of the platform."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=MeetingKind.choices)
    title = forms.CharField(
        label=_("Title"), max_length=300, help_text=_("For example “Regional UN System Meeting 2026”.")
    )
    held_on = forms.DateField(label=_("Held on"), widget=DateInput())
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    chairs = EntityChoiceField(label=_("Chairs"), queryset=Entity.objects.order_by("acronym"), required=False)
    participants = EntityChoiceField(
        label=_("Participating entities"), queryset=Entity.objects.order_by("acronym"), required=False
    )
    minutes = forms.CharField(label=_("Minutes"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    visibility = forms.ChoiceField(
        label=_("Visibility"), choices=Visibility.choices, initial=Visibility.INTERNAL
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        platform_field: Any = self.fields["platform"]
        coalition_field: Any = self.fields["coalition"]
        if is_platform_secretariat(user):
            platform_field.queryset = Platform.objects.order_by("name")
            coalition_field.queryset = Coalition.objects.order_by("name")
        else:
            ids = coalition_ids_with_role(user, Role.COALITION_SECRETARIAT)
            coalition_field.queryset = Coalition.objects.filter(pk__in=ids).order_by("name")


class AgendaItemForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=20, help_text=_("As written: 1, 2, 3(a)."))
    title = forms.CharField(label=_("Title"), max_length=300)


class DecisionForm(forms.Form):
    number = forms.CharField(label=_("Number"), max_length=20, help_text=_("As written: 1, 2.3, (a)."))
    agenda_item = ModelChoiceField(label=_("Agenda item"), queryset=AgendaItem.objects.none(), required=False)
    text = forms.CharField(label=_("Decision"), widget=forms.Textarea(attrs={"rows": 4}))
    responsible_entities = EntityChoiceField(
        label=_("Responsible entities"), queryset=Entity.objects.order_by("acronym"), required=False
    )
    responsible_text = forms.CharField(
        label=_("Responsibility as written"),
        max_length=300,
        required=False,
        help_text=_("E.g. “Coalition secretariat”, “UNDP and UNICEF”."),
    )
    due_on = forms.DateField(label=_("Due on"), required=False, widget=DateInput())
    due_text = forms.CharField(
        label=_("Due as written"), max_length=200, required=False, help_text=_("E.g. “By the next meeting”.")
    )

    def __init__(self, *args: Any, meeting: Meeting, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["agenda_item"]
        field.queryset = meeting.agenda_items.order_by("order", "id")


class MeetingEditForm(MeetingForm):
    """A meeting's own fields (not the body that holds it), with the version it was read at."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, user=user, **kwargs)
        del self.fields["platform"], self.fields["coalition"]

    @staticmethod
    def initial_for(meeting: Meeting) -> dict[str, Any]:
        """Return the form's initial values from the meeting."""
        names = ("kind", "title", "held_on", "place", "minutes", "visibility", "version")
        initial = {name: getattr(meeting, name) for name in names}
        initial["chairs"] = list(meeting.chairs.all())
        initial["participants"] = list(meeting.participants.all())
        return initial

    def meeting_fields(self) -> dict[str, Any]:
        """Return the cleaned values that `meeting_update` takes, the version as expected."""
        fields = dict(self.cleaned_data)
        fields["expected_version"] = fields.pop("version")
        return fields


class DecisionEditForm(DecisionForm):
    """A decision's fields, with the version (its commitment's) it was read at."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    @staticmethod
    def initial_for(decision: Decision) -> dict[str, Any]:
        """Return the form's initial values from the decision and its commitment."""
        commitment = decision.commitment
        names = ("number", "text", "responsible_text", "due_on", "due_text", "version")
        initial: dict[str, Any] = {name: getattr(commitment, name) for name in names}
        initial["agenda_item"] = decision.agenda_item_id
        initial["responsible_entities"] = list(commitment.responsible_entities.all())
        return initial

    def decision_fields(self) -> dict[str, Any]:
        """Return the cleaned values that `decision_update` takes, the version as expected."""
        fields = dict(self.cleaned_data)
        fields["expected_version"] = fields.pop("version")
        return fields


class DeleteForm(forms.Form):
    """Confirm a deletion of what was read at `version`."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
