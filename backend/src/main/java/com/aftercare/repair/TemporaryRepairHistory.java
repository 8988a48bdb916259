package com.aftercare.repair;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.stereotype.Component;

/**
 * STAND-IN until the repair feature (H1) implements {@link RepairHistory}: an in-memory list, empty unless someone
 * adds to it. The lead deletes this class at merge; nothing may depend on it but through {@link RepairHistory}.
 */
@Component
public class TemporaryRepairHistory implements RepairHistory {

    private final List<RepairRecord> records = new CopyOnWriteArrayList<>();

    public void add(RepairRecord record) {
        records.add(record);
    }

    @Override
    public List<RepairRecord> sentBetween(LocalDate from, LocalDate toExclusive, Long customerId) {
        return records.stream()
                .filter(r -> !r.sentOn().isBefore(from) && r.sentOn().isBefore(toExclusive))
                .filter(r -> customerId == null || r.customerId() == customerId)
                .sorted(Comparator.comparing(RepairRecord::sentOn))
                .toList();
    }
}
