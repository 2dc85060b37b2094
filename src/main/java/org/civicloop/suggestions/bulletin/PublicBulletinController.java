package org.civicloop.suggestions.bulletin;

import java.time.Duration;
import java.util.Locale;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Published bulletins for everyone, without sign-in (the public pages' security chain): the list,
 * each bulletin as a page and as a PDF. An unpublished bulletin does not exist here (404).
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicBulletinController {

    private final Bulletins bulletins;
    private final BulletinPdf pdf;
    private final MessageSource messages;

    @GetMapping("/public/bulletins")
    String list(Model model) {
        model.addAttribute("bulletins", bulletins.published());
        return "suggestions/bulletin/public-list";
    }

    @GetMapping("/public/bulletins/{id}")
    String bulletin(@PathVariable long id, Model model, Locale locale) {
        show(bulletins.findPublished(id), model, messages, locale);
        return "suggestions/bulletin/public-detail";
    }

    @GetMapping("/public/bulletins/{id}.pdf")
    ResponseEntity<byte[]> bulletinPdf(@PathVariable long id, Locale locale) {
        BulletinView b = bulletins.findPublished(id);
        return pdfResponse(pdf.render(b, locale), b, true);
    }

    /** A bulletin's page, for the office and for the public: the bulletin and its period in words. */
    static BulletinView show(BulletinView b, Model model, MessageSource messages, Locale locale) {
        model.addAttribute("b", b);
        model.addAttribute("periodLabel", b.period().label(messages, locale));
        return b;
    }

    /** A PDF shown in the browser; a published one may be cached by anyone (it never changes). */
    static ResponseEntity<byte[]> pdfResponse(byte[] body, BulletinView b, boolean cacheable) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .cacheControl(cacheable ? CacheControl.maxAge(Duration.ofHours(1)).cachePublic() : CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("bulletin-" + b.id() + ".pdf").build().toString())
                .body(body);
    }
}
