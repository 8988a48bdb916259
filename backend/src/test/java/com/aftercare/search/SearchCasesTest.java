package com.aftercare.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import com.aftercare.api.ApiClient;
import com.aftercare.asset.Customer;
import com.aftercare.asset.Device;
import com.aftercare.asset.DeviceType;
import com.aftercare.asset.NewDevice;
import com.aftercare.asset.NewSite;
import com.aftercare.asset.Region;
import com.aftercare.asset.Site;
import com.aftercare.identity.AccountService;
import com.aftercare.support.IntegrationTest;
import com.aftercare.ticket.Category;
import com.aftercare.ticket.Channel;
import com.aftercare.ticket.Grade;
import com.aftercare.ticket.NewTicket;
import com.aftercare.ticket.Ticket;
import com.aftercare.ticket.TicketSummary;

/**
 * Issue 15, "find anything": the search box of the ticket list (GET /api/tickets?q=) finds a case by a word of its
 * description (2 Chinese characters, no spaces), the tail of the caller's phone, its device, its site's address and
 * its conversation; filters, sort and paging; a customer's user finds only their own unit's cases and nothing by
 * what they may not read. Runs on H2 and, with -Ppostgres, on PostgreSQL (bigram index path).
 */
class SearchCasesTest extends IntegrationTest {

    @Autowired TestRestTemplate rest;
    @Autowired AccountService accounts;
    @Autowired SearchCases searchCases;
    ApiClient api;
    /** Two Chinese characters no other test writes, so a search for them finds only this test's cases. */
    String word;
    String phoneTail;
    Site siteA;
    Device cameraA;
    Ticket caseA;
    Ticket caseB;
    String customerA;

    @BeforeEach
    void twoUnitsWithOneCaseEach() {
        api = new ApiClient(rest);
        word = randomHan() + randomHan();
        phoneTail = String.valueOf(ThreadLocalRandom.current().nextInt(1000, 10000));
        Customer a = site.getCustomer();
        siteA = assets.createSite(new NewSite(a.getId(), "城关站" + word, "示范县城关镇" + word + "路1号", Region.COUNTY, "张三", "0371-1"));
        cameraA = assets.createDevice(new NewDevice(siteA.getId(), DeviceType.CAMERA, "球机" + word + "东门", "DS-2DE", "SN-S-" + System.nanoTime(),
                "10.9.8." + ThreadLocalRandom.current().nextInt(1, 250), null, null, null, false));
        caseA = reportFault.report(new NewTicket(Channel.HOTLINE, "王五", "交警大队", "139" + "0000" + phoneTail, siteA.getId(), cameraA.getId(),
                Category.DEFECT, Grade.HIGH, Grade.HIGH, "路口监控异常", "今天早上监控画面" + word + "，请尽快处理"), null).ticket();

        Customer b = assets.createCustomer("Search unit B " + System.nanoTime());
        Site siteB = assets.createSite(new NewSite(b.getId(), "B站", "B路", Region.CITY, "B", "1"));
        caseB = reportFault.report(new NewTicket(Channel.EMAIL, "赵六", "B单位", "13800000000", siteB.getId(), null, Category.DEFECT,
                Grade.LOW, Grade.LOW, "B的摄像机", "同样的词" + word + "也在B单位的描述里", null), null).ticket();

        customerA = "cust-search-" + System.nanoTime();
        accounts.createCustomerUserIfAbsent(customerA, PASSWORD, "Customer A", a.getId());
    }

    @Test
    void twoChineseCharactersOfTheDescriptionFindTheCase() {
        assertThat(numbers("t-desk", "q=" + word)).containsExactlyInAnyOrder(caseA.getNumber(), caseB.getNumber());
        // a longer piece: the word with its neighbour
        assertThat(numbers("t-desk", "q=画面" + word)).containsExactly(caseA.getNumber());
    }

    @Test
    void lastFourDigitsOfThePhoneFindTheCase() {
        assertThat(numbers("t-desk", "q=0000" + phoneTail)).containsExactly(caseA.getNumber());
        assertThat(numbers("t-desk", "q=" + phoneTail)).contains(caseA.getNumber()).doesNotContain(caseB.getNumber());
    }

