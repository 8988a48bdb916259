package com.aftercare.probeagent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.aftercare.probes.CheckOutcome;
import com.aftercare.probes.ProbeRunner;
import com.aftercare.probes.Timeouts;

/**
 * The probe agent: fetch a job of this agent's sites from the server, run its checks inside the customer's network,
 * post the outcomes, again. The server decides what passes; the agent only reports what it saw. Logs name jobs,
 * cases and hosts, never the token or a device's credentials.
 */
public final class ProbeAgent {

    private static final Logger log = LoggerFactory.getLogger(ProbeAgent.class);

    /** Exit status when the server refuses the token: the agent was revoked, restarting it will not help. */
    static final int EXIT_TOKEN_REFUSED = 3;
    static final int EXIT_BAD_SETTINGS = 2;

    private final ServerApi server;
    private final ProbeRunner runner = new ProbeRunner(Timeouts.defaults());
    private final boolean allowLoopback;
    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60));

    ProbeAgent(AgentSettings settings) {
        this.server = new ServerApi(settings.server(), settings.token());
        this.allowLoopback = settings.allowLoopback();
    }

    public static void main(String[] args) {
        AgentSettings settings;
        try {
            settings = AgentSettings.parse(args, System.getenv());
        } catch (AgentSettings.Invalid e) {
            System.err.println(e.getMessage());
            System.exit(EXIT_BAD_SETTINGS);
            return;
        }
        log.info("Aftercare probe agent started; server {}", settings.server());
        System.exit(new ProbeAgent(settings).run());
    }

    /** Polls until the token is refused; returns the exit status. */
    int run() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                List<ServerApi.Job> jobs = server.fetch(1);
                backoff.reset();
                for (ServerApi.Job job : jobs) {
                    serve(job);
                }
            } catch (ServerApi.TokenRefused e) {
                log.error("Stopping: {}", e.getMessage());
                return EXIT_TOKEN_REFUSED;
            } catch (ServerApi.Unavailable e) {
                Duration wait = backoff.next();
                log.warn("{}; trying again in {} s", e.getMessage(), wait.toSeconds());
                sleep(wait);
            }
        }
        return 0;
    }

    private void serve(ServerApi.Job job) throws ServerApi.TokenRefused {
        log.info("Job {} of case {}: {} check(s) on {}", job.jobId(), job.ticketNumber(), job.job().checks().size(),
                job.job().device() == null ? "-" : job.job().device().host());
        Instant started = Instant.now();
        List<CheckOutcome> outcomes;
        try {
            outcomes = runner.run(job.job(), SiteNetworks.of(job.job().siteNetworks(), allowLoopback));
        } catch (RuntimeException e) {
            // a bug or a malformed job: the server retries it later and gives up after its tries
            log.warn("Job {} could not run: {}", job.jobId(), e.getClass().getSimpleName());
            report(job, () -> server.failure(job.jobId(), "agent could not run the checks: " + e.getClass().getSimpleName()));
            return;
        }
        Instant finished = Instant.now();
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        log.info("Job {} of case {}: {} outcome(s), {} failed", job.jobId(), job.ticketNumber(), outcomes.size(), failed);
        report(job, () -> server.result(job.jobId(), outcomes, started, finished));
    }

    private interface Call {
        int send() throws ServerApi.TokenRefused, ServerApi.Unavailable;
    }

    /**
     * Posts what the job found, a few times if the server is away; after that the job's lock expires on the server
     * and the job is fetched again (it never passes without a result).
     */
    private void report(ServerApi.Job job, Call call) throws ServerApi.TokenRefused {
        Backoff retry = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(8));
        for (int attempt = 1; attempt <= 4; attempt++) {
            try {
                int status = call.send();
                if (status == 404 || status == 409) {
                    log.warn("Job {}: the server no longer holds it for this agent (HTTP {})", job.jobId(), status);
                } else if (status >= 300) {
                    log.warn("Job {}: the server refused the report (HTTP {})", job.jobId(), status);
                }
                return;
            } catch (ServerApi.Unavailable e) {
                log.warn("Job {}: {}", job.jobId(), e.getMessage());
                sleep(retry.next());
            }
        }
        log.warn("Job {}: report not delivered; the server hands the job out again once its lock expires", job.jobId());
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits that double from first up to max, so a server that is down is not hammered by every agent. */
    static final class Backoff {
        private final Duration first;
        private final Duration max;
        private Duration current;

        Backoff(Duration first, Duration max) {
            this.first = first;
            this.max = max;
        }

        Duration next() {
            current = current == null ? first : current.multipliedBy(2).compareTo(max) > 0 ? max : current.multipliedBy(2);
            return current;
        }

        void reset() {
            current = null;
        }
    }
}
