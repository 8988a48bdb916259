package com.aftercare.configitem;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface ConfigItemLinkRepository extends JpaRepository<ConfigItemLink, Long> {

    /** What an item rests on now. */
    @Query("select l from ConfigItemLink l where l.itemId = :itemId and l.removedAt is null order by l.id")
    List<ConfigItemLink> activeFrom(@Param("itemId") long itemId);

    /** Other items resting on this one now. */
    @Query("select l from ConfigItemLink l where l.targetItemId = :itemId and l.removedAt is null order by l.id")
    List<ConfigItemLink> activeTo(@Param("itemId") long itemId);

    /** A unit's relations now: the graph that loops are checked in and a device's failure is followed through. */
    @Query("select l from ConfigItemLink l where l.customerId = :customerId and l.removedAt is null")
    List<ConfigItemLink> activeOfUnit(@Param("customerId") long customerId);

    /** Per item of the list: how many relations go out of it and how many come in. */
    @Query("select l.itemId, count(l) from ConfigItemLink l where l.itemId in :ids and l.removedAt is null group by l.itemId")
    List<Object[]> countFrom(@Param("ids") Collection<Long> ids);

    @Query("select l.targetItemId, count(l) from ConfigItemLink l where l.targetItemId in :ids and l.removedAt is null group by l.targetItemId")
    List<Object[]> countTo(@Param("ids") Collection<Long> ids);
}
