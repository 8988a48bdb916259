package com.aftercare.modeling;

import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ModelChangeRepository extends JpaRepository<ModelChange, Long> {

    List<ModelChange> findByOrderByAtDescIdDesc(Pageable page);

    List<ModelChange> findByModelKeyOrderByAtDescIdDesc(String modelKey, Pageable page);

    List<ModelChange> findByDeploymentIdIn(List<String> deploymentIds);

    boolean existsByModelKeyAndActionAndToVersionAndSummary(String modelKey, ModelChange.Action action, Integer toVersion, String summary);
}