    @Test
    void deviceNameSerialAndAddressFindTheCase() {
        assertThat(numbers("t-desk", "q=球机" + word)).containsExactly(caseA.getNumber());
        assertThat(numbers("t-desk", "q=" + cameraA.getSerialNumber().toLowerCase())).containsExactly(caseA.getNumber());
        assertThat(numbers("t-desk", "q=" + cameraA.getIpAddress())).contains(caseA.getNumber());
        // the site's address: 县 alone finds the case at 示范县 (not only the site's name is searched)
        assertThat(numbers("t-desk", "q=县&siteId=" + siteA.getId())).containsExactly(caseA.getNumber());
        assertThat(numbers("t-desk", "q=城关镇" + word)).containsExactly(caseA.getNumber());
        // and the number itself
        assertThat(numbers("t-desk", "q=" + caseA.getNumber())).containsExactly(caseA.getNumber());
        // typed in lower case, as read out over the phone
        assertThat(numbers("t-desk", "q=" + caseA.getNumber().toLowerCase())).containsExactly(caseA.getNumber());
        // a customer's user does not find another unit's case by its number either
        assertThat(numbers(customerA, "q=" + caseB.getNumber())).isEmpty();
        // a part of a number is still a substring search
        String tail = caseA.getNumber().substring(caseA.getNumber().length() - 6);
        assertThat(numbers("t-desk", "q=" + tail)).contains(caseA.getNumber());
    }

    @Test
    void theConversationIsSearchedButACustomerIsNotMatchedOnInternalNotes() {
        String internal = randomHan() + randomHan() + randomHan();
        String reply = randomHan() + randomHan() + randomHan();
        String path = "/api/tickets/" + caseA.getId() + "/conversation";
        assertThat(api.post("t-desk", path, Map.of("body", "内部备注" + internal)).status()).isEqualTo(201);
        assertThat(api.post("t-desk", path, Map.of("body", "回复客户" + reply, "visibility", "PUBLIC")).status()).isEqualTo(201);

        assertThat(numbers("t-desk", "q=" + internal)).containsExactly(caseA.getNumber());
        assertThat(numbers("t-desk", "q=" + reply)).containsExactly(caseA.getNumber());
        assertThat(numbers(customerA, "q=" + reply)).containsExactly(caseA.getNumber());
        assertThat(numbers(customerA, "q=" + internal)).as("an internal note is not searchable by the customer").isEmpty();
    }

    @Test
    void aCustomerFindsOnlyTheirOwnUnitsCases() {
        assertThat(numbers(customerA, "q=" + word)).containsExactly(caseA.getNumber());
        assertThat(numbers(customerA, "q=" + caseB.getNumber())).isEmpty();
        assertThat(numbers(customerA, "q=13800000000")).doesNotContain(caseB.getNumber());
        // device addresses are not shown to customers, so they do not match either
        assertThat(numbers(customerA, "q=" + cameraA.getIpAddress())).isEmpty();
    }

    @Test
    void filtersByDeviceLevelChannelAndDateRange() {
        clock.advance(Duration.ofDays(3));
        Ticket later = reportFault.report(new NewTicket(Channel.WEB, "王五", "交警大队", "13900001111", siteA.getId(), null,
                Category.DEFECT, Grade.LOW, Grade.LOW, "后来的" + word, "三天后又坏了", null), null).ticket();
        LocalDate firstDay = LocalDate.ofInstant(caseA.getReceivedAt(), clock.getZone());
        LocalDate laterDay = LocalDate.ofInstant(later.getReceivedAt(), clock.getZone());
        String q = "q=" + word;

        assertThat(numbers("t-desk", "deviceId=" + cameraA.getId())).containsExactly(caseA.getNumber());
        assertThat(numbers("t-desk", q + "&channel=WEB")).containsExactly(later.getNumber());
        assertThat(numbers("t-desk", q + "&channel=EMAIL")).containsExactly(caseB.getNumber());
        Ticket a = tickets.get(caseA.getId());
        Ticket l = tickets.get(later.getId());
        assertThat(a.getLevel()).isNotEqualTo(l.getLevel());
        assertThat(numbers("t-desk", q + "&siteId=" + siteA.getId() + "&level=" + a.getLevel())).containsExactly(caseA.getNumber());
        assertThat(numbers("t-desk", q + "&from=" + firstDay + "&to=" + firstDay)).containsExactlyInAnyOrder(caseA.getNumber(), caseB.getNumber());
        assertThat(numbers("t-desk", q + "&from=" + laterDay)).containsExactly(later.getNumber());
        assertThat(numbers("t-desk", q + "&to=" + laterDay.minusDays(1))).containsExactlyInAnyOrder(caseA.getNumber(), caseB.getNumber());
    }

