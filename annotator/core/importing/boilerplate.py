"""The words of web-page furniture, in the languages our researchers scrape.

A line is boilerplate only when the whole (short) line is one of these phrases, so
an article that *mentions* advertising or sharing keeps its sentences.
"""

from __future__ import annotations

import re

MAX_BOILERPLATE_LINE = 120

_PHRASES = [
    # advertising
    r"advert(isement|isment)?|ads?|sponsored( content)?|paid (content|post)",
    r"publicidad|publicidade|anuncio|publicité|werbung|anzeige|pubblicità|реклама|إعلان|广告|廣告",
    r"(advertisement|story continues) ?[-–—]? ?(scroll to continue|below advertisement)",
    # sharing, saving, printing
    r"share( this( article| story| page)?)?|share on \w+|copy( the)? link|print|e-?mail|tweet",
    r"save( article| for later)?|bookmark|facebook|twitter|x|whatsapp|linkedin|telegram",
    r"compartir|compartilhar|partager|teilen|condividi|поделиться|مشاركة|分享",
    r"guardar|enregistrer|speichern|salva",
    # navigation and reading aids
    r"skip (to )?(main )?content|skip navigation|ir al contenido|aller au contenu",
    r"listen( to this (article|story))?|escuchar( este artículo| la noticia| noticia)?",
    r"écouter (cet|l') ?article|artikel anhören|ouvir (este )?artigo",
    r"\d+\s*(min|mins|minutes?)\s*read|\d+\s*min(utos)? de lectura|lectura de \d+\s*min(utos)?",
    r"tiempo de lectura:?\s*\d+\s*min(utos)?|\d+\s*min de lecture|lesezeit:?\s*\d+\s*min(uten)?",
    r"\d+\s*minuten lesezeit|leitura:? \d+ min(utos)?|чтение:? \d+ мин(ут[аы]?)?",
    r"list of \d+ items?|lista de \d+ elementos",
    r"(page|página|pagina|seite|страница) \d+(\s*(of|de|di|von|sur|из)\s*\d+)?",
    r"read more|continue reading|leer más|seguir leyendo|lire la suite|weiterlesen|leggi di più",
    r"(show |view )?\d* ?comments?|comentarios|commentaires|kommentare",
    # accounts and newsletters
    r"subscribe( now)?|sign (up|in)|log ?in|register|newsletter|follow us( on \w+)?",
    r"suscríbete|suscribirse|abonnez-vous|s'abonner|abonnieren|iscriviti",
    # cookie banners and legal footers
    r"accept( all)?( cookies)?|reject all|manage (settings|cookies|preferences)|cookie settings",
    r".{0,200}\b(we use cookies|uses cookies|cookie policy|utilizamos cookies)\b.{0,200}",
    r"(©|\(c\)|copyright)\s.{0,100}|all rights reserved\.?",
    # tags, categories and the way back (a label alone, or with its list after a colon)
    r"(tags?|topics?|categories|category|filed under|schlagw(ö|o)rter|schlagworte|themen|"
    r"kategorien?|étiquettes|catégories?|etiquetas|temas|categorías?|tagi|kategorie)"
    r"(\s*:.{0,200})?",
    r"(back to|zurück zu(r|m)?|retour (à|aux?)|volver a) .{1,40}|previous( post| article)?|"
    r"next( post| article)?|vorheriger beitrag|nächster beitrag|article précédent|"
    r"article suivant|artículo anterior|siguiente artículo",
    # comments and replies
    r"(leave a (reply|comment)|post a comment|write a comment|add a comment|reply|"
    r"\d+ (replies|responses|antworten|réponses|respuestas)|antworten|hinterlasse einen "
    r"kommentar|kommentar (schreiben|verfassen)|laisser un commentaire|deja un comentario|"
    r"dejar un comentario|responder|répondre|odpowiedz|skomentuj)[.!:]?( .{0,40})?",
    r"(your|deine|ihre|votre|tu) e-?mail(-adresse| address| adresse| ne sera pas publiée)?"
    r".{0,80}(published|veröffentlicht|publiée|publicado)[^\n]{0,60}",
    r"(required fields are marked|erforderliche felder sind mit|les champs obligatoires)"
    r".{0,40}",
    r"(like|gefällt mir|j'aime|me gusta)( loading\.*| wird geladen\.*| chargement\.*)?",
    r"loading\.*|wird geladen\.*|chargement( en cours)?\.*|cargando\.*",
]
_BOILERPLATE = re.compile(r"^(?:" + "|".join(_PHRASES) + r")[.!:]?$", re.IGNORECASE)

