-- Issue 16: the day a device was put into service (投入使用/验收日期). The availability and good-order KPIs count a
-- device from this day (README "KPI dashboard", docs/adr/0051-inspection-report-and-commissioning.md); empty means
-- "in service since before any month asked about", as every device counted before this column existed.
alter table device add column commissioned_on date;

-- The monthly inspection summary (巡检月报) is a service report kind of its own (RP-1 with PM-1..PM-5, ADR 0051).
alter table service_report drop constraint ck_service_report_kind;
alter table service_report add constraint ck_service_report_kind check (kind in ('DAILY_LOG', 'MONTHLY_FAULTS', 'MAJOR_FAULT',
    'QUARTERLY_DEVICES', 'QUARTERLY_OM', 'ANNUAL', 'INSPECTION_MONTHLY'));
