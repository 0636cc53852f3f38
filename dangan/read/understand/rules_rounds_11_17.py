"""Which families of documents motivated the reader's rules of rounds 11 to 17 (see `rules`).

General readings of page furniture, site copies and document forms that the web-page and
validation families showed, each named with the families whose misses led to it. A few rules of
later rounds (cross-family round 2, round 28) stand beside the ones of these rounds they read
with. `rules_pages.PAGE_RULES` holds these, then the later rounds' in order.
"""
from __future__ import annotations

ROUNDS_11_TO_17: dict[str, frozenset[str]] = {
    # round 11, one general reading for one mechanism four families' misses share (no heading where the
    # head reader looked, so the file name stood in): the title a clerk would name, weighed among every
    # candidate of the head (a title label at the top or the foot, a heading wrapped inside its 《》
    # quotation, a heading run into the first line's 主送 or sentence) by what makes a 公文 title
    # (gongwen_title.py): office_paperwork's 本文标题 speech and 解读, scanned_or_docx_like's run-on
    # headings, gov_site_pages_7's 主题: heading
    # (widened in the cross-family round to a heading run into the body's first words with no 主送 between: 县“五城共建”
    # …推进情况汇报根据会议安排,就…作简要汇报, validation_r19's 配记网 page, missed on its untouched run and since, the
    # file's name standing in; credited to validation_r19 too)
    "clerk_title": frozenset({"office_paperwork", "scanned_or_docx_like", "gov_site_pages_7", "validation_r19"}),
    # round 11, one general reading for another mechanism seven families' misses share (page furniture joined
    # to or taken for the heading): the heading block's title held to a title's form (gongwen_title.py):
    # lines joined above a whole title that opens like one (关于…, its organ first) are the page's unless
    # organ names, IDs and stamps after its last word are the page's, a heading that is no whole title
    # gives way to the head's best candidate. From gov_site_pages (nav bar, crumbs, switches), _3 (greeting,
    # 信息公开 row), _5 (site name and buttons, 索引号 value), _6 (switches), _7 (site name and section, series
    # line), congress_documents and office_paperwork (a news dateline joined or taken); widened in the cross-family
    # round to a reply to a deputy's suggestion as a whole title (…第6号代表建议的答复), so that validation_r16's 石楼镇
    # page, its section name 议案(建议)办理 joined over that heading (title and issuer missed on every run), reads too;
    # widened in cross-family round 3 to a page's short words a line each (a leader's name and a column, 李为国 / 自身建设)
    # joined over a heading whole on its own line: validation_r25's 阿坝人大网 page, untouched and since
    "title_form": frozenset({"gov_site_pages", "gov_site_pages_3", "gov_site_pages_5", "gov_site_pages_6",
                             "gov_site_pages_7", "congress_documents", "office_paperwork", "validation_r16",
                             "validation_r25"}),
    # round 12, general readings of the forms validation_r11's untouched misses showed (its figures are in
    # elements_baseline.json): a 发文字号 line carrying a disclosure class after the number (华建复〔2017〕5号(B类)):
    # validation_r11 alone (its other form, the date before the number on a law database's line, is number_beside_date
    # since cross-family round 9, credited to validation_r34 too)
    "number_line_forms": frozenset({"validation_r11"}),
    # …and a 信息公开 page's value set on the line under its label (发文日期 / 2022-12-27 18:10): validation_r11 alone
    "date_below_own_label": frozenset({"validation_r11"}),
    # a date whose 年月日 the copy lost, read where a date must stand and only when the digits name one day: the
    # delivery line (20221227日在…会议上: validation_r11's miss) and the line under the 署名 ({ 2017 6 23 under
    # 牟定县人民政府办公室 / (此件公开发布): gov_site_pages' date miss). office_paperwork's 鄒城市文明辦 / 2013417
    # is the same form, but its 署名 is not reached (the page's date under the heading ends the search): not credited
    "date_lost_marks": frozenset({"validation_r11", "gov_site_pages"}),
    # …and a copy that ran the 公文 into one line: its 发文字号 standing between gaps before the 主送 (a template's
    # placeholder xx kept with the 机关代字), from the misses of validation_r11 (xx 镇呈〔2012〕12 号 mid-line) and of
    # gov_site_pages_5 (呼政辦發[2008]68號 opening the run-on line, held out); then its 标题 between the number and
    # the 主送: validation_r11 alone. Widened in cross-family round 9 to a block set later in a long run-on line, after a
    # lead that is no part of it, read only whole (文号 between gaps, a whole title, a 主送 closed by its colon), wherever
    # the line stands: validation_r37's viewer prompt (…[Document Start] <C0>- 1 - 苏 州 市 教 育 局 苏教办〔2023〕18 号
    # 关于印发《…》的通知 各县级市(区)教育局…:, its 标题 and 文号 missed on its untouched run and since), as validation_r11's
    # copy sets the site's name for a file before its block; credited to validation_r37 too
    "run_on_number": frozenset({"validation_r11", "gov_site_pages_5", "validation_r37"}),
    "run_on_title_block": frozenset({"validation_r11", "validation_r37"}),
    # …and the 署名 and 成文日期 run on after the closing formula in any written date, however spaced, a page counter
    # after it (特此报告 xx 镇人民政府 二 0 一二年七月十日 -2-): the cause of validation_r11's miss and of
    # scanned_or_docx_like's held-out one (特此请示xxxxx2018年11月8日。), round 9's closing_run_on made general
    "run_on_closing_date": frozenset({"validation_r11", "scanned_or_docx_like"}),
    # round 13, general readings of the 发文机关 (gongwen_issuers.py) from mechanisms the issuer misses share:
    # joint issuers of which only the first (or none) was read, wherever the document lists them: a joint 署名
    # under a one-organ 版头 (fresh_holdout's 石门, held out), organ lines stacked under the 文号 over a date
    # (validation_r12's 衡东, untouched) or over the 成文日期 (gov_site_pages' 岳阳, strict), a line of organs
    # under a law database's heading (gov_site_pages_4's 财政部、司法部, held out) or before its 关于 (gov_site_pages_3's
    # 成都 four departments, strict)
    # (widened in the cross-family issuers round to the organs of a joint 版头 whose 文件 stands beside the first, the
    # others a line each under it and over the 文号: validation_r24's 衢州 page, 中共衢州市委宣传部  文件 / 衢 州 市 文 明 办 /
    # 衢市宣[2004]5号, its second organ lost on its untouched run and held out; credited to validation_r24 too)
    "joint_issuers": frozenset({"fresh_holdout", "validation_r12", "gov_site_pages", "gov_site_pages_3",
                                "gov_site_pages_4", "validation_r24"}),
    # …a 署名 given as a labelled value (答复单位：…): validation_r12 alone (clearly general, not credited elsewhere);
    # in the cross-family round one reading with a form's header naming its author the same way (填报单位：幸福社区居民委员会
    # 填报日期：…, fresh_holdout's 台账, read by fresh_holdout's own labelled_fields, so held out it read 幸福社区 from the
    # title), credited to fresh_holdout too; labelled_fields keeps the header's date
    "labelled_signer": frozenset({"validation_r12", "fresh_holdout"}),
    # …a 版头 …文件 read from page furniture names no organ (>政务频道 >政务公开 >本局文件): gov_site_pages_7 alone
    # (credited in cross-family round 4 by form to the families whose pages set a column's name ending in 文件 over the
    # heading: congress_documents' 宁波 决议 (• 大会文件) and validation_r31's 阿拉山口 page (政府文件, read as the 版头 of 政府))
    "organ_form": frozenset({"gov_site_pages_7", "congress_documents", "validation_r31"}),
    # …a date line right under the heading (a page's date, a 转发 notice's) ends the search for the 成文日期 but
    # names no signer: the 署名 further down is still read (鄒城市文明辦 over a garbled 2013417): office_paperwork alone
    "signer_below_page_date": frozenset({"office_paperwork"}),
    # cross-family round 2: a date-only line written with a leading zero in its month or day (月、日不编虚位 is how
    # GB/T 9704 writes a 成文日期) straight under the heading is the site's date of the page, not the 成文日期: read
    # so, it ended the search before the 署名 of office_paperwork's 邹城 page (關于轉發…的通知 / 2013年04月17日 / … /
    # 鄒城市文明辦 / 2013417: issuer missed on its untouched run, read since by signer_below_page_date, its own) and stood
    # for the date of validation_r17's 静网 汇报 (…情況彙報 / 2023年09月22日 / - txt下載, labelled no date: missed on its
    # untouched run and since)
    "padded_page_date": frozenset({"office_paperwork", "validation_r17"}),
    # cross-family round 2: the page's copy of the heading on one line over the document's own head (版头, 文号, organ
    # lines) and its heading wrapped: read from the document's own head. validation_r24's 衢州 page (中共衢州市委宣传部 文件 /
    # 衢 州 市 文 明 办 / 衢市宣[2004]5号 / the heading wrapped: issuer missed on its untouched run and since, the 版头 never
    # reached) and validation_r25's 渭南 page (中共渭南市委宣传部 / 中共渭南市委文明办 over the wrapped heading: title and issuer
    # missed on its untouched run); gov_site_pages_7's 湖州 page shows it too (湖州市卫生健康委关于印发 2023年…的通知 on one line,
    # rows, then 湖卫健发〔2023〕1号 over the heading wrapped: its 文号 missed on its untouched run, read since by
    # number_anywhere_in_head, its own reading of the number alone)
    "own_head_below": frozenset({"validation_r24", "validation_r25", "gov_site_pages_7"}),
    # round 14, general readings of 成文日期 and 文种 from mechanisms the date and kind misses share (held out and
    # untouched first runs): a date given as one field of a row of several, wherever the row sets its label (a 信息公开
    # row of validation_r13's 奉化 纪要, untouched; a form's header of fresh_holdout's 台账, a table row of
    # fresh_holdout_2's 麗景 record and meeting fields run together in gov_site_pages_3's two records, held out)
    "field_row_date": frozenset({"validation_r13", "fresh_holdout", "fresh_holdout_2", "gov_site_pages_3"}),
    # …a page's record of its posting is no 成文日期 (a 发布时间 line among 信息来源/作者/阅读次数 lines: validation_r13's
    # 肥东, untouched; 时间:… with 来源/作者 on the line: gov_site_pages_4's 湖南 and 法律资料网 pages, held out; a stamp
    # written 2023-02-22 run on with a clock time or the site's name: office_paperwork's two speeches, held out); widened
    # in round 33 by the row's own label: a 发布时间/发表时间 row is the site's posting whatever stands beside it (a JSP
    # page's 发布时间：2011-07-14 over a lone 发布人 row taken as a speech's date: validation_r33's untouched miss, the cause
    # of validation_r13's 肥东 miss)
    "page_stamp": frozenset({"validation_r13", "gov_site_pages_4", "office_paperwork", "validation_r33"}),
    # …文种 from the document's own wording of its form when no heading names it (or only the file name does):
    # 纪要如下 (validation_r13's 奉化, untouched; gov_site_pages_3's 斗门, held out), 此复 (validation_r13's 清远 会办意见,
    # untouched), 现批复如下 (gov_site_pages_4's 弋阳, held out), 通报如下 (validation_r12's 衡东, untouched and every rule)
    "kind_by_wording": frozenset({"validation_r13", "gov_site_pages_3", "gov_site_pages_4", "validation_r12"}),
    # round 15, from validation_r14's untouched title misses where the cause is shared with another family's: a site's
    # stamp run in before a heading that runs into its first sentence (秘书之家—…www.mishuzj.com湖北省人民政府关于…的报告
    # 2023年,…: validation_r14's 湖北, untouched; 第1页共4页关于…的报告创立为民…: scanned_or_docx_like's first-run miss, whose counter
    # prepare() has since dropped, so its reading does not change)
    "run_on_site_prefix": frozenset({"validation_r14", "scanned_or_docx_like"}),
    # …a run-on heading ends where the 主送 begins, after its outer 文种, not at an inner title's (…督查情况的通报的通知
    # 各县、区人民政府…: validation_r14's 兰州 转发 notice, untouched; 关于…的请示Xxx:随着…, the heading run into its 主送:
    # scanned_or_docx_like's first-run miss, the mechanism run_on_heading was written from)
    "run_on_to_recipients": frozenset({"validation_r14", "scanned_or_docx_like"}),
    # round 28, from validation_r28's untouched misses where the cause is shared with another family's: a document-sharing
    # page's own words (文档介绍:, a chunk's 1、-精品合同推荐-) before a heading with no 关于…的 run into its 主送 or opening
    # (2008年街道办工作总结一年来,…: validation_r28's 振兴街道 summary, untouched, the file's name read; xx市xx人民政府
    # 关于创建…工作自查报告市精神文明办:自2011年…: validation_r26's 自查报告, untouched and since, the file's name read)
    "sharing_site_lead": frozenset({"validation_r28", "validation_r26"}),
    # …a 署名 over a date that lost its 年月日 is the 署名 even when the digits fit two days (瑶海区生态环境分局 /
    # 2023117, 1-17 or 11-7: validation_r14's issuer miss, untouched; 鄒城市文明辦 / 2013417, no issuer: office_paperwork's
    # first-run miss of the same form, whose digits name one day, so date_lost_marks reads it with this rule off);
    # widened in cross-family round 8 to a 署名 over a date naming its month and no day (共青团华中农业大学委员会宣传部 /
    # 二〇一六年三月: validation_r38's issuer miss, untouched and held out), no later line stating a day's date
    "signer_over_bare_digits": frozenset({"validation_r14", "office_paperwork", "validation_r38"}),
    # round 16, from validation_r16's untouched misses where the cause is shared with another family's: a title
    # ending in 材料 named by the kind before it (某区202x年全国文明城区创建工作汇报材料 → 汇报: validation_r16, untouched;
    # 街道创建全国文明城市工作总结汇报材料 → 总结, no 文种: office_paperwork's first-run and held-out miss)
    "kind_before_material": frozenset({"validation_r16", "office_paperwork"}),
    # …a date label's value set apart from it: in the label's next table cell (文号 | 督察通报第十七期 | 成文日期: |
    # 2022年09月14日 |: validation_r16's 紫阳, untouched, no date), as validation_r11's and gov_site_pages_5's first runs
    # set it on the line under the label (发文日期 / 2022-12-27 18:10, what date_below_own_label reads)
    "date_in_next_cell": frozenset({"validation_r16", "validation_r11", "gov_site_pages_5"}),
    # …a breadcrumb's last crumb set again alone under the crumbs taken for the heading (当前位置:秘书稿子>> 工作报告>>
    # 工作汇报 / 工作汇报: validation_r16's 秘书稿子, untouched; 当前位置：首页 > 党建引领> 学习专栏 / 学习专栏:
    # congress_documents' first-run miss, which title_above_salutation has since read another way)
    "crumb_repeated": frozenset({"validation_r16", "congress_documents"}),
    # a law database's record fields above the text (时效性 :现行有效 on gov_site_pages_7's 山西 page, 发文日期 … 成文日期
    # … 发布机构 on validation_r13's 奉化 纪要) taken for the heading; both titles are labelled "?" (no heading), so no
    # scored figure moves: the file name stands in, as for any page without a heading
    "law_db_fields": frozenset({"gov_site_pages_7", "validation_r13"}),
    # …and, with those fields gone, the same 山西 page's 附注 (此件公开发布) joined as the first line of the enclosed
    # 方案's heading below it
    "note_not_heading": frozenset({"gov_site_pages_7"}),
    # a sentence of three clauses (会议由…主持,首先对…进行了说明,主要包括以下几项) taken for a heading: gov_site_pages_6's
    # village 会议记录 with no heading (title labelled "?")
    "clauses_not_title": frozenset({"gov_site_pages_6"}),
    # what a heading runs into is a 主送 only when it names organs (…局:, 各…:), not a verb's object (2.通过信函的方式将意见
    # 寄至:… on validation_r14's 武义 page), and a line ending in a 主送's colon is no fuller heading (同意专项规划批复范文篇一
    # 市规划委、市市政园林局: on validation_r13's 范文站 page); both titles labelled "?"
    "run_on_to_organs": frozenset({"validation_r14", "validation_r13"}),
    # an organ's name alone taken for the heading (中共衡东县委办公室 / 衡东县人民政府办公室 / (2016年8月18日) over a 通报's
    # body on validation_r12's 衡东 page, title labelled "?"): the organs are the issuers, the file's name stands in
    "organ_alone_no_title": frozenset({"validation_r12"}),
    # round 17, from validation_r17's untouched misses where the cause is shared with another family's: a site's
    # names for its copy of a document (the heading with the site's word for the copy after it: …讲话全文.docx,
    # …工作总结三篇, …工作汇报篇1, …汇报范文) joined to or taken for the heading (validation_r17's collection name
    # over a 工作总结 and its two 汇报, untouched; validation_r12's 园林局 speech under its file-name lines, every rule)
    # (widened in the cross-family round to the site's bare number for its piece after a heading it sets above without
    # it: 致集鎮居民的公開信 twice over 致集鎮居民的公開信1, validation_r21's 查文库 page, its heading missed on its untouched
    # run and since; credited to validation_r21 too), and to a document-sharing page's name for its copy, the file's
    # name again, over the document's own heading run into its 主送 (文明办“文明祭 绿色清明”主题活动方案 over 文明办“文明祭祀
    # 绿色清明”主题活动方案 各乡镇…: validation_r21's 原创力 mirror, missed the same way)
    "site_copy_names": frozenset({"validation_r17", "validation_r12", "validation_r21"}),
    # …a model-text page's own name for the document it quotes, over its stamp row, taken for the heading that
    # stands below, above the document's 文号, 主送, 称谓 or a record's 时间: (validation_r17's 公文批复 and 会议记录
    # 是怎么样的格式(3), untouched; validation_r16's 學校資金申請報告 over a 關于…的請示報告, first run and held out)
    "model_text_heading": frozenset({"validation_r17", "validation_r16"}),
    # …a page's table row naming the document in the cell after its label (文件名称 | …的通报 | ||: validation_r16's
    # 紫阳, first run and held out, the file name stood in; 词条 | 对…的答复 |: validation_r17's 赤水, untouched, the row
    # run into the title)
    "cell_heading": frozenset({"validation_r17", "validation_r16"}),
    # …a page's own words before the heading joined into it: its navigation on its line (网站导航 over 倚栏轩's crumbs:
    # validation_r16, first run and held out), a site's name in Latin letters on its line (静网PWA视频评论: validation_r17,
    # untouched), a site's tag in 【】 at the heading's front (【面向社会】关于…的通知: validation_r14, first run and held out)
    # (widened in the cross-family round to a line of marks with no word, the end of a page's outline of the sections
    # over the heading: 目錄/提綱:…… / … / …… over 社區創城工作匯報, validation_r20's 提纲 page, its heading missed on its
    # untouched run and since; credited to validation_r20 too); widened in round 35 to a tag in square or round brackets
    # and a heading after it that closes as one does ([县长在县委书记]县长在…会议上的讲话: validation_r35's model-text
    # speech; (其他)苏南现代化建设示范区规划: validation_r34's policy column; both untouched misses, the cause of
    # validation_r14's 【面向社会】; credited to validation_r34 and validation_r35 too)
    "site_words_over_heading": frozenset({"validation_r17", "validation_r16", "validation_r14", "validation_r20",
                                          "validation_r34", "validation_r35"}),
    # a kind's closing formula when no heading names the kind (妥否,请批示 → 请示; 现将…报告如下 → 报告): validation_r17's
    # 请示 and 汇报 pages
    "closing_formulas": frozenset({"validation_r17"}),
    # a sentence a wiki link broke over lines read as heading material: the link's line joined with the next one that
    # opens with a comma (論聯合政府 (1945年) / ，1945年中共七大報告 taken for the title), and a name ending in 政府 over
    # a line opening with 的 (論聯合政府 / 的版本包括：) taken for the 发文机关标志: source_records_more's 七大 page
    "link_split_line": frozenset({"source_records_more"}),
}
