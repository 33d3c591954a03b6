package io.tandem.command.web;

import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the tests of the command API over HTTP share: a client for the running command side (a subclass is a
 * {@link CommandApiTest}) and the events it stored. JUnit runs this set-up before a subclass's own.
 */
public abstract class CommandApiFixture {

    @LocalServerPort
    protected int port;
    @Autowired
    protected MongoDatabase database;

    protected ApiClient api;
    protected EventLog events;

    @BeforeEach
    protected void connect() {
        api = new ApiClient(port);
        events = new EventLog(database);
    }
}
