package com.aftercare.servicereport;

import java.util.List;

/**
 * What a service report says, already worded in one language, before it becomes a workbook and a PDF: the same
 * figures and rows in both files, so the two can never disagree.
 *
 * @param facts label and value pairs of the overview, in order
 * @param tables the report's lists; an empty one is printed as "none"
 */
record ReportDocument(String title, String headerLeft, String headerRight, String printedAt, List<Fact> facts,
        List<Table> tables) {

    record Fact(String label, String value) {
    }

    /** A list with a heading row; weights are the columns' relative widths on paper. */
    record Table(String title, String sheetName, List<String> header, List<Float> weights, List<List<String>> rows) {
    }
}
