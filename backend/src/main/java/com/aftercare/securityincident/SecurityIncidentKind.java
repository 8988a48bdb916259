package com.aftercare.securityincident;

/**
 * What the contract counts as a security accident (seed 002: 政治事件、泄密、盗用用户资料、擅自更改资料、故意隐瞒、超越授权操作), in its
 * order, and anything else the supervisor judges to be one.
 */
public enum SecurityIncidentKind {
    POLITICAL, LEAK, DATA_THEFT, UNAUTHORIZED_CHANGE, CONCEALMENT, BEYOND_AUTHORIZATION, OTHER
}
