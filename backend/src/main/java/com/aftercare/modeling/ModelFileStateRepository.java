package com.aftercare.modeling;

import org.springframework.data.jpa.repository.JpaRepository;

interface ModelFileStateRepository extends JpaRepository<ModelFileState, String> {
}
