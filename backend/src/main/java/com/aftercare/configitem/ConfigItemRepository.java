package com.aftercare.configitem;

import java.util.Collection;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ConfigItemRepository extends JpaRepository<ConfigItem, Long> {

    /**
     * Takes the customer unit's row lock: relations between a unit's items are checked for loops and duplicates against
     * what is committed, so two people relating the same unit's items go one after the other. Items change rarely.
     */
    @Query(value = "select id from customer where id = :customerId for update", nativeQuery = true)
    Long lockUnit(@Param("customerId") long customerId);

    @Query("select i.customerId from ConfigItem i where i.id = :id")
    java.util.Optional<Long> unitOf(@Param("id") long id);

    boolean existsByCustomerIdAndName(long customerId, String name);

    boolean existsByCustomerIdAndNameAndIdNot(long customerId, String name, long id);

    /** The list: by unit, kind, status and text (name, version, location; the number is matched by id in the caller). */
    @Query("""
            select i from ConfigItem i, com.aftercare.asset.Customer c where c.id = i.customerId
              and (:customerId is null or i.customerId = :customerId)
              and (:kind is null or i.kind = :kind)
              and (:status is null or i.status = :status)
              and (:q is null or lower(i.name) like :q or lower(i.version) like :q or lower(i.location) like :q or i.id = :numberId)
            order by c.name, i.name""")
    List<ConfigItem> search(@Param("customerId") Long customerId, @Param("kind") ConfigItemKind kind,
            @Param("status") ConfigItemStatus status, @Param("q") String q, @Param("numberId") Long numberId, Pageable page);

    List<ConfigItem> findByIdIn(Collection<Long> ids);

    List<ConfigItem> findByCustomerId(long customerId);

    /** A unit's items still in use (planned or in service), by name: the nodes of its configuration graph. */
    @Query("select i from ConfigItem i where i.customerId = :customerId"
            + " and i.status <> com.aftercare.configitem.ConfigItemStatus.RETIRED order by i.name, i.id")
    List<ConfigItem> inUseOfUnit(@Param("customerId") long customerId, Pageable page);
}
