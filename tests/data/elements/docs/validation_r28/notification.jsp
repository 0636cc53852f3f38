<%@ page language="java" pageEncoding="UTF-8"%>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core"%>

<style type="text/css">
.notification_title{
	width:${pagewidth}px;
	text-align:center;
} 
.notification_context{
	width:${pagewidth}px;
}

.notification_context .context{
	width:600px;
	margin-top:10px;
	font-size:20px;
	margin-left:${(pagewidth-600)/2}px;
	text-align:left;
}

div.middle{
	margin-top:10px;
}

div.bottom{
	margin-top:10px;
}

div.company{
	margin-top:60px;
	text-align: right;
}
 
table {   
	border-collapse:collapse; /* 关键属性：合并表格内外边框(其实表格边框有2px，外面1px，里面还有1px哦) */   
	border:solid #000000; /* 设置边框属性：样式(solid=实线)、颜色(#999=灰) */   
	border-width:2px; /* 设置边框状粗细：上 右 下 左 = 对应：1px 0 0 1px */   
}   
table caption {font-size:14px;font-weight:bolder;}   
table th, table td {border:solid #000000;border-width:0 1px 1px 0;padding:2px;text-align: center;}  /* 设置表格每个td的边框， 只设置下侧和右侧的边框 */   


</style>

<div class="notification_title"><h2>2012年 10-12月份公司宣传通讯稿执行情况通报</h2></div>
<div class="notification_context">
	<div class="context">
		<div class="top">
			&nbsp;&nbsp;&nbsp;&nbsp;截止2012年12月31日（星期一），各职能部门通迅报道供稿情况通报如下：
		</div>
		<div class="middle">
			<table>
				<tr>
					<th style="width:120px;">部门</th>
					<th style="width:120px;">计划供稿<br>(10-12)月</th>
					<th style="width:120px;">实际供稿</th>
					<th style="width:100px;">发表稿件</th>
					<th style="width:140px;">月度执行情况</th>
				</tr>	
				<tr>
					<td>工程部</td><td>4</td><td>5</td><td>0</td><td>完成</td>
				</tr>
				<tr>
					<td>产品部</td><td>1</td><td>1</td><td>1</td><td>完成</td>
				</tr>
				<tr>
					<td>技术部</td><td>1</td><td>1</td><td>0</td><td>完成</td>
				</tr>
				<tr>
					<td>成本管理部</td><td>1</td><td>2</td><td>2</td><td>完成</td>
				</tr>
				<tr>
					<td>销售部</td><td>2</td><td>4</td><td>2</td><td>完成</td>
				</tr>
				<tr>
					<td>采购部</td><td>1</td><td>2</td><td>1</td><td>完成</td>
				</tr>
				<tr>
					<td>财务部</td><td>1</td><td>1</td><td>0</td><td>完成</td>
				</tr>
				<tr>
					<td>办公室</td><td>4</td><td>11(省杂志2篇)</td><td>8</td><td>完成</td>
				</tr>
				<tr>
					<td colspan="4">月度优秀通讯员</td><td>办公室：毛微</td>
				</tr>
			</table>
		</div>
		<div class="bottom">
			说明:
			<br/>
			&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;自公司《通讯稿考核管理办法》颁布以来，各部门积极响应，及时供稿，稿件内容围绕公司的重点要点工作展开，塑造了公司良好的企业形象。办公室根据《通讯稿考核管理办法》要求，对于出色完成通信报道任务的个人，评出了月度优秀通讯员，优秀通讯员评比标准为:
			<br/>
			&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;（一）每月投稿2篇或以上，《方远报》发稿1篇或以上；
			<br/>
			&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;（二）稿件内容围绕公司的重点要点工作展开，信息完整（时间，地点，目的，过程，意义等），真实性、时效性和可读性强；
			<br/>
			&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;（三）语句通顺流畅，内容健康上进。
			<br/>
			&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;为表彰优秀，鼓励更多员工继续创作好作品，促进《通讯稿考核管理办法》进一步实施，公司经研究决定，除集团《方远报》编辑部发放稿费外，额外给予优秀通讯员奖励电影票2张，今后公司还将采取多种形式奖励优秀通讯员。
		</div>
		<div class="company">
			<div>方远建设集团房地产开发有限公司</div>
			<div>二○一二年十二月三十一日&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</div>
		</div>
	</div>
</div>