"""Dates as the worker reads them: dd/mm/jjjj, local time."""

from __future__ import annotations

from datetime import date, datetime


def format_date(value: date) -> str:
    return value.strftime("%d/%m/%Y")


def format_timestamp(iso: str) -> str:
    """An ISO-8601 timestamp (UTC or with offset) as local 'dd/mm/jjjj HH:MM'."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d/%m/%Y %H:%M")


def format_size(size_bytes: int) -> str:
    value = float(size_bytes)
    for unit in ("bytes", "kB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return (
                f"{value:.0f} {unit}"
                if unit == "bytes"
                else f"{value:.1f} {unit}".replace(".", ",")
            )
        value /= 1024
    return f"{size_bytes} bytes"
