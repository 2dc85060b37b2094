package org.civicloop.opinions.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.civicloop.shared.InvalidInput.Problem;
import org.civicloop.shared.TextRules;

/**
 * 提交意见: an opinion as any channel hands it in — the public form, a staff member's record of a
 * visit or reception, the public JSON API, a partner system (Open311) or the 12345 hotline import.
 * Entry points only map what they received onto one of the factories below; the command
 * normalises its fields (text stripped, blanks to null) and {@link #problems} reports every
 * problem of its shape at once. {@link OpinionService#check} adds what needs the database (is the
 * category open, is the place the district's) and {@link OpinionService#submit} stores it.
 *
 * @param channel           how it came in; null only when a staff form named no valid one (a problem)
 * @param addresseeKind     whose duty QR code it was sent to, or for whom it was recorded; null for none
 * @param voterName         the voter's contact, null unless given; kept only with {@code consent}
 * @param consent           the voter agreed that their contact be kept (the hotline's and a partner's
 *                          own consent counts: see {@link #hotline} and {@link #fromPartner})
 * @param recordedByAccount the staff account that recorded it in person
 * @param externalRef       the hotline ticket or the partner's reference; unique per channel
 * @param reception         when and where an opinion recorded in person was heard; null otherwise
 * @param submissionKey     the sending form's one-time key (a second submission with it stores nothing)
 * @param receptionId       the liaison reception (接待) it was heard at, when the recorder named one; null otherwise
 */
