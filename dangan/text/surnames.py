"""Chinese surnames, to tell a person's name typed one sound off (张阿山 for 张阿三) from a rare word.

The common single-character surnames (the hundred that the 公安部's yearly 姓名报告 ranks first, which most
people bear, and some more that officials in the corpus bear: 温, 汤, 易 …) and the compound ones still in use.
A name is a surname and a given name of one or two characters; nothing here says a text is a name, only that
it has a name's shape.
"""
from __future__ import annotations

SINGLE = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟"
    "姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫阎段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤易乔"
    "赖文庞樊兰殷施温欧左柳单包倪鲁葛康聂齐童伍申尤颜安柯甘牛祝毕季景凌翁洪盛邢")
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "长孙", "司徒", "夏侯", "公孙")


def surname_of(text: str) -> str:
    """The surname `text` would begin with if it were a name of 2–4 characters (a surname and a given name of one
    or two), else "": 张阿三 → 张, 欧阳修 → 欧阳, 张 → "", 政府办 → ""."""
    for surname in COMPOUND:
        if text.startswith(surname) and 1 <= len(text) - len(surname) <= 2:
            return surname
    return text[0] if text and text[0] in SINGLE and 1 <= len(text) - 1 <= 2 else ""
