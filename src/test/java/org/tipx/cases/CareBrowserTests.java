package org.tipx.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipx.Api;
import org.tipx.Browser;
import org.tipx.Fixtures;
import org.tipx.TipxIntegrationTest;
import org.tipx.cases.internal.Cases;

/**
 * A case worker on a tablet records two follow-up visits; the second one's rising re-recruitment risk puts a task at
 * the top of their tasks, which they mark done.
 */
@TipxIntegrationTest
@ExtendWith(Browser.Installed.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CareBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	Cases cases;

	@Autowired
	JdbcClient jdbc;

	Browser browser;

	@BeforeAll
	void tablet() {
		browser = Browser.open(port, 820, 1180);
	}

	@AfterAll
	void close() {
		if (browser != null) {
			browser.close();
		}
	}

	void recordVisit(String jobOffers, String debt, String recruiter, String intent) {
		WebElement date = browser.field("visitedOn");
		// a date field takes what is typed in the browser's own order; set it as a person picking it would
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", date,
				LocalDate.now().format(DateTimeFormatter.ISO_LOCAL_DATE));
		new Select(browser.field("jobOffers")).selectByValue(jobOffers);
		new Select(browser.field("debtPressure")).selectByValue(debt);
		new Select(browser.field("recruiterContact")).selectByValue(recruiter);
		new Select(browser.field("intentToMigrate")).selectByValue(intent);
		browser.clickThrough(browser.find("#record-visit"));
	}

	@Test
	void aVisitWhoseRiskRisesPutsANewTaskOnMyTasks() {
		Fixtures fixtures = new Fixtures(new Api(port));
		CareTeam team = new CareTeam(fixtures, cases, jdbc);
		String caseId = team.openCase();
		browser.forget();
		browser.logIn(team.caseWorkerName, Fixtures.PASSWORD).visit("/cases/" + caseId + "/visits");
		assertThat(browser.find("#record-visit").getSize().getHeight()).as("touch target")
				.isGreaterThanOrEqualTo(48);
		assertThat(((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
				.as("no sideways scrolling on a tablet").isEqualTo(true);

		recordVisit("DECLINED", "NONE", "NONE", "NO");
		assertThat(browser.text("#notice")).isEqualTo("The visit was recorded.");
		assertThat(browser.text("#case-risk")).isEqualTo("Re-recruitment risk: low");

		recordVisit("CONSIDERING", "SOME", "NONE", "NO");
		assertThat(browser.text("#notice")).contains("The risk is rising");
		assertThat(browser.text("#case-risk")).isEqualTo("Re-recruitment risk: medium");

		browser.visit("/");
		browser.clickThrough(browser.find("main a[href='/tasks']"));
		assertThat(browser.path()).isEqualTo("/tasks");
		WebElement first = browser.find("li.task-row");
		assertThat(first.getAttribute("data-origin")).isEqualTo("RISK_RISING");
		assertThat(first.getText()).contains("Re-recruitment risk is rising")
				.contains("Due on " + LocalDate.now().plusDays(3));
		browser.clickThrough(first.findElement(org.openqa.selenium.By.cssSelector("button")));
		assertThat(browser.text("#notice")).isEqualTo("The task was marked done.");
		assertThat(browser.text("#no-tasks")).isEqualTo("Nothing to do.");
	}

	@Test
	void theReintegrationPlanFitsATabletHeldUpright() {
		Fixtures fixtures = new Fixtures(new Api(port));
		CareTeam team = new CareTeam(fixtures, cases, jdbc);
		String caseId = team.openCase();
		browser.forget();
		browser.logIn(team.caseWorkerName, Fixtures.PASSWORD).visit("/cases/" + caseId + "/plans/reintegration");
		browser.find("label[for=goal-TRAINING]").click();
		browser.field("TRAINING-0-description").sendKeys("Enrol in the tailoring course");
		((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]",
				browser.field("TRAINING-0-dueOn"), LocalDate.now().plusMonths(1).toString());
		browser.clickThrough(browser.find("#submit-plan"));
		assertThat(browser.text("#notice")).isEqualTo("The plan was submitted for approval.");
		assertThat(browser.text("section.goal[data-area=TRAINING]")).contains("Enrol in the tailoring course");
		assertThat(((JavascriptExecutor) browser.driver())
				.executeScript("return document.documentElement.scrollWidth <= window.innerWidth"))
				.as("no sideways scrolling on a tablet").isEqualTo(true);
	}
}
