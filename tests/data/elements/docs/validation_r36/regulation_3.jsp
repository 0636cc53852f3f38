<%@ page contentType="text/html;charset=UTF-8" language="java" %>
<%@ include file="/WEB-INF/include/preload.jsp"%>

<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0, user-scalable=0, minimum-scale=1.0, maximum-scale=1.0">
<meta name="apple-mobile-web-app-capable" content="yes">
<meta name="apple-mobile-web-app-status-bar-style" content="black">

<script type="text/javascript" src="${ctx}/plugins/jquery/2.1.4/jquery.min.js"></script>

<title>广昌县纪委监察部举报网站</title>
<style>
body {
	background-image: url(${ctx}/img/report/bg.gif);
    background-repeat: repeat;
    padding: 0px 0px 0px 0px;
    margin: 0px 0px 0px 0px;
}
</style>
</head>

<body>
	<div style="border: 1px solid #FFFF00; background-color: #FFFFFF; height: 100%; width: 1000px; margin: 0px auto 0px auto; top: 0px; bottom: 0px;">
		<%@ include file="/WEB-INF/pages/portal/report/top.jsp"%>
	   
		<div style="width: 800px; margin-right: auto; margin-left: auto">
			<div name="lawContext" id="lawContext" style="overflow: auto;height:auto;">
				<table border="0" cellspacing="0" cellpadding="0" width="650" align="center">
					<tbody>
						<tr>
							<td class="title" height="50" align="middle"><strong>中纪委监察部关于保护检举、控告人的规定</strong></td>
						</tr>
						<tr>
							<td class="content" valign="top">
								<div align="center">（1996年1月15日）</div>
								<p>　　第一条　为了保障检举、控告人依法行使检举、控告的权利，维护检举、控告人的合法权益，促进党风廉政建设和反腐败斗争，根据《中国共产党党员权利保障条例》和行政监察法律、法规，制定本规定。 </p>
								<p>　　第二条　任何单位和个人有权向纪检监察机关检举、控告党组织、党员以及国家行政机关、国家公务员和国家行政机关任命的其他人员违纪违法的行为。 </p>
								<p>　　任何单位和个人不得以任何借口阻拦、压制检举、控告人依法进行的检举、控告。 </p>
								<p>　　第三条　检举、控告人应据实检举、控告，不得捏造事实、制造假证、诬告陷害他人。 </p>
								<p>　　纪检监察机关对如实检举、控告的，应给予支持、鼓励。对检举、控告有功的，应给予奖励。对检举、控告不实的，必须分清是错告还是诬告。对错告的，应澄清事实；对诬告的，应依照有关规定予以处理。 </p>
								<p>　　第四条　纪检监察机关受理检举、控告和查处检举、控告案件，必须严格保密： </p>
								<p>　　(一)纪检监察机关应设立检举、控告接待室，接受当面检举、控告应单独进行，无关人员不得在场。 </p>
								<p>　　(二)检举、控告信函的收发、拆阅、登记，当面或电话检举、控告的接待、接听、记录、录音等工作，应建立健全责任制，严防泄密或遗失检举、控告材料。 </p>
								<p>　　(三)对检举、控告人的姓名、工作单位、家庭住址等有关情况及检举、控告的内容必须严格保密，严禁将检举、控告人的有关情况以及检举、控告的内容透露给被检举、控告单位和被检举、控告人以及其他单位和人员。 </p>
								<p>　　(四)检举、控告材料列入密件管理，不得私自摘抄、复制、扣压、销毁。 </p>
								<p>　　(五)检举、控告材料，除查处案件工作需要外，不得向有关人员出示；因查处案件工作需要出示的，必须经本委、部(厅、局)主管领导批准，并隐去可能暴露检举、控告人的身份的内容。 </p>
								<p>　　(六)核实情况必须在不暴露检举、控告人的情况下进行。 </p>
								<p>　　(七)未经检举、控告人同意，不得公开检举、控告人的姓名、工作单位及其他有关情况。 </p>
								<p>　　第五条　受理机关工作人员无意或故意泄露检举、控告情况的，应追究责任，严肃处理。 </p>
								<p>　　第六条　严禁将检举、控告材料转给被检举、控告单位或被检举、控告人。 </p>
								<p>　　第七条　任何单位和个人不得擅自追查检举、控告人。对确属诬告陷害，需要追查诬告陷害者的，必须经地、市级以上(含地、市级)党的委员会、政府或纪检监察机关批准。 </p>
								<p>　　第八条　对匿名检举、控告材料，除查处案件需要外，不得擅自核对笔迹或进行文检；因查处案件工作需要核对笔迹或进行文检的，必须经地、市级以上(含地、市级)纪检监察机关批准。 </p>
								<p>　　第九条　受理机关工作人员有下列情形之一的，应当回避： </p>
								<p>　　(一)是被检举、控告人或被检举、控告人近亲属的； </p>
								<p>　　(二)本人或近亲属与被检举、控告问题有利害关系的； </p>
								<p>　　(三)与检举、控告问题有其他关系，可能影响检举、控告问题公正处理的。 </p>
								<p>　　受理机关工作人员应当主动提出回避，检举、控告人有权要求其回避，回避决定由受理机关作出。 </p>
								<p>　　第十条　任何单位和个人不得以任何借口和手段打击报复检举、控告人及其亲属或假想检举、控告人。 </p>
								<p>　　指使他人打击报复的，或者被指使人、被指使单位的主要负责人和直接责任人员明知实施的行为是打击报复的，以打击报复论处。 </p>
								<p>　　第十一条　打击报复检举、控告人的，纪检监察机关应分别不同情况予以处理： </p>
								<p>　　(一)对于正在实施的打击报复行为，纪检监察机关应在其职权范围内采取措施及时制止，并予以处理，或者及时移送有关部门予以处理。 </p>
								<p>　　(二)检举、控告人因被打击报复而受到错误处理的，纪检监察机关应在其职权范围内依照有关规定予以纠正，或者建议有关部门予以纠正。 </p>
								<p>　　(三)检举、控告人因被打击报复而造成人身伤害及名誉损害、财产损失的，纪检监察机关应在其职权范围内负责处理，或者移送有关部门予以处理。 </p>
								<p>　　第十二条　违反本规定的，应依照党纪、政纪的有关规定给予党纪处分、行政处分或其他处理；构成犯罪的，移送司法机关依法追究刑事责任。 </p>
								<p>　　第十三条　纪检监察机关受理纪检监察业务范围内的港澳台胞、华侨及外国人的检举、控告，适用本规定。 </p>
								<p>　　第十四条　本规定由中共中央纪律检查委员会、中华人民共和国监察部负责解释。 </p>
								<p>　　第十五条　本规定自发布之日起施行</p>
							</td>
						</tr>
					</tbody>
				</table>
			</div>
			<div style="width: 160px; margin-right: auto; margin-left: auto; margin-bottom: 20px;">
              	<a href="${ctx}/report/JBXZ" style="margin-right: auto; margin-left: auto"><img height="43px" src="${ctx}/img/report/02pic.gif" width="160px" border="0"></a>
			</div>
		</div>
	
		<%@ include file="/WEB-INF/pages/portal/report/footer.jsp"%>
		
    </div>
</body>

<script>
;(function() {
	
})();
</script>
</html>