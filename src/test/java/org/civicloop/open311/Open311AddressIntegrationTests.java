package org.civicloop.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicloop.open311.Open311Xml.text;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.civicloop.testing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.w3c.dom.Element;

/**
 * Clients such as FixMyStreet send {@code lat}, {@code long} and {@code address_string} and no
 * {@code attribute[place_code]}: the place is found in the address (demo regions of 花溪区, where
 * 龙井村 is both in 青岩镇 and in 党武街道), and the coordinates and the address are kept.
 */
@IntegrationTest
class Open311AddressIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aFixMyStreetStylePostFindsTheVillageInItsAddress() throws Exception {
        String body = mvc.perform(fixMyStreet("json", "贵州省贵阳市花溪区青岩古镇南街村 12 号旁")
                        .param("lat", "26.331234").param("long", "106.687654"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = Long.parseLong(JsonPath.read(body, "$[0].service_request_id"));
        assertThat(jdbc.sql("select place_code from opinion where id = :id").param("id", id).query(String.class).single())
                .as("南街村 of 青岩镇, the village rather than the town").isEqualTo("520111101201");
        Map<String, Object> kept = jdbc.sql("select lat, long, address_string from open311_request where opinion_id = :id")
                .param("id", id).query().singleRow();
        assertThat(kept.get("lat").toString()).isEqualTo("26.331234");
        assertThat(kept.get("long").toString()).isEqualTo("106.687654");
        assertThat(kept.get("address_string")).isEqualTo("贵州省贵阳市花溪区青岩古镇南街村 12 号旁");
    }

    @Test
    void aVillageNameInTwoTownsIsFoundByItsTownOrRefusedAsAmbiguous() throws Exception {
        String body = mvc.perform(fixMyStreet("json", "花溪区青岩镇龙井村村口"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        long id = Long.parseLong(JsonPath.read(body, "$[0].service_request_id"));
        assertThat(jdbc.sql("select place_code from opinion where id = :id").param("id", id).query(String.class).single())
                .isEqualTo("520111101216");

        long before = open311Opinions();
        mvc.perform(fixMyStreet("json", "花溪区龙井村村口"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].code").value(400))
                .andExpect(jsonPath("$[0].description").value(
                        "attribute[place_code]：地址可以指多个地点（党武街道龙井村、青岩镇龙井村），请写明乡镇（街道）或用 attribute[place_code] 指定。"));
        assertThat(open311Opinions()).as("nothing refused was stored").isEqualTo(before);
    }

    @Test
    void anAddressNamingNoPlaceOfTheDistrictIsA400InTheOpen311Format() throws Exception {
        long before = open311Opinions();
        Element errors = Open311Xml.parse(mvc.perform(fixMyStreet("xml", "10 Downing Street, London")
                        .param("lat", "51.5034").param("long", "-0.1276"))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsByteArray());
        Element error = Open311Xml.child(errors, "error");
        assertThat(text(error, "code")).isEqualTo("400");
        assertThat(text(error, "description")).startsWith("attribute[place_code]：地址中没有找到本区的乡镇");
        mvc.perform(fixMyStreet("json", "青岩镇南街村").param("lat", "91").param("long", "east"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].description").value("lat：坐标应为十进制度数，绝对值不超过 90。"))
                .andExpect(jsonPath("$[1].description").value("long：坐标应为十进制度数，绝对值不超过 180。"));
        assertThat(open311Opinions()).isEqualTo(before);
    }

    private MockHttpServletRequestBuilder fixMyStreet(String format, String address) {
        return post("/open311/v2/requests." + format).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("api_key", Open311ApiIntegrationTests.DEMO_KEY)
                .param("service_code", "URBAN")
                .param("description", "路灯坏了两个月，晚上出行很不安全")
                .param("address_string", address);
    }

    private long open311Opinions() {
        return jdbc.sql("select count(*) from opinion where channel = 'OPEN311'").query(Long.class).single();
    }
}
