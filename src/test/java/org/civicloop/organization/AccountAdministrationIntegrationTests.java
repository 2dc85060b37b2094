package org.civicloop.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import org.civicloop.organization.domain.RegionImport;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@IntegrationTest
class AccountAdministrationIntegrationTests {

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewAccountGetsAOneTimePasswordThatMustBeChangedAtFirstSignIn() throws Exception {
        String username = "clerk" + System.nanoTime() % 1_000_000;
        long unitId = demo.unit("花溪区民政局");
        MvcResult created = mvc.perform(post("/admin/accounts/new").with(csrf()).with(user(demo.user("admin")))
                        .param("username", username).param("displayName", "民政局办事员").param("phone", "13912345678")
                        .param("unitId", Long.toString(unitId)).param("roles", "HANDLING_UNIT").param("enabled", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attributeExists("temporaryPassword"))
                .andReturn();
        String temporary = (String) created.getFlashMap().get("temporaryPassword");

        MvcResult signedIn = mvc.perform(formLogin("/login").user(username).password(temporary))
                .andExpect(redirectedUrl("/workbench")).andReturn();
        // sessions live in Spring Session's JDBC store: carry its cookie as a browser would
        Cookie session = signedIn.getResponse().getCookie("SESSION");
        mvc.perform(get("/workbench").cookie(session)).andExpect(redirectedUrl("/account/password"));

        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", temporary).param("newPassword", "short").param("confirmPassword", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("新密码至少需要 8 位")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", temporary).param("newPassword", "Minzheng2026").param("confirmPassword", "Minzheng2027"))
                .andExpect(content().string(containsString("两次输入的新密码不一致")));
        mvc.perform(post("/account/password").cookie(session).with(csrf())
                        .param("currentPassword", temporary).param("newPassword", "Minzheng2026").param("confirmPassword", "Minzheng2026"))
                .andExpect(redirectedUrl("/workbench"));
        mvc.perform(get("/workbench").cookie(session)).andExpect(status().isOk());

        mvc.perform(formLogin("/login").user(username).password(temporary)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(formLogin("/login").user(username).password("Minzheng2026")).andExpect(redirectedUrl("/workbench"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'account.passwordChanged' and summary_after->>'username' = :u")
                .param("u", username).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFormWithErrorsIsShownAgainWithEveryProblemAndNothingIsSaved() throws Exception {
        long before = jdbc.sql("select count(*) from account").query(Long.class).single();
        mvc.perform(post("/admin/accounts/new").with(csrf()).with(user(demo.user("admin")))
                        .param("username", "9bad").param("displayName", "").param("phone", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("error-summary")))
                .andExpect(content().string(containsString("用户名须以字母开头")))
                .andExpect(content().string(containsString("请填写 11 位手机号码")))
                .andExpect(content().string(containsString("请至少选择一项")));
        assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aTakenUsernameIsRefusedInChinese() throws Exception {
        mvc.perform(post("/admin/accounts/new").with(csrf()).with(user(demo.user("admin")))
                        .param("username", "office").param("displayName", "重复").param("roles", "DEPUTY"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("用户名“office”已被使用")));
    }

    @Test
    void aRegionFileWithOneBadRowImportsNothingAndNamesTheRow() throws Exception {
        String csv = "code,name,level,parent_code\n"
                + "520111999,测试街道,street,520111\n"
                + "520111999001,测试社区,village,520111999\n"
                + "52011199x,坏代码,street,520111\n"
                + "520111998,另一街道,township,520111\n";
        mvc.perform(multipart("/admin/regions/import")
                        .file(new MockMultipartFile("file", "regions.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(user(demo.user("admin"))))
                .andExpect(redirectedUrl("/admin/regions"))
                .andExpect(flash().attribute("importErrors", org.hamcrest.Matchers.hasSize(2)));
        assertThat(jdbc.sql("select count(*) from region where code in ('520111999', '520111999001', '520111998')").query(Long.class).single()).isZero();
    }

    @Test
    void aGoodRegionFileImportsEveryRow(@Autowired RegionImport regionImport) throws Exception {
        String csv = "\uFEFFcode,name,level,parent_code\n520111997,测试新区街道,street,520111\n520111997001,测试新社区,village,520111997\n";
        RegionImport.Result result = regionImport.importCsv(new java.io.ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(result.ok()).isTrue();
        assertThat(result.imported()).isEqualTo(2);
        assertThat(jdbc.sql("select parent_code from region where code = '520111997001'").query(String.class).single())
                .isEqualTo("520111997");
    }
}
