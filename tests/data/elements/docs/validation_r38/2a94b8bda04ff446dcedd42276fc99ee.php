<?php if (!defined('THINK_PATH')) exit();?><!DOCTYPE html>
<html lang="en">
<head>
	<meta charset="UTF-8">
	<title>华中农业大学学生区宣传物管理办法</title>
	<link rel="stylesheet" type="text/css" href="/compus2/Public/css/index.css" />
	<script>
		function checkbox(s)   
	{     
	if (document.box.value== 0)   {     
	alert("请输入您姓名!");   
	document.box.value.focus();   
	return false;   
	}   
	return true;   
	} 
	</script>
</head>
<body>
<h1 align="center">华中农业大学学生区宣传物管理办法</h1>
<p align="center">
为了规范校内学生区宣传物悬挂张贴，保持校园安全、整洁、有序，营造良好学习氛围，优化育人环境，根据学校相关规定，特制定本办法。
</p>
<div class="continer">
<div>
<p>
	一、凡在学生区悬挂张贴的宣传物，内容必须健康合法，语言通顺，文字规范，书写端正，并张贴悬挂在学校指定或许可的地点。
</p>
<p>
	二、凡要求在学生区悬挂、张贴宣传物必须事先在网上申报审批，同意后方可悬挂张贴。
</p>
<p>
	三、未经批准而擅自悬挂张贴宣传物或不在指定许可的地点张贴悬挂或随意散发的，学校将予以制止清除，并给予通报批评。造成建筑物损坏的，要承担赔偿责任并给予校纪处分。
</p>
<p >
	四、横幅悬挂地点（A区：一运、二运； B区：博园宿舍区 ；C区：荟一——荟九主干道 ；D区：荟十——荟十六主干道； E区：荟园宿舍楼栋）。喷绘悬挂地点（F区：素拓基地）。
</p>
<p >	
五、各级团组织、学生会组织、各学生社团要张贴或悬挂的宣传物报校团委审批，除以上组织外的任何组织或个人报校党委宣传部审批。
</p>
<p >
	六、凡商业性广告（包括变相商业性广告）必须报有关部门审批（从严控制），否则给予清除。	
</p>
<p >
	七、横幅或喷绘押金均为100元/条。若是校外组织（企业招聘会除外）或有赞助内容的校内组织，横幅需缴纳赞助费50元/天，喷绘需缴纳赞助费100元/条。
</p>
<p >
	八、审批成功后将得到对应编码，务必将编码打印于所悬挂横幅或喷绘的左上角。
</p>
<p >
	九、宣传物申请悬挂时间到期按时撤回，并保持悬挂地点干净整洁，无残留物。确认撤回后，可申请退回押金。
</p>
<p >
	十、所有张贴悬挂物必须按批准期限由张贴悬挂单位负责清理。
</p>
<p >
	十一、全校师生均有义务监督校内宣传物的管理情况，共同维护校园环境。
</p>
<p >
	十二、本规定从发文之日起执行。
</p>
<div>
<p >
<input type="checkbox" checked value="1" name="s" id="r_s" valid="required"/>同意并接受请仔细阅读上述内容，确认无异议后填写申请表。违反以上要求者，校团委宣传部有权在任何时间终止申请单位的使用权，并没收押金。
</p>
	<a href="<?php echo U('/Home/select/index');?>"><button type="button" class="submit button blue " >下一步</button></a>
</div>
<div>
	<p align="center" class="smaller">共青团华中农业大学委员会宣传部</p>
    <p align="center" class="smaller">二〇一六年三月</p>
</div>
</div>	
</body>
</html>