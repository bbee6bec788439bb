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


def format_iso_day(iso: str | None) -> str:
    """'2026-11-20T10:30' (or a date) as '20/11/2026'; '' for None."""
    if not iso:
        return ""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[0:4]}"


def format_iso_minutes(iso: str | None) -> str:
    """'2026-11-20T10:30' as '20/11/2026 10:30' ('' for None; a bare date stays a date)."""
    if not iso:
        return ""
    day = format_iso_day(iso)
    return f"{day} {iso[11:16]}" if len(iso) >= 16 else day


def format_datetime(value: datetime | None) -> str:
    return value.strftime("%d/%m/%Y %H:%M") if value else ""


def format_optional_date(value: date | None) -> str:
    return format_date(value) if value else ""
