"""An organ's name as clerks shorten it and as its documents spell it out, one table read both ways.

`dangan search --issuer 文明办` should find what 随州市精神文明建设委员会办公室 signed, and
`--issuer 新余市政府办` what 新余市人民政府办公室 did: the issuer filter matches a span of the catalogued
name, so a short form must be turned into its long forms (and a long one into its short form) first.
Only abbreviations that name one kind of organ wherever they are used are listed (not 办公室 or 局 alone).
"""
from __future__ import annotations

_CAMPAIGN_OFFICE = ("创建全国文明城市工作领导小组办公室", "创建全国文明城市工作指挥部办公室",
                    "创建全国文明城市指挥部办公室", "创建文明城市工作指挥部办公室", "创建文明城市工作领导小组办公室")
# short form -> the long forms it stands for
_SHORT_FORMS: dict[str, tuple[str, ...]] = {
    "文明办": ("精神文明建设委员会办公室", "精神文明建设指导委员会办公室", "精神文明建设办公室", "文明委办公室"),
    "文明委": ("精神文明建设委员会", "精神文明建设指导委员会"),
    # the campaign office is shortened after either of its names, 创建全国文明城市 (创建办, 创文办) or 创建文明城市
    # (创城办: 市创城办主任, 区创城办暗访检查); a clerk types one, the district's papers print another (the seed
    # speech: 创建办会). Not 文明办, the standing office of the 文明委 above it: another organ.
    "创建办": _CAMPAIGN_OFFICE,
    "创文办": _CAMPAIGN_OFFICE,
    "创城办": _CAMPAIGN_OFFICE,
    "政府办": ("人民政府办公室",),
    "卫健委": ("卫生健康委员会",),
    "卫健局": ("卫生健康局",),
    "发改委": ("发展和改革委员会", "发展改革委员会"),
    "住建局": ("住房和城乡建设局",),
    "住建委": ("住房和城乡建设委员会",),
    "城管局": ("城市管理局", "城市管理行政执法局", "城市管理综合行政执法局"),
    "市监局": ("市场监督管理局",),
    "市场监管局": ("市场监督管理局",),
    "人社局": ("人力资源和社会保障局",),
    "文旅局": ("文化和旅游局", "文化广电和旅游局", "文化广电旅游局"),
    "教体局": ("教育和体育局",),
    "交通局": ("交通运输局",),
    "农业农村局": ("农业和农村局",),
    # the people's congress as it is said (十三届全国人大四次会议) for how its papers print it
    "人大常委会": ("人民代表大会常务委员会",),
    "人大": ("人民代表大会",),
    "县政府": ("县人民政府",),
    "市政府": ("市人民政府",),
    "区政府": ("区人民政府",),
    "省政府": ("省人民政府",),
    "镇政府": ("镇人民政府",),
    "乡政府": ("乡人民政府",),
    # the mass organisations as a district's unit list names them (区文联, 区科协, 区工商联, 区残联, 区妇联:
    # ../shared/data/cepingtixi/departments.json) and as they sign in full (海南省妇女联合会)
    "文联": ("文学艺术界联合会",),
    "科协": ("科学技术协会",),
    "工商联": ("工商业联合会",),
    "残联": ("残疾人联合会",),
    "侨联": ("归国华侨联合会",),
    "社科联": ("社会科学界联合会",),
    "妇联": ("妇女联合会",),
    # a community's and a village's committee: 幸福社区居委会 is 幸福社区居民委员会; 柳河村村民委员会 is shortened both
    # 柳河村村委会 and 柳河村委会, so the village's 村 may stand once for two
    "居委会": ("居民委员会",),
    "村委会": ("村民委员会", "村村民委员会"),
}


def short_form_ending(name: str) -> str:
    """The clerk's short form of an organ that `name` ends with (洪泽区政府办 → 政府办), or ""."""
    return max((s for s in _SHORT_FORMS if name.endswith(s)), key=len, default="")


def organ_forms(name: str, most: int = 12) -> tuple[str, ...]:
    """`name` and the spellings it stands for: 随州市文明办 → (随州市文明办, 随州市精神文明建设委员会办公室, …);
    a long form also gives its short one (新余市人民政府办公室 → 新余市政府办), a short form the other short forms
    of the same office (区创文办 → 区创建办, 区创城办: the shorts whose long forms are the same), before the long
    forms (a district's papers say 创建办 more often than they spell the office out). The name itself comes first."""
    forms = [name]
    for short, longs in _SHORT_FORMS.items():
        for long in longs:
            if long in name:
                forms.append(name.replace(long, short))
        if short in name and not any(long in name for long in longs):
            forms += [name.replace(short, other) for other in _same_office(short)]
            forms += [name.replace(short, long) for long in longs]
    return tuple(dict.fromkeys(forms))[:most]


def _same_office(short: str) -> list[str]:
    """The other short forms of the office `short` names: those with the same long forms (市监局, 市场监管局)."""
    longs = _SHORT_FORMS[short]
    return [other for other, theirs in _SHORT_FORMS.items() if theirs == longs and other != short and other not in short]
