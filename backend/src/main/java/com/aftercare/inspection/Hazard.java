package com.aftercare.inspection;

/** Severe weather a site is prone to (PM-3): a thunderstorm (雷雨) or strong wind (大风). */
public enum Hazard {
    LIGHTNING, WIND
}
