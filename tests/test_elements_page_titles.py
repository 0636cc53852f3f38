"""The 标题 of a document saved from a government site or a law database (issue 15).

A saved page sets its own furniture around the document: the site's name, menus, switches,
crumbs, buttons, captions, a page heading that is the document's short name, a date stamp or an
索引号 after the heading. Each test reads a real page of the labelled set and checks that the title
is the document's own heading, and with the rule switched off what the reader took instead.
"""
from __future__ import annotations

import pytest
from labelled_elements import CORPUS, PAGES, PAGES3, PAGES4, PAGES5, PAGES6, PAGES7, meta_of

from dangan.read.understand import rules
from dangan.read.understand.gongwen import read_metadata

pytestmark = pytest.mark.skipif(not CORPUS.is_dir(), reason="corpus not found at ../shared/corpus")

_CONGRESS = "docs/congress_documents/"


def test_web_page_title_is_not_page_furniture() -> None:
    meta = meta_of("txt/cn_provincial_gov_work_reports_2026_web_scrape/2026_宁夏回族自治区_政府工作报告.txt")
    assert meta["title"] == "2026年宁夏回族自治区政府工作报告"
    assert meta["doc_date"] == "2026-02-03"          # the delivery line, not the page's 发表时间


def test_page_furniture_and_captions_are_not_titles() -> None:
    text = ("首页 > 新闻 > 云南要闻\n云南要闻\n2025年云南省政府工作报告\n发布时间：2025-01-25 10:00 来源：云南日报\n"
            "1月18日，云南省第十四届人民代表大会第三次会议在昆明开幕。记者 张三 摄\n"
            "——2025年1月18日在云南省第十四届人民代表大会第三次会议上\n云南省省长 王予波\n各位代表：\n"
            "现在，我代表省人民政府，向大会报告工作，请予审议。\n")
    values = read_metadata(text, filename="page.html").values()
    assert values["title"] == "2025年云南省政府工作报告"
    assert (values["issuer"], values["doc_date"]) == ("云南省人民政府", "2025-01-18")


def test_site_chrome_never_reaches_the_title() -> None:
    meta = meta_of(PAGES + "广州市人民政府关于修改行政规范性文件管理规定的决定.txt")   # 热门站点| … | 设为首页
    assert meta["title"] == "广州市人民政府关于修改《广州市行政规范性文件管理规定》的决定"
    meta = meta_of(PAGES + "济宁市人民政府关于持续深化市县同权改革的实施意见.txt")       # 政务服务丨…
    assert (meta["title"], meta["issuer"]) == ("济宁市人民政府关于持续深化“市县同权”改革的实施意见", "济宁市人民政府")
    meta = meta_of(PAGES + "关于2023年10月份民生实事项目进展情况的通报.txt")            # 关怀版 无障碍
    assert meta["title"] == "关于2023年10月份民生实事项目进展情况的通报"
    with rules.disabled({"site_chrome", "page_top_chrome", "complete_line_stands_alone", "page_switches", "title_form",
                         "spaced_word_row", "page_word_over_heading"}):   # round 20's spaced row and web_wrapped's
        # page_word_over_heading read the switches too
        assert meta_of(PAGES + "关于2023年10月份民生实事项目进展情况的通报.txt")["title"].startswith("关怀版")


def test_the_documents_own_heading_wins_over_the_pages() -> None:
    meta = meta_of(PAGES + "吉安市市本级政务公开工作实施细则.txt")
    assert meta["title"] == "江西省吉安市人民政府办公室关于印发吉安市市本级政务公开工作实施细则的通知"
    meta = meta_of(PAGES + "市创建全国文明城市工作指挥部办公室关于全国文明城市建设工作督查通报.txt")
    assert meta["issuer"] == "V市创建全国文明城市工作指挥部办公室" and meta["doc_type"] == "通报"


