package org.civicloop.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicloop.open311.Open311Xml.childNames;
import static org.civicloop.open311.Open311Xml.children;
import static org.civicloop.open311.Open311Xml.text;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.organization.CivicUser;
import org.civicloop.testing.DemoFixture;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Element;

/**
 * The GeoReport v2 API as a partner system sees it: every endpoint in JSON and XML, ids as strings,
 * errors in GeoReport's own format with Chinese descriptions, and no personal data in any answer.
 */
@IntegrationTest
class Open311ApiIntegrationTests {

    static final String DEMO_KEY = "demo-open311-key-huaxi-2026";
    static final String QINGYAN = "520111101"; // 青岩镇
    static final String W3C = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00";
    static final String NAME_FIRST = "小明";
    static final String NAME_LAST = "欧阳";
    static final String PHONE = "13987654321";
    static final String EMAIL = "xiaoming.voter@example.com";

    @Autowired
    DemoFixture demo;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpinionService opinions;
    @LocalServerPort
    int port;

    @Test
    void theServicesAreTheOpinionCategoriesInJsonAndXml() throws Exception {
        mvc.perform(get("/open311/v2/services.json"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json;charset=UTF-8"))
                .andExpect(jsonPath("$", hasSize(categoryCount())))
                .andExpect(jsonPath("$[0].service_code").value("URBAN"))
                .andExpect(jsonPath("$[0].service_name").value("城乡建设与住房"))
                .andExpect(jsonPath("$[0].metadata").value(true))
                .andExpect(jsonPath("$[0].type").value("realtime"))
                .andExpect(jsonPath("$[0].keywords").value(matchesPattern(".*路灯.*")))
                .andExpect(jsonPath("$[0].group").value("群众意见建议"))
                .andExpect(jsonPath("$[0].description").value(matchesPattern(".*attribute\\[place_code\\].*")));

        byte[] xml = mvc.perform(get("/open311/v2/services.xml"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/xml;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(xml, StandardCharsets.UTF_8)).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Element services = Open311Xml.parse(xml);
        assertThat(services.getTagName()).isEqualTo("services");
        assertThat(childNames(services)).hasSize(categoryCount()).containsOnly("service");
        Element first = children(services).get(0);
        assertThat(childNames(first)).containsExactly("service_code", "service_name", "description", "metadata", "type",
                "keywords", "group");
        assertThat(text(first, "service_code")).isEqualTo("URBAN");
        assertThat(text(first, "service_name")).isEqualTo("城乡建设与住房");
        assertThat(text(first, "metadata")).isEqualTo("true");
        assertThat(text(first, "type")).isEqualTo("realtime");
    }

    @Test
    void englishIsThereForWhoeverAsksForIt() throws Exception {
        mvc.perform(get("/open311/v2/services.json").header("Accept-Language", "en"))
                .andExpect(jsonPath("$[0].service_name").value("Urban construction and housing"))
                .andExpect(jsonPath("$[0].group").value("Opinions and suggestions"));
    }

    @Test
    void theServiceDefinitionAsksForThePlaceFromTheDistrictsList() throws Exception {
        String village = villageOf(QINGYAN);
        String villageName = regionName(village);
        mvc.perform(get("/open311/v2/services/URBAN.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.service_code").value("URBAN"))
                .andExpect(jsonPath("$.attributes", hasSize(1)))
                .andExpect(jsonPath("$.attributes[0].variable").value(true))
                .andExpect(jsonPath("$.attributes[0].code").value("place_code"))
                .andExpect(jsonPath("$.attributes[0].datatype").value("singlevaluelist"))
                .andExpect(jsonPath("$.attributes[0].required").value(true))
                .andExpect(jsonPath("$.attributes[0].order").value(1))
                .andExpect(jsonPath("$.attributes[0].description").value(matchesPattern(".*lat.*long.*address_string.*")))
                .andExpect(jsonPath("$.attributes[0].datatype_description").isString())
                .andExpect(jsonPath("$.attributes[0].values[*].key").value(hasItem(village)))
                .andExpect(jsonPath("$.attributes[0].values[?(@.key == '" + village + "')].name").value(hasItem("青岩镇 " + villageName)))
                .andExpect(jsonPath("$.attributes[0].values[?(@.key == '" + QINGYAN + "')].name").value(hasItem("青岩镇")))
                // the district itself and other districts' places are not offered
                .andExpect(jsonPath("$.attributes[0].values[*].key").value(not(hasItem("520111"))))
                .andExpect(jsonPath("$.attributes[0].values[*].key").value(not(hasItem("520102"))));

        Element definition = Open311Xml.parse(mvc.perform(get("/open311/v2/services/URBAN.xml"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(definition.getTagName()).isEqualTo("service_definition");
        assertThat(childNames(definition)).containsExactly("service_code", "attributes");
        Element attribute = Open311Xml.child(Open311Xml.child(definition, "attributes"), "attribute");
        assertThat(childNames(attribute)).containsExactly("variable", "code", "datatype", "required",
                "datatype_description", "order", "description", "values");
        assertThat(text(attribute, "code")).isEqualTo("place_code");
        assertThat(text(attribute, "datatype")).isEqualTo("singlevaluelist");
        Element values = Open311Xml.child(attribute, "values");
        assertThat(childNames(values)).containsOnly("value");
        Map<String, String> names = children(values).stream()
                .collect(Collectors.toMap(v -> text(v, "key"), v -> text(v, "name")));
        assertThat(names).containsEntry(village, "青岩镇 " + villageName).containsEntry(QINGYAN, "青岩镇");
        assertThat(childNames(children(values).get(0))).containsExactly("key", "name");
    }

    @Test
    void anUnknownServiceIsA404InTheOpen311ErrorFormat() throws Exception {
        mvc.perform(get("/open311/v2/services/NO_SUCH.json"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description").value("service_code：找不到服务代码 NO_SUCH，请从 services 列表中选择。"));
        Element errors = Open311Xml.parse(mvc.perform(get("/open311/v2/services/NO_SUCH.xml"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType("text/xml;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(errors.getTagName()).isEqualTo("errors");
        Element error = Open311Xml.child(errors, "error");
        assertThat(childNames(error)).containsExactly("code", "description");
        assertThat(text(error, "code")).isEqualTo("404");
    }

    @Test
    void aPartnerSendsAnOpinionAndFollowsItByIdAndByToken() throws Exception {
        String village = villageOf(QINGYAN);
        String body = mvc.perform(submit("json")
                        .param("service_code", "URBAN")
                        .param("attribute[place_code]", village)
                        .param("description", "村口路灯坏了两个月，晚上出行很不安全")
                        .param("address_string", "村委会门口")
                        .param("lat", "26.41").param("long", "106.68")
                        .param("account_id", "hotline-account-42")
                        .param("device_id", "device-7")
                        .param("media_url", "https://12345.example.cn/media/abc.jpg"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/json;charset=UTF-8"))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].service_request_id").isString())
                .andExpect(jsonPath("$[0].token").isString())
                .andExpect(jsonPath("$[0].service_notice").value(matchesPattern("已收到.*service_request_id.*")))
                .andExpect(jsonPath("$[0].account_id").value("hotline-account-42"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        String id = JsonPath.read(body, "$[0].service_request_id");
        String token = JsonPath.read(body, "$[0].token");
        assertThat(id).matches("\\d+");
        assertThat(token).matches("[A-Za-z0-9_-]{22}");
        assertThat(jdbc.sql("select channel || '|' || external_ref from opinion where id = :id").param("id", Long.parseLong(id))
                .query(String.class).single()).isEqualTo("OPEN311|12345热线平台（演示）:" + token);
        // the place detail is kept for the office; device_id and account_id are stored nowhere
        assertThat(jdbc.sql("select place_detail from opinion where id = :id").param("id", Long.parseLong(id))
                .query(String.class).single()).isEqualTo("村委会门口");
        String stored = jdbc.sql("select (select row_to_json(o)::text from opinion o where o.id = :id)"
                        + " || (select row_to_json(r)::text from open311_request r where r.opinion_id = :id)")
                .param("id", Long.parseLong(id)).query(String.class).single();
        assertThat(stored).contains(token).doesNotContain("device-7", "hotline-account-42");

        mvc.perform(get("/open311/v2/tokens/" + token + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].token").value(token));
        Element tokens = Open311Xml.parse(mvc.perform(get("/open311/v2/tokens/" + token + ".xml"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(tokens.getTagName()).isEqualTo("service_requests");
        Element tokenRequest = Open311Xml.child(tokens, "request");
        assertThat(childNames(tokenRequest)).containsExactly("service_request_id", "token");
        assertThat(text(tokenRequest, "service_request_id")).isEqualTo(id);

        String one = mvc.perform(get("/open311/v2/requests/" + id + ".json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].service_request_id").value(id))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value("已收到"))
                .andExpect(jsonPath("$[0].service_name").value("城乡建设与住房"))
                .andExpect(jsonPath("$[0].service_code").value("URBAN"))
                .andExpect(jsonPath("$[0].description").value("村口路灯坏了两个月，晚上出行很不安全"))
                .andExpect(jsonPath("$[0].requested_datetime").value(matchesPattern(W3C)))
                .andExpect(jsonPath("$[0].updated_datetime").value(matchesPattern(W3C)))
                .andExpect(jsonPath("$[0].expected_datetime").value(nullValue()))
                .andExpect(jsonPath("$[0].address").value("青岩镇 " + regionName(village)))
                .andExpect(jsonPath("$[0].address_id").value(village))
                .andExpect(jsonPath("$[0].media_url").value("https://12345.example.cn/media/abc.jpg"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        // every field of the specification is there, empty ones as null
        assertThat(one).contains("\"lat\":null", "\"long\":null", "\"zipcode\":null", "\"agency_responsible\":null");
        assertThat(one).doesNotContain("村委会门口");

        Element requests = Open311Xml.parse(mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(requests.getTagName()).isEqualTo("service_requests");
        assertThat(childNames(requests)).containsExactly("request");
        Element request = Open311Xml.child(requests, "request");
        assertThat(childNames(request)).containsExactly("service_request_id", "status", "status_notes", "service_name",
                "service_code", "description", "agency_responsible", "service_notice", "requested_datetime",
                "updated_datetime", "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
        assertThat(text(request, "service_request_id")).isEqualTo(id);
        assertThat(text(request, "status")).isEqualTo("open");
        assertThat(text(request, "requested_datetime")).matches(W3C);
        assertThat(text(request, "lat")).isEmpty();
        assertThat(text(request, "address_id")).isEqualTo(village);
    }

    @Test
    void aPostAnsweredInXml() throws Exception {
        byte[] xml = mvc.perform(submit("xml")
                        .param("service_code", "TRAFFIC")
                        .param("attribute[place_code]", villageOf(QINGYAN))
                        .param("description", "公交站台顶棚破损，下雨天 <漏水> & 积水"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("text/xml;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray();
        Element root = Open311Xml.parse(xml);
        assertThat(root.getTagName()).isEqualTo("service_requests");
        Element request = Open311Xml.child(root, "request");
        assertThat(childNames(request)).containsExactly("service_request_id", "token", "service_notice", "account_id");
        assertThat(text(request, "service_request_id")).matches("\\d+");
        assertThat(text(request, "account_id")).isEmpty();

        // markup in the text is escaped, not interpreted
        Element listed = Open311Xml.parse(mvc.perform(get("/open311/v2/requests/" + text(request, "service_request_id") + ".xml"))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(text(Open311Xml.child(listed, "request"), "description")).isEqualTo("公交站台顶棚破损，下雨天 <漏水> & 积水");
    }

    @Test
    void aPostWithoutOrWithAWrongApiKeyIsRefusedWith403InBothFormats() throws Exception {
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("service_code", "URBAN").param("description", "没有密钥的提交"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].code").value(403))
                .andExpect(jsonPath("$[0].description").value("api_key：缺少接口密钥，无法提交诉求。"));
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("api_key", "not-a-key").param("service_code", "URBAN"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$[0].code").value(403))
                .andExpect(jsonPath("$[0].description").value("api_key：接口密钥无效或已停用，无法提交诉求。"));
        Element errors = Open311Xml.parse(mvc.perform(post("/open311/v2/requests.xml")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", "not-a-key"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentType("text/xml;charset=UTF-8"))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(errors.getTagName()).isEqualTo("errors");
        assertThat(text(Open311Xml.child(errors, "error"), "code")).isEqualTo("403");
        assertThat(text(Open311Xml.child(errors, "error"), "description")).isEqualTo("api_key：接口密钥无效或已停用，无法提交诉求。");
    }

    @Test
    void everyProblemOfARequestIsItsOwnErrorInChinese() throws Exception {
        long before = open311Opinions();
        mvc.perform(submit("json").param("description", "缺少服务代码的意见内容"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description").value("service_code：请选择问题类别。"))
                .andExpect(jsonPath("$[1].description").value("attribute[place_code]：请选择发生地点。"));
        mvc.perform(submit("json").param("service_code", "URBAN").param("description", "路".repeat(20_001)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].description").value("attribute[place_code]：请选择发生地点。"))
                .andExpect(jsonPath("$[1].description").value("description：内容不能超过 20000 个字。"));
        mvc.perform(submit("json").param("service_code", "URBAN").param("attribute[place_code]", villageOf(QINGYAN))
                        .param("description", "路灯坏了\u0007很久没人修"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].description").value("description：内容中有无法显示的控制字符，请删除后再提交。"));
        // another district's place, a bad media_url and a bad phone: all three at once
        mvc.perform(submit("json").param("service_code", "URBAN").param("attribute[place_code]", "520102")
                        .param("description", "南明区的问题不归本区办理").param("media_url", "javascript:alert(1)")
                        .param("phone", "12345"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$", hasSize(3)))
                .andExpect(jsonPath("$[0].description").value(matchesPattern("attribute\\[place_code\\]：这个地点代码不是本区的.*")))
                .andExpect(jsonPath("$[1].description").value("phone：请填写 11 位手机号码。"))
                .andExpect(jsonPath("$[2].description").value(matchesPattern("media_url：必须是以 http:// 或 https:// 开头的网址.*")));
        Element errors = Open311Xml.parse(mvc.perform(submit("xml").param("description", "短"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(childNames(errors)).containsExactly("error", "error", "error");
        assertThat(children(errors).stream().map(e -> text(e, "code")).toList()).containsOnly("400");
        assertThat(children(errors).stream().map(e -> text(e, "description")).toList())
                .containsExactly("service_code：请选择问题类别。", "attribute[place_code]：请选择发生地点。",
                        "description：内容至少 5 个字，请写清楚一些。");
        // an unknown service is a missing resource: 404, as GeoReport v2 says
        mvc.perform(submit("json").param("service_code", "POTHOLES").param("description", "这个服务代码不存在"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        assertThat(open311Opinions()).as("nothing refused was stored").isEqualTo(before);
    }

    @Test
    void problemsAreInEnglishWhenAskedFor() throws Exception {
        mvc.perform(submit("json").header("Accept-Language", "en").param("service_code", "URBAN")
                        .param("description", "The street light at the village gate is broken"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value(matchesPattern("attribute\\[place_code\\]: .+")))
                .andExpect(jsonPath("$[0].description").value(not(matchesPattern(".*[\\u4e00-\\u9fff].*"))));
    }

    @Test
    void aBodyThatIsNotAFormIsRefused() throws Exception {
        mvc.perform(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"api_key\":\"" + DEMO_KEY + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value("提交诉求请使用 application/x-www-form-urlencoded 表单格式。"));
    }

    @Test
    void unknownRequestsTokensPathsAndFormatsAre404InJson() throws Exception {
        mvc.perform(get("/open311/v2/requests/999999999.json")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get("/open311/v2/requests/abc.xml")).andExpect(status().isNotFound())
                .andExpect(content().contentType("text/xml;charset=UTF-8"));
        mvc.perform(get("/open311/v2/tokens/AAAAAAAAAAAAAAAAAAAAAA.json")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].description").value("找不到这个 token。"));
        mvc.perform(get("/open311/v2/services.csv")).andExpect(status().isNotFound())
                .andExpect(content().contentType("application/json;charset=UTF-8"))
                .andExpect(jsonPath("$[0].code").value(404))
                .andExpect(jsonPath("$[0].description").value("只支持 .xml 和 .json 两种格式。"));
        mvc.perform(get("/open311/v2/services")).andExpect(status().isNotFound())
                .andExpect(content().contentType("application/json;charset=UTF-8"))
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(get("/open311/v3/whatever.json")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$[0].code").value(404));
        mvc.perform(delete("/open311/v2/services.json")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value("此地址不接受 DELETE 请求，请使用 GET。"));
    }

    @Test
    void opinionsFromOtherChannelsAreNeitherListedNorFound() throws Exception {
        Opinion online = opinions.submit(SubmitOpinion.fromPublic(null, "127.0.0.1").category("URBAN").content("网上提交的意见不对外公开")
                .place(villageOf(QINGYAN), null).build(), List.of());
        mvc.perform(get("/open311/v2/requests/" + online.id() + ".json")).andExpect(status().isNotFound());
        mvc.perform(get("/open311/v2/requests.json").param("service_request_id", Long.toString(online.id())))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        String list = mvc.perform(get("/open311/v2/requests.json")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).doesNotContain("网上提交的意见不对外公开").doesNotContain("\"" + online.id() + "\"");
    }

    @Test
    void theOfficesWorkShowsAsStatusUnitAndExpectedDate() throws Exception {
        String id = submitted("ENVIRONMENT", "河道里漂浮垃圾很多，气味难闻", null);
        long opinionId = Long.parseLong(id);
        CivicUser office = user("office");
        opinions.accept(opinionId, office);
        long order = opinions.forward(opinionId, unitId("花溪区住房和城乡建设局"), "请核实处理", office);

        mvc.perform(get("/open311/v2/requests/" + id + ".json"))
                .andExpect(jsonPath("$[0].status").value("open"))
                .andExpect(jsonPath("$[0].status_notes").value("办理中"))
                .andExpect(jsonPath("$[0].agency_responsible").value("花溪区住房和城乡建设局"))
                .andExpect(jsonPath("$[0].expected_datetime").value(matchesPattern(W3C)));
        Element open = Open311Xml.child(Open311Xml.parse(mvc.perform(get("/open311/v2/requests/" + id + ".xml"))
                .andReturn().getResponse().getContentAsByteArray()), "request");
        assertThat(text(open, "expected_datetime")).matches(W3C);
        assertThat(text(open, "agency_responsible")).isEqualTo("花溪区住房和城乡建设局");

        mvc.perform(get("/open311/v2/requests.json").param("status", "open").param("service_code", "ENVIRONMENT"))
                .andExpect(jsonPath("$[*].service_request_id").value(hasItem(id)));
        mvc.perform(get("/open311/v2/requests.json").param("status", "closed"))
                .andExpect(jsonPath("$[*].service_request_id").value(not(hasItem(id))));

        opinions.sign(order, user("unit"));
        opinions.replyToOrder(order, "已组织清理河道垃圾，并安排每周巡查。", user("unit"));
        mvc.perform(get("/open311/v2/requests/" + id + ".json"))
                .andExpect(jsonPath("$[0].status").value("closed"))
                .andExpect(jsonPath("$[0].status_notes").value("已组织清理河道垃圾，并安排每周巡查。"))
                .andExpect(jsonPath("$[0].expected_datetime").value(nullValue()));
        mvc.perform(get("/open311/v2/requests.json").param("status", "closed"))
                .andExpect(jsonPath("$[*].service_request_id").value(hasItem(id)));
    }

    @Test
    void theListFiltersByIdsCodesAndDates() throws Exception {
        String a = submitted("EDUCATION", "学校门口接送车辆乱停放", null);
        String b = submitted("HEALTH", "卫生院周末没有医生值班", null);
        mvc.perform(get("/open311/v2/requests.json").param("service_request_id", a + "," + b + ",999999999"))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[*].service_request_id").value(hasItem(a)))
                .andExpect(jsonPath("$[*].service_request_id").value(hasItem(b)));
        mvc.perform(get("/open311/v2/requests.json").param("service_code", "EDUCATION,HEALTH"))
                .andExpect(jsonPath("$[*].service_request_id").value(hasItem(a)))
                .andExpect(jsonPath("$[*].service_request_id").value(hasItem(b)))
                .andExpect(jsonPath("$[*].service_code").value(not(hasItem("URBAN"))));
        mvc.perform(get("/open311/v2/requests.json").param("start_date", "2020-01-01T00:00:00Z").param("end_date", "2020-02-01T00:00:00+08:00"))
                .andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        // a '+' that arrives unencoded (a space) is still read as the offset
        mvc.perform(get("/open311/v2/requests.json").param("start_date", "2020-01-01T00:00:00 08:00"))
                .andExpect(status().isOk());
        mvc.perform(get("/open311/v2/requests.json").param("start_date", "yesterday"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value("start_date：日期时间格式不正确，请使用 W3C 格式，如 2026-01-01T00:00:00+08:00。"));
        mvc.perform(get("/open311/v2/requests.json").param("start_date", "2020-01-01T00:00:00Z").param("end_date", "2020-06-01T00:00:00Z"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$[0].description").value("end_date：查询的时间跨度不能超过 90 天。"));
        mvc.perform(get("/open311/v2/requests.json").param("status", "pending"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$[0].code").value(400));
        mvc.perform(get("/open311/v2/requests.json").param("service_request_id", "1;drop"))
                .andExpect(status().isBadRequest());
        Element list = Open311Xml.parse(mvc.perform(get("/open311/v2/requests.xml").param("service_request_id", a))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(childNames(list)).containsExactly("request");
        assertThat(text(Open311Xml.child(list, "request"), "service_code")).isEqualTo("EDUCATION");
    }

    @Test
    void noNameNorPhoneNorEmailEverComesOutOfAnyGet() throws Exception {
        String id = submitted("GOVERNANCE", "小区夜间噪音扰民，多次反映未解决", true);
        assertThat(jdbc.sql("select voter_name || '|' || voter_phone || '|' || voter_email || '|' || (consent_at is not null) from opinion where id = :id")
                .param("id", Long.parseLong(id)).query(String.class).single())
                .as("the partner sent them, so they are kept for the office, with consent")
                .isEqualTo(NAME_LAST + NAME_FIRST + "|" + PHONE + "|" + EMAIL + "|true");
        for (String path : List.of("/open311/v2/requests.json", "/open311/v2/requests.xml",
                "/open311/v2/requests/" + id + ".json", "/open311/v2/requests/" + id + ".xml")) {
            String body = mvc.perform(get(path)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(body).as(path).contains(id).doesNotContain(NAME_FIRST, NAME_LAST, PHONE, "13987", EMAIL, "example.com");
        }
    }

    @Test
    void theDiscoveryDocumentPointsAtVersionTwo() throws Exception {
        mvc.perform(get("/open311/discovery.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.endpoints[0].specification").value("http://wiki.open311.org/GeoReport_v2"))
                .andExpect(jsonPath("$.endpoints[0].url").value(matchesPattern("https?://.+/open311/v2")))
                .andExpect(jsonPath("$.endpoints[0].type").value("test"))
                .andExpect(jsonPath("$.endpoints[0].formats").value(hasItem("text/xml")));
        Element discovery = Open311Xml.parse(mvc.perform(get("/open311/discovery.xml"))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(childNames(discovery)).containsExactly("changeset", "contact", "key_service", "endpoints");
        assertThat(childNames(Open311Xml.child(Open311Xml.child(Open311Xml.child(discovery, "endpoints"), "endpoint"), "formats")))
                .containsExactly("format", "format");
    }

    @Test
    void aRealFormPostOverHttpWorksAsTheSpecificationShows() throws Exception {
        String form = "api_key=" + DEMO_KEY + "&service_code=RURAL&attribute%5Bplace_code%5D=" + villageOf(QINGYAN)
                + "&description=" + URLEncoder.encode("田间机耕道被冲毁，农机无法下地", StandardCharsets.UTF_8)
                + "&jurisdiction_id=huaxi.gov.cn";
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/open311/v2/requests.xml"))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/xml"));
        assertThat(response.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
        Element request = Open311Xml.child(Open311Xml.parse(response.body()), "request");
        String id = text(request, "service_request_id");
        assertThat(jdbc.sql("select content from opinion where id = :id").param("id", Long.parseLong(id)).query(String.class).single())
                .isEqualTo("田间机耕道被冲毁，农机无法下地");
    }

    @Test
    void readsAreLimitedPerAddress() throws Exception {
        // 120 a minute, refilled continuously (2 a second), so a few more pass while the loop runs
        int allowed = 0;
        MockHttpServletResponse response;
        do {
            response = mvc.perform(get("/open311/v2/services.xml").with(r -> { r.setRemoteAddr("10.9.8.7"); return r; }))
                    .andReturn().getResponse();
        } while (response.getStatus() == 200 && ++allowed < 1000);
        assertThat(response.getStatus()).isEqualTo(429);
        assertThat(response.getHeader("Retry-After")).as("when to read again, in seconds").matches("[1-9]\\d*");
        assertThat(allowed).isGreaterThanOrEqualTo(120);
        assertThat(response.getContentType()).startsWith("text/xml");
        assertThat(text(Open311Xml.child(Open311Xml.parse(response.getContentAsByteArray()), "error"), "code")).isEqualTo("429");
        mvc.perform(get("/open311/v2/services.json").with(r -> { r.setRemoteAddr("10.9.8.8"); return r; }))
                .andExpect(status().isOk());
    }

    // --- helpers ---

    private MockHttpServletRequestBuilder submit(String format) {
        return post("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED).param("api_key", DEMO_KEY);
    }

    /** A valid submission through the API; with personal data when asked. Returns the service_request_id. */
    private String submitted(String serviceCode, String description, Boolean personal) throws Exception {
        MockHttpServletRequestBuilder request = submit("json").param("service_code", serviceCode)
                .param("attribute[place_code]", villageOf(QINGYAN)).param("description", description);
        if (Boolean.TRUE.equals(personal)) {
            request.param("first_name", NAME_FIRST).param("last_name", NAME_LAST).param("phone", "+86 139-8765-4321")
                    .param("email", EMAIL);
        }
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$[0].service_request_id");
    }

    private long open311Opinions() {
        return jdbc.sql("select count(*) from opinion where channel = 'OPEN311'").query(Long.class).single();
    }

    private int categoryCount() {
        return jdbc.sql("select count(*) from opinion_category where active").query(Integer.class).single();
    }

    private String villageOf(String town) {
        return jdbc.sql("select code from region where parent_code = :t order by code limit 1").param("t", town)
                .query(String.class).single();
    }

    private String regionName(String code) {
        return jdbc.sql("select name from region where code = :c").param("c", code).query(String.class).single();
    }

    private long unitId(String name) {
        return demo.unit(name);
    }

    private CivicUser user(String username) {
        return demo.user(username);
    }
}
