<%@ page contentType="text/html;charset=UTF-8" pageEncoding="UTF-8" %>
<%@ include file="/common/taglibs.jsp" %>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
    <meta http-equiv="Content-Type" content="text/html; charset=utf-8"/>
    <title>欢迎访问${siteName}--网上办事</title>
    <link href="images/style.css" rel="stylesheet" type="text/css"/>
</head>

<body>
<div class="Header">
    <div class="title_wsbs"><img src="${ctx}/view/www/images/wsbsdt_6.jpg" width="969" height="113"/></div>
    <div class="clr"></div>
</div>
<div class="ContentHome">
    <div class="table_line">
        <table width="100%" border="0" cellpadding="0" cellspacing="0">
            <tr>
                <td align="center" bgcolor="#FFFFFF"><br/>
                    <table width="95%" border="0" align="center" cellpadding="0" cellspacing="0">
                        <tr>
                            <td class="table_line2">
                                <table width="97%" border="0" align="center" class="table_text">
                                    <tr>
                                        <td align="center"><p><strong>虹口区小型工程和中小修养护整治项目<br/>
                                            履行简易建设程序受理条件及流程（试行）</strong><br/>
                                        </p></td>
                                    </tr>
                                    <tr>
                                        <td>&nbsp;&nbsp;&nbsp;&nbsp;根据《上海市人民政府印发〈关于进一步规范本市建筑市场加强建设工程质量安全管理的若干意见〉》(沪府发[2011]1号)、《上海市虹口区人民政府办公室关于转发区建设交通委制定的〈虹口区虹口区小型工程和中小修养护整治项目履行简易建设程序暂行规定〉的通知》（沪松府办[2013]31号）和《上海市虹口区人民政府关于印发〈关于进一步明晰各类工程建设项目行政监督职能分工的意见〉的通知》（沪松府办[2013]37号）等相关文件精神，结合本区实际情况，本着规范、简便、高效的原则特制定本流程。</td>
                                    </tr>
                                    <tr>
                                        <td class="table_title">一、受理条件<br/></td>
                                    </tr>
                                    <tr>
                                        <td>（一）必须具有法人资格或依法成立的其他组织；<br/>
                                            （二）新建、改建、扩建项目须凭发改委立项或备案文件；装饰装修及小型修缮项目不改变主体结构的项目，凭上级主管部门批准文件或公司董事会决议等文件；中小修、养护市政项目及各类整治项目，凭上级主管部门批准文件；
                                            <br/>
                                            （三）建设资金已落实；<br/>
                                            （四）满足施工条件，须具有资质的设计单位正式出具的施工蓝图；发包给具有相应施工资质准入的建筑（装潢）施工企业；开工前须签订施工承发包合同；建设单位应配备与工程规模相适应的安全质量管理人员或委托监理，施工单位应配备专职现场安全质量管理人员。如果工程涉及结构性变动的，应提交施工图审查（咨询）意见书。
                                        </td>
                                    </tr>
                                    <tr>
                                        <td class="table_title">二、受理流程<br/></td>
                                    </tr>
                                    <tr>
                                        <td><strong>（一）项目报建流程</strong><br/>
                                            建设单位填写《虹口区小型建设工程项目报建表》（表一），一式二份，并携带下列资料：<br/>
                                            1、企业法人营业执照副本（提供原件复核）或其他有关证明复印件（提供原件复核）；<br/>
                                            2、立项文件或有关相应的批准文件（提供原件复核）；<br/>
                                            3、资金落实承诺书（提供原件）；<br/>
                                            4、法定代表人委托书（提供原件）；<br/>
                                            5、经办人员身份证复印件（提供原件复核）；<br/>
                                            6、装修工程还需提交房屋产权证、房屋租赁合同或相关证明复印件（提供原件复核）。<br/>
                                            7、其他相关材料。<br/>
                                            资料齐全当即办结，并核发已确认盖章的《虹口区小型建设工程报建表》（表一）。<br/>
                                            <br/>
                                            <strong>（二）施工承发包、合同登记备案并联流程（注：需收取交易费）</strong><br/>
                                            建设单位填写《虹口区小型建设工程合同登记备案表》（表三），一式二份，并携带下列资料：<br/>
                                            1、施工承发包合同复印件（提供原件复核）;<br/>
                                            2、《虹口区小型建设工程施工项目（交易成交）通知书》（表二），一式三份。<br/>
                                            3、其他相关材料。<br/>
                                            资料齐全当即办结，并核发已确认盖章的《虹口区小型建设工程施工项目（交易成交）通知书》（表二）、《虹口区小型建设工程合同登记备案表》（表三）。<br/>
                                            <br/>
                                            <strong>（三）安全质量监督申报流程</strong><br/>
                                            建设单位填写《虹口区小型建设工程安全质量监督申报表》（表四），一式三份，并携带下列资料：<br/>
                                            1、安全防护文明措施费清单；<br/>
                                            2、渣土处置证；<br/>
                                            3、其他相关材料。<br/>
                                            资料齐全当场办结，并核发《虹口区小型建设工程安全质量监督申报办结单》（表五）。<br/>
                                            <br/>
                                            <strong>（四）竣工验收备案流程 </strong><br/>
                                            建设单位填写《虹口区小型建设工程竣工验收备案申报表》（表六），一式三份，并携带下列资料：<br/>
                                            1、《虹口区小型建设工程竣工验收报告》（原件）； <br/>
                                            2、建设工程支付工程款付款证明（原件）； <br/>
                                            3、规划部门出具的认可文件（复印件）； <br/>
                                            4、公安消防部门出具的认可文件（复印件）； <br/>
                                            5、环保部门出具的认可文件（复印件）<br/>
                                            6、其他相关材料。<br/>
                                            资料齐全当场受理，出具《虹口区小型建设工程竣工验收备案申报资料收齐单》（表七）。
                                        </td>
                                    </tr>
                                    <tr>
                                        <td class="table_title">三、附件<br/></td>
                                    </tr>
                                    <tr>
                                        <td><a href="${ctx}/view/www/doc/虹口区小型建设工程项目报建表（表一）.doc" target="_blank">1．《虹口区小型建设工程项目报建表》
                                            （表一）</a><br/>
                                            <a href="${ctx}/view/www/doc/虹口区小型建设工程施工项目（交易成交）通知书（表二）.doc" target="_blank">2．《虹口区小型建设工程施工项目（交易成交）通知书》
                                                （表二）</a><br/>
                                            <a href="${ctx}/view/www/doc/虹口区小型建设工程合同登记备案表（表三）.doc" target="_blank">3．《虹口区小型建设工程合同登记备案表》
                                                （表三）</a><br/>
                                            <a href="${ctx}/view/www/doc/虹口区小型建设工程安全质量监督申报表（表四）.doc" target="_blank">4．《虹口区小型建设工程安全质量监督申报表》
                                                （表四）</a><br/>
                                            <a href="${ctx}/view/www/doc/虹口区小型建设工程安全质量监督申报办结单（表五）.doc" target="_blank">5．《虹口区小型建设工程安全质量监督申报办结单》
                                                （表五）</a><br/>
                                            <a href="${ctx}/view/www/doc/虹口区小型建设工程竣工验收备案申报表（表六）.doc" target="_blank">6．《虹口区小型建设工程竣工验收备案申报表》
                                                （表六）</a><br/>
                                            <a href="${ctx}/view/www/doc/虹口区小型建设工程竣工验收备案申报资料收齐单（表七）.doc" target="_blank">7．《虹口区小型建设工程竣工验收备案申报资料收齐单》
                                                （表七）</a></td>
                                    </tr>
                                    <tr>
                                        <td align="right"><p><strong>虹口区建设和交通委员会<br/>
                                            二○一三年五月二十日</strong></p></td>
                                    </tr>
                                    <tr>
                                        <td>&nbsp;</td>
                                    </tr>
                                </table>
                            </td>
                        </tr>
                    </table>
                    <br/>

                    <br/>
                    <%--<input type="button" value="进入申报" onclick="window.location='${ctx}/netProject/login.do'" class="button_long">--%>
                    <br/><br/>
                </td>
            </tr>
        </table>

    </div>
