package com.aftercare.survey;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import com.aftercare.asset.AssetService;
import com.aftercare.asset.Site;
import com.aftercare.common.BadRequestException;
import com.aftercare.common.ConflictException;
import com.aftercare.common.NotFoundException;
import com.aftercare.identity.CurrentUser;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.ReportFault;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.event.CaseEvent;
import com.aftercare.ticket.event.CaseTimeline;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Records the answer to a survey or callback (CB-1..CB-3), once: by the desk on the phone, or by the customer's own
 * user in the portal (a sampled case or the quarterly survey of their unit; a callback is a phone call). A survey
 * needs the three scores of seed 000 (受理 intake, 处理 handling, 服务支持 support, 1-5); a callback needs what was
 * said, and a problem the customer raised opens a fault case in the same transaction. A second answer is a 409.
 */
@Service
@Validated
public class AnswerSurvey {

    /** A problem raised on a callback: opened as a fault case at this site of the customer's. */
    public record RaisedProblem(
            @NotNull Long siteId,
            @NotBlank @Size(max = 100) String requesterName,
            @NotBlank @Size(max = 40) @Pattern(regexp = "[0-9+()\\- ]{3,40}", message = "must be a phone number") String requesterPhone,
            @NotBlank @Size(max = 4000) String description) {
    }

    @Schema(name = "AnswerSurveyCommand")
    public record Command(
            @Min(1) @Max(5) Integer intakeScore,
            @Min(1) @Max(5) Integer handlingScore,
            @Min(1) @Max(5) Integer supportScore,
            @Size(max = 2000) String comment,
            @Size(max = 2000) String outcome,
            @Valid RaisedProblem problem) {
    }

    private final SurveyRepository surveys;
    private final ReadSurveys read;
    private final SurveyProcesses processes;
    private final ReportFault reportFault;
    private final AssetService assets;
    private final CaseTimeline timeline;
    private final Clock clock;

    AnswerSurvey(SurveyRepository surveys, ReadSurveys read, SurveyProcesses processes, ReportFault reportFault,
            AssetService assets, CaseTimeline timeline, Clock clock) {
        this.surveys = surveys;
        this.read = read;
        this.processes = processes;
        this.reportFault = reportFault;
        this.assets = assets;
        this.timeline = timeline;
        this.clock = clock;
    }

    @Transactional
    public SurveyView answer(long surveyId, @Valid Command command) {
        boolean customer = CurrentUser.isCustomer();
        Survey survey = surveys.findById(surveyId)
                .filter(s -> !customer || (s.getCustomerId().equals(CurrentUser.customerId()) && s.getKind() != SurveyKind.CALLBACK))
                .orElseThrow(() -> new NotFoundException("No survey " + surveyId));
        if (survey.getStatus() == SurveyStatus.ANSWERED) {
            throw new ConflictException("This survey was answered already");
        }
        List<BadRequestException.FieldError> missing = new ArrayList<>();
        if (survey.getKind() == SurveyKind.CALLBACK) {
            if (command.outcome() == null || command.outcome().isBlank()) {
                missing.add(new BadRequestException.FieldError("outcome", "is required: what the customer said"));
            }
        } else {
            if (command.intakeScore() == null) {
                missing.add(new BadRequestException.FieldError("intakeScore", "is required (1-5)"));
            }
            if (command.handlingScore() == null) {
                missing.add(new BadRequestException.FieldError("handlingScore", "is required (1-5)"));
            }
            if (command.supportScore() == null) {
                missing.add(new BadRequestException.FieldError("supportScore", "is required (1-5)"));
            }
            if (command.problem() != null) {
                missing.add(new BadRequestException.FieldError("problem", "only a callback opens a case"));
            }
        }
        if (customer && command.outcome() != null) {
            missing.add(new BadRequestException.FieldError("outcome", "is written by the service desk"));
        }
        if (!missing.isEmpty()) {
            throw new BadRequestException(missing);
        }
        Long raised = null;
        if (command.problem() != null) {
            raised = raise(survey, command.problem());
        }
        survey.answer(command.intakeScore(), command.handlingScore(), command.supportScore(), blankToNull(command.comment()),
                blankToNull(command.outcome()), raised, CurrentUser.username(),
                customer ? AnswerChannel.PORTAL : AnswerChannel.PHONE, clock.instant());
        surveys.saveAndFlush(survey);
        if (survey.getTicketId() != null) {
            timeline.record(survey.getTicketId(), new CaseEvent.SurveyAnswered(survey.getIntakeScore(),
                    survey.getHandlingScore(), survey.getSupportScore(), survey.getComment()));
        }
        if (survey.getKind() == SurveyKind.QUARTERLY) {
            processes.answered(survey.getId());
        }
        return read.view(survey);
    }

    private Long raise(Survey survey, RaisedProblem problem) {
        Site site = assets.requireSite(problem.siteId(), "problem.siteId");
        if (!site.getCustomer().getId().equals(survey.getCustomerId())) {
            throw new BadRequestException("problem.siteId", "the site belongs to another customer");
        }
        String description = problem.description().strip();
        String title = description.length() > 60 ? description.substring(0, 60) : description;
        Ticket ticket = reportFault.report(new NewTicket(Channel.HOTLINE, problem.requesterName(), site.getCustomer().getName(),
                problem.requesterPhone(), site.getId(), null, Category.DEFECT, Grade.LOW, Grade.LOW, title, description),
                null).ticket();
        return ticket.getId();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
