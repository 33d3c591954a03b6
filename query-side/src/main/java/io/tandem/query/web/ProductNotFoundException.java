package io.tandem.query.web;

/**
 * The product (or an item of it) is unknown, or the caller is not a member: both answer 404, so that product names
 * and ids do not leak to outsiders.
 */
class ProductNotFoundException extends RuntimeException {

    ProductNotFoundException(String detail) {
        super(detail, null, false, false);
    }
}
