-- Issue 17, "a year of cases": fills a migrated Aftercare PostgreSQL database with a year of a large integrator's work
-- (docs/benchmarks.md "A year of cases"). Run through scripts/generate-year.sh, which sets the scale:
--   :cases   cases received in the year      (1,000,000 at full scale)
--   :open    of them still open                (100,000)
--   :devices installed devices               (200,000)
--   :zone    the service's time zone, for the year in a case number (Asia/Shanghai)
-- Cases carry the application's own numbers (INC-yyyy-nnnnnn) and the words people report with (gen_words below),
-- so number lookups and text searches meet what they meet on a real desk (ADR 0064).
-- Bulk SQL (generate_series, one INSERT … SELECT per table): the app's own tables only. Closed cases get their
-- timeline (created, resolved, closed) and milestones; open cases their milestones and the board's clock rows
-- (board_clock, as ticket.CacheClocks writes them). The engine's rows follow in generate-year-engine.sql (same session:
-- it reads gen_case).
\set ON_ERROR_STOP on
begin;
-- the templates the engine part copies (generate-year-engine.sql, ADR 0059): looked for first, so that nothing is
-- generated without them, and a generated case can never be taken for one (they are the oldest of their kind)
create temporary table gen_tpl as
select s.stage, t.id tpl_id, t.number tpl_number, t.received_at tpl_received, t.status, t.assignee, t.request_type,
       t.category, t.process_instance_id
from (values ('desk', 'AT_DESK', 'FAULT'), ('callback', 'AWAITING_CALLBACK', null), ('engineer', 'IN_PROGRESS', 'FAULT'),
             ('closed', 'CLOSED', null)) s(stage, status, rtype)
cross join lateral (select * from ticket t where t.status = s.status
                    and (s.rtype is null or t.request_type = s.rtype) order by t.id limit 1) t;
do $$ begin
  if (select count(*) from gen_tpl) < 4 then
    raise exception 'templates missing: need one case AT_DESK (fault), AWAITING_CALLBACK, IN_PROGRESS (fault) and CLOSED made by the application, found %',
      (select string_agg(stage, ', ') from gen_tpl);
  end if;
end $$;

insert into customer (name) select '客户单位 ' || g from generate_series(1, 400) g on conflict do nothing;
insert into site (customer_id, name, address, region)
select c.id, '站点 ' || c.id || '-' || s, '某市某区某路 ' || s || ' 号', case when s % 3 = 0 then 'COUNTY' else 'CITY' end
from customer c cross join generate_series(1, 10) s on conflict do nothing;
create temporary table gen_site as select id, row_number() over (order by id) rn from site;
create index on gen_site (rn);

-- The words people use when they report (the users' contracts in seeds/, the desk's own cases): a title is where,
-- which device and what is wrong ("北门卡口球机黑屏"), a description when it started, what was tried and what it
-- stops. Each device type has its own names, places and symptoms; a case draws them from independent hashes of its
-- number, so a phrase matches the share of cases a real desk would see (about one in 14 cameras says 无图像), not all.
create temporary table gen_words (type text primary key, things text[], places text[], symptoms text[], fixes text[]);
insert into gen_words values
  ('CAMERA', array['摄像机','球机','枪机','半球摄像机','卡口摄像机','人脸抓拍机'],
   array['东门','西门','南门','北门卡口','停车场入口','地下车库','一号楼大厅','二号楼走廊','周界围墙','主干道路口','教学楼','食堂门口',
         '操场','仓库','收费站','园区大门','电梯厅','消防通道','门诊楼','住院部','学校门口','公交站台','十字路口','河道'],
   array['黑屏','无图像','画面模糊','花屏','离线','夜间无图像','云台不转','图像偏色','画面抖动','镜头被遮挡','补光灯不亮',
         '时间不同步','画面有雪花','进水起雾'],
   array['更换电源适配器','清洁镜头并调整焦距','重新熔接光纤','更换摄像机','紧固接头并做防水处理','恢复出厂设置后重新配置',
         '更换云台控制板','校时并开启自动对时']),
  ('NVR', array['硬盘录像机','网络录像机','NVR'],
   array['监控中心','一楼弱电间','三楼机房','分控室','值班室','中心机房'],
   array['录像丢失','硬盘故障','无法回放','频繁重启','通道离线','无法登录','硬盘已满不覆盖','报警鸣叫'],
   array['更换硬盘','升级固件','重新配置录像计划','更换电源','清理灰尘并更换风扇','开启循环覆盖']),
  ('SWITCH', array['交换机','汇聚交换机','光纤收发器','POE交换机'],
   array['一楼弱电间','二号楼弱电井','路口设备箱','室外机柜','汇聚机房','三楼机房'],
   array['端口掉线','丢包严重','指示灯不亮','网络中断','频繁断网','光口不通','风扇异响'],
   array['更换光模块','更换收发器','重新熔接光纤','更换交换机','重新配置VLAN','更换电源模块']),
  ('UPS', array['UPS','UPS电源','蓄电池组'],
   array['中心机房','监控中心','一楼弱电间','室外机柜','配电房'],
   array['告警鸣叫','电池鼓包','无法供电','切换失败','断电后无法续航','面板显示故障代码'],
   array['更换蓄电池','更换UPS主机','检修输入空开','重新接线并测试切换']),
  ('SERVER', array['服务器','视频管理服务器','存储阵列','平台服务器'],
   array['中心机房','监控中心','数据中心','三楼机房'],
   array['死机','磁盘告警','无法登录','服务中断','CPU占用过高','平台打不开','风扇告警'],
   array['更换故障硬盘并重建阵列','重启服务并清理日志','更换内存','扩容存储','更换风扇','修复数据库']),
  ('OTHER', array['门禁控制器','拼接屏','解码器','报警主机','道闸'],
   array['东门','北门','一号楼大厅','监控中心','停车场入口','园区大门','值班室'],
   array['无法刷卡','黑屏','无输出','离线','误报频繁','无法抬杆'],
   array['更换读卡器','更换拼接屏电源','重新配置解码通道','更换控制板','调整防区灵敏度','更换道闸电机']);
