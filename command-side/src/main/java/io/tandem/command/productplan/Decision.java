package io.tandem.command.productplan;

/**
 * The decisions a member of a product can make; {@link DecisionRights} says which roles may make each one
 * (SPEC §2). Reading is not a decision: every member may read.
 */
public enum Decision {
    /** Change the product vision. */
    CHANGE_VISION,
    /** Grant or revoke roles. */
    MANAGE_ROLES,
    /** Define or retire objectives. */
    MANAGE_OBJECTIVES,
    /** Plan, reschedule, change the status of or drop roadmap items. */
    MANAGE_ROADMAP,
    /** Add backlog items, link them to and unlink them from roadmap items. */
    EDIT_BACKLOG,
    /** Reprioritize, complete or remove backlog items. */
    ORDER_BACKLOG,
    /** Submit customer feedback. */
    SUBMIT_FEEDBACK,
    /** Triage feedback: link it to an item, decline it, mark it a duplicate. */
    TRIAGE_FEEDBACK,
    /** Record an ADR-like decision. */
    RECORD_DECISION,
    /** Hold a sync meeting. */
    HOLD_SYNC_MEETING,
    /** Erase a customer's personal data (right to erasure). */
    FORGET_CUSTOMER
}
