"""A small project to export: nested codes, two coders, and text in several scripts.

Every article here was written for these tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from annotator.core import codebook, coders, coding
from annotator.core.documents import Document, NewDocument, store_document
from annotator.core.project import Project, create_project

ENGLISH = (
    "Cameras go up in Riverside market\n\n"
    "The city council installed forty new cameras, officials said on Tuesday.\n\n"
    '=SUM(A1:A3) was painted on a wall near the gate, "as a joke", said one trader.\n'
    "Another line of the same paragraph.\n\n"
    "Facial recognition will be tested from June, the police confirmed.\n\n"
    "-- Traders were not asked before the cameras went up."
)
ARABIC = (
    "كاميرات جديدة في السوق\n\n"
    "قالت الشرطة إن الكاميرات ستعمل ليلاً ونهاراً في 2023.\n\n"
    "يخشى التجار من التعرف على الوجوه."
)
CJK = "车站的人脸识别\n\n新的摄像头已经安装在车站入口。📷\n\n乘客说：😟 我们不知道数据存放在哪里。"
PLAIN = "Fingerprints at the border\n\n@border_watch posted photos of the scanners.\x0cNext page."


@dataclass
class ReportProject:
    project: Project
    docs: dict[str, Document] = field(default_factory=dict)
    codes: dict[str, str] = field(default_factory=dict)
    coders: dict[str, str] = field(default_factory=dict)
    codings: list[str] = field(default_factory=list)

    def code(self, doc: str, code: str, quote: str, coder: str = "amina", memo: str = "") -> None:
        document = self.docs[doc]
        start = document.text.index(quote)
        change = coding.add_coding(
            self.project,
            document.id,
            self.codes[code],
            start,
            start + len(quote),
            self.coders[coder],
            memo=memo,
        )
        self.codings.extend(change.codings)


def _create_code(project: Project, name: str, parent: str | None = None, **kw: str) -> str:
    change = codebook.create_code(project, name, parent_id=parent, **kw)
    return next(iter(change.codes))


def build_report_project(path: Path) -> ReportProject:
    project = create_project(path, name="Market surveillance study")
    report = ReportProject(project)
    video = _create_code(project, "Video surveillance", definition="Cameras that watch people.")
    report.codes = {
        "video": video,
        "cctv": _create_code(project, "CCTV", video, definition="Fixed cameras.", color="#3296D9"),
        "face": _create_code(project, "Facial recognition", video, definition="Face matching."),
        "bio": _create_code(project, "Biometric collection", definition="Bodies as data."),
        "legal": _create_code(project, "Legal basis", definition="Laws and decrees."),
    }
    report.codes["prints"] = _create_code(project, "Fingerprints", report.codes["bio"])
    report.coders = {
        "amina": coders.add_coder(project, "Amina Rasheed").id,
        "tomas": coders.add_coder(project, "Tomás Ortega").id,
    }
    report.docs["english"] = store_document(
        project,
        NewDocument(
            title="Cameras go up in Riverside market",
            text=ENGLISH,
            original=ENGLISH.encode("utf-8"),
            provenance={
                "publisher": "The Lakeside Courier",
                "author": "Jane Okafor",
                "published_date": "2024-04-16",
                "source_url": "https://courier.example.org/riverside-cameras",
                "accessed_date": "2024-05-01",
                "language": "en",
            },
        ),
    )
    report.docs["arabic"] = store_document(
        project,
        NewDocument(
            title="كاميرات جديدة في السوق",
            text=ARABIC,
            provenance={"publisher": "صحيفة المدينة", "published_date": "2023-11-02"},
        ),
    )
    report.docs["cjk"] = store_document(
        project,
        NewDocument(
            title="车站的人脸识别",
            text=CJK,
            provenance={"publisher": "晨报", "published_date": "2024-01-09", "language": "zh"},
        ),
    )
    report.docs["plain"] = store_document(project, NewDocument(title="Border notes", text=PLAIN))
    report.code("english", "cctv", "The city council installed forty new cameras")
    report.code("english", "cctv", "The city council installed forty new cameras", coder="tomas")
    report.code(
        "english",
        "cctv",
        '=SUM(A1:A3) was painted on a wall near the gate, "as a joke", said one trader.\n'
        "Another line",
        memo="Formula-like text, kept as text.",
    )
    report.code(
        "english",
        "face",
        "officials said on Tuesday.\n\n=SUM(A1:A3)",
        coder="tomas",
        memo="Spans two paragraphs.",
    )
    report.code("english", "face", "Facial recognition will be tested from June")
    report.code("english", "video", "-- Traders were not asked")
    report.code("arabic", "cctv", "قالت الشرطة إن الكاميرات ستعمل ليلاً ونهاراً في 2023.")
    report.code("arabic", "face", "يخشى التجار من التعرف على الوجوه.", coder="tomas")
    report.code("cjk", "face", "新的摄像头已经安装在车站入口。📷")
    report.code("cjk", "cctv", "乘客说：😟 我们不知道数据存放在哪里。", memo="乘客的担忧 😟")
    report.code("plain", "prints", "@border_watch posted photos of the scanners.\x0cNext page.")
    return report


@pytest.fixture
def report(project_path: Path) -> Iterator[ReportProject]:
    built = build_report_project(project_path)
    yield built
    built.project.close()
