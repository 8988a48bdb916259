package com.aftercare.architecture.planted.alpha;

import com.aftercare.architecture.planted.beta.BetaRecords;

/**
 * Planted: alpha reads beta's repository (breaks the repository rule once) and so depends on beta
 * (one half of the cycle). Reading its own repository is fine. A single method keeps it to one
 * dependency on each repository.
 */
public interface ReadsBetasRecords {

    void read(AlphaRecords own, BetaRecords others);
}
