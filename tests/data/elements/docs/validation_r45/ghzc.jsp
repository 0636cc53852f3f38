<%@page contentType="text/html;charset=utf-8"%>
<%@include file="/taglibs.jsp"%>
<%pageContext.setAttribute("currentHeader", "gh-home");%>
<%pageContext.setAttribute("currentMenu", "gh-fg");%>
<!doctype html>
<html lang="en">

  <head>
    <%@include file="/common/meta.jsp"%>
    <title><spring:message code="plain-info.plain-info.input.title" text="编辑"/></title>
    <%@include file="/common/s.jsp"%>
    <script type="text/javascript">
$(function() {
    $("#plain-infoForm").validate({
        submitHandler: function(form) {
			bootbox.animate(false);
			var box = bootbox.dialog('<div class="progress progress-striped active" style="margin:0px;"><div class="bar" style="width: 100%;"></div></div>');
            form.submit();
        },
        errorClass: 'validate-error'
    });
    
})
    </script>
  </head>

  <body>
        <%@include file="/header.jsp"%>

    <div class="row-fluid">
	  <%@include file="/menu/gh-workspace.jsp"%>

	  <!-- start of main -->
      <section id="m-main" class="span10">

<article class="m-widget  ">
<header class="header">
		  <h4 class="title"></h4>
		</header>
<div class="content content-inner  ">

<div class=WordSection1 style='layout-grid:18.0pt'>

<h1 align=center style='margin:0cm;margin-bottom:.0001pt;text-align:center;
background:white'><span class=title><span style='font-size:22.5pt;font-family:
"微软雅黑",sans-serif;color:red'>中国工会章程</span></span></h1>

<p class=MsoNormal style='line-height:15.0pt;background:white'><a
name=4920781-5139902-1></a><a name=4920781-5139902-2></a><b><span
style='font-family:"微软雅黑",sans-serif;color:black'>总</span></b><b><span
style='font-family:"Microsoft Yahei",serif;color:black'> </span></b><b><span
style='font-family:"微软雅黑",sans-serif;color:black'>则</span></b></p>

