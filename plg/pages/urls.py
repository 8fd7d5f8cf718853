from django.urls import path

from plg.pages import views, views_leerlog

urlpatterns = [
    path("", views.home, name="home"),
    path("school/<int:pk>/", views.school_overview, name="school_overview"),
    path("begeleiding/", views.begeleiding, name="begeleiding"),
    path("plg/<int:pk>/", views.plg_detail, name="plg_detail"),
    path("plg/<int:pk>/archief/", views.archief, name="archief"),
    path("plg/<int:pk>/gedeeld/", views.gedeeld, name="gedeeld"),
    path("leerlog/", views_leerlog.mijn_leerlog, name="mijn_leerlog"),
    path("leerlog/pdf/", views_leerlog.mijn_leerlog_pdf, name="mijn_leerlog_pdf"),
    path("leerlog/<int:start>/pdf/", views_leerlog.mijn_leerlog_pdf, name="mijn_leerlog_jaar_pdf"),
]
