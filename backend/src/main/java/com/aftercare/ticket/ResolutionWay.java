package com.aftercare.ticket;

/** How a fault was resolved: answered at the first line, or fixed and verified on the device. */
public enum ResolutionWay {
    AT_DESK,
    ON_SITE
}