</div>


<div class="clr"></div>

<div class="Foot">
    <div class="icp">
        <p>
            <a href="${ctx}/site/index.do?type=index">返回首页</a> |
            <a href="${ctx}/site/list.do?type=${OA_PUBLIC_INFO_TYPE_INTRODUCTION}">机构介绍</a> |
            <a href="${ctx}/site/list.do?type=${OA_PUBLIC_INFO_TYPE_NEWS}">建管要闻</a> |
            <a href="${ctx}/site/list.do?type=${OA_PUBLIC_INFO_TYPE_WORK}">工作动态</a> |
            <a href="${ctx}/site/list.do?type=${OA_PUBLIC_INFO_TYPE_BULLETIN}">公告公示</a> |
            <a href="${ctx}/site/list.do?type=${OA_PUBLIC_INFO_TYPE_POLICY}">政策法规</a> |
            <a href="${ctx}/site/list.do?type=${OA_PUBLIC_INFO_TYPE_STANDARD}">现行标准</a> |
            <a href="${ctx}/site/list.do?type=${OA_PUBLIC_INFO_TYPE_PIC}">行业风采</a> |
            <a href="${ctx}/site/list.do?type=${OA_PUBLIC_INO_TYPE_PARTYMEMBER}">党群天地</a> |
        </p>

        <p>上海市虹口区建筑建材业管理署 版权所有 地址：上海市虹口区茸北路690号　电话：57786700　E-mail：sjqjgs@126.com</p>
    </div>
    <div class="clr"></div>
</div>
</body>
</html>
