package com.aftercare.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One entity's change within the current transaction, not yet chained. Several flushes of the same
 * entity in one transaction (a ticket inserted, then given its number) become one entry: nobody
 * could see the intermediate states, so the entry records what the commit changed.
 */
final class PendingChange {

    enum Action { CREATE, UPDATE, DELETE }

    final String table;
    final String entityId;
    final String actor;
    private Action action;
    /** Column values before the change (unmasked; masked only when written). Empty for CREATE. */
    private final Map<String, Object> before = new LinkedHashMap<>();
    /** Column values after the change. Empty for DELETE. */
    private final Map<String, Object> after = new LinkedHashMap<>();

    PendingChange(String table, String entityId, String actor, Action action, Map<String, Object> before, Map<String, Object> after) {
        this.table = table;
        this.entityId = entityId;
        this.actor = actor;
        this.action = action;
        this.before.putAll(before);
        this.after.putAll(after);
    }

    /** The customer of a site, as the transaction's session holds the site. */
    record SiteOwner(long siteId, long customerId) {
    }

    /** Reads, when the entries are chained, the owner of the site this change's row names from the session; or null. */
    private Supplier<SiteOwner> siteOwner;

    Action action() {
        return action;
    }

    void siteOwnerHeld(Supplier<SiteOwner> fromSession) {
        if (fromSession != null) {
            siteOwner = fromSession;
        }
    }

    /** The site this change's row names and its customer, when the session has the site at hand; else null. */
    SiteOwner siteOwner() {
        return siteOwner == null ? null : siteOwner.get();
    }

    /** A later change of the same entity in the same transaction. Returns false if the two cancel out (created, then deleted). */
    boolean absorb(PendingChange later) {
        switch (later.action) {
            case CREATE -> {
                // deleted and inserted again with the same id within one transaction: a replacement
                action = action == Action.DELETE ? Action.UPDATE : Action.CREATE;
                after.putAll(later.after);
                siteOwnerHeld(later.siteOwner);
            }
            case UPDATE -> {
                keepEarliest(later.before);
                after.putAll(later.after);
                siteOwnerHeld(later.siteOwner);
            }
            case DELETE -> {
                if (action == Action.CREATE) {
                    return false;
                }
                keepEarliest(later.before);
                after.clear();
                action = Action.DELETE;
            }
        }
        return true;
    }

    /** The value before the transaction's first change of a column wins (a null value is a value: no putIfAbsent). */
    private void keepEarliest(Map<String, Object> laterBefore) {
        laterBefore.forEach((column, value) -> {
            if (!before.containsKey(column)) {
                before.put(column, value);
            }
        });
    }

    /** A column's value after the change, or before it for a deletion (owner and ticket lookups). */
    Object current(String column) {
        return action == Action.DELETE ? before.get(column) : after.get(column);
    }

    /** True when an UPDATE nets out to no change at all. */
    boolean isEmpty() {
        return changes().isEmpty();
    }

    /** column -> [before, after] of the columns that differ, sorted by column name, secrets masked. */
    Map<String, Map<String, Object>> changes() {
        Map<String, Map<String, Object>> changes = new TreeMap<>();
        java.util.Set<String> columns = new java.util.LinkedHashSet<>(before.keySet());
        columns.addAll(after.keySet());
        for (String column : columns) {
            Object b = action == Action.CREATE ? null : before.get(column);
            Object a = action == Action.DELETE ? null : after.get(column);
            if (Objects.equals(b, a)) {
                continue;
            }
            Map<String, Object> change = new LinkedHashMap<>();
            change.put("before", AuditedTables.mask(column, b));
            change.put("after", AuditedTables.mask(column, a));
            changes.put(column, change);
        }
        return changes;
    }
}
