package com.aftercare.stock;

/**
 * Port: has the owner approved the parts used on this case (FW-5: 更换配件需经业主同意)? The warranty feature answers
 * it from the case's quote (ADR 0023: the quote is the parts approval), so the stock keeper cannot issue a part for a
 * case before the owner said yes, and the stock feature needs nothing of the warranty tables.
 */
public interface CasePartsApproval {

    boolean partsApproved(long ticketId);
}
