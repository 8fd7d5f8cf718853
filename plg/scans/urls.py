from django.urls import path

from plg.scans import answering, views

urlpatterns = [
    # the answering pages carry a person's link, never their answer key (decision 34)
    path("scan/hervat/", answering.scan_hervat, name="scan_hervat"),
    path("scan/<str:token>/", answering.scan_start, name="scan_start"),
    path("scan/<str:token>/bewaar/", answering.scan_bewaar_hx, name="scan_bewaar_hx"),
    path("scan/<str:token>/indienen/", answering.scan_indienen, name="scan_indienen"),
    path("scan/<str:token>/verder/", answering.scan_verder, name="scan_verder"),
    path("scan/<str:token>/bedankt/", answering.scan_bedankt, name="scan_bedankt"),
    path("scans/", views.scans, name="scans"),
    path("scans/nieuw/", views.scan_nieuw, name="scan_nieuw"),
    path("scans/<int:pk>/", views.scan_afname, name="scan_afname"),
    path("scans/<int:pk>/herinneren/", views.scan_herinneren, name="scan_herinneren"),
    path("scans/<int:pk>/sluiten/", views.scan_sluiten, name="scan_sluiten"),
    path("scans/<int:pk>/affiche/<int:school_pk>/", views.scan_affiche, name="scan_affiche"),
    path("scans/<int:pk>/school/<int:school_pk>/", views.scan_rapport, name="scan_rapport"),
    path(
        "scans/<int:pk>/school/<int:school_pk>/pdf/",
        views.scan_rapport_pdf,
        name="scan_rapport_pdf",
    ),
    path("begeleiding/scans/", views.begeleiding_scans, name="begeleiding_scans"),
    path(
        "begeleiding/scans/export.<str:formaat>",
        views.begeleiding_scans_export,
        name="begeleiding_scans_export",
    ),
    path("plg/<int:pk>/zelfscan/", views.zelfscans, name="zelfscans"),
    path("plg/<int:pk>/zelfscan/nieuw/", views.zelfscan_nieuw, name="zelfscan_nieuw"),
    path(
        "plg/<int:pk>/zelfscan/<int:afname_pk>/invullen/",
        views.zelfscan_invullen,
        name="zelfscan_invullen",
    ),
    path(
        "plg/<int:pk>/zelfscan/<int:afname_pk>/sluiten/",
        views.zelfscan_sluiten,
        name="zelfscan_sluiten",
    ),
    path(
        "plg/<int:pk>/zelfscan/<int:afname_pk>/",
        views.zelfscan_resultaat,
        name="zelfscan_resultaat",
    ),
]
