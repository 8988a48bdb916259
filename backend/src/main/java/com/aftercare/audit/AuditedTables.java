package com.aftercare.audit;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which entities are audited, and how an entry finds its owning customer and ticket. Entities are
 * named by their table, so this needs no dependency on the features that own them (some of their
 * classes are package-private). To audit a new entity, add one line here; nothing else changes.
 */
final class AuditedTables {

    /** How an entity's owning customer is found from its column values (before the lock is taken). */
    enum OwnerRule {
        /** Not customer data (users, SLA policies, models): only supervisors and admins read it. */
        NONE,
        /** The column holds the customer id itself (customer.id, site.customer_id, service_contract.customer_id). */
        COLUMN,
        /** The column holds a site id; the site's customer owns it. */
        VIA_SITE,
        /** The column holds a ticket id; the customer of the ticket's site owns it. */
        VIA_TICKET
    }

    /**
     * @param ownerRule    how to find the customer
     * @param ownerColumn  the column the rule reads (null for NONE)
     * @param ticketColumn the column holding the ticket this entry belongs to, or null
     */
    record Spec(OwnerRule ownerRule, String ownerColumn, String ticketColumn) {
    }

    private static final Map<String, Spec> TABLES = Map.ofEntries(
            Map.entry("ticket", new Spec(OwnerRule.VIA_SITE, "site_id", "id")),
            Map.entry("ticket_event", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id")),
            Map.entry("survey", new Spec(OwnerRule.COLUMN, "customer_id", "ticket_id")),
            Map.entry("device", new Spec(OwnerRule.VIA_SITE, "site_id", null)),
            Map.entry("site", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            Map.entry("customer", new Spec(OwnerRule.COLUMN, "id", null)),
            Map.entry("service_contract", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            Map.entry("sla_policy", new Spec(OwnerRule.NONE, null, null)),
            Map.entry("model_change", new Spec(OwnerRule.NONE, null, null)),
            // who gets the month-end stale stock warning by mail (FW-6): a keeper's setting, with its actor
            Map.entry("stale_stock_warning_mail", new Spec(OwnerRule.NONE, null, null)),
            // a device's configuration backups (RP-3): who kept which file, its sha256 proving the bytes
            Map.entry("device_config_backup", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            // changes to customers' running systems (RP-5): who asked, approved, tested, moved, withdrew, carried out
            Map.entry("change_request", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            // configuration items (RP-4): what each application, link and service rests on, and every change to them
            Map.entry("config_item", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            Map.entry("config_item_link", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            // a case naming an item (RP-4) and a supervisor's judgement that a change caused a fault (RP-5): on the
            // case's trail, so that a name taken back or a judgement withdrawn is still on record
            Map.entry("ticket_config_item", new Spec(OwnerRule.COLUMN, "customer_id", "ticket_id")),
            Map.entry("change_caused_case", new Spec(OwnerRule.COLUMN, "customer_id", "ticket_id")),
            Map.entry("config_item_event", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            // the hotline's calls (IN-10): the answer rate the contract counts cannot change unnoticed, nor a callback
            Map.entry("hotline_call", new Spec(OwnerRule.NONE, null, null)),
            // security incidents (RP-6): what was found, who investigated, when the customer was told, how it was closed;
            // not on the case's own history (ticket column null): the incident is read by supervisors and the unit only
            Map.entry("security_incident", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            Map.entry("security_incident_event", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            // a customer's own users belong to their unit (V7); staff accounts have no owner
            Map.entry("app_user", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            // the roster and its teams are managed by administrators (issue 10 item 7): who changed whom is on record
            Map.entry("engineer", new Spec(OwnerRule.NONE, null, null)),
            Map.entry("team", new Spec(OwnerRule.NONE, null, null)),
            // issue 12: what an engineer recorded on each visit (check-in, report, plan, confirmation, audit)
            Map.entry("field_visit", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id")),
            // issue 12: a case's conversation and what is known about its files (the SHA-256 of the stored bytes included)
            Map.entry("conversation_message", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id")),
            Map.entry("attachment", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id")),
            // issue 13: repair slips, their progress reports, the loaner pool and a contract's vendor-return rule
            Map.entry("repair_slip", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id")),
            Map.entry("repair_progress_report", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id")),
            Map.entry("loaner_unit", new Spec(OwnerRule.NONE, null, "ticket_id")),
            Map.entry("repair_terms", new Spec(OwnerRule.NONE, null, null)),
            // issue 13: spare-parts stock (FW-6) is the provider's; every receipt, issue and count adjustment is a
            // stock_movement row (the batches' remaining quantities change only by conditional updates, see ADR 0024)
            Map.entry("stock_warehouse", new Spec(OwnerRule.NONE, null, null)),
            Map.entry("stock_part", new Spec(OwnerRule.NONE, null, null)),
            Map.entry("stock_batch", new Spec(OwnerRule.NONE, null, null)),
            Map.entry("stock_requisition", new Spec(OwnerRule.NONE, null, null)),
            Map.entry("stock_count", new Spec(OwnerRule.NONE, null, null)),
            Map.entry("stock_count_line", new Spec(OwnerRule.NONE, null, null)),
            Map.entry("stock_movement", new Spec(OwnerRule.NONE, null, null)),
            // transfers between warehouses (FW-6, 调拨): the slip and the batches it carries
            Map.entry("stock_transfer", new Spec(OwnerRule.NONE, null, null)),
            Map.entry("stock_transfer_line", new Spec(OwnerRule.NONE, null, null)),
            // PM-3: a meteorological feed's warnings and how many weather inspections each started
            Map.entry("weather_warning", new Spec(OwnerRule.NONE, null, null)),
            // issue 13: warranty assessment and approvals, cost lines, parts handed back (WA-1, RR-5, RR-6, FW-5)
            Map.entry("case_warranty", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id")),
            Map.entry("case_cost_line", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id")),
            Map.entry("part_handover", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id")),
            // a contract's warranty terms (WA-1: acceptance day, device and replacement warranty months)
            Map.entry("warranty_terms", new Spec(OwnerRule.NONE, null, null)),
            // issue 13 (RR-7): a generated repair report (the SHA-256 of its stored file included)
            Map.entry("repair_report", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            // issue 16 (RP-1): a scheduled service report owed or made (the SHA-256 of both stored files included), and
            // who receives a contract's reports
            Map.entry("service_report", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            Map.entry("contract_report_settings", new Spec(OwnerRule.NONE, null, null)),
            // issue 14: what verification asks of each device type, and the desk's waiver of one case's verification
            Map.entry("verification_policy", new Spec(OwnerRule.NONE, null, null)),
            Map.entry("verification_waiver", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id")),
            // issue 15: linked cases (one row per pair, both of one customer; ADR 0040)
            Map.entry("ticket_link", new Spec(OwnerRule.VIA_TICKET, "low_ticket_id", "low_ticket_id")),
            // issue 15 (IN-4, RP-4): knowledge articles are the provider's; a case solved from one belongs to the case
            Map.entry("kb_article", new Spec(OwnerRule.NONE, null, "source_ticket_id")),
            Map.entry("kb_article_use", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id")),
            // preventive inspections (issue 16): plans, inspections, their checklist lines, asset checks, site hazards
            Map.entry("inspection_plan", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            Map.entry("inspection", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            Map.entry("inspection_check", new Spec(OwnerRule.COLUMN, "customer_id", "fault_ticket_id")),
            Map.entry("inspection_asset_check", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            Map.entry("site_hazard", new Spec(OwnerRule.VIA_SITE, "site_id", null)),
            // issue 14 gaps (ADR 0042): who registered or revoked a probe agent or a monitoring source's key, and when;
            // the token's and the key's hashes are masked, the agent's heartbeat column is left out (BOOKKEEPING)
            Map.entry("probe_agent", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            Map.entry("monitoring_source", new Spec(OwnerRule.COLUMN, "customer_id", null)),
            // issue 17: API tokens of machine clients: who issued and who revoked which, with what role and unit (the
            // hash column is masked like every token); their last use is in api_token_use, which has no entity
            Map.entry("api_token", new Spec(OwnerRule.COLUMN, "customer_id", null)));

    /**
     * Columns of an audited entity that are bookkeeping, not records of work: never written to an entry, and a change
     * of only these is no entry at all. The probe agent's last call is written on every call (by a bulk update the
     * listener does not see anyway; listed so that a later change through the entity cannot fill the chain either).
     */
    private static final Map<String, java.util.Set<String>> BOOKKEEPING = Map.of(
            "probe_agent", java.util.Set.of("last_seen_at"),
            // when the board's derived clock rows were first written (V55); the clocks themselves are replayed from
            // the append-only milestones, so this marks a cache, not a record of work; board_due (V67) is the nearest
            // running deadline among them, the board's order; the other board_ columns (V69) are what its counts and
            // risk filter read, derived from the same rows
            "ticket", java.util.Set.of("clocks_cached_at", "board_due", "board_at_risk_at", "board_risk_until",
                    "board_paused_risk"));

    /**
     * What a customer's user may read of their own unit's entries: per entity, the columns that the customer's
     * case file and ticket list show them anyway ({@code CaseFileController.CustomerCaseFile}, {@code TicketSummary}).
     * Entities not listed are not shown to customers at all: the timeline (ticket_event) holds task completions,
     * causes and probe findings, devices their addresses and probe settings, contracts and users are the
     * provider's. A column added to the customer case file is added here too, or the trail simply keeps it back.
     */
    private static final Map<String, java.util.Set<String>> CUSTOMER_COLUMNS = Map.of(
            "ticket", java.util.Set.of("id", "number", "channel", "requester_name", "requester_unit", "requester_phone",
                    "site_id", "device_id", "category", "impact", "urgency", "level_code", "received_at", "hold_reason",
                    "escalation_level", "escalated", "status", "assignee", "title", "description", "solution",
                    "callback_outcome", "satisfaction", "customer_feedback", "created_at", "response_due", "resolution_due",
                    "responded_at", "resolved_at", "closed_at", "request_type", "service_item", "request_due"));

    /**
     * Entities deliberately not audited, and why. Every entity must be in one of the two maps
     * ({@code AuditTrailTest} checks), so a new entity is a decision, not an oversight.
     */
    static final Map<String, String> NOT_AUDITED = Map.ofEntries(
            Map.entry("audit_log", "the trail itself"),
            Map.entry("supervisor_bulk_action", "a bulk request's Idempotency-Key and outcomes (issue 15); what was done to each case is in ticket_event, which is audited"),
            Map.entry("probe_agent_wait", "operational marker that the desk was told about a job waiting for an offline agent (once per job)"),
            Map.entry("monitoring_alarm", "the state of an alarm as the monitoring system reports it; what it did to a case is on the case's audited timeline"),
            Map.entry("monitoring_event", "append-only log of the alarm events received (no update path); their effect on a case is on its audited timeline"),
            Map.entry("sla_milestone", "append-only clock facts of a ticket (no update path); the ticket and its timeline are audited"),
            Map.entry("sla_clock_log", "append-only record of what escalation did (no update path)"),
            Map.entry("service_report_rung", "append-only record of a late report's escalation rung, one row per rung (no update path), as sla_clock_log"),
            Map.entry("survey_rung", "append-only record of a late survey's escalation rung, one row per rung (no update path), as sla_clock_log"),
            Map.entry("probe_result", "append-only device check results, written by the probe worker"),
            Map.entry("notification", "in-app messages; read marks are not records of work"),
            Map.entry("notification_delivery", "the outbox of outside messages; every send attempt updates it"),
            Map.entry("notification_read", "each reader's read marks on in-app messages (issue 15); not records of work"),
            Map.entry("holiday_year", "imported public calendar data, not customer records"),
            Map.entry("model_file_state", "what a bpmn/ file contained when last seen (start-up bookkeeping); deployments are in model_change"),
            Map.entry("stale_stock_warning", "a month-end written warning (FW-6): written once by the timer from the audited stock batches, its lines with it, never changed (no update path)"),
            Map.entry("device_config_backup_content", "the bytes of a configuration backup: written once with its device_config_backup row, whose audited sha256 proves them"),
            Map.entry("attachment_content", "the bytes of a file: written once with its attachment row, whose audited sha256 proves them"),
            Map.entry("service_report_content", "the bytes of a service report's Excel and PDF files: written once as its service_report row turns READY, whose audited sha256 columns prove them"),
            Map.entry("inspection_photo", "the bytes of a checklist line's photo: written once (no update path), named by the audited inspection_check row's photo_id, whose photo_sha256 proves them (ADR 0082)"),
            Map.entry("repair_report_content", "the bytes of a repair report: written once with its repair_report row, whose audited sha256 proves them"),
            Map.entry("email_intake", "append-only log of the mails taken from the intake mailbox (its one update is within the insert's transaction); what a mail did to a case is on the case's audited timeline and conversation"));

    /**
     * Columns never recorded in clear, whatever entity they are on: password hashes, signing secrets,
     * tokens, device passwords and SNMP communities (issue 14; stored encrypted, and not even the ciphertext here). The entry still says that the value changed ("***" before and after).
     */
    private static final Pattern SECRET = Pattern.compile(".*(password|secret|token|api_key|key_hash|community).*");
    /**
     * Webhook URLs carry their key (WeCom ?key=, DingTalk ?access_token=, or anywhere in the path of
     * other robots): write-only like a password, so recorded as "***" whole, as the API shows only
     * whether one is set.
     */
    private static final Pattern URL_WITH_KEY = Pattern.compile(".*(webhook_url|endpoint_url)$");

    static final String MASK = "***";

    /**
     * Whether a column is masked, per column name: the two patterns ran for every column of every written row (a
     * report writes about a hundred), 2-3 % of a report's CPU. Column names come from the entity mappings, so the map
     * holds a few hundred entries at most.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Boolean> MASKED = new java.util.concurrent.ConcurrentHashMap<>();

    private AuditedTables() {
    }

    static Optional<Spec> spec(String table) {
        return Optional.ofNullable(TABLES.get(table.toLowerCase(java.util.Locale.ROOT)));
    }

    static java.util.Set<String> tables() {
        return TABLES.keySet();
    }

    /** Whether a column of this entity is bookkeeping (see BOOKKEEPING): left out of every entry. */
    static boolean bookkeeping(String table, String column) {
        return BOOKKEEPING.getOrDefault(table, java.util.Set.of()).contains(column);
    }

    /** The columns of this entity a customer's user may read; empty: none of its entries. */
    static java.util.Set<String> customerColumns(String table) {
        return CUSTOMER_COLUMNS.getOrDefault(table.toLowerCase(java.util.Locale.ROOT), java.util.Set.of());
    }

    /** The entities a customer's user reads anything of. */
    static java.util.Set<String> customerTables() {
        return CUSTOMER_COLUMNS.keySet();
    }

    /** The value as it may be written to the audit log. */
    static Object mask(String column, Object value) {
        if (value == null) {
            return null;
        }
        Boolean masked = MASKED.get(column);
        if (masked == null) {
            // computeIfAbsent only once per column: on a hit it may lock the map's bin, and every report's commit asks
            masked = MASKED.computeIfAbsent(column, c -> SECRET.matcher(c).matches() || URL_WITH_KEY.matcher(c).matches());
        }
        return masked ? MASK : value;
    }
}
