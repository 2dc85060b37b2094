#!/usr/bin/env python3
"""Writes the CivicLoop language evaluation set (opinions.jsonl, pairs.csv, routed.jsonl).

Every sentence fragment below was written for this project (original text, project licence).
The script only combines them: which writer says what, where, how colloquially, with which typos.
Fixed seed, so the files are reproducible: python3 eval/language/generate.py
"""
import csv, json, random, os

R = random.Random(20261206)
HERE = os.path.dirname(os.path.abspath(__file__))

def regions():
    rows = list(csv.DictReader(open(os.path.join(HERE, '../../src/main/resources/demo/guiyang-regions.csv'), encoding='utf-8')))
    towns = {r['code']: r['name'] for r in rows if r['parent_code'] == '520111'}
    villages = [(r['code'], r['name'], r['parent_code']) for r in rows if r['level'] == 'village' and r['parent_code'] in towns]
    return towns, villages

TOWNS, VILLAGES = regions()
TOWN_UNIT = {
    '520111004': '贵筑街道办事处', '520111005': '阳光街道办事处', '520111006': '清溪街道办事处',
    '520111007': '溪北街道办事处', '520111008': '黄河路街道办事处', '520111009': '平桥街道办事处',
    '520111010': '小孟街道办事处', '520111011': '金筑街道办事处', '520111012': '党武街道办事处',
    '520111101': '青岩镇人民政府', '520111102': '石板镇人民政府', '520111104': '麦坪镇人民政府',
    '520111105': '燕楼镇人民政府', '520111201': '孟关苗族布依族乡人民政府', '520111204': '湖潮苗族布依族乡人民政府',
    '520111205': '久安乡人民政府', '520111207': '高坡苗族乡人民政府', '520111208': '黔陶布依族苗族乡人民政府',
    '520111209': '马铃布依族苗族乡人民政府'}
SHORT_TOWN = {k: v.replace('苗族布依族乡', '乡').replace('布依族苗族乡', '乡').replace('苗族乡', '乡') for k, v in TOWNS.items()}

# Landmarks: (kind of place, names). Communities get estates and roads, villages get groups and village sites.
ESTATES = ['桂苑小区', '溪山苑', '锦绣花园', '明珠花园', '翠微苑', '安居小区', '溪畔人家', '金桂园', '百花小区', '和谐家园',
           '清华苑', '幸福里', '滨河湾', '水岸春天', '书香苑', '学府花园', '龙腾小区', '阳光城', '南湖小区', '紫薇苑',
           '兴隆小区', '枫林苑', '康宁小区', '馨园', '云顶小区', '铁路宿舍', '老粮站宿舍', '供电局宿舍', '电厂宿舍', '教师公寓']
ROADS = ['花溪大道', '甲秀南路', '明珠大道', '清溪路', '溪北路', '黄河路', '田园南路', '贵筑路', '香江路', '漓江路',
         '珠江路', '平桥北路', '小孟工业园路', '孟关大道', '湖潮路', '青燕路', '花石路', '马高路', '大学城路', '洛平路']
VILLAGE_SITES = ['一组', '二组', '三组', '四组', '五组', '七组', '村委会旁边', '村小学门口', '上寨', '下寨', '老寨',
                 '新寨', '村口大榕树那里', '河边那几户', '坡上', '水井边', '村卫生室旁', '停车场那里', '老街', '搬迁安置点']

def landmark(code, name):
    if name.endswith('社区'):
        return R.choice(ESTATES + ESTATES + ROADS)
    return R.choice(VILLAGE_SITES)

# Problem kinds: category, unit ('TOWN' = the town or street office of the place), descriptions ({p} = the
# concrete spot), what it does to people, what they ask. Several ways of saying each thing.
K = {}
# In the kinds marked ONE, every description is a rewording of one problem; in the others each
# description is a different problem of that kind, so a matter keeps one description and its writers
# differ by framing, synonyms, dialect and typos.
ONE = {'streetlight', 'pothole', 'village_road', 'garbage', 'noise_construction', 'noise_square_dance', 'parking'}
def kind(key, category, unit, says, harms, asks):
    K[key] = dict(category=category, unit=unit, says=says, harms=harms, asks=asks)

kind('streetlight', 'URBAN', 'TOWN', [
    '{p}的路灯坏了好久了，一到晚上黑漆漆的', '{p}那段路灯已经有一个多月不亮', '{p}路灯全熄了，晚上走路只能打手机电筒',
    '晚上{p}一盏灯都没有，路灯是坏的', '{p}的照明设施损坏，夜间没有任何光线', '{p}这边路灯时亮时不亮，最近干脆不亮了'],
    ['老人晚上出门摔过跤', '下晚自习的娃娃走这里家长很担心', '已经发生过两次电动车被偷', '晚上走这段心里发毛'],
    ['请尽快派人来修', '希望有关部门抓紧维修', '麻烦早点换灯泡', '建议更换成太阳能路灯'])
