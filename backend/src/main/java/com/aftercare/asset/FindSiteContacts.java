package com.aftercare.asset;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

/**
 * The sites whose contact person's phone is, or ends with, some digits (the desk's caller lookup, IN-2): a site's
 * contact often calls before they ever reported anything. Punctuation in the stored number is ignored, as for the
 * requesters of earlier cases.
 */
@Service
public class FindSiteContacts {

    /** Enough for a lookup list; a number shared by more sites than this is the switchboard's. */
    static final int MAX = 10;

    public record SiteContact(Long siteId, String siteName, Long customerId, String customerName, String name, String phone) {
    }

    private final EntityManager em;

    FindSiteContacts(EntityManager em) {
        this.em = em;
    }

    /** @param customerId only this customer's sites; null for every site */
    @Transactional(readOnly = true)
    public List<SiteContact> byPhoneEnding(String digits, Long customerId) {
        return em.createQuery("""
                select s from Site s join fetch s.customer
                where replace(replace(replace(replace(replace(s.contactPhone, ' ', ''), '-', ''), '+', ''), '(', ''), ')', '')
                      like :pattern
                  and s.contactName is not null and s.contactName <> ''
                  and (:customerId is null or s.customer.id = :customerId)
                order by s.name, s.id""", Site.class)
                .setParameter("pattern", "%" + digits)
                .setParameter("customerId", customerId)
                .setMaxResults(MAX)
                .getResultList().stream()
                .map(s -> new SiteContact(s.getId(), s.getName(), s.getCustomer().getId(), s.getCustomer().getName(),
                        s.getContactName().trim(), s.getContactPhone().trim()))
                .toList();
    }
}
