package com.aftercare.stock;

import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The addresses the month-end stale stock warning is mailed to with its sheet (the project's finance); one row. */
@Entity
@Table(name = "stale_stock_warning_mail")
class StaleWarningMail {

    static final int ID = 1;

    @Id
    private Integer id;
    @Column(name = "mail_to")
    private String mailTo;

    protected StaleWarningMail() {
    }

    StaleWarningMail(List<String> addresses) {
        this.id = ID;
        change(addresses);
    }

    void change(List<String> addresses) {
        this.mailTo = addresses.isEmpty() ? null : String.join(",", addresses);
    }

    List<String> addresses() {
        return mailTo == null || mailTo.isBlank() ? List.of() : Arrays.asList(mailTo.split(","));
    }
}