kind('pothole', 'TRAFFIC', '花溪区交通运输局', [
    '{p}路面坑坑洼洼，有几个大坑', '{p}那截路烂得不成样子，到处是坑', '{p}的路被大车压坏了，坑里一下雨就积水',
    '{p}路面破损严重，沥青都翻起来了', '{p}有一段公路塌陷，坑有脸盆那么大'],
    ['骑电动车的摔了好几个', '公交车过的时候泥水溅到行人身上', '车子底盘经常刮到', '晚上看不清很危险'],
    ['请交通部门修补路面', '希望尽快把坑填平', '建议重新铺一下沥青', '能不能先设个警示牌'])
kind('village_road', 'RURAL', 'TOWN', [
    '{p}到主路的那条通组路还是泥巴路', '{p}的机耕道一下雨就稀烂', '{p}进出只有一条土路，硬化一直没搞',
    '我们{p}那条路坑坑洼洼的，车子进不来', '{p}的产业路没有硬化，拉菜的车进不去'],
    ['农产品运不出去', '娃娃上学要走一身泥', '老人看病出门太难了', '去年有三轮车翻到沟里'],
    ['希望纳入今年的通组路硬化计划', '请镇里帮我们把路硬化', '希望政府帮忙修一下路', '能不能先铺点碎石'])
kind('garbage', 'ENVIRONMENT', 'TOWN', [
    '{p}的垃圾桶满了好几天没人清运', '{p}垃圾堆成小山，也不见有人来拉', '{p}的垃圾点臭得很，苍蝇到处飞',
    '{p}那个垃圾收集点清运不及时，垃圾溢出来了', '{p}路边乱倒垃圾，已经堆了一大片'],
    ['夏天臭得窗户都不敢开', '野狗翻得到处都是', '娃娃在旁边玩很不卫生', '路过都要捂鼻子'],
    ['请环卫每天按时清运', '希望增加垃圾桶和清运次数', '建议把垃圾点挪远一点', '请管一管乱倒垃圾的人'])
kind('sewage', 'ENVIRONMENT', '花溪区生态环境局', [
    '{p}旁边有养殖场把粪水直接排到河里', '{p}附近的小河沟水发黑发臭', '{p}有工厂晚上偷偷排污水',
    '{p}的河水被污染了，水面上漂着一层油', '{p}附近的沟渠有污水直排，味道很大'],
    ['下游的稻田都受影响了', '鱼死了不少', '晚上臭得睡不着觉', '担心影响饮用水'],
    ['请环保部门来查一下', '希望依法查处排污的', '请派人取样检测', '要求尽快整改'])
kind('noise_construction', 'URBAN', '花溪区综合行政执法局', [
    '{p}旁边的工地半夜还在施工', '{p}的工地晚上十一二点还在打桩', '{p}附近施工噪音太大，凌晨都不停',
    '{p}那个工地天天夜里浇混凝土，吵得人睡不着', '{p}工地夜间施工扰民'],
    ['家里老人小孩整夜睡不好', '孩子要中考了，根本没法休息', '上夜班的人白天也睡不成', '打过几次电话都没用'],
    ['请执法部门管一管', '希望严格限制夜间施工时间', '请依法处罚', '请查一下他们有没有夜间施工许可'])
kind('noise_square_dance', 'GOVERNANCE', '贵阳市公安局花溪分局', [
    '{p}的广场舞音响开得太大声', '{p}每天晚上跳广场舞，音箱震天响', '{p}广场舞放到晚上十点多还不停',
    '{p}楼下有人天天晚上用大喇叭唱歌'],
    ['高三学生没法复习', '老人心脏受不了', '上班族回家想休息都不行', '跟他们说了不听'],
    ['请派出所来劝导', '希望规定音量和时间', '请相关部门协调一下', '建议换个远离住户的地方'])
kind('street_vendor', 'URBAN', '花溪区综合行政执法局', [
    '{p}门口的流动摊贩占道经营', '{p}路边摆摊的把人行道全占了', '{p}早上菜贩子占着马路卖菜',
    '{p}的烧烤摊占道，油烟也大', '{p}那边商户把货摆到人行道上'],
    ['行人只能走机动车道', '早高峰堵得走不动', '地上油污很滑', '救护车都进不来'],
    ['请城管来规范一下', '希望划定固定的摊位区', '请执法部门管理', '建议设个便民市场'])
kind('parking', 'TRAFFIC', '贵阳市公安局花溪分局', [
    '{p}门口乱停车很严重', '{p}路边车停得乱七八糟，消防通道都堵了', '{p}的车位太少，大家都停在路上',
    '{p}有人长期把车停在人行道上'],
    ['早上送娃娃的车堵成一团', '救护车进不来', '老人推轮椅都过不去', '经常有刮擦'],
    ['请交警来管理', '希望增设停车位', '建议划线规范停车', '请对长期占道的车处理一下'])
