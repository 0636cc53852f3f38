"""Reading rules of rounds 42 and later and of cross-family rounds 9 and 10 (see rules.py for what the family sets are for):
rules_pages.PAGE_RULES holds them with the rest, this file only keeps that one under 400 lines."""
from __future__ import annotations

ROUNDS_42_ON: dict[str, frozenset[str]] = {
    # round 43, from validation_r43's untouched misses where another family's untouched first run shows the cause: a copy
    # that ran the document into one line keeps the 署名 and 成文日期 straight after the 附件 item, off by a space or by the
    # attached file's extension (gongwen_dates._after_attachment): validation_r43's 查策网 page (…附件:…评比达标项目.doc省功勋
    # 荣誉表彰工作领导小组办公室2025年4月14日。, neither read) and validation_r22's 嘉兴 mirror (…附件:…先进个人名单 嘉興市人民政府
    # 辦公室 2013年12月27日 作者: 信息來源: |, its date missed on its untouched run and since)
    "signer_after_attachment": frozenset({"validation_r43", "validation_r22"}),
    # round 42, from validation_r42's untouched title miss where other families' untouched first runs show the cause: a
    # document-sharing page's file-name line read for the title over the document's own heading lower down
    # (gongwen_page_names.heading_under_file_name): validation_r42's 冰点文库 page (中国银行营业网点服务规范.docx over an upload
    # row, fifteen page previews and the blurbs, then the heading alone twice: the name read with its .docx), validation_r12's
    # 冰豆网 page (园林局城市绿化讲话全文.docx over its upload rows and blurb, then 园林局城市绿化讲话 over 同志们: the file-name lines
    # joined to the heading) and scanned_or_docx_like's 文库 copies (创建文明城市整改报告 篇4.docx, 篇11创文倡议书.docx taken, not
    # the heading in the first page chunk)
    "file_name_over_heading": frozenset({"validation_r42", "validation_r12", "scanned_or_docx_like"}),
    # cross-family round 9: a law database prints the 发文字号 and the 成文日期 on one line under the heading, either first,
    # set apart by a gap (read wherever it stands, as number_line_forms read it) or run together, one bracket round both
    # (read only straight under the heading: gongwen_lines.number_beside_date): validation_r11's 法律资料网
    # page (2006年10月26日 财建〔2006〕689号, round 12's number_line_forms, which held that form beside the disclosure class
    # (B类) until this round) and validation_r34's viewer row of a pkulaw copy ((晋政办发〔2020〕84号2020年10月13日), its
    # 文号 missed on its untouched run and since), each a held-out 发文字号 miss
    "number_beside_date": frozenset({"validation_r11", "validation_r34"}),
    # round chrome (page chrome around the heading), from the untouched and held-out 标题 misses of the samples whose page
    # heads the document with its own short name for it over the page's posting row (a day with its clock time or the
    # fields of the site's record of the page), the document's own heading under the row holding that name's words in
    # order and saying more (gongwen_posted_copy.own_heading_past_row): validation_r31's 金华开发区 信息公开 page (• 金华开发区
    # 突发公共事件总体应急预案 / 日期:2013-10-12 00:00:00来源:…浏览量: / 分享 / 朗读 / 金华经济技术开发区管委会突发公共事件 / 总体应急
    # 预案: the fields and the page's name run together on its untouched run and since) and gov_site_pages' 法律资料网 page
    # (吉安市市本级政务公开工作实施细则 / 作者:法律资料网时间:2024-07-06 00:54:58浏览:9107来源:法律资料网 / … / 江西省吉安市人民政府
    # 办公室 / 关于印发吉安市市本级政务公开工作实施细则的通知: the page's name read held out, fuller_heading being its own)
    "heading_past_posting_row": frozenset({"validation_r31", "gov_site_pages"}),
    # written after the untouched run on gov_site_pages_3, from a cause its misses shared with gov_site_pages': several
    # organs run together before a joint heading's 关于 or 印发, a new organ where 中共 or the first organ's place comes again
    # (中共岳阳市委办公室岳阳市人民政府办公室印发…, gongwen_elements.title_organs). Widened in cross-family round 10 to a run
    # that would pass as one organ's name, which issuer_from_title took whole: validation_r34's 黑龙江 两办 notice (中共黑龙江省委
    # 办公厅 黑龙江省人民政府办公厅 over its 关于 heading, the organ line's space lost when the heading is joined; read as one organ
    # on its untouched run, held out and with every rule on), credited to it beside the two
    "joint_title_organs": frozenset({"gov_site_pages", "gov_site_pages_3", "validation_r34"}),
    # cross-family round 10: the 发文字号 of the document's own head block, a line holding the number alone straight over
    # the first 主送 or over the organ and heading lines over it, where the title's reading took a page's heading, rows or a
    # file's name above and no other reading found a number (gongwen_page.number_over_recipients): validation_r23's 函
    # (沪建综规〔2025〕449号 over its organ line and heading, below the site's 信息公开 fields: its untouched miss and held
    # out) and 沪商规 notice (沪商规〔2024〕4号 under its heading, which the held-out reading replaced by the file's cut name),
    # validation_r17's model-text page (国函〔2009〕2 号 under the quoted 批复's heading, the page's name 公文批复 read for
    # the title: its untouched miss) and gov_site_pages_7's 湖州 page (湖卫健发〔2023〕1号 over the heading under the page's
    # heading and rows: its untouched miss); each read since by a rule of its own family
    "number_over_recipients": frozenset({"validation_r23", "validation_r17", "gov_site_pages_7"}),
    # round pubunit, the lead's decision after cross-family round 10: a page's or platform's publishing-unit field
    # (发布机构：X or X under the label, 【发布单位】X, a front matter's 发布单位: X) as the 发文机关 only where no other
    # reading named an author, at the lowest confidence (publisher.publishing_unit): validation_r23's 函 (发布机构 with
    # 上海市住房和城乡建设管理委员会 under it, and its front matter's 发布单位, over a 函 dated with no 署名: held out, empty)
    # and validation_r45's 中国法院网 page (【发布单位】中共中央 over a 条例 that names no author: its untouched miss)
    "publishing_unit_field": frozenset({"validation_r23", "validation_r45"}),
}
