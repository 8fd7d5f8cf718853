# Reminders moved to meetings (meetings 0005 took over the model and renamed its table).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('planning', '0001_initial'),
        ('meetings', '0005_herinnering_from_planning'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='Herinnering',
                ),
            ],
        ),
    ]
