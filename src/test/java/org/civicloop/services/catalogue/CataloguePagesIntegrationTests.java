package org.civicloop.services.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The catalogue's pages through the controller: import, export, the editor's check, withdrawal, who may do what. */
@IntegrationTest
class CataloguePagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    DemoFixture demo;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ServiceCatalogue catalogue;
    @Autowired
    DefinitionFormat format;

    private int versions() {
        return jdbc.sql("select count(*) from service_definition").query(Integer.class).single();
    }

    private String newbornYaml() throws Exception {
        return new ClassPathResource("demo/services/newborn.yaml").getContentAsString(StandardCharsets.UTF_8);
    }

    private String importFile(String name, byte[] bytes, Locale locale) throws Exception {
        return mvc.perform(multipart("/services/catalogue/import").file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                        .param("lang", locale.getLanguage().equals("en") ? "en" : "zh-CN")
                        .with(user(demo.user("admin"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aBadFileSavesNothingAndEveryProblemIsListedWithAReadablePlace() throws Exception {
        // the hukou part (the third) names an unknown unit, the first part has no item, a part asks an undefined field
        String bad = newbornYaml()
                .replace("unit: 贵阳市公安局花溪分局", "unit: 花溪区不存在的局")
                .replace("item: 出生医学证明首次签发", "item: \"\"")
                .replace("fields: [baby-name, baby-sex, birth-date, contact-phone, home-address]",
                        "fields: [baby-name, baby-sex, birth-date, contact-phone, home-address, shoe-size]");
        int before = versions();
        String page = importFile("新生儿.yaml", bad.getBytes(StandardCharsets.UTF_8), Locale.SIMPLIFIED_CHINESE);
        assertThat(versions()).isEqualTo(before);
        assertThat(page).contains("发现 3 个问题", "第3个事项 · 部门", "没有名为“花溪区不存在的局”的单位",
                "第1个事项 · 事项名称", "第4个事项 · 表单字段", "使用了未定义的表单字段“shoe-size”");
        // the text stays in the editor to be corrected
        assertThat(page).contains("unit: 花溪区不存在的局");

        String english = importFile("newborn.yaml", bad.getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
        assertThat(english).contains("3 problems found", "Item 3 · Department", "Item 4 · Form fields");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void aWrongTypeAnUnreadableOrATooLargeFileIsRefusedClearly() throws Exception {
        int before = versions();
        assertThat(importFile("newborn.txt", newbornYaml().getBytes(StandardCharsets.UTF_8), Locale.SIMPLIFIED_CHINESE))
                .contains("只能导入 .json、.yaml 或 .yml 文件");
        assertThat(importFile("broken.json", "{\"code\": \"x\", ".getBytes(StandardCharsets.UTF_8), Locale.SIMPLIFIED_CHINESE))
                .contains("文件无法读取");
        assertThat(importFile("binary.yaml", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, Locale.ENGLISH))
                .contains("not UTF-8");
        assertThat(importFile("big.yml", new byte[256 * 1024 + 1], Locale.ENGLISH)).contains("too large: at most 256 KB");
        assertThat(versions()).isEqualTo(before);
    }

    @Test
    void anExportedVersionImportsBackAsTheSameDefinition() throws Exception {
        var latest = catalogue.latest("newborn").orElseThrow();
        for (String kind : new String[] {"json", "yaml"}) {
            MvcResult export = mvc.perform(get("/services/catalogue/newborn/export").param("format", kind)
                            .param("version", String.valueOf(latest.version())).with(user(demo.user("window"))))
                    .andExpect(status().isOk()).andReturn();
            assertThat(export.getResponse().getContentType()).startsWith(kind.equals("json") ? "application/json" : "application/yaml");
            assertThat(export.getResponse().getHeader("Content-Disposition"))
                    .contains("filename=\"newborn-v" + latest.version() + "." + kind + "\"")
                    // 新生儿出生一件事-vN.json, percent-encoded UTF-8
                    .contains("filename*=UTF-8''%E6%96%B0%E7%94%9F%E5%84%BF%E5%87%BA%E7%94%9F%E4%B8%80%E4%BB%B6%E4%BA%8B-v");
            byte[] body = export.getResponse().getContentAsByteArray();
            int before = versions();
            mvc.perform(multipart("/services/catalogue/import").file(new MockMultipartFile("file", "exported." + kind, null, body))
                            .with(user(demo.user("admin"))).with(csrf()))
                    .andExpect(status().is3xxRedirection());
            assertThat(versions()).isEqualTo(before + 1);
            var saved = catalogue.latest("newborn").orElseThrow();
            assertThat(saved.definition()).isEqualTo(latest.definition());
        }
    }

    @Test
    void theEditorsCheckListsProblemsAndSavesNothingAndSaveMakesANewVersion() throws Exception {
        int before = versions();
        String bad = newbornYaml().replace("code: newborn", "code: Newborn!");
        String page = mvc.perform(post("/services/catalogue/editor").param("yaml", bad).param("action", "check")
                        .with(user(demo.user("admin"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<strong class=\"d-block small\">编码</strong>", "编码只能由小写字母");
        String ok = mvc.perform(post("/services/catalogue/editor").param("yaml", newbornYaml().replace("code: newborn", "code: newborn-copy"))
                        .param("action", "check").with(user(demo.user("admin"))).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(ok).contains("id=\"definition-ok\"");
        assertThat(versions()).isEqualTo(before);

        mvc.perform(post("/services/catalogue/editor").param("yaml", newbornYaml().replace("code: newborn", "code: newborn-copy"))
                        .param("action", "save").with(user(demo.user("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(catalogue.latest("newborn-copy")).isPresent();
        // withdrawn: offered no more, audited, and the public guide no longer lists it
        mvc.perform(post("/services/catalogue/newborn-copy/withdraw").with(user(demo.user("admin"))).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(catalogue.offered("newborn-copy")).isEmpty();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'service-definition.withdrawn' and subject_id = 'newborn-copy'")
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(mvc.perform(get("/public/services")).andReturn().getResponse().getContentAsString())
                .doesNotContain("/public/services/newborn-copy");
    }

    @Test
    void theWindowClerkReadsTheCatalogueButChangesNothing() throws Exception {
        String list = mvc.perform(get("/services/catalogue").with(user(demo.user("window"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("开办餐饮店一件事", "新生儿出生一件事", "企业迁移登记一件事").doesNotContain("catalogue-import", "catalogue-new");
        String detail = mvc.perform(get("/services/catalogue/restaurant-opening").with(user(demo.user("window"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("贵阳市花溪区消防救援大队", "免提交", "电子营业执照库", "“经营场所的建筑面积有多大？”答“50平方米及以上”")
                .doesNotContain("service-withdraw", "service-edit");
        int before = versions();
        mvc.perform(post("/services/catalogue/editor").param("yaml", newbornYaml()).param("action", "save")
                .with(user(demo.user("window"))).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/services/catalogue/newborn/withdraw").with(user(demo.user("window"))).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/services/catalogue").with(user(demo.user("unit")))).andExpect(status().isForbidden());
        assertThat(versions()).isEqualTo(before);
        assertThat(catalogue.offered("newborn")).isPresent();
    }
}