_UPDATED = re.compile(
    r"^(updated|last updated|actualizado|atualizado|mis à jour|aktualisiert|обновлено)\b.{0,40}$",
    re.IGNORECASE,
)
_PHOTO_CREDIT = re.compile(
    r"^(photo|photos|photograph|foto|fotos|image|picture|credit|crédito|crédit|bild|фото)"
    r"\s*(credit)?\s*:\s*\S.{0,100}$",
    re.IGNORECASE,
)

_TEASER_HEADINGS = [
    r"recommended( stories| for you| reading| articles)?",
    r"related( stories| articles| news| content)?",
    r"more (stories|news|on this story|from [^\n]{1,40})|read (more|also|next)|also read",
    r"you (may|might) (also )?(like|be interested in)|most (read|popular|viewed)|trending( now)?",
    r"(también )?te puede interesar|lee también|noticias relacionadas|más noticias|lo más leído",
    r"leia também|veja também|(à )?lire aussi|sur le même sujet|mehr zum thema",
    r"das könnte sie auch interessieren|auch interessant|leggi anche|читайте также",
    r"اقرأ أيضا|اقرأ أيضاً|مواضيع ذات صلة|相关新闻|相关阅读|推荐阅读|延伸阅读",
    r"(more|other|latest|top|popular|related) (articles|stories|posts|news|videos)"
    r"( from [^\n]{1,40}| on [^\n]{1,40})?|read further|see also|explore further",
    r"(ähnliche|verwandte|weitere|neueste|aktuelle|beliebte) (beiträge|artikel|themen|"
    r"nachrichten|meldungen|news)( [^\n]{1,40})?|meist(gelesen| gelesen|diskutiert)|"
    r"lesen sie (auch|mehr|hier)|lies auch|schon gelesen\??|das könnte (dich|sie) auch "
    r"interessieren|empfohlen für (dich|sie)|auch spannend|mehr (dazu|zum thema [^\n]{1,40})",
    r"(articles?|sujets?) (similaires|liés|connexes|recommandés)|les plus lus|à voir aussi",
    r"(artículos|notas|noticias) (relacionad[ao]s|recomendad[ao]s)|lea (más|también)|"
    r"vea también|le puede interesar|te recomendamos|puedes ver|relacionad[ao]s",
    r"(notícias|matérias|artigos) relacionad[ao]s|leia mais|mais lidas",
    r"zobacz (też|także|również)|czytaj (też|także|więcej)|polecamy|najczęściej czytane",
    r"articoli correlati|potrebbe interessarti|più lett[ie]",
]
_TEASER_HEADING = re.compile(r"^(?:" + "|".join(_TEASER_HEADINGS) + r")[.:!?]?$", re.IGNORECASE)
# "Read more: <another article's headline>", a link to a teaser inside the article.
_TEASER_LINK = re.compile(
    r"^(?:read (?:more|also)|see also|more|related|lesen sie (?:auch|mehr)|lies auch|mehr dazu|"
    r"auch interessant|lire aussi|à lire aussi|voir aussi|lea (?:más|también)|lee también|"
    r"vea también|mira|puedes ver|te puede interesar|leia (?:também|mais)|veja também|"
    r"zobacz (?:też|także)|czytaj (?:też|także|więcej)|leggi anche)\s*:\s*\S.{0,150}$",
    re.IGNORECASE,
)


_LIST_MARK = re.compile(r"^\s*(?:[*+•◦▪·‣-]|\d{1,3}[.)])\s+")


def bare(line: str) -> str:
    """The line without its spaces and list bullet: a share button in a list is one too."""
    return _LIST_MARK.sub("", line).strip()


def is_boilerplate(line: str) -> bool:
    line = bare(line)
    if not line or (len(line) > MAX_BOILERPLATE_LINE and not _is_cookie_banner(line)):
        return False
    return bool(
        _BOILERPLATE.match(line)
        or _PHOTO_CREDIT.match(line)
        or (_UPDATED.match(line) and any(c.isdigit() for c in line))
    )


def _is_cookie_banner(line: str) -> bool:
    return len(line) <= 400 and bool(_BOILERPLATE.match(line))


