"""Sync screens: status bar, conflicts, settings section and dialogs."""
