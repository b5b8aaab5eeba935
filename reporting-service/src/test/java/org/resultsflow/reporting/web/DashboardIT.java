package org.resultsflow.reporting.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.RestAssured;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.resultsflow.infra.EventStreams;
import org.resultsflow.infra.ResultsflowTestResource;
import org.resultsflow.infra.SharedInfrastructure;
import org.resultsflow.reporting.Reports;
import org.resultsflow.reporting.SeedCatalog;

/**
 * The dashboard of the packaged application in a real headless browser (Debian's chromium and chromedriver,
 * nothing downloaded): the seeds go in through catalog.changes, the charts must draw their figures, and
 * screenshots land in target/. Skipped where chromium or chromedriver is not installed.
 */
@QuarkusIntegrationTest
@WithTestResource(value = ResultsflowTestResource.class, initArgs = @ResourceArg(name = "database", value = "reporting"))
class DashboardIT {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    @Test
    void theDashboardChartsTheSeeds() throws Exception {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "skipped: the browser test needs Debian's chromium and chromedriver at " + CHROMIUM + " and "
                        + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
        try (EventStreams streams = new EventStreams(SharedInfrastructure.get().kafkaBootstrapServers())) {
            new SeedCatalog("MEX").events().forEach(e -> e.send(streams));
        }
        await().atMost(Duration.ofSeconds(90)).until(() ->
                Reports.json("/api/reports/budget-utilisation", "office", "MEX").size() == 8
                        && Reports.json("/api/reports/funding", "office", "MEX").size() == 12
                        && Reports.json("/api/reports/outcomes", "office", "MEX").size() == 2);
        JsonNode summary = Reports.json("/api/reports/milestone-attainment/summary", "office", "MEX", "size", 1000);

        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = browser(service);
        try {
            String root = "http://localhost:" + RestAssured.port;
            driver.get(root + "/?office=MEX");
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                    "ready".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.charts")));

            // Budget per output: planned, actual, expenses as the seeds state them; 2.1.3's expenses drawn red.
            Map<String, Object> budget = chart(driver, "budget-chart");
            List<?> labels = (List<?>) budget.get("labels");
            int i211 = indexOf(labels, "MEX_D_2.1.1 (2022)");
            int i213 = indexOf(labels, "MEX_D_2.1.3 (2022)");
            List<?> datasets = (List<?>) budget.get("datasets");
            assertEquals(new BigDecimal("3070000"), number(datasets, 0, i211));
            assertEquals(new BigDecimal("804980"), number(datasets, 1, i211));
            assertEquals(new BigDecimal("772240"), number(datasets, 2, i211));
            assertEquals(new BigDecimal("600360"), number(datasets, 2, i213));
            assertEquals("#c62828", ((List<?>) ((Map<?, ?>) datasets.get(2)).get("backgroundColor")).get(i213));
            assertEquals("#00897b", ((List<?>) ((Map<?, ?>) datasets.get(2)).get("backgroundColor")).get(i211));

            // Attainment by outcome and year: the counts of the summary endpoint, per status.
            Map<String, Object> attainment = chart(driver, "attainment-chart");
            List<?> attainmentLabels = (List<?>) attainment.get("labels");
            List<?> statuses = (List<?>) attainment.get("datasets");
            assertEquals(summary.size(), attainmentLabels.size());
            for (JsonNode s : summary) {
                int at = indexOf(attainmentLabels, s.get("outcomeId").asText().substring("XM-DAC-41146-".length())
                        + " · " + s.get("year").asInt());
                assertEquals(s.get("met").asLong(), number(statuses, 0, at).longValueExact());
                assertEquals(s.get("partial").asLong(), number(statuses, 1, at).longValueExact());
                assertEquals(s.get("notMet").asLong(), number(statuses, 2, at).longValueExact());
                assertEquals(s.get("notAssessable").asLong(), number(statuses, 3, at).longValueExact());
            }

            // Funding partners per year: 2021 adds up to MEX_D_4.1's 363,574 (no other outcome has 2021 funding).
            Map<String, Object> funding = chart(driver, "funding-chart");
            int y2021 = indexOf((List<?>) funding.get("labels"), 2021L);
            BigDecimal total = BigDecimal.ZERO;
            List<?> partners = (List<?>) funding.get("datasets");
            for (int p = 0; p < partners.size(); p++) {
                total = total.add(number(partners, p, y2021));
            }
            assertEquals(new BigDecimal("363574"), total);
            screenshot(driver, "dashboard.png");

            // An outcome's page: the progress timeline, oldest first.
            driver.get(root + "/outcomes/MEX_D_4.1");
            String timeline = driver.findElement(org.openqa.selenium.By.id("timeline")).getText();
            assertTrue(timeline.indexOf("2022") < timeline.indexOf("2023") && timeline.contains("Significant progress"),
                    timeline);
            assertTrue(timeline.contains("This outcome has reached significant progress in 2022."), timeline);
            driver.get(root + "/outcomes/MEX_D_2.1");
            // The outcome page draws its budgets too: MEX_D_2.1.1 planned $3.07 M.
            Map<String, Object> outcomeBudget = chart(driver, "budget-chart");
            List<?> outcomeLabels = (List<?>) outcomeBudget.get("labels");
            assertTrue(outcomeLabels.toString().contains("MEX_D_2.1.1"), outcomeLabels.toString());
            List<?> outcomeDatasets = (List<?>) outcomeBudget.get("datasets");
            assertTrue(((Map<?, ?>) outcomeDatasets.get(0)).get("data").toString().contains("3070000"),
                    outcomeDatasets.get(0).toString());
            screenshot(driver, "dashboard-outcome.png");
        } finally {
            driver.quit();
            service.stop();
        }
    }