def is_teaser_heading(line: str) -> bool:
    return bool(_TEASER_HEADING.match(bare(line)))


def is_teaser_link(line: str) -> bool:
    """`Read more: <headline>`: a link to another article, set inside this one."""
    return bool(_TEASER_LINK.match(bare(line)))


# -- the shapes of pasted news pages ------------------------------------------------------

# News agencies, as datelines and photo credits name them, with the name a citation uses.
AGENCIES = {
    "ap": "Associated Press", "associated press": "Associated Press",
    "reuters": "Reuters", "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "dpa": "Deutsche Presse-Agentur", "epa": "European Pressphoto Agency", "efe": "EFE",
    "ansa": "ANSA", "apa": "Austria Presse Agentur", "kna": "KNA", "epd": "epd",
    "upi": "United Press International", "xinhua": "Xinhua", "kyodo": "Kyodo News",
    "yonhap": "Yonhap", "tass": "TASS", "pap": "Polska Agencja Prasowa",
    "anadolu": "Anadolu Agency", "bloomberg": "Bloomberg", "getty images": "Getty Images",
    "sda": "Schweizerische Depeschenagentur",
    "lusa": "Lusa", "europa press": "Europa Press", "télam": "Télam", "telam": "Télam",
}  # fmt: skip
_AGENCY = "|".join(sorted((re.escape(a) for a in AGENCIES), key=len, reverse=True))
_CREDIT_WORDS = r"photo|photos|foto|fotos|image|images|imagen|bild|picture|credit|crédito|crédit"
_CREDIT_LINES = [
    rf"\(?(?:{_CREDIT_WORDS})\s*(?:credit)?\s*:\s*[^\n]{{1,80}}",  # Photo: Name / (Foto: dpa)
    rf"(?:{_AGENCY})(?:\s+(?:photo|foto|images?))?(?:\s*/\s*[\w.'’ -]{{1,40}})?",  # AP Photo/Name
    rf"[\w.'’ -]{{1,40}}\s*/\s*(?:{_AGENCY})(?:\s+(?:photo|foto|images?))?",  # Name/AP
    r"(?:photo|foto|image|bild) (?:by|von|de|par|di) [^\n]{1,60}",  # Photo by Name on Site
]
_CREDIT = re.compile(r"^(?:" + "|".join(_CREDIT_LINES) + r")\)?\.?$", re.IGNORECASE)
_STANDALONE_COUNTER = re.compile(
    r"^(\d{1,3})\s*(?:/|of|de|von|sur|di|z|из)\s*(\d{1,3})$", re.IGNORECASE
)
_NUMBER = re.compile(r"^\d{1,6}$")
# A newsletter or cookie box: a short line that asks the reader to sign up or to accept.
_NOTICE = re.compile(
    r"\b(newsletter|sign(ing)? up|subscribe|unsubscribe|inbox|your e-?mail( address)?|"
    r"we use cookies|uses cookies|cookie (settings|policy|preferences)|accept (all )?cookies|"
    r"abonnieren|anmelden|e-mail-adresse|abonnez|inscrivez|suscríbete|suscribirse|"
    r"boletín|assine|iscriviti|zapisz się)\b",
    re.IGNORECASE,
)
_MAX_NOTICE_WORDS = 40


def is_photo_credit(line: str) -> bool:
    line = bare(line)
    return 0 < len(line) <= MAX_BOILERPLATE_LINE and bool(_CREDIT.match(line))


def is_gallery_counter(line: str) -> bool:
    """`3/5` or `3 of 5` alone on a line: a slideshow's position."""
    match = _STANDALONE_COUNTER.match(line.strip())
    return match is not None and 1 <= int(match.group(1)) <= int(match.group(2))


def is_bare_number(line: str) -> bool:
    """`0`, `14`: a comment or share count left by its icon."""
    return bool(_NUMBER.match(line.strip()))


def is_notice(line: str) -> bool:
    """A line of a newsletter or cookie box (short, and asking the reader to act)."""
    line = bare(line)
    return len(line.split()) <= _MAX_NOTICE_WORDS and bool(_NOTICE.search(line))


def agency(name: str) -> str:
    """The agency's full name for `AP`, `Reuters`, ...; "" for other names."""
    return AGENCIES.get(" ".join(name.split()).casefold(), "")
