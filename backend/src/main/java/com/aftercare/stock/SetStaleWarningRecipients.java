package com.aftercare.stock;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.aftercare.common.BadRequestException;
import com.aftercare.common.EmailAddressList;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A keeper sets who gets the month-end stale stock warning by e-mail besides the in-app note (seed 003: 报至采购主管及
 * 项目财务科; the finance has no account here): up to {@value #MAX} addresses, replaced as a whole; none: no mail.
 */
@Service
public class SetStaleWarningRecipients {

    static final int MAX = 10;

    @Schema(name = "StaleWarningRecipients")
    public record Recipients(List<String> recipients) {
    }

    private final StaleWarningMailRepository mail;

    SetStaleWarningRecipients(StaleWarningMailRepository mail) {
        this.mail = mail;
    }

    @Transactional(readOnly = true)
    public Recipients read(Actor actor) {
        actor.require(Actor.KEEPERS, "see the stale stock warnings");
        return new Recipients(current());
    }

    @Transactional
    public Recipients set(Actor actor, Recipients command) {
        actor.require(Actor.KEEPERS, "change who gets the stale stock warnings");
        List<BadRequestException.FieldError> errors = new ArrayList<>();
        List<String> addresses = EmailAddressList.parse(command == null ? null : command.recipients(), "recipients", MAX, errors);
        if (errors.isEmpty() && String.join(",", addresses).length() > 2000) {
            errors.add(new BadRequestException.FieldError("recipients", "are too long together (2000 characters at most)"));
        }
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        StaleWarningMail row = mail.findById(StaleWarningMail.ID).orElseGet(() -> new StaleWarningMail(List.of()));
        row.change(addresses);
        mail.save(row);
        return new Recipients(addresses);
    }

    /** The addresses set now (none: nobody is mailed). */
    List<String> current() {
        return mail.findById(StaleWarningMail.ID).map(StaleWarningMail::addresses).orElse(List.of());
    }
}
