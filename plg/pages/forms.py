from django import forms
from django.utils.translation import gettext_lazy as _

from plg.organisations.models import School


class SchoolInstellingenForm(forms.ModelForm):
    class Meta:
        model = School
        fields = ["werkgroep_minutes", "waarden"]
        widgets = {"waarden": forms.Textarea(attrs={"rows": 4})}

    def clean_werkgroep_minutes(self) -> int:
        minutes: int = self.cleaned_data["werkgroep_minutes"]
        if not 15 <= minutes <= 240:
            raise forms.ValidationError(_("Kies een duur tussen 15 en 240 minuten."))
        return minutes
