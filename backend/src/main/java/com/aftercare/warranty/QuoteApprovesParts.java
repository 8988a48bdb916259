package com.aftercare.warranty;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.stock.CasePartsApproval;

/**
 * The warranty feature's answer to the stock's question whether a case's parts may be issued (FW-5): yes once the
 * owner (or the desk on their behalf) approved the case's quote, which is the parts approval (ADR 0023); no while it
 * is unanswered, refused, or was never asked.
 */
@Service
class QuoteApprovesParts implements CasePartsApproval {

    private final CaseWarrantyRepository warranties;

    QuoteApprovesParts(CaseWarrantyRepository warranties) {
        this.warranties = warranties;
    }

    @Override
    @Transactional(readOnly = true)
    public boolean partsApproved(long ticketId) {
        return warranties.findById(ticketId).map(w -> "APPROVED".equals(w.getQuoteAnswer())).orElse(false);
    }
}
