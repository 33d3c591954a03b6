package io.tandem.events;

/** Channel through which a piece of customer feedback arrived. */
public enum FeedbackChannel {
    EMAIL, SUPPORT_TICKET, SALES_CALL, INTERVIEW, SURVEY, IN_APP, OTHER
}
