"""Brugfiguur: an offline-first, encrypted caseload app for outreach workers."""

__version__ = "0.1.0"
APP_NAME = "Brugfiguur"
