package com.aftercare.audit;

import java.io.PrintStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The verify command: only present when started with {@code --aftercare.audit.verify} (see
 * {@link AuditVerifyMode}). Verifies the chain, prints the outcome and exits with 0 (intact) or 1
 * (tampered). {@code --aftercare.audit.anchor=SEQ:HASH} also checks an anchor recorded earlier.
 */
@Component
@ConditionalOnProperty(name = AuditVerifyMode.FLAG)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditVerifyCommand implements ApplicationRunner {

    private final AuditService audit;
    private final ApplicationContext context;
    private final String anchor;
    /** Tests start the command inside their JVM and must not have it exit. */
    private final boolean exit;
    private volatile Integer exitCode;

    AuditVerifyCommand(AuditService audit, ApplicationContext context, @Value("${aftercare.audit.anchor:}") String anchor,
            @Value("${aftercare.audit.exit-after-verify:true}") boolean exit) {
        this.audit = audit;
        this.context = context;
        this.anchor = anchor;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code;
        try {
            code = report(audit.verify(AuditService.Anchor.parse(anchor)), System.out);
        } catch (RuntimeException e) {
            System.out.println("Audit trail: could not verify: " + e.getMessage());
            code = 1;
        }
        exitCode = code;
        if (exit) {
            int status = code;
            System.exit(SpringApplication.exit(context, () -> status));
        }
    }

    Integer exitCode() {
        return exitCode;
    }

    /** Prints one human line and one JSON line (the same body as GET /api/audit/verify); returns the exit code. */
    static int report(AuditService.Verification v, PrintStream out) {
        if (v.ok()) {
            out.printf("Audit trail: OK, %d entries; head seq %d hash %s%n", v.entries(), v.headSeq(), v.headHash());
        } else {
            out.printf("Audit trail: TAMPERED: first bad entry seq %d (%s); %d entries%n", v.firstBadEntry().seq(),
                    v.firstBadEntry().reason(), v.entries());
        }
        StringBuilder json = new StringBuilder("{\"ok\":").append(v.ok()).append(",\"entries\":").append(v.entries());
        if (v.firstBadEntry() != null) {
            json.append(",\"firstBadEntry\":{\"seq\":").append(v.firstBadEntry().seq()).append(",\"reason\":\"")
                    .append(v.firstBadEntry().reason()).append("\"}");
        }
        json.append(",\"headSeq\":").append(v.headSeq()).append(",\"headHash\":\"").append(v.headHash()).append("\"}");
        out.println(json);
        return v.ok() ? 0 : 1;
    }
}
