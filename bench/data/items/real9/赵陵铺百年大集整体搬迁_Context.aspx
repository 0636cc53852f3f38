<%@ Page Language="C#" AutoEventWireup="true" CodeBehind="Context.aspx.cs" Inherits="zhao0927.Context" %>

<!DOCTYPE html>

<html xmlns="http://www.w3.org/1999/xhtml">
<head>
    <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
    <meta name="viewport" content="width=device-width">
    <title>赵陵铺-生活社区</title>
    <meta name="viewport" content="width=device-width, initial-scale=1.0, minimum-scale=1.0, maximum-scale=2.0">
    <link rel="stylesheet" type="text/css" href="/index.css" media="all">
</head>
<body>
    <form id="form1" runat="server">
        <div class="topbg">
        <div class="fh-tb"><a href="javascript:history.back();"></a></div>
        <div class="topwz">赵陵铺-生活社区</div>
      
    </div>
        <div class="life-all">
        <div class="clear"></div>
        <div class="life-main">
            <div class="all">
                <div class="clear"></div>
                <ul id="nav">
                    <li><a href="#">首页</a></li>
                    <li><a href="#">新闻</a></li>                  
                </ul>
            </div>
        </div>
        <div class="life-center">
            <div class="life-nr">
                <div class="life-wid">
                        <div class="topwz2">
                            <a >
                                大标题
                            </a>
                        </div>
                        <div class="toptb">
                            <div class="wz">
                                发表时间：
                                来源：
                            </div>
                        </div>
                        <div class="toptb">
                            <div class="wz">
                               近日，新华区城管部门联合赵陵铺镇，将赵陵铺百年大集整体搬迁至赵三街东侧，解决商贩占道经营、交通拥堵的问题。目前，搬迁后的新市场已初具规模。
    　　历史形成的赵陵铺集市已存在百年，由于商贩众多，挤占城市道路严重，造成周边交通拥堵，特别是农历每逢五、逢十，中华北大街以西一直至赵三街村以东道路两侧，全部挤满摊贩，严重影响交通秩序并形成安全隐患。
    　　为畅通道路，确保周边居民通行秩序，维护城镇容貌，新华区城管局联合赵陵铺镇，对赵陵铺百年大集实施了整体搬迁，并将新位置选在对道路交通和市容影响程度最小的赵三街东侧。
    　　搬迁整治行动开始前，还集中力量对赵陵西路、新苑东路、新苑西路、赵佗路和燕都前街等道路上的占道经营现象，进行全面彻底排查、整治，并提前向摊主下达《赵陵铺集市搬迁通知书》，共计2000余份，为搬迁行动打下坚实基础。
    　　在集市开市当天，城管执法人员清晨6时前便赶到集市新址，引导并协助摊贩进入新选定的位置规范经营。同时，采取合理疏导与死盯死守的方式，使占道经营现象得到明显改观，将道路还路于民。
    　　通过耐心细致的工作，不少商贩从最初的抵触，已转变为现在自觉配合到指定市场内交易。目前，赵陵铺百年大集的新市场已初具规模。该区城管局有关负责人表示，为巩固搬迁成果，下一步，该局将进一步加强巡查，采取重点执勤与错时执法相结合的方式，防止占道经营现象反弹。
                            </div>
                        </div>
                </div>
            </div>
          
            <div class="fy">
                <div class="fybtn"><a href="http://m.manshijian.com/parties/party_list/2">下一页</a></div><div class="fybtn"><a href="http://m.manshijian.com/parties/party_list/11">最后一页</a></div>
            </div>

        </div>
    </div>
    </form>
</body>
</html>
