package io.tandem.command.demo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import io.tandem.eventstore.EventStoreCollections;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericEventMessage;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Seeds the zero-setup run with a demo product, "Tandem Checkout", whose history spans the last six weeks: roles,
 * objectives, a roadmap over NOW/NEXT/LATER, a reprioritized backlog, feedback from several channels (mostly triaged,
 * some not, one of them older than seven days), recorded decisions of the PM and the PO, and two sync meetings with
 * changes after the last one.
 *
 * <p>Runs in the {@code demo} profile at start-up, before the application reports ready, and only when
 * {@code tandem.demo.seed} is true (the default) and the event store holds no event at all; a second start keeps the
 * data it finds. The story is told with real commands through the {@link CommandGateway}, as the demo users, so every
 * decision right and business rule applies and the events carry actor and role like any other. Their timestamps lie
 * in the past because Axon's event clock ({@link GenericEventMessage#clock}) is set to each step's moment while the
 * story is told, and set back to the system clock afterwards, also when a step fails. Requests that reach the
 * command side during those seconds (it is not ready yet) would get a story timestamp too.
 */
@Component
@Profile("demo")
class DemoSeeder implements ApplicationRunner {

    /** Working days the story spans: six weeks up to yesterday. */
    static final int STORY_WORKDAYS = 30;

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    private final CommandGateway gateway;
    private final MongoDatabase database;
    private final DemoProperties properties;

    DemoSeeder(CommandGateway gateway, MongoDatabase database, DemoProperties properties) {
        this.gateway = gateway;
        this.database = database;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedIfEmpty();
    }

    /** Tells the demo story if seeding is on and the store is empty; answers the number of commands sent. */
    int seedIfEmpty() {
        if (!properties.seed()) {
            log.info("Demo seed: disabled (tandem.demo.seed=false); nothing seeded");
            return 0;
        }
        if (storeHoldsEvents()) {
            log.info("Demo seed: the event store already holds events; keeping them, nothing seeded");
            return 0;
        }
        DemoTimeline timeline = new DemoTimeline(Instant.now(), STORY_WORKDAYS);
        log.info("Demo seed: the event store is empty; seeding product \"Tandem Checkout\" ({}) with a history from"
                 + " {} to {}", DemoIds.PRODUCT, timeline.firstDay(), timeline.lastDay());
        long started = System.nanoTime();
        Story story = new Story(gateway, timeline);
        try {
            KickOffChapter.tell(story);
            BacklogChapter.tell(story);
            DeliveryChapter.tell(story);
            ShippingChapter.tell(story);
            SinceLastSyncChapter.tell(story);
        } catch (RuntimeException failure) {
            log.error("Demo seed: failed after {} commands; the store keeps what was appended", story.commands());
            throw failure;
        } finally {
            GenericEventMessage.clock = Clock.systemUTC();
        }
        log.info("Demo seed: done, {} commands sent as pm, po and contributor in {} ms; sign in as pm, po,"
                 + " contributor or viewer (password \"demo\")", story.commands(),
                 (System.nanoTime() - started) / 1_000_000);
        return story.commands();
    }

    private boolean storeHoldsEvents() {
        return database.getCollection(EventStoreCollections.EVENTS)
                       .countDocuments(new Document(), new CountOptions().limit(1)) > 0;
    }
}
