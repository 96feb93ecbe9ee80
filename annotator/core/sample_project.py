"""The sample project a new user opens at first launch: articles already coded a little.

Built from the shipped sample articles through the real importer (with clean-up),
plus a few example codings by "Sample coder", including overlapping and nested ones,
so the highlights, margins and excerpts are there to explore at once. The same
files always give the same documents, texts and codings.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from annotator.core import coders, coding
from annotator.core.codebook import find_code
from annotator.core.codebook_file import new_project
from annotator.core.documents import get_document
from annotator.core.errors import QuoteNotFound
from annotator.core.ids import CoderId
from annotator.core.importing import ImportOptions, import_items
from annotator.core.project import Project
from annotator.core.resources import resource_path

log = logging.getLogger(__name__)

PROJECT_NAME = "Sample project"
SAMPLE_CODER = "Sample coder"
SAMPLE_CODER_ID = CoderId("6d1f3c2e-5a4b-4e8f-9c7d-0a1b2c3d4e5f")  # the same in every sample


@dataclass(frozen=True)
class ExampleCoding:
    file: str  # the sample file's name
    code: str  # a code name of the default codebook
    quote: str  # occurs exactly once in the imported text
    memo: str = ""


EXAMPLE_CODINGS = (
    ExampleCoding(
        "01-lusaka-facial-recognition.txt",
        "Facial recognition",
        "Police in Lusaka have started running live facial recognition on footage from more "
        "than 300 cameras mounted at road junctions, bus termini and markets across the capital",
        memo="Scale: 300+ cameras; compare with the 312 in the project summary.",
    ),
    ExampleCoding(  # nested inside the coding above
        "01-lusaka-facial-recognition.txt",
        "CCTV",
        "more than 300 cameras mounted at road junctions",
    ),
    ExampleCoding(
        "01-lusaka-facial-recognition.txt",
        "Vendors and contractors",
        "The equipment was supplied by Tianyan Vision Technology, a Shenzhen company",
    ),
    ExampleCoding(
        "01-lusaka-facial-recognition.txt",
        "Technology imports",
        "The total cost of $61 million is financed by a loan repayable over 15 years.",
    ),
    ExampleCoding(
        "01-lusaka-facial-recognition.txt",
        "Absence of safeguards",
        "The data protection law passed this year has a national security exemption wide "
        "enough to drive a truck through.",
    ),
    ExampleCoding(  # overlaps the next one
        "01-lusaka-facial-recognition.txt",
        "Body-worn and hand-held cameras",
        "officers with hand-held cameras had photographed party supporters at rallies in "
        "Chawama and Kanyama",
    ),
    ExampleCoding(
        "01-lusaka-facial-recognition.txt",
        "Political opposition",
        "photographed party supporters at rallies in Chawama and Kanyama, and that some of "
        "those supporters were later questioned at home",
    ),
    ExampleCoding(  # overlaps the next one
        "03-amman-spyware-journalists.txt",
        "Journalists",
        "Five Jordanian journalists who reported on land deals, corruption allegations and "
        "labour protests had their phones infected",
    ),
    ExampleCoding(
        "03-amman-spyware-journalists.txt",
        "Spyware and device hacking",
        "had their phones infected with commercial spyware over almost two years",
    ),
    ExampleCoding(
        "02-lima-registro-biometrico.txt",
        "Fingerprints",
        "deberán entregar sus diez huellas dactilares",
    ),
    ExampleCoding("02-lima-registro-biometrico.txt", "Iris scans", "un escaneo de ambos iris"),
    ExampleCoding(
        "02-lima-registro-biometrico.txt",
        "Inter-agency data sharing",
        "se cruzarán con las bases de datos de la Policía Nacional y de Interpol",
    ),
    ExampleCoding(
        "10-nairobi-phone-location-protests.html",
        "Cell-site location data",
        "a list of every phone that connected to four base stations around Kamukunji grounds",
        memo="A tower dump: everyone near the protest, not only suspects.",
    ),
    ExampleCoding(
        "04-lithuania-border-sensors.txt",
        "Electronic border monitoring",
        "thermal cameras, buried vibration sensors and short-range radar",
    ),
    ExampleCoding(
        "06-minsk-informant-network.txt",
        "Informants",
        "a chatbot on a popular messaging app, promoted on state television in December as a "
        'way for "concerned citizens" to report "extremist activity"',
    ),
)


def build_sample_project(path: Path) -> Path:
    """Create the sample project at `path` (which must not exist) and close it.

    On any failure the half-built file is removed and the error raised.
    """
    project = new_project(path, name=PROJECT_NAME)
    try:
        _fill(project)
    except BaseException:
        project.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        raise
    project.close()
    log.info("built the sample project at %s", path)
    return path


def _fill(project: Project) -> None:
    coder = coders.add_coder(project, SAMPLE_CODER, SAMPLE_CODER_ID)
    report = import_items(
        project, [resource_path("samples")], coder_id=coder.id, options=ImportOptions(clean=True)
    )
    if not report.ok:
        raise report.failed[0].error  # a broken installation: say which file
    imported = {Path(item.source).name: item.document_id for item in report.imported}
    for example in EXAMPLE_CODINGS:
        document_id = imported[example.file]
        found = coding.find_quote(get_document(project, document_id).text, example.quote)
        if len(found) != 1:
            raise QuoteNotFound(example.quote, found)
        start = found[0]
        code = find_code(project, example.code)
        coding.add_coding(
            project,
            document_id,
            code.id,
            start,
            start + len(example.quote),
            coder.id,
            memo=example.memo,
        )
