from django.apps import AppConfig


class MethodsConfig(AppConfig):
    name = "plg.methods"
    label = "methods"
