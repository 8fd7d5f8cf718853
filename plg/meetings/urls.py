from django.urls import path

from plg.meetings import expert, views, views_kit

urlpatterns = [
    path("plg/<int:pk>/bijeenkomsten/nieuw/", views.bijeenkomst_nieuw, name="bijeenkomst_nieuw"),
    path("bijeenkomst/<int:bid>/", views.bijeenkomst_detail, name="bijeenkomst_detail"),
    path("bijeenkomst/<int:bid>/bewerken/", views.bijeenkomst_edit, name="bijeenkomst_edit"),
    path("bijeenkomst/<int:bid>/agenda/", views.agenda_blok_nieuw_hx, name="agenda_blok_nieuw_hx"),
    path(
        "bijeenkomst/<int:bid>/agenda/<int:blok_pk>/bewerken/",
        views.agenda_blok_bewerken_hx,
        name="agenda_blok_bewerken_hx",
    ),
    path(
        "bijeenkomst/<int:bid>/agenda/<int:blok_pk>/<str:action>/",
        views.agenda_blok_hx,
        name="agenda_blok_hx",
    ),
    path("opdracht/<int:opdracht_pk>/klaar/", views.opdracht_klaar, name="opdracht_klaar"),
    path("bijeenkomst/<int:bid>/terugblik/", views.terugblik, name="terugblik"),
    path("bijeenkomst/<int:bid>/leerlog/", views.leerlog, name="leerlog"),
    path("bijeenkomst/<int:bid>/kit/", views_kit.bijeenkomst_kit, name="bijeenkomst_kit"),
    path(
        "bijeenkomst/<int:bid>/kit/<slug:blad>/",
        views_kit.bijeenkomst_kit_pdf,
        name="bijeenkomst_kit_pdf",
    ),
    path("kit/<slug:blad>/", views_kit.kit_pdf, name="kit_pdf"),
    path(
        "bijeenkomst/<int:bid>/principes/",
        views.bijeenkomst_principes,
        name="bijeenkomst_principes",
    ),
    path("plg/<int:pk>/experts/", expert.expertbezoeken, name="expertbezoeken"),
    path("plg/<int:pk>/experts/nieuw/", expert.expertbezoek_nieuw, name="expertbezoek_nieuw"),
    path("expertbezoek/<int:eid>/", expert.expertbezoek_detail, name="expertbezoek_detail"),
    path(
        "expertbezoek/<int:eid>/versturen/",
        expert.expertbezoek_versturen,
        name="expertbezoek_versturen",
    ),
]