    @Test
    void sortsAndPagesOnTheServer() {
        String q = "q=" + word;
        assertThat(numbers("t-desk", q + "&sort=TITLE&direction=ASC")).containsExactly(caseB.getNumber(), caseA.getNumber());
        assertThat(numbers("t-desk", q + "&sort=TITLE&direction=DESC")).containsExactly(caseA.getNumber(), caseB.getNumber());
        // default: newest first
        assertThat(numbers("t-desk", q)).containsExactly(caseB.getNumber(), caseA.getNumber());
        ApiClient.Response second = api.get("t-desk", "/api/tickets?" + q + "&sort=NUMBER&direction=ASC&size=1&page=1");
        assertThat(second.body().path("totalElements").asLong()).isEqualTo(2);
        assertThat(second.body().path("totalPages").asInt()).isEqualTo(2);
        assertThat(second.body().path("totalCapped").asBoolean(true)).as("below the cap the count is exact").isFalse();
        assertThat(second.body().path("content").findValuesAsText("number")).containsExactly(caseB.getNumber());
    }

    /**
     * docs/adr/0069: a text search counts at most COUNT_CAP matches. With a cap of 1 the word's two cases are more
     * than the cap: the total is a lower bound and says so; at a cap of 2 it is exact again. Pages go on past the cap.
     */
    @Test
    void aTextSearchStopsCountingAtTheCapAndSaysSo() {
        assertThat(SearchCases.COUNT_CAP).isEqualTo(1_000);

        SearchCases.Result first = searchCases.search(query(word, null, null, 0, 1), 1);
        assertThat(first.totalCapped()).isTrue();
        assertThat(first.totalElements()).isEqualTo(1);
        assertThat(first.content()).extracting(TicketSummary::number).containsExactly(caseB.getNumber());
        // the next page is served and raises the lower bound to the rows seen
        SearchCases.Result second = searchCases.search(query(word, null, null, 1, 1), 1);
        assertThat(second.content()).extracting(TicketSummary::number).containsExactly(caseA.getNumber());
        assertThat(second.totalCapped()).isTrue();
        assertThat(second.totalElements()).isEqualTo(2);
        // a page that is not full is the last one: the total is exact again
        SearchCases.Result whole = searchCases.search(query(word, null, null, 0, 20), 1);
        assertThat(whole.totalCapped()).isFalse();
        assertThat(whole.totalElements()).isEqualTo(2);
        assertThat(whole.content()).extracting(TicketSummary::number).containsExactly(caseB.getNumber(), caseA.getNumber());
        // another sort than newest first reads the matches the old way, capped the same
        SearchCases.Result byTitle = searchCases.search(query(word, CaseSort.TITLE, SortDirection.ASC, 0, 1), 1);
        assertThat(byTitle.content()).extracting(TicketSummary::number).containsExactly(caseB.getNumber());
        assertThat(byTitle.totalCapped()).isTrue();

        SearchCases.Result exact = searchCases.search(query(word, null, null, 0, 1), 2);
        assertThat(exact.totalCapped()).isFalse();
        assertThat(exact.totalElements()).isEqualTo(2);
        assertThat(exact.content()).extracting(TicketSummary::number).containsExactly(caseB.getNumber());
    }

