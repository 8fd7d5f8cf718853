from django.urls import path

from plg.organisations import views

urlpatterns = [
    path("school/<int:pk>/", views.school_overview, name="school_overview"),
    path("begeleiding/", views.begeleiding, name="begeleiding"),
]