    /**
     * The portfolio at scale: 200 synthetic offices of 10 outcomes each, written straight into the read models (the
     * figures are not what is tested here, the pages' holding up is). The home page is one page of offices, sortable
     * and paged; an office page lists its outcomes; an outcome page draws a small chart per indicator.
     */
    @Test
    void thePortfolioHoldsTwoHundredOffices() throws Exception {
        Assumptions.assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(),
                "skipped: the browser test needs Debian's chromium and chromedriver at " + CHROMIUM + " and " + CHROMEDRIVER);
        SyntheticPortfolio.write(200, 10);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = browser(service);
        try {
            String root = "http://localhost:" + RestAssured.port;
            driver.get(root + "/?sort=attainment&dir=desc&size=25");
            List<org.openqa.selenium.WebElement> rows = driver.findElements(org.openqa.selenium.By.cssSelector("#portfolio tbody tr"));
            assertEquals(25, rows.size(), "one page of offices");
            String heading = driver.findElement(org.openqa.selenium.By.cssSelector("#offices h2")).getText();
            assertTrue(Integer.parseInt(heading.split(" ")[0]) >= 200, heading);
            List<Double> rates = rows.stream().map(r -> r.findElements(org.openqa.selenium.By.tagName("td")).get(1).getText())
                    .filter(t -> t.endsWith("%")).map(t -> Double.parseDouble(t.replace("%", "").strip())).toList();
            for (int i = 1; i < rates.size(); i++) {
                assertTrue(rates.get(i - 1) >= rates.get(i), "sorted by attainment, highest first: " + rates);
            }
            assertTrue(driver.findElement(org.openqa.selenium.By.id("pages")).getText().contains("of "), "paged");
            List<String> years = driver.findElements(org.openqa.selenium.By.cssSelector("#year option")).stream()
                    .map(org.openqa.selenium.WebElement::getText).toList();
            assertTrue(years.containsAll(List.of("2021", "2022", "2023")), years.toString());
            screenshot(driver, "portfolio.png");

            driver.get(root + "/?year=2022&sort=over-spends&dir=desc&page=1&size=25");
            assertEquals(25, driver.findElements(org.openqa.selenium.By.cssSelector("#portfolio tbody tr")).size());

            String office = SyntheticPortfolio.office(7);
            driver.get(root + "/offices/" + office);
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                    "ready".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.charts")));
            assertEquals(10, driver.findElements(org.openqa.selenium.By.cssSelector("ul.outcomes li")).size(),
                    "the office's outcomes");
            assertEquals(40, ((List<?>) chart(driver, "attainment-chart").get("labels")).size(),
                    "ten outcomes of four years each (three milestone years and the target year)");
            screenshot(driver, "office.png");

            driver.get(root + "/outcomes/" + SyntheticPortfolio.outcome(7, 3));
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d ->
                    "ready".equals(((JavascriptExecutor) d).executeScript("return document.documentElement.dataset.charts")));
            Map<String, Object> trajectory = chart(driver, "trajectory-0");
            assertEquals(List.of(2019L, 2021L, 2022L, 2023L, 2025L), trajectory.get("labels"),
                    "baseline year, the milestone years, the target year");
            screenshot(driver, "outcome-trajectories.png");
        } finally {
            driver.quit();
            service.stop();
            SyntheticPortfolio.remove();
        }
    }

    private static ChromeDriver browser(ChromeDriverService service) throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile-");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--no-first-run", "--user-data-dir=" + profile, "--window-size=1400,1000");
        return new ChromeDriver(service, options);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> chart(ChromeDriver driver, String canvas) {
        Object data = driver.executeScript("const c = Chart.getChart(document.getElementById(arguments[0]));"
                + " return c ? JSON.parse(JSON.stringify(c.data)) : null;", canvas);
        assertTrue(data instanceof Map, "no chart drawn on #" + canvas);
        return (Map<String, Object>) data;
    }

    private static int indexOf(List<?> labels, Object label) {
        for (int i = 0; i < labels.size(); i++) {
            Object l = labels.get(i);
            Object first = l instanceof List<?> lines ? lines.get(0) : l;
            if (String.valueOf(label).equals(String.valueOf(first))) {
                return i;
            }
        }
        throw new AssertionError(label + " is not among the chart's labels " + labels);
    }

    private static BigDecimal number(List<?> datasets, int dataset, int index) {
        Object value = ((List<?>) ((Map<?, ?>) datasets.get(dataset)).get("data")).get(index);
        return new BigDecimal(String.valueOf(value)).stripTrailingZeros().setScale(0, java.math.RoundingMode.UNNECESSARY);
    }

    /** The whole page, as tall as it is. */
    private static void screenshot(ChromeDriver driver, String name) throws IOException {
        Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight");
        driver.manage().window().setSize(new Dimension(1400, Math.min(height.intValue() + 140, 6000)));
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target", name);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }
}
