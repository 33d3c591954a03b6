package io.tandem.support.personaldata;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.tandem.events.SealedContact;
import io.tandem.eventstore.embedded.Durability;
import io.tandem.eventstore.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PersonalDataVaultTest {

    private static final CustomerContact ZOE = new CustomerContact("Zoë Ångström", "zoe@example.org");

    private static EmbeddedMongoServer server;
    private static MongoClient client;
    private MongoDatabase database;
    private PersonalDataVault vault;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.start(EmbeddedMongoServer.Backend.MEMORY, Path.of("unused"), "127.0.0.1", 0,
                Durability.COMMIT);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @org.junit.jupiter.api.BeforeEach
    void freshDatabase() {
        database = client.getDatabase("vault_" + System.nanoTime());
        vault = new PersonalDataVault(new MongoCustomerKeys(database));
    }

    @Test
    void opensWhatItSealedAndStoresNoPlaintext() {
        SealedContact sealed = vault.seal("p1", "cust-1", ZOE);

        assertThat(vault.open("p1", "cust-1", sealed)).contains(ZOE);
        String stored = sealed + database.getCollection(MongoCustomerKeys.COLLECTION).find().first().toJson();
        assertThat(stored).doesNotContain("Zoë", "Ångström", "example.org");
    }

    @Test
    void sealsEachTimeWithAFreshNonceUnderOneKeyPerCustomer() {
        SealedContact first = vault.seal("p1", "cust-1", ZOE);
        SealedContact second = vault.seal("p1", "cust-1", ZOE);

        assertThat(first.nonce()).isNotEqualTo(second.nonce());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
        assertThat(database.getCollection(MongoCustomerKeys.COLLECTION).countDocuments()).isEqualTo(1);
        assertThat(vault.open("p1", "cust-1", first)).contains(ZOE);
    }

    @Test
    void forgottenCustomersContactCannotBeOpenedAndItsKeyIsGone() {
        SealedContact sealed = vault.seal("p1", "cust-1", ZOE);
        SealedContact other = vault.seal("p1", "cust-2", new CustomerContact("Bo", "bo@example.org"));

        assertThat(vault.forget("p1", "cust-1")).isTrue();

        assertThat(vault.open("p1", "cust-1", sealed)).isEmpty();
        assertThat(vault.open("p1", "cust-2", other)).isPresent();
        assertThat(database.getCollection(MongoCustomerKeys.COLLECTION).find(new Document("_id", "p1/cust-1")).first())
                .isNull();
        assertThat(vault.forget("p1", "cust-1")).isFalse();
    }

    @Test
    void aNewKeyAfterErasureDoesNotOpenWhatWasSealedBefore() {
        SealedContact before = vault.seal("p1", "cust-1", ZOE);
        vault.forget("p1", "cust-1");

        SealedContact after = vault.seal("p1", "cust-1", new CustomerContact("Zoë", null));

        assertThat(vault.open("p1", "cust-1", before)).isEmpty();
        assertThat(vault.open("p1", "cust-1", after)).contains(new CustomerContact("Zoë", null));
    }

    @Test
    void aSealOpensOnlyAsTheCustomerItWasSealedFor() {
        SealedContact sealed = vault.seal("p1", "cust-1", ZOE);
        byte[] key = database.getCollection(MongoCustomerKeys.COLLECTION).find().first().get("key", Binary.class)
                .getData();
        database.getCollection(MongoCustomerKeys.COLLECTION).insertOne(
                new Document("_id", "p1/cust-2").append("key", new Binary(key)));

        assertThat(vault.open("p1", "cust-2", sealed)).as("same key bytes, other customer").isEmpty();
        byte[] tampered = Base64.getDecoder().decode(sealed.ciphertext());
        tampered[0] ^= 1;
        assertThat(vault.open("p1", "cust-1",
                new SealedContact(sealed.nonce(), Base64.getEncoder().encodeToString(tampered)))).isEmpty();
    }

    @Test
    void opensManyWithOneLookupLeavingOutForgottenCustomers() {
        SealedContact zoe = vault.seal("p1", "cust-1", ZOE);
        SealedContact bo = vault.seal("p1", "cust-2", new CustomerContact("Bo", "bo@example.org"));
        vault.forget("p1", "cust-2");

        Map<String, CustomerContact> opened = vault.openAll("p1", Map.of(
                "f1", new PersonalDataVault.Customer("cust-1", zoe),
                "f2", new PersonalDataVault.Customer("cust-2", bo),
                "f3", new PersonalDataVault.Customer("cust-1", zoe)));

        assertThat(opened).containsOnlyKeys("f1", "f3").containsEntry("f1", ZOE);
    }
}
