-- Issue 11: a timeline line keeps the typed case event behind it, so it can be shown in the reader's language
-- (ticket.event.CaseEventTexts) instead of the sentence written at the time. kind: the CaseEvent record
-- ("Escalated", "TaskCompleted", ...); params: its fields as JSON. Older rows have neither and keep showing
-- their stored message.
alter table ticket_event add column kind varchar(60);
alter table ticket_event add column params text;
