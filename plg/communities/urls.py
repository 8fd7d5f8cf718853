from django.urls import path

from plg.communities import bronnen, leervraagwerkplaats, views, views_team

urlpatterns = [
    path("plg/nieuw/", views.plg_create, name="plg_create"),
    path("plg/<int:pk>/bewerken/", views.plg_edit, name="plg_edit"),
    path("plg/<int:pk>/fase/", views.plg_fase, name="plg_fase"),
    path("plg/<int:pk>/fase/voorstel/", views.plg_fase_voorstel, name="plg_fase_voorstel"),
    path("plg/<int:pk>/leden/", views.leden, name="plg_leden"),
    path("plg/<int:pk>/leden/<int:lid_pk>/rol/", views.lid_rol, name="lid_rol"),
    path(
        "plg/<int:pk>/uitnodigingen/<int:uitnodiging_pk>/intrekken/",
        views.uitnodiging_intrekken,
        name="uitnodiging_intrekken",
    ),
    path("plg/<int:pk>/verlaten/", views.plg_leave, name="plg_leave"),
    path("plg/<int:pk>/leervragen/", leervraagwerkplaats.leervragen, name="leervragen"),
    path(
        "plg/<int:pk>/leervragen/check/",
        leervraagwerkplaats.leervraag_check_hx,
        name="leervraag_check_hx",
    ),
    path(
        "plg/<int:pk>/leervragen/<int:lv_pk>/",
        leervraagwerkplaats.leervraag_detail,
        name="leervraag_detail",
    ),
    path(
        "plg/<int:pk>/leervragen/<int:lv_pk>/kies/",
        leervraagwerkplaats.leervraag_kies,
        name="leervraag_kies",
    ),
    path("plg/<int:pk>/themas/", leervraagwerkplaats.themas, name="themas"),
    path(
        "plg/<int:pk>/prioriteit/<str:kind>/<int:item_pk>/<str:action>/",
        leervraagwerkplaats.prioriteit_hx,
        name="prioriteit_hx",
    ),
    path("plg/<int:pk>/actieplan/", views.actieplan, name="actieplan"),
    path("plg/<int:pk>/mijlpalen/nieuw/", views.mijlpaal_nieuw, name="mijlpaal_nieuw"),
    path("plg/<int:pk>/mijlpalen/<int:mp_pk>/vieren/", views.mijlpaal_vier, name="mijlpaal_vier"),
    path("plg/<int:pk>/notities/", views.notitie_nieuw, name="notitie_nieuw"),
    path(
        "plg/<int:pk>/notities/<int:notitie_pk>/principes/",
        views.notitie_principes,
        name="notitie_principes",
    ),
    path("plg/<int:pk>/bronnen/", bronnen.bronnen, name="bronnen"),
    path(
        "plg/<int:pk>/bronnen/<int:bron_pk>/verwijderen/",
        bronnen.bron_verwijderen,
        name="bron_verwijderen",
    ),
    path("plg/<int:pk>/afronden/", views.afronden, name="afronden"),
    path("plg/<int:pk>/bijlagen/<int:bijlage_pk>/", views.bijlage, name="bijlage"),
    path("uitnodiging/<str:token>/", views.uitnodiging, name="uitnodiging"),
    path("school/<int:pk>/team/", views_team.team, name="team"),
    path(
        "school/<int:pk>/team/plg/<int:plg_pk>/voorstel.pdf",
        views_team.team_voorstel_pdf,
        name="team_voorstel_pdf",
    ),
    path(
        "school/<int:pk>/team/plg/<int:plg_pk>/poster.pdf",
        views_team.team_poster_pdf,
        name="team_poster_pdf",
    ),
]
