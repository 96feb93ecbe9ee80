"""Every user-visible string in annotator/ui can be translated, and lupdate can find it.

Read from the source, without running it: a string literal handed straight to a Qt
call that shows text is a string no translation can reach; a `tr`/`translate` call
whose text is not a literal (an f-string, a variable) is one lupdate cannot extract;
`self.tr` in a class something subclasses looks its strings up under the subclass's
name at run time and misses them (annotator/ui/i18n.py).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "annotator" / "ui"

# method or class name -> positions of the arguments that are shown to the user
SHOWN: dict[str, tuple[int, ...]] = {
    **dict.fromkeys(
        [
            "setText",
            "setWindowTitle",
            "setToolTip",
            "setStatusTip",
            "setWhatsThis",
            "setPlaceholderText",
            "setTitle",
            "addMenu",
            "setAccessibleName",
            "setAccessibleDescription",
            "setInformativeText",
            "setLabelText",
            "showMessage",
            "setSuffix",
            "setPrefix",
            "setSpecialValueText",
            "addRow",
            "addItem",
            "setHeaderLabels",
            "setHorizontalHeaderLabels",
            "addAction",
            "addButton",
            "setCancelButtonText",
            "QLabel",
            "QPushButton",
            "QCheckBox",
            "QRadioButton",
            "QGroupBox",
            "QAction",
            "QMenu",
            "QDockWidget",
            "QToolButton",
            "QCommandLinkButton",
            "action",
        ],
        (0,),
    ),
    "addTab": (1,),
    "setTabText": (1,),
    "insertTab": (2,),
    "information": (1, 2),
    "warning": (1, 2),
    "critical": (1, 2),
    "question": (1, 2),
    "getText": (1, 2),
    "getItem": (1, 2),
    "getInt": (1, 2),
    "getSaveFileName": (1, 3),
    "getOpenFileName": (1, 3),
    "getOpenFileNames": (1, 3),
    "getExistingDirectory": (1,),
    "QProgressDialog": (0, 1),
}
SHOWN_KEYWORDS = {"text", "title", "toolTip", "statusTip", "caption", "filter", "label"}


def _modules() -> list[Path]:
    return sorted(p for p in UI.rglob("*.py") if p.name != "i18n.py")  # i18n defines them


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _untranslated(node: ast.expr) -> bool:
    """A literal with letters in it (or an f-string, or a list of them) given as is."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return any(ch.isalpha() for ch in node.value)
    if isinstance(node, ast.JoinedStr):
        return any(
            isinstance(part, ast.Constant) and any(ch.isalpha() for ch in str(part.value))
            for part in node.values
        )
    if isinstance(node, ast.List | ast.Tuple):
        return any(_untranslated(item) for item in node.elts)
    return False


def _where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(UI.parent.parent)}:{getattr(node, 'lineno', 0)}"


def _is_translation(call: ast.Call) -> bool:
    """`tr(...)`, `x.tr(...)`, `translate(...)` or `QCoreApplication.translate(...)`."""
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in {"tr", "translate"}
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "tr":
        return True
    owner = func.value.id if isinstance(func.value, ast.Name) else ""
    # QPainter.translate and friends move things, they do not word them
    return func.attr == "translate" and owner in {"QCoreApplication", "QApplication"}


def _context_is_known(call: ast.Call) -> bool:
    """lupdate and Qt agree on the context: `self.tr` or a context written out.

    lupdate files a bare `tr(...)` under no context and `window.tr(...)` under
    "window", while Qt looks them up under the class of the object at run time.
    """
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "tr":
        return isinstance(func.value, ast.Name) and func.value.id == "self"
    return _called_name(call) == "translate"


def test_shown_text_goes_through_translation() -> None:
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or _is_translation(node):
                continue
            positions = SHOWN.get(_called_name(node), ())
            shown = [node.args[i] for i in positions if i < len(node.args)]
            shown += [kw.value for kw in node.keywords if kw.arg in SHOWN_KEYWORDS]
            found += [
                f"{_where(path, arg)}: {ast.unparse(arg)}" for arg in shown if _untranslated(arg)
            ]
    assert not found, "shown without translation:\n" + "\n".join(found)


def test_lupdate_can_extract_every_translated_string() -> None:
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not _is_translation(node):
                continue
            literal_args = 2 if _called_name(node) == "translate" else 1
            args = node.args[:literal_args]
            if len(args) < literal_args or not all(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args
            ):
                found.append(f"{_where(path, node)}: {ast.unparse(node)[:100]}")
    assert not found, "lupdate cannot extract these (text must be a literal):\n" + "\n".join(found)


def _classes() -> dict[str, tuple[Path, ast.ClassDef]]:
    classes: dict[str, tuple[Path, ast.ClassDef]] = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                classes[node.name] = (path, node)
    return classes


def test_self_tr_only_in_classes_nothing_subclasses() -> None:
    classes = _classes()
    subclassed = {
        base.id for _, node in classes.values() for base in node.bases if isinstance(base, ast.Name)
    }
    found = []
    for name, (path, node) in classes.items():
        uses_self_tr = any(
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "tr"
            and isinstance(call.func.value, ast.Name)
            and call.func.value.id == "self"
            for call in ast.walk(node)
        )
        if uses_self_tr and name in subclassed:
            found.append(f"{_where(path, node)}: class {name} is subclassed; use translate()")
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    "source",
    [
        'label.setText("Import")',
        'QPushButton("&Open", self)',
        'QMessageBox.warning(self, "Cannot open", f"{path} is damaged")',
        'menu.addAction(f"Open {name}")',
        'table.setHorizontalHeaderLabels(["Title", "Date"])',
    ],
)
def test_the_check_catches_untranslated_text(source: str) -> None:
    call = ast.parse(source).body[0].value  # type: ignore[attr-defined]
    positions = SHOWN[_called_name(call)]
    assert any(_untranslated(call.args[i]) for i in positions if i < len(call.args))


@pytest.mark.parametrize(
    "source",
    [
        'label.setText(self.tr("Import"))',
        'label.setText("")',
        'label.setText("—")',
        'QPushButton(translate("MainWindow", "&Open"), self)',
    ],
)
def test_the_check_lets_translated_text_through(source: str) -> None:
    call = ast.parse(source).body[0].value  # type: ignore[attr-defined]
    positions = SHOWN[_called_name(call)]
    assert not any(_untranslated(call.args[i]) for i in positions if i < len(call.args))
