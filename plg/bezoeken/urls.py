from django.urls import URLPattern

from plg.bezoeken import urls_samen

urlpatterns: list[URLPattern] = []
urlpatterns += urls_samen.urlpatterns
