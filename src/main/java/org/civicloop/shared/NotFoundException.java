package org.civicloop.shared;

/**
 * The thing does not exist, or exists outside the caller's data scope: both answer 404 so that a
 * unit cannot probe for another unit's items.
 */
public class NotFoundException extends BusinessException {

    public NotFoundException(String subjectType, Object id) {
        super(404, "error.notFound.detail", subjectType, String.valueOf(id));
    }
}
