package org.civicloop.opinions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.testing.IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/** The public form, the receipt and status pages and the public JSON API, with bad input of every kind. */
@IntegrationTest
class PublicOpinionIntegrationTests {

    private static final AtomicInteger IP = new AtomicInteger(1);

    @Value("${civicloop.public-base-url}")
    String publicBaseUrl;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OpinionService service;
    @Autowired
    UserDetailsService users;
    @Autowired
    JsonMapper json;

    OpinionFixtures f;
    String village;

    @BeforeEach
    void fixtures() {
        f = new OpinionFixtures(service, users, jdbc);
        village = f.anyVillageOf(OpinionFixtures.QINGYAN);
    }

    /** Each test its own address, so the per-IP rate limit of one test does not bite another. */
    private static RequestPostProcessor fromNewAddress() {
        String ip = "198.51.100." + IP.incrementAndGet();
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    private MockMultipartHttpServletRequestBuilder form() {
        return multipart("/public/opinions").with(csrf()).with(fromNewAddress())
                .param("category", "ENVIRONMENT").param("placeCode", village);
    }

    private long count() {
        return jdbc.sql("select count(*) from opinion").query(Long.class).single();
    }

    @Test
    void theFormWorksWithoutJavaScriptAndListsPlacesByTown() throws Exception {
        mvc.perform(get("/public/opinions/new"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("反映问题和建议")))
                .andExpect(content().string(containsString("<optgroup label=\"青岩镇\">")))
                .andExpect(content().string(containsString("我同意把以上姓名和联系方式")));
    }

    @Test
    void aGoodSubmissionGoesToItsStatusPageWithTheReceiptCodeAndNothingPersonal() throws Exception {
        var result = mvc.perform(form().param("content", "河边的垃圾堆了一个月没人清理")
                        .param("voterName", "李四").param("voterPhone", "13912345678").param("consent", "true"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/public/opinions/[0-9A-Z]{5}-[0-9A-Z]{5}");
        mvc.perform(get(location))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(location.substring(location.lastIndexOf('/') + 1))))
                .andExpect(content().string(containsString("已收到")))
                .andExpect(content().string(not(containsString("李四"))))
                .andExpect(content().string(not(containsString("13912345678"))));
    }

    @Test
    void everyMissingFieldIsListedAtTheTopAndNothingIsStored() throws Exception {
        long before = count();
        mvc.perform(multipart("/public/opinions").with(csrf()).with(fromNewAddress()).param("content", "").param("voterPhone", "123"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("error-summary")))
                .andExpect(content().string(containsString("请填写您要反映的内容")))
                .andExpect(content().string(containsString("请选择问题类别")))
                .andExpect(content().string(containsString("请选择发生地点")))
                .andExpect(content().string(containsString("请填写 11 位手机号码")))
                .andExpect(content().string(containsString("请勾选同意")));
        assertThat(count()).isEqualTo(before);
    }

    /**
     * The same filled-in form sent twice (a double tap on a slow phone): one opinion, both sendings land on its receipt.
     * Each sending stored an opinion with its own receipt code. A form without the key (an old page) still works.
     */
    @Test
    void theSameFormSentTwiceStoresOneOpinion() throws Exception {
        String page = mvc.perform(get("/o/wangjg2026hx")).andReturn().getResponse().getContentAsString();
        String key = org.jsoup.Jsoup.parse(page).select("input[name=submissionKey]").val();
        assertThat(key).matches("[0-9a-f-]{36}");
        long before = count();

        String first = mvc.perform(form().param("submissionKey", key).param("addressee", "wangjg2026hx")
                        .param("content", "村口的路灯坏了一个多月，晚上很黑").param("consent", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String second = mvc.perform(form().param("submissionKey", key).param("addressee", "wangjg2026hx")
                        .param("content", "村口的路灯坏了一个多月，晚上很黑").param("consent", "true"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(first).startsWith("/public/opinions/");
        assertThat(second).isEqualTo(first);
        assertThat(count()).isEqualTo(before + 1);
        mvc.perform(form().param("submissionKey", "not-a-key").param("content", "桥头的护栏被撞坏了").param("consent", "true"))
                .andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(before + 2);
    }

    @Test
    void everyLineOfTheErrorSummaryLeadsToItsFieldAndTheConsentErrorSitsUnderTheBox() throws Exception {
        String html = mvc.perform(multipart("/public/opinions").with(csrf()).with(fromNewAddress())
                        .param("content", "").param("voterName", "王五").param("voterEmail", "not-an-address"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document page = Jsoup.parse(html);
        var links = page.select("#error-summary a");
        // content, category, place, e-mail and the consent the name needs: five problems, five links
        assertThat(links).hasSize(5);
        for (var link : links) {
            String target = link.attr("href").substring(1);
            assertThat(page.getElementById(target)).as(link.text() + " -> #" + target).isNotNull();
        }
        assertThat(page.select("#error-summary a[href=#consent]").text()).isEqualTo("留下姓名或联系方式时，请勾选同意。");
        // the box carries the id and is marked, its label points at it, and the message is beside it
        assertThat(page.select("input#consent[type=checkbox].is-invalid")).hasSize(1);
        assertThat(page.select("label[for=consent]").text()).startsWith("我同意把以上姓名和联系方式");
        assertThat(page.select("#consent ~ .invalid-feedback").text()).isEqualTo("留下姓名或联系方式时，请勾选同意。");
        // what was typed is kept
        assertThat(page.select("#voterName").attr("value")).isEqualTo("王五");
        assertThat(page.select("#voterEmail").attr("value")).isEqualTo("not-an-address");
    }

    @Test
    void theStatusPageShowsItsOwnAddressInFullToBookmark() throws Exception {
        String code = f.submitted("用于收藏链接的意见内容").receiptCode();
        Document page = Jsoup.parse(mvc.perform(get("/public/opinions/{c}", code).with(fromNewAddress()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        // at the address the public reaches, as the duty QR codes print it (not the one the request came by)
        String address = publicBaseUrl.replaceAll("/+$", "") + "/public/opinions/" + code;
        assertThat(address).startsWith("http");
        assertThat(page.select("a#status-link").attr("href")).isEqualTo(address);
        assertThat(page.select("a#status-link").text()).isEqualTo(address);
        assertThat(page.select("#receipt-code").text()).isEqualTo(code);
    }

    @Test
    void afterTheVoterSaysDissatisfiedTheFirstAnswerStaysOnTheirPage() throws Exception {
        var o = f.submitted("路灯坏了三个月，晚上很黑");
        long order = f.forwardedToHousing(o);
        service.sign(order, f.user("unit"));
        service.replyToOrder(order, "已安排人员检修路灯。", f.user("unit"));
        Document replied = statusPage(o.receiptCode());
        assertThat(replied.select("#reply-text").text()).isEqualTo("已安排人员检修路灯。");
        assertThat(replied.select(".earlier-reply")).isEmpty(); // the current answer is not repeated as an earlier one
        // the timeline names who acted: no space before the full-width bracket in Chinese, one before "(" in English
        assertThat(replied.select("#timeline").text()).contains("已交办（花溪区住房和城乡建设局）");
        Document english = Jsoup.parse(mvc.perform(get("/public/opinions/{c}", o.receiptCode()).param("lang", "en")
                .with(fromNewAddress())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(english.select("#timeline").text()).contains("Assigned (花溪区住房和城乡建设局)");

        service.rate(o.receiptCode(), org.civicloop.opinions.domain.Rating.DISSATISFIED);
        Document reopened = statusPage(o.receiptCode());
        assertThat(reopened.select("#opinion-status").text()).isEqualTo("办理中");
        assertThat(reopened.select("#reply")).isEmpty();
        assertThat(reopened.text()).contains("已重新交办（第 1 次）").contains("之前的答复");
        assertThat(reopened.select(".earlier-reply")).hasSize(1);
        assertThat(reopened.select(".earlier-reply .card-body").text()).isEqualTo("已安排人员检修路灯。");
        assertThat(reopened.select(".earlier-reply .card-header").text()).startsWith("花溪区住房和城乡建设局 于 ");

        long second = jdbc.sql("select id from work_order where opinion_id = :id and round = 2").param("id", o.id())
                .query(Long.class).single();
        service.sign(second, f.user("unit"));
        service.replyToOrder(second, "已更换灯杆和线路。", f.user("unit"));
        Document again = statusPage(o.receiptCode());
        assertThat(again.select("#reply-text").text()).isEqualTo("已更换灯杆和线路。");
        assertThat(again.select(".earlier-reply .card-body").eachText()).containsExactly("已安排人员检修路灯。");
        assertThat(again.text()).doesNotContain("张三").doesNotContain("13800138000");
    }

    private Document statusPage(String code) throws Exception {
        return Jsoup.parse(mvc.perform(get("/public/opinions/{c}", code).with(fromNewAddress()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void oversizedTextAndControlCharactersAreRefused() throws Exception {
        long before = count();
        mvc.perform(form().param("content", "长".repeat(20_001))).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("不能超过 20000 个字")));
        mvc.perform(form().param("content", "有控制字符\u0007的意见内容")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("控制字符")));
        mvc.perform(form().param("content", "地点代码不对的意见").param("placeCode", "99999999")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("请选择有效的发生地点")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void scriptTypedIntoTheFormIsStoredAsTextAndShownInert() throws Exception {
        String location = mvc.perform(form().param("content", "<script>alert('x')</script>路面坑洼<b>很多</b>"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        mvc.perform(get(location))
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;路面坑洼&lt;b&gt;很多&lt;/b&gt;")))
                .andExpect(content().string(not(containsString("<script>alert"))));
    }

    @Test
    void theHoneypotStopsRobotsAndStoresNothing() throws Exception {
        long before = count();
        mvc.perform(form().param("content", "机器人填写了隐藏字段的意见").param("website", "http://spam.example"))
                .andExpect(status().isBadRequest());
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void tooManySubmissionsFromOneAddressGet429InChinese() throws Exception {
        RequestPostProcessor sameAddress = fromNewAddress();
        for (int i = 0; i < 10; i++) {
            mvc.perform(multipart("/public/opinions").with(csrf()).with(sameAddress).param("category", "OTHER")
                    .param("placeCode", village).param("content", "同一地址的第 " + i + " 条意见")).andExpect(status().is3xxRedirection());
        }
        mvc.perform(multipart("/public/opinions").with(csrf()).with(sameAddress).param("category", "OTHER")
                        .param("placeCode", village).param("content", "第十一条意见").accept(MediaType.TEXT_HTML))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("[1-9]\\d*")))
                .andExpect(content().string(containsString("操作过于频繁")));
    }

    @Test
    void tooManyLookupsThroughTheJsonApiGet429WithRetryAfter() throws Exception {
        RequestPostProcessor sameAddress = fromNewAddress();
        int status;
        int tries = 0;
        do {
            status = mvc.perform(get("/public/api/opinions/ZZZZZ-ZZZZZ").with(sameAddress).accept(MediaType.APPLICATION_JSON))
                    .andReturn().getResponse().getStatus();
        } while (status != 429 && ++tries < 500);
        mvc.perform(get("/public/api/opinions/ZZZZZ-ZZZZZ").with(sameAddress).accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", matchesPattern("[1-9]\\d*")))
                .andExpect(jsonPath("$.status").value(429));
    }

    @Test
    void aPhotoIsStrippedOfItsMetadataAndOtherFilesAreRefused() throws Exception {
        byte[] jpeg = jpegWithExif();
        assertThat(new String(jpeg, StandardCharsets.ISO_8859_1)).contains("Exif").contains("GPS-SECRET");
        String location = mvc.perform(form().file(new MockMultipartFile("photos", "p.jpg", "image/jpeg", jpeg))
                        .param("content", "带照片的意见：路面破损"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        String code = location.substring(location.lastIndexOf('/') + 1);
        byte[] stored = jdbc.sql("select p.bytes from opinion_photo p join opinion o on o.id = p.opinion_id where o.receipt_code = :c")
                .param("c", code).query(byte[].class).single();
        assertThat(ImageIO.read(new java.io.ByteArrayInputStream(stored))).isNotNull();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Exif").doesNotContain("GPS-SECRET");

        long before = count();
        mvc.perform(form().file(new MockMultipartFile("photos", "x.jpg", "image/jpeg", "GIF89a fake".getBytes()))
                        .param("content", "伪装成图片的文件"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("照片只能是 JPG 或 PNG 格式")));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void aWrongReceiptCodeSaysSoAndALowercaseOneIsFound() throws Exception {
        String code = f.submitted("用于查询测试的意见内容").receiptCode();
        mvc.perform(get("/public/opinions/track").param("code", "ZZZZZ-ZZZZZ").with(fromNewAddress()))
                .andExpect(content().string(containsString("没有找到这个回执码")));
        mvc.perform(get("/public/opinions/track").param("code", code.toLowerCase().replace("-", " ")).with(fromNewAddress()))
                .andExpect(header().string("Location", "/public/opinions/" + code));
    }

    // ---- the same journey as JSON ----

    @Test
    void theWholeJourneyWorksThroughTheJsonApi() throws Exception {
        String body = """
                {"category":"TRAFFIC","content":"公交车班次太少，早高峰等车超过半小时","placeCode":"%s","consent":false}
                """.formatted(village);
        String created = mvc.perform(post("/public/api/opinions").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.receiptCode").exists())
                .andReturn().getResponse().getContentAsString();
        String code = json.readTree(created).get("receiptCode").asString();
        long id = jdbc.sql("select id from opinion where receipt_code = :c").param("c", code).query(Long.class).single();

        mvc.perform(post("/api/opinions/{id}/accept", id).with(httpBasic("office", "Huaxi@2026"))).andExpect(status().isOk());
        String forwarded = mvc.perform(post("/api/opinions/{id}/forward", id).with(httpBasic("office", "Huaxi@2026"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"unitId\":" + f.unitId("花溪区住房和城乡建设局") + ",\"instructions\":\"请协调公交公司\"}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long order = json.readTree(forwarded).get("workOrderId").asLong();
        mvc.perform(get("/public/api/opinions/{c}", code).with(fromNewAddress()))
                .andExpect(jsonPath("$.status").value("HANDLING"))
                .andExpect(jsonPath("$.handlingUnit").value("花溪区住房和城乡建设局"))
                .andExpect(jsonPath("$.dueAt").exists());
        mvc.perform(post("/api/work-orders/{id}/sign", order).with(httpBasic("unit", "Huaxi@2026"))).andExpect(status().isOk());
        mvc.perform(post("/api/work-orders/{id}/reply", order).with(httpBasic("unit", "Huaxi@2026"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"已协调增加早高峰班次。\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/public/api/opinions/{c}/rating", code).with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":\"SATISFIED\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.rating").value("SATISFIED"))
                .andExpect(jsonPath("$.reply").value("已协调增加早高峰班次。"));
    }

    @Test
    void badJsonGetsA400ProblemDetailInChineseAndStoresNothing() throws Exception {
        long before = count();
        mvc.perform(post("/public/api/opinions").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON).content("{\"content\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("无法读取提交的内容：格式不正确。"));
        mvc.perform(post("/public/api/opinions").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"content\": 42, \"consent\": \"maybe\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/public/api/opinions").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"URBAN\",\"content\":\"" + "长".repeat(20_001) + "\",\"placeCode\":\"" + village
                                + "\",\"voterPhone\":\"13800000000\",\"dutyCode\":\"nobody\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'content')].message").value("内容不能超过 20000 个字。"))
                .andExpect(jsonPath("$.errors[?(@.field == 'consent')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'dutyCode')]").exists());
        mvc.perform(post("/public/api/opinions").with(fromNewAddress()).contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(post("/public/api/opinions/ZZZZZ-ZZZZZ/rating").with(fromNewAddress()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"rating\":\"NOT_RATED\"}"))
                .andExpect(status().isUnprocessableContent());
        assertThat(count()).isEqualTo(before);
    }

    private static byte[] jpegWithExif() throws Exception {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream plain = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", plain);
        byte[] jpeg = plain.toByteArray();
        // splice an APP1 "Exif" segment carrying a recognisable marker right after SOI (FF D8)
        byte[] payload = ("Exif\0\0GPS-SECRET 26.41N 106.67E").getBytes(StandardCharsets.ISO_8859_1);
        int length = payload.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.write(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
