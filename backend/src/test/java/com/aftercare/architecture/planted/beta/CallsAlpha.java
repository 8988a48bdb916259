package com.aftercare.architecture.planted.beta;

import com.aftercare.architecture.planted.alpha.ReadsBetasRecords;

/** Planted: beta depends back on alpha, closing the alpha-beta cycle. */
public interface CallsAlpha {

    void use(ReadsBetasRecords alpha);
}
