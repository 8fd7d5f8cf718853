from django.urls import path

from plg.privacy import views

urlpatterns = [
    path("mijn-gegevens/", views.mijn_gegevens, name="mijn_gegevens"),
    path("mijn-gegevens/json/", views.mijn_gegevens_json, name="mijn_gegevens_json"),
    path("mijn-gegevens/pdf/", views.mijn_gegevens_pdf, name="mijn_gegevens_pdf"),
    path("privacy/raadplegingen/", views.raadplegingen, name="raadplegingen"),
    path("privacy/raadplegingen/csv/", views.raadplegingen_csv, name="raadplegingen_csv"),
]
