package com.aftercare.architecture.planted.alpha;

import org.springframework.data.repository.NoRepositoryBean;
import org.springframework.data.repository.Repository;

/** Alpha's own repository: reading it from alpha is fine. */
@NoRepositoryBean // a planted type for the rules, never a bean of the application's Spring Data scan
public interface AlphaRecords extends Repository<Object, Long> {
}
