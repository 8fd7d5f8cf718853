from django.urls import include, path

from plg.accounts.views import choose_language

urlpatterns = [
    path("taal/", choose_language, name="set_language"),
    path("", include("plg.pages.urls")),
    path("", include("plg.accounts.urls")),
    path("", include("plg.communities.urls")),
    path("", include("plg.meetings.urls")),
    path("", include("plg.methods.urls")),
    path("", include("plg.live.urls")),
    path("", include("plg.scans.urls")),
    path("", include("plg.roosters.urls")),
    path("", include("plg.bezoeken.urls")),
    path("", include("plg.planning.urls")),
    path("", include("plg.tandem.urls")),
    path("", include("plg.traject.urls")),
    path("", include("plg.post.urls")),
    path("", include("plg.bibliotheek.urls_delen")),
    path("", include("plg.bibliotheek.urls_zoeken")),
    path("", include("plg.beheer.urls")),
    path("", include("plg.privacy.urls")),
]
