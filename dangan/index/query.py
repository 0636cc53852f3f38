"""The query language shared by the CLI, the web desk and every index backend.

    创建办会                      bare words: all must occur; as a phrase ranks first
    "算力等方面与经"              a quoted span: found exactly, wherever it was cut;
    "5.3万亿元" "2.3%" "PM2.5"   numbers, Latin words and marks . % 、 ( ) - included
    -草稿                         must not occur
    垃圾分类 OR 厨余垃圾          either (OR binds closer than the implicit AND)
    type:通报 issuer:区文明办 number:"〔2022〕12" item:A01
    date:2022-03  from:2022-01-01 to:2022-06-30  year:2022

Bare words and quoted spans are looked for in the body, the title, the file name, the 发文机关 and
the 文号 (the organ a seal names, or a clerk entered, is found by its words like the title is);
`issuer:` and `number:` keep to those fields.

A bare term is also looked for in its other spellings (query_forms.py: 1982 ↔ 一九八二年, 14届 ↔ 十四届,
余府发2012 → 余府发〔2012〕, 76号文 → 76号, 市政府办 → 市人民政府办公室), each an alternative in the term's OR
group (`Term.variant`); the years and 文种 bare terms name are soft ranking hints (`Query.years`,
`Query.types`), never filters.

A field name in Latin letters that is not a field (foo:文明) is an error, as is
a query with nothing to search for ("*", an emoji) or an impossible date.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from dangan.errors import BadQuery, InvalidDate
from dangan.fields import canonical_doc_type
from dangan.index.analyzer import compact, is_word_unit, units
from dangan.index.query_forms import SHORT_YEAR
from dangan.text.dates import date_bounds
from dangan.text.normalize import search_text

FIELDS = {
    "type": "doc_type", "文种": "doc_type",
    "issuer": "issuer", "发文机关": "issuer",
    "number": "doc_number", "文号": "doc_number",
    "item": "items", "测评项目": "items",
    "date": "date", "日期": "date",
    "from": "from", "to": "to", "year": "year", "年份": "year",
    "title": "title", "标题": "title",
}
_TOKEN = re.compile(r'(-?)(?:([A-Za-z\u4e00-\u9fff]+)[:：])?(?:"([^"]*)"|“([^”]*)”|(\S+))')
_OR = frozenset({"OR", "|", "或"})
FIELD_HINT = "可用字段：type: issuer: number: item: date: from: to: year: title:（或 文种: 发文机关: 文号: 测评项目: 日期: 年份: 标题:）"


@dataclass(frozen=True, slots=True)
class Term:
    text: str            # normalised search text
    quoted: bool = False
    negated: bool = False
    group: int = -1      # terms of one group ≥ 0 are alternatives (OR); -1: a group of its own
    variant: bool = False   # another spelling of the typed term before it (query_forms.py), not typed

    @property
    def compact(self) -> str:
        return compact(self.text)

    @property
    def units(self) -> list[str]:
        return units(self.text)


@dataclass(frozen=True, slots=True)
class Query:
    terms: tuple[Term, ...] = ()
    doc_type: str | None = None
    issuer: str | None = None
    doc_number: str | None = None
    items: tuple[str, ...] = ()
    title: str | None = None
    date_from: str | None = None   # ISO, inclusive
    date_to: str | None = None     # ISO, inclusive
    undated: bool = False          # only documents without a 成文日期
    raw: str = ""
    # soft hints for ranking, from bare terms: the years they name (a document of that year ranks higher)
    # and a 文种 typed as a word (农贸市场 通报: a 通报 ranks higher); they leave no document out
    years: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    # a looser pass (loose.py) when every term was required and nothing matched: at least this many of the
    # positive groups must match, not all (0: all of them)
    at_least: int = 0
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def positive(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.negated and t.compact)

    @property
    def groups(self) -> tuple[tuple[Term, ...], ...]:
        """The positive terms as an AND of ORs."""
        out: list[list[Term]] = []
        seen: dict[int, list[Term]] = {}
        for term in self.positive:
            if term.group < 0:
                out.append([term])
            elif term.group in seen:
                seen[term.group].append(term)
            else:
                seen[term.group] = [term]
                out.append(seen[term.group])
        return tuple(tuple(g) for g in out)

    @property
    def typed(self) -> tuple[Term, ...]:
        """The positive terms as typed, without the spellings added for them."""
        return tuple(t for t in self.positive if not t.variant)

    def spelled(self, term: Term) -> tuple[Term, ...]:
        """The other spellings added for a typed term (its group's variants)."""
        return tuple(t for t in self.positive if t.variant and term.group >= 0 and t.group == term.group)

    @property
    def negated(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.negated and t.compact)

    @property
    def has_filters(self) -> bool:
        return any((self.doc_type, self.issuer, self.doc_number, self.items, self.title,
                    self.date_from, self.date_to, self.undated))

    def needles(self) -> list[str]:
        """What a snippet should mark: quoted spans and bare words, longest first; then the other spellings
        added for them (query_forms.py), longest first. A snippet centres on the first needle a text holds:
        a spelling the text lacks (二〇〇三年 beside 2003) sought first made every long hit's text be read
        whole; what was typed is looked for first."""
        typed: list[str] = []
        spelled: list[str] = []
        for term in self.positive:
            (spelled if term.variant else typed).append(term.compact)
            if not term.quoted and not term.variant:   # another spelling is marked where it is found whole
                typed.extend(words(term.text))
        # in the query's order among equal lengths (not a set's, which changes with each process's
        # hash seed: 乡村振兴 marked 乡村 in one run, 振兴 in the next, and gave another snippet)
        first = sorted(dict.fromkeys(n for n in typed if n), key=len, reverse=True)
        return first + sorted(dict.fromkeys(n for n in spelled if n and n not in first), key=len, reverse=True)


def parse_query(text: str, **filters: object) -> Query:
    """Parse the query language; keyword filters (from CLI options) override the text's.

    Raises BadQuery for an unknown field or an impossible date; a query with
    nothing to search for is parsed (empty), `require_searchable` refuses it.
    """
    terms: list[Term] = []
    values: dict[str, object] = {}
    pending_or = False
    for match in _TOKEN.finditer(text.strip()):
        neg, name, q1, q2, bare = match.groups()
        quoted = q1 is not None or q2 is not None
        value = q1 if q1 is not None else q2 if q2 is not None else bare
        if not quoted and not neg and not name and value in _OR:
            pending_or = bool(terms) and not terms[-1].negated
            continue
        field_name = _empty_field(name, value, quoted)
        if field_name:
            example = _EXAMPLES[FIELDS[field_name.lower()]]
            raise BadQuery(detail=f"字段 {field_name}: 后面没有要找的值",
                           hint=f"把值紧接在冒号后、不留空格，如 {field_name}:{example}")
        if name and name.lower() in FIELDS:
            values[FIELDS[name.lower()]] = value.strip()
            continue
        if name and name.isascii():
            raise BadQuery(detail=f"没有 {name}: 这个字段", hint=FIELD_HINT + "；要检索冒号本身，请加引号。")
        if name:  # 中文:… that is not a field: search it as written
            value = f"{name}:{value}"
        norm = search_text(value)
        if not any(map(is_word_unit, units(norm))):   # marks alone ("-", "%") find nothing useful
            pending_or = False
            continue
        term = Term(norm, quoted=quoted, negated=bool(neg))
        if pending_or and not term.negated:
            last = terms[-1]
            group = last.group if last.group >= 0 else len(terms)
            terms[-1] = replace(last, group=group)
            term = replace(term, group=group)
        terms.append(term)
        pending_or = False
    aliases = {"date_from": "from", "date_to": "to", "type": "doc_type", "number": "doc_number"}
    values.update({aliases.get(k, k): v for k, v in filters.items() if v not in (None, "", ())})
    return _with_hints(_build(with_spellings(terms), values, text))


def with_spellings(terms: list[Term]) -> tuple[Term, ...]:
    """Each bare term followed by its other spellings (query_forms.py), all of one OR group."""
    from dangan.index.query_forms import spellings

    out: list[Term] = []
    fresh = max((t.group for t in terms), default=-1) + len(terms) + 1   # group numbers no term uses
    for term in terms:
        others = [] if term.quoted or term.negated else spellings(term.text)
        if not others:
            out.append(term)
            continue
        group = term.group if term.group >= 0 else fresh + len(out)
        out.append(replace(term, group=group))
        out += [Term(other, group=group, variant=True) for other in others]
    return tuple(out)


def _with_hints(query: Query) -> Query:
    from dangan.index.query_forms import years

    bare = [t for t in query.typed if not t.quoted]
    found = [y for t in bare for y in years(t.text)]
    types = [canonical_doc_type(w) for t in bare for w in (t.compact, *words(t.text)) if canonical_doc_type(w)]
    return replace(query, years=tuple(dict.fromkeys(found)), types=tuple(dict.fromkeys(t for t in types if t)))


_EXAMPLES = {"doc_type": "通知", "issuer": "区文明办", "doc_number": '"〔2022〕12"', "items": "A01",
             "date": "2022-03", "from": "2022-01-01", "to": "2022-06-30", "year": "2022", "title": "部署会"}


def _empty_field(name: str | None, value: str, quoted: bool) -> str | None:
    """The field written without a value (`type:`, `文种：`, `type:""`), else None."""
    if name and name.lower() in FIELDS:
        return name if not value.strip() else None
    bare = re.fullmatch(r"([A-Za-z\u4e00-\u9fff]+)[:：]", value) if not quoted and not name else None
    return bare[1] if bare and bare[1].lower() in FIELDS else None


def require_searchable(query: Query, *, allow_empty: bool = True) -> None:
    """Refuse a query that would list the whole archive although the user typed something.

    An empty query lists everything (the web desk's newest documents) when `allow_empty`.
    """
    if query.positive or query.has_filters:
        return
    raw = query.raw.strip()
    if query.negated:
        raise BadQuery(detail="只有排除词，没有要找的词",
                       hint="在排除词前写上要找的词，如 dangan search 经济 -农业")
    if not raw:
        if allow_empty:
            return
        raise BadQuery(detail="没有给出检索词", hint="例：dangan search 生活垃圾 或 dangan search --type 通报")
    if any(c in raw for c in "*?？"):
        raise BadQuery(detail=f"“{raw}”中没有可检索的文字（不支持通配符 * ?）",
                       hint="写出要找的词或原文片段即可，片段可以从词中间截取。")
    raise BadQuery(detail=f"“{raw}”中没有可检索的文字",
                   hint="检索词须含汉字、数字或字母；标点和表情符号不能单独检索。")


def _build(terms: tuple[Term, ...], values: dict[str, object], raw: str) -> Query:
    query = Query(terms=terms, raw=raw)
    date_from = date_to = None
    if "date" in values:
        date_from, date_to = date_range(str(values["date"]))
    if "year" in values:
        date_from, date_to = date_range(str(values["year"]))
    if "from" in values:
        date_from = date_range(str(values["from"]))[0]
    if "to" in values:
        date_to = date_range(str(values["to"]))[1]
    if date_from and date_to and date_from > date_to:
        raise InvalidDate(value=f"{date_from} 至 {date_to}", reason="起始日期晚于截止日期",
                          hint="检查 --from / --to（或 from: / to:）的先后。")
    return replace(
        query,
        doc_type=_doc_type(_opt(values.get("doc_type"))), issuer=_opt(values.get("issuer")),
        doc_number=normalise_number(_opt(values.get("doc_number"))),
        items=_codes(values.get("items")), title=_opt(values.get("title")),
        date_from=date_from, date_to=date_to,
    )


def _codes(items: object) -> tuple[str, ...]:
    """`item:A01,A02` from the text (split at commas and spaces), or the codes of an option."""
    if isinstance(items, str):
        return tuple(i for i in re.split(r"[,，\s]+", items) if i)
    if isinstance(items, Iterable):
        return tuple(str(i) for i in items)
    return ()


def _doc_type(value: str | None) -> str | None:
    """--type 会议纪要 finds the 纪要 (the vocabulary's spelling); other values are kept as typed."""
    return canonical_doc_type(value) or value


def _opt(value: object) -> str | None:
    return str(value).strip() or None if value is not None else None


def date_range(text: str) -> tuple[str, str]:
    """'2022' → whole year, '2022-03' → whole month, '2022-03-26' → that day (Chinese forms too);
    a day that does not exist (2022-13-45) raises InvalidDate, a date error, not a query error."""
    return date_bounds(text)


def normalise_number(number: str | None) -> str | None:
    """发文字号 variants (2022) [2022] ［2022］ 〔2022〕第12号 → 〔2022〕12号."""
    if not number:
        return None
    text = re.sub(r"[(（\[［【〔]\s*(\d{4})\s*[)）\]］】〕]", r"〔\1〕", number.strip())
    return re.sub(r"〕第(\d+)", r"〕\1", text)


def words(text: str) -> list[str]:
    """Words of a bare query, by jieba; a chunk of ≤ 2 characters needs no jieba at all.

    wordsplit gives jieba's words without loading jieba's dictionary in every process
    (the cold `dangan search` would spend 0.5–1 s on it).
    """
    chunks = [c for c in re.split(r"\s+", text) if c]
    out: list[str] = []
    for chunk in chunks:
        if len(units(chunk)) <= 2:
            out.append(compact(chunk))
            continue
        from dangan.index.wordsplit import cut

        for i, piece in enumerate(_YEAR_WORD.split(chunk)):   # odd pieces: a year, one word
            out.extend([_year_word(piece)] if i % 2 else (w for w in (compact(t) for t in cut(piece)) if w))
    return [w for w in out if w]


def _year_word(year: str) -> str:
    """2022年 → 2022 (the number is the year, dated 2022-03-26 too); 二〇〇三年 and 26年 whole: their 〇 and 三, or
    26, alone are anything."""
    return year[:-1] if year[0].isdigit() and len(year) == 5 else year


# A year is one word: jieba cuts 二〇〇三年 into 二 〇 〇 三年, found scattered anywhere; a two-digit year as
# query_forms reads one (26年预算, not 近26年)
_YEAR_WORD = re.compile(r"((?<![\d.])(?:19|20)\d\d年|(?<![〇零一二三四五六七八九十])[一二][〇零一二三四五六七八九]{3}年"
                        rf"|{SHORT_YEAR}年)")
