package com.aftercare.probe;

/**
 * Whether a site's devices are probed by a probe agent inside its network rather than by this server. A port the
 * agent feature implements, so the probe feature does not depend on it (the agent feature uses the probe feature).
 */
public interface AgentSites {

    boolean servedByAgent(Long siteId);
}
