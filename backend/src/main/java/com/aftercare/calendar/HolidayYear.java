package com.aftercare.calendar;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One imported year of statutory holidays and make-up workdays, kept as the JSON that was imported. */
@Entity
@Table(name = "holiday_year")
class HolidayYear {

    @Id
    @Column(name = "calendar_year")
    private Integer year;
    @Column(name = "source_json")
    private String sourceJson;
    @Column(name = "imported_at")
    private Instant importedAt;
    @Column(name = "imported_by")
    private String importedBy;

    protected HolidayYear() {
    }

    HolidayYear(int year, String sourceJson, Instant importedAt, String importedBy) {
        this.year = year;
        this.sourceJson = sourceJson;
        this.importedAt = importedAt;
        this.importedBy = importedBy;
    }

    void replace(String json, Instant at, String by) {
        this.sourceJson = json;
        this.importedAt = at;
        this.importedBy = by;
    }

    Integer getYear() { return year; }
    String getSourceJson() { return sourceJson; }
    Instant getImportedAt() { return importedAt; }
    String getImportedBy() { return importedBy; }
}
