package com.aftercare.kpi;

import java.io.OutputStream;
import java.util.Locale;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;

/** The Excel file of one month's KPIs with every drill-down list (CB-4, RP-1's monthly figures). */
@Service
@Validated
public class ExportKpis {

    private final ComputeKpis compute;
    private final KpiWorkbook workbook;

    ExportKpis(ComputeKpis compute, KpiWorkbook workbook) {
        this.compute = compute;
        this.workbook = workbook;
    }

    /** Resolves the scope first (404 / 400 before a byte is written); the caller then streams the file. */
    @Transactional(readOnly = true)
    public Export prepare(@Valid KpiQuery query, Locale lang) {
        ComputeKpis.Month month = compute.month(query);
        return new Export(workbook.fileName(lang, month), out -> workbook.write(lang, month, out));
    }

    public record Export(String fileName, Body body) {
    }

    public interface Body {
        void writeTo(OutputStream out);
    }
}
