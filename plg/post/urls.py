from django.urls import path

from plg.post import views

urlpatterns = [
    path("post/opnieuw/", views.bericht_opnieuw, name="bericht_opnieuw"),
]
