from django.urls import path

from plg.bezoeken import urls_samen, views, views_kijkwijzer

urlpatterns = [
    path("klasbezoeken/", views.mijn_klasbezoeken, name="mijn_klasbezoeken"),
    path("klasbezoeken/nieuw/", views.bezoek_nieuw, name="bezoek_nieuw"),
    path("klasbezoek/<int:pk>/", views.bezoek_detail, name="bezoek_detail"),
    path("klasbezoek/<int:pk>/antwoord/", views.bezoek_antwoord, name="bezoek_antwoord"),
    path("klasbezoek/<int:pk>/annuleren/", views.bezoek_annuleren, name="bezoek_annuleren"),
    path("klasbezoek/<int:pk>/lezers/", views.bezoek_lezers, name="bezoek_lezers"),
    path("klasbezoek/<int:pk>/observeren/", views.observeren, name="observeren"),
    path("klasbezoek/<int:pk>/observaties/", views.observatie_bewaar, name="observatie_bewaar"),
    path("klasbezoek/<int:pk>/nagesprek/", views.nagesprek, name="nagesprek"),
    path("klasbezoek/<int:pk>/meegenomen/", views.meegenomen, name="meegenomen"),
    path("kijkwijzers/", views_kijkwijzer.kijkwijzers, name="kijkwijzers"),
    path("kijkwijzers/nieuw/", views_kijkwijzer.kijkwijzer_nieuw, name="kijkwijzer_nieuw"),
    path(
        "plg/<int:pk>/kijkwijzers/nieuw/",
        views_kijkwijzer.plg_kijkwijzer_nieuw,
        name="plg_kijkwijzer_nieuw",
    ),
    path("kijkwijzer/<int:pk>/", views_kijkwijzer.kijkwijzer_detail, name="kijkwijzer_detail"),
    path(
        "kijkwijzer/<int:pk>/kijkpunten/",
        views_kijkwijzer.kijkpunt_nieuw_hx,
        name="kijkpunt_nieuw_hx",
    ),
    path(
        "kijkwijzer/<int:pk>/kijkpunten/<int:item_pk>/<str:action>/",
        views_kijkwijzer.kijkpunt_hx,
        name="kijkpunt_hx",
    ),
]
urlpatterns += urls_samen.urlpatterns
