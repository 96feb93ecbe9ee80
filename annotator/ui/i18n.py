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

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from annotator.core import user_settings
from annotator.core.resources import resource_path

log = logging.getLogger(__name__)

SETTINGS_KEY = "ui/language"
SYSTEM = ""  # the preference meaning "follow the system's language"
_CATALOGUE = "annotator"


@dataclass(frozen=True)
class Language:
    code: str  # a QLocale name such as "es", or SYSTEM
    name: str  # in its own language, so a reader of it can find it in the list


# English is the source language, so it needs no catalogue; the others ship as .qm files
# compiled from resources/translations/annotator_<code>.ts (`make translations`).
LANGUAGES = (Language("en", "English"), Language("es", "Español"))


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the user's language; lupdate reads `context` and `text` from the call."""
    return QCoreApplication.translate(context, text, disambiguation, n)


def translations_dir() -> str:
    return str(resource_path("translations"))


def _settings() -> QSettings:
    # the window-state file of annotator.ui.settings, in the folder ANNOTATOR_CONFIG_DIR moves
    path = user_settings.config_dir() / "window.ini"
    return QSettings(str(path), QSettings.Format.IniFormat)


def preferred_language() -> str:
    """The language chosen in Preferences, or SYSTEM."""
    value = _settings().value(SETTINGS_KEY, SYSTEM)
    return value if isinstance(value, str) else SYSTEM


def set_preferred_language(code: str) -> None:
    """Remember the choice; it takes effect the next time the app starts."""
    settings = _settings()
    settings.setValue(SETTINGS_KEY, code)
    settings.sync()


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
        return "en"
    app.installTranslator(ours)
    qt_own = QTranslator(app)
    qt_own.setObjectName("annotator-translator")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(locale, "qtbase", "_", qt_dir):
        app.installTranslator(qt_own)
    else:  # PySide6-Essentials may ship without them; our own strings still translate
        log.info("no Qt translations for %s in %s", locale.name(), qt_dir)
        qt_own.deleteLater()
    return (ours.language() or locale.name()).split("_")[0]  # "es_ES" -> "es", as LANGUAGES
