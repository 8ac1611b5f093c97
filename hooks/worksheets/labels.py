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
            "Vul het werkblad hier in: je browser bewaart je antwoorden op dit apparaat en stuurt ze nergens "
            "naartoe, dus ze staan er morgen nog. Download het daarna ingevuld als PDF of Word-bestand, of druk "
            "het af."
        ),
        "nojs": (
            "Invullen op deze pagina werkt alleen met JavaScript, en dat staat nu uit. Download de PDF of het "
            "Word-bestand en vul het werkblad daarin in."
        ),
        "tools": "Je antwoorden",
        "copies": "Kopieën",
        "more": "Kopieën en wissen",
        "copy_pick": "Kopie",
        "copy_name": "Naam",
        "copy_new": "Nieuwe kopie",
        "copy_rename": "Naam geven",
        "copy_hint": "Bijvoorbeeld één kopie per partner. Typ een naam en kies wat je wilt doen.",
        "filled": "Ingevuld downloaden",
        "filled_pdf": "PDF",
        "filled_docx": "Word-bestand",
        "print": "Afdrukken",
        "move": "Naar een ander apparaat",
        "export": "Antwoorden exporteren",
        "import": "Antwoorden importeren",
        "clear_group": "Wissen",
        "clear_copy": "Deze kopie wissen",
        "clear_all": "Alle antwoorden wissen",
        "print_copy": "Kopie",
        "msg_saved": "Opgeslagen in deze browser.",
        "msg_save_failed": (
            "Deze browser bewaart je antwoorden nu niet: de opslag is vol of staat uit. Wat je eerder bewaarde, "
            "blijft bewaard. Download je antwoorden, anders ben je je nieuwe antwoorden kwijt als je de pagina sluit."
        ),
        "msg_download_answers": "Download je antwoorden",
        "msg_imported_from": "Geïmporteerd {date}",
        "msg_no_storage": (
            "Deze browser bewaart niets voor deze pagina. Je kunt invullen en downloaden, maar na sluiten is het weg."
        ),
        "msg_untitled": "Zonder naam",
        "msg_copy_created": "Nieuwe kopie '{name}' gemaakt. Het werkblad is leeg.",
        "msg_copy_renamed": "De kopie heet nu '{name}'.",
        "msg_copy_exists": "Er is al een kopie met de naam '{name}'. Kies een andere naam.",
        "msg_copy_needs_name": "Typ eerst een naam in het veld Naam.",
        "msg_copy_shown": "Je ziet nu kopie '{name}'.",
        "msg_confirm_clear": (
            "Alle antwoorden in kopie '{name}' van dit werkblad wissen? Dit kun je niet ongedaan maken."
        ),
        "msg_confirm_clear_all": (
            "Alle antwoorden op alle werkbladen in deze browser wissen? Dit kun je niet ongedaan maken."
        ),
        "msg_cleared": "Kopie '{name}' is gewist.",
        "msg_cleared_all": "Alle antwoorden in deze browser zijn gewist.",
        "msg_making_pdf": "De ingevulde PDF wordt gemaakt…",
        "msg_making_docx": "Het ingevulde Word-bestand wordt gemaakt…",
        "msg_made": "{file} is klaar. Kijk bij je downloads.",
        "msg_make_failed": "Het bestand maken lukte niet ({reason}). Je antwoorden zijn bewaard. Probeer het nog eens.",
        "msg_exported": "{file} is klaar. Kijk bij je downloads.",
        "msg_imported": "Geïmporteerd als nieuwe kopie '{name}'.",
        "msg_import_other": (
            "Dit bestand hoort bij een ander werkblad ({sheet}). Open dat werkblad en importeer het daar."
            " Er is niets veranderd."
        ),
        "msg_import_broken": "Dit bestand kan ik niet lezen als antwoorden van een werkblad. Er is niets veranderd.",
        "msg_import_newer": "Dit bestand komt uit een nieuwere versie van de site. Er is niets veranderd.",
        "msg_orphans": "Niet meer op dit werkblad",
        "msg_orphans_note": (
            "Het werkblad is veranderd. Deze antwoorden horen bij vragen die er niet meer op staan. Ze "
            "blijven bewaard tot je de kopie wist."
        ),
        "msg_row": "rij",
        "msg_continued": "vervolg",  # a table's rows on a continuation page (fill.js)
        # fill.js: a character the sheet's font lacks prints as the marker; said on the page
        "msg_missing": (
            "{mark} staat voor een teken dat het lettertype van dit werkblad niet kan afdrukken "
            "({chars}), in: {fields}."
        ),
        "msg_missing_title": "Niet afgedrukte tekens",
        "msg_filled": "ingevuld",
        "msg_answers": "antwoorden",
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
            "Fill in the worksheet here: your browser keeps your answers on this device and sends them "
            "nowhere, so they will still be here tomorrow. Then download it filled in as a PDF or Word file, "
            "or print it."
        ),
        "nojs": (
            "Filling in on this page needs JavaScript, which is switched off. Download the PDF or the Word "
            "file and fill in the worksheet there."
        ),
        "tools": "Your answers",
        "copies": "Copies",
        "more": "Copies and clearing",
        "copy_pick": "Copy",
        "copy_name": "Name",
        "copy_new": "New copy",
        "copy_rename": "Rename",
        "copy_hint": "For example, one copy per partner. Type a name, then choose what to do.",
        "filled": "Download filled in",
        "filled_pdf": "PDF",
        "filled_docx": "Word file",
        "print": "Print",
        "move": "To another device",
        "export": "Export answers",
        "import": "Import answers",
        "clear_group": "Clear",
        "clear_copy": "Clear this copy",
        "clear_all": "Clear all answers",
        "print_copy": "Copy",
        "msg_saved": "Saved in this browser.",
        "msg_save_failed": (
            "This browser is not saving your answers right now: its storage is full or switched off. What you saved "
            "before stays saved. Download your answers, or your new answers are gone when you close the page."
        ),
        "msg_download_answers": "Download your answers",
        "msg_imported_from": "Imported {date}",
        "msg_no_storage": (
            "This browser keeps nothing for this page. You can fill in and download, but it is gone once you close it."
        ),
        "msg_untitled": "Untitled",
        "msg_copy_created": "New copy '{name}' made. The worksheet is empty.",
        "msg_copy_renamed": "The copy is now called '{name}'.",
        "msg_copy_exists": "There is already a copy called '{name}'. Choose another name.",
        "msg_copy_needs_name": "Type a name in the Name field first.",
        "msg_copy_shown": "Now showing copy '{name}'.",
        "msg_confirm_clear": "Clear all answers in copy '{name}' of this worksheet? This cannot be undone.",
        "msg_confirm_clear_all": "Clear all answers to all worksheets in this browser? This cannot be undone.",
        "msg_cleared": "Copy '{name}' has been cleared.",
        "msg_cleared_all": "All answers in this browser have been cleared.",
        "msg_making_pdf": "Making the filled-in PDF…",
        "msg_making_docx": "Making the filled-in Word file…",
        "msg_made": "{file} is ready. Look in your downloads.",
        "msg_make_failed": "The file could not be made ({reason}). Your answers are kept. Please try again.",
        "msg_exported": "{file} is ready. Look in your downloads.",
        "msg_imported": "Imported as a new copy, '{name}'.",
        "msg_import_other": (
            "This file belongs to another worksheet ({sheet}). Open that worksheet and import it there. "
            "Nothing has changed."
        ),
        "msg_import_broken": "This file cannot be read as answers to a worksheet. Nothing has changed.",
        "msg_import_newer": "This file comes from a newer version of the site. Nothing has changed.",
        "msg_orphans": "No longer on this sheet",
        "msg_orphans_note": (
            "The worksheet has changed. These answers belong to questions that are no longer on it. They "
            "are kept until you clear the copy."
        ),
        "msg_row": "row",
        "msg_continued": "continued",
        "msg_missing": "{mark} stands for a character this worksheet's font cannot print ({chars}), in: {fields}.",
        "msg_missing_title": "Characters not printed",
        "msg_filled": "filled-in",
        "msg_answers": "answers",
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
