package org.civicloop.opinions.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.civicloop.opinions.Opinions;
import org.civicloop.opinions.domain.Opinion;
import org.civicloop.opinions.domain.OpinionQueries;
import org.civicloop.opinions.domain.OpinionService;
import org.civicloop.opinions.domain.StatusLinks;
import org.civicloop.opinions.domain.OpinionsProperties;
import org.civicloop.opinions.domain.PhotoCleaner;
import org.civicloop.opinions.domain.Rating;
import org.civicloop.opinions.domain.ReceiptCodes;
import org.civicloop.opinions.domain.SubmissionLimits;
import org.civicloop.opinions.domain.SubmitOpinion;
import org.civicloop.shared.BusinessException;
import org.civicloop.shared.NotFoundException;
import org.civicloop.shared.web.FormErrors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public's pages: the opinion form (from a QR code or not), the receipt, the status page with
 * the rating buttons. No sign-in, no JavaScript needed, nothing personal shown.
 */
@Controller
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
class PublicOpinionController {

    private final OpinionService service;
    private final OpinionQueries queries;
    private final OpinionsProperties rules;
    private final SubmissionLimits limits;
    private final PublicPages pages;
    private final HeldPhotos heldPhotos;
    private final StatusLinks statusLinks;

    @GetMapping("/public/opinions/new")
    String form(Model model) {
        pages.formModel(model, PublicOpinionForm.empty(""), null);
        return "opinions/public/form";
    }

    @GetMapping("/o/{token}")
    String addressedForm(@PathVariable String token, Model model) {
        var addressee = pages.addressee(token).orElseThrow(() -> new NotFoundException("duty-code", token));
        pages.formModel(model, PublicOpinionForm.empty(token), addressee);
        return "opinions/public/form";
    }

    @PostMapping("/public/opinions")
    String submit(@ModelAttribute("form") PublicOpinionForm form, BindingResult binding,
                  @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
                  @RequestParam(name = "heldPhotos", required = false) String heldToken,
                  @RequestParam(name = "dropHeldPhotos", defaultValue = "false") boolean dropHeld,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect)
            throws IOException {
        UUID key = oneTimeKey(form.submissionKey());
        if (key != null) {
            // sent again (a double tap, a resend after a timeout): the receipt of the first, nothing stored twice
            Optional<String> first = queries.submittedWith(key);
            if (first.isPresent()) {
                return "redirect:/public/opinions/" + first.get();
            }
        }
        var addressee = blank(form.addressee()) ? null : pages.addressee(form.addressee()).orElse(null);
        if (!blank(form.website())) {
            binding.reject("opinion.error.rejected");
        }
        SubmitOpinion opinion = SubmitOpinion.fromPublic(addressee, request.getRemoteAddr())
                .category(form.category()).content(form.content()).place(form.placeCode(), form.placeDetail())
                .voter(form.voterName(), form.voterPhone(), form.voterEmail()).consent(form.consent()).submissionKey(key).build();
        FormErrors.reject(binding, service.check(opinion));
        List<MultipartFile> files = photos == null ? List.of() : photos.stream().filter(f -> !f.isEmpty()).toList();
        // photos held from the form's last round come first, unless the voter chose to remove them
        List<PhotoCleaner.CleanPhoto> cleaned = new ArrayList<>(dropHeld ? List.of() : heldPhotos.find(heldToken));
        if (cleaned.size() + files.size() > rules.maxPhotos()) {
            FormErrors.rejectValue(binding, "content", "opinion.error.tooManyPhotos", new Object[] {rules.maxPhotos()}, null);
        } else {
            for (MultipartFile file : files) {
                try {
                    cleaned.add(PhotoCleaner.clean(file.getBytes(), rules.maxPhotoBytes()));
                } catch (BusinessException e) {
                    binding.reject(e.messageKey(), e.arguments(), e.messageKey());
                }
            }
        }
        if (!binding.hasErrors()) {
            try {
                limits.checkSubmission(request.getRemoteAddr(), opinion.voterPhone());
                Opinion saved = service.submit(opinion, cleaned);
                heldPhotos.release(heldToken);
                redirect.addFlashAttribute("justSubmitted", true);
                return "redirect:/public/opinions/" + saved.receiptCode();
            } catch (DuplicateKeyException sentTwiceAtOnce) {
                // the other sending stored it first, between the look-up above and this one's insert (rolled back)
                return "redirect:/public/opinions/" + queries.submittedWith(key).orElseThrow(() -> sentTwiceAtOnce);
            } catch (Opinions.InvalidOpinion e) {
                FormErrors.reject(binding, e.problems());
            } catch (BusinessException e) {
                if (e.status() == 429) {
                    throw e;
                }
                binding.reject(e.messageKey(), e.arguments(), e.messageKey());
            }
        }
        // the form again, every problem listed; 400 tells programs and tests that nothing was stored
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        pages.formModel(model, form, addressee);
        // the good photos are held for the next round, so the voter need not attach them again
        model.addAttribute("heldPhotos", heldPhotos.hold(heldToken, cleaned));
        model.addAttribute("heldPhotoCount", cleaned.size());
        return "opinions/public/form";
    }

    @GetMapping("/public/opinions/track")
    String track(@RequestParam(name = "code", required = false) String code, Model model, HttpServletRequest request) {
        if (code == null) {
            return "opinions/public/track";
        }
        limits.checkLookup(request.getRemoteAddr());
        var normalised = ReceiptCodes.normalise(code);
        if (normalised.isEmpty() || queries.publicStatus(normalised.get()).isEmpty()) {
            model.addAttribute("notFound", true);
            model.addAttribute("code", code);
            return "opinions/public/track";
        }
        return "redirect:/public/opinions/" + normalised.get();
    }

    @GetMapping("/public/opinions/{code}")
    String status(@PathVariable String code, Model model, HttpServletRequest request) {
        limits.checkLookup(request.getRemoteAddr());
        String normalised = ReceiptCodes.normalise(code).orElseThrow(() -> new NotFoundException("opinion", code));
        if (!normalised.equals(code)) {
            return "redirect:/public/opinions/" + normalised;
        }
        pages.statusModel(model, normalised);
        // the page's own address in full, for a voter whose phone's browser hides it (a chat app's), at the
        // address the public reaches, not the one this request came by
        model.addAttribute("statusLink", statusLinks.of(normalised));
        return "opinions/public/status";
    }

    @PostMapping("/public/opinions/{code}/rating")
    String rate(@PathVariable String code, @RequestParam("rating") String rating, RedirectAttributes redirect,
                HttpServletRequest request) {
        limits.checkLookup(request.getRemoteAddr());
        Rating value;
        try {
            value = Rating.ofVoterChoice(rating);
        } catch (IllegalArgumentException e) {
            throw BusinessException.invalid("opinion.error.rating");
        }
        Opinion rated = service.rate(code, value);
        redirect.addFlashAttribute("rated", rated.status().name());
        return "redirect:/public/opinions/" + rated.receiptCode();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The form's one-time key; a missing or malformed one (an old page, a hand-made request) is none. */
    private static UUID oneTimeKey(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