def test_site_menu_page_heading_and_quoted_title() -> None:
    pages = "docs/gov_site_pages_2/"
    meta = meta_of(pages + "阳泉市城区人民政府关于印发工作规则的通知.txt")   # 法定主动 / 公开内容 / 政策 …
    assert meta["title"] == "阳泉市城区人民政府关于印发阳泉市城区人民政府工作规则和阳泉市城区人民政府有关会议工作规则的通知"
    assert (meta["doc_number"], meta["doc_date"]) == ("城政发〔2021〕25号", "2021-11-11")
    meta = meta_of(pages + "保定腰山镇人民政府关于取消南腰山村庙会的通告.txt")  # the document's heading under the page's
    assert meta["title"] == "腰山镇人民政府关于取消南腰山村庙会的通告"
    meta = meta_of(pages + "京政办发2016第26号.txt")
    assert meta["title"] == "北京市人民政府办公厅关于印发〈北京市2016年政务公开工作要点〉的通知"
    assert meta_of(pages + "綦江区文明示范楼栋文明示范小区名单公示.txt")["doc_type"] == "公示"


def test_greeting_crumbs_table_rows_and_the_sites_name_are_chrome() -> None:
    meta = meta_of(PAGES3 + "平凉市崆峒区人民政府工作规则.txt")         # 甘肃崆峒 / < / 索引号 … / 信息名称 …
    assert (meta["title"], meta["doc_date"]) == ("平凉市崆峒区人民政府工作规则", "2021-11-23")
    meta = meta_of(PAGES3 + "清源街道西门社区关于创建文明城市的会议记录.txt")   # 您好,欢迎访问… + a record on one line
    assert (meta["title"], meta["issuer"], meta["doc_date"], meta["doc_type"]) == (
        "清源街道西门社区关于创建文明城市(社区)的会议记录", "清源街道西门社区", "2012-09-02", "会议记录")
    with rules.disabled({"page_top_chrome", "site_copy_names"}):   # (the heading printed twice is cut there too)
        assert meta_of(PAGES3 + "平凉市崆峒区人民政府工作规则.txt")["title"].startswith("甘肃崆峒")


def test_page_buttons_are_not_a_titles_first_words_and_a_community_reports_on_itself() -> None:
    pages = "docs/gov_site_pages_2/"
    with rules.disabled({"menu_lines"}):   # • 提交 / 购物车 / 长子县…的通告: the heading stands alone
        meta = meta_of(pages + "长子县人民政府森林防火指挥部关于禁止燃放烟花爆竹的通告.txt")
        assert meta["title"] == "长子县人民政府森林防火指挥部关于禁止燃放烟花爆竹的通告"
    assert meta_of(pages + "富康路社区创建全国文明城市第一阶段工作小结.txt")["issuer"] == "富康路社区"


def test_a_pages_date_stamp_or_index_number_never_joins_the_title() -> None:
    meta = meta_of(PAGES4 + "五角场街道2015年工作总结和2016年工作安排.txt")   # …工作安排 2016-03-07
    assert meta["title"] == "五角场街道2015年工作总结和2016年工作安排"
    meta = meta_of(PAGES5 + "镇巴县人民政府工作规则.txt")   # heading / • 索引号: / 6107280000/2024-001005
    assert (meta["title"], meta["doc_number"]) == ("镇巴县人民政府工作规则", "镇政发〔2024〕7号")
    with rules.disabled({"title_without_ids", "title_form"}):
        assert meta_of(PAGES4 + "五角场街道2015年工作总结和2016年工作安排.txt")["title"].endswith("2016-03-07")


def test_a_reply_without_its_heading_and_buttons_above_a_speech() -> None:
    assert meta_of(PAGES4 + "弋府字2015第23号.txt")["doc_type"] == "批复"   # …现批复如下
    assert meta_of(PAGES5 + "某县长在安委会第四次全体扩大会议上的讲话.txt")["title"] == (
        "某县长在全县202x年度安委会第四次全体(扩大)会议上的讲话")   # 德育素材网 首页 above it
    assert meta_of(PAGES5 + "在创建省级文明城市动员大会上的讲话.txt")["title"] == "在创建省级文明城市动员大会上的讲话"   # 正文复制
    meta = meta_of(PAGES5 + "浦东新区人民政府关于印发工作规则的通知.txt")   # the heading again below, wrapped after 关于印发
    assert (meta["title"], meta["issuer"]) == ("浦东新区人民政府关于印发《浦东新区人民政府工作规则》的通知", "浦东新区人民政府")
    assert meta["doc_number"] == "浦府〔2022〕1号"


