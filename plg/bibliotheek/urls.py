"""The entry's own page, in its simplest form, so search results have somewhere to lead."""

from django.urls import path

from plg.bibliotheek import views_zoeken

urlpatterns = [
    path("bibliotheek/item/<slug:slug>/", views_zoeken.bibliotheekitem, name="bibliotheekitem"),
]