    /**
     * More matches than the cap, but no place stopped at its limit (one case says the word in its site's name, another
     * in its description): every match is already known, so the count is exact and the page is sorted from them,
     * without reading the matches a second time from the text indexes.
     */
    @Test
    void matchesOverTheCapFromSeveralPlacesAreCountedExactly() {
        String spread = randomHan() + randomHan() + randomHan();
        Site named = assets.createSite(new NewSite(site.getCustomer().getId(), "东关站" + spread, "东关路2号", Region.COUNTY, "李四", "0371-2"));
        Ticket bySite = reportFault.report(new NewTicket(Channel.HOTLINE, "李四", "东关所", "13900001111", named.getId(), null,
                Category.DEFECT, Grade.HIGH, Grade.HIGH, "门禁失灵", "刷卡无反应", null), null).ticket();
        Ticket byText = reportFault.report(new NewTicket(Channel.HOTLINE, "王五", "交警大队", "13900002222", siteA.getId(), null,
                Category.DEFECT, Grade.HIGH, Grade.HIGH, "录像丢失", "硬盘录像机" + spread + "报警", null), null).ticket();

        SearchCases.Result first = searchCases.search(query(spread, null, null, 0, 1), 1);
        assertThat(first.totalCapped()).as("each place had at most the cap: every match is known").isFalse();
        assertThat(first.totalElements()).isEqualTo(2);
        assertThat(first.content()).extracting(TicketSummary::number).containsExactly(byText.getNumber());
        // another sort pages through the same known matches (the database's collation orders the two titles)
        SearchCases.Result byTitle = searchCases.search(query(spread, CaseSort.TITLE, SortDirection.ASC, 0, 1), 1);
        SearchCases.Result byTitleNext = searchCases.search(query(spread, CaseSort.TITLE, SortDirection.ASC, 1, 1), 1);
        assertThat(byTitleNext.totalCapped()).isFalse();
        assertThat(byTitleNext.totalElements()).isEqualTo(2);
        assertThat(List.of(byTitle.content().get(0).number(), byTitleNext.content().get(0).number()))
                .containsExactlyInAnyOrder(bySite.getNumber(), byText.getNumber());
    }

    /** Two messages of one case say the word: more matching messages than the cap are still one case, counted exactly. */
    @Test
    void aCaseThatSaysTheWordTwiceIsCountedOnce() {
        String said = randomHan() + randomHan() + randomHan();
        String path = "/api/tickets/" + caseA.getId() + "/conversation";
        assertThat(api.post("t-desk", path, Map.of("body", "第一次" + said)).status()).isEqualTo(201);
        assertThat(api.post("t-desk", path, Map.of("body", "第二次" + said)).status()).isEqualTo(201);

        SearchCases.Result result = searchCases.search(query(said, null, null, 0, 20), 1);
        assertThat(result.totalCapped()).isFalse();
        assertThat(result.totalElements()).isEqualTo(1);
        assertThat(result.content()).extracting(TicketSummary::number).containsExactly(caseA.getNumber());
    }

    private static CaseQuery query(String text, CaseSort sort, SortDirection direction, int page, int size) {
        return new CaseQuery(text, null, null, null, null, null, null, null, null, null, false, sort, direction, page, size);
    }

    @Test
    void badInputIsA400NamingTheField() {
        assertThat(api.get("t-desk", "/api/tickets?from=2026-05-02&to=2026-05-01").errorFields()).containsExactly("to");
        assertThat(api.get("t-desk", "/api/tickets?from=2026-13-01").errorFields()).containsExactly("from");
        assertThat(api.get("t-desk", "/api/tickets?sort=BOGUS").errorFields()).containsExactly("sort");
        assertThat(api.get("t-desk", "/api/tickets?q=" + "字".repeat(101)).errorFields()).containsExactly("q");
        ApiClient.Response wildcard = api.get("t-desk", "/api/tickets?q=%25&size=1");
        assertThat(wildcard.status()).isEqualTo(200);
        // % and _ are the user's characters, not wildcards: no case has "%_" + the word
        assertThat(numbers("t-desk", "q=%25_" + word)).isEmpty();
    }

    private List<String> numbers(String user, String query) {
        ApiClient.Response r = api.get(user, "/api/tickets?size=50&" + query);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("content").findValuesAsText("number");
    }

    private static String randomHan() {
        // CJK unified ideographs, avoiding the first common block other tests write in
        return String.valueOf((char) ThreadLocalRandom.current().nextInt(0x7000, 0x9FA5));
    }
}