def test_the_first_line_of_a_wrapped_heading_is_kept() -> None:
    # 督查评比专报 / 第 6 期 / 关于对两区“包街包巷包小区” / 责任单位评比情况的通报
    title = "关于对两区“包街包巷包小区”责任单位评比情况的通报"
    assert meta_of(PAGES3 + "关于对两区包街包巷包小区责任单位评比情况的通报.txt")["title"] == title
    with rules.disabled({"wrapped_heading_start", "title_form"}):
        assert meta_of(PAGES3 + "关于对两区包街包巷包小区责任单位评比情况的通报.txt")["title"] == "责任单位评比情况的通报"
        assert meta_of(PAGES5 + "浦东新区人民政府关于印发工作规则的通知.txt")["title"] == "《浦东新区人民政府工作规则》的通知"


def test_switches_position_line_and_information_channel_are_chrome() -> None:
    meta = meta_of(PAGES6 + "南区街道办事处2022年工作总结.txt")   # 无障碍版 长者助手 登录 / 您当前的位置: > >
    assert (meta["title"], meta["issuer"], meta["doc_type"]) == ("南区街道办事处2022年工作总结", "南区街道办事处", "总结")
    meta = meta_of(PAGES6 + "中大槐树街道2022年工作总结.txt")   # 无障碍阅读 关怀版 返回首页 / 政府信息公开 / heading
    assert meta["title"] == "中大槐树街道2022年工作总结"
    with rules.disabled({"page_switches", "more_page_chrome", "title_form", "title_shape"}):
        assert meta_of(PAGES6 + "南区街道办事处2022年工作总结.txt")["title"] == "无障碍版长者助手登录"


def test_a_row_of_switches_is_chrome_on_either_familys_pages() -> None:
    """page_switches alone (every other chrome rule off) reads both families' pages."""
    chrome = {"site_chrome", "page_top_chrome", "complete_line_stands_alone", "more_page_chrome"}
    with rules.disabled(chrome):
        assert meta_of(PAGES6 + "南区街道办事处2022年工作总结.txt")["title"] == "南区街道办事处2022年工作总结"
        assert meta_of(PAGES + "关于2023年10月份民生实事项目进展情况的通报.txt")["title"] == (
            "关于2023年10月份民生实事项目进展情况的通报")   # 关怀版 无障碍 无障碍
    with rules.disabled(chrome | {"page_switches", "title_form", "spaced_word_row",   # round 20's row reads it too,
                                  "page_word_over_heading"}):                         # and web_wrapped's rule
        assert meta_of(PAGES + "关于2023年10月份民生实事项目进展情况的通报.txt")["title"].startswith("关怀版")


def test_a_heading_under_a_label_and_a_notice_kept_as_html() -> None:
    meta = meta_of(PAGES7 + "遂宁市防汛应急预案征求意见的函.txt")   # 遂宁市水利局 / 征集调查 / 主题: / heading
    assert meta["title"] == "遂宁市人民政府防汛抗旱指挥部办公室关于征求《遂宁市防汛应急预案(征求意见稿)》修改意见的函"
    assert (meta["issuer"], meta["doc_type"]) == ("遂宁市人民政府防汛抗旱指挥部办公室", "函")
    meta = meta_of(PAGES7 + "山西省激发重点群体活力带动城乡居民增收实施方案印发.txt")   # <p …> 山西省人民政府</p><p …> 2018年3月27日</p>
    assert (meta["issuer"], meta["doc_date"], meta["doc_number"]) == ("山西省人民政府", "2018-03-27", "晋政发〔2018〕13号")
    with rules.disabled({"html_tags"}):
        assert meta_of(PAGES7 + "山西省激发重点群体活力带动城乡居民增收实施方案印发.txt")["doc_date"] is None


