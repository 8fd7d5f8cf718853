from django.urls import path

from plg.bibliotheek import views_zoeken

urlpatterns = [
    path("bibliotheek/", views_zoeken.bibliotheek, name="bibliotheek"),
    path("bibliotheek/zoek/", views_zoeken.bibliotheek_hx, name="bibliotheek_hx"),
    path(
        "bibliotheek/verwant/", views_zoeken.bibliotheek_verwant_hx, name="bibliotheek_verwant_hx"
    ),
]
