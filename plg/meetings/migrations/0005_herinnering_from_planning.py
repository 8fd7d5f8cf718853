# Reminders are about a bijeenkomst: the model moves from planning to meetings with its rows.
# Only the state moves here; the table keeps its rows and is renamed.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0004_input_limits'),
        ('planning', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Herinnering',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('soort', models.CharField(choices=[('vooraf', 'voor de bijeenkomst'), ('leerlog', 'na de bijeenkomst')], max_length=10)),
                        ('due_at', models.DateTimeField()),
                        ('sent_at', models.DateTimeField(blank=True, null=True)),
                        ('bijeenkomst', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='herinneringen', to='meetings.bijeenkomst')),
                    ],
                    options={
                        'ordering': ['due_at'],
                        'constraints': [models.UniqueConstraint(fields=('bijeenkomst', 'soort'), name='one_reminder_per_kind')],
                        'db_table': 'planning_herinnering',
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(
            name='herinnering',
            table=None,
        ),
    ]
