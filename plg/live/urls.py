from django.urls import path

from plg.live import views

urlpatterns = [
    path("bijeenkomst/<int:bid>/live/", views.live, name="live"),
    path("doe-mee/", views.join, name="live_join"),
    path("bijeenkomst/<int:bid>/samenvatting/", views.samenvatting, name="samenvatting"),
    path("bijeenkomst/<int:bid>/samenvatting.pdf", views.samenvatting_pdf, name="samenvatting_pdf"),
    path(
        "bijeenkomst/<int:bid>/live/<int:blok_pk>/bewaren/",
        views.save_ranking,
        name="live_save_ranking",
    ),
    path("bijeenkomst/<int:bid>/live/gasten/", views.gast_nieuw, name="live_gast_nieuw"),
    path(
        "bijeenkomst/<int:bid>/live/gasten/<int:link_pk>/intrekken/",
        views.gast_intrekken,
        name="live_gast_intrekken",
    ),
    path("bijeenkomst/<int:bid>/live/afsluiten/", views.afsluiten, name="live_afsluiten"),
    path(
        "bijeenkomst/<int:bid>/live/schoolleiders/",
        views.schoolleiders,
        name="live_schoolleiders",
    ),
    path("gast/<str:token>/", views.gast, name="live_gast"),
]