kind('bus', 'TRAFFIC', '花溪区交通运输局', [
    '{p}的公交车班次太少，等一趟要四十分钟', '{p}这边没有公交站，要走二十分钟才能坐车', '去{p}的公交末班车太早，晚上七点就没车了',
    '{p}的公交线路绕得太远', '{p}的公交站台没有遮雨棚'],
    ['上班的人天天迟到', '学生放学回不了家', '老人去医院很不方便', '下雨天等车全身淋湿'],
    ['希望增加班次', '建议延长末班车时间', '请考虑新开一条线路', '希望加装站台雨棚'])
kind('school_place', 'EDUCATION', '花溪区教育局', [
    '{p}附近的小学学位不够，孩子报不上名', '{p}这片新房子多，对口学校容不下', '我们{p}的娃娃被分到很远的学校',
    '{p}幼儿园只有一所私立的，收费太贵', '{p}的孩子上初中要跨半个区'],
    ['每天接送要一个多小时', '很多家长只能租房陪读', '孩子上学路上不安全', '大家意见很大'],
    ['希望教育局调整学区划分', '建议新建一所小学', '希望增加公办幼儿园学位', '请早点公布招生方案'])
kind('school_safety', 'EDUCATION', '花溪区教育局', [
    '{p}学校门口放学时没有人维持秩序', '{p}学校门口的小卖部卖三无零食', '{p}学校的围墙裂了一条大缝',
    '{p}学校的食堂饭菜质量很差', '{p}学校上学时段门口车流量大又没有斑马线'],
    ['学生差点被车撞了', '娃娃吃了肚子疼', '担心墙倒了伤到学生', '家长们都很担心'],
    ['请教育局督促学校整改', '希望安排护学岗', '请检查一下学校设施', '希望加强食堂监管'])
kind('clinic', 'HEALTH', '花溪区卫生健康局', [
    '{p}的卫生室医生经常不在', '{p}的卫生院晚上没有医生值班', '{p}卫生服务站药品不全，常用药都买不到',
    '{p}附近没有卫生室，看个感冒都要坐车进城', '{p}的卫生院挂号排队太久'],
    ['小孩半夜发烧只能往城里跑', '老人慢性病拿药很麻烦', '耽误了好几次病情', '村里老人多，看病难'],
    ['希望安排医生定时坐诊', '建议增加夜间值班', '请卫健部门配齐常用药', '希望建一个卫生室'])
kind('medical_insurance', 'SOCIAL_SECURITY', '花溪区医疗保障局', [
    '在{p}的定点药店刷医保卡刷不了', '{p}的卫生院说门诊慢病不能报销', '我在{p}看病，异地就医备案一直办不下来',
    '{p}的老人不知道新农合怎么续缴', '{p}药店用医保买药比现金还贵'],
    ['自己掏钱负担很重', '跑了好几趟都没办成', '老人搞不懂手机上的流程', '很多人都是这个情况'],
    ['请医保局给个明确说法', '希望派人来讲解一下政策', '请核查一下药店的收费', '希望简化备案手续'])
kind('pension', 'SOCIAL_SECURITY', '花溪区人力资源和社会保障局', [
    '{p}有老人的养老金这个月没到账', '{p}的养老保险认证太麻烦', '我在{p}，社保转移接续办了三个月没办好',
    '{p}好几户的城乡居民养老保险缴费记录查不到'],
    ['老人等着这点钱买药', '来回跑了很多次', '怕影响以后领钱', '打电话问也说不清楚'],
    ['请人社局核查一下', '希望尽快补发', '请告诉我们到底要带什么材料', '希望能上门办理'])
kind('wage_arrears', 'SOCIAL_SECURITY', '花溪区人力资源和社会保障局', [
    '{p}那个工地的老板拖欠我们农民工工资', '在{p}干活的二十多个工人工资被拖了半年', '{p}的包工头跑了，工钱一分没拿到',
    '{p}的工厂已经三个月没发工资了'],
    ['马上过年了家里等着钱用', '娃娃学费都交不起', '找老板就说没钱', '好几个人去讨说法被赶出来'],
    ['请劳动监察帮我们讨回工资', '希望政府出面协调', '请依法处理欠薪的老板', '希望尽快给个答复'])
kind('elderly_care', 'SOCIAL_SECURITY', '花溪区民政局', [
    '{p}的独居老人没人照顾', '{p}的老年活动室一直锁着门', '{p}的低保评定不公平，有车有房的也在吃低保',
    '{p}的养老服务中心收费太贵住不起', '{p}的残疾人补贴一直没发'],
    ['好几个老人生病了都没人知道', '大家心里很不服气', '老人没地方去只能在家坐着', '家里实在困难'],
    ['希望民政部门关心一下', '请重新核查低保名单', '希望开放活动室', '请尽快落实补贴'])
kind('water_supply', 'URBAN', '花溪区水务管理局', [
    '{p}三天两头停水，也不提前通知', '{p}的自来水发黄，有股怪味', '{p}的水压太低，三楼以上都没水',
    '{p}的自来水管爆了，水一直在流', '{p}这几天停水了，到现在还没来'],
    ['做饭洗澡都成问题', '娃娃喝了拉肚子', '浪费了好多水', '只能去亲戚家挑水'],
    ['请水务部门尽快处理', '希望停水前提前通知', '请检测一下水质', '希望更换老化的管道'])
