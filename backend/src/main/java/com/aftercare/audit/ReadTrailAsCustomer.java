package com.aftercare.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A customer's user reads their unit's audit trail as far as their case file goes, and no further
 * (issue 10, item 8): only entities and columns of {@link AuditedTables#customerColumns}, without who
 * on the provider's side did it (the case file names no desk or supervisor) and without the chain
 * hashes (they are computed over what is kept back). An entry with nothing left to show is left out,
 * so not even the moment of an internal change shows.
 * <p>
 * Which entries are left is only known after reading their changes, so the page is cut in memory
 * from slices of one unit's entries; a unit's trail is thousands of lines, not millions.
 */
@Component
class ReadTrailAsCustomer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SLICE = 500;

    private final AuditEntryRepository entries;

    ReadTrailAsCustomer(AuditEntryRepository entries) {
        this.entries = entries;
    }

    Page<AuditService.Line> read(AuditService.Filter f, long customerId, Pageable page) {
        Set<String> types = f.entityType() == null ? AuditedTables.customerTables()
                : AuditedTables.customerColumns(f.entityType()).isEmpty() ? Set.of() : Set.of(f.entityType());
        if (types.isEmpty() || f.customerId() != null && f.customerId() != customerId) {
            return Page.empty(page);
        }
        List<AuditService.Line> content = new ArrayList<>();
        long shown = 0;
        Slice<AuditEntry> slice;
        int n = 0;
        do {
            slice = entries.customerSlice(types, f.entityId(), customerId, f.ticketId(), f.from(), f.to(),
                    PageRequest.of(n++, SLICE, page.getSort()));
            for (AuditEntry e : slice.getContent()) {
                Optional<AuditService.Line> line = redact(e);
                if (line.isEmpty()) {
                    continue;
                }
                if (shown >= page.getOffset() && content.size() < page.getPageSize()) {
                    content.add(line.get());
                }
                shown++;
            }
        } while (slice.hasNext());
        return new PageImpl<>(content, page, shown);
    }

    /** The entry as a customer may read it, or empty when none of its changes are theirs to see. */
    static Optional<AuditService.Line> redact(AuditEntry e) {
        Set<String> visible = AuditedTables.customerColumns(e.getEntityType());
        JsonNode changes;
        try {
            changes = JSON.readTree(e.getChanges());
        } catch (Exception unreadable) {
            return Optional.empty(); // a row altered behind the application's back: for the verify endpoint, not customers
        }
        if (visible.isEmpty() || changes == null || !changes.isObject()) {
            return Optional.empty();
        }
        ObjectNode kept = JSON.createObjectNode();
        changes.fields().forEachRemaining(c -> {
            if (visible.contains(c.getKey())) {
                kept.set(c.getKey(), c.getValue());
            }
        });
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditService.Line(e.getSeq(), e.getOccurredAt(), null, e.getEntityType(), e.getEntityId(),
                e.getAction(), kept.toString(), e.getCustomerId(), e.getTicketId(), null, null));
    }
}
