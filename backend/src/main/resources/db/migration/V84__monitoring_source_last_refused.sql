-- When a monitoring source was last refused for sending more than its requests a minute (ADR 0096), so that the
-- administrator sees on 系统管理 → 监控接入 that alarms of that source were turned away (429), not only the log. Written at
-- most once a minute per source and node, outside the audit (bookkeeping of the limit, not the source's record).
alter table monitoring_source add column last_refused_at timestamp with time zone;
