package com.aftercare.identity;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

/**
 * Customers' own users (enabled accounts of a customer unit) whose mobile number is, or ends with, some digits: the
 * desk's caller lookup recognises them before their first report (IN-2). Punctuation in the stored number is ignored.
 */
@Service
public class FindCustomerUsers {

    static final int MAX = 10;

    public record CustomerUser(String displayName, String mobile, Long customerId) {
    }

    private final EntityManager em;

    FindCustomerUsers(EntityManager em) {
        this.em = em;
    }

    /** @param customerId only this customer's users; null for every customer's */
    @Transactional(readOnly = true)
    public List<CustomerUser> byMobileEnding(String digits, Long customerId) {
        return em.createQuery("""
                select u from AppUser u
                where u.customerId is not null and u.enabled = true
                  and replace(replace(replace(replace(replace(u.mobile, ' ', ''), '-', ''), '+', ''), '(', ''), ')', '')
                      like :pattern
                  and (:customerId is null or u.customerId = :customerId)
                order by u.displayName, u.username""", AppUser.class)
                .setParameter("pattern", "%" + digits)
                .setParameter("customerId", customerId)
                .setMaxResults(MAX)
                .getResultList().stream()
                .map(u -> new CustomerUser(u.getDisplayName(), u.getMobile().trim(), u.getCustomerId()))
                .toList();
    }
}
