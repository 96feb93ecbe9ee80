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
]
_TEASER_HEADING = re.compile(r"^(?:" + "|".join(_TEASER_HEADINGS) + r")[.:]?$", re.IGNORECASE)


def is_boilerplate(line: str) -> bool:
    line = line.strip()
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
    return bool(_TEASER_HEADING.match(line.strip()))
