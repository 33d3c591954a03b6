package io.tandem.system;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

/**
 * Headless Chromium (Debian's chromium + chromium-driver) for the browser tests, 1440×1000, with its own profile and
 * its downloads saved without asking into {@code target/downloads-<name>}.
 */
final class HeadlessBrowser implements AutoCloseable {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    final WebDriver driver;
    final Path downloads;

    private HeadlessBrowser(WebDriver driver, Path downloads) {
        this.driver = driver;
        this.downloads = downloads;
    }

    static HeadlessBrowser start(String name) throws IOException {
        if (!Files.isExecutable(CHROMEDRIVER) || !Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver "
                                                    + "(apt-get install chromium chromium-driver; .ci/run does it)");
        }
        Path profile = Files.createTempDirectory("tandem-chromium-");
        Path downloads = artifacts().resolve("downloads-" + name).toAbsolutePath();
        Files.createDirectories(downloads);
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                              "--disable-background-networking", "--disable-component-update", "--disable-sync",
                              "--no-first-run", "--window-size=1440,1000", "--user-data-dir=" + profile)
                .setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                                                       "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        return new HeadlessBrowser(new ChromeDriver(service, options), downloads);
    }

    static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Opens the page at {@code pathAndQuery} and signs in as a demo user (password "demo") when it asks. */
    void openSignedIn(String baseUrl, String pathAndQuery, String user) {
        driver.get(baseUrl + pathAndQuery);
        waiting().until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(testId("sign-in-username")),
                ExpectedConditions.visibilityOfElementLocated(testId("view-tabs"))));
        if (!driver.findElements(testId("sign-in-username")).stream().filter(e -> e.isDisplayed()).toList().isEmpty()) {
            driver.findElement(testId("sign-in-username")).sendKeys(user);
            driver.findElement(testId("sign-in-password")).sendKeys("demo");
            driver.findElement(testId("sign-in-submit")).click();
        }
    }

    /** Saves a screenshot of the window as {@code target/<fileName>}. */
    void screenshot(String fileName) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = artifacts().resolve(fileName);
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path artifacts() {
        return Path.of(System.getProperty("tandem.artifacts", "target"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
