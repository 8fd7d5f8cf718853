from django.urls import path

from plg.beheer import views

urlpatterns = [path("health", views.health_view, name="health")]
