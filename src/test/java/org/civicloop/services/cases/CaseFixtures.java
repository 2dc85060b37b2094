package org.civicloop.services.cases;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicloop.services.cases.domain.CaseService;
import org.civicloop.services.cases.domain.MaterialFiles.Upload;

/** An enterprise-migration application as the tests send it: valid values, small real files. */
public final class CaseFixtures {

    private CaseFixtures() {
    }

    /** A one-pixel PNG. */
    public static final byte[] PNG = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
    public static final byte[] PDF = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Moving in with taxes and employees, no seal, no bank: four parts (market x2, tax, social insurance). */
    public static Map<String, String> answers() {
        return Map.of("origin", "guiyang", "tax-registered", "yes", "employees", "yes", "new-seal", "no", "bank", "no");
    }

    public static Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("company-name", "花溪示例科技有限公司");
        v.put("credit-code", "91520111MA6DKQ3X0R");
        v.put("legal-rep", "张三");
        v.put("legal-rep-id", "520111199003070010");
        v.put("contact-phone", "13885112345");
        v.put("old-address", "贵阳市观山湖区长岭北路1号");
        v.put("new-address", "花溪区溪北路88号");
        v.put("origin-authority", "贵阳市观山湖区市场监督管理局");
        v.put("registered-capital", "100");
        v.put("business-scope", "软件开发；信息技术咨询服务");
        v.put("move-date", "2026-12-20");
        v.put("tax-authority", "国家税务总局贵阳市观山湖区税务局");
        v.put("employees-count", "12");
        return v;
    }

    public static List<Upload> uploads() {
        return List.of(new Upload("resolution", "resolution.pdf", PDF), new Upload("address-proof", "lease.png", PNG));
    }

    public static CaseService.Application application() {
        return new CaseService.Application("enterprise-migration", answers(), values(), uploads(), "花溪示例科技有限公司",
                "13885112345", true, UUID.randomUUID().toString());
    }
}
