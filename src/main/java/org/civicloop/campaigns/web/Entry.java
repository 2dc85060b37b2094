package org.civicloop.campaigns.web;

/** A nominee as the public sees it: the deputy's name and constituency, the group, the reason, the votes. */
public record Entry(long nomineeId, String name, String constituency, String group, String reason, long votes, boolean chosen) {
}
