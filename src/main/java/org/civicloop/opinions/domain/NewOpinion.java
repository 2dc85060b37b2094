package org.civicloop.opinions.domain;

/**
 * An opinion as it arrives from any channel, already checked for shape. Personal fields are null
 * unless the voter gave them and consented.
 */
public record NewOpinion(Channel channel, AddresseeKind addresseeKind, Long addresseeId, String category,
                         String content, String placeCode, String placeDetail, String voterName, String voterPhone,
                         String voterEmail, boolean consent, Long recordedByAccount, String externalRef,
                         String sourceIp) {
}
