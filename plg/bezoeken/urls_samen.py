"""Blitsbezoeken, buddies and co-teaching."""

from django.urls import path

from plg.bezoeken import views_samen as views

urlpatterns = [
    path("samen/", views.samen, name="samen"),
    path("samen/blits/nieuw/", views.blits_nieuw, name="blits_nieuw"),
    path("samen/blits/<int:pk>/", views.blits_detail, name="blits_detail"),
    path("samen/blits/<int:pk>/feedback/", views.blits_feedback, name="blits_feedback"),
    path("samen/buddy/", views.buddy_aanmelden, name="buddy_aanmelden"),
    path("samen/buddy/uitschrijven/", views.buddy_afmelden, name="buddy_afmelden"),
    path("school/<int:school_pk>/buddies/", views.buddies_koppelen, name="buddies_koppelen"),
    path("samen/co-teaching/nieuw/", views.coteaching_nieuw, name="coteaching_nieuw"),
    path("samen/co-teaching/<int:pk>/", views.coteaching_reeks, name="coteaching_reeks"),
    path(
        "samen/co-teaching/<int:pk>/les/", views.coteaching_les_nieuw, name="coteaching_les_nieuw"
    ),
    path("samen/co-teaching/les/<int:pk>/", views.coteaching_nota, name="coteaching_nota"),
    path(
        "samen/co-teaching/<int:pk>/stoppen/", views.coteaching_stoppen, name="coteaching_stoppen"
    ),
]
