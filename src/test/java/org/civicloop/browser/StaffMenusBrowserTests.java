package org.civicloop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.civicloop.testing.Browser;
import org.civicloop.testing.BrowserExtension;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Two roles sign in through a real browser and see different menus, in Chinese. */
@IntegrationTest
class StaffMenusBrowserTests {

    @RegisterExtension
    static final BrowserExtension browser = BrowserExtension.sized(1280, 900);

    @LocalServerPort
    int port;

    @Test
    void anAdministratorAndAUnitClerkSeeTheirOwnMenusInChinese() {
        browser.signIn("admin");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(menu()).containsExactly("工作台", "一件事目录", "代表名册", "家站室点", "联系点数据", "消息", "单位管理", "账号管理", "行政区划", "审计日志", "语义模型", "工作日历", "开放接口（Open311）");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("系统管理员，您好");
        browser.findElement(By.linkText("一件事目录")).click();
        assertThat(tabs()).as("the efficiency page is a tab of the catalogue's area").containsExactly("一件事目录", "一件事成效");
        browser.findElement(By.linkText("单位管理")).click();
        assertThat(browser.findElements(By.cssSelector("#units-table tbody tr"))).hasSize(20);
        Browser.screenshot(browser, "admin-units");
        browser.signOut();

        browser.signIn("unit");
        assertThat(menu()).containsExactly("工作台", "承办事项", "建议办理", "督办报送", "督办事项", "评价方案与填报", "企业诉求", "消息", "本单位");
        Browser.screenshot(browser, "unit-workbench");
        browser.findElement(By.linkText("本单位")).click();
        assertThat(browser.findElement(By.id("unit-name")).getText()).isEqualTo("花溪区住房和城乡建设局");
        browser.get(url("/admin/units"));
        assertThat(browser.findElement(By.id("error-title")).getText()).isEqualTo("无权访问");
        browser.signOut();
    }

    @Test
    void aLeaderAndTheOfficeSeeTheirSupervisionEntries() {
        browser.signIn("leader");
        assertThat(menu()).containsExactly("工作台", "民意台", "民意台账", "代表建议", "我督办的事项", "一件事成效", "督办事项", "绩效评价", "网络运行数据", "履职积分", "典型选树", "联系点数据", "消息");
        browser.findElement(By.linkText("代表建议")).click();
        assertThat(tabs()).containsExactly("代表建议", "建议台账", "统计分析");
        browser.signOut();
        browser.signIn("office");
        assertThat(menu()).containsExactly("工作台", "民意台", "待审批", "民意台账", "导入12345工单", "代表建议", "代表名册", "家站室点", "接待与值班", "立法征求意见", "消息");
        assertThat(browser.findElements(By.id("sub-menu"))).as("the workbench belongs to no area with tabs").isEmpty();
        browser.findElement(By.linkText("代表建议")).click();
        assertThat(tabs()).containsExactly("代表建议", "建议台账", "统计分析", "督办", "集中通报", "满意度测评管理");
        // a tab's page keeps its area lit in the top bar and itself lit among the tabs
        browser.findElement(By.cssSelector("#sub-menu")).findElement(By.linkText("督办")).click();
        assertThat(browser.findElement(By.cssSelector("#main-menu .nav-link.active")).getText()).isEqualTo("代表建议");
        assertThat(browser.findElement(By.cssSelector("#sub-menu .nav-link.active")).getText()).isEqualTo("督办");
        // the deputies' area gathers what the office does for and with them; the drafts' area the legislative consultation
        browser.findElement(By.linkText("代表名册")).click();
        assertThat(tabs()).containsExactly("代表名册", "知情知政", "出勤统计", "履职积分", "履职登记审核", "积分规则", "典型选树");
        browser.findElement(By.linkText("立法征求意见")).click();
        assertThat(tabs()).containsExactly("立法征求意见", "意见汇总", "采纳反馈", "联系点数据");
        browser.signOut();
        browser.signIn("evaluation");
        assertThat(menu()).as("without the suggestions list, the statistics stand in the top bar").contains("统计分析");
        browser.signOut();
    }

    @Test
    void theLanguageSwitchShowsTheSameMenuInEnglish() {
        browser.signIn("unit");
        browser.findElement(By.id("language-switch")).click();
        wait(ExpectedConditions.textToBe(By.cssSelector("#main-menu .nav-link"), "Workbench"));
        assertThat(menu()).containsExactly("Workbench", "Work orders", "Suggestions to handle", "Supervision reports", "Tracked work",
                "Schemes and figures", "Enterprise matters", "Messages", "My unit");
        browser.findElement(By.id("language-switch")).click();
        wait(ExpectedConditions.textToBe(By.cssSelector("#main-menu .nav-link"), "工作台"));
        browser.signOut();
    }

    @Test
    void aWrongPasswordIsExplainedInChinese() {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("office");
        browser.findElement(By.id("password")).sendKeys("not-the-password1");
        browser.findElement(By.id("sign-in")).click();
        // the answer comes after the password check and a redirect: wait for it rather than racing it
        wait(ExpectedConditions.presenceOfElementLocated(By.id("login-error")));
        assertThat(browser.findElement(By.id("login-error")).getText()).startsWith("用户名或密码不正确");
    }


    private List<String> menu() {
        return browser.findElements(By.cssSelector("#main-menu .nav-link > span:first-child")).stream().map(WebElement::getText).toList();
    }

    private List<String> tabs() {
        return browser.findElements(By.cssSelector("#sub-menu .nav-link")).stream().map(WebElement::getText).toList();
    }

    private void wait(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(condition);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
