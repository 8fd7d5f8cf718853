from django.urls import path

from plg.planning import views, views_rondes

urlpatterns = [
    path("tijd/", views.tijd, name="tijd"),
    path("tijd/agenda/", views.tijd_bezet, name="tijd_bezet"),
    path("tijd/feed/nieuw/", views.feed_nieuw, name="feed_nieuw"),
    path("tijd/feed/intrekken/", views.feed_intrekken, name="feed_intrekken"),
    path("agenda/<str:token>.ics", views.agenda_feed, name="agenda_feed"),
    path("plg/<int:pk>/momenten/", views.plg_momenten, name="plg_momenten"),
    path("plg/<int:pk>/momenten/kies/", views.plg_moment_kiezen, name="plg_moment_kiezen"),
    path("school/<int:pk>/tijd/", views.school_tijd, name="school_tijd"),
    path("school/<int:pk>/maandplanning/", views.maandplannen, name="maandplannen"),
    path("maandplan/<int:pk>/", views.maandplan, name="maandplan"),
    path("maandplan/<int:pk>/voorstel/", views.maandplan_hx, name="maandplan_hx"),
    path("maandplan/<int:pk>/inplannen/", views.maandplan_toepassen, name="maandplan_toepassen"),
    path("maandplan/<int:pk>/keuze/", views.maandplan_afweging, name="maandplan_afweging"),
    path(
        "maandplan/<int:pk>/bijeenkomst/<int:index>/",
        views.maandplan_bijsturen,
        name="maandplan_bijsturen",
    ),
    path(
        "maandplan/<int:pk>/bijeenkomst/<int:index>/verplaatsen/",
        views.maandplan_verplaatsen,
        name="maandplan_verplaatsen",
    ),
    path(
        "maandplan/<int:pk>/bijeenkomst/<int:index>/weglaten/",
        views.maandplan_weglaten,
        name="maandplan_weglaten",
    ),
]

urlpatterns += [
    path("school/<int:pk>/bezoekrondes/", views_rondes.bezoekrondes, name="bezoekrondes"),
    path("bezoekrondes/", views_rondes.mijn_bezoekrondes, name="mijn_bezoekrondes"),
    path("bezoekronde/<int:pk>/", views_rondes.bezoekronde, name="bezoekronde"),
    path("bezoekronde/<int:pk>/voorstel/", views_rondes.bezoekronde_hx, name="bezoekronde_hx"),
    path(
        "bezoekronde/<int:pk>/berekenen/",
        views_rondes.bezoekronde_berekenen,
        name="bezoekronde_berekenen",
    ),
    path(
        "bezoekronde/<int:pk>/inplannen/",
        views_rondes.bezoekronde_toepassen,
        name="bezoekronde_toepassen",
    ),
    path(
        "bezoekronde/<int:pk>/inschrijven/",
        views_rondes.bezoekronde_inschrijven,
        name="bezoekronde_inschrijven",
    ),
    path(
        "bezoekronde/<int:pk>/uitschrijven/",
        views_rondes.bezoekronde_uitschrijven,
        name="bezoekronde_uitschrijven",
    ),
    path("collega/<int:pk>/bezoekmomenten/", views_rondes.bezoekmomenten, name="bezoekmomenten"),
    path(
        "collega/<int:pk>/bezoekmomenten/lijst/",
        views_rondes.bezoekmomenten_hx,
        name="bezoekmomenten_hx",
    ),
]
