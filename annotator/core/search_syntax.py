"""What a researcher types in the search box, parsed once and translated safely.

The syntax is the one people expect: words, "quoted phrases", `prefix*`, `AND`, `OR`,
`NOT` (upper case; lower-case `and` is a word) and parentheses. Adjacent terms must
all occur. Every term reaches SQLite as a quoted FTS5 string, so a hyphen
(`licence-plate`), a colon or a caret is text, never a column filter or an operator.
Mistakes (an unclosed quote, `NOT` with nothing before it) raise `SearchSyntaxError`
with the position, so the search box can say what to fix.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from annotator.core import patterns
from annotator.core.errors import AnnotatorError

OPERATORS = ("AND", "OR", "NOT")

# Scripts written without spaces between words: the word index cannot split them, so
# they are found as substrings (trigrams). Han, kana, Thai, Lao, Myanmar, Khmer.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
)
TRIGRAM_MIN = 3  # the trigram index finds nothing shorter than three characters


class SearchProblem(enum.Enum):
    """What to fix in a query; the CLI and the UI word each."""

    NOTHING = "nothing_to_search_for"
    UNCLOSED_QUOTE = "unclosed_quote"
    UNCLOSED_BRACKET = "unclosed_bracket"
    UNOPENED_BRACKET = "unopened_bracket"  # a ')' with no '(' before it
    EMPTY_BRACKETS = "empty_brackets"
    EMPTY_QUOTES = "empty_quotes"
    LONE_STAR = "lone_star"  # a '*' with no letters before it
    ENDS_EARLY = "ends_early"  # the query ends where a word was expected
    NOT_ALONE = "not_alone"  # NOT with no word or phrase before it
    OPERATOR_ALONE = "operator_alone"  # `operator` (AND, OR) lacks a word on one side
    INVALID_PATTERN = "invalid_pattern"  # a regular expression: regex's own `detail`
    REFUSED_BY_INDEX = "refused_by_index"  # SQLite's full-text index: its own `detail`


class SearchSyntaxError(AnnotatorError):
    """A query that cannot be run as typed; `position` is a code-point offset in it."""

    kinds = (SearchProblem,)

    def __init__(
        self,
        query: str,
        position: int,
        problem: SearchProblem,
        *,
        operator: str = "",
        detail: str = "",
    ) -> None:
        self.query = query
        self.position = position
        self.kind = self.problem = problem
        self.operator = operator
        self.detail = detail
        super().__init__()

    @property
    def at_end(self) -> bool:
        """True when the mistake is at the end of the query (nothing typed after it)."""
        return self.position >= len(self.query.rstrip())


@dataclass(frozen=True)
class Term:
    """A word or phrase; `prefix` for `recogn*` (word index only)."""

    text: str
    prefix: bool = False


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Node, ...]


@dataclass(frozen=True)
class Without:
    """`keep NOT drop`: documents with `keep` and without `drop`."""

    keep: Node
    drop: Node


Node = Term | AllOf | AnyOf | Without


@dataclass(frozen=True)
class _Token:
    kind: str  # "term", "op", "(" or ")"
    value: str
    position: int
    prefix: bool = False


_WORD = re.compile(r'[^\s"()]+')


def _tokens(query: str) -> list[_Token]:
    found: list[_Token] = []
    at = 0
    while at < len(query):
        char = query[at]
        if char.isspace():
            at += 1
        elif char in "()":
            found.append(_Token(char, char, at))
            at += 1
        elif char == '"':
            close = query.find('"', at + 1)
            if close == -1:
                raise SearchSyntaxError(query, at, SearchProblem.UNCLOSED_QUOTE)
            prefix = query.startswith("*", close + 1)
            found.append(_Token("term", query[at + 1 : close], at, prefix))
            at = close + 1 + prefix
        else:
            word = _WORD.match(query, at)
            assert word is not None  # any other character starts a word
            text = word.group()
            if text in OPERATORS:
                found.append(_Token("op", text, at))
            else:
                prefix = text.endswith("*")
                found.append(_Token("term", text.rstrip("*"), at, prefix))
            at = word.end()
    return found


class _Parser:
    """Recursive descent; precedence NOT over AND (explicit or implied) over OR."""

    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.at = 0

    def parse(self) -> Node:
        if not self.tokens:
            raise SearchSyntaxError(self.query, 0, SearchProblem.NOTHING)
        node = self._any_of()
        if self.at < len(self.tokens):
            token = self.tokens[self.at]
            raise SearchSyntaxError(self.query, token.position, SearchProblem.UNOPENED_BRACKET)
        return node

    def _peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _is_op(self, value: str) -> bool:
        token = self._peek()
        return token is not None and token.kind == "op" and token.value == value

    def _any_of(self) -> Node:
        parts = [self._all_of()]
        while self._is_op("OR"):
            self.at += 1
            parts.append(self._all_of())
        return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))

    def _all_of(self) -> Node:
        parts = [self._without()]
        while True:
            token = self._peek()
            if token is None or token.kind == ")" or (token.kind == "op" and token.value == "OR"):
                break
            if token.kind == "op" and token.value == "AND":
                self.at += 1
                if self._is_op("NOT"):  # `a AND NOT b` reads as `a NOT b`
                    self.at += 1
                    keep = parts[0] if len(parts) == 1 else AllOf(tuple(parts))
                    parts = [Without(keep, self._primary())]
                    continue
            parts.append(self._without())
        return parts[0] if len(parts) == 1 else AllOf(tuple(parts))

    def _without(self) -> Node:
        node = self._primary()
        while self._is_op("NOT"):
            self.at += 1
            node = Without(node, self._primary())
        return node

    def _primary(self) -> Node:
        token = self._peek()
        if token is None:
            end = len(self.query.rstrip())
            raise SearchSyntaxError(self.query, end, SearchProblem.ENDS_EARLY)
        self.at += 1
        if token.kind == "term":
            if not token.value.strip():
                problem = SearchProblem.LONE_STAR if token.prefix else SearchProblem.EMPTY_QUOTES
                raise SearchSyntaxError(self.query, token.position, problem)
            return Term(token.value, token.prefix)
        if token.kind == "(":
            node = self._any_of()
            if not self._is_op_close():
                raise SearchSyntaxError(self.query, token.position, SearchProblem.UNCLOSED_BRACKET)
            self.at += 1
            return node
        if token.kind == ")":
            raise SearchSyntaxError(self.query, token.position, SearchProblem.EMPTY_BRACKETS)
        if token.value == "NOT":
            raise SearchSyntaxError(self.query, token.position, SearchProblem.NOT_ALONE)
        raise SearchSyntaxError(
            self.query, token.position, SearchProblem.OPERATOR_ALONE, operator=token.value
        )

    def _is_op_close(self) -> bool:
        token = self._peek()
        return token is not None and token.kind == ")"


def parse(query: str) -> Node:
    """The query as a tree of terms and operators, or a SearchSyntaxError."""
    return _Parser(query).parse()


def terms(node: Node, *, positive_only: bool = False) -> list[Term]:
    """Every term in the tree; with `positive_only`, not those after NOT."""
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Without):
        kept = terms(node.keep, positive_only=positive_only)
        return kept if positive_only else kept + terms(node.drop)
    return [t for part in node.parts for t in terms(part, positive_only=positive_only)]


_WORD_CHAR = re.compile(r"\w")


def needs_substrings(node: Node) -> bool:
    """True when the word index cannot find a term: a script without spaces, or a
    term with no letters or digits at all (`&`, `§`), which it does not index."""
    return any(_UNSPACED.search(t.text) or not _WORD_CHAR.search(t.text) for t in terms(node))


def trigram_ready(node: Node) -> bool:
    """True when every term is long enough for the trigram index."""
    return all(len(t.text.strip()) >= TRIGRAM_MIN for t in terms(node))


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def to_fts(node: Node, *, prefixes: bool = True) -> str:
    """The tree as an FTS5 expression; every term is a quoted string.

    `prefixes=False` for the trigram index, where every term already matches inside
    words, so `recogn*` is just `recogn`.
    """
    if isinstance(node, Term):
        return _quoted(node.text) + ("*" if node.prefix and prefixes else "")
    if isinstance(node, Without):
        return (
            f"({to_fts(node.keep, prefixes=prefixes)} NOT {to_fts(node.drop, prefixes=prefixes)})"
        )
    joiner = " AND " if isinstance(node, AllOf) else " OR "
    return "(" + joiner.join(to_fts(p, prefixes=prefixes) for p in node.parts) + ")"


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def to_sql(node: Node, column: str, params: list[object]) -> str:
    """The tree as a SQL condition of substring tests (for terms too short for trigrams)."""
    if isinstance(node, Term):
        params.append(_like_pattern(node.text))
        return f"{column} LIKE ? ESCAPE '\\'"
    if isinstance(node, Without):
        return f"({to_sql(node.keep, column, params)} AND NOT {to_sql(node.drop, column, params)})"
    joiner = " AND " if isinstance(node, AllOf) else " OR "
    return "(" + joiner.join(to_sql(p, column, params) for p in node.parts) + ")"


def substring_pattern(node: Node) -> patterns.Pattern:
    """A case-insensitive pattern finding every positive term as a substring."""
    return patterns.any_of([t.text for t in terms(node, positive_only=True)])
