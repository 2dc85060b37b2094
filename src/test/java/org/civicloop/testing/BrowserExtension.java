package org.civicloop.testing;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * One headless Chromium per test class, for the browser tests: a new one with an empty profile,
 * started beside the previous class's tests ({@link Browser#start}) and taken before the first test,
 * quit beside the next class's after the last, its profile directory removed. It is itself the
 * {@link WebDriver} (and script executor and camera), so a test drives it directly:
 *
 * <pre>{@code
 * @IntegrationTest
 * class SomethingBrowserTests {
 *     @RegisterExtension
 *     static final BrowserExtension browser = BrowserExtension.sized(1280, 900);
 *
 *     @Test
 *     void ...() {
 *         browser.signIn("office");
 *         browser.findElement(By.id("...")).click();
 *         browser.signOut();
 *     }
 * }
 * }</pre>
 *
 * <p>Register it as a static field after {@code @IntegrationTest} so that Spring's extension
 * runs first: the application's port is read from its context.
 */
public final class BrowserExtension implements BeforeAllCallback, AfterAllCallback, WebDriver, JavascriptExecutor,
        TakesScreenshot {

    /** Every demo account's password (see the README's demo accounts). */
    public static final String DEMO_PASSWORD = "Huaxi@2026";

    private final int width;
    private final int height;
    private final boolean javascript;
    private WebDriver driver;
    private String origin;

    private BrowserExtension(int width, int height, boolean javascript) {
        this.width = width;
        this.height = height;
        this.javascript = javascript;
    }

    /** A browser window of this CSS size, e.g. 390 × 844 for an ordinary phone. */
    public static BrowserExtension sized(int width, int height) {
        return new BrowserExtension(width, height, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        origin = "http://localhost:" + port;
        driver = Browser.start(width, height, javascript);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            Browser.quitLater(driver); // Browser's driver removes its profile directory on quit
            driver = null;
        }
    }

    /** The address of a path on the application under test. */
    public String url(String path) {
        return origin + path;
    }

    /** Signs in through the login form with the demo password and waits for the workbench. */
    public void signIn(String username) {
        signIn(username, DEMO_PASSWORD);
    }

    public void signIn(String username, String password) {
        // right after signOut() the browser shows the sign-in form already, with its new CSRF token
        if (!getCurrentUrl().startsWith(url("/login")) || findElements(By.id("username")).isEmpty()) {
            get(url("/login"));
        }
        findElement(By.id("username")).sendKeys(username);
        findElement(By.id("password")).sendKeys(password);
        WebElement button = findElement(By.id("sign-in"));
        executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", button);
        button.click();
        waitUntil(ExpectedConditions.urlContains("/workbench"));
    }

    /** Submits the sign-out form (its button sits in the user dropdown) and waits for the login page. */
    public void signOut() {
        executeScript("document.getElementById('sign-out').form.submit()");
        waitUntil(ExpectedConditions.urlContains("/login"));
    }

    /**
     * Scrolls the element to the middle of the window and clicks it. A click that submits a form
     * waits until the next page has replaced this one: the next page often has an element of the
     * same id (the outcome message, a button), and a check that found the old one would read it, or
     * find it stale, while the post is still under way.
     */
    public void click(WebElement element) {
        executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element);
        boolean submits = Boolean.TRUE.equals(executeScript("return arguments[0].type === 'submit' && arguments[0].form != null", element));
        WebElement page = findElement(By.tagName("html"));
        try {
            element.click();
        } catch (ElementClickInterceptedException e) {
            Browser.screenshot(driver(), "click-intercepted");
            throw e;
        }
        if (submits) {
            waitUntil(Browser.gone(page));
        }
    }

    /** Waits up to ten seconds for the condition. */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver(), Duration.ofSeconds(10)).until(condition);
    }

    /** The browser itself, for APIs that want the real driver. */
    public WebDriver driver() {
        if (driver == null) {
            throw new IllegalStateException("The browser runs only between the class's first and last test");
        }
        return driver;
    }

    @Override
    public void get(String url) {
        driver().get(url);
    }

    @Override
    public String getCurrentUrl() {
        return driver().getCurrentUrl();
    }

    @Override
    public String getTitle() {
        return driver().getTitle();
    }

    @Override
    public List<WebElement> findElements(By by) {
        return driver().findElements(by);
    }

    @Override
    public WebElement findElement(By by) {
        return driver().findElement(by);
    }

    @Override
    public String getPageSource() {
        return driver().getPageSource();
    }

    @Override
    public void close() {
        driver().close();
    }

    /** Ends the browser early; the extension would otherwise quit it after the class's last test. */
    @Override
    public void quit() {
        afterAll(null);
    }

    @Override
    public Set<String> getWindowHandles() {
        return driver().getWindowHandles();
    }

    @Override
    public String getWindowHandle() {
        return driver().getWindowHandle();
    }

    @Override
    public TargetLocator switchTo() {
        return driver().switchTo();
    }

    @Override
    public Navigation navigate() {
        return driver().navigate();
    }

    @Override
    public Options manage() {
        return driver().manage();
    }

    @Override
    public Object executeScript(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeScript(script, args);
    }

    @Override
    public Object executeAsyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver()).executeAsyncScript(script, args);
    }

    @Override
    public <X> X getScreenshotAs(OutputType<X> target) {
        return ((TakesScreenshot) driver()).getScreenshotAs(target);
    }
}
