"""The stored profiles again, under the rule that follows the research (docs/scans.md): a
school strong in collective responsibility and reflective dialogue is mature, whatever its
deprivatised practice."""

from typing import Any

from django.db import migrations


def reclassify(apps: Any, schema_editor: Any) -> None:
    from plg.scans.instruments import instruments
    from plg.scans.results import characteristic_scores

    Resultaat = apps.get_model("scans", "Resultaat")
    known = instruments()
    rows = Resultaat.objects.select_related("afname").exclude(profiel="")
    changed = []
    for row in rows.iterator(chunk_size=500):
        instrument = known.get((row.afname.instrument_slug, row.afname.instrument_version))
        if instrument is None or instrument.profile is None:
            continue
        scores = characteristic_scores(instrument, row.data)
        profiel = instrument.profile.classify(scores) if scores else ""
        if profiel != row.profiel:
            row.profiel = profiel
            changed.append(row)
    Resultaat.objects.bulk_update(changed, ["profiel"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("scans", "0003_input_limits")]

    operations = [migrations.RunPython(reclassify, migrations.RunPython.noop)]
