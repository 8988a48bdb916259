-- Issue 17, intake near engine speed (docs/adr/0065): the warranty step asks of every report on a device its case of
-- the same category closed last (DeviceCases.lastClosed). From the device-only index (ix_ticket_device) that read
-- every case of the device and filtered category and closing row by row: on a busy device (a camera that reports
-- itself, a storm of reports) it grew with each case, 11 % of a report's samples in the H2 benchmark. This index
-- answers it by a seek. ix_ticket_device stays: H2 holds its foreign key on it.
create index ix_ticket_device_category_closed on ticket (device_id, category, closed_at);
