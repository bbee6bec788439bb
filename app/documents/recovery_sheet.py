"""The "noodsleutel" sheet: the recovery key on paper, to keep somewhere safe and offline.

Written straight to the path the user chose (never a temporary file). It holds the key and
the device label only: no names, no caseload.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app import __version__
from app.documents.fonts import BOLD, MONO, REGULAR, register_fonts


@dataclass(frozen=True)
class RecoverySheet:
    recovery_key: str
    device_label: str  # the vault's device, or the organisation's name for its key
    created_at: datetime
    organisation: bool = False  # the organisation's recovery key (sync), not a vault's


_VAULT_TEXT = (
    "Brugfiguur — noodsleutel",
    "Noodsleutel voor uw Brugfiguur-kluis",
    [
        "Met deze herstelsleutel opent u uw kluis als u uw wachtwoordzin vergeten bent.",
        "Bewaar dit blad op een veilige plek, apart van uw laptop (bijvoorbeeld in een",
        "afgesloten kast). Wie deze sleutel en uw laptop heeft, kan uw gegevens lezen.",
    ],
    "Toestel",
    [
        "Hoofdletters en streepjes maken niet uit bij het overtypen.",
        "Maakt u later een nieuwe herstelsleutel, dan werkt deze niet meer:",
        "vernietig dit blad dan.",
    ],
)
_ORGANISATION_TEXT = (
    "Brugfiguur — herstelsleutel van de organisatie",
    "Herstelsleutel van de organisatie",
    [
        "Met deze sleutel kan de organisatie de gegevens van haar teams opnieuw lezen als",
        "de laptops van alle coördinatoren verloren zijn. Bewaar dit blad offline in een",
        "kluis of afgesloten kast, nooit bij een laptop. Het staat nergens anders.",
    ],
    "Organisatie",
    [
        "Deze sleutel hoort bij de centrale opslag van de organisatie.",
        "Wie hem heeft en een kopie van de centrale opslag, kan alles lezen:",
        "geef hem alleen door volgens de afspraken van uw organisatie.",
    ],
)


def _wrap_key(key: str, groups_per_line: int = 5) -> list[str]:
    groups = key.split("-")
    return [
        "  ".join(groups[i : i + groups_per_line]) for i in range(0, len(groups), groups_per_line)
    ]


def build_recovery_sheet(sheet: RecoverySheet, dest: Path) -> Path:
    """Write the PDF to `dest` and return it."""
    register_fonts()
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas

    width, height = A4
    c = canvas.Canvas(str(dest), pagesize=A4, pageCompression=1)
    doc_title, title, intro, owner, details_text = (
        _ORGANISATION_TEXT if sheet.organisation else _VAULT_TEXT
    )
    c.setTitle(doc_title)
    c.setAuthor("Brugfiguur")
    c.setSubject(title)
    left = 22 * mm
    y = height - 30 * mm

    c.setFont(BOLD, 20)
    c.drawString(left, y, title)
    y -= 12 * mm
    c.setFont(REGULAR, 11)
    for line in intro:
        c.drawString(left, y, line)
        y -= 6 * mm
    y -= 6 * mm

    box_lines = _wrap_key(sheet.recovery_key)
    box_h = (len(box_lines) * 10 + 12) * mm
    c.setStrokeGray(0.35)
    c.setLineWidth(1.2)
    c.roundRect(left - 4 * mm, y - box_h + 6 * mm, width - 2 * left + 8 * mm, box_h, 4 * mm)
    y -= 6 * mm
    c.setFont(MONO, 17)
    for line in box_lines:
        c.drawString(left + 4 * mm, y, line)
        y -= 10 * mm
    y -= 10 * mm

    c.setFont(REGULAR, 11)
    details = [
        f"{owner}: {sheet.device_label}",
        f"Aangemaakt op: {sheet.created_at.strftime('%d/%m/%Y %H:%M')}",
        *details_text,
    ]
    for line in details:
        c.drawString(left, y, line)
        y -= 6 * mm

    c.setFont(BOLD, 9)
    c.drawString(left, 15 * mm, "Vertrouwelijk")
    c.setFont(REGULAR, 9)
    footer = f"Brugfiguur {__version__} · {sheet.created_at.strftime('%d/%m/%Y')} · pagina 1 van 1"
    c.drawRightString(width - left, 15 * mm, footer)
    c.showPage()
    c.save()
    return dest
