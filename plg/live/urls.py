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
]
