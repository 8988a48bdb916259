package com.aftercare.warranty;

import java.math.BigDecimal;

/**
 * The cost of one case in yuan (CNY). {@code freeReason} is WARRANTY, REPEAT_REPAIR or null when charged; when free,
 * parts, labour and total are zero. Amounts have scale 2.
 */
public record CaseCost(
        long ticketId,
        boolean freeOfCharge,
        String freeReason,
        BigDecimal parts,
        BigDecimal labour,
        BigDecimal total) {
}
