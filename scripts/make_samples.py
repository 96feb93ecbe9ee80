"""Write the HTML, DOCX and PDF sample articles into resources/samples/.

The articles are invented. Run from anywhere with the project's venv:

    .venv/bin/python scripts/make_samples.py

Output is deterministic: fixed dates in the document metadata and fixed
timestamps inside the DOCX zip, so re-running it gives byte-identical files
(for the same versions of python-docx and fpdf2).
"""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

from docx import Document
from docx.shared import Pt
from fpdf import FPDF

SAMPLES = Path(__file__).resolve().parent.parent / "resources" / "samples"

HTML_NAME = "10-nairobi-phone-location-protests.html"
DOCX_NAME = "11-uzbekistan-vendor-map.docx"
PDF_NAME = "12-zimbabwe-interception-oversight.pdf"


# --------------------------------------------------------------------------
# 10: a saved web page, with site chrome around the article
# --------------------------------------------------------------------------

HTML_PARAGRAPHS = [
    "Kenyan police obtained the real-time location of at least 43 mobile phone numbers "
    "belonging to protest organisers, two journalists and a human rights lawyer in the days "
    "before this month&rsquo;s demonstrations against the rising cost of living, according to "
    "documents filed in the High Court in Nairobi.",
    "The documents, attached to a petition by the Haki Data Initiative, a digital rights "
    "organisation, include copies of requests sent by a police intelligence unit to Kilima "
    "Networks &amp; Data, one of the country&rsquo;s mobile operators. The requests ask for "
    "&ldquo;live cell location, call detail records and associated device identifiers&rdquo; "
    "for the listed numbers over a 14-day period, citing &ldquo;intelligence on planned "
    "unlawful assemblies&rdquo;.",
    "They also include a request for a so-called tower dump: a list of every phone that "
    "connected to four base stations around Kamukunji grounds on the afternoon of 7 July, when "
    "several thousand people gathered there. According to the petition, the operator handed "
    "over records for more than 61,000 devices, including their numbers, handset identifiers "
    "and the times at which they connected.",
    "&ldquo;These people were not suspects in any crime. They were organising a protest, "
    "which the constitution protects,&rdquo; said Brian Mutua, a lawyer for the petitioners. "
    "&ldquo;The police used the phone network as a tracking device and did not ask a single "
    "judge for permission.&rdquo;",
    "Grace Wambui, a 29-year-old youth organiser from Mathare, said officers knocked on the "
    "door of a relative&rsquo;s house in Kayole at five in the morning on 6 July. She had "
    "spent only one night there and had told nobody where she was staying. &ldquo;My phone "
    "was the only one who knew,&rdquo; she said. She was questioned for six hours about who "
    "was paying for the protests and released without charge.",
    "Kilima Networks &amp; Data said in a statement that it &ldquo;complies with lawful "
    "requests from authorised agencies&rdquo; and reviews each request &ldquo;against the "
    "applicable legal framework&rdquo;. It did not say whether it had ever refused a request, "
    "or whether it informs customers whose data has been handed over.",
    "Kenya&rsquo;s data protection law requires personal data to be processed lawfully and "
    "for explicit purposes, and allows exemptions for national security only where they are "
    "necessary and proportionate. The petitioners argue that the police should have obtained "
    "a court warrant for each number, as they must to search a house. The data protection "
    "regulator confirmed it had received a complaint but declined to comment further.",
    "A police spokesperson, Superintendent Joseph Kiprono, said officers &ldquo;act within the "
    "law at all times&rdquo; and that intelligence-led policing had prevented violence during "
    "the protests. He declined to discuss specific requests, citing the court case.",
    "Mercy Njeri, who coordinates the Haki Data Initiative, said the tower dump was the part "
    "that should worry everyone. &ldquo;If you were at Kamukunji to sell water, or you were "
    "just passing through on a matatu, your phone is now in a police file,&rdquo; she said. "
    "&ldquo;Nobody has told us how long those records will be kept or who else can see "
    "them.&rdquo;",
    "The court has ordered the operator to preserve all records related to the requests and "
    "will hear the petition on 14 August. The petitioners are asking for the tower-dump data "
    "to be deleted and for a ruling that location tracking of this kind always requires a "
    "judge&rsquo;s approval.",
]

HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Police tracked protest organisers through phone location data, court papers show | The Meridian Post</title>
<meta name="author" content="Achieng Otieno">
<meta name="description" content="Documents filed in the High Court show police requested live location data and a tower dump from a mobile operator before the July protests.">
<meta property="og:type" content="article">
<meta property="og:title" content="Police tracked protest organisers through phone location data, court papers show">
<meta property="article:published_time" content="2023-07-28T09:15:00+03:00">
<meta property="article:section" content="Africa">
<link rel="canonical" href="https://news.example.org/africa/2023/07/28/police-tracked-protest-organisers-phone-location">
<link rel="stylesheet" href="/static/css/site.min.css">
<style>
  .cookie-banner {{ position: fixed; bottom: 0; width: 100%; background: #222; color: #fff; }}
  .ad-slot {{ min-height: 250px; text-align: center; color: #888; }}
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag() {{ dataLayer.push(arguments); }}
  gtag("js", new Date());
</script>
</head>
<body class="article-page">
<a class="skip-link" href="#main">Skip to content</a>
<header class="site-header">
  <a class="logo" href="/">The Meridian Post</a>
  <nav class="main-nav" aria-label="Main">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/africa/">Africa</a></li>
      <li><a href="/world/">World</a></li>
      <li><a href="/business/">Business</a></li>
      <li><a href="/science-tech/">Science &amp; Tech</a></li>
      <li><a href="/opinion/">Opinion</a></li>
      <li><a href="/podcasts/">Podcasts</a></li>
    </ul>
  </nav>
  <a class="subscribe" href="/subscribe/">Subscribe</a>
</header>
<div class="cookie-banner" id="cookie-banner" role="dialog">
  <p>We use cookies to improve your experience and to show you personalised advertising. By continuing to browse, you agree to our <a href="/cookies/">Cookie Policy</a>.</p>
  <button type="button" class="accept">Accept all</button>
  <button type="button" class="settings">Manage settings</button>
</div>
<main id="main">
<article class="story">
  <p class="kicker"><a href="/africa/">Africa</a></p>
  <h1>Police tracked protest organisers through phone location data, court papers show</h1>
  <p class="standfirst">Requests to a mobile operator covered activists, journalists and a lawyer, and a tower dump swept up more than 61,000 phones.</p>
  <div class="meta">
    <p class="byline">By <a rel="author" href="/authors/achieng-otieno/">Achieng Otieno</a></p>
    <time datetime="2023-07-28T09:15:00+03:00">28 Jul 2023</time>
    <span class="read-time">5 min read</span>
  </div>
  <ul class="share">
    <li><a href="#">Share</a></li>
    <li><a href="#">Copy link</a></li>
    <li><a href="#">Save</a></li>
  </ul>
  <figure>
    <img src="/media/2023/07/kamukunji-protest.jpg" alt="Protesters at Kamukunji grounds">
    <figcaption>Protesters gather at Kamukunji grounds in Nairobi on 7 July. Photo: Meridian Post</figcaption>
  </figure>
{first_half}
  <div class="ad-slot" aria-hidden="true">Advertisement</div>
{second_half}
  <p class="tags">Topics: <a href="/tag/privacy/">Privacy</a>, <a href="/tag/protests/">Protests</a>, <a href="/tag/kenya/">Kenya</a></p>
</article>
<aside class="recommended">
  <h2>Recommended Stories</h2>
  <ul>
    <li><a href="/africa/2023/07/27/maize-flour-prices/">Maize flour prices ease as imports arrive</a> <span>2 min read</span></li>
    <li><a href="/business/2023/07/26/shilling-record-low/">Shilling slides to new low against the dollar</a></li>
    <li><a href="/africa/2023/07/25/lake-turkana-fishers/">Lake Turkana fishers struggle as waters rise</a></li>
    <li><a href="/sport/2023/07/24/safari-rally-dates/">Safari Rally organisers confirm next year&rsquo;s dates</a></li>
  </ul>
</aside>
</main>
<footer class="site-footer">
  <ul>
    <li><a href="/about/">About us</a></li>
    <li><a href="/contact/">Contact</a></li>
    <li><a href="/privacy/">Privacy policy</a></li>
    <li><a href="/terms/">Terms of use</a></li>
  </ul>
  <p>&copy; 2023 The Meridian Post. All rights reserved.</p>
</footer>
<script src="/static/js/site.min.js" defer></script>
</body>
</html>
"""


def write_html(path: Path) -> None:
    paragraphs = [f"  <p>{p}</p>" for p in HTML_PARAGRAPHS]
    middle = 5
    html = HTML_TEMPLATE.format(
        first_half="\n".join(paragraphs[:middle]),
        second_half="\n".join(paragraphs[middle:]),
    )
    path.write_text(html, encoding="utf-8", newline="\n")


# --------------------------------------------------------------------------
# 11: a report-style Word document with a table
# --------------------------------------------------------------------------

DOCX_CREATED = datetime(2023, 11, 6, 9, 30, tzinfo=UTC)
ZIP_TIMESTAMP = (2023, 11, 6, 9, 30, 0)

VENDOR_TABLE = [
    ("Vendor", "Based in", "System supplied", "Buyer", "Years"),
    (
        "Horizon Safe City Co.",
        "China",
        "1,240 street cameras and a command centre for Tashkent",
        "Tashkent city administration",
        "2019–2021",
    ),
    (
        "Tianyan Vision Technology",
        "China",
        "Facial recognition servers and software for 29 metro stations",
        "Metro operator",
        "2020–2022",
    ),
    (
        "Aralsk Integration LLC",
        "Uzbekistan",
        "Installation, fibre network and maintenance of city cameras",
        "Ministry of Internal Affairs",
        "2019–2023",
    ),
    (
        "Kestrel Analytics Ltd",
        "United Kingdom (via a reseller in Dubai)",
        "Number-plate recognition software for 310 traffic cameras",
        "Road safety department",
        "2021",
    ),
    (
        "Meridian Biometrics GmbH",
        "Germany",
        "Fingerprint and face enrolment kits for biometric passports",
        "Migration and citizenship agency",
        "2020–2022",
    ),
    (
        "Orbita Telecom Solutions",
        "Russia",
        "Lawful-intercept equipment installed at mobile operators",
        "State security service",
        "2018–2020",
    ),
    (
        "Samarqand Data Systems",
        "Uzbekistan",
        "Data platform linking camera alerts with the residents' register",
        "Samarkand regional administration",
        "2022–2023",
    ),
]

DOCX_SECTIONS: list[tuple[str, object]] = [
    ("h1", "Summary"),
    (
        "p",
        "Between 2018 and 2023, authorities in Uzbekistan spent at least 410 million dollars on "
        "city video surveillance, biometric documents and communications monitoring. Most of the "
        "money went to foreign vendors and their local partners. This paper maps the companies "
        "involved and the systems they supplied, so that researchers, journalists and "
        "procurement watchdogs can follow who is responsible for which part of the network.",
    ),
    (
        "bullets",
        [
            "Chinese vendors supplied most street cameras and command centres, usually financed "
            "by loans tied to the purchase.",
            "European companies supplied biometric enrolment equipment and analytics software, in "
            "at least one case through a reseller in the Gulf rather than directly.",
            "Two local integrators won almost all installation and maintenance contracts, which "
            "gives them long-term access to the systems and the data.",
            "None of the 212 procurement notices we reviewed mentions data protection, retention "
            "periods or independent audits.",
        ],
    ),
    ("h1", "Method"),
    (
        "p",
        "We collected procurement notices from the national tender portal and regional "
        "administration websites, company registration records in four countries, and trade "
        "data on imports of cameras and servers. We interviewed 14 people who worked on the "
        "projects as engineers, translators or civil servants. All of them asked not to be "
        "named. Where a vendor is named in the table, we contacted it before publication; "
        "three replied.",
    ),
    ("h1", "Findings"),
    ("h2", "City camera networks"),
    (
        "p",
        "The first large contract, signed in 2019, covered 1,240 cameras at intersections, "
        "markets and metro entrances in Tashkent and a command centre at the city police "
        "headquarters. The contract was extended twice. An engineer who worked on the project "
        "told us that the vendor's staff kept administrator accounts on the servers until at "
        "least 2022, and that nobody on the Uzbek side had asked for them to be removed.",
    ),
    ("h2", "Facial recognition in the metro"),
    (
        "p",
        "Facial recognition was introduced in 29 metro stations in 2020, officially to find "
        "missing persons and people wanted on warrants. Internal presentations describe a "
        "watchlist that also includes people placed under 'preventive registration', a "
        "category that has been used for religious believers and people who have criticised "
        "officials online.",
    ),
    ("h2", "Biometric documents and borders"),
    (
        "p",
        "The shift to biometric passports and identity cards required fingerprint and face "
        "enrolment at every migration office. The same enrolment records are now searched by "
        "the police and, according to two interviewees, were used to check photographs of "
        "participants in a 2022 protest in the north-west of the country.",
    ),
    ("h2", "Communications interception"),
    (
        "p",
        "Mobile operators are required to install equipment that gives the security service "
        "direct access to their networks. The supplier of this equipment is rarely named in "
        "public documents; we identified it through customs records and a former employee of "
        "one operator.",
    ),
    ("h1", "Table 1. Vendors and the systems they supplied"),
    ("table", VENDOR_TABLE),
    (
        "p",
        "Sources: procurement notices, company records, trade data and interviews. Years are "
        "contract periods. Vendor names are as written in the contracts.",
    ),
    ("h1", "Recommendations"),
    (
        "bullets",
        [
            "Publish all surveillance-related contracts in full, including maintenance and data "
            "access clauses.",
            "Require vendors to disclose remote access to systems and to end it when a contract "
            "ends.",
            "Adopt retention limits and independent audits for camera, biometric and "
            "interception data.",
            "Exporting governments should treat facial recognition and interception equipment "
            "as dual-use items requiring a licence.",
        ],
    ),
]


def write_docx(path: Path) -> None:
    doc = Document()
    doc.styles["Normal"].font.name = "Calibri"
    doc.styles["Normal"].font.size = Pt(11)

    props = doc.core_properties
    props.title = "Cameras, servers and contracts: who supplied urban surveillance in Uzbekistan"
    props.author = "Open Ledger Research"
    props.subject = "Vendor mapping, 2018–2023"
    props.keywords = "surveillance; procurement; vendors; Uzbekistan"
    props.last_modified_by = "Open Ledger Research"
    props.created = DOCX_CREATED
    props.modified = DOCX_CREATED
    props.revision = 1

    doc.add_heading(
        "Cameras, servers and contracts: who supplied urban surveillance in Uzbekistan, 2018–2023",
        level=0,
    )
    doc.add_paragraph("Open Ledger Research · Working paper 2023/4 · November 2023")

    for kind, content in DOCX_SECTIONS:
        if kind == "h1":
            doc.add_heading(content, level=1)
        elif kind == "h2":
            doc.add_heading(content, level=2)
        elif kind == "p":
            doc.add_paragraph(content)
        elif kind == "bullets":
            for item in content:
                doc.add_paragraph(item, style="List Bullet")
        elif kind == "table":
            rows = content
            table = doc.add_table(rows=len(rows), cols=len(rows[0]))
            table.style = "Table Grid"
            for r, row in enumerate(rows):
                for c, text in enumerate(row):
                    cell = table.cell(r, c)
                    cell.text = text
                    if r == 0:
                        for run in cell.paragraphs[0].runs:
                            run.bold = True

    buffer = io.BytesIO()
    doc.save(buffer)
    _write_zip_with_fixed_timestamps(buffer.getvalue(), path)


def _write_zip_with_fixed_timestamps(data: bytes, path: Path) -> None:
    """python-docx stamps zip members with the current time; pin them for reproducibility."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIMESTAMP)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------
# 12: a two-page policy brief as a text-layer PDF (Latin-1, core fonts)
# --------------------------------------------------------------------------

PDF_CREATED = datetime(2022, 11, 21, 8, 0, tzinfo=UTC)
PDF_TITLE = "Interception without a judge: Zimbabwe's new interception regulations"
PDF_AUTHOR = "Rutendo Chikwanha, Centre for Constitutional Accountability"

PDF_BLOCKS: list[tuple[str, str]] = [
    ("h", "Summary"),
    (
        "p",
        "Regulations issued in August 2022 oblige every telecommunications provider in Zimbabwe "
        "to give a state monitoring centre direct, permanent access to its network, and to keep "
        "records of every call, message and internet session for five years. Interception is "
        "authorised by a government minister rather than a judge, no report on its use is ever "
        "published, and people whose communications are intercepted are never told. This brief "
        "explains what has changed, who is affected, and what Parliament and the courts should do.",
    ),
    ("h", "What the regulations change"),
    (
        "p",
        "Until this year, providers received interception warrants one at a time and carried them "
        "out with their own staff. The new regulations replace this with a model in which the "
        "monitoring centre, run by the security services, connects directly to each network "
        "through equipment that providers must buy and install at their own cost. Once the "
        "connection exists, the provider no longer sees which numbers are being monitored. "
        "Engineers at two providers told us that the first connections were tested in October.",
    ),
    (
        "p",
        "The regulations also introduce a general duty to retain metadata: who contacted whom, "
        "when, for how long and from which location, together with the subscriber's registered "
        "identity. Because SIM cards must be registered against the national identity database, "
        "which now includes fingerprints and a photograph, every record can be linked to a named "
        "person. Retention applies to all subscribers, not only to people suspected of a crime.",
    ),
    ("h", "Who decides, and who checks"),
    (
        "p",
        "Warrants are issued by the minister responsible for communications on the application "
        "of the security services or the police. There is no requirement to show that other, "
        "less intrusive means have failed, and a warrant may be renewed without limit. Access to "
        "retained metadata does not require a warrant at all; a written request from an officer "
        "of the rank of superintendent or above is enough.",
    ),
    (
        "p",
        "No independent body reviews these decisions. The regulations mention an internal "
        "compliance officer within the monitoring centre, but that officer reports to the same "
        "minister who signs the warrants. Parliament receives no statistics, and the "
        "telecommunications regulator has no power to inspect the monitoring centre. In our "
        "view this falls short of section 57 of the Constitution, which protects the privacy of "
        "communications, and of the standards set by African and United Nations human rights "
        "bodies, which require prior authorisation by an independent authority, usually a judge.",
    ),
    ("h", "Who is affected"),
    (
        "p",
        "The powers apply to everyone with a phone, but the people who have reported their "
        "effects to us are mostly journalists, opposition activists and lawyers. In March 2022 a "
        "reporter in Bulawayo was shown printed copies of her text messages during an interview "
        "with police about a story on a mining concession. Two defence lawyers told us they no "
        "longer discuss cases with clients by phone, because they believe calls from a remand "
        "prison are recorded. An opposition organiser in Masvingo was arrested at a roadblock "
        "hours after arranging a meeting by phone with three colleagues, all of whom were also "
        "questioned.",
    ),
    (
        "p",
        "Each of these cases has other possible explanations, and we cannot prove that the new "
        "system was used. That is precisely the problem: without notification, statistics or "
        "independent review, nobody outside the security services can know how the powers are "
        "used, and people who believe they have been targeted have no way to challenge it.",
    ),
    ("h", "Pending legal challenge"),
    (
        "p",
        "A journalists' union and a legal aid organisation filed a constitutional application in "
        "September 2022 asking the Constitutional Court to declare the regulations invalid. They "
        "argue that a measure of this scope must be set out in an Act of Parliament, not in "
        "regulations made by a minister, and that the absence of judicial authorisation makes "
        "the scheme unconstitutional. The government has filed its opposing papers, and a "
        "hearing date is expected early next year.",
    ),
    ("h", "Recommendations"),
    (
        "p",
        "1. Parliament should suspend the data retention duty until an Act sets out strict "
        "limits on what is kept, for how long, and who can access it.",
    ),
    (
        "p",
        "2. Every interception warrant and every request for retained data should require prior "
        "approval by a judge, with a time limit and a clear statement of the suspected offence.",
    ),
    (
        "p",
        "3. An independent commissioner should be able to inspect the monitoring centre, and "
        "should publish annual statistics on warrants, requests and refusals.",
    ),
    (
        "p",
        "4. People whose communications have been intercepted should be notified once this no "
        "longer endangers an investigation, and should have access to an effective remedy.",
    ),
    (
        "p",
        "5. Providers should publish transparency reports stating how many requests they "
        "receive and how many they refuse.",
    ),
]


class _Brief(FPDF):
    def header(self) -> None:
        self.set_font("Helvetica", "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 5, "CCA Policy Brief No. 7/2022", align="R")
        self.ln(10)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", "", 8)
        self.set_text_color(110, 110, 110)
        self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")
        self.set_text_color(0, 0, 0)


def write_pdf(path: Path) -> None:
    pdf = _Brief(format="A4")
    pdf.set_title(PDF_TITLE)
    pdf.set_author(PDF_AUTHOR)
    pdf.set_subject("Policy brief on interception of communications and oversight")
    pdf.set_keywords("interception, data retention, oversight, Zimbabwe")
    pdf.set_creator("scripts/make_samples.py")
    pdf.set_creation_date(PDF_CREATED)
    pdf.set_margins(22, 18, 22)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()

    pdf.set_font("Helvetica", "B", 16)
    pdf.multi_cell(0, 7.5, PDF_TITLE)
    pdf.ln(2)
    pdf.set_font("Helvetica", "I", 10)
    pdf.multi_cell(0, 5, f"{PDF_AUTHOR}. Harare, 21 November 2022.")
    pdf.ln(4)

    for kind, text in PDF_BLOCKS:
        if kind == "h":
            pdf.ln(1)
            pdf.set_font("Helvetica", "B", 11.5)
            pdf.multi_cell(0, 6, text)
            pdf.ln(1)
        else:
            pdf.set_font("Helvetica", "", 10.5)
            pdf.multi_cell(0, 5, text)
            pdf.ln(3)

    if pdf.page_no() != 2:
        raise SystemExit(f"expected a 2-page PDF, got {pdf.page_no()} pages; adjust the text")
    pdf.output(str(path))


def main() -> None:
    SAMPLES.mkdir(parents=True, exist_ok=True)
    write_html(SAMPLES / HTML_NAME)
    write_docx(SAMPLES / DOCX_NAME)
    write_pdf(SAMPLES / PDF_NAME)
    for name in (HTML_NAME, DOCX_NAME, PDF_NAME):
        print(f"wrote {SAMPLES / name}")


if __name__ == "__main__":
    main()
