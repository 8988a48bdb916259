package com.aftercare.caseitem;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.configitem.CasesOfItem;
import com.aftercare.ticket.CasesOnDevices;

/**
 * The configuration feature's port answered: the cases that name an item, for the item's page and its graph. Kept
 * apart from {@link ReadCaseItems}, which reads items through the configuration feature, so that neither waits for the
 * other to be built.
 */
@Service
class CasesNamingItem implements CasesOfItem {

    private final CaseConfigItemRepository links;
    private final CasesOnDevices cases;

    CasesNamingItem(CaseConfigItemRepository links, CasesOnDevices cases) {
        this.links = links;
        this.cases = cases;
    }

    @Override
    @Transactional(readOnly = true)
    public List<CaseRef> naming(long itemId, int max) {
        List<CaseConfigItem> named = links.namingItem(itemId, PageRequest.of(0, max));
        Map<Long, CasesOnDevices.CaseRef> refs = cases.refs(named.stream().map(CaseConfigItem::getTicketId).toList());
        return named.stream().map(l -> {
            CasesOnDevices.CaseRef t = refs.get(l.getTicketId());
            return t == null ? null : new CaseRef(t.id(), t.number(), t.title(), t.status(), t.reportedAt(), l.getLinkedAt());
        }).filter(Objects::nonNull).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> openCounts(Collection<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : links.countOpenNaming(itemIds)) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return counts;
    }
}
