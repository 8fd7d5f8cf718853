from django.urls import path

from plg.bibliotheek import views_delen as views

urlpatterns = [
    path("plg/<int:pk>/bibliotheek/", views.delen, name="bibliotheek_delen"),
    path("plg/<int:pk>/bibliotheek/instemmen/", views.instemmen, name="bibliotheek_instemmen"),
    path("plg/<int:pk>/bibliotheek/publiceren/", views.publiceren, name="bibliotheek_publiceren"),
    path("plg/<int:pk>/bibliotheek/intrekken/", views.intrekken, name="bibliotheek_intrekken"),
    path("bibliotheek/item/<slug:slug>/", views.item, name="bibliotheekitem"),
    path(
        "bibliotheek/item/<slug:slug>/bijlagen/<int:pk>/",
        views.bijlage,
        name="bibliotheekitem_bijlage",
    ),
    path(
        "bibliotheek/item/<slug:slug>/plg-pakket.json",
        views.pakket,
        name="bibliotheekitem_pakket",
    ),
    path("bibliotheek/item/<slug:slug>/starten/", views.starten, name="bibliotheekitem_starten"),
]
