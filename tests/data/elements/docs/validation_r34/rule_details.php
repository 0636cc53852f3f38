<!DOCTYPE html>
<html lang="en">
<head>
	<meta charset="UTF-8">
	<title>rule-details</title>
	<base href="<?php echo site_url();?>">
	<link rel="stylesheet" href="assets/css/common.css">
	<link rel="stylesheet" href="assets/css/announce-details.css">
</head>
<body>
<?php include "header.php"?>
<div id="announce-details">
		<div class="wrapper">
			<h3>[豪第坊]紧急停水通知</h3>
			<p class="time">2017-2-13&nbsp;|&nbsp;物业管理委员会</p>
			<p class="content">尊敬的各位业主： 您好！ 接水厂紧急通知：由于扬州江阳西路自来水管道施工，下午1点至下午5点新集镇将停水，请各位业主做好储水准备，安排好自己的生活，如有疑问请致电豪第坊物业服务处。 豪第坊物业服务处</p>
		</div>
	</div>


	<div id="footer">
		<p id="footer-link">
			友情链接:
			<a href="#">方正集团</a>
			<a href="#">北大资源</a>
		</p>
		<p id="footer-copyright">版权所有：北大资源集团商业有限公司版权所有 Copyright@2013 | 京ICP备13022849号 | 京ICP证130321号 | 京公网安备11010802014221号 | 京卫网审【2014】第0105号</p>
	</div>
	<script src="assets/js/jquery-1.12.4.js"></script>
	<script src="assets/js/header.js"></script>
</body>
</html>