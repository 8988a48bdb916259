package com.aftercare.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.demo.DemoArticles;
import com.aftercare.identity.AccountService;
import com.aftercare.identity.Role;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketStatus;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The knowledge base over HTTP (IN-4, RP-4): the review flow and who may do what, the ranking of the demo's
 * articles for a Chinese symptom typed at intake, a case solved at the desk from an article (timeline,
 * usefulness, first-line figures), a draft from a resolved case, and what a customer's user may read.
 */
class KnowledgeBaseTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    ApiClient api;

    @BeforeEach
    void users() {
        api = new ApiClient(rest);
        accounts.createIfAbsent("t-owner", PASSWORD, "Test Owner", Set.of(Role.PROCESS_OWNER));
    }

    private Map<String, Object> body(String title, String symptom, String... types) {
        Map<String, Object> b = new java.util.HashMap<>();
        b.put("title", title);
        b.put("symptom", symptom);
        b.put("cause", "原因");
        b.put("solution", "处理办法");
        b.put("deviceTypes", List.of(types));
        b.put("tags", List.of("测试"));
        return b;
    }

    private long published(String author, Map<String, Object> body) {
        ApiClient.Response created = api.post(author, "/api/knowledge/articles", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(api.post(author, "/api/knowledge/articles/" + id + "/submit", null).status()).isEqualTo(200);
        String reviewer = author.equals("t-sup") ? "t-owner" : "t-sup";
        assertThat(api.post(reviewer, "/api/knowledge/articles/" + id + "/publish", null).status()).isEqualTo(200);
        return id;
    }

    private List<String> titles(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path("title").asText()));
        return out;
    }

    /** TestRestTemplate expands the path as a URI template and encodes it itself: the text goes in as typed. */
    private static String enc(String s) {
        return s;
    }

    @Test
    void aDraftIsReviewedAndPublishedBySomeoneElseThenRetired() {
        String unique = "审核流程" + System.nanoTime();
        ApiClient.Response created = api.post("t-desk", "/api/knowledge/articles", body(unique, "门禁读卡器无反应", "OTHER"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.body().path("id").asLong();
        assertThat(created.body().path("status").asText()).isEqualTo("DRAFT");
        assertThat(created.body().path("author").asText()).isEqualTo("t-desk");

        // a draft is not published nor suggested; nobody but a reviewer publishes, and only what is in review
        assertThat(api.post("t-desk", "/api/knowledge/articles/" + id + "/publish", null).status()).isEqualTo(403);
        assertThat(api.post("t-sup", "/api/knowledge/articles/" + id + "/publish", null).status()).isEqualTo(409);
        // another writer may not change the author's draft; the customer may not write at all
        assertThat(api.exchange("t-eng", HttpMethod.PUT, "/api/knowledge/articles/" + id, body(unique, "x", "OTHER"), null)
                .status()).isEqualTo(403);

        assertThat(api.post("t-desk", "/api/knowledge/articles/" + id + "/submit", null).body().path("status").asText())
                .isEqualTo("IN_REVIEW");
        assertThat(api.exchange("t-desk", HttpMethod.PUT, "/api/knowledge/articles/" + id, body(unique, "x", "OTHER"), null)
                .status()).as("in review: not edited").isEqualTo(409);
        // returned with a note, edited, sent again
        assertThat(api.post("t-sup", "/api/knowledge/articles/" + id + "/return", Map.of("note", " ")).errorFields())
                .containsExactly("note");
        JsonNode back = api.post("t-sup", "/api/knowledge/articles/" + id + "/return", Map.of("note", "请补充原因")).body();
        assertThat(back.path("status").asText()).isEqualTo("DRAFT");
        assertThat(back.path("reviewNote").asText()).isEqualTo("请补充原因");
        assertThat(api.exchange("t-desk", HttpMethod.PUT, "/api/knowledge/articles/" + id,
                body(unique, "门禁读卡器刷卡无反应", "OTHER"), null).status()).isEqualTo(200);
        api.post("t-desk", "/api/knowledge/articles/" + id + "/submit", null);

        JsonNode published = api.post("t-sup", "/api/knowledge/articles/" + id + "/publish", null).body();
        assertThat(published.path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("reviewer").asText()).isEqualTo("t-sup");
        assertThat(titles(api.get("t-desk", "/api/knowledge/suggestions?text=" + enc("门禁读卡器刷卡没反应")).body()))
                .contains(unique);

        // four eyes: a supervisor's own article is published by another reviewer, never by its author
        ApiClient.Response own = api.post("t-sup", "/api/knowledge/articles", body(unique + "乙", "门禁读卡器", "OTHER"));
        long ownId = own.body().path("id").asLong();
        api.post("t-sup", "/api/knowledge/articles/" + ownId + "/submit", null);
        ApiClient.Response self = api.post("t-sup", "/api/knowledge/articles/" + ownId + "/publish", null);
        assertThat(self.status()).isEqualTo(403);
        assertThat(api.post("t-owner", "/api/knowledge/articles/" + ownId + "/publish", null).status()).isEqualTo(200);

        // retiring: reviewers only; a retired article is no longer suggested
        assertThat(api.post("t-desk", "/api/knowledge/articles/" + id + "/retire", null).status()).isEqualTo(403);
        assertThat(api.post("t-sup", "/api/knowledge/articles/" + id + "/retire", null).body().path("status").asText())
                .isEqualTo("RETIRED");
        assertThat(titles(api.get("t-desk", "/api/knowledge/suggestions?text=" + enc("门禁读卡器刷卡没反应")).body()))
                .doesNotContain(unique).contains(unique + "乙");
    }

    @Test
    void badInputIsA400NamingEachFieldAndWritesNothing() {
        int before = api.get("t-sup", "/api/knowledge/articles").body().size();
        Map<String, Object> bad = body("标题", " ", "TOASTER");
        bad.put("solution", null);
        ApiClient.Response r = api.post("t-desk", "/api/knowledge/articles", bad);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("symptom", "solution", "deviceTypes");
        assertThat(api.get("t-desk", "/api/knowledge/suggestions?text=x&deviceType=TOASTER").errorFields())
                .containsExactly("deviceType");
        assertThat(api.get("t-sup", "/api/knowledge/articles").body().size()).isEqualTo(before);
    }

    @Test
    void intakeSuggestsTheDemoArticleForAChineseSymptom() {
        List<Long> ids = new ArrayList<>();
        for (var a : DemoArticles.ARTICLES) {
            Map<String, Object> b = new java.util.HashMap<>();
            b.put("title", a.title());
            b.put("symptom", a.symptom());
            b.put("cause", a.cause());
            b.put("solution", a.solution());
            b.put("deviceTypes", a.deviceTypes());
            b.put("tags", a.tags());
            ids.add(published("t-desk", b));
        }
        JsonNode camera = api.get("t-desk", "/api/knowledge/suggestions?deviceType=CAMERA&text="
                + enc("路口摄像头黑屏了，没有图像")).body();
        assertThat(camera.get(0).path("id").asLong()).isEqualTo(ids.get(0));
        assertThat(camera.get(0).path("title").asText()).contains("PoE");

        JsonNode nvr = api.get("t-desk", "/api/knowledge/suggestions?deviceType=NVR&text=" + enc("录像机一直响，说硬盘有错误"))
                .body();
        assertThat(nvr.get(0).path("id").asLong()).isEqualTo(ids.get(1));

        JsonNode sw = api.get("t-desk", "/api/knowledge/suggestions?text=" + enc("交换机端口灯不亮，摄像机都离线了")).body();
        assertThat(sw.get(0).path("id").asLong()).isEqualTo(ids.get(2));

        // words unrelated to any fault suggest nothing of the demo's; an empty text suggests nothing at all
        List<Long> unrelated = new ArrayList<>();
        api.get("t-desk", "/api/knowledge/suggestions?text=" + enc("请问发票什么时候开")).body()
                .forEach(n -> unrelated.add(n.path("id").asLong()));
        assertThat(unrelated).doesNotContainAnyElementsOf(ids);
        assertThat(api.get("t-desk", "/api/knowledge/suggestions?text=").body().size()).isZero();
        // the customer's users do not get the desk's suggestions
        assertThat(api.get(null, "/api/knowledge/suggestions?text=x").status()).isEqualTo(401);
    }

    @Test
    void aCaseSolvedAtTheDeskFromAnArticleIsRecordedOnceAndCounted() {
        long articleId = published("t-desk", body("解决记录" + System.nanoTime(), "设备无法登录", "OTHER"));
        long otherId = published("t-desk", body("另一篇" + System.nanoTime(), "设备无法登录", "OTHER"));
        String window = "?from=" + clock.instant().minusSeconds(60) + "&to=" + clock.instant().plusSeconds(3600);
        JsonNode before = api.get("t-sup", "/api/knowledge/first-line-rate" + window).body();

        Ticket ticket = report(Category.CONSULTATION);
        assertThat(tickets.get(ticket.getId()).getStatus()).isEqualTo(TicketStatus.AT_DESK);
        String path = "/api/knowledge/articles/" + articleId + "/solved-cases";
        assertThat(api.post("t-eng", path, Map.of("ticketId", ticket.getId())).status()).isEqualTo(403);
        assertThat(api.post("t-desk", path, Map.of()).errorFields()).containsExactly("ticketId");
        JsonNode first = api.post("t-desk", path, Map.of("ticketId", ticket.getId())).body();
        assertThat(first.path("usefulness").asLong()).isEqualTo(1);
        // a retry counts once; another article for the same case is a conflict
        assertThat(api.post("t-desk", path, Map.of("ticketId", ticket.getId())).body().path("usefulness").asLong())
                .isEqualTo(1);
        assertThat(api.post("t-desk", "/api/knowledge/articles/" + otherId + "/solved-cases",
                Map.of("ticketId", ticket.getId())).status()).isEqualTo(409);
        assertThat(readTimeline.of(ticket.getId())).anyMatch(e -> "SOLVED_FROM_ARTICLE".equals(e.getType()));

        complete(ticket, "firstLineResolution", "t-desk", Map.of("category", "CONSULTATION", "solvedAtDesk", true,
                "deskNote", "按知识库指导用户重启"));
        JsonNode after = api.get("t-sup", "/api/knowledge/first-line-rate" + window).body();
        assertThat(after.path("received").asLong() - before.path("received").asLong()).isEqualTo(1);
        assertThat(after.path("solvedAtDesk").asLong() - before.path("solvedAtDesk").asLong()).isEqualTo(1);
        assertThat(after.path("solvedFromArticle").asLong() - before.path("solvedFromArticle").asLong()).isEqualTo(1);
        assertThat(after.path("rate").isNumber()).isTrue();
        assertThat(api.get("t-eng", "/api/knowledge/first-line-rate").status()).isEqualTo(403);

        // once the case has left the desk, it can no longer be recorded as solved there
        Ticket dispatched = report(Category.DEFECT);
        complete(dispatched, "firstLineResolution", "t-desk", Map.of("category", "DEFECT", "solvedAtDesk", false));
        assertThat(api.post("t-desk", path, Map.of("ticketId", dispatched.getId())).status()).isEqualTo(409);
    }

    @Test
    void aResolvedCaseBecomesADraftInOneStepOnce() {
        Ticket open = report(Category.CONSULTATION);
        assertThat(api.post("t-desk", "/api/knowledge/articles/from-case/" + open.getId(), null).status()).isEqualTo(409);
        complete(open, "firstLineResolution", "t-desk", Map.of("category", "CONSULTATION", "solvedAtDesk", true,
                "deskNote", "指导用户重启设备后恢复"));
        ApiClient.Response drafted = api.post("t-eng", "/api/knowledge/articles/from-case/" + open.getId(), null);
        assertThat(drafted.status()).isEqualTo(201);
        assertThat(drafted.body().path("title").asText()).isEqualTo("Camera shows no picture");
        assertThat(drafted.body().path("symptom").asText()).isEqualTo("Since this morning the camera shows black");
        assertThat(drafted.body().path("solution").asText()).isEqualTo("指导用户重启设备后恢复");
        assertThat(drafted.body().path("deviceTypes").get(0).asText()).isEqualTo("OTHER");
        assertThat(drafted.body().path("sourceTicketId").asLong()).isEqualTo(open.getId());
        ApiClient.Response again = api.post("t-desk", "/api/knowledge/articles/from-case/" + open.getId(), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asLong()).isEqualTo(drafted.body().path("id").asLong());
    }

    @Test
    void aCustomerReadsOnlyPublishedArticlesAboutTheirOwnSystems() {
        String user = "kb-cust-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(user, PASSWORD, "Customer", site.getCustomer().getId());
        String unique = "客户可见" + System.nanoTime();
        // the unit has an OTHER device (base fixture) and a camera, no NVR
        assets.createDevice(new NewDevice(site.getId(), DeviceType.CAMERA, "Cam " + unique, "X", "SN-K-" + System.nanoTime(),
                "10.0.0.9", null, null, null, false));
        long mine = published("t-desk", body(unique + "摄像机", "画面模糊", "CAMERA"));
        long notMine = published("t-desk", body(unique + "录像机", "画面模糊", "NVR"));
        long draft = api.post("t-desk", "/api/knowledge/articles", body(unique + "草稿", "画面模糊", "CAMERA")).body()
                .path("id").asLong();

        JsonNode list = api.get(user, "/api/knowledge/articles?q=" + enc(unique)).body();
        assertThat(titles(list)).contains(unique + "摄像机").doesNotContain(unique + "录像机", unique + "草稿");
        list.forEach(a -> {
            assertThat(a.path("status").asText()).isEqualTo("PUBLISHED");
            assertThat(a.hasNonNull("author")).as("who wrote it is the provider's").isFalse();
        });
        assertThat(api.get(user, "/api/knowledge/articles/" + mine).status()).isEqualTo(200);
        assertThat(api.get(user, "/api/knowledge/articles/" + notMine).status()).isEqualTo(404);
        assertThat(api.get(user, "/api/knowledge/articles/" + draft).status()).isEqualTo(404);
        assertThat(api.post(user, "/api/knowledge/articles", body("x", "y", "CAMERA")).status()).isEqualTo(403);
        assertThat(api.get(user, "/api/knowledge/suggestions?text=" + enc("画面模糊")).status()).isEqualTo(403);
        assertThat(api.get(user, "/api/knowledge/first-line-rate").status()).isEqualTo(403);
    }
}