kind('drinking_water_village', 'RURAL', '花溪区水务管理局', [
    '{p}的人饮工程水池干了', '{p}的饮水管道被挖断了还没接', '{p}的水源点被污染，水浑得很',
    '{p}一到枯水期就没水吃'],
    ['全组几十户人要到山下挑水', '牲口都没水喝', '老人挑不动水', '只能喝沟里的水'],
    ['请水务局帮忙解决饮水问题', '希望尽快把管道修好', '建议再打一口井', '请派人来看一下'])
kind('drainage_flood', 'URBAN', '花溪区住房和城乡建设局', [
    '{p}一下大雨就淹，积水到小腿', '{p}的下水道堵了，污水往外冒', '{p}的排水沟太小，雨水排不出去',
    '{p}的雨水井盖缺了一块', '{p}的化粪池满了往外溢'],
    ['一楼住户家里进了水', '路过的人差点掉进去', '臭水流得满地都是', '车子开过去熄火了'],
    ['请尽快疏通下水道', '希望改造排水管网', '请补上井盖', '请相关部门彻底解决'])
kind('property_mgmt', 'URBAN', '花溪区住房和城乡建设局', [
    '{p}的物业不作为，电梯坏了半个月没人修', '{p}的物业费涨了但服务越来越差', '{p}的维修基金怎么用业主根本不知道',
    '{p}的开发商一直不给办房产证', '{p}的小区绿化被物业改成了停车位'],
    ['八十多岁的老人只能爬楼', '业主们意见很大', '孩子上学落不了户', '找物业就互相推'],
    ['请住建局督促物业整改', '希望查一下维修基金的账', '请帮我们协调办证', '希望换一家物业'])
kind('illegal_building', 'URBAN', '花溪区综合行政执法局', [
    '{p}有人在楼顶违章搭建', '{p}一楼住户私自打通承重墙开店', '{p}有人占用公共绿地盖房子',
    '{p}有人在河边违规建房'],
    ['楼上住户担心房子安全', '挡住了别人的采光', '消防车都进不来', '举报了也没人管'],
    ['请执法部门依法拆除', '希望尽快制止', '请到现场查看', '希望给个处理结果'])
kind('food_safety', 'BUSINESS', '花溪区市场监督管理局', [
    '{p}的一家餐馆卫生太差，后厨老鼠乱跑', '在{p}的小超市买到过期的牛奶', '{p}菜市场的猪肉没有检疫章',
    '{p}有家店卖的米粉吃了拉肚子', '{p}的早餐摊用地沟油'],
    ['我家孩子吃了去医院了', '很多人都买过', '这样下去要出大事', '商家还不承认'],
    ['请市场监管部门查处', '希望加强食品安全检查', '请给我们一个说法', '建议吊销执照'])
kind('price_fraud', 'BUSINESS', '花溪区市场监督管理局', [
    '{p}的商铺短斤少两', '{p}景区门口的商店卖东西宰客', '{p}的健身房收了年卡钱就跑路了',
    '{p}的电动车店卖的电池是假冒的', '{p}的药店标价和结账价不一样'],
    ['游客都在网上骂', '十几个人的钱退不回来', '老人被骗了好几百', '影响花溪的形象'],
    ['请市场监管局查一查', '希望依法处罚', '请帮忙维权', '希望加强监管'])
kind('farm_subsidy', 'RURAL', '花溪区农业农村局', [
    '{p}的耕地地力补贴今年还没发', '{p}种的辣椒没人收，烂在地里', '{p}的高标准农田灌溉渠垮了',
    '{p}村民的土地流转费拖了两年没给', '{p}的茶叶合作社申请补贴没有结果'],
    ['一年的收成都没了', '大家种地的积极性受打击', '春耕马上要开始了', '村民找村里也说没办法'],
    ['请农业农村局帮忙协调', '希望尽快发放补贴', '请派技术人员来指导', '希望帮忙找销路'])
kind('livestock_pollution', 'RURAL', 'TOWN', [
    '{p}有人在房前屋后养猪，臭气熏天', '{p}的养鸡场离住户太近', '{p}的牛粪堆在路边没人管',
    '{p}有户人家的羊圈紧挨着水井'],
    ['蚊子苍蝇多得很', '邻居之间都闹矛盾了', '夏天根本开不了窗', '担心水被污染'],
    ['请镇里协调一下', '希望规范养殖', '请要求他们搬远一点', '希望上门调解'])
kind('tourism', 'OTHER', '花溪区文化和旅游局', [
    '{p}景区节假日停车难、厕所少', '{p}的导游乱拉客', '{p}古镇的旅游标识牌都是错别字',
    '{p}景区门票说免了但里面项目乱收费', '{p}的民宿没有证照也在营业'],
    ['游客体验太差', '外地朋友来了都在抱怨', '影响古镇口碑', '本地人也受影响'],
    ['请文旅部门规范管理', '希望增加公厕', '请整治乱收费', '建议统一更换标识'])
