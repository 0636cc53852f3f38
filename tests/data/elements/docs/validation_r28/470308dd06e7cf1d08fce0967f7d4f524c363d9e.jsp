<%@ page language="java" contentType="text/html; charset=UTF-8" pageEncoding="UTF-8"%>
<jsp:include page="/common/base/include_BaseCommon.jsp"></jsp:include>
<link href="<%=request.getContextPath() %>/check/css/standard.css" rel="stylesheet">
<link href="<%=request.getContextPath() %>/common/css/commonView.css" rel="stylesheet">
<script src="<%=request.getContextPath()%>/check/subordinateRank/sdtRank.js"></script>
<script type="text/javascript">
 	var WEB_ROOT = "<%=request.getContextPath() %>";
</script>
<div class="headerDiv" id="headerDiv">
	 <div class="header-content">
		<h2>
			<i class="fa icon-th-large"></i>
			<c>乡镇考核依据</c>
			<span></span>
		</h2>
	 </div> 
	<div style="background-color: #FFFFFF;width:100%;height:100%;" >
		<table class='jxkhTable'   border="1"  align="center">
		     <caption>石城县2018年度河长制湖长制工作乡镇目标管理(绩效）考核细则</caption>
		     <thead>
		          <tr>
		             <th width="5%">序号</th>
		             <th  width="25%">考核项目</th>
		             <th  width="20%">各项分值</th>
		             <th  width="40%">考核指标</th>
		             <th  width="10%">负责考核部门</th>
		          </tr>
		     </thead>
		    <tbody>
		        <tr>
		           <td></td>
		           <td>总分</td>
		           <td class='fontbold'>100</td>
		           <td></td>
		           <td></td>
		        </tr>
		        <tr>
		           <td class='fontbold'>一、</td>
		           <td class='left fontbold'>巩固成果，提升河长制工作实效</td>
		           <td class='fontbold'>31</td>
		           <td></td>
		           <td></td>
		        </tr>
		         <tr>
		           <td>1</td>
		           <td class='left'>完善"四个到位"</td>
		           <td>5</td>
		           <td class='left'>
		              <p>进一步健全河长制湖长制组织体系、责任体系、制度体系、</p>
		              <p>监督检查和考核评估。</p>
		              <p>