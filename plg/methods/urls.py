from django.urls import path

from plg.methods import views

urlpatterns = [
    path("werkvormen/", views.werkvormen, name="werkvormen"),
    path("werkvormen/nieuw/", views.werkvorm_nieuw, name="werkvorm_nieuw"),
    path("werkvormen/<int:pk>/", views.werkvorm_detail, name="werkvorm_detail"),
    path("vragenkit/", views.vragenkit, name="vragenkit"),
]
