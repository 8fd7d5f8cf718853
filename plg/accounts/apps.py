from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "plg.accounts"
    label = "accounts"
