"""Interface words of worksheets and worksheet pages, per language (the texts come from the YAML)."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "purpose": "Waarvoor",
        "when": "Wanneer gebruik je dit werkblad?",
        "instructions": "Zo vul je het in",
        "downloads": "Downloaden",
        "pdf": "in te vullen op het scherm of om te printen",
        "docx": "Word-bestand, om aan te passen",
        "form": "Het werkblad",
        "form_note": (
            "Je kunt het werkblad hier bekijken en invullen; wat je typt wordt niet opgeslagen. "
            "Download de PDF of het Word-bestand om je antwoorden te bewaren."
        ),
        "example": "Ingevuld voorbeeld",
        "example_note": "Voorbeeld: een verzonnen situatie.",
        "related": "Hoort bij",
        "row": "rij",
        "online": "Dit werkblad online",
        "qr_alt": "QR-code naar",
        "scale": "1 = {min}, {n} = {max}",
        "checked": "aangevinkt",
        "unchecked": "niet aangevinkt",
        "version": "versie",
        "licence": "Belangen op tafel · CC BY-SA 4.0",
        "kb": "kB",
    },
    "en": {
        "purpose": "What it is for",
        "when": "When to use this worksheet",
        "instructions": "How to fill it in",
        "downloads": "Download",
        "pdf": "to fill in on screen or to print",
        "docx": "Word file, to adapt",
        "form": "The worksheet",
        "form_note": (
            "You can look at the worksheet and fill it in here; nothing you type is saved. "
            "Download the PDF or the Word file to keep your answers."
        ),
        "example": "Filled-in example",
        "example_note": "Example: an invented situation.",
        "related": "Belongs to",
        "row": "row",
        "online": "This worksheet online",
        "qr_alt": "QR code linking to",
        "scale": "1 = {min}, {n} = {max}",
        "checked": "checked",
        "unchecked": "not checked",
        "version": "version",
        "licence": "Interests on the table · CC BY-SA 4.0",
        "kb": "kB",
    },
}


def labels(lang: str) -> dict[str, str]:
    """The interface words for one language."""
    return LABELS[lang]
