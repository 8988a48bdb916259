package com.aftercare.architecture.planted.alpha;

import org.springframework.data.repository.Repository;

/** Alpha's own repository: reading it from alpha is fine. */
public interface AlphaRecords extends Repository<Object, Long> {
}
