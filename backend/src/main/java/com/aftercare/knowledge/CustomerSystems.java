package com.aftercare.knowledge;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.aftercare.asset.DeviceType;

import jakarta.persistence.EntityManager;

/**
 * The device types a customer unit has at its sites: a customer's user reads the published articles about these
 * systems only. A read of the asset archive's tables (no asset use case lists types per unit).
 */
@Component
class CustomerSystems {

    private final EntityManager em;

    CustomerSystems(EntityManager em) {
        this.em = em;
    }

    Set<DeviceType> deviceTypes(long customerId) {
        Set<DeviceType> types = EnumSet.noneOf(DeviceType.class);
        for (Object row : em.createNativeQuery("select distinct d.type from device d join site s on s.id = d.site_id"
                + " where s.customer_id = ?1").setParameter(1, customerId).getResultList()) {
            DeviceType t = ArticleText.deviceType(String.valueOf(row));
            if (t != null) {
                types.add(t);
            }
        }
        return types;
    }
}
