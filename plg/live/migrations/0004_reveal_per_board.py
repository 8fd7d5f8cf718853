# Cards are shown per board: moving to the next step no longer hides them again.

from django.db import migrations, models


def keep_what_was_shown(apps, schema_editor):
    LiveSessie = apps.get_model("live", "LiveSessie")
    for sessie in LiveSessie.objects.filter(revealed=True).exclude(current_blok=None):
        sessie.revealed_blokken = [sessie.current_blok_id]
        sessie.save(update_fields=["revealed_blokken"])


class Migration(migrations.Migration):

    dependencies = [
        ('live', '0003_guests_rounds_sharing'),
    ]

    operations = [
        migrations.AddField(
            model_name='livesessie',
            name='revealed_blokken',
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(keep_what_was_shown, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name='livesessie',
            name='revealed',
        ),
    ]
