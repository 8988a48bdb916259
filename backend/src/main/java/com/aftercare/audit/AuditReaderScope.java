package com.aftercare.audit;

import java.util.Optional;

/**
 * Whose audit entries the signed-in reader may see. Supervisors and admins see everything; a
 * customer sees only entries whose owning customer is theirs (RP-2: the customer may look at the
 * records of its own systems at any time).
 */
public interface AuditReaderScope {

    /**
     * Empty: everything. A customer id: only entries owned by that customer.
     *
     * @throws com.aftercare.common.ForbiddenException when the reader may see no audit entries
     */
    Optional<Long> customerRestriction();
}
