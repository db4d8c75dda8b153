package org.tipx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through tipx's pages. Uses the browser and driver the system has installed (Debian's
 * chromium and chromium-driver, or CHROME_BIN and CHROMEDRIVER), never a downloaded one. Test classes that use it
 * carry {@code @ExtendWith(Browser.Installed.class)}: where Chromium is missing they are skipped, before any
 * application starts, with a message saying how to enable them.
 */
public final class Browser implements AutoCloseable {

	public static final String NOT_INSTALLED = "Chromium not found: install chromium and chromium-driver "
			+ "(apt-get install -y chromium chromium-driver) to run browser tests";

	private final WebDriver driver;

	private final String base;

	private Browser(WebDriver driver, int port) {
		this.driver = driver;
		this.base = "http://localhost:" + port;
	}

	/** Starts Chromium with a desktop-sized window, or skips the test if it is not installed. */
	public static Browser open(int port) {
		return open(port, 1280, 1000);
	}

	/** Starts Chromium with a window of this size (e.g. 820 by 1180, a tablet held upright), or skips the test. */
	public static Browser open(int port, int width, int height) {
		File chromium = chromium();
		File chromedriver = chromedriver();
		assumeTrue(installed(), notInstalled());
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		// --no-sandbox: Chromium refuses to start as root (CI) without it.
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=" + width + "," + height, "--lang=en-GB");
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-GB,en"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
				.usingAnyFreePort().build();
		WebDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return new Browser(driver, port);
	}

	/** Forgets the session and the language chosen, as a new visitor. */
	public void forget() {
		if (driver.getCurrentUrl().startsWith(base)) {
			driver.manage().deleteAllCookies();
		}
	}

	public Browser visit(String path) {
		driver.get(base + path);
		return this;
	}

	/** Logs in through the login page, typing as a person would. */
	public Browser logIn(String username, String password) {
		visit("/login");
		field("username").sendKeys(username);
		field("password").sendKeys(password);
		driver.findElement(By.cssSelector("main form button[type=submit]")).click();
		waitFor(d -> !d.getCurrentUrl().contains("/login") || !d.findElements(By.id("login-problem")).isEmpty());
		return this;
	}

	public WebElement field(String id) {
		return driver.findElement(By.id(id));
	}

	public WebElement find(String cssSelector) {
		return driver.findElement(By.cssSelector(cssSelector));
	}

	public List<WebElement> findAll(String cssSelector) {
		return driver.findElements(By.cssSelector(cssSelector));
	}

	public String text(String cssSelector) {
		return find(cssSelector).getText();
	}

	public String language() {
		return find("html").getAttribute("lang");
	}

	public String path() {
		return driver.getCurrentUrl().substring(base.length());
	}

	/** Clicks and waits for the next page to load. */
	public Browser clickThrough(WebElement element) {
		WebElement html = find("html");
		element.click();
		waitFor(d -> isStale(html));
		return this;
	}

	public WebDriver driver() {
		return driver;
	}

	/**
	 * Waits until the condition holds. An element the condition reads may be replaced while the page reloads after a
	 * click: that read is tried again, not taken as a failure.
	 */
	public void waitFor(Function<WebDriver, Boolean> condition) {
		new WebDriverWait(driver, Duration.ofSeconds(10))
				.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
	}

	@Override
	public void close() {
		driver.quit();
	}

	private static boolean isStale(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException e) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException e) {
			// caught between two documents, Chromium names the old node's end in words of its own
			if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
				return true;
			}
			throw e;
		}
	}

	static boolean installed() {
		return chromium().canExecute() && chromedriver().canExecute();
	}

	static String notInstalled() {
		return NOT_INSTALLED + " (looked for " + chromium() + " and " + chromedriver()
				+ "; set CHROME_BIN and CHROMEDRIVER if they are installed elsewhere)";
	}

	private static File chromium() {
		return new File(setting("CHROME_BIN", "/usr/bin/chromium"));
	}

	private static File chromedriver() {
		return new File(setting("CHROMEDRIVER", "/usr/bin/chromedriver"));
	}

	private static String setting(String variable, String fallback) {
		String value = System.getenv(variable);
		return value == null || value.isBlank() ? fallback : value;
	}

	/** Skips a browser test class when Chromium is not installed, and says so in the build output. */
	public static final class Installed implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			if (installed()) {
				return ConditionEvaluationResult.enabled("Chromium found");
			}
			if (context.getTestMethod().isEmpty()) {
				System.err.println("[SKIPPED] " + context.getDisplayName() + ": " + notInstalled());
			}
			return ConditionEvaluationResult.disabled(notInstalled());
		}
	}
}