create temporary table gen_text (kind text, n int, texts text[]);
insert into gen_text values
  ('onset', 10, array['早上八点起','昨晚十点左右开始','今天上午巡检时发现','暴雨过后','停电恢复后','上周起间歇性出现','交接班时发现',
                      '凌晨两点后','附近施工后','系统升级后']),
  ('tried', 8, array['，现场断电重启一次仍未恢复','，远程登录不上','，值班人员已检查网线','，同一路段其他设备正常','，多路同时出现',
                     '，指示灯不亮','，重启后半小时又出现','']),
  ('impact', 6, array['，录像中断。','，监控中心大屏对应画面无显示。','，影响值班监看，请尽快派人处理。','，急需调取录像。',
                      '，领导要求今天内恢复。','。']);
-- who calls: 20,000 people, each with one name and one mobile number, so a caller has a history
create temporary table gen_names (surnames text[], given text[]);
insert into gen_names values (array['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','胡','朱','高','林','何','郭','马','罗'],
  array['伟','芳','娜','敏','静','强','磊','军','洋','勇','艳','杰','涛','明','超','秀英','建华','晓东','海燕','志强','丽','斌',
        '平','刚','桂英','文','华','红','鹏','飞']);

create temporary table gen_device as
select d, (array['CAMERA','CAMERA','CAMERA','NVR','SWITCH','UPS','SERVER','OTHER'])[1 + d % 8] type,
       s.id site_id
