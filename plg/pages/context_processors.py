from typing import Any

from django.http import HttpRequest

from plg.bezoeken.authorizers import teachers
from plg.organisations.authorizers import schools_in_team, schools_led_by, schools_supported_by
from plg.roosters.authorizers import schools_to_plan


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The role-specific entries of the main menu: five small queries, whatever the data.
    Class visits are for whoever teaches at a school: not a leader alone, never an advisor.
    The team page is for the school's staff; with several schools, it links to the others."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_led_schools": list(schools_led_by(user).distinct()),
        "nav_is_advisor": schools_supported_by(user).exists(),
        "nav_plan_school": schools_to_plan(user).order_by("name").first(),
        "nav_teaches": teachers().filter(user=user).exists(),
        "nav_team_school": schools_in_team(user).order_by("name").first(),
    }
