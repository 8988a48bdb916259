package com.aftercare.identity;

import io.github.bucket4j.Bucket;

/**
 * Token buckets by key for one limit (the sign-in throttle, the intake limit): in this node's memory
 * ({@link BoundedBuckets}) or in the database, shared by every node ({@link DatabaseBuckets}).
 */
interface Buckets {

    /** The key's bucket, made full on first use. */
    Bucket of(String key);

    /** The key's bucket if it has one, else null (a key without one has its full allowance). */
    Bucket existing(String key);

    /** How many keys are tracked now (for tests and diagnostics). */
    long trackedKeys();
}
