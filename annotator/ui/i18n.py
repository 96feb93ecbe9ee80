"""Which language the app speaks: Qt translators chosen from a preference or the system.

Every user-visible string in `annotator/ui` goes through Qt's mechanism, in one of two
forms that `pyside6-lupdate` can extract (docs/translating.md):
- `self.tr("...")` in a class that nothing subclasses (Qt takes the context from the
  class of the object at run time, lupdate from the class in the source; a subclass
  would look its strings up under its own name and miss them);
- `translate("Context", "...")` everywhere else, with the context written out.
The English source text is the key: `tr` returns it unchanged when no translation
exists, so a missing or partial translation shows English, never a blank.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from annotator.core.resources import resource_path
from annotator.ui.settings import WindowSettings

log = logging.getLogger(__name__)

SYSTEM = ""  # the preference meaning "follow the system's language"
_CATALOGUE = "annotator"


@dataclass(frozen=True)
class Language:
    code: str  # a QLocale name such as "es", or SYSTEM
    name: str  # in its own language, so a reader of it can find it in the list


# English is the source language, so it needs no catalogue; the others ship as .qm files
# compiled from resources/translations/annotator_<code>.ts (`make translations`).
LANGUAGES = (Language("en", "English"), Language("es", "Español"))


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """`text` in the user's language; lupdate reads `context` and `text` from the call.

    No plural count: lupdate would read a fourth argument as an encoding and give
    translators one form. Plurals go through `self.tr("%n …", "", n)`.
    """
    return QCoreApplication.translate(context, text, disambiguation)


def translations_dir() -> str:
    return str(resource_path("translations"))


def preferred_language() -> str:
    """The language chosen in Preferences, or SYSTEM."""
    return WindowSettings().language or SYSTEM


def set_preferred_language(code: str) -> None:
    """Remember the choice; it takes effect the next time the app starts."""
    WindowSettings().language = code


def install_translations(app: QCoreApplication, language: str = SYSTEM) -> str:
    """Load our catalogue and Qt's own (dialog buttons, context menus) for `language`.

    Returns the language now in use ("en" when nothing matched). Translators installed
    earlier by this function are removed first, so calling it again switches language.
    """
    for old in app.findChildren(QTranslator, "annotator-translator"):
        app.removeTranslator(old)
        old.deleteLater()
    locale = QLocale(language) if language else QLocale.system()
    ours = QTranslator(app)
    ours.setObjectName("annotator-translator")
    if not ours.load(locale, _CATALOGUE, "_", translations_dir()):
        ours.deleteLater()
        QLocale.setDefault(QLocale.system())  # English words, the system's dates and numbers
        return "en"
    app.installTranslator(ours)
    QLocale.setDefault(locale)  # dates and numbers Qt formats follow the same language
    qt_own = QTranslator(app)
    qt_own.setObjectName("annotator-translator")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_own)
    else:  # PySide6-Essentials may ship without them; our own strings still translate
        log.info("no Qt translations for %s in %s", locale.name(), qt_dir)
        qt_own.deleteLater()
    return (ours.language() or locale.name()).split("_")[0]  # "es_ES" -> "es", as LANGUAGES
