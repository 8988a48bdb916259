package com.aftercare.asset;

import java.util.List;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DeviceRepository extends JpaRepository<Device, Long> {

    @EntityGraph(attributePaths = "site")
    @Query("""
            select d from Device d
            where (:siteId is null or d.site.id = :siteId)
              and (:customerId is null or d.site.customer.id = :customerId)
              and d.retired = false
              and (:q is null or lower(d.name) like :q or lower(d.serialNumber) like :q or lower(d.ipAddress) like :q)
            order by d.name""")
    List<Device> search(@Param("customerId") Long customerId, @Param("siteId") Long siteId, @Param("q") String q);

    boolean existsBySerialNumber(String serialNumber);

    boolean existsBySerialNumberAndIdNot(String serialNumber, Long id);

    /** The administration list: retired devices included (with the camera's recorder, which the list names). */
    @EntityGraph(attributePaths = { "site", "recorder" })
    @Query("""
            select d from Device d
            where (:siteId is null or d.site.id = :siteId)
              and (:customerId is null or d.site.customer.id = :customerId)
            order by d.name""")
    List<Device> findForAdministration(@Param("customerId") Long customerId, @Param("siteId") Long siteId);

    @EntityGraph(attributePaths = { "site", "recorder" })
    @Query("select d from Device d where d.id = :id")
    java.util.Optional<Device> findWithSite(@Param("id") Long id);

    @EntityGraph(attributePaths = { "site", "recorder" })
    @Query("select d from Device d where d.id in :ids")
    List<Device> findAllWithSite(@Param("ids") java.util.Collection<Long> ids);
}
