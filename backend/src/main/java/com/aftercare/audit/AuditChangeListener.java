package com.aftercare.audit;

import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.AbstractEntityPersister;
import org.hibernate.persister.entity.EntityPersister;
import org.hibernate.proxy.HibernateProxy;
import org.hibernate.proxy.LazyInitializer;
import org.hibernate.type.EntityType;
import org.hibernate.type.Type;

import com.aftercare.identity.CurrentUser;

/**
 * The one hook that sees every change of an audited entity, whatever service made it: Hibernate's
 * post-insert/update/delete events. Changes are collected per session and chained by
 * {@link AuditChainWriter} just before the transaction commits (after Hibernate's last flush, on the
 * same connection), so an entry exists exactly when its change does: a rolled-back request leaves
 * neither. Changes that bypass Hibernate (JPQL bulk updates, plain SQL) are not seen; no audited
 * table is written that way (ADR 0007).
 */
class AuditChangeListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private final AuditChainWriter writer;
    /** The changes of each session's running transaction. Removed when the transaction completes either way. */
    private final Map<SharedSessionContractImplementor, Map<String, PendingChange>> pending = new ConcurrentHashMap<>();

    AuditChangeListener(AuditChainWriter writer) {
        this.writer = writer;
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        record(event.getSession(), event.getPersister(), event.getId(), PendingChange.Action.CREATE, null, event.getState(), null);
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        record(event.getSession(), event.getPersister(), event.getId(), PendingChange.Action.UPDATE, event.getOldState(),
                event.getState(), event.getDirtyProperties());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        record(event.getSession(), event.getPersister(), event.getId(), PendingChange.Action.DELETE, event.getDeletedState(), null,
                null);
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void record(EventSource session, EntityPersister persister, Object id, PendingChange.Action action, Object[] oldState,
            Object[] state, int[] dirty) {
        if (!(persister instanceof AbstractEntityPersister entity)) {
            return;
        }
        String table = entity.getTableName().toLowerCase(java.util.Locale.ROOT);
        if (AuditedTables.spec(table).isEmpty()) {
            return;
        }
        String[] names = persister.getPropertyNames();
        Type[] types = persister.getPropertyTypes();
        int version = persister.isVersioned() ? persister.getVersionProperty() : -1;
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            if (i == version || types[i].isCollectionType()) {
                continue; // the optimistic-lock counter is bookkeeping, not content
            }
            if (action == PendingChange.Action.UPDATE && oldState == null && !contains(dirty, i)) {
                continue;
            }
            String column = column(entity, names[i], i);
            if (AuditedTables.bookkeeping(table, column)) {
                continue;
            }
            if (oldState != null) {
                before.put(column, value(session, types[i], oldState[i]));
            }
            if (state != null) {
                after.put(column, value(session, types[i], state[i]));
            }
        }
        String identifierColumn = entity.getIdentifierColumnNames().length == 1 ? entity.getIdentifierColumnNames()[0] : "id";
        Object idValue = id instanceof Number || id instanceof String ? id : String.valueOf(id);
        (action == PendingChange.Action.DELETE ? before : after).putIfAbsent(identifierColumn, idValue);
        if (action == PendingChange.Action.UPDATE) {
            before.putIfAbsent(identifierColumn, idValue);
        }
        PendingChange change = new PendingChange(table, String.valueOf(id), CurrentUser.username(), action, before, after);
        if (state != null) {
            change.siteOwnerHeld(siteOwnerHeld(session, entity, table, state));
        }
        changesOf(session).merge(table + "#" + id, change, (earlier, later) -> earlier.absorb(later) ? earlier : null);
    }

    /** The session's change map; on first use registers the chaining before commit and the clean-up after completion. */
    private Map<String, PendingChange> changesOf(EventSource session) {
        Map<String, PendingChange> changes = pending.get(session);
        if (changes != null) {
            return changes;
        }
        Map<String, PendingChange> created = new LinkedHashMap<>();
        pending.put(session, created);
        session.getActionQueue().registerProcess((BeforeTransactionCompletionProcess) s -> {
            Map<String, PendingChange> mine = pending.remove(session);
            if (mine != null) {
                List<PendingChange> entries = mine.values().stream()
                        .filter(c -> c.action() != PendingChange.Action.UPDATE || !c.isEmpty()).toList();
                if (!entries.isEmpty()) {
                    s.doWork(connection -> writer.append(connection, entries));
                }
            }
        });
        session.getActionQueue().registerProcess((AfterTransactionCompletionProcess) (success, s) -> pending.remove(session));
        return created;
    }

    /** Sessions with changes not yet chained or discarded (zero between transactions: nothing leaks). */
    int sessionsWithPendingChanges() {
        return pending.size();
    }

    /**
     * For an entity owned via its site (a ticket, a device), where the customer of the site its row names can be read
     * from the session when the transaction's entries are chained: the site entity the change points at, answered from
     * the state the session then holds (never loading the site; null when it is not loaded by then), so the chain
     * writer needs no query for the owner (a fault report loaded its site to check the request, ADR 0095). Read at
     * chaining, not now, so a site moved to another customer later in the same transaction counts as the query did.
     */
    private static Supplier<PendingChange.SiteOwner> siteOwnerHeld(EventSource session, AbstractEntityPersister entity, String table,
            Object[] state) {
        AuditedTables.Spec spec = AuditedTables.spec(table).orElseThrow();
        if (spec.ownerRule() != AuditedTables.OwnerRule.VIA_SITE) {
            return null;
        }
        String[] names = entity.getPropertyNames();
        for (int i = 0; i < names.length; i++) {
            if (entity.getPropertyTypes()[i] instanceof EntityType siteType && state[i] != null
                    && column(entity, names[i], i).equals(spec.ownerColumn())) {
                Object site = state[i];
                return () -> siteOwner(session, siteType, site);
            }
        }
        return null;
    }

    private static PendingChange.SiteOwner siteOwner(EventSource session, EntityType siteType, Object siteOrProxy) {
        LazyInitializer proxy = HibernateProxy.extractLazyInitializer(siteOrProxy);
        if (proxy != null && proxy.isUninitialized()) {
            return null;
        }
        Object site = proxy != null ? proxy.getImplementation() : siteOrProxy;
        if (!(session.getEntityPersister(siteType.getAssociatedEntityName(), site) instanceof AbstractEntityPersister sites)
                || !"site".equalsIgnoreCase(sites.getTableName())) {
            return null;
        }
        String customerColumn = AuditedTables.spec("site").orElseThrow().ownerColumn();
        String[] names = sites.getPropertyNames();
        for (int k = 0; k < names.length; k++) {
            if (column(sites, names[k], k).equals(customerColumn)) {
                Object customer = value(session, sites.getPropertyTypes()[k], sites.getPropertyValue(site, k));
                Object siteId = value(session, siteType, siteOrProxy);
                return customer instanceof Number c && siteId instanceof Number id ? new PendingChange.SiteOwner(id.longValue(), c.longValue())
                        : null;
            }
        }
        return null;
    }

    private static boolean contains(int[] values, int i) {
        if (values == null) {
            return false;
        }
        for (int v : values) {
            if (v == i) {
                return true;
            }
        }
        return false;
    }

    private static String column(AbstractEntityPersister entity, String property, int index) {
        String[] columns = entity.getPropertyColumnNames(index);
        return columns.length == 1 ? columns[0].toLowerCase(java.util.Locale.ROOT) : property;
    }

    /** A plain JSON value: associations as their id, times and enums as text. */
    private static Object value(SharedSessionContractImplementor session, Type type, Object value) {
        if (value == null) {
            return null;
        }
        if (type instanceof EntityType entityType) {
            LazyInitializer proxy = HibernateProxy.extractLazyInitializer(value);
            Object id = proxy != null ? proxy.getInternalIdentifier()
                    : session.getEntityPersister(entityType.getAssociatedEntityName(), value).getIdentifier(value, session);
            return id instanceof Number || id instanceof String ? id : String.valueOf(id);
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.time.Instant instant) {
            return instant.truncatedTo(java.time.temporal.ChronoUnit.MILLIS).toString();
        }
        if (value instanceof TemporalAccessor || value instanceof java.time.ZoneId || value instanceof java.time.Duration) {
            return value.toString();
        }
        if (value instanceof byte[] bytes) {
            return java.util.Base64.getEncoder().encodeToString(bytes);
        }
        return String.valueOf(value);
    }
}
