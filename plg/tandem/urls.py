from django.urls import path

from plg.tandem import views

urlpatterns = [
    path("plg/<int:pk>/tandem/", views.tandem, name="tandem"),
    path("plg/<int:pk>/tandem/start/", views.tandem_start, name="tandem_start"),
    path("plg/<int:pk>/tandem/afspraak/", views.tandem_afspraak, name="tandem_afspraak"),
    path("plg/<int:pk>/tandem/akkoord/", views.tandem_akkoord, name="tandem_akkoord"),
    path("plg/<int:pk>/tandem/moment/", views.tandem_moment, name="tandem_moment"),
    path("plg/<int:pk>/tandem/steun/", views.tandem_steunvraag, name="tandem_steunvraag"),
    path(
        "plg/<int:pk>/tandem/steun/<int:sid>/",
        views.tandem_steunantwoord,
        name="tandem_steunantwoord",
    ),
    path("plg/<int:pk>/tandem/uitnodigen/", views.tandem_uitnodigen, name="tandem_uitnodigen"),
    path("plg/<int:pk>/tandem/uitnodiging/<int:aid>/", views.tandem_komt, name="tandem_komt"),
    path(
        "plg/<int:pk>/tandem/uitnodiging/<int:aid>/intrekken/",
        views.tandem_uitnodiging_intrekken,
        name="tandem_uitnodiging_intrekken",
    ),
]
