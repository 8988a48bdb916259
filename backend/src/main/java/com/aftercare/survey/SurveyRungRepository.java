package com.aftercare.survey;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface SurveyRungRepository extends JpaRepository<SurveyRung, Long> {

    List<SurveyRung> findBySurveyIdInOrderByRungAsc(Collection<Long> surveyIds);

    boolean existsBySurveyIdAndRung(Long surveyId, int rung);
}
