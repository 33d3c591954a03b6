package io.tandem.events;

/** A role a member holds in a product; decision rights follow from it (SPEC §2). */
public enum Role {
    PRODUCT_MANAGER, PRODUCT_OWNER, CONTRIBUTOR, VIEWER
}
