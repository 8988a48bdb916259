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

    private static final Map<String, Spec> TABLES = Map.of(
            "ticket", new Spec(OwnerRule.VIA_SITE, "site_id", "id"),
            "ticket_event", new Spec(OwnerRule.VIA_TICKET, "ticket_id", "ticket_id"),
            "device", new Spec(OwnerRule.VIA_SITE, "site_id", null),
            "site", new Spec(OwnerRule.COLUMN, "customer_id", null),
            "customer", new Spec(OwnerRule.COLUMN, "id", null),
            "service_contract", new Spec(OwnerRule.COLUMN, "customer_id", null),
            "sla_policy", new Spec(OwnerRule.NONE, null, null),
            "model_change", new Spec(OwnerRule.NONE, null, null),
            // a customer's own users belong to their unit (V7); staff accounts have no owner
            "app_user", new Spec(OwnerRule.COLUMN, "customer_id", null));

    /**
     * Entities deliberately not audited, and why. Every entity must be in one of the two maps
     * ({@code AuditTrailTest} checks), so a new entity is a decision, not an oversight.
     */
    static final Map<String, String> NOT_AUDITED = Map.of(
            "audit_log", "the trail itself",
            "sla_milestone", "append-only clock facts of a ticket (no update path); the ticket and its timeline are audited",
            "sla_clock_log", "append-only record of what escalation did (no update path)",
            "probe_result", "append-only device check results, written by the probe worker",
            "notification", "in-app messages; read marks are not records of work",
            "notification_delivery", "the outbox of outside messages; every send attempt updates it",
            "engineer", "engineer roster: not part of RP-2/RP-6 yet (one line in TABLES to add)",
            "team", "engineer teams: not part of RP-2/RP-6 yet (one line in TABLES to add)",
            "holiday_year", "imported public calendar data, not customer records",
            "model_file_state", "what a bpmn/ file contained when last seen (start-up bookkeeping); deployments are in model_change");

    /**
     * Columns never recorded in clear, whatever entity they are on: password hashes, signing secrets,
     * tokens. The entry still says that the value changed ("***" before and after).
     */
    private static final Pattern SECRET = Pattern.compile(".*(password|secret|token|api_key).*");
    /**
     * Webhook URLs carry their key (WeCom ?key=, DingTalk ?access_token=, or anywhere in the path of
     * other robots): write-only like a password, so recorded as "***" whole, as the API shows only
     * whether one is set.
     */
    private static final Pattern URL_WITH_KEY = Pattern.compile(".*(webhook_url|endpoint_url)$");

    static final String MASK = "***";

    private AuditedTables() {
    }

    static Optional<Spec> spec(String table) {
        return Optional.ofNullable(TABLES.get(table.toLowerCase(java.util.Locale.ROOT)));
    }

    static java.util.Set<String> tables() {
        return TABLES.keySet();
    }

    /** The value as it may be written to the audit log. */
    static Object mask(String column, Object value) {
        if (value == null) {
            return null;
        }
        if (SECRET.matcher(column).matches()) {
            return MASK;
        }
        if (URL_WITH_KEY.matcher(column).matches()) {
            return MASK;
        }
        return value;
    }
}
