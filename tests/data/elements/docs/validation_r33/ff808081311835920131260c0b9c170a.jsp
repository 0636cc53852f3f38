<%@ page pageEncoding="UTF-8"%>
<%@ include file="/view/srplatform/common/taglibs.jsp"%>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<link href="view/srplatform/portal/logo.ico" type="image/ico" rel="shortcut icon"/> 
<title>中国物流与采购联合会副会长崔忠付致辞- 【阳光易购】</title>
<c:import url="/view/srplatform/common/init.jsp">
	<c:param name="isLastLoadPage">
		true
	</c:param>
</c:import>

<!--CSS-->
<link rel="stylesheet" type="text/css" href="/view/resource/skin/thems/default/web.css" />
<link rel="stylesheet" type="text/css" href="/view/resource/skin/skin07/css/seller.css" />
<link rel="stylesheet" type="text/css" href="/view/resource/skin/thems/default/listDetail.css" />
<!--JS-->
<script type="text/javascript" src='/view/srplatform/portal/include/common.js'></script>
</head>

<body>

<div id="container">
	<!-- 头部开始 -->
	<div class="header">
		<%@ include file="/view/srplatform/portal/include/main_header_index.jsp" %>
	</div>
	<!-- 头部结束-->
    <!--主要内容 开始-->
	<div id="sysContent" class="page">
		<div id="contentSub" class="index3pa">
			<%@ include file="/view/staticpags/load/left_cms.jsp" %>
		</div>
		<div id="contentMain" class="index3pa">
			<div id="conTitle">
				<div class="navCurrent ">

	<a href="/view/srplatform/portal/index.jsp" id="/view/srplatform/portal/index.jsp" title="首页" target="_self">首页</a>
	<a href="javascript:void(0)" id="/view/staticpags/cgxqzx/cgxqzx.jsp" title="采购焦点资讯" class="cmsHref_self">采购焦点资讯</a>
	<a href="javascript:void(0)" id="/view/staticpags/cgxqzx/ff808081311835920131260c0b9c170a.jsp" title="中国物流与采购联合会副会长崔忠付致辞" class="cmsHref_self">中国物流与采购联合会副会长崔忠付致辞</a>
		
				</div>
			</div>
 
			<div id="conBody">
				<input type="hidden"  id="channelId" value="2c9087922e6f5c1a012e6f72d3b7013c" />
				<div class="frameNews">
					<h1>中国物流与采购联合会副会长崔忠付致辞</h1>
					<div class="source">
						<span>发布时间：2011-07-14</span>
						<span>发布人：-新浪财经  </span>
					</div>
					<p><CENTER><IMG border=1 alt="中国物流与采购联合会副会长兼秘书长崔忠付（新浪财经 陈鑫 摄）" src="http://i0.sinaimg.cn/cj/hy/20110713/U2082P31T1D10141865F46DT20110713163201.jpg" width=550 height=413></CENTER>
<P>　　2011年7月13日-16日，由大连市人民政府，中国煤炭运销协会和东北亚煤炭交易中心联合主办的“2011·东北亚煤炭交易会”在大连举行。图为中国物流与采购联合会副会长兼秘书长崔忠付。</P>
<P>　　崔忠付：尊敬的李万才市长，各位来宾，大家下午好。首先我代表中国物流与产业联合会对2011年东北亚煤炭交易会的召开表示热烈的祝贺。煤炭生产和经营离不开物流和供应链感觉的大力支撑，煤炭的交易数量和交易方式在很大程度上也取决于语流的供给能力和方式。十一五是中国发展的最具重要意义的五年，在这五年物流产业的地位已经确定，并明显提升。物流市场的规模开始扩张，物流企业加速成长，物流设施的建设的步伐在加快，物流信息化的创新取得实效。物流业的政策环境有所改善，今年是十二五的开局之年，展望十二五，我国的物流业发展仍然处于重要的战略机遇期。保持GDP平稳健康运行和加快发展的转变，物流业将面临新的课题。发展现代物流产业体系，扩大物流产业的需求将出现一些新的变化，新的开发战略和新的竞争环境，物流企业将面临新的挑战。区域经济协调发展和城镇化的加快推进，区域物流将形成新的格局。新科技革命的深入，物流的运作将出现新的模式。我们在面临物流业加快发展的机遇的同时，也面临各种挑战。我国的物流业仍然处于初级阶段，不能完全适应国民经济发展的需要。因为竞争力不强，发展方式比较粗放，一平衡性较普遍。物流发展和生存的环境还没有得到根本的好转。体制性和政策性矛盾依然突出，相关的政策有待于落实。为进一步推动物流业的发展，上个月温家宝总理专门组织召开了工作会议，提出了关于降低物流企业的税负，降低过高的过桥费等八项政策，现实了党中央国务院对物流业的高度重视。目前有关部门正在制定具体的措施，来全面促进行业的健康发展。</P>
<P>　　煤炭是我国重要的能源，加快建立和大力发展煤炭物流体系是我国今后物流发展的重要任务。从今年开始，国家发改委和国家能源局等部门正在启动煤炭物流专项规划的编制工作，重点将在煤炭的国际物流，煤炭的物流企业的发展等方面加强规划。我相信煤炭物流专项的出台将进一步推动煤炭产业，包括煤炭生产、煤炭交易等各个方面的发展。</P>
<P>　　最后，我预祝2011东北亚煤炭交易会圆满成功，祝东北亚煤炭交易中心、泰德煤网事业蓬勃发展。</P>
</p>
				</div>
			</div>
		</div>
	</div>
	<!--主要内容 结束-->
	<!-- 脚开始 -->
	<div class="footer">
	    <%@ include file="/view/srplatform/portal/include/foot.jsp" %>
	</div>
	<!-- 脚结束 -->
</div>
</body>

</html>

<script>
	// 为左边栏设定选中样式,判断用于解决点击左边栏后样式被覆盖问题
	var id = $("#channelId").val();
	if(null != $('.subnav>li[id='+id+']').html()) {
		$('.subnav>li').removeClass('selected');
		$('.subnav>li[id='+id+']').addClass('selected');
	}
</script>