public record SubmitOpinion(Channel channel, AddresseeKind addresseeKind, Long addresseeId, String category,
                            String content, String placeCode, String placeDetail, String voterName,
                            String voterPhone, String voterEmail, boolean consent, Long recordedByAccount,
                            String externalRef, String sourceIp, ReceptionDetails reception, UUID submissionKey,
                            Long receptionId) {

    public static final int PLACE_DETAIL_MAX_LENGTH = 200;
    public static final int VOTER_NAME_MAX_LENGTH = 50;
    /** The longest category code (opinion.category is varchar(30)) and hotline or partner reference (varchar(64)). */
    static final int CATEGORY_MAX_LENGTH = 30;
    static final int EXTERNAL_REF_MAX_LENGTH = 64;
    /** The order problems are listed in: the order the forms show the fields. */
    static final List<String> FIELDS = List.of("channel", "content", "category", "placeCode", "placeDetail",
            "voterName", "voterPhone", "voterEmail", "consent");

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,190}\\.[A-Za-z]{2,20}");
    private static final Pattern PLACE_CODE = Pattern.compile("\\d{2,12}");

    public SubmitOpinion {
        category = orNull(category);
        content = orNull(content);
        placeCode = orNull(placeCode);
        placeDetail = orNull(placeDetail);
        voterName = orNull(voterName);
        voterPhone = orNull(voterPhone);
        voterEmail = orNull(voterEmail);
        externalRef = orNull(externalRef);
        sourceIp = orNull(sourceIp);
        if (addresseeKind == null || addresseeId == null) {
            addresseeKind = null;
            addresseeId = null;
        }
    }

    /** The public form or the JSON API: through a duty QR code when it names an addressee, online otherwise. */
    public static Builder fromPublic(Addressing.Addressee addressee, String sourceIp) {
        Builder b = new Builder(addressee == null ? Channel.ONLINE : Channel.QR).sourceIp(sourceIp);
        return addressee == null ? b : b.addressee(addressee.kind(), addressee.id());
    }

    /**
     * Heard in person (a visit, a reception, a market day) and recorded by a staff account, for the
     * addressee it counts for (null for none).
     */
    public static Builder recorded(Channel channel, Addressing.Addressee addressee, long recordedByAccount) {
        Builder b = new Builder(channel).recordedBy(recordedByAccount);
        return addressee == null ? b : b.addressee(addressee.kind(), addressee.id());
    }

    /** A 12345 hotline ticket. The hotline recorded the caller's contact under its own consent. */
    public static Builder hotline(String ticket) {
        return new Builder(Channel.HOTLINE).externalRef(ticket).consent(true);
    }

    /**
     * From a partner system (Open311, or a hotline platform through the {@code Opinions} facade). A
     * partner sends personal data only with the person's consent, and says so in {@code consent}.
     */
    public static Builder fromPartner(Channel channel, String externalRef, String sourceIp) {
        return new Builder(channel).externalRef(externalRef).sourceIp(sourceIp);
    }

    /** Any channel with every field set by hand: the demo data and tests. */
    public static Builder of(Channel channel) {
        return new Builder(channel);
    }

    /** Whether the voter left anything that identifies them (name, phone or e-mail). */
    public boolean personal() {
        return voterName != null || voterPhone != null || voterEmail != null;
    }

    /**
     * Every problem of the command's shape, in the order the forms show the fields; empty when it
     * may be stored (as far as can be told without the database).
     */
    public List<Problem> problems(OpinionsProperties rules) {
        List<Problem> problems = new ArrayList<>();
        if (channel == null) {
            problems.add(new Problem("channel", "opinion.error.channel"));
        }
        if (content == null) {
            problems.add(new Problem("content", "opinion.error.contentRequired"));
        } else if (TextRules.visibleLength(content) < rules.contentMinLength()) {
            problems.add(new Problem("content", "opinion.error.contentTooShort", String.valueOf(rules.contentMinLength())));
        } else if (length(content) > rules.contentMaxLength()) {
            problems.add(new Problem("content", "opinion.error.contentTooLong", String.valueOf(rules.contentMaxLength())));
        } else if (hasControlCharacters(content, true)) {
            problems.add(new Problem("content", "opinion.error.controlCharacters"));
        }
        if (category == null) {
            problems.add(new Problem("category", "opinion.error.categoryRequired"));
        } else if (category.length() > CATEGORY_MAX_LENGTH || hasControlCharacters(category, false)) {
            problems.add(new Problem("category", "opinion.error.category"));
        }
        if (externalRef != null && (externalRef.length() > EXTERNAL_REF_MAX_LENGTH || hasControlCharacters(externalRef, false))) {
            problems.add(new Problem("externalRef", "input.error.tooLong", String.valueOf(EXTERNAL_REF_MAX_LENGTH),
                    String.valueOf(TextRules.length(externalRef))));
        }
        if (placeCode == null) {
            problems.add(new Problem("placeCode", "opinion.error.placeRequired"));
        } else if (!PLACE_CODE.matcher(placeCode).matches()) {
            problems.add(new Problem("placeCode", "opinion.error.place"));
        }
        if (placeDetail != null && (placeDetail.length() > PLACE_DETAIL_MAX_LENGTH || hasControlCharacters(placeDetail, false))) {
            problems.add(new Problem("placeDetail", "opinion.error.placeDetail", String.valueOf(PLACE_DETAIL_MAX_LENGTH)));
        }
        if (voterName != null && (voterName.length() > VOTER_NAME_MAX_LENGTH || hasControlCharacters(voterName, false))) {
            problems.add(new Problem("voterName", "opinion.error.voterName", String.valueOf(VOTER_NAME_MAX_LENGTH)));
        }
        if (voterPhone != null && !MOBILE.matcher(voterPhone).matches()) {
            problems.add(new Problem("voterPhone", "opinion.error.voterPhone"));
        }
        if (voterEmail != null && !EMAIL.matcher(voterEmail).matches()) {
            problems.add(new Problem("voterEmail", "opinion.error.voterEmail"));
        }
        if (personal() && !consent) {
            problems.add(new Problem("consent", "opinion.error.consent"));
        }
        return problems;
    }

    /** Problems sorted into the order of {@link #FIELDS}; fields it does not know come last, as they came. */
    static List<Problem> inFieldOrder(List<Problem> problems) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(p -> FIELDS.contains(p.field()) ? FIELDS.indexOf(p.field()) : FIELDS.size()));
        return sorted;
    }

    static boolean hasControlCharacters(String s, boolean allowLineBreaks) {
        return TextRules.hasControlCharacters(s, allowLineBreaks);
    }

    static String orNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** Fills a {@link SubmitOpinion}; start from one of its factories. */
    public static final class Builder {
        private final Channel channel;
        private AddresseeKind addresseeKind;
        private Long addresseeId;
        private String category;
        private String content;
        private String placeCode;
        private String placeDetail;
        private String voterName;
        private String voterPhone;
        private String voterEmail;
        private boolean consent;
        private Long recordedByAccount;
        private String externalRef;
        private String sourceIp;
        private ReceptionDetails reception;
        private UUID submissionKey;
        private Long receptionId;

        private Builder(Channel channel) {
            this.channel = channel;
        }

        public Builder category(String category) {
            this.category = category;
            return this;
        }

        public Builder content(String content) {
            this.content = content;
            return this;
        }

        /** The place code (a village, town or street of the district) and, optionally, where exactly. */
        public Builder place(String placeCode, String placeDetail) {
            this.placeCode = placeCode;
            this.placeDetail = placeDetail;
            return this;
        }

        /** The voter's contact as given; any of them may be null or blank. */
        public Builder voter(String name, String phone, String email) {
            this.voterName = name;
            this.voterPhone = phone;
            this.voterEmail = email;
            return this;
        }

        /** The voter's tick (null when the box was not sent counts as not ticked). */
        public Builder consent(Boolean consent) {
            this.consent = Boolean.TRUE.equals(consent);
            return this;
        }

        public Builder addressee(AddresseeKind kind, Long id) {
            this.addresseeKind = kind;
            this.addresseeId = id;
            return this;
        }

        public Builder recordedBy(Long accountId) {
            this.recordedByAccount = accountId;
            return this;
        }

        public Builder externalRef(String externalRef) {
            this.externalRef = externalRef;
            return this;
        }

        public Builder sourceIp(String sourceIp) {
            this.sourceIp = sourceIp;
            return this;
        }

        /** When and where it was heard in person, and the recording form's one-time key (both may be null). */
        public Builder reception(ReceptionDetails reception, UUID submissionKey) {
            this.reception = reception;
            this.submissionKey = submissionKey;
            return this;
        }

        /**
         * The sending client's one-time key for an opinion not recorded in person (the public API's
         * {@code Idempotency-Key}): a second submission with it stores nothing. Null for none.
         */
        public Builder submissionKey(UUID submissionKey) {
            this.submissionKey = submissionKey;
            return this;
        }

        /** The liaison reception it was heard at (stored beside {@link #reception}; null for none). */
        public Builder receptionId(Long receptionId) {
            this.receptionId = receptionId;
            return this;
        }

        public SubmitOpinion build() {
            return new SubmitOpinion(channel, addresseeKind, addresseeId, category, content, placeCode, placeDetail,
                    voterName, voterPhone, voterEmail, consent, recordedByAccount, externalRef, sourceIp, reception,
                    submissionKey, receptionId);
        }
    }
}
