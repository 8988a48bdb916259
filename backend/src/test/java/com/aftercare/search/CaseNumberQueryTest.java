package com.aftercare.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A search text that is a whole case number is looked up by the number's unique index (SearchCases); anything else is
 * matched against every case's text. Case numbers are INC-year-id with the id padded to six digits, so after case
 * 999,999 they have seven (a year of a large integrator, issue 17): those must still count as a number.
 */
class CaseNumberQueryTest {

    @Test
    void sixDigitsOrMoreAreACaseNumber() {
        assertThat(SearchCases.isCaseNumber("INC-2026-000012")).isTrue();
        assertThat(SearchCases.isCaseNumber("inc-2026-000012")).isTrue();
        assertThat(SearchCases.isCaseNumber("INC-2027-1000001")).isTrue();
        assertThat(SearchCases.isCaseNumber("INC-2027-12345678")).isTrue();
    }

    @Test
    void aPartOfANumberIsText() {
        assertThat(SearchCases.isCaseNumber("INC-2026-00001")).isFalse();
        assertThat(SearchCases.isCaseNumber("2026-000012")).isFalse();
        assertThat(SearchCases.isCaseNumber("INC-2026-000012 黑屏")).isFalse();
    }
}
