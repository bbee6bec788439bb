"""Consent, the sociale kaart and the warm handover: tab, dialogs, fiche preview."""