kind('fire_hazard', 'GOVERNANCE', '贵阳市花溪区消防救援大队', [
    '{p}的楼道里堆满杂物，还有人在楼道充电动车', '{p}的消防栓没有水', '{p}的消防通道被锁死了',
    '{p}的出租屋电线乱拉，随时可能起火', '{p}的灭火器都过期了'],
    ['真着火了后果不堪设想', '住户都很担心', '去年隔壁楼就着过一次火', '物业说管不了'],
    ['请消防部门来检查', '希望尽快整改隐患', '请依法处罚', '希望加强消防宣传'])
kind('geo_hazard', 'GOVERNANCE', '花溪区应急管理局', [
    '{p}后山的土坡雨后开裂了', '{p}的挡墙鼓包了随时会垮', '{p}上面的山体有滑坡的迹象',
    '{p}的河堤被冲垮了一段', '{p}的危房没人管，下雨就掉瓦片'],
    ['下面住着十几户人家', '晚上下雨都不敢睡', '娃娃每天从底下过', '去年就垮过一次'],
    ['请应急部门赶紧来看', '希望尽快排危', '请安排搬迁', '希望设立警示标志'])
kind('dog_security', 'GOVERNANCE', '贵阳市公安局花溪分局', [
    '{p}有人遛狗不拴绳，还咬了小孩', '{p}晚上经常有人飙车炸街', '{p}最近连续发生电动车被盗',
    '{p}有人在出租屋里聚众赌博', '{p}附近有人在路边打架斗殴'],
    ['大家晚上都不敢出门', '报警了来得很慢', '老人小孩吓得要死', '已经好几家被偷了'],
    ['请派出所加强巡逻', '希望装监控', '请依法处理', '希望给我们一个安全的环境'])
kind('enterprise_approval', 'BUSINESS', '花溪区政务服务中心', [
    '在{p}办营业执照跑了好几趟', '{p}这边办餐饮许可证要的材料太多', '我们在{p}的公司变更登记一直卡着',
    '{p}的政务服务点经常系统故障办不了事', '{p}开个小店要盖一堆章'],
    ['耽误了开业时间', '每次都说材料不齐', '租金天天在交', '窗口人员态度不好'],
    ['希望一次性告知需要的材料', '请优化办事流程', '希望能网上办', '请政务中心给个说法'])
kind('tax', 'BUSINESS', '国家税务总局贵阳市花溪区税务局', [
    '{p}的个体户被要求补缴好几年的税', '我们在{p}的小企业开发票系统老是出问题', '{p}的企业退税申请迟迟没有批下来',
    '{p}的小商户不清楚减税政策怎么享受'],
    ['资金周转不过来', '客户催着要发票', '担心被罚款', '问了好几个人说法都不一样'],
    ['请税务局解释一下政策', '希望尽快办理退税', '请派人上门辅导', '希望简化流程'])
kind('investment', 'BUSINESS', '花溪区投资促进局', [
    '{p}引进的企业承诺的配套一直没兑现', '{p}的招商项目停工了很久', '{p}园区的厂房空着没人用',
    '我们企业想落户{p}，不知道找哪个部门'],
    ['企业都想撤走了', '村民土地被征了项目却没动', '浪费资源', '错过了好的时机'],
    ['请投促局协调落实', '希望公开项目进展', '请给个对接的联系人', '希望尽快盘活'])
kind('rural_housing', 'RURAL', 'TOWN', [
    '{p}的危房改造名额分配不公平', '{p}的易地搬迁安置房漏水', '{p}村民建房审批一直批不下来',
    '{p}的人居环境整治把我家的菜园子推了没补偿'],
    ['一家人挤在漏雨的老房子里', '大家都很有意见', '等了一年多了', '去村里问也没人管'],
    ['请镇里公开评定结果', '希望尽快维修', '请说明审批卡在哪里', '希望给个合理补偿'])
kind('employment', 'SOCIAL_SECURITY', '花溪区人力资源和社会保障局', [
    '{p}的搬迁户就业没着落', '{p}的技能培训都是走过场', '{p}的年轻人找不到工作都出去打工了',
    '{p}的公益性岗位名额太少'],
    ['家里只靠一个人的收入', '培训完了还是没人要', '村里只剩老人和小孩', '生活很困难'],
    ['希望组织招聘会', '请开展实用的技能培训', '希望增加就近就业岗位', '请人社部门帮忙'])
kind('air_pollution', 'ENVIRONMENT', '花溪区生态环境局', [
    '{p}附近的厂子晚上排黑烟', '{p}有人露天焚烧垃圾', '{p}的石料厂粉尘很大',
    '{p}的沥青搅拌站味道刺鼻'],
    ['家里的窗台天天一层灰', '老人咳嗽得厉害', '晾的衣服都是黑的', '娃娃呼吸道出问题'],
    ['请环保部门查处', '希望安装除尘设施', '请检测一下空气质量', '希望督促整改'])
