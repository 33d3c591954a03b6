package io.tandem.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.tandem.system.ExactlyOnceAudit.Request;
import io.tandem.system.StoredEventLog.StoredEvent;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The audit the reliability tests rely on finds each kind of failure they are about. */
class ExactlyOnceAuditTest {

    private static StoredEvent event(long position, String correlationId) {
        return new StoredEvent(position, "p", position, "io.tandem.events.BacklogItemReprioritizedEvent",
                               new Document(), new Document("correlationId", correlationId));
    }

    private static ExactlyOnceAudit audit(List<Request> requests, List<StoredEvent> events) {
        return ExactlyOnceAudit.of(requests, events, e -> e.meta("correlationId"));
    }

    @Test
    void acceptsOneEventPerAcceptedRequestAndNoneForARejectedOne() {
        ExactlyOnceAudit audit = audit(List.of(new Request("a", true), new Request("b", false)),
                                       List.of(event(1, "a")));

        assertThat(audit.clean()).isTrue();
        assertThat(audit.checked()).isEqualTo(1);
    }

    @Test
    void findsAnAcceptedRequestWhoseEventIsMissing() {
        ExactlyOnceAudit audit = audit(List.of(new Request("a", true), new Request("b", true)), List.of(event(1, "a")));

        assertThat(audit.lost()).containsExactly("b");
        assertThat(audit.clean()).isFalse();
    }

    @Test
    void findsARequestAppendedTwice() {
        ExactlyOnceAudit audit = audit(List.of(new Request("a", true)), List.of(event(1, "a"), event(2, "a")));

        assertThat(audit.duplicated()).containsExactly("a -> 2");
    }

    @Test
    void findsARejectedRequestThatAppendedAnyway() {
        ExactlyOnceAudit audit = audit(List.of(new Request("a", false)), List.of(event(1, "a")));

        assertThat(audit.appendedByRejected()).containsExactly("a -> 1");
    }

    @Test
    void findsAnEventNoRequestAccountsFor() {
        ExactlyOnceAudit audit = audit(List.of(), List.of(event(7, "x")));

        assertThat(audit.unclaimed()).hasSize(1);
    }
}
