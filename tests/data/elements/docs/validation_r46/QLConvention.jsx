import React from 'react'
import './index.less'
export const QLConvention = () => {
  return (
    <div className="villagersContainer">
      <ul className="villagersContainer__textContainer">
        <div className="villagersContainer__textContainer--title main-title">
          倍磊村规村约
        </div>
        <p>
          &nbsp;&nbsp;&nbsp;&nbsp;为提高全体村民自我管理、自我教育、自我约束的能力，全面推进乡村振兴和共同富裕建设，根据《中华人民共和国村民委员会组织法》的有关规定，结合本村实际，广泛征求村民意见，经村委会组织召开2022年第一次村民代表大会讨论并通过，特制定本《村规民约》，希望全体村民共同遵守执行。
        </p>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">1.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            提倡社会主义精神文明，倡导社会主义核心价值观，移风易俗，反对封建迷信及其他不文明行为，树立良好的家风、民风和村风。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">2.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            热爱家乡，热爱集体，积极主动参与志愿服务、奉献友爱、互助进步、共创文明乡村。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">3.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            全体党员、干部、村民代表应当模范遵守和执行本村村规民约。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">4.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            红白喜事做到喜事新办，丧事从俭，破除陈规旧俗，厉行勤俭节约，反对铺张浪费；提倡使用“公勺公筷”，推动家宴移风易俗。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">5.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            不参加邪教和非法宗教组织的活动，不利用迷信活动造谣惑众、骗取财物。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">6.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            不得对他人非法搜身和限制他人人身自由，不准诽谤他人和侮辱他人人格。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">7.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            村民可以按《信访条例》依法向上级部门反映情况，任何人不得以各种借口煽动群众到机关、学校、企业、村民委员会办公地、他人住宅和公共场所起哄闹事、利道事端、提侣用协商办法解决各种才盾，协商不成功的，可申请到村、镇调委会协调，也可依法向人民法院起诉。依法理性表达利益诉求，不得无理信访、越级信访和集体上访，不得闹事滋事、扰乱社会秩序。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">8.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            爱护未成年人，重视未成年人的教育。父母、继父母、养父母等法定监护人对未成年的子女、继子女和养子女必须依法履行抚养义务，并保证他们接受国家规定的义务教育。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">9.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            尊敬长辈，严禁虐待、打骂、遗弃等伤害老年人的行为。成年子女、继子女、养子女和其他赔养人及其配偶，对基本丧失劳动能力或无生活来源的父母、继父母、养父母和其他应赡养的老年人必须依法履行赡养义务发生赡养纠纷时，由村调解委员会进行调解，调解不成的，村民委员会支持被赔养人依法向人民法院提起诉讼。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">10.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            凡是户口在本村的村民，其社会地位一律平等。年满十八周岁的村民，除依照法律被剥夺政治权利的人以外，都有选举权和被选举权。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">11.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            全体村民均有保护耕地的义务。村内任何组织和个人使用土地都应服从村的统一规划和调整，不得侵占、买卖或者以其他形式非法转让土地。严禁荒废耕地，对荒废耕地者，责令限期复垦耕种。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">12.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            每个村民都必须养成良好的卫生习惯，自觉维护环境卫生，建设美丽张芝。凡本村辖区公路沿线及河道，禁止任何人乱扔乱倒垃圾；生活垃圾必须入桶，建筑垃圾必须运至垃圾填埋场。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">13.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            保持村容整洁和道路畅通，不准挤占道路，私搭乱建。村民与保洁员都要相互监督。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">14.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            全面推行垃圾分类处理，按照垃圾分类不落地标准要求做好垃圾分类工作，将日常生活垃圾分类好后投放到指定位置，然后由指定工作人员清运处理。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">15.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            柴草、粪土等物不得在小区内堆放，严禁焚烧。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">16.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            严禁在本村辖区内燃放烟花爆竹，提倡从简办事，文明过节。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">17.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            严禁在小区主干道路两旁及绿化带等空地内种菜。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">18.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            严禁在小区绿化带、舞台广场、健身场地、篮球场等公共场合晾晒衣物等。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">19.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            家禽家畜要圈养，不得随意放养破坏 公共绿化及农作物以及咬伤他人。对于破坏的绿化及农作物要无偿恢复或补种，对于造成咬伤他人及时送医救治。对于拒不整改的村民，除追究其法律责任外，在村信息平台通报批评。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">20.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            舞台广场、篮球场、健身场地等公共设施不得随意破坏，对于恶意破坏公共设施的人员将依法追究其法律责任。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">21.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            公墓方面，服从管理人员安排，不得随意安葬。本墓地土地所有权归村集体所有，丧主不得自行做主使用和买卖转让。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">22.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            严防森林火灾，禁止野外用火，不得焚烧垃圾物、秸秆等。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">23.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            严禁盗伐国家、集体、他人的林木和损毁政府明令保护的珍稀树木。砍伐承包经营的山林，必须依法办理相关手续。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">24.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            公墓墓区应当保持整洁、肃静，丧主不得擅自在本墓区自行建造墓穴,凡在本墓地安放骨灰的丧主应按规定缴纳墓穴费。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">25.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            办理丧事不得妨碍社会公共秩序、危害公共安全、侵犯他人合法权益出殡活动不得妨碍正常交通秩序、扰民和危害公共环境卫生的行为。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">26.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            禁止在公共场所从事搭设灵棚、灵堂、摆放花圈等殡仪活动。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">27.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            禁止在住宅区等人员密集场所燃放烟花爆竹、鸣放电子礼炮、使用高音喇叭、播放高分贝哀乐等扰民行为。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">28.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            禁止非法改装的电子炮车、电子屏幕车、电子花(圈)车及其替代品从事丧葬活动。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">29.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            禁止丧葬乐队、“道士”非法参与丧葬服务。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">30.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            禁止沿途燃放烟花爆竹、抛撒冥纸等行为。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">31.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            严禁在河道、水塘管理范围内倾倒垃圾、土渣，从事影响河道稳定、危害河岸堤防安全和其他任何妨碍河道行洪的活。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">32.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            严禁在行洪河道内种植阻碍行洪的林木和高秆作物
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">33.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            保护河道、水塘渔业资源，禁止使用电枪或其他非法形式捕鱼。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">34.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            做好五水共治工作，不得私自排放污水。家庭生活污水必须经过处理后排放。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">35.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            做到不因过分追求经济效益而乱施滥用化肥和农药，特别是要禁止销售和使用甲胺磷、味喃丹等高毒、高残留农药。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">36.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            禁止在库区、林地等地方使用草甘腾、柴甘腾等灭生性除草剂。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">37.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            提倡有机肥料和化肥配合使用，有效降低施肥成本，同时能更好地提升土壤肥力。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">38.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            提倡适龄婚育、优生忧育，一对夫妻可以生育三个子女，主动参加免费婚前、孕前优生健康检查。依法实行计划生育，无非法胎儿性别鉴定、无选择性别终止妊娠、无弃婴溺婴、无非法收养。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">39.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            大力弘扬科学、文明、进步的婚育观。树立婚育文明、性别平等，计划生育、优生优育，生活健康、家庭幸福的新型婚育文化。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">40.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            符合结婚条件的青年，须到婚姻登记机关办理手续。实行生育登记服务制度，准备生育的夫妻凭身份证、结婚证、户口本(或居住证)在结婚登记之日起至生育前，到一方户籍地所在乡镇(街道)社会事务办或便民办事窗口办理生育登记手续，也可通过浙里办APP进行网上办理。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">41.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            遵循“老人老办法、新人新办法”的原则。对全面两孩政策实施前的独生子女家庭，应继续按规定落实好各项奖励扶助政策；全面两孩政策实施后自愿只生育一个孩子的家庭，不再享受独生子女父母奖励政策；独生子女家庭再生育的、停止享受原独生子女奖励优惠政策，此前已享受的不再退还。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">42.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            村民有参与爱国卫生、疫情防控的义务，倡导公勺公筷、厉行勤俭节约、杜绝浪费、不食野味。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">43.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            下列人员不能确定为村党组织候选人：<br />
            ①受过刑事处罚，存在“村霸”、涉黑涉恶问题的；②受到党纪或政务处分尚未超过所；②受处分有关任职限制期限，以及涉嫌严重违法违纪正在接受纪检监察、公安、司法等立案调查处理的；③非法宗教的参与者、实施者，参与邪教组织的，组织、利用宗教宗族宗派势力干扰侵蚀基层组织和基层政权的；④有拉票贿选或其他不正当竞争行为被查处未满5年的；⑤丧失行为能力的。存在上述情形之一的不能确定为村级组织成员的候选人(自荐人)，凡出现上述五种情形人员当选，当选无效。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">44.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            存在下列六种情形人员，不宜列入村党组织候选人：<br />
            ①在疫情防控防台救灾等重大应急处置工作中存在玩忽职守、拒不配合、干扰破坏等情形或干扰阻碍上级党委、政府中心工作的；②有严重违法用地、违章建房行为尚未整改，以及近5年内有严重损害生态环境行为被查处的；③近5证告业要餐管头成组维院元点元开NT集体上访、越级上访、非正常上访被处理的；④本届任期内有考核不称职被歇职教育未整改、被依法罢免等情形，近3年内先锋指数考评中曾被评为不合格党员；以及长期外出不能正常履行职务的；⑤有恶意失信行为被法院纳入失信被执行人名单且至今未撤销的，有侵占村集体资金、资产、资源等行为未整改到位的；⑥道德品行低劣、在群众中影响较坏的。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">45.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            适龄男女青年必须无条件服从民兵连的统一安排参加征兵体检，对应征兵各项条件合格的，不躲避应征入伍。对于当年光荣入伍者，在全村子以张榜表扬。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">46.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            公共活动场所的健身器材，对未成年人，必须要有监护人监护的前提下，方可上健身器材进行活动；对年老人，必须根据自己的身体条件，进行健身活动，避免意外发生。公共场所禁止乱吐痰、乱扔瓜皮果壳、烟蒂等。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">47.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            为了牢固树立全心全意为人民服务的宗旨，促进干部作风转变，关心群众的生产生活，不断增强党群服务的凝聚力，创建一个和谐、友爱、进取的干群氛围，特制定本村慰问制度：
            <br />
            ①老年人慰问：凡本村村民60周岁至69周岁的老人，村每年年终给予300元的慰问金；70周岁至79周岁的老人，村每年年终给予400元的慰问金；80周岁至89周岁的老人，村每年年终给予500元的慰问金；90周至99周岁的老人，村每年年终给予800元的慰问金；100周岁及以上的老人，村每年年终给予1万元慰问金。
            ②军人慰问：对当年新入伍军人给予800元/人进行慰问。
            ③年终困难人员慰问：年终对困难人员给予一定的慰问金，慰问金金额不超过1000元。
            ④丧事慰问：本村村民家庭成员丧亡的，送花圈一只，标准为150元以内。
          </p>
        </li>
        <li className="villagersContainer__textContainer--text">
          <span className="villagersContainer__textContainer--text-number">48.</span>
          <p className="villagersContainer__textContainer--text-paragram">
            年终小区美丽庭院评比：对获奖村民给予一定的奖金奖励，一等奖奖励村民500元/户，二等奖奖励村民300元/户，三等奖奖励村民200元/户以上所述人员均应为本村村民(以户籍人口为准)。
          </p>
        </li>
      </ul>
    </div>
  )
}
a