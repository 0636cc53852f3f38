<%@ page language="java" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8"%>
<jsp:include page="/common/base/include_BaseCommon.jsp"></jsp:include>
<link href="<%=request.getContextPath() %>/check/css/standard.css" rel="stylesheet">
<link href="<%=request.getContextPath() %>/common/css/commonView.css" rel="stylesheet">
<script type="text/javascript">
 	var WEB_ROOT = "<%=request.getContextPath() %>";
</script>
<div class="headerDiv" id="headerDiv">
	 <div class="header-content">
		<h2>
			<i class="fa icon-th-large"></i>
			<c>县级考核依据</c>
			<span></span>
		</h2>
	 </div> 
		<table class='jxkhTable'   border="1"  align="center">
		     <caption>石城县2018年度河长制湖长制工作责任单位目标管理（绩效）考核细则</caption>
		     <thead>
		          <tr>
		             <th width="7%">序号</th>
		             <th  width="15%" colspan="2">考核项目</th>
		             <th  width="15%">各项分值</th>
		             <th  width="20%">考核内容</th>
		             <th  width="30%">评分标准</th>
		             <th  width="8%">说明</th>
		          </tr>
		     </thead>
		    <tbody>
		        <tr>
		           <td></td>
		           <td colspan="2">总分</td>
		           <td class='fontbold'>100</td>
		           <td></td>
		           <td></td>
		           <td></td>
		        </tr>
		        <tr>
		           <td class='fontbold'>一、</td>
		           <td class='left fontbold'  colspan="2">通用考核项目（全部责任单位）</td>
		           <td class='fontbold'>40</td>
		           <td></td>
		           <td></td>
		           <td></td>
		        </tr>
		         <tr>
		           <td>1</td>
		           <td class='left' colspan="2">组织领导</td>
		           <td>8</td>
		            <td class='left'>组织领导</td>
		           <td class='left'>
		              <p>积极配合各乡镇开展“河长制”工作（8分）。</p>
					</td>
		           <td class='left'></td>
		        </tr>
