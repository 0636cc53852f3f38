"""Which families of documents motivated the reader's rules from round 11 on (see `rules`).

The rules of rounds 11 and later, each named with the families whose misses led to it: general
readings of page furniture, site copies and document forms that the web-page and validation
families showed. Rounds 11 to 17 are in `rules_rounds_11_17`; the rules from round 18 on are
here, after them in `PAGE_RULES`. `rules.RULES` holds these beside the earlier rounds'.
"""
from __future__ import annotations

from dangan.read.understand.rules_rounds_11_17 import ROUNDS_11_TO_17
from dangan.read.understand.rules_rounds_42_on import ROUNDS_42_ON

PAGE_RULES: dict[str, frozenset[str]] = ROUNDS_11_TO_17 | {
    # round 18, from validation_r18's untouched misses where the cause is shown in another family's documents: a 文号
    # on one line with another head element, set apart by a space: the page's name for the 版头 (焦作市四城联创指挥部文件
    # 焦城创指〔2019〕48号: validation_r18, untouched, so neither the 文号 nor the organ line over the heading was read),
    # as validation_r11's 财政部 page sets the date before it (2006年10月26日 财建〔2006〕689号, number_line_forms)
    "number_beside_masthead": frozenset({"validation_r18", "validation_r11"}),
    # …a table row's label of the document's name kept with the heading: in the cell, before a colon (| 标题:关于…的通知 |:
    # validation_r18's 快文网 page, untouched, no 文种 either), or set apart by spaces (标  题 关于…的紧急通知: validation_r18's
    # 宝塔区 信息公开 row, untouched), as 名    称:蔚县…的通知 (gov_site_pages_7) and 名称: 关于…的答复 (validation_r12) label it
    # (widened in the cross-family round to any page's short label set before the heading by a run of spaces, as a
    # field's cell is, no organ's name: 问题                ××省人民政府关于…的决定, validation_r22's 考题云 exam page,
    # its heading missed on its untouched run and since, the cause round 22 left as one family's)
    "row_label_over_heading": frozenset({"validation_r18", "validation_r22"}),
    # …a site's page name for its copy with a year before the document's own heading, that heading set a few lines
    # under it (2022年创建全国文明城市工作开展情况汇报 twice over 创建全国文明城市工作开展情况汇报: validation_r18's 畅运范文网
    # page, untouched), as validation_r17's 文档文库 collection opens its name with 2023年最新的 (site_copy_names)
    "site_copy_year": frozenset({"validation_r18", "validation_r17"}),
    # …a 批复's answer worded without 现 (经研究,批复如下 and 特此作出如上批复 in an exam question whose heading is blanked:
    # validation_r18, untouched, no 文种), as gov_site_pages_4's 下陆区 批复 words it (…政府研究,根据有关规定,批复如下)
    "reply_wording_forms": frozenset({"validation_r18"}),
    # round 19, from validation_r19's untouched misses: a model-text site's name for a collection of pieces, marked by
    # its count (一季度精神文明創建總結【精彩多篇】 twice), taken over the first piece's heading with the site's 篇一 after it
    # (創建文明城市工作自查報告 篇一: validation_r19's 靈感範文站 page, untouched, no 文种 either), as validation_r17's
    # 藏源 collection (…工作汇报精选五篇 over …工作汇报篇1, its first-run miss) and validation_r18's 就爱阅读 page
    # (【通用10篇】 in its blurb over …讲话稿例文【第一篇】, title "?") set their pieces
    "collection_first_piece": frozenset({"validation_r19", "validation_r17"}),
    # …a 倡议书's author, named nowhere but where it makes the appeal (在此,白城市文明办向全体市民发出倡议: validation_r19's
    # 白城 信息公开 page, untouched, no issuer) or in a 署名 with no date under it (…更和谐! / 安陆市委文明办 as the last
    # line: validation_r19's 安陆云 page, untouched, no issuer). No earlier family's document is signed so: validation_r19 only
    # (widened in cross-family round 4 to the appeal's name quoted before 倡议: 为此,市妇联向广大家庭和妇女姐妹发出“文明餐桌行动”
    # 倡议, validation_r30's 找教案网 page, no issuer on its untouched run and since; the form, an organ making the appeal
    # 向…发出…倡议, is both families'; credited to validation_r30 too)
    "appeal_author": frozenset({"validation_r19", "validation_r30"}),
    # …widened in the cross-family round to a 署名 wherever it stands, straight after a sentence and over a date left
    # blank (妥否,请批示。 / 淮北临涣工业园管委会 / X年XX月XX日, the collection's next model after it: validation_r17's 阅读库
    # page, its issuer missed on its untouched run and since), and credited to validation_r17 beside validation_r19;
    # widened in cross-family round 3 to the closing 署名 set in brackets after the last sentence on its line (…完成上级交办的
    # 其他各项工作任务. (鼓楼区洪山镇大凰山社区), page furniture after it: validation_r26's 文档网 page, untouched and since);
    # widened in round 34 to the same 署名 set past a space after the last sentence on its line (…请致电豪第坊物业服务处。
    # 豪第坊物业服务处</p>: validation_r34's 物业 notice in a PHP view, its untouched miss), credited to validation_r34 too
    "undated_signer": frozenset({"validation_r19", "validation_r17", "validation_r26", "validation_r34"}),
    # the saved-web-pages round, from saved_web_pages' untouched miss: the closing 署名 of a lone organ line set in brackets
    # on a line of its own after the last sentence, no date under it (…恩格尔系数为41.77%。 / 　　（万载县统计局）: a county
    # 统计局's 统计公报 saved from its site, no issuer); no other labelled or corpus document closes so: saved_web_pages only
    "signer_line_in_brackets": frozenset({"saved_web_pages"}),
    # …and the page's posting row (来源： / 访问量： / 发布日期：2017-05-15 10:49:00) that trafilatura leaves out with the
    # article's attribute line: kept as the `posted` hint (the 网页发布时间; no scored field), saved_web_pages' page lost it
    "page_posting_row": frozenset({"saved_web_pages"}),
    # round 20, from validation_r20's untouched misses where the cause is shown in another family's documents: a
    # site's posting stamp written with figures (- 2024-10-10 发布于河南, a document-sharing site's bullet: validation_r20's
    # 原创力文档 page, untouched) taken for the 成文日期, as office_paperwork's essay-site stamps (2023-02-22 23:27:55 127)
    # were; here after a bullet's dash, which the heading's date (——2022年3月5日在…) never writes with figures
    "dash_stamp": frozenset({"validation_r20", "office_paperwork"}),
    # …a 公示 with no heading known by its own wording (现将候选单位进行公示: validation_r20's 洛阳日报 page, untouched, no
    # 文种), as wenming_notices' two Traditional 公示 (現將擬命名名單予以公示, …名單進行公示) and office_paperwork's 无锡
    # 公示 (现将候选名单予以公示, 特此公示) word theirs, each with no heading: their 文种 came from the file name alone
    "public_notice_wording": frozenset({"validation_r20", "wenming_notices", "office_paperwork"}),
    # …a row of a page's short words set apart by spaces joined to the heading under it: a site's name and its section
    # (全球旧事资料 分类 over a speech: validation_r20's 全球旧事资料 page, untouched) as a portal's menu (政府机构 信息公开
    # 办事服务 … 专题专栏 over 白城's 倡议书 across a 发布时间 row: validation_r19's miss, left in round 19) and a portal's
    # switches (关怀版 无障碍 无障碍 over 关于2023年10月份…的通报: gov_site_pages' first-run miss, read since by its own
    # page_switches and title_form; with those off this rule reads it too)
    # (widened in cross-family round 4 to a row of six words or more whatever they name: an essay site's sections, kinds
    # of writing, 網站首頁 個人文檔 個人總結 工作總結 述職報告 … 公文 論文 over 新時代文明實踐站建設標準: validation_r30's mtfww page,
    # run into its title on its untouched run and since; credited to validation_r30 too)
    "spaced_word_row": frozenset({"validation_r20", "validation_r19", "gov_site_pages", "validation_r30"}),
    # …a site's name for its copy, with its word for a copy in full (2023度文明城市创建工作方案【完整版】), joined to the
    # document's own heading under it (2020年度文明城市创建工作方案: validation_r20's 诚恒范文 page, untouched), as
    # validation_r18's 华兴范文 page names its copy (…讲话【完整版】, in a blurb over a speech with no heading: title "?")
    "copy_name_line": frozenset({"validation_r20", "validation_r18"}),
    # …a collection's number set before its first piece's name (篇一:2022年精神文明建设工作要点) under the collection's name
    # (2023年精神文明建设工作要点7篇), the piece's own heading on the next line (validation_r20's 十九范文网 page, untouched:
    # the collection's name, its count cut, stood for the title), as validation_r12's 写写帮 page (…实施方案(共五则) /
    # 第一篇:创建省级文明县城工作实施方案 / 创建省级文明县城工作实施方案) and scanned_or_docx_like's 合面镇 page (第一篇:…
    # over the organ and 关于 lines) set their pieces
    "collection_lead_piece": frozenset({"validation_r20", "validation_r12", "scanned_or_docx_like"}),
    # round 21, from validation_r21's untouched misses where the cause is shown in another family's documents: a
    # model-text site's posting row (時間:2022-08-04 06:48:00) over its note that users uploaded the text (導語:…一文
    # 來源于網友上傳,不代表本站觀點) read as the 成文日期 of a notice whose every year is 2008 and whose 署名 has no date
    # (validation_r21's teari.cn page, untouched), as validation_r16's uv63h8.cn speech (時間:2022-07-15 08:03:00 over the
    # same 導語, a review of 2008年, read so on its first run and since). Widened after the lead settled the labels (the
    # corpus speech's 時間:2022-03-26 09:11:00 row had been labelled its date, the one label of that form to say so: corrected
    # to "", not credited): the row over such a note is never the 成文日期, whatever years the text names — validation_r29's
    # alizhichou3 speech (時間:2022-05-30 09:13:00 over the same 導語, years blanked) and validation_r30's 公务员之家 page
    # (時間:2023-10-16 17:37:12 over 導語:…歡迎閱讀由公務員之家整理的十篇范文), each its untouched first run's miss, and
    # validation_r16's eimio.cn 方案 (its first-run miss, left in round 21)
    "upload_note_time": frozenset({"validation_r21", "validation_r16", "validation_r29", "validation_r30"}),
    # round 22, from validation_r22's untouched misses where the cause is shown in another family's documents: an
    # issuer named only in the body as the organ acting on the purpose the opening states (为进一步促进政府信息与政务
    # 公开…，西城街道辦事處將于2023年12月26日開展…: validation_r22's limingquan.com page, no heading, no 署名, untouched),
    # as validation_r21's two pages cut before their 署名 name theirs (为迎接…测评工作，县委文明办计划在隽水城区开展…;
    # 为展示…成果…，中央文明委决定，授予…), their first-run misses left in round 21 as one family's
    # (widened in the cross-family round to a purpose stated in a sentence of its own, the organ opening the next:
    # 为进一步优化城市环境…,迎接新中国成立70周年。昆明市晋宁区创建全国文明城市工作总指挥部办公室决定在全区组织开展…, validation_r19's
    # 意榕 倡议书 cut inside its 署名, its issuer missed on its untouched run and since; credited to validation_r19 too)
    # (widened in cross-family round 2 to organs acting together, wherever the 为… clause stands, when the text's next
    # sentence makes their decision known: …传统节日,为更好的展示…,市委宣传部、市文明办决定组织开展…主题活动。现将活动有关事项
    # 通知如下, validation_r24's 天天文库 page with no 署名, its issuer missed on its untouched run and since; credited to
    # validation_r24 too. A news item's 记者获悉,为…,市文明办决定… reports, and a 方案's 市委、市人民政府决定申请… names its
    # superiors' decision: neither goes on to notify, neither is read)
    "purpose_actor": frozenset({"validation_r22", "validation_r21", "validation_r19", "validation_r24"}),
    # …a site's row of its record of the page, marked by its click count or its call for contributions, read as the
    # 成文日期 of a text stating none (時間:2019年06月17日 點擊次數:28596 over a notice cut before its 署名; 时间:2023-08-19
    # 工作报告 我要投稿 over a 汇报: validation_r22's ybie.cn and gaozihui.com pages, untouched), the words the rows of
    # validation_r16's isangil.com 请示报告 (申請報告 時間:2017-07-11 我要投稿, labelled no date), congress_documents'
    # 浙江 report (发布时间：2022年06月27日 点击数： 次, labelled no date) and validation_r17's 藏源 page (发布时间:… 点击:)
    # carry, each read right already by the place of its row or its 来源: pages read right without the rule motivated
    # nothing, so validation_r22 alone is credited (its held-out figures leave it out)
    "site_row_words": frozenset({"validation_r22"}),
    # round 23, from validation_r23's untouched misses (whole files of a policy repository, Markdown under a YAML
    # front matter; its first run is in elements_baseline.json): the front matter is the file's record of the document
    # (标题, 文号, 发布单位, 发布日期), which the Markdown reader dropped whole, and with it the 文号 ten of the eleven files
    # state only there; its 标题, 文号 and 成文日期 are now the file's hints, read where the text states none, as an OFD's
    # DocInfo is (its 发布日期 is the posting day, its 发布单位 the publishing organ: not read). No other family has a
    # front matter: validation_r23 alone, a format's reading, not credited elsewhere (its held-out figures leave it out)
    "front_matter_fields": frozenset({"validation_r23"}),
    # …a line of sentences, one ended inside it (。；！？ with more after), is no heading: a copy's note on its source
    # and copyright over the heading (本文正文由脚本自…提取，仅供检索查阅；以官方链接发布版本为准。&siteId=0039, what the
    # link left after the full stop keeping the line from ending like a sentence: validation_r23's five title misses,
    # untouched), as the wikisource copies of npc_resolutions and encoding_variants carry theirs by the heading
    # (本作品来自中华人民共和国全国人民代表大会及其常务委员会的决定、决议。依据《, cut at the link), read right already
    # because their heading comes first: validation_r23 alone is credited, the pages read right without it motivated nothing
    "sentence_inside_not_title": frozenset({"validation_r23"}),
    # …and such a note opening the text, its heading standing alone a line or two below, is no start of the body: the
    # heading block is read under it (validation_r23's 函, whose 文号 and organ line over its own heading were never
    # reached: issuer empty, untouched), as under validation_r17's 瑞文网 note on what a 公文 is (行政公文,是公务文书的
    # 简称,…。 / 范文如下: over the State Council's 批复), read right already by its first line: validation_r23 alone
    "note_over_heading": frozenset({"validation_r23"}),
    # round 24, from validation_r24's untouched misses where the cause is shown in another family's documents: a 通知
    # whose heading is not read words its own form (现将活动有关事项通知如下 in a document-sharing copy whose file rows
    # stood for the title; 现印发给你们 under a law-database heading carrying its 文号: validation_r24's wenku365 and
    # paisadeals pages, no 文种), as validation_r23's 绿化市容局 notice cut at its 《 (现制定《…》并发给你们，请遵照执行,
    # missed on its untouched run and since) and gov_site_pages' 吉安 page under the 细则's name (现将《…》印发给你们,
    # missed in that family's held-out figures) word theirs; read last, after every kind's own closing
    "notice_wording": frozenset({"validation_r24", "validation_r23", "gov_site_pages"}),
    # …and a 通知 with no heading known by its form: a 主送 of units, a directive to them and its organ's 署名 over the
    # date (各镇人民政府,县政府各有关部门: … 各相关单位要担负起主体责任 … / 盘山县人民政府办公室 / 2016年9月8日:
    # validation_r24's gfl123 page, no 文种), as validation_r21's school page is written (学校各单位: … 请各单位… /
    # 精神文明办公室 / 2016年12月23日), its 文种 missed on its untouched run and since
    "notice_form": frozenset({"validation_r24", "validation_r21"}),
    # …a 时间 row among a document-sharing site's record of the file it shares is when the file was uploaded, not the
    # 成文日期 (ID:7146247 / 大小:31.49 KB / 页数:4页 / 时间:2018-02-05 over a notice with XX年 dates and no 署名:
    # validation_r24's wenku365 page, untouched), as validation_r12's 冰豆网 page keeps its record (文档编号 / 上传时间 /
    # 格式 / 页数 / 大小, labelled no date), read right already because its row says 上传时间: validation_r24 alone
    # (widened in cross-family round 2 to the record's rows and the site's short words straight above them as no heading:
    # 欢迎来到天天文库 / 浏览记录 over them was read as the title of the same page, untouched and since; validation_r24 alone)
    "file_record_time": frozenset({"validation_r24"}),
    # …a heading longer than 60 characters printed on one line is a heading too when 关于 and a 文种 at its end make it
    # one and no sentence is in it (海南省生态环境厅等部门关于印发《“美丽海南我行动”…(2023-2025年)》的通知, 76 characters,
    # its 文号 in brackets after it: validation_r24's paisadeals page, the site's share line under it read instead,
    # untouched), as validation_r23's seven organs' notice prints its heading of 85 (上海市商务委员会 上海市委宣传部 …
    # 上海海关关于印发《…》的通知, the file name's cut copy read instead, untouched and since)
    "long_heading_line": frozenset({"validation_r24", "validation_r23"}),
    # …and a copy's note whose sentence ends inside its line (…以官方链接发布版本为准。&siteId=0023, what the link left
    # after the full stop) is no start of the body either, as note_over_heading reads one ended at its full stop: the
    # heading block is read under it (validation_r23's seven organs' notice, whose heading of 85 characters under two
    # note lines long_heading_line alone does not reach). validation_r23 alone: its held-out figures leave it out
    "note_link_tail": frozenset({"validation_r23"}),
    # round 26, from validation_r26's untouched misses where the cause is shown in another family's: a 署名 stacked one
    # organ a line over its date is every organ line set as close to the next as the 署名 is to its date, however many
    # (印江自治县住房和城乡建设局 / 市场监督管理局 / 融媒体中心 / 2025年3月2日, a blank line between each: validation_r26's 印江
    # 倡议书, its first organ lost to stacked_signature's two lines, untouched), and no line further off (a list's last item,
    # 2、職能單位末位排名 / 交通局, two blank lines over 舟曲縣…辦公室 sitting on its date: validation_r22's 舟曲 通报, joined
    # to it on its untouched run and since)
    "stacked_signature_run": frozenset({"validation_r26", "validation_r22"}),
    # round 25, from validation_r25's untouched misses where the cause is shown in another family's: a model-text site's
    # counter of its first piece set on the piece's heading line, after it (街道创建文明城市工作总结【篇1】, validation_r25's
    # 留学群 page, its 总结 lost with it; 門前五包承諾書篇一, validation_r26's page) or before it (第1篇 2023年社區文明創建
    # 年終工作總結, validation_r26's pinyin mirror): the site's count, no word of the heading (all three untouched misses)
    "piece_counter": frozenset({"validation_r25", "validation_r26"}),
    # cross-family round 3: a news item's headline over the document it carries is the item's; the document's own
    # heading stands alone straight over its 主送, 称谓 or first sentence, naming the same kind (保定腰山镇…的通告 and a 导语
    # over 腰山镇…的通告: gov_site_pages_2's 本地宝 page, read by its menu_lines, so missed held out; @印江人,请接力这份
    # “门前三包”倡议书 over 履行“门前三包”责任倡议书 / 亲爱的…朋友们: validation_r26's 印江 page, untouched and since), or
    # after the item's 全文如下： in a repost run into one line (validation_r28's forum repost of the State Council office's
    # notice, its news headline read, untouched and since)
    "headline_over_heading": frozenset({"gov_site_pages_2", "validation_r26", "validation_r28"}),
    # round 30, from validation_r30's untouched misses where the cause is shown in another family's: a 总结 whose author is
    # named only as the subject of its opening sentence (市工商局充分發揮工商職能作用,開展了…: validation_r30's p719 page, a
    # collection's first piece), as validation_r28's 振兴街道 summary names its own (2008年街道办工作总结一年来,振兴街道办事处在
    # 区党工委、管委会的正确领导下…, a document-sharing page with no 署名), both untouched misses
    "summary_subject": frozenset({"validation_r30", "validation_r28"}),
    # cross-family round 3: a table's <caption> is its heading, as HTML says: set before the table, not read as its
    # first row's cell, and the page's title when the main text opens with it and leaves the page's own header out (县级考核依据, a platform
    # panel's header, over <caption>石城县2018年度…考核细则</caption>: validation_r28's two river-chief pages, untouched and
    # since); no other family's page has a <caption>: validation_r28 alone
    "table_caption": frozenset({"validation_r28"}),
    # cross-family round 3: a Typst source (.typ) is read as Typst: a call gives its content blocks' words and nothing
    # of its arguments, set-up lines and layout calls are dropped, and a line that is one styled call alone before the
    # first paragraph (#underline[请出席2024年度毕业典礼筹委会议(3)]) is the file's title hint (#align(right)[日期：…] had
    # been the title: validation_r28's school notice, untouched and since); no other family has a Typst file: its alone
    "typst_markup": frozenset({"validation_r28"}),
    # round 31, from validation_r31's untouched misses where the cause is shown in another family's: a 决议's or 决定's
    # (…会议通过) line, its 成文日期, not read when other lines stand between it and the heading: a translation site's
    # English title and note around the NPC Standing Committee's 决定 (validation_r31, untouched), a city congress site's
    # bulleted rows (• 阅读: / • 时间: / • 来源:) before • (2023年1月8日…通过) (congress_documents' 宁波 决议, untouched and since)
    "adoption_line": frozenset({"validation_r31", "congress_documents"}),
    # cross-family round 4: a chapter line set under the heading of rules or measures (第一章 总 则, 第一章总则) is the
    # text's first division, never the heading's wrapped end: validation_r31's 盐池 工作规则 (盐池县人民政府工作规则 /
    # 第一章 总 则, read 盐池县人民政府工作规则第一章总则 on its untouched run and since); the same form, a chapter line
    # under the rules' own heading, in validation_r31's 广安 and 阿拉山口 pages, validation_r11's 广东 办法, validation_r13's
    # 菏泽 and 贵州 办法, validation_r23's 嘉定 and 柘林 规定, gov_site_pages' 太湖, gov_site_pages_2's 阳泉 and
    # gov_site_pages_5's 禄丰, 许昌, 镇巴 and 浦东 rules (each a blank line or a notice's title away from being read so)
    "chapter_line_not_title": frozenset({"validation_r31", "validation_r11", "validation_r13", "validation_r23",
                                         "gov_site_pages", "gov_site_pages_2", "gov_site_pages_5"}),
    # cross-family round 4: HTML's blank-space entities left in a text copy (&nbsp;, &emsp;, &#12288;…) are blanks, never
    # a word of the line they end: validation_r31's PHP fragment read as text (　　后勤保障处&nbsp; / 　　2016年1月10日&nbsp;:
    # neither its 署名 nor its date read, untouched and since) and validation_r28's notification.jsp, read as text on its
    # untouched run (二○一二年十二月三十一日&nbsp;&nbsp;…: its date not read)
    "html_space_entities": frozenset({"validation_r31", "validation_r28"}),
    # cross-family round 4: a collection's name counts its pieces in brackets whatever word the site sets before the count
    # (小學未成年思想道德建設工作總結(優質15篇) over …工作總結篇一: validation_r30's p719 page, the collection's name and its counter
    # read), and its first piece may be numbered by a bare 1 after its heading, which the collection's name holds
    # (2021年文明創建工作總結(通用6篇) / 文明創建工作總結1: validation_r30's 國文雲 page, the collection's name read; 文明城市倡议书15篇 /
    # 文明城市倡议书1: validation_r32's wanwen page, the 1 kept, no 文种), all three untouched misses; the site's count and
    # number are no words of the heading (widens collection_first_piece and site_copy_names' piece number); widened in
    # round 33 to a page's name that counts nothing, the site's year before the piece's heading (2020年最美志愿者策劃方案
    # / … / 最美志愿者策劃方案1: validation_r33's vspos page, the page's name read, untouched), read as site_copy_year reads
    # a year-named page over the heading it holds
    "collection_counts": frozenset({"validation_r30", "validation_r32", "validation_r33"}),
    # organ names: a 署名 set deeper than the text in a page's source, a name line alone over its date line, is not joined
    # to the sentence before it as a paragraph the source wrapped (read/extract/html.py): validation_r28's party school
    # 督查通报 (…按照从严治校的工作要求 / 校监察室 / 2018年3月29日: 工作要求校监察室, no 署名, untouched and since); no other
    # labelled page's 署名 was joined so: validation_r28 alone
    "signer_line_unwrapped": frozenset({"validation_r28"}),
    # cross-family round 4: a document-sharing site's sentence naming the file it shares (《….docx》由会员分享,可在线阅读…) over
    # a text that opens with that name run into its first words: the name is the heading, whatever its kind (村(居)民“门前三包”
    # 责任书为切实加强…: validation_r30's 优知文库 page, the file's name read on its untouched run and since); the same form, the
    # site's sentence over the heading run into the text, in validation_r14's 函 (…的函XXXX水泥公司:…), validation_r24's 天天文库
    # notice (1、关于开展…的通知关于开展…) and scanned_or_docx_like's 望远镇 report and 创文倡议书 (1、创建文明城市整改报告篇4县创城
    # 指挥部办公室:…), read by the heading readers before it (run_on_heading, clerk_title, sharing_site_lead) or numbered by the site
    "sharing_file_name": frozenset({"validation_r30", "validation_r14", "validation_r24", "scanned_or_docx_like"}),
    # round 32's rules: a line that is the 称谓 or the 主送 alone (尊敬的各位领导：, 各位领导、同志们：, 各区县人民政府，市政府
    # 各部门：) is never the title, whichever reading would take it, and a text that opens with one has no heading above it:
    # validation_r32's Markdown 述职报告 (its greeting 尊敬的各位领导： read as the title by the first-line stand-in, untouched);
    # the same form, a text whose first line is its 称谓 or 主送 with no heading above, in state_council_reports and
    # source_records_more (各位代表：), cpc_congress_reports (同志们：), office_paperwork's and validation_r18's speeches
    # (同志们:), gov_site_pages_4's 批复 (县水务局:), gov_site_pages_5's 禄丰 rules, gov_site_pages_6's 人社厅 page,
    # validation_r16's 略阳 通报, validation_r18's 申请 and 推选通知, validation_r20's 许昌 notice, validation_r21's school
    # notice, validation_r24's 盘山 notice and validation_r28's 集团 notice (each read right by its own heading or file name)
    "address_not_title": frozenset({"validation_r32", "state_council_reports", "source_records_more",
                                    "cpc_congress_reports", "office_paperwork", "gov_site_pages_4", "gov_site_pages_5",
                                    "gov_site_pages_6", "validation_r16", "validation_r18", "validation_r20",
                                    "validation_r21", "validation_r24", "validation_r28"}),
    # round 32's rules: a blog or site generator's front matter (Hugo, Jekyll, Hexo: title: / date:, in YAML, in Hugo's
    # TOML between +++ lines, or YAML closed by --- alone) is the file's record of the post: its title the file's title
    # hint, naming the kind as a heading does, read where the body has no heading of its own; its date (and a record's
    # 发布日期) the post's day, kept as the posting day (网页发布时间), never the 成文日期: validation_r32's Markdown
    # 述职报告 (title: 年度述职报告 over a body opening at its 称谓: no title, no 文种, untouched); no other labelled file has
    # such keys (validation_r23's records carry 发布日期, whose posting day is now kept, unscored): validation_r32 alone
    "site_front_matter": frozenset({"validation_r32"}),
    # round 32's rules: a first line that is plainly a piece of a sentence (ends in ，、；, or runs past 40 characters with
    # clause marks inside) is never the first-line stand-in for the title, and the file's name stands in: the clerk
    # trial's scanned page that starts mid-document (好政治关、法律关…, read by OCR) had it for title; the same form in
    # ocr_scans' Guangdong_test.pdf, whose pages 2–4 read alone by OCR open mid-sentence (索改为股权投入，推动…，增强 /
    # …等集中，向前瞻性战略性新兴产业集中。) and took a body line for title under a scanner's file name
    "fragment_not_title": frozenset({"ocr_scans"}),
    # cross-family issuers: an organ read without its place is completed from a heading of the document that names it
    # with the place before it and goes on as a heading does (…关于/印发/转发): validation_r23's 柘林镇 notice (署名
    # 奉贤区柘林镇人民政府 under 上海市奉贤区柘林镇人民政府关于印发…的通知, its untouched miss and held out) and gov_site_pages'
    # 督查通报 (the page's copy of the heading 市创建全国文明城市工作指挥部办公室关于… over the document's own V市创建…办公室
    # 关于…督查通报(2022年·第9期): the organ read without its V, held out)
    # (widened to the government by its own name: 兰州市政府办公厅, the file name's, under the heading 兰州市人民政府办公厅转发…
    # run into its 主送: validation_r14's 兰州 转发 notice, its strict miss)
    "place_from_heading": frozenset({"validation_r23", "gov_site_pages", "validation_r14"}),
    # kinds of writing (the 文种 vocabulary checked against the 2012 条例's 15 kinds, a real 创文办's material names and the
    # labels' own kinds: bench/README.md "Kinds of writing"): a heading ending in a speech's other names (致辞, 致词, 发言稿,
    # 演讲稿, 致辞稿, 讲话提纲) is a 讲话, as the labels file 讲话稿 and 发言: validation_r33's 致辞 page (its untouched miss)
    "speech_words": frozenset({"validation_r33"}),
    # a speaker's greeting after the 称谓 (尊敬的各位领导、各位来宾…：大家下午好) where no heading names the kind: the speech
    # under validation_r30's collection heading (公益志愿服务活动, its untouched miss and since) and validation_r33's 致辞 page
    # (…市长，各位来宾，大家下午好, its untouched miss)
    "speech_greeting": frozenset({"validation_r30", "validation_r33"}),
    # a meeting's notice by its form, the meeting set (兹订于…举行) and those called asked to come (请…准时出席): validation_r28's
    # Typst notice (its untouched miss and since); the form also in gov_site_pages_4's 秀洲 notice (定于…召开 / 准时出席), read
    # right by its heading, so not credited (the credit audit's rule)
    "meeting_notice_wording": frozenset({"validation_r28"}),
    # a 请示 known only by its ask, …，请批示: split from closing_formulas (validation_r17's, whose 请示 page's untouched miss
    # was its 妥否,请批示) and widened to the question a 请示 puts in its own words, 可否筹备，请批示 (validation_r18's
    # Traditional 申请, its untouched miss and since): one cause, both families' untouched misses; closing_formulas keeps the
    # 报告/函/通知/公告 formulas, validation_r17's alone
    "ask_closing": frozenset({"validation_r17", "validation_r18"}),
    # cross-family round 5: a chosen title that does not look like one (no title ending, or a form no labelled title has:
    # a table's bar, a clock time, markup, a page label, a file name's shape) gives way to a whole title another of the
    # reader's title readings finds in the same text (gongwen_title_shape.shaped_title): validation_r24's 天天文库 page
    # (its page label 浏览记录 read over the site's 《关于开展…的通知》由会员上传分享 sentence), validation_r23's records (the
    # scraper's note 本文正文由脚本自…提取，仅供检索查阅；… or the file's name cut at …的通 standing in, three headings
    # under it) and validation_r17's writing-guide page (its page name 会议记录是怎么样的格式(3) over the model record
    # xx市xxx区xxx办公会议记录), each read wrong without it where its own rules are off
    "title_shape": frozenset({"validation_r24", "validation_r23", "validation_r17"}),
    # an essay site's lead naming the piece it carries (下面是小编为大家整理的街道关于创城工作进展情况报告,供大家参考。): the kind its
    # name ends in, where neither heading nor form named one: validation_r26's hanjia777 page (no heading of its own, its
    # untouched miss and since); the lead stands over fourteen more labelled pages of nine families (validation_r17 to r20,
    # r24, r26, r30, r32, r33): twelve name the kind their label gives, two no kind (…工作要点7篇, 《…工作制度》); all read
    # right by their headings, so not credited
    "site_blurb_kind": frozenset({"validation_r26"}),
    # round 34: a record run into one line whose heading stands among the words it sets apart by spaces near its start,
    # after a cover's or page head's words: the first such word that is a whole title, with a bracketed mark set after it
    # (gongwen_copies.spaced_run_heading): validation_r34's 1975 record of speeches as an archive's OCR text (OCR noise,
    # then 王洪文、纪登奎同志在…会议上的讲话 (记录稿), the file's name read on its untouched run) and validation_r28's gazette record
    # as Markdown (# 院會紀錄 院 會紀錄 立法院第6屆第2會期第8次會議紀錄 時  間 …, the file's name read on its untouched run and since)
    "spaced_run_heading": frozenset({"validation_r34", "validation_r28"}),
    # round 34: a dataset viewer's page (the columns' header, each name over its type: stringlengths, int64 …; a |---| rule;
    # rows of cells set apart by " | ") read as the cells its rows hold, a line each, the header blanked
    # (gongwen_viewer.viewer_rows): validation_r34's viewer row (20,922 | 2020-10-13 | 山西省…的通知 | 山西省…的通知: nothing
    # read, the header's index taken for the title, on its untouched run) and validation_r29's (the header's value | taken for
    # the title, the speech's heading in a cell never read, on its untouched run and since; its heading's spaced name line
    # still left out); validation_r33's row of the same owner, read right before, reads the same
    "viewer_rows": frozenset({"validation_r34", "validation_r29"}),
    # a page's word set over a heading that is whole without it, taken as the heading's first words (接访信息详情 /
    # 杏林社区…实施方案): measured by the formats bench's web_wrapped form, the written documents set in the real
    # furniture of the labelled web pages; credited to the families whose real pages carry such a word right over the
    # heading: validation_r25's 接访信息详情, validation_r30's 太仓政策法规, validation_r16's 议案(建议)办理, validation_r17's
    # 静网PWA視頻評論, validation_r20's 全球旧事资料 分类, gov_site_pages_6's 政府信息公开
    "page_word_over_heading": frozenset({"validation_r25", "validation_r30", "validation_r16", "validation_r17",
                                         "validation_r20", "gov_site_pages_6"}),
    # organ lines set straight over a title line that the reading skips to from a page's word above them (接访信息详情 /
    # 中共江南市委办公室 / 江南市人民政府办公室 / 关于…的通报: the organ lines were dropped with the page's word): measured by
    # web_wrapped; credited to the families whose real pages set organ lines over the heading under page furniture:
    # validation_r25 (渭南文明网: a 来源 row over 中共渭南市委宣传部 / 中共渭南市委文明办 / 关于…), validation_r18 (焦作's crumbs
    # over 焦作市四城联创指挥部 / its heading), validation_r24 (衢州's posting row over 衢州市文明办 / …), validation_r34
    # (黑龙江新闻网's crumbs over the two offices' line / 关于印发…)
    "organs_over_title_below": frozenset({"validation_r25", "validation_r18", "validation_r24", "validation_r34"}),
    # a line opening with a list's bullet (• 黑龙江新闻网 >> 龙江新闻, • 无障碍阅读, • 金华开发区…) set over a whole heading is an
    # item of the page's menu, toolbar or crumbs, never the heading's first words: measured by web_wrapped; credited to the
    # families whose real pages set bulleted lines right over the heading: validation_r34 (黑龙江新闻网's and 内蒙古's
    # bulleted menus), validation_r31 (金华开发区's bulleted crumbs and fields), gov_site_pages_4 (下陆区's • 设为首页 …
    # • 长者版)
    "bullet_not_heading": frozenset({"validation_r34", "validation_r31", "gov_site_pages_4"}),
    # round 36, from validation_r36's untouched misses where another family's untouched first run shows the cause: a
    # heading read with the bars of its table cell (gongwen_copies.unfenced): validation_r36's two JSP pages laid out in
    # tables (| 虹口区…受理条件及流程（试行） |; 广昌县纪委监察部举报网站| 中纪委监察部关于保护检举、控告人的规定 |, the page's
    # <title> run in), validation_r17's 赤水 答复 (词条 | 对…的答复 |) and validation_r18's model-text cell (| 标题:关于…的通知 |),
    # each read with its bars on its untouched run
    "cell_bars": frozenset({"validation_r36", "validation_r17", "validation_r18"}),
    # round 36: a 署名 and its date alone in a table cell whose bars fence them (| 虹口区建设和交通委员会 二○一三年五月二十日 |:
    # validation_r36's 虹口 JSP page, neither read on its untouched run), as gov_site_pages_5's 随州 notice set them on a line
    # ending in the cell's bar (…办公室 2013年4月17日 |, neither read on its untouched run; inline_signature reads that one)
    "cell_signature": frozenset({"validation_r36", "gov_site_pages_5"}),
    # round 36: a page's share widget under the heading, a QR code's caption and the account named over it, taken into the
    # title (gongwen_text._share_widgets): validation_r36's 湖南人大网 mirror (湖南人大微信 / 公眾號二維碼 joined to the heading
    # as its wrapped end, untouched) and validation_r24's law-database page (扫描二维码 分享好友和朋友圈 under the heading
    # read as the title, untouched)
    "share_widget": frozenset({"validation_r36", "validation_r24"}),
    # round 38, from validation_r38's untouched misses where another family's untouched first run shows the cause: a news
    # item's headline that names no kind read for the title of the document it carries, whose own heading stands lower
    # down (gongwen_news._announced): validation_r38's cni.top page (城市更新重大进展!天津市城镇老旧小区更新改造征求意见稿发布 over
    # a 导读 and three news paragraphs, then 天津市城镇老旧小区更新改造工作方案 / (征求意见稿) / 一、总体要求: the headline read,
    # no 文种), as validation_r28's forum repost set a headline naming no kind (国务院成立…领导小组 张高丽任组长) over the
    # State Council office's notice it carries, read for the title on its untouched run
    "headline_subject": frozenset({"validation_r38", "validation_r28"}),
    # cross-family round 6: the date in brackets on the line straight under the heading the reader settled on, where the
    # heading block stopped short of it (gongwen_dates.title_date), each an untouched 成文日期 miss still missed held out:
    # validation_r35's Markdown repost ((2022年4月17日) under **第59号公告**, a reposter's headline over the organ lines),
    # validation_r36's 广昌 JSP page ((1996年1月15日) run into the first article's line of the heading's table cell, the
    # site's name over the heading), validation_r29's viewer row ((2018年5月15日) under a speech's spaced 讲 话 in an input
    # cell) and validation_r34's viewer row ((晋政办发〔2020〕84号2020年10月13日), a law database's 文号 before the date)
    "date_under_title": frozenset({"validation_r35", "validation_r36", "validation_r29", "validation_r34"}),
    # cross-family round 7: a heading's first words left on the line above the lines the reading took it from, in a block
    # a date in brackets closes (gongwen_title_lead.heading_lead_line), each an untouched 标题 miss still missed held out:
    # validation_r35's Markdown repost (哈尔滨市应对新型冠状病毒 / 感染肺炎疫情工作指挥部 / 第59号公告 / (2022年4月17日): an
    # organ's name wrapped before its organ word, under a reposter's headline) and validation_r29's viewer cell (冯 云 波 同 志 /
    # 在2018年县政府第一次学习会议上的 / 讲 话 / (2018年5月15日): the speaker's line over the meeting)
    "heading_lead_line": frozenset({"validation_r35", "validation_r29"}),
    # round 41, from validation_r41's untouched issuer miss where another family's untouched first run shows the cause: the
    # author named only in the sentence by which the document makes itself known (…如下), as the organ that drew it up or
    # whose study decided it (gongwen_issuers.maker_in_opening): validation_r41's model-text page (滿洲里市地稅局作為重要的
    # 行政執法部門,研究制定創建全國文明城市工作方案如下, no 署名) and validation_r33's news-site 通告 (经市城市管理委员会研究决定,
    # …,现将有关事项通告如下, the date alone under it), both empty on their untouched runs and since
    "maker_in_opening": frozenset({"validation_r41", "validation_r33"}),
} | ROUNDS_42_ON