kind('tree_green', 'URBAN', 'TOWN', [
    '{p}的行道树太高挡住了路灯', '{p}的绿化带杂草一人多高', '{p}有棵大树枯死了随时会倒',
    '{p}的公园健身器材坏了'],
    ['刮风天树枝掉下来砸到车', '蛇虫多不敢走', '晚上看不清路', '老人锻炼没地方'],
    ['请尽快修剪', '希望安排人除草', '请把枯树处理掉', '希望更换器材'])

OPENERS = ['', '', '', '您好，', '领导好，', '你好，我是{v}的{who}，', '我是住在{p}的居民，', '反映一个问题：', '各位领导：',
           '我想反映个事情，', '打扰一下，', '尊敬的人大代表：', '我是附近的住户，', '我们是{v}的群众，']
TIMES = ['', '', '最近', '从上个月开始', '这半年来', '今年以来', '已经快两个月了，', '这段时间', '从去年冬天开始']
CLOSERS = ['', '', '谢谢！', '谢谢领导。', '盼回复。', '望采纳。', '麻烦了。', '急！', '希望能看到改变。']
COLLOQUIAL = [('很', '好'), ('没有', '莫得'), ('怎么', '咋个'), ('非常', '硬是'), ('快点', '搞快点'), ('不行', '不得行'),
              ('麻烦', '恼火'), ('什么时候', '哪阵'), ('小孩', '娃娃'), ('孩子', '娃儿')]
TYPOS = [('反映', '反应'), ('已经', '以经'), ('建议', '建意'), ('安装', '按装'), ('严重', '严中'), ('处理', '处里'),
         ('垃圾', '拉圾'), ('噪音', '燥音'), ('维修', '维休'), ('及时', '即时'), ('影响', '影向'), ('部门', '布门'),
         ('希望', '希忘'), ('清理', '清里'), ('晚上', '晚尚'), ('工资', '工姿'), ('路灯', '路登'), ('积水', '击水'),
         ('施工', '施功'), ('消防', '消访'), ('卫生', '卫声'), ('检查', '检察'), ('停车', '停侧'), ('补贴', '补帖'),
         ('经营', '经营'), ('坏了', '怀了'), ('事情', '事请'), ('老人', '劳人'), ('通道', '通到'), ('在', '再')]

LETTER_BACKGROUND = [
    '我在这里住了二十多年，以前这一片还算安静整洁，这几年人多了，问题也跟着多了起来。',
    '我是一名退休教师，平时喜欢在附近散步，对周边的情况比较了解，也经常听邻居们议论这件事。',
    '我们几户人家商量了好几次，觉得还是应该通过正规渠道把情况反映上来，而不是在背后发牢骚。',
    '这件事之前我们也向社区和村里反映过，工作人员态度是好的，说会向上面汇报，但到现在也没有下文。',
    '我知道政府事情多，很多问题不是一下子就能解决的，但这个问题关系到大家的日常生活和安全，拖不得。',
    '我家里有两个老人，一个八十三岁，一个七十九岁，腿脚都不方便，所以对这个问题感受特别深。',
    '去年人大代表来我们这里接待群众的时候，也有人提过同样的问题，当时说要研究，后来就没消息了。',
    '我在外地打工，过年回家才发现情况比我想象的还要糟糕，家里人说已经持续很长时间了。']
LETTER_DETAIL = [
    '具体情况是这样的：{say}。{harm}，周边很多住户都有同感。',
    '我把情况再说详细一点。{say}，而且不是一天两天的事了。{harm}。',
    '每次遇到都很无奈。{say}，{harm}，大家说起来都是一肚子火。',
    '我拍了照片，也问过周边的人，情况都属实：{say}。']
LETTER_END = [
    '恳请有关部门高度重视，派人到现场实地看一看，听一听群众的意见，{ask}。处理的进展也希望能告诉我们一声。',
    '希望这封信能转到真正管这件事的部门手里。{ask}。如果需要我们配合，随时可以联系，我们一定配合。',
    '我们不是要找麻烦，只是希望问题能解决。{ask}，也希望以后能建立一个长效的管理办法，不要过段时间又反弹。',
    '最后再说一句，{ask}。群众的事无小事，相信政府一定会给我们一个满意的答复。']

SYNONYMS = [('希望', '盼望'), ('尽快', '抓紧'), ('请', '麻烦'), ('坏了', '出毛病了'), ('严重', '厉害'), ('老人', '老年人'),
            ('晚上', '夜里'), ('附近', '周边'), ('没人', '没有人'), ('很多', '好多'), ('一直', '始终'), ('住户', '居民'),
            ('商户', '店家'), ('查处', '处理'), ('太', '特别'), ('不敢', '不太敢'), ('好几', '很多'), ('到现在', '至今')]

