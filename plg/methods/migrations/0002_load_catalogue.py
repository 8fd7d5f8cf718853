from django.db import migrations


def load(apps, schema_editor):
    from plg.methods.catalogue import load_catalogue

    load_catalogue(
        werkvorm_model=apps.get_model("methods", "Werkvorm"),
        groep_model=apps.get_model("methods", "Vragengroep"),
        vraag_model=apps.get_model("methods", "Vraag"),
    )


class Migration(migrations.Migration):
    dependencies = [("methods", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
