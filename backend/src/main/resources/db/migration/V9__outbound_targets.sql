-- Outbound targets (README "Outbound connections and stored secrets").
-- Webhook URLs and signing secrets are stored AES-GCM encrypted ("v1:" + Base64), which is longer
-- than the value: room for a 500-character URL and a 200-character secret once encrypted. Rows
-- still in clear are encrypted at start-up (EncryptStoredSecrets).
alter table service_contract alter column wecom_webhook_url set data type varchar(1000);
alter table service_contract alter column dingtalk_webhook_url set data type varchar(1000);
alter table service_contract alter column dingtalk_secret set data type varchar(1000);
alter table notification_delivery alter column endpoint_url set data type varchar(1000);
alter table notification_delivery alter column sign_secret set data type varchar(1000);

-- Exceptions to the rule that the server only connects to public addresses: networks or hosts an
-- admin allows for one contract's webhooks or one site's device probes (comma-separated CIDRs or
-- host names, each optionally with :port or :from-to).
alter table service_contract add column webhook_allow_list varchar(1000);
alter table site add column probe_allow_list varchar(1000);
-- the allow-list of the contract a webhook delivery was made for, checked again on every attempt
alter table notification_delivery add column allow_list varchar(1000);