def tweak(text, colloquial=False, typos=0):
    for a, b in R.sample(SYNONYMS, R.randint(0, 4)):
        if a in text:
            text = text.replace(a, b, 1)
    if colloquial:
        for a, b in R.sample(COLLOQUIAL, 4):
            if a in text and R.random() < 0.8:
                text = text.replace(a, b, 1)
        if R.random() < 0.5:
            text = text.rstrip('。！') + R.choice(['哦。', '嘛。', '撒！', '，真的好恼火。', '，拜托了哈。'])
    applied = 0
    for a, b in R.sample(TYPOS, len(TYPOS)):
        if applied >= typos:
            break
        if a in text and a != b:
            text = text.replace(a, b, 1)
            applied += 1
    return text

def place_phrase(code, vname, lm, style):
    town = SHORT_TOWN[code[:9]]
    if style == 0:
        return f'{town}{vname}{lm}'
    if style == 1:
        return f'{vname}{lm}'
    if style == 2:
        return f'花溪区{town}{vname}{lm}' if not lm.startswith(('一', '二', '三', '四', '五', '七')) else f'花溪区{town}{vname}{lm}'
    if style == 3:
        return lm if not lm.endswith('组') else f'{vname}{lm}'
    return f'{town}{lm}' if name_is_estate(lm) else f'{vname}{lm}'

def name_is_estate(lm):
    return lm in ESTATES or lm in ROADS

def write_text(k, code, vname, lm, say_idx=None, long_letter=False, colloquial=None, typos=None, extra=''):
    kd = K[k]
    p = place_phrase(code, vname, lm, R.randrange(5))
    say = (kd['says'][say_idx] if say_idx is not None else R.choice(kd['says'])).format(p=p)
    harm, ask = R.choice(kd['harms']), R.choice(kd['asks'])
    who = '村民' if vname.endswith('村') else '居民'
    if long_letter:
        paras = [R.choice(OPENERS[3:]).format(v=vname, p=p, who=who)]
        paras += R.sample(LETTER_BACKGROUND, R.randint(2, 4))
        paras.append(R.choice(LETTER_DETAIL).format(say=say, harm=harm))
        paras += [f'{h}。' for h in R.sample(kd['harms'], R.randint(1, 3)) if h != harm]
        if extra:
            paras.append(extra)
        paras.append(R.choice(LETTER_END).format(ask=ask))
        text = '\n'.join(paras)
        reps = R.randint(1, 3)  # long letters repeat themselves, as real ones do
        for _ in range(reps):
            text += '\n' + R.choice(LETTER_BACKGROUND) + R.choice(LETTER_DETAIL).format(say=say, harm=R.choice(kd['harms']))
    else:
        opener = R.choice(OPENERS).format(v=vname, p=p, who=who)
        time = R.choice(TIMES)
        shape = R.randrange(4)
        if shape == 0:
            text = f'{opener}{time}{say}，{harm}。{ask}。{R.choice(CLOSERS)}'
        elif shape == 1:
            text = f'{opener}{say}。{harm}！{ask}。'
        elif shape == 2:
            text = f'{say}，{ask}。'
        else:
            text = f'{opener}{ask}：{say}，{harm}。{R.choice(CLOSERS)}'
    colloquial = R.random() < 0.3 if colloquial is None else colloquial
    typos = (R.choice([0, 0, 0, 1, 2]) if typos is None else typos)
    text = tweak(text, colloquial, typos)
    for a, b in (('门口门口', '门口'), ('，，', '，'), ('。。', '。'), ('最近最近', '最近'), ('：：', '：')):
        text = text.replace(a, b)
    return text, dict(colloquial=colloquial, typos=typos, long=long_letter)

def unit_for(k, code):
    u = K[k]['unit']
    return TOWN_UNIT[code[:9]] if u == 'TOWN' else u

