from django.urls import path

from plg.pages import views

urlpatterns = [
    path("", views.home, name="home"),
    path("school/<int:pk>/", views.school_overview, name="school_overview"),
    path("begeleiding/", views.begeleiding, name="begeleiding"),
    path("plg/<int:pk>/", views.plg_detail, name="plg_detail"),
    path("plg/<int:pk>/archief/", views.archief, name="archief"),
    path("plg/<int:pk>/gedeeld/", views.gedeeld, name="gedeeld"),
]
