package org.civicloop.legislation.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.civicloop.legislation.drafts.DraftService;
import org.civicloop.legislation.drafts.LegislationPermissions;
import org.civicloop.liaison.LiaisonSites;
import org.civicloop.liaison.SiteSummary;
import org.civicloop.organization.CivicUser;
import org.civicloop.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A contact point's QR code for drafts, as the liaison site's duty code is for opinions: it holds
 * {@code ${civicloop.public-base-url}/public/drafts/points/{token}} (the site's own duty token), so the
 * comments left through it carry the channel QR and the point. For staff to print.
 */
@Controller
@PreAuthorize("hasAnyRole('CONGRESS_OFFICE', 'STATION_STAFF')")
class PointCodes {

    private final LiaisonSites sites;
    private final String baseUrl;

    PointCodes(LiaisonSites sites, @Value("${civicloop.public-base-url}") String baseUrl) {
        this.sites = sites;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    @GetMapping("/legislation/drafts/points/{siteId}/qr.png")
    ResponseEntity<byte[]> png(@PathVariable long siteId, @AuthenticationPrincipal CivicUser user) {
        SiteSummary site = sites.find(siteId).filter(s -> s.type().equals(DraftService.POINT_TYPE))
                .filter(s -> LegislationPermissions.mayManageDrafts(user) || LegislationPermissions.mayWorkAt(user, s))
                .orElseThrow(() -> new NotFoundException("contact-point", siteId));
        String link = baseUrl + "/public/drafts/points/" + site.dutyToken();
        try {
            var matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 240, 240,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 4));
            var out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noCache()).body(out.toByteArray());
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
