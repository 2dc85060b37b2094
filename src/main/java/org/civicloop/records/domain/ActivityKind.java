package org.civicloop.records.domain;

import java.util.Arrays;
import java.util.List;

/**
 * The kinds of activity a duty record counts; each has its points rule. Most come from other modules'
 * events; the manual ones are typed in and count once the office approves them. The label of each is
 * {@code record.kind.<NAME>} in the message bundles.
 */
public enum ActivityKind {
    /** An opinion sent through the deputy's duty code (收集群众意见). */
    OPINION(false),
    /** A reception on duty (接待选民), at a site or mobile. */
    RECEPTION(false),
    /** A themed activity at a deputy home or point. */
    SITE_ACTIVITY(false),
    /** An enterprise's matter taken up and confirmed (企业诉求). */
    ENTERPRISE_MATTER(false),
    /** A dispute mediated to its close (化解矛盾纠纷). */
    DISPUTE(false),
    /** A suggestion led (领衔提出建议). */
    SUGGESTION_LED(false),
    /** A suggestion co-signed (联名提出建议). */
    SUGGESTION_COSIGNED(false),
    /** The bonus for a led suggestion closed with a class-A result (所提问题已解决). */
    SUGGESTION_CLASS_A(false),
    /** A briefing, report, training or meeting attended (知情知政). */
    BRIEFING(false),
    /** A legislative consultation taken part in (立法意见征询). */
    CONSULTATION(false),
    /** A publicity session (宣传活动), typed in. */
    PUBLICITY(true),
    /** A survey or inspection (调研视察), typed in. */
    SURVEY(true),
    /** A report to the voters (向选民述职), typed in. */
    VOTER_REPORT(true),
    /** Any other duty activity, typed in. */
    OTHER(true);

    private final boolean manual;

    ActivityKind(boolean manual) {
        this.manual = manual;
    }

    public boolean manual() {
        return manual;
    }

    public static List<ActivityKind> manualKinds() {
        return Arrays.stream(values()).filter(ActivityKind::manual).toList();
    }

    /** The kind named {@code name}, or null for anything else (a form's hostile value). */
    public static ActivityKind parse(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst().orElse(null);
    }
}
