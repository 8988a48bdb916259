package com.aftercare.probes;

import java.net.InetAddress;

/**
 * Decides which addresses a prober may connect to and resolves the host once, so the check connects
 * to exactly the address that was checked. The server implements it with its outbound rule and the
 * site's networks; the probe agent with the networks of the job's site.
 */
@FunctionalInterface
public interface AddressGuard {

    /** @throws RefusedTarget with a short reason that may be shown ("address not allowed") */
    InetAddress resolve(String host, int port) throws RefusedTarget;

    /** The target may not be probed; the message is safe to show. */
    final class RefusedTarget extends Exception {
        public RefusedTarget(String shown) {
            super(shown, null, false, false);
        }
    }

    /** Any address (tests of the checks against peers on loopback; never used by the server). */
    static AddressGuard anyAddress() {
        return (host, port) -> {
            try {
                return InetAddress.getByName(host);
            } catch (java.net.UnknownHostException e) {
                throw new RefusedTarget("unknown host");
            }
        };
    }
}
