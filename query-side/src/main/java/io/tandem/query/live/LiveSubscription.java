package io.tandem.query.live;

/**
 * A subscription to a product topic that the broker has registered ({@code topic} and {@code userId} set), or one
 * that ended by UNSUBSCRIBE (only {@code sessionId} and {@code subscriptionId}). Published as an application event
 * after the broker handled the frame, so a push that follows reaches the new subscriber.
 */
record LiveSubscription(boolean subscribed, String sessionId, String subscriptionId, String userId,
        ProductTopic topic) {

    static LiveSubscription started(String sessionId, String subscriptionId, String userId, ProductTopic topic) {
        return new LiveSubscription(true, sessionId, subscriptionId, userId, topic);
    }

    static LiveSubscription ended(String sessionId, String subscriptionId) {
        return new LiveSubscription(false, sessionId, subscriptionId, null, null);
    }
}
