package com.aftercare.knowledge;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The knowledge base (IN-4, RP-4): articles, their review, suggestions at intake, cases solved from them. */
@RestController
@RequestMapping("/api/knowledge")
@Tag(name = "Knowledge")
class KnowledgeController {

    record ArticleReturn(String note) {
    }

    record SolvedCase(Long ticketId) {
    }

    private final ReadArticles read;
    private final WriteArticle write;
    private final DraftArticleFromCase fromCase;
    private final SubmitArticle submit;
    private final PublishArticle publish;
    private final ReturnArticle giveBack;
    private final RetireArticle retire;
    private final SuggestArticles suggest;
    private final RecordSolvedFromArticle solved;
    private final ReadFirstLineRate firstLine;

    KnowledgeController(ReadArticles read, WriteArticle write, DraftArticleFromCase fromCase, SubmitArticle submit,
            PublishArticle publish, ReturnArticle giveBack, RetireArticle retire, SuggestArticles suggest,
            RecordSolvedFromArticle solved, ReadFirstLineRate firstLine) {
        this.read = read;
        this.write = write;
        this.fromCase = fromCase;
        this.submit = submit;
        this.publish = publish;
        this.giveBack = giveBack;
        this.retire = retire;
        this.suggest = suggest;
        this.solved = solved;
        this.firstLine = firstLine;
    }

    @GetMapping("/articles")
    @Operation(summary = "Articles, best match first when q is given (staff: every state; a customer's user: published"
            + " articles about their unit's device types)")
    List<ArticleView> list(@RequestParam(required = false) String q, @RequestParam(required = false) String status,
            @RequestParam(required = false) String deviceType) {
        return read.list(q, status, deviceType);
    }

    @GetMapping("/articles/{id}")
    @Operation(summary = "One article")
    ArticleView get(@PathVariable long id) {
        return read.get(id);
    }

    @PostMapping("/articles")
    @Operation(summary = "Write a new draft (desk, engineer, supervisor, process owner)")
    ResponseEntity<ArticleView> create(@RequestBody ArticleText.ArticleInput body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(write.create(body));
    }

    @PutMapping("/articles/{id}")
    @Operation(summary = "Edit a draft (author or reviewer) or a published article (reviewer)")
    ArticleView edit(@PathVariable long id, @RequestBody ArticleText.ArticleInput body) {
        return write.edit(id, body);
    }

    @PostMapping("/articles/from-case/{ticketId}")
    @Operation(summary = "A draft pre-filled from a resolved case (the existing one when the case already has one)")
    ResponseEntity<ArticleView> fromCase(@PathVariable long ticketId) {
        DraftArticleFromCase.Drafted d = fromCase.draft(ticketId);
        return ResponseEntity.status(d.created() ? HttpStatus.CREATED : HttpStatus.OK).body(d.article());
    }

    @PostMapping("/articles/{id}/submit")
    @Operation(summary = "Send a draft for review")
    ArticleView submit(@PathVariable long id) {
        return submit.submit(id);
    }

    @PostMapping("/articles/{id}/publish")
    @Operation(summary = "Publish an article in review (supervisor or process owner, not the author)")
    ArticleView publish(@PathVariable long id) {
        return publish.publish(id);
    }

    @PostMapping("/articles/{id}/return")
    @Operation(summary = "Send an article in review back to its author with a note")
    ArticleView giveBack(@PathVariable long id, @RequestBody ArticleReturn body) {
        return giveBack.giveBack(id, body == null ? null : body.note());
    }

    @PostMapping("/articles/{id}/retire")
    @Operation(summary = "Retire a published article")
    ArticleView retire(@PathVariable long id) {
        return retire.retire(id);
    }

    @GetMapping("/suggestions")
    @Operation(summary = "Published articles that best match a typed symptom and device type (at most five)")
    List<SuggestArticles.Suggestion> suggestions(@RequestParam(required = false) String text,
            @RequestParam(required = false) String deviceType) {
        return suggest.suggest(text, deviceType);
    }

    @PostMapping("/articles/{id}/solved-cases")
    @Operation(summary = "Record that a case at the desk was solved with this article (once per case)")
    ArticleView solved(@PathVariable long id, @RequestBody SolvedCase body) {
        if (body == null || body.ticketId() == null) {
            throw new com.aftercare.common.BadRequestException("ticketId", "required");
        }
        return solved.record(id, body.ticketId());
    }

    @GetMapping("/first-line-rate")
    @Operation(summary = "Fault reports received in a period, solved at the desk, and solved from an article (IN-4);"
            + " consultations, complaints and service requests do not count")
    ReadFirstLineRate.FirstLineRate firstLineRate(@RequestParam(required = false) Instant from,
            @RequestParam(required = false) Instant to) {
        return firstLine.read(from, to);
    }
}
