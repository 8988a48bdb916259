package com.aftercare.alarm;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.springframework.stereotype.Component;

import com.aftercare.asset.Device;
import com.aftercare.asset.Site;

/**
 * The device an alarm is about, among the sending source's customer's devices only (a key never reaches another
 * customer's devices): by IP address first, then serial number, then name (case-insensitive), each tried with
 * every identifier the alarm gave. A criterion that fits several devices decides nothing and the next is tried;
 * nothing found means the case opens at the desk for triage.
 */
@Component
class FindAlarmedDevice {

    enum MatchedBy { IP, SERIAL, NAME }

    record Match(Device device, MatchedBy by) {
    }

    private final EntityManager em;

    FindAlarmedDevice(EntityManager em) {
        this.em = em;
    }

    Optional<Match> find(Long customerId, List<String> identifiers) {
        for (MatchedBy by : MatchedBy.values()) {
            for (String id : identifiers) {
                List<Device> found = em.createQuery("select d from Device d join fetch d.site s where s.customer.id = :customer"
                        + " and d.retired = false and " + condition(by), Device.class)
                        .setParameter("customer", customerId).setParameter("value", by == MatchedBy.IP ? id : id.toLowerCase(java.util.Locale.ROOT))
                        .setMaxResults(2).getResultList();
                if (found.size() == 1) {
                    return Optional.of(new Match(found.get(0), by));
                }
            }
        }
        return Optional.empty();
    }

    /** The site for a case about no known device: the source's triage site, else the customer's first site. */
    Optional<Site> triageSite(Long customerId, Long triageSiteId) {
        if (triageSiteId != null) {
            Site site = em.find(Site.class, triageSiteId);
            if (site != null && site.getCustomer().getId().equals(customerId)) {
                return Optional.of(site);
            }
        }
        return em.createQuery("select s from Site s where s.customer.id = :customer order by s.id", Site.class)
                .setParameter("customer", customerId).setMaxResults(1).getResultList().stream().findFirst();
    }

    private static String condition(MatchedBy by) {
        return switch (by) {
            case IP -> "d.ipAddress = :value";
            case SERIAL -> "lower(d.serialNumber) = :value";
            case NAME -> "lower(d.name) = :value";
        };
    }
}