<p style='margin:0cm;margin-bottom:.0001pt;text-indent:21.0pt;line-height:19.5pt;
background:white'><span style='font-size:10.5pt;color:black'>中国工会是</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/1475840.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>中国共产党</span></span></a></span><span
style='font-size:10.5pt;color:black'>领导的职工自愿结合的工人阶级群众组织，是党联系职工群众的桥梁和纽带，是国家政权的重要社会支柱，是会员和职工利益的代表。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;text-indent:21.0pt;line-height:19.5pt;
background:white'><span style='font-size:10.5pt;color:black'>中国工会以宪法为根本活动准则，按照《</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/5369975.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>中华人民共和国工会法</span></span></a></span><span
style='font-size:10.5pt;color:black'>》和《中国工会章程》独立自主地开展工作，依法行使权利和履行义务。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;text-indent:21.0pt;line-height:19.5pt;
background:white'><span style='font-size:10.5pt;color:black'>工人阶级是我国的领导阶级，是先进生产力和生产关系的代表，是改革开放和社会主义现代化建设的主力军，是维护社会安定的强大而集中的社会力量。中国工会高举中国特色社会主义伟大旗帜，以马克思列宁主义、毛泽东思想、邓小平理论和</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>“</span><span
style='font-size:10.5pt;color:black'>三个代表</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>”</span><span
style='font-size:10.5pt;color:black'>重要思想为指导，深入贯彻落实科学发展观，贯彻执行党的以经济建设为中心，坚持四项基本原则，坚持改革开放的基本路线，推动党的全心全意依靠工人阶级的根本指导方针的贯彻落实，全面履行工会的社会职能，在维护全国人民总体利益的同时，更好地表达和维护职工的具体利益，团结和动员全国职工自力更生，艰苦创业，为把我国建设成为富强民主文明和谐的社会主义现代化国家而奋斗。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;text-indent:15.75pt;line-height:
19.5pt;background:white'><span style='font-size:10.5pt;color:black'>中国工会的基本职责是维护职工合法权益。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会动员和组织职工积极参加建设和改革，努力促进经济、政治、文化和社会建设；代表和组织职工参与国家和社会事务管理，参与企业、事业单位和机关的民主管理；教育职工不断提高思想道德素质和科学文化素质，建设有理想、有道德、有文化、有纪律的职工队伍。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会在社会主义市场经济条件下，坚持走中国特色社会主义工会发展道路，坚持组织起来、切实维权的工作方针，坚持以职工为本，主动依法科学维权的维权观，维护职工的经济、政治、文化和社会权利，参与协调劳动关系和社会利益关系，努力构建和谐劳动关系，促进经济发展和社会的长期稳定，为</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/572078.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>全面建设小康社会</span></span></a></span><span
style='font-size:10.5pt;color:black'>、构建社会主义和谐社会做贡献。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会维护工人阶级领导的、以工农联盟为基础的人民民主专政的</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/1838165.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>社会主义<span lang=EN-US>国家</span></span></span></a></span><span
style='font-size:10.5pt;color:black'>政权，协助人民政府开展工作，依法发挥民主参与和社会监督作用。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会在企业、事业单位中，按照促进企事业发展、维护职工权益的原则，支持行政依法行使管理权力，组织职工参加民主管理和民主监督，与行政方面建立协商制度，保障职工的合法权益，调动职工的积极性，促进企业、事业的发展。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会实行产业和地方相结合的组织领导原则，坚持民主集中制。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会坚持群众化、民主化，保持同会员群众的密切联系，依靠会员群众开展工会工作。各级工会领导机关坚持把工作重点放到基层，全心全意为基层、为职工服务，增强基层工会的活力，把工会建设成为</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>“</span><span
style='font-size:10.5pt;color:black'>职工之家</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>”</span><span
style='font-size:10.5pt;color:black'>。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会兴办的企业、事业，坚持为改革开放和发展社会生产力服务，为职工群众服务，为推进工运事业服务。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会努力巩固和发展工农联盟，坚持爱国统一战线，加强包括香港特别行政区同胞、澳门特别行政区同胞、台湾同胞和海外侨胞在内的全国各族人民的大团结，促进祖国的统一、繁荣和富强。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会在国际事务中坚持独立自主、互相尊重、求同存异、加强合作、增进友谊的方针，在独立、平等、互相尊重、互不干涉内部事务的原则基础上，广泛建立和发展同国际和各国工会组织的友好关系，同全世界工人和工会一起，为世界的和平、发展、工人权益和社会进步而共同努力。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_2"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第一章会员</span></h3>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_3"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第一条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>凡在</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/1279856.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>中国</span></span></a></span><span
style='font-size:10.5pt;color:black'>境内的企业、事业单位、机关和其他社会组织中，以工资收入为主要生活来源或者与用人单位建立劳动关系的体力劳动者和脑力劳动者，不分民族、种族、性别、职业、宗教信仰、教育程度，承认工会章程，都可以加入工会为会员。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_4"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>职工加入工会，由本人自愿申请，经工会基层委员会批准并发给会员证。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_5"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>会员享有以下权利：</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>一</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>选举权、被选举权和表决权。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>二</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>对工会工作进行监督，提出意见和建议，要求撤换或者罢免不称职的工会工作人员。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>三</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>对国家和社会生活问题及本单位工作提出批评与建议，要求工会组织向有关方面如实反映。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>四</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>在合法权益受到侵犯时，要求工会给予保护。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>五</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>享受工会举办的文化、教育、体育、旅游、疗休养事业、生活救助、</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/6937186.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>法律服务</span></span></a></span><span
style='font-size:10.5pt;color:black'>、就业服务等优惠待遇；享受工会给予的各种奖励。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>六</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>在工会会议和工会报刊上，参加关于工会工作和职工关心问题的讨论。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_6"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第四条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>会员履行下列义务：</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>一</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>学习政治、经济、文化、法律、科学、技术和工会基本知识。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>二</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>积极参加民主管理，努力完成生产和工作任务。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>三</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>遵守宪法和法律，维护社会公德和职业道德，遵守</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/5569495.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>劳动纪律</span></span></a></span><span
style='font-size:10.5pt;color:black'>。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>四</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>正确处理国家、集体、个人三者利益关系，向危害国家、社会利益的行为作斗争。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>五</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>维护中国工人阶级和工会组织的团结统一，发扬阶级友爱，搞好互助互济。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>六</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>遵守工会章程，执行工会决议，参加工会活动，按月交纳会费。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_7"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第五条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>会员组织关系随劳动</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>工作</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>关系变动，凭会员证接转。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_8"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第六条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>会员有退会自由。会员退会由本人向工会小组提出，由工会基层委员会宣布其退会并收回会员证。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>会员没有正当理由连续六个月不交纳会费、不参加工会组织生活，经教育拒不改正，应当视为自动退会。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_9"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第七条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>对不执行工会决议、违反工会章程的会员，给予批评教育。对严重违法犯罪并受到刑事处分的会员，开除会籍。开除会员会籍，须经工会小组讨论，提出意见，由工会基层委员会决定，报上一级工会备案。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_10"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第八条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>会员离休、退休和失业，可保留会籍。保留会籍期间免交会费。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会组织要关心离休、退休和失业会员的生活，积极向有关方面反映他们的愿望和要求。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_11"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二章组织制度</span></h3>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_12"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第九条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会实行民主集中制，主要内容是：</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>一</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>个人服从组织，少数服从多数，下级组织服从上级组织。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>二</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>工会的各级领导机关，除它们派出的代表机关外，都由民主选举产生。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>三</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>工会的最高领导机关，是工会的全国代表大会和它所产生的</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/5581544.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>中华全国总工会</span></span></a></span><span
style='font-size:10.5pt;color:black'>执行委员会。工会的地方各级领导机关，是工会的地方各级代表大会和它所产生的总工会委员会。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>四</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>工会各级委员会，向同级会员大会或者会员代表大会负责并报告工作，接受会员监督。会员大会和会员代表大会有权撤换或者罢免其所选举的代表和工会委员会组成人员。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>五</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>工会各级委员会，实行集体领导和分工负责相结合的制度。凡属重大问题由委员会民主讨论，作出决定，委员会成员根据集体的决定和分工，履行自己的职责。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>六</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>工会各级领导机关，经常向下级组织通报情况，听取下级组织和会员的意见，研究和解决他们提出的问题。下级组织向上级组织请示报告工作。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_13"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第十条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会各级代表大会的代表和委员会的产生，要充分体现选举人的意志。候选人名单，要反复酝酿，充分讨论。选举采用无记名投票方式，可以直接采用候选人数多于应选人数的差额选举办法进行正式选举，也可以先采用差额选举办法进行预选，产生候选人名单，然后进行正式选举。任何组织和个人，不得以任何方式强迫选举人选举或不选举某个人。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_14"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第十一条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会实行产业和地方相结合的组织领导原则。同一企业、事业单位、机关和其他社会组织中的会员，组织在一个工会基层组织中；同一行业或者性质相近的几个行业，根据需要建立全国的或者地方的产业工会组织。除少数行政管理体制实行垂直管理的产业，其产业工会实行产业工会和地方工会双重领导，以产业工会领导为主外，其他产业工会均实行以地方工会领导为主，同时接受上级产业工会领导的体制。各产业工会的领导体制，由中华全国总工会确定。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>省、自治区、</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/4262805.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>直辖市</span></span></a></span><span
style='font-size:10.5pt;color:black'>，设区的市和自治州，县</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>旗</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>、自治县、不设区的市建立地方总工会。地方总工会是当地地方工会组织和产业工会地方组织的领导机关。全国建立统一的中华全国总工会。中华全国总工会是各级地方总工会和各产业工会全国组织的领导机关。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中华全国总工会执行委员会委员和产业工会全国委员会委员实行替补制，各级地方总工会委员会委员和地方产业工会委员会委员，也可以实行替补制。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_15"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第十二条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>县和县以上各级地方总工会委员会，根据工作需要可以派出代表机关。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>县和县以上各级工会委员会，在两次代表大会之间，认为有必要时，可以召集代表会议，讨论和决定需要及时解决的重大问题。代表会议代表的名额和产生办法，由召集代表会议的总工会决定。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>全国产业工会、各级地方产业工会、乡镇工会和城市街道工会的委员会，可以按照联合制、代表制原则，由下一级工会组织民主选举的主要负责人和适当比例的有关方面代表组成。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>上级工会可以派员帮助和指导用人单位的职工组建工会。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_16"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第十三条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>各级工会代表大会选举产生同级经费审查委员会。中华全国总工会经费审查委员会设常务委员会，省、自治区、直辖市总工会经费审查委员会和独立管理经费的全国产业工会经费审查委员会，应当设常务委员会。经费审查委员会负责审查同级工会组织及其直属企业、事业单位的经费收支和资产管理情况，监督财经法纪的贯彻执行和工会经费的使用，并接受上级工会经费审查委员会的指导。工会经费审查委员会向同级会员大会或会员代表大会负责并报告工作；在大会闭会期间，向同级工会委员会负责并报告工作。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>上级经费审查委员会应当对下一级工会及其直属企业、事业单位的经费收支和资产管理情况进行审查。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中华全国总工会经费审查委员会委员实行替补制，各级地方总工会经费审查委员会委员和独立管理经费的产业工会经费审查委员会委员，也可以实行替补制。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_17"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第十四条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>各级工会建立女职工委员会，表达和维护女职工的合法权益。女职工委员会由同级工会委员会提名，在充分协商的基础上组成或者选举产生，女职工委员会与工会委员会同时建立，在同级工会委员会领导下开展工作。</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/6695789.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>企业工会</span></span></a></span><span
style='font-size:10.5pt;color:black'>女职工委员会是县或者县以上妇联的团体会员，通过县以上地方工会接受妇联的业务指导。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_18"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第十五条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>县和县以上各级工会组织可以建立法律服务机构，为保护职工和工会组织的合法权益提供服务。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_19"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第十六条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>成立或者撤销工会组织，必须经会员大会或者会员代表大会通过，并报上一级工会批准。工会基层组织所在的企业终止，或者所在的事业单位、机关和其他社会组织被撤销，该工会组织相应撤销，并报上级工会备案。其他组织和个人不得随意撤销工会组织，也不得把工会组织的机构撤销、合并或者归属其他工作部门。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_20"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三章全国组织</span></h3>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_21"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第十七条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会全国代表大会，每五年举行一次，由中华全国总工会执行委员会召集。在特殊情况下，由中华全国总工会执行委员会主席团提议，经执行委员会全体会议通过，可以提前或者延期举行。代表名额和代表选举办法由中华全国总工会决定。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_22"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第十八条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会全国代表大会的职权是：</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>一</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>审议和批准中华全国总工会执行委员会的工作报告。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>二</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>审议和批准中华全国总工会执行委员会的经费收支情况报告和经费审查委员会的工作报告。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>三</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>修改《中国工会章程》。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>四</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>选举中华全国总工会执行委员会和经费审查委员会。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_23"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第十九条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中华全国总工会执行委员会，在全国代表大会闭会期间，负责贯彻执行全国代表大会的决议，领导全国工会工作。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>执行委员会全体会议选举主席一人、副主席若干人、主席团委员若干人，组成主席团。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>执行委员会全体会议由主席团召集，每年至少举行一次。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_24"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二十条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中华全国总工会执行委员会全体会议闭会期间，由主席团行使执行委员会的职权。主席团全体会议，由主席召集。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>主席团闭会期间，由主席、副主席组成的主席会议行使主席团职权。主席会议由中华全国总</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/5787452.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>工会主席</span></span></a></span><span
style='font-size:10.5pt;color:black'>召集并主持。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>主席团下设书记处，由主席团在主席团成员中推选第一书记一人，书记若干人组成。书记处在主席团领导下，主持中华全国总工会的日常工作。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_25"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二十一条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>产业工会全国组织的设置，由中华全国总工会根据需要确定。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>产业工会全国委员会的建立，经中华全国总工会批准，可以按照联合制、代表制原则组成，也可以由产业工会全国代表大会选举产生。全国委员会每届任期五年。任期届满，应当如期召开会议，进行换届选举。在特殊情况下，经中华全国总工会批准，可以提前或者延期举行。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>产业工会全国代表大会和按照联合制、代表制原则组成的产业工会全国委员会全体会议的职权是：审议和批准产业工会全国委员会的工作报告；选举产业工会全国委员会或者产业工会全国委员会常务委员会。独立管理经费的产业工会，选举经费审查委员会，并向产业工会全国代表大会或者委员会全体会议报告工作。产业工会全国委员会常务委员会由主席一人、副主席若干人、常务委员若干人组成。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_26"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第四章地方组织</span></h3>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_27"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二十二条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>省、自治区、</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/4262805.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>直辖市</span></span></a></span><span
style='font-size:10.5pt;color:black'>，设区的市和自治州，县</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>旗</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>、自治县、不设区的市的工会代表大会，由同级总工会委员会召集，每五年举行一次。在特殊情况下，由同级总工会委员会提议，经上一级工会批准，可以提前或者延期举行。工会的地方各级代表大会的职权是：</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>一</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>审议和批准同级总工会委员会的工作报告。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>二</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>审议和批准同级总工会委员会的经费收支情况报告和经费审查委员会的工作报告。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>三</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>选举同级总工会委员会和经费审查委员会。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>各级地方总工会委员会，在代表大会闭会期间，执行上级工会的决定和同级工会代表大会的决议，领导本地区的工会工作，定期向上级总工会委员会报告工作。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>根据工作需要，省、自治区总工会可在地区设派出代表机关。直辖市和设区的市总工会可在区建立区一级工会组织或者设派出代表机关。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>县和城市的区可在乡镇和街道建立乡镇工会和街道工会组织。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_28"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二十三条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>各级地方总工会委员会选举主席一人、副主席若干人、常务委员若干人，组成常务委员会。工会委员会、常务委员会和主席、副主席以及经费审查委员会的选举结果，报上一级总工会批准。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>各级地方总工会委员会全体会议，每年至少举行一次，由常务委员会召集。各级地方总工会常务委员会，在委员会全体会议闭会期间，行使委员会的职权。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_29"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二十四条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>各级地方产业工会组织的设置，由同级地方总工会根据本地区的实际情况确定。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_30"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第五章基层组织</span></h3>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_31"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二十五条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>企业、事业单位、机关和其他社会组织等基层单位，应当依法建立工会组织。社区和</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/350003.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>行政村</span></span></a></span><span
style='font-size:10.5pt;color:black'>可以建立工会组织。有会员二十五人以上的，应当成立工会基层委员会；不足二十五人的，可以单独建立工会基层委员会，也可以由两个以上单位的会员联合建立工会基层委员会，也可以选举组织员或者工会主席一人，主持基层工会工作。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>职工二百人以上企业、事业单位的工会设专职工会主席。工会专职工作人员的人数由工会与企业、事业单位协商确定。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>基层工会具备法人条件，依法取得社团法人资格，工会主席为法定代表人。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_32"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二十六条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会基层组织的会员大会或者会员代表大会，每年至少召开一次。经基层工会委员会或者三分之一以上的工会会员提议，可以临时召开会员大会或者会员代表大会。工会会员在一百人以下的基层工会应当召开会员大会。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会会员大会或者会员代表大会的职权是：</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>一</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>审议和批准工会基层委员会的工作报告。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>二</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>审议和批准工会基层委员会的经费收支情况报告和经费审查委员会的工作报告。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>三</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>选举工会基层委员会和经费审查委员会。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>四</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>撤换或者罢免其所选举的代表或者工会委员会组成人员。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>五</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>讨论决定工会工作的重大问题。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会基层委员会和经费审查委员会每届任期三年至五年，具体任期由会员大会或者会员代表大会决定。任期届满，应当如期召开会议，进行换届选举。在特殊情况下，经上一级工会批准，可以提前或者延期举行。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>会员代表大会的代表实行常任制，任期与本单位工会委员会相同。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_33"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二十七条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会基层委员会的委员，应当在会员或者会员代表充分酝酿协商的基础上选举产生；主席、副主席，可以由会员大会或者会员代表大会直接选举产生，也可以由工会基层委员会选举产生。大型企业、事业单位的工会委员会，根据工作需要，经上级工会委员会批准，可以设立常务委员会。工会基层委员会、常务委员会和主席、副主席以及经费审查委员会的选举结果，报上一级工会批准。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_34"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二十八条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会基层委员会的基本任务是：</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>一</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>执行会员大会或者会员代表大会的决议和上级工会的决定，主持基层工会的日常工作。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>二</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>代表和组织职工依照法律规定，通过</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/4807039.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>职工代表大会</span></span></a></span><span
style='font-size:10.5pt;color:black'>、厂务公开和其他形式，参加本单位民主管理和民主监督。企业、事业单位工会委员会是职工代表大会工作机构，负责职工代表大会的日常工作，检查、督促职工代表大会决议的执行。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>三</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>参与协调劳动关系和调解</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/3453126.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>劳动争议</span></span></a></span><span
style='font-size:10.5pt;color:black'>，与企业、事业单位行政方面建立协商制度，协商解决涉及职工切身利益问题。帮助和指导职工与企业、事业单位行政方面签订劳动合同，代表职工与企业、事业单位行政方面签订</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/5602000.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>集体合同</span></span></a></span><span
style='font-size:10.5pt;color:black'>或者其他专项协议，并监督执行。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>四</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>组织职工开展劳动竞赛、合理化建议、技术革新和技术协作等活动，总结推广先进经验。做好先进生产</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>工作</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>者和劳动模范的评选、表彰、培养和管理服务工作。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>五</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>对职工进行思想政治教育，鼓励支持职工学习文化科学技术和管理知识，开展健康的文化体育活动。办好工会文化、教育、体育事业。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>六</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>监督有关法律、法规的贯彻执行。协助和督促行政方面做好工资、劳动安全卫生和社会保险等方面的工作，办好职工集体福利事业，改善职工生活。依法参与劳动安全卫生事故的调查处理。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>七</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>维护女职工的特殊利益，同歧视、虐待、摧残、迫害女职工的现象作斗争。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>八</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>搞好工会组织建设，健全民主制度和民主生活。建立和发展工会积极分子队伍。做好会员的发展、接收、教育和会籍管理工作。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>九</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>收好、管好、用好工会经费，管理好工会资产和工会的企业、事业。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_35"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第二十九条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>教育、科研、文化、卫生、体育等事业单位和机关工会，从脑力劳动者比较集中的特点出发开展工作，积极了解和关心职工的思想、工作和生活，推动党的知识分子政策的贯彻落实。组织职工搞好本单位的民主管理和民主监督，为发挥职工的聪明才智，创造良好的条件。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_36"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三十条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会基层委员会根据工作需要，可以在分厂、车间</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>科室</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>建立分厂、车间</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>科室</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>工会委员会。分厂、车间</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>科室</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>工会委员会由分厂、车间</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>科室</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>会员大会或者会员代表大会选举产生，任期和工会基层委员会相同。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会基层委员会和分厂、车间委员会，可以根据需要设若干专门委员会或者专门小组。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>按照生产</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>行政</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>班组建立工会小组，民主选举工会小组长，积极开展工会小组活动。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_37"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第六章工会干部</span></h3>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_38"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三十一条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>各级工会组织按照革命化、年轻化、知识化、专业化的要求，努力建设一支坚持</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'><a
href="http://baike.so.com/doc/1912165.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>党的基本路线</span></span></a></span><span
style='font-size:10.5pt;color:black'>，熟悉本职业务，热爱工会工作，受到职工信赖的干部队伍。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_39"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三十二条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会干部要努力做到：</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>一</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>认真学习马克思列宁主义、毛泽东思想、邓小平理论和</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>“</span><span
style='font-size:10.5pt;color:black'>三个代表</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>”</span><span
style='font-size:10.5pt;color:black'>重要思想，学习科学发展观，学习经济、法律和工会业务知识。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>二</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>执行</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/1912165.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>党的基本路线</span></span></a></span><span
style='font-size:10.5pt;color:black'>和各项方针政策，遵守国家法律、法规，在改革开放和社会主义现代化建设中勇于开拓创新。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>三</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>忠于职守，勤奋工作，廉洁奉公，顾全大局，维护团结。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>四</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>坚持实事求是，认真调查研究，如实反映职工的意见、愿望和要求。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>五</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>坚持原则，不谋私利，热心为职工说话办事，依法维护职工的合法权益。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>六</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>作风民主，联系群众，自觉接受职工群众的批评和监督。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_40"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三十三条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>各级工会组织根据有关规定管理工会干部。重视培养和选拔青年干部、妇女干部、少数民族干部。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>基层工会主席、副主席任期未满不得随意调动其工作。因工作需要调动时，应事先征得本级工会委员会和上一级工会同意。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_41"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三十四条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>各级工会组织建立与健全干部培训制度。办好工会干部院校和各种培训班。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_42"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三十五条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>各级工会组织关心工会干部的思想、学习和生活，督促落实相应的待遇，支持他们的工作，坚决同打击报复工会干部的行为作斗争。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>县和县以上工会设立工会干部权益保障金，保障工会干部依法履行职责。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>县和县以上工会可以为基层工会选派、聘用工作人员。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_43"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第七章工会经费和资产</span></h3>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_44"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三十六条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会经费的来源：</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>一</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>会员缴纳的会费。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>二</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>企业、事业单位、机关和其他社会组织按全部</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif'><a
href="http://baike.so.com/doc/524735.html" target="_blank"><span lang=EN-US
style='font-family:宋体'><span lang=EN-US>职工工资总额</span></span></a></span><span
style='font-size:10.5pt;color:black'>的百分之二向工会拨缴的经费或者建会筹备金。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>三</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>工会所属的企业、事业单位上缴的收入。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>四</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>人民政府和企业、事业单位、机关和其他社会组织的补助。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>(</span><span
style='font-size:10.5pt;color:black'>五</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>)</span><span
style='font-size:10.5pt;color:black'>其他收入。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_45"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三十七条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>县和县以上各级工会应当与税务、财政等有关部门合作，依照规定做好工会经费收缴和应当由财政负担的工会经费拨缴工作。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>未成立工会的企业、事业单位、机关和其他社会组织，按工资总额的百分之二向上级工会拨缴工会建会筹备金。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_46"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三十八条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会资产是社会团体资产，中华全国总工会对各级工会的资产拥有终极所有权。根据经费独立原则，建立预算、决算、资产监管和经费审查监督制度。实行</span><span
lang=EN-US style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>“</span><span
style='font-size:10.5pt;color:black'>统一领导、分级管理</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>”</span><span
style='font-size:10.5pt;color:black'>的财务体制、</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>“</span><span
style='font-size:10.5pt;color:black'>统一所有、分级监管、单位使用</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>”</span><span
style='font-size:10.5pt;color:black'>的资产监管体制和</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>“</span><span
style='font-size:10.5pt;color:black'>统一领导、分级管理、分级负责</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>”</span><span
style='font-size:10.5pt;color:black'>的经费审查监督体制。工会经费、资产的管理和使用办法以及工会经费审查监督制度，由中华全国总工会制定。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_47"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第三十九条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>各级工会委员会按照规定编制和审批预算、决算，定期向会员大会或者会员代表大会和上一级工会委员会报告经费收支和资产管理情况，接受上级和同级工会经费审查委员会审查监督。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_48"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第四十条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会经费、资产和国家及企业、事业单位等拨给工会的不动产和拨付资金形成的资产受法律保护，任何单位和个人不得侵占、挪用和任意调拨；不经批准，不得改变工会所属企业、事业单位的隶属关系。</span></p>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>工会组织合并，其经费资产归合并后的工会所有；工会组织撤销或者解散，其经费资产由上级工会处置。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_49"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第八章会徽</span></h3>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_50"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第四十一条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会会徽，选用汉字</span><span lang=EN-US
style='font-size:10.5pt;font-family:"Arial",sans-serif;color:black'>“</span><span
style='font-size:10.5pt;color:black'>中</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>”</span><span
style='font-size:10.5pt;color:black'>、</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>“</span><span
style='font-size:10.5pt;color:black'>工</span><span lang=EN-US style='font-size:
10.5pt;font-family:"Arial",sans-serif;color:black'>”</span><span
style='font-size:10.5pt;color:black'>两字，经艺术造型呈圆形重叠组成，并在两字外加一圆线，象征中国工会和中国工人阶级的团结统一。会徽的制作标准，由中华全国总工会规定。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_51"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第四十二条</span></h3>

</div>

<p style='margin:0cm;margin-bottom:.0001pt;line-height:19.5pt;background:white'><span
style='font-size:10.5pt;color:black'>中国工会会徽，可在工会办公地点、活动场所、会议会场悬挂，可作为纪念品、办公用品上的工会标志，也可以作为徽章佩戴。</span></p>

<div style='border:none;border-bottom:solid #ECECEC 1.0pt;padding:0cm 0cm 0cm 0cm;
background:white'>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_52"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第九章附则</span></h3>

<h3 style='margin:0cm;margin-bottom:.0001pt;line-height:31.5pt;background:white;
border:none;padding:0cm'><a name="4920781-5139902-2_53"></a><span
style='font-family:宋体;color:black;font-weight:normal'>第四十三条</span></h3>

</div>

<p class=MsoNormal><span style='font-size:10.5pt;font-family:"微软雅黑",sans-serif;
color:black'>本章程解释权属于中华全国总工会。</span></p>

</div>
</div>
</article>
      </section>
	  <!-- end of main -->
	</div>

  </body>

</html>
