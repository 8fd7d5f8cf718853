from django.urls import path

from plg.traject import views

urlpatterns = [
    path("trajecten/", views.trajecten, name="trajecten"),
    path("trajecten/nieuw/", views.traject_nieuw, name="traject_nieuw"),
    path("traject/<int:pk>/", views.traject, name="traject"),
    path("traject/<int:pk>/mijlpaal/", views.traject_mijlpaal, name="traject_mijlpaal"),
    path("traject/<int:pk>/netwerk-plg/", views.traject_netwerk_plg, name="traject_netwerk_plg"),
    path("traject/mijlpaal/<int:pk>/bereikt/", views.mijlpaal_bereikt, name="mijlpaal_bereikt"),
    path("traject/deelname/<int:pk>/plg/", views.deelname_plg, name="deelname_plg"),
    path("begeleiding/netwerk/", views.netwerk, name="netwerk"),
]
