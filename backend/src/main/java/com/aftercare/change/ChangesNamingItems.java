package com.aftercare.change;

import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.configitem.ChangesOfItem;
import com.aftercare.identity.CurrentUser;

/** Answers the configuration items' question which changes name them (their page's 相关变更). */
@Component
class ChangesNamingItems implements ChangesOfItem {

    /** An item's page lists its latest changes; older ones are on the changes page. */
    static final int MAX_LISTED = 50;

    private final ChangeRequestRepository changes;

    ChangesNamingItems(ChangeRequestRepository changes) {
        this.changes = changes;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChangeRef> naming(long customerId, long itemId) {
        return changes.naming(customerId, "%," + itemId + ",%", CurrentUser.isCustomer(), PageRequest.of(0, MAX_LISTED)).stream()
                .map(c -> new ChangeRef(c.getId(), c.number(), c.getTitle(), c.getStatus().name(), c.getPlannedStart(),
                        c.getPlannedEnd(), c.getOutcome() == null ? null : c.getOutcome().name()))
                .toList();
    }

    @Override
    public String number(long changeId) {
        return ChangeRequest.number(changeId);
    }
}
