from django.urls import path

from plg.roosters import views, views_personeel

urlpatterns = [
    path("school/<int:pk>/kalender/", views.school_kalender, name="school_kalender"),
    path("school/<int:pk>/kalender/vrij/", views.vrije_dagen_nieuw, name="vrije_dagen_nieuw"),
    path(
        "school/<int:pk>/kalender/vrij/<int:vid>/weg/",
        views.vrije_dagen_weg,
        name="vrije_dagen_weg",
    ),
    path("school/<int:pk>/roosters/", views.rooster_import, name="rooster_import"),
    path(
        "school/<int:pk>/roosters/<int:user_pk>/",
        views.leerkracht_rooster,
        name="leerkracht_rooster",
    ),
    path("school/<int:pk>/rollen/", views.school_rollen, name="school_rollen"),
    path("school/<int:pk>/personeel/", views_personeel.school_personeel, name="school_personeel"),
    path(
        "school/<int:pk>/personeel/toepassen/",
        views_personeel.school_personeel_toepassen,
        name="school_personeel_toepassen",
    ),
]
