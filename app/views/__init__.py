"""Widgets, dialogs and Qt item models. They talk to services only, through app.qt's runner."""
