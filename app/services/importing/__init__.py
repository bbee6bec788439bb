"""Importing a team's spreadsheets: people, contact moments, agreements, vindplaatsen and the
sociale kaart (see `service`)."""

from app.services.importing.mapping import ImportMapping, MappingError, NewTerm
from app.services.importing.rows import Action, PreviewRow, Problem
from app.services.importing.service import (
    ImportCancelled,
    ImportRefused,
    ImportReport,
    ImportService,
    Inspection,
    ValueColumn,
    ValueUse,
)
from app.services.importing.sources import SourceError, SourceInfo

__all__ = [
    "Action",
    "ImportCancelled",
    "ImportMapping",
    "ImportRefused",
    "ImportReport",
    "ImportService",
    "Inspection",
    "MappingError",
    "NewTerm",
    "PreviewRow",
    "Problem",
    "SourceError",
    "SourceInfo",
    "ValueColumn",
    "ValueUse",
]
