"""Forms of the support pages. They check the shape of the input; the services check the rules."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from rcphub.coalitions.models import Coalition
from rcphub.core.forms import DateInput, ModelChoiceField, add_service_error
from rcphub.core.models import Visibility
from rcphub.reference.models import Country
from rcphub.support.models import RequestState, SupportKind
from rcphub.workplans.models import Activity

__all__ = ["DecisionForm", "RatingForm", "RouteForm", "SupportRequestForm", "add_service_error"]


class CountryChoiceField(ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.name)


def programme_countries() -> Any:
    """Return the countries a request may come from: the programme countries first, then the others."""
    return Country.objects.order_by("-programme_country", "name_en")


class SupportRequestForm(forms.Form):
    """A Resident Coordinator's office asks for support."""

    country = CountryChoiceField(
        label=_("Country or UN Country Team"), queryset=Country.objects.none(), empty_label=None
    )
    coalition = ModelChoiceField(
        label=_("Coalition addressed"),
        queryset=Coalition.objects.none(),
        required=False,
        empty_label=_("— not sure: let the platform secretariat route it —"),
    )
    kind = forms.ChoiceField(label=_("Kind of support"), choices=SupportKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    description = forms.CharField(
        label=_("What is needed"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("The context, what the UN Country Team needs and what it has already done."),
    )
    desired_timing = forms.CharField(
        label=_("Desired timing"),
        max_length=200,
        required=False,
        help_text=_("As you would write it, e.g. “before the CCA update in Q2 2026”."),
    )
    desired_by = forms.DateField(label=_("Desired by"), required=False, widget=DateInput())

    def __init__(self, *args: Any, coalitions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["country"].queryset = programme_countries()  # type: ignore[attr-defined]
        self.fields["coalition"].queryset = coalitions  # type: ignore[attr-defined]


class DecisionForm(forms.Form):
    """A step of the coalition's secretariat (or the platform's) on a request."""

    to_state = forms.ChoiceField(choices=RequestState.choices, widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to decline; shared with the requester."),
    )
    on = forms.DateField(label=_("Date"), required=False, widget=DateInput())
    activity = ModelChoiceField(
        label=_("Link an existing activity"),
        queryset=Activity.objects.none(),
        required=False,
        empty_label=_("— add a new demand-driven activity —"),
    )
    public = forms.BooleanField(
        label=_("Show the new activity in the public work plan"),
        required=False,
        help_text=_("Left unticked, the activity is internal to the coalition."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, activities: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if activities is not None:
            self.fields["activity"].queryset = activities  # type: ignore[attr-defined]

    @property
    def visibility(self) -> str:
        return Visibility.PUBLIC if self.cleaned_data.get("public") else Visibility.INTERNAL


class RouteForm(forms.Form):
    """The platform secretariat sends a request to a coalition."""

    coalition = ModelChoiceField(label=_("Coalition"), queryset=Coalition.objects.none())
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args: Any, coalitions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["coalition"].queryset = coalitions  # type: ignore[attr-defined]


class RatingForm(forms.Form):
    """The requester rates the support after delivery."""

    rating = forms.TypedChoiceField(
        label=_("How useful was the support?"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("5: very useful; 1: not useful."),
    )
    comment = forms.CharField(label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
