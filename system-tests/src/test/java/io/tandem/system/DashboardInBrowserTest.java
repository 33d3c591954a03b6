package io.tandem.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Headless Chromium (Debian's chromium + chromium-driver) signs in to the dashboard, opens a product and sees a
 * decision made over the command API appear without a reload. Leaves {@code target/dashboard.png}.
 */
class DashboardInBrowserTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static TandemSystem system;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("The browser test needs Debian's chromium and chromium-driver "
                                                    + "(apt-get install chromium chromium-driver; .ci/run does it)");
        }
        system = TandemSystem.get();
        Path profile = Files.createTempDirectory("tandem-chromium-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                              "--disable-background-networking", "--disable-component-update", "--disable-sync",
                              "--no-first-run", "--window-size=1440,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
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
        saveScreenshot();
    }

    private static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    private static void saveScreenshot() throws Exception {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of(System.getProperty("tandem.artifacts", "target"), "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
