package com.aftercare.identity;

/** A signed-in principal that belongs to a customer unit (null for staff). */
public interface CustomerScoped {

    Long customerId();
}
