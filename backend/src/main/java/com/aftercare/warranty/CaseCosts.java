package com.aftercare.warranty;

/**
 * What a case costs the customer (WA-1, RR-5, FW-5): free inside warranty or as a repeat repair, otherwise the
 * parts and labour recorded on the case. Implemented by the warranty feature; reports only read it.
 */
public interface CaseCosts {

    CaseCost costOf(long ticketId);
}