def test_the_title_block_sits_above_the_recipients() -> None:
    # 政务服务丨济宁市人民政府关于…的实施意见 (the page's) … 济宁市人民政府 / 关于…的实施意见 / 济政字〔2021〕30号 / 各县…:
    jining = PAGES + "济宁市人民政府关于持续深化市县同权改革的实施意见.txt"
    with rules.disabled(rules.only_from("gov_site_pages")):   # gov_site_pages held out
        meta = meta_of(jining)
        assert (meta["title"], meta["issuer"]) == ("济宁市人民政府关于持续深化“市县同权”改革的实施意见", "济宁市人民政府")
        with rules.disabled({"title_above_recipients"}):
            assert meta_of(jining)["title"].startswith("政务服务")
    with rules.disabled(rules.only_from("fresh_holdout")):   # organ lines under a 版头, then 关于…, then 主送
        meta = meta_of("docs/fresh_holdout/关于做好2023年度防汛备汛工作的通知.txt")
        assert meta["title"] == "中共石门县委办公室石门县人民政府办公室关于做好2023年度防汛备汛工作的通知"


def test_the_title_of_a_speech_sits_above_its_speaker_and_salutation() -> None:
    # (两会受权发布)… / 新华社北京3月17日电 / 最高人民检察院工作报告 / ——2023年3月7日在… / 检察长 张军 / 各位代表:
    spp = _CONGRESS + "最高人民检察院工作报告2023.txt"
    meta = meta_of(spp)
    assert (meta["title"], meta["issuer"], meta["doc_date"]) == ("最高人民检察院工作报告", "最高人民检察院", "2023-03-07")
    # 学习专栏 / 每周一学（…） / 文章来源… / three centred title lines / 同志们：
    zhejiang = _CONGRESS + "浙江省第十五次党代会报告.txt"
    assert meta_of(zhejiang)["title"] == "忠实践行“八八战略”坚决做到“两个维护”在高质量发展中奋力推进中国特色社会主义共同富裕先行和省域现代化先行"
    with rules.disabled({"title_above_salutation", "news_dateline", "crumb_repeated"}):   # each reads one of them
        assert meta_of(spp)["title"].startswith("新华社")
        assert meta_of(zhejiang)["title"] == "学习专栏"
    with rules.disabled(rules.only_from("gov_site_pages_5")):   # 正文复制 / heading / 同志们:这次… (held out)
        assert meta_of(PAGES5 + "在创建省级文明城市动员大会上的讲话.txt")["title"] == "在创建省级文明城市动员大会上的讲话"


def test_a_heading_printed_twice_is_the_title() -> None:
    # 今天是… / 遂宁市水利局 / 征集调查 / 主题: / heading / 时限: … / heading again / 市直有关部门: …
    suining = PAGES7 + "遂宁市防汛应急预案征求意见的函.txt"
    # 无障碍阅读… / 政府信息公开 / heading / 索引号 / 中大槐树街道办事处 / 2023-01-16 / heading again
    zhongda = PAGES6 + "中大槐树街道2022年工作总结.txt"
    with rules.disabled(rules.only_from("gov_site_pages_7")):   # held out: labelled_heading off
        meta = meta_of(suining)
        assert (meta["title"], meta["issuer"], meta["doc_type"]) == (
            "遂宁市人民政府防汛抗旱指挥部办公室关于征求《遂宁市防汛应急预案(征求意见稿)》修改意见的函",
            "遂宁市人民政府防汛抗旱指挥部办公室", "函")
        with rules.disabled({"repeated_heading", "title_form", "title_shape"}):
            assert meta_of(suining)["title"] == "遂宁市水利局征集调查"
    with rules.disabled(rules.only_from("gov_site_pages_6")):   # held out: more_page_chrome off
        assert meta_of(zhongda)["title"] == "中大槐树街道2022年工作总结"
        with rules.disabled({"repeated_heading", "page_word_over_heading"}):   # (web_wrapped's rule reads it too)
            assert meta_of(zhongda)["title"] == "中大槐树街道办事处中大槐树街道2022年工作总结"
