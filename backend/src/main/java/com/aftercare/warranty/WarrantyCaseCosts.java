package com.aftercare.warranty;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link CaseCosts}: free (zero) inside warranty or as a repeat repair; otherwise the sum of the case's part lines
 * and labour lines. A case not assessed yet (no dispatch) costs what its lines say, charged.
 */
@Component
class WarrantyCaseCosts implements CaseCosts {

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private final CaseWarrantyRepository warranties;
    private final CostLineRepository lines;

    WarrantyCaseCosts(CaseWarrantyRepository warranties, CostLineRepository lines) {
        this.warranties = warranties;
        this.lines = lines;
    }

    @Override
    @Transactional(readOnly = true)
    public CaseCost costOf(long ticketId) {
        return cost(ticketId, warranties.findById(ticketId).orElse(null), lines.findByTicketIdOrderByIdAsc(ticketId));
    }

    static CaseCost cost(long ticketId, CaseWarranty warranty, List<CostLine> lines) {
        String free = warranty == null ? null : warranty.getFreeReason();
        if (free != null) {
            return new CaseCost(ticketId, true, free, ZERO, ZERO, ZERO);
        }
        BigDecimal parts = sum(lines, "PART");
        BigDecimal labour = sum(lines, "LABOUR");
        return new CaseCost(ticketId, false, null, parts, labour, parts.add(labour));
    }

    private static BigDecimal sum(List<CostLine> lines, String kind) {
        return lines.stream().filter(l -> kind.equals(l.getKind())).map(CostLine::getAmount)
                .reduce(ZERO, BigDecimal::add).setScale(2);
    }
}
