package com.aftercare.configitem;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ConfigItemEventRepository extends JpaRepository<ConfigItemEvent, Long> {

    List<ConfigItemEvent> findByItemIdOrderByIdDesc(long itemId);

    List<ConfigItemEvent> findByChangeIdOrderByIdAsc(Long changeId);
}