from generate_series(1, :devices) d join gen_site s on s.rn = 1 + d % (select count(*) from gen_site);
alter table gen_device add column thing text;
update gen_device g set thing = w.things[1 + (d::bigint * 40503 % 65536) % array_length(w.things, 1)] from gen_words w where w.type = g.type;
insert into device (site_id, type, name, serial_number)
select site_id, type, thing || ' ' || lpad(d::text, 6, '0'), 'GEN-SN-' || d from gen_device;
alter table gen_device add column id bigint, add column rn bigint;
update gen_device g set id = v.id, rn = g.d from device v where v.serial_number = 'GEN-SN-' || g.d;
create index on gen_device (rn);
-- the year: received evenly over 365 days before now; the newest :open cases are the open ones (the open share is
-- :open / :cases). A case's number is the application's own (Ticket.assignNumber: INC-<year of receipt in the
-- service's zone>-<id, at least six digits>), its id taken from ticket_seq as the application takes it, so the cases
-- reported after the year go on from the last generated number and never meet one.
create temporary table gen_case as
select g, nextval('ticket_seq') id, now() - (g::double precision / :cases) * interval '365 days' received,
       g <= :open open_case, 1 + g % 3 lvl,
       -- independent draws from the case's ordinal (multiplicative hashing), for the words and the caller
       (g::bigint * 2654435761 % 4294967296) h1, (g::bigint * 40503 % 65536 * 65536 + g::bigint * 2246822519 % 65536) h2
-- newest first in g, but ids are drawn oldest first (g descending), so numbers grow with receipt as on a real desk
from generate_series(:cases, 1, -1) g;
alter table gen_case add column number text;
update gen_case set number = 'INC-' || to_char(received at time zone :'zone', 'YYYY') || '-' || lpad(id::text, greatest(6, length(id::text)), '0');
insert into ticket (id, number, channel, requester_name, requester_phone, site_id, device_id, category, impact, urgency,
        level_code, status, assignee, title, description, symptom, cause, solution, created_at, updated_at, received_at, policy_id,
        response_due, resolution_due, responded_at, resolved_at, closed_at, clocks_cached_at, board_due, board_at_risk_at,
        board_risk_until, version)
select c.id, c.number, (array['HOTLINE','WEB','ON_SITE','EMAIL','MONITORING'])[1 + c.g % 5],
       n.surnames[1 + (c.h1 / 7 % 20000) % 20] || n.given[1 + (c.h1 / 7 % 20000) / 20 % 30],
       '1' || (array['38','39','35','36','86','89','52','77'])[1 + (c.h1 / 7 % 20000) % 8]
           || lpad(((c.h1 / 7 % 20000) * 4999 % 100000000)::text, 8, '0'),
       d.site_id, d.id, 'DEFECT',
       (array['HIGH','MEDIUM','LOW'])[c.lvl], (array['HIGH','MEDIUM','LOW'])[c.lvl], c.lvl::text,
       case when c.open_case then (array['AT_DESK','AWAITING_DISPATCH','DISPATCHED','IN_PROGRESS','VERIFYING','AWAITING_CALLBACK'])[1 + c.g % 6]
            else 'CLOSED' end,
       case when c.g % 6 >= 2 then 'engineer' || (1 + c.g % 300) end,
       w.places[1 + c.h2 % 9973 % array_length(w.places, 1)] || d.thing || w.symptoms[1 + c.h1 % 7919 % array_length(w.symptoms, 1)],
       o.texts[1 + c.h2 / 7 % 10] || w.places[1 + c.h2 % 9973 % array_length(w.places, 1)] || '的' || d.thing
           || w.symptoms[1 + c.h1 % 7919 % array_length(w.symptoms, 1)] || t.texts[1 + c.h1 / 11 % 8] || i.texts[1 + c.h2 / 13 % 6],
       case when not c.open_case then w.symptoms[1 + c.h1 % 7919 % array_length(w.symptoms, 1)] end,
       case when not c.open_case then (array['设备老化','供电异常','线路松动','雷击损坏','配置错误','硬件故障','人为遮挡','进水受潮'])[1 + c.h2 / 17 % 8] end,
       case when not c.open_case then w.fixes[1 + c.h1 / 13 % array_length(w.fixes, 1)] end,
       c.received, c.received, c.received,
       (select id from sla_policy where code = 'THREE_LEVEL' and current_version),
       c.received + (array[interval '15 minutes', interval '30 minutes', interval '2 hours'])[c.lvl],
       c.received + (array[interval '4 hours', interval '24 hours', interval '72 hours'])[c.lvl],
       case when not c.open_case then c.received + interval '10 minutes' end,
       case when not c.open_case then c.received + interval '3 hours' end,
       case when not c.open_case then c.received + interval '1 day' end,
       c.received,
       -- the board's order (V67): the nearest running deadline, here the response clock's (board_clock below)
       case when c.open_case then c.received + (array[interval '15 minutes', interval '30 minutes', interval '2 hours'])[c.lvl] end,
       -- what the board's counts and risk filter read (V69): the earliest at-risk instant (the response clock's, 80 %
       -- of its target) and the latest deadline of the clocks that turn at risk (the resolution clock's)
       case when c.open_case then c.received + (array[interval '15 minutes', interval '30 minutes', interval '2 hours'])[c.lvl] * 0.8 end,
       case when c.open_case then c.received + (array[interval '4 hours', interval '24 hours', interval '72 hours'])[c.lvl] end,
       0
from gen_case c join gen_device d on d.rn = 1 + c.g % :devices join gen_words w on w.type = d.type cross join gen_names n
cross join (select texts from gen_text where kind = 'onset') o cross join (select texts from gen_text where kind = 'tried') t
cross join (select texts from gen_text where kind = 'impact') i;

insert into ticket_event (ticket_id, occurred_at, actor, type, message)
select c.id, c.received + o.after, o.actor, o.kind, coalesce(o.message, k.solution)
from gen_case c join ticket k on k.id = c.id cross join (values (interval '0', 'desk', 'CREATED', '电话报修'),
        (interval '3 hours', 'engineer', 'RESOLVED', null),
        (interval '1 day', 'desk', 'CLOSED', '回访确认')) o(after, actor, kind, message)
where o.kind = 'CREATED' or not c.open_case;
insert into sla_milestone (ticket_id, kind, occurred_at, actor)
select c.id, m.kind, c.received + m.after, 'desk'
from gen_case c cross join (values ('RECEIVED', interval '0'), ('RESPONDED', interval '10 minutes'),
        ('RESOLVED', interval '3 hours'), ('CLOSED', interval '1 day')) m(kind, after)
where m.kind = 'RECEIVED' or not c.open_case;

-- the open cases' live clocks, as CacheClocks keeps them: response and resolution running from receipt
insert into board_clock (ticket_id, clock, state, due_at, at_risk_at, escalation_level)
select c.id, k.clock, 'RUNNING', c.received + k.target[c.lvl], c.received + k.target[c.lvl] * 0.8, 0
from gen_case c cross join (values ('RESPONSE', array[interval '15 minutes', interval '30 minutes', interval '2 hours']),
        ('RESOLUTION', array[interval '4 hours', interval '24 hours', interval '72 hours'])) k(clock, target)
where c.open_case;
commit;
analyze;
