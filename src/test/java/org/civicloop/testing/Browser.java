package org.civicloop.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver, with the flags that keep it off
 * the network, and with reduced motion (no smooth scrolling racing a click). Paths can be overridden with {@code -Dcivicloop.chromium} and
 * {@code -Dcivicloop.chromedriver}.
 */
public final class Browser {

    /**
     * Every profile this JVM made, removed again when it exits: a test that forgot to quit, or a
     * Chromium helper that wrote into its profile after {@code quit()} had removed it.
     */
    private static final Set<Path> PROFILES = ConcurrentHashMap.newKeySet();

    /**
     * Starts the spare browsers and quits the finished ones, beside the tests: starting Chromium and its
     * driver takes seconds, most of them spent waiting, and every browser test class starts at least one.
     */
    private static final ExecutorService BACKGROUND = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "browser-background");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * A fresh browser with JavaScript (its own new profile, nothing loaded), started in the background for
     * the next {@link #start} that asks for one; null when none is started or on the way.
     */
    private static Future<WebDriver> spare;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            WebDriver unused = takeSpare();
            if (unused != null) {
                unused.quit();
            }
            BACKGROUND.shutdown();
            try {
                BACKGROUND.awaitTermination(60, TimeUnit.SECONDS); // the browsers still being quit
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List.copyOf(PROFILES).forEach(Browser::deleteProfile);
        }));
    }

    private Browser() {
    }

    /** Chromium writes caches and preferences into its profile; without this, each test left one in the temp folder. */
    private static void deleteProfile(Path profile) {
        // Chromium's helper processes may still write a file or two after quit() returns: retry briefly
        for (int attempt = 0; attempt < 20 && Files.exists(profile); attempt++) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // a file vanished or appeared while walking: try again
            }
            if (Files.exists(profile)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    public static WebDriver start(int width, int height) {
        return start(width, height, true);
    }

    /**
     * A browser with JavaScript turned off when {@code javascript} is false (as some phones and readers run).
     * Every call gets a browser of its own with a new, empty profile; one with JavaScript is taken from the
     * spare started in the background after the previous call, and a new spare is started for the next.
     */
    public static WebDriver start(int width, int height, boolean javascript) {
        WebDriver browser = javascript ? takeSpare() : null;
        if (browser == null) {
            browser = launch(javascript);
        }
        if (javascript) {
            startSpare();
        }
        browser.manage().window().setSize(new Dimension(width, height));
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return browser;
    }

    /** Quits the browser beside the tests (it removes its profile); the JVM waits for it before it exits. */
    public static void quitLater(WebDriver browser) {
        try {
            BACKGROUND.execute(browser::quit);
        } catch (RejectedExecutionException shuttingDown) {
            browser.quit();
        }
    }

    /** The spare browser once it has started, or null when there is none or it failed to start. */
    private static WebDriver takeSpare() {
        Future<WebDriver> next;
        synchronized (Browser.class) {
            next = spare;
            spare = null;
        }
        if (next == null) {
            return null;
        }
        try {
            return next.get();
        } catch (ExecutionException failed) {
            return null; // start one in the foreground, where a failure is reported
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static synchronized void startSpare() {
        if (spare == null) {
            try {
                spare = BACKGROUND.submit(() -> launch(true));
            } catch (RejectedExecutionException shuttingDown) {
                spare = null;
            }
        }
    }

    private static WebDriver launch(boolean javascript) {
        String chromium = System.getProperty("civicloop.chromium", "/usr/bin/chromium");
        String driver = System.getProperty("civicloop.chromedriver", "/usr/bin/chromedriver");
        if (!new File(chromium).canExecute() || !new File(driver).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's Chromium: apt-get install -y chromium chromium-driver"
                    + " (looked for " + chromium + " and " + driver + ")");
        }
        try {
            Path profile = Files.createTempDirectory("civicloop-chromium");
            PROFILES.add(profile);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium);
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--force-prefers-reduced-motion",
                    "--user-data-dir=" + profile);
            if (!javascript) {
                options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
            }
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driver)).build();
            return new ChromeDriver(service, options) {
                @Override
                public void quit() {
                    try {
                        super.quit();
                    } finally {
                        deleteProfile(profile);
                    }
                }
            };
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The element once it is on the page, waiting up to 15 s: a click that submits a form returns
     * before the next page has loaded, more often on a loaded machine.
     */
    public static WebElement await(WebDriver browser, By by) {
        return new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(by));
    }

    /**
     * Waits until the element has left the page (the page it was on has been replaced). Like
     * {@code ExpectedConditions.stalenessOf}, but Chromium sometimes reports a node of the page being
     * torn down as "does not belong to the document" instead of stale; that is gone too.
     */
    public static ExpectedCondition<Boolean> gone(WebElement element) {
        return driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    /** Saves a screenshot under target/screenshots for a person to look at. */
    public static Path screenshot(WebDriver browser, String name) {
        try {
            Path dir = Files.createDirectories(Path.of("target", "screenshots"));
            // as bytes: OutputType.FILE leaves a screenshot*.png in the temp folder for every call
            byte[] shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            return Files.write(dir.resolve(name + ".png"), shot);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
