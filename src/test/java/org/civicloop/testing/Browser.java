package org.civicloop.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver, with the flags that keep it off
 * the network, and with reduced motion (no smooth scrolling racing a click). Paths can be overridden with {@code -Dcivicloop.chromium} and
 * {@code -Dcivicloop.chromedriver}.
 */
public final class Browser {

    private Browser() {
    }

    public static WebDriver start(int width, int height) {
        return start(width, height, true);
    }

    /** A browser with JavaScript turned off when {@code javascript} is false (as some phones and readers run). */
    public static WebDriver start(int width, int height, boolean javascript) {
        String chromium = System.getProperty("civicloop.chromium", "/usr/bin/chromium");
        String driver = System.getProperty("civicloop.chromedriver", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(driver).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's Chromium: apt-get install -y chromium chromium-driver"
                    + " (looked for " + chromium + " and " + driver + ")");
        }
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--force-prefers-reduced-motion",
                    "--user-data-dir=" + Files.createTempDirectory("civicloop-chromium"));
            if (!javascript) {
                options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
            WebDriver browser = new ChromeDriver(service, options);
            browser.manage().window().setSize(new Dimension(width, height));
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return browser;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static Path screenshot(WebDriver browser, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
