package com.aftercare.ticket;

/** How the request reached the desk (IN-1). */
public enum Channel {
    HOTLINE, WEB, ON_SITE, EMAIL, MONITORING
}
