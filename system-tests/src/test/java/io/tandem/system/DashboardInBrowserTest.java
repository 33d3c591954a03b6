package io.tandem.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.UUID;

import static io.tandem.system.HeadlessBrowser.testId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Headless Chromium (Debian's chromium + chromium-driver) signs in to the dashboard, opens a product and sees a
 * decision made over the command API appear without a reload. Leaves {@code target/dashboard.png}.
 */
class DashboardInBrowserTest {

    private static TandemSystem system;
    private static HeadlessBrowser chromium;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        system = TandemSystem.get();
        chromium = HeadlessBrowser.start("dashboard");
        browser = chromium.driver;
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aSignedInProductManagerSeesADecisionArriveWithoutReload() throws Exception {
        Api commands = new Api(system.commandSide.baseUrl());
        Api queries = new Api(system.querySide.baseUrl());
        String name = "Browser " + UUID.randomUUID().toString().substring(0, 8);
        String productId = commands.post("pm", "/api/products", "{\"name\":\"" + name + "\"}").get("id").asText();
        await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
               .until(() -> queries.get("pm", "/api/products/" + productId + "/dashboard") != null);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        browser.get(system.querySide.baseUrl() + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(testId("sign-in-username"))).sendKeys("pm");
        browser.findElement(testId("sign-in-password")).sendKeys("demo");
        browser.findElement(testId("sign-in-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-testid='product-picker'] option[value='" + productId + "']")));
        new Select(browser.findElement(testId("product-picker"))).selectByValue(productId);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("product-name"), name));
        ((JavascriptExecutor) browser).executeScript("window.tandemTestMarker = 'same page';");

        String title = "Seen live " + UUID.randomUUID().toString().substring(0, 8);
        commands.post("pm", "/api/products/" + productId + "/roadmap-items",
                      "{\"title\":\"" + title + "\",\"horizon\":\"NOW\",\"rationale\":\"browser test\"}");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(testId("roadmap-now"), title));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.tandemTestMarker;"))
                .as("the page was not reloaded").isEqualTo("same page");
        assertThat(browser.findElement(testId("decision-feed")).getText()).contains(title);
        chromium.screenshot("dashboard.png");
    }
}
