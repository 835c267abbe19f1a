"""Forms of the calendar pages. They check the shape of the input; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rcphub.accounts.models import Role
from rcphub.accounts.permissions import coalition_ids_with_role, is_platform_secretariat
from rcphub.coalitions.models import Coalition
from rcphub.core.forms import ModelChoiceField, ModelMultipleChoiceField
from rcphub.core.models import Visibility
from rcphub.events.models import Event, EventKind
from rcphub.reference.models import Country, Entity
from rcphub.support.models import RequestState, SupportRequest


class DateTimeInput(forms.DateTimeInput):
    """A native date and time picker posting ISO values, so the form works without JavaScript."""

    input_type = "datetime-local"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


class EntityMultipleChoiceField(ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.acronym} — {obj.name}"


class SupportRequestChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"#{obj.pk} {obj.title} ({obj.country})"


def _time_help() -> str:
    return str(_("Local time in %(zone)s.") % {"zone": timezone.get_current_timezone_name()})


class EventForm(forms.Form):
    """An event of the calendar; the coalitions offered are those whose events the user manages."""

    coalition = ModelChoiceField(
        label=_("Coalition"),
        queryset=Coalition.objects.none(),
        required=False,
        empty_label=_("— platform-wide —"),
        help_text=_("Leave empty for a platform-wide event (platform secretariat only)."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=EventKind.choices)
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        help_text=_("For example “Training on disability-inclusive Cooperation Frameworks”."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    starts_at = forms.DateTimeField(label=_("Starts at"), widget=DateTimeInput())
    ends_at = forms.DateTimeField(label=_("Ends at"), widget=DateTimeInput())
    online = forms.BooleanField(label=_("Online"), required=False)
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("City and venue, e.g. “Almaty, UN House”; leave empty for an online-only event."),
    )
    link = forms.URLField(
        label=_("Link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("Registration or meeting link."),
    )
    countries = ModelMultipleChoiceField(
        label=_("Countries"), queryset=Country.objects.order_by("name_en"), required=False
    )
    unct_countries = ModelMultipleChoiceField(
        label=_("UN Country Teams served"),
        queryset=Country.objects.order_by("name_en"),
        required=False,
        help_text=_("The countries whose UN Country Team the event served."),
    )
    facilitators = forms.CharField(
        label=_("Facilitators"),
        max_length=500,
        required=False,
        help_text=_("Names as they should appear, separated by commas."),
    )
    organisers = EntityMultipleChoiceField(
        label=_("Organising entities"), queryset=Entity.objects.order_by("acronym"), required=False
    )
    support_request = SupportRequestChoiceField(
        label=_("Answers support request"),
        queryset=SupportRequest.objects.none(),
        required=False,
        empty_label=_("— none —"),
        help_text=_("Only a request addressed to the event's coalition."),
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=Visibility.choices,
        initial=Visibility.PUBLIC,
        help_text=_("Internal events are shown to the coalition's members only, and left out of the feeds."),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        coalition_field: Any = self.fields["coalition"]
        request_field: Any = self.fields["support_request"]
        requests = SupportRequest.objects.exclude(state=RequestState.DECLINED).select_related("country")
        if is_platform_secretariat(user):
            coalition_field.queryset = Coalition.objects.order_by("name")
        else:
            ids = coalition_ids_with_role(user, Role.COALITION_SECRETARIAT)
            coalition_field.queryset = Coalition.objects.filter(pk__in=ids).order_by("name")
            coalition_field.required = True
            coalition_field.empty_label = None
            requests = requests.filter(coalition_id__in=ids)
        request_field.queryset = requests.order_by("-submitted_on", "-id")
        for name in ("starts_at", "ends_at"):
            self.fields[name].help_text = _time_help()

    def event_fields(self) -> dict[str, Any]:
        """Return the cleaned values the services take."""
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class EventEditForm(EventForm):
    """The event's fields with the version that was read, to refuse a stale save."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    @staticmethod
    def initial_for(event: Event) -> dict[str, Any]:
        """Return the form's initial values from the event (countries, UN Country Teams and organisers
        prefetched)."""
        names = (
            "coalition",
            "kind",
            "title",
            "description",
            "online",
            "place",
            "link",
            "facilitators",
            "support_request",
            "visibility",
            "version",
        )
        initial: dict[str, Any] = {name: getattr(event, name) for name in names}
        initial["starts_at"] = timezone.localtime(event.starts_at)
        initial["ends_at"] = timezone.localtime(event.ends_at)
        initial["countries"] = list(event.countries.all())
        initial["unct_countries"] = list(event.unct_countries.all())
        initial["organisers"] = list(event.organisers.all())
        return initial
