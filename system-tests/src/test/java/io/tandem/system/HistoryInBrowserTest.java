package io.tandem.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.tandem.system.HeadlessBrowser.testId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The history and audit views in headless Chromium, on a product with a known story: planned, a sync meeting, then a
 * reschedule NEXT → NOW, a reprioritization and a new backlog item. The history view compares the plan at the meeting
 * with now and marks each difference; an item opens its timeline; the audit view filters the log and downloads the
 * same selection as CSV. Leaves {@code target/history.png} and {@code target/audit.png}.
 */
class HistoryInBrowserTest {

    private static final String CSV_HEADER = "globalPosition,timestamp,actor,role,type,item,before,after,rationale,"
                                             + "sentence";
    private static final String MOVE_RATIONALE = "Customers ask for the revamp every day";
    private static final String REPRIORITIZE_RATIONALE = "Finance is blocked by the rounding error";

    private static TandemSystem system;
    private static HeadlessBrowser chromium;
    private static WebDriver browser;
    private static Story story;

    /** The ids of what the story created. */
    private record Story(String productId, String meetingTitle, String meetingId, String paymentsCore,
                         String checkoutRevamp, String cardForm, String receiptMail, String fixRounding,
                         String guestCheckout) {
    }

    @BeforeAll
    static void start() throws Exception {
        system = TandemSystem.get();
        story = tellTheStory();
        chromium = HeadlessBrowser.start("history");
        browser = chromium.driver;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** pm plans, po fills the backlog, they meet, then pm moves an item up and po reorders and adds. */
    private static Story tellTheStory() {
        Api commands = new Api(system.commandSide.baseUrl());
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String productId = commands.post("pm", "/api/products", "{\"name\":\"History " + suffix + "\"}")
                                   .get("id").asText();
        String product = "/api/products/" + productId;
        commands.post("pm", product + "/members/po/roles", "{\"role\":\"PRODUCT_OWNER\"}");
        String paymentsCore = plan(commands, product, "Payments core", "NOW");
        String checkoutRevamp = plan(commands, product, "Checkout revamp", "NEXT");
        String cardForm = add(commands, product, "Card form keeps its fields", paymentsCore);
        String receiptMail = add(commands, product, "Receipt e-mail", checkoutRevamp);
        String fixRounding = add(commands, product, "Fix invoice rounding", null);
        String meetingTitle = "Sprint sync " + suffix;
        String meetingId = commands.post("pm", product + "/sync-meetings",
                                         "{\"title\":\"" + meetingTitle + "\",\"attendees\":[\"pm\",\"po\"]}")
                                   .get("id").asText();
        commands.post("pm", product + "/roadmap-items/" + checkoutRevamp + "/reschedule",
                      "{\"to\":\"NOW\",\"rationale\":\"" + MOVE_RATIONALE + "\"}");
        commands.post("po", product + "/backlog-items/" + fixRounding + "/reprioritize",
                      "{\"toPosition\":1,\"rationale\":\"" + REPRIORITIZE_RATIONALE + "\"}");
        String guestCheckout = add(commands, product, "Guest checkout", checkoutRevamp);

        Api queries = new Api(system.querySide.baseUrl());
        await("the read models caught up").atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
            assertThat(queries.get("pm", product + "/changes?from=" + meetingId).get("eventCount").asInt())
                    .isEqualTo(3);
            assertThat(queries.get("pm", product + "/dashboard").get("backlog").size()).isEqualTo(4);
            assertThat(queries.get("pm", product + "/decisions?type=BacklogItemAdded").get("entries").size())
                    .isEqualTo(4);
        });
        return new Story(productId, meetingTitle, meetingId, paymentsCore, checkoutRevamp, cardForm, receiptMail,
                         fixRounding, guestCheckout);
    }

    private static String plan(Api commands, String product, String title, String horizon) {
        String body = "{\"title\":\"" + title + "\",\"horizon\":\"" + horizon
                + "\",\"rationale\":\"planned in the browser test\"}";
        return commands.post("pm", product + "/roadmap-items", body).get("id").asText();
    }

    private static String add(Api commands, String product, String title, String roadmapItemId) {
        String link = roadmapItemId == null ? "" : ",\"roadmapItemId\":\"" + roadmapItemId + "\"";
        return commands.post("po", product + "/backlog-items",
                             "{\"title\":\"" + title + "\",\"kind\":\"STORY\"" + link + "}").get("id").asText();
    }

    @Test
    void historyShowsThePlanAtTheSyncMeetingBesideNowWithEveryDifferenceMarked() throws IOException {
        openHistoryAtTheMeeting();

        assertThat(itemIds("history-roadmap-then-NOW")).containsExactly(story.paymentsCore());
        assertThat(itemIds("history-roadmap-then-NEXT")).containsExactly(story.checkoutRevamp());
        assertThat(itemIds("history-roadmap-now-NOW")).containsExactly(story.paymentsCore(), story.checkoutRevamp());
        assertThat(itemIds("history-roadmap-now-NEXT")).isEmpty();
        assertThat(markers("history-roadmap-now-NOW", story.checkoutRevamp())).containsExactly("moved:NEXT → NOW");
        assertThat(markers("history-roadmap-then-NEXT", story.checkoutRevamp())).containsExactly("moved:NEXT → NOW");
        assertThat(markers("history-roadmap-now-NOW", story.paymentsCore())).isEmpty();

        assertThat(itemIds("history-backlog-then"))
                .containsExactly(story.cardForm(), story.receiptMail(), story.fixRounding());
        assertThat(itemIds("history-backlog-now"))
                .containsExactly(story.fixRounding(), story.cardForm(), story.receiptMail(), story.guestCheckout());
        assertThat(markers("history-backlog-now", story.guestCheckout())).containsExactly("added:new");
        assertThat(markers("history-backlog-now", story.fixRounding())).containsExactly("reprioritized:↑2");
        assertThat(markers("history-backlog-now", story.cardForm())).containsExactly("shifted:↓1");
        assertThat(markers("history-backlog-then", story.fixRounding())).containsExactly("reprioritized:now #1");

        WebElement moved = changeItem("roadmap.moved", story.checkoutRevamp());
        assertThat(moved.findElement(testId("change-net")).getText()).isEqualTo("NEXT → NOW");
        WebElement move = moved.findElement(testId("change"));
        assertThat(move.getDomAttribute("data-actor")).isEqualTo("pm");
        assertThat(move.getText()).contains("pm (Product Manager)", "rescheduled \"Checkout revamp\" from NEXT to NOW");
        assertThat(move.findElement(testId("change-rationale")).getText()).contains(MOVE_RATIONALE);
        WebElement reordered = changeItem("backlog.reprioritized", story.fixRounding()).findElement(testId("change"));
        assertThat(reordered.getDomAttribute("data-actor")).isEqualTo("po");
        assertThat(reordered.getText()).contains("(Product Owner)");
        assertThat(reordered.findElement(testId("change-rationale")).getText()).contains(REPRIORITIZE_RATIONALE);
        assertThat(changeItem("backlog.added", story.guestCheckout()).getText()).contains("Guest checkout");
        chromium.screenshot("history.png");
    }

    @Test
    void anItemOpensItsTimelineWithEveryDecisionAboutItOldestFirst() {
        openHistoryAtTheMeeting();

        browser.findElement(By.cssSelector("[data-testid='history-roadmap-now-NOW'] [data-item-id='"
                                                   + story.checkoutRevamp() + "'] button.item-open")).click();

        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("timeline-status"),
                                                                                     "4 decisions, oldest first"));
        assertThat(browser.findElement(By.id("timeline-title")).getText()).isEqualTo("Timeline: Checkout revamp");
        List<WebElement> entries = browser.findElements(testId("timeline-entry"));
        assertThat(entries).extracting(entry -> entry.getDomAttribute("data-type"))
                           .containsExactly("RoadmapItemPlanned", "BacklogItemAdded", "RoadmapItemRescheduled",
                                            "BacklogItemAdded");
        assertThat(entries.get(0).getText()).contains("planned \"Checkout revamp\" for NEXT");
        assertThat(entries.get(1).getText()).contains("added STORY \"Receipt e-mail\"", "for \"Checkout revamp\"");
        assertThat(entries.get(2).getText()).contains("pm", "Product Manager", "NEXT → NOW", MOVE_RATIONALE);
        assertThat(entries.get(3).getText()).contains("po", "Product Owner", "added STORY \"Guest checkout\"");
        browser.findElement(testId("timeline-close")).click();
        chromium.waiting().until(ExpectedConditions.invisibilityOfElementLocated(testId("timeline")));
    }

    @Test
    void theAuditLogFiltersByTypeAndExportsTheSameSelectionAsCsv() throws IOException {
        chromium.openSignedIn(system.querySide.baseUrl(), "/?product=" + story.productId(), "pm");
        chromium.waiting().until(ExpectedConditions.elementToBeClickable(testId("tab-audit"))).click();
        chromium.waiting().until(driver -> driver.getCurrentUrl().contains("view=audit"));
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("audit-status"),
                                                                                     "oldest first"));

        new Select(browser.findElement(testId("audit-type"))).selectByValue("RoadmapItemRescheduled");
        browser.findElement(testId("audit-apply")).click();

        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("audit-status"),
                                                                                     "1 decision, oldest first."));
        List<WebElement> rows = browser.findElements(testId("audit-row"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).getDomAttribute("data-type")).isEqualTo("RoadmapItemRescheduled");
        assertThat(rows.get(0).getDomAttribute("data-actor")).isEqualTo("pm");
        assertThat(rows.get(0).getText()).contains("Product Manager", "NEXT → NOW", MOVE_RATIONALE);
        assertThat(browser.getCurrentUrl()).contains("type=RoadmapItemRescheduled");

        browser.findElement(testId("export-csv")).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("audit-download-status"),
                                                                                     ".csv"));
        String status = browser.findElement(testId("audit-download-status")).getText();
        String fileName = status.substring("Downloaded ".length(), status.indexOf(".csv") + ".csv".length());
        assertThat(fileName).startsWith("tandem-decisions-" + story.productId());
        Path file = chromium.downloads.resolve(fileName);
        await("the browser saved " + file).atMost(Duration.ofSeconds(10)).until(() -> Files.exists(file));
        List<String> lines = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).isEqualTo(CSV_HEADER);
        assertThat(lines.get(1)).contains(",pm,PRODUCT_MANAGER,RoadmapItemRescheduled," + story.checkoutRevamp()
                                                  + ",NEXT,NOW," + MOVE_RATIONALE + ",");
        chromium.screenshot("audit.png");
    }

    /** Opens the page, switches to History by its tab and compares with the story's sync meeting. */
    private static void openHistoryAtTheMeeting() {
        chromium.openSignedIn(system.querySide.baseUrl(), "/?product=" + story.productId(), "pm");
        chromium.waiting().until(ExpectedConditions.elementToBeClickable(testId("tab-history"))).click();
        chromium.waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='history-meeting'] option[value='" + story.meetingId() + "']")));
        new Select(browser.findElement(testId("history-meeting"))).selectByValue(story.meetingId());
        browser.findElement(testId("history-compare")).click();
        chromium.waiting().until(ExpectedConditions.textToBePresentInElementLocated(testId("history-status"),
                "3 decisions since sync meeting “" + story.meetingTitle() + "”"));
        assertThat(browser.getCurrentUrl()).contains("view=history", "since=" + story.meetingId());
    }

    private static List<String> itemIds(String containerTestId) {
        return browser.findElements(By.cssSelector("[data-testid='" + containerTestId + "'] [data-item-id]"))
                      .stream().map(element -> element.getDomAttribute("data-item-id")).toList();
    }

    /** The markers of an item in a column, as "kind:text". */
    private static List<String> markers(String containerTestId, String itemId) {
        return browser.findElements(By.cssSelector("[data-testid='" + containerTestId + "'] [data-item-id='" + itemId
                                                           + "'] [data-testid='marker']"))
                      .stream().map(m -> m.getDomAttribute("data-kind") + ":" + m.getText()).toList();
    }

    private static WebElement changeItem(String group, String itemId) {
        return browser.findElement(By.cssSelector("[data-testid='history-changes'] [data-group='" + group
                                                          + "'] [data-testid='change-item'][data-item-id='" + itemId
                                                          + "']"));
    }
}