def main():
    kinds = list(K)
    # ---- duplicates: matters with 3-15 writers, plus hard negatives
    opinions, matters = [], []
    used = set()
    sizes = [3] * 14 + [4] * 12 + [5] * 9 + [6] * 6 + [7] * 4 + [8] * 3 + [10] * 2 + [12, 15]
    R.shuffle(sizes)
    for n in sizes:
        while True:
            k = R.choice(kinds)
            code, vname, town = R.choice(VILLAGES)
            lm = landmark(code, vname)
            if (k, code, lm) not in used:
                break
        used.add((k, code, lm))
        matters.append(dict(kind=k, code=code, vname=vname, lm=lm, size=n))
    # hard negatives attached to some matters: same kind elsewhere, same spot another kind
    for m in list(matters):
        if R.random() < 0.6:
            code, vname, _ = R.choice(VILLAGES)
            lm = landmark(code, vname)
            if (m['kind'], code, lm) not in used:
                used.add((m['kind'], code, lm))
                matters.append(dict(kind=m['kind'], code=code, vname=vname, lm=lm, size=R.choice([1, 1, 2, 3]),
                                    negOf=len(matters) and matters.index(m), neg='OTHER_PLACE'))
        if R.random() < 0.25 and m['kind'] not in ONE:
            other = R.choice([i for i in range(len(K[m['kind']]['says'])) if i != m.get('say')] or [0])
            matters.append(dict(kind=m['kind'], code=m['code'], vname=m['vname'], lm=m['lm'], size=R.choice([1, 2]),
                                negOf=matters.index(m), neg='OTHER_PROBLEM', fixedSay=other))
        elif R.random() < 0.5:
            k2 = R.choice([k for k in kinds if k != m['kind']])
            if (k2, m['code'], m['lm']) not in used:
                used.add((k2, m['code'], m['lm']))
                matters.append(dict(kind=k2, code=m['code'], vname=m['vname'], lm=m['lm'], size=R.choice([1, 1, 2, 3]),
                                    negOf=matters.index(m), neg='OTHER_PROBLEM'))
    for mi, m in enumerate(matters):
        m['id'] = f'M{mi + 1:03d}'
        says = list(range(len(K[m['kind']]['says'])))
        R.shuffle(says)
        if m['kind'] not in ONE:
            says = [m['fixedSay']] if 'fixedSay' in m else says[:1]
        m['say'] = says[0]
        for w in range(m['size']):
            long_letter = R.random() < 0.08
            text, how = write_text(m['kind'], m['code'], m['vname'], m['lm'], say_idx=says[w % len(says)],
                                   long_letter=long_letter)
            opinions.append(dict(id=f'D{len(opinions) + 1:04d}', matter=m['id'], text=text, placeCode=m['code'],
                                 category=K[m['kind']]['category'], **how))
    R.shuffle(opinions)
    for i, o in enumerate(opinions):
        o['id'] = f'D{i + 1:04d}'
    by_matter = {}
    for o in opinions:
        by_matter.setdefault(o['matter'], []).append(o)
    with open(os.path.join(HERE, 'opinions.jsonl'), 'w', encoding='utf-8') as f:
        for o in opinions:
            f.write(json.dumps(dict(id=o['id'], matter=o['matter'], placeCode=o['placeCode'], category=o['category'],
                                    colloquial=o['colloquial'], typos=o['typos'], long=o['long'], text=o['text']),
                               ensure_ascii=False) + '\n')
    # ---- labelled pairs
    pairs, seen = [], set()
    def add(a, b, label, why):
        key = tuple(sorted((a['id'], b['id'])))
        if key in seen or a is b:
            return
        seen.add(key)
        pairs.append((a['id'], b['id'], label, why))
    for m in matters:
        g = by_matter[m['id']]
        for i in range(len(g)):
            for j in range(i + 1, len(g)):
                if R.random() < (1.0 if len(g) <= 5 else 5 / len(g)):
                    a, b = g[i], g[j]
                    why = 'TYPO' if a['typos'] or b['typos'] else 'COLLOQUIAL' if a['colloquial'] or b['colloquial'] \
                        else 'LONG' if a['long'] or b['long'] else 'REWORDED'
                    add(a, b, 'YES', why)
        if 'negOf' in m:
            base = by_matter[matters[m['negOf']]['id']]
            for o in g:
                for b in R.sample(base, min(3, len(base))):
                    add(o, b, 'NO', m['neg'])
    # same kind, other matter (another place or spot) among the big matters
    big = [m for m in matters if m['size'] >= 3]
    for m in big:
        others = [x for x in big if x['kind'] == m['kind'] and x is not m]
        for x in others:
            add(R.choice(by_matter[m['id']]), R.choice(by_matter[x['id']]), 'NO', 'OTHER_PLACE')
    while sum(1 for p in pairs if p[2] == 'NO') < 260:
        a, b = R.sample(opinions, 2)
        if a['matter'] != b['matter']:
            add(a, b, 'NO', 'UNRELATED')
    with open(os.path.join(HERE, 'pairs.csv'), 'w', encoding='utf-8', newline='') as f:
        w = csv.writer(f)
        w.writerow(['a', 'b', 'same_matter', 'kind'])
        w.writerows(sorted(pairs))
    # ---- routed texts
    routed = []
    for i in range(720):
        k = R.choice(kinds)
        code, vname, _ = R.choice(VILLAGES)
        lm = landmark(code, vname)
        text, how = write_text(k, code, vname, lm, long_letter=R.random() < 0.04)
        routed.append(dict(id=f'R{i + 1:04d}', placeCode=code, category=K[k]['category'], unit=unit_for(k, code), text=text))
    with open(os.path.join(HERE, 'routed.jsonl'), 'w', encoding='utf-8') as f:
        for r in routed:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
    yes = sum(1 for p in pairs if p[2] == 'YES')
    print(f'opinions {len(opinions)} in {len(matters)} matters; pairs {len(pairs)} ({yes} yes); routed {len(routed)}')
    from collections import Counter
    print(Counter(p[3] for p in pairs))
    print(Counter(r['unit'] for r in routed).most_common())

main()
