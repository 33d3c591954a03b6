package io.tandem.command.web;

import static io.tandem.command.web.Problem.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SPEC §2's decision-rights table over HTTP: every command, sent by every role and by a non-member, on a fresh product.
 * A role with the right gets its command applied, recorded with the caller as actor and that role, whatever actor the
 * body claims; a member without it gets 403, a non-member 404; a refusal stores nothing.
 */
@CommandApiTest
class DecisionRightsOverHttpTest extends CommandApiFixture {

    /** Who sends: a member holding one role, or someone who is no member of the product. */
    enum Caller {
        PRODUCT_MANAGER("pm"), PRODUCT_OWNER("po"), CONTRIBUTOR("contributor"), VIEWER("viewer"), NON_MEMBER("viewer");

        final String user;

        Caller(String user) {
            this.user = user;
        }
    }

    /** A product with an item of every kind, made fresh for each case. */
    record Plan(String productId, String roadmapItem, String backlogItem, String linkedBacklogItem, String objective,
                String feedback) {

        String path(String suffix) {
            return "/api/products/" + productId + suffix;
        }
    }

    /** A command: its endpoint as the API description names it, who may send it, and how to send it. */
    enum Command {
        CREATE_PRODUCT("POST /api/products", EnumSet.allOf(Caller.class), plan -> post("/api/products",
                "{\"name\":\"Own\"}")),
        CHANGE_VISION("PUT /api/products/{productId}/vision", pm(), plan -> put(plan.path("/vision"),
                "{\"vision\":\"Sharper\"}")),
        GRANT_ROLE("POST /api/products/{productId}/members/{userId}/roles", pm(), plan -> post(
                plan.path("/members/dana/roles"), "{\"role\":\"VIEWER\"}")),
        REVOKE_ROLE("DELETE /api/products/{productId}/members/{userId}/roles/{role}", pm(), plan -> delete(
                plan.path("/members/contributor/roles/CONTRIBUTOR"))),
        DEFINE_OBJECTIVE("POST /api/products/{productId}/objectives", pm(), plan -> post(plan.path("/objectives"),
                "{\"title\":\"Retention\",\"successMetric\":\"40%\"}")),
        RETIRE_OBJECTIVE("POST /api/products/{productId}/objectives/{objectiveId}/retire", pm(), plan -> post(
                plan.path("/objectives/" + plan.objective() + "/retire"), "{\"rationale\":\"Reached\"}")),
        PLAN_ROADMAP_ITEM("POST /api/products/{productId}/roadmap-items", pm(), plan -> post(
                plan.path("/roadmap-items"), "{\"title\":\"Export\",\"horizon\":\"LATER\"}")),
        RESCHEDULE_ROADMAP_ITEM("POST /api/products/{productId}/roadmap-items/{roadmapItemId}/reschedule", pm(),
                plan -> post(plan.path("/roadmap-items/" + plan.roadmapItem() + "/reschedule"),
                        "{\"to\":\"NEXT\",\"rationale\":\"Capacity\"}")),
        CHANGE_ROADMAP_ITEM_STATUS("PUT /api/products/{productId}/roadmap-items/{roadmapItemId}/status", pm(),
                plan -> put(plan.path("/roadmap-items/" + plan.roadmapItem() + "/status"),
                        "{\"status\":\"IN_PROGRESS\"}")),
        DROP_ROADMAP_ITEM("POST /api/products/{productId}/roadmap-items/{roadmapItemId}/drop", pm(), plan -> post(
                plan.path("/roadmap-items/" + plan.roadmapItem() + "/drop"), "{\"rationale\":\"No demand\"}")),
        ADD_BACKLOG_ITEM("POST /api/products/{productId}/backlog-items", pmOrPo(), plan -> post(
                plan.path("/backlog-items"), "{\"title\":\"Story\",\"kind\":\"STORY\"}")),
        REPRIORITIZE_BACKLOG_ITEM("POST /api/products/{productId}/backlog-items/{backlogItemId}/reprioritize", po(),
                plan -> post(plan.path("/backlog-items/" + plan.linkedBacklogItem() + "/reprioritize"),
                        "{\"toPosition\":2,\"rationale\":\"Less urgent\"}")),
        LINK_BACKLOG_ITEM("PUT /api/products/{productId}/backlog-items/{backlogItemId}/roadmap-link", pmOrPo(),
                plan -> put(plan.path("/backlog-items/" + plan.backlogItem() + "/roadmap-link"),
                        "{\"roadmapItemId\":\"" + plan.roadmapItem() + "\"}")),
        UNLINK_BACKLOG_ITEM("DELETE /api/products/{productId}/backlog-items/{backlogItemId}/roadmap-link", pmOrPo(),
                plan -> delete(plan.path("/backlog-items/" + plan.linkedBacklogItem() + "/roadmap-link"))),
        COMPLETE_BACKLOG_ITEM("POST /api/products/{productId}/backlog-items/{backlogItemId}/complete", po(),
                plan -> post(plan.path("/backlog-items/" + plan.backlogItem() + "/complete"), null)),
        REMOVE_BACKLOG_ITEM("POST /api/products/{productId}/backlog-items/{backlogItemId}/remove", po(),
                plan -> post(plan.path("/backlog-items/" + plan.backlogItem() + "/remove"),
                        "{\"rationale\":\"Duplicate\"}")),
        SUBMIT_FEEDBACK("POST /api/products/{productId}/feedback",
                EnumSet.of(Caller.PRODUCT_MANAGER, Caller.PRODUCT_OWNER, Caller.CONTRIBUTOR), plan -> post(
                        plan.path("/feedback"), "{\"channel\":\"EMAIL\",\"customerReference\":\"c-1\","
                                + "\"text\":\"Need SSO\",\"urgency\":\"LOW\"}")),
        TRIAGE_FEEDBACK("POST /api/products/{productId}/feedback/{feedbackId}/triage", pmOrPo(), plan -> post(
                plan.path("/feedback/" + plan.feedback() + "/triage"),
                "{\"outcome\":\"DECLINED\",\"rationale\":\"Out of scope\"}")),
        RECORD_DECISION("POST /api/products/{productId}/decisions", pmOrPo(), plan -> post(plan.path("/decisions"),
                "{\"title\":\"Use STOMP\",\"decision\":\"STOMP over WebSocket\"}")),
        HOLD_SYNC_MEETING("POST /api/products/{productId}/sync-meetings", pmOrPo(), plan -> post(
                plan.path("/sync-meetings"), "{\"title\":\"Weekly\"}")),
        FORGET_CUSTOMER("POST /api/products/{productId}/customers/{customerReference}/forget", pmOrPo(), plan -> post(
                plan.path("/customers/cust-42/forget"), null));

        final String endpoint;
        final Set<Caller> allowed;
        final Function<Plan, Request> request;

        Command(String endpoint, Set<Caller> allowed, Function<Plan, Request> request) {
            this.endpoint = endpoint;
            this.allowed = allowed;
            this.request = request;
        }
    }

    /** A request of a command; the body claims another actor, which must not matter. */
    record Request(String method, String path, String json) {
    }

    Scenario scenario;

    @BeforeEach
    void setUp() {
        scenario = new Scenario(api);
    }

    static Stream<Arguments> everyCommandByEveryCaller() {
        return Arrays.stream(Command.values())
                .flatMap(command -> Arrays.stream(Caller.values()).map(caller -> Arguments.of(command, caller)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("everyCommandByEveryCaller")
    void aCommandIsAppliedExactlyForTheRolesThatHoldTheDecisionRight(Command command, Caller caller) {
        Plan plan = plan(caller != Caller.NON_MEMBER);
        Request request = command.request.apply(plan);
        long before = events.count();

        ApiClient.Response response = send(caller.user, request);

        if (command.allowed.contains(caller)) {
            assertThat(response.status()).as("%s", response).isIn(200, 201);
            String aggregate = command == Command.CREATE_PRODUCT || command.name().endsWith("_FEEDBACK")
                    ? response.id() : plan.productId();
            Document metaData = events.metaDataAt(aggregate, response.version());
            assertThat(metaData.getString("actor")).isEqualTo(caller.user);
            assertThat(metaData.getString("role")).isEqualTo(command == Command.CREATE_PRODUCT
                    ? "PRODUCT_MANAGER" : caller.name());
        } else if (caller == Caller.NON_MEMBER) {
            assertProblem(response, 404, "not-found");
            assertThat(events.count()).isEqualTo(before);
        } else {
            assertProblem(response, 403, "forbidden");
            assertThat(events.count()).isEqualTo(before);
        }
    }

    @Test
    void theTableCoversEveryCommandEndpointOfTheApiDescription() {
        Set<String> described = DescribedEndpoint.all(api.anonymous().get("/v3/api-docs").json()).stream()
                .map(endpoint -> endpoint.method() + " " + endpoint.template()).collect(Collectors.toSet());

        assertThat(Arrays.stream(Command.values()).map(command -> command.endpoint))
                .containsExactlyInAnyOrderElementsOf(described);
    }

    /** A fresh product by pm; with the team, po, contributor and viewer each hold one role, else viewer is none. */
    private Plan plan(boolean viewerIsMember) {
        String productId = scenario.product("pm");
        scenario.grant(productId, "po", "PRODUCT_OWNER");
        scenario.grant(productId, "contributor", "CONTRIBUTOR");
        if (viewerIsMember) {
            scenario.grant(productId, "viewer", "VIEWER");
        }
        String roadmapItem = scenario.roadmapItem(productId, "NOW");
        String linked = scenario.backlogItem(productId);
        ApiClient.Response link = api.as("po").put("/api/products/" + productId + "/backlog-items/" + linked
                + "/roadmap-link", "{\"roadmapItemId\":\"" + roadmapItem + "\"}");
        assertThat(link.status()).as("%s", link).isEqualTo(200);
        return new Plan(productId, roadmapItem, scenario.backlogItem(productId), linked, scenario.objective(productId),
                scenario.feedback(productId));
    }

    private ApiClient.Response send(String user, Request request) {
        ApiClient.Call call = api.as(user);
        String json = request.json() == null ? null : request.json().replaceFirst("^\\{",
                "{\"actor\":\"intruder\",\"actedAs\":\"PRODUCT_MANAGER\",\"metaData\":{\"actor\":\"intruder\"},");
        return switch (request.method()) {
            case "POST" -> call.post(request.path(), json);
            case "PUT" -> call.put(request.path(), json);
            default -> call.delete(request.path());
        };
    }

    private static Request post(String path, String json) {
        return new Request("POST", path, json);
    }

    private static Request put(String path, String json) {
        return new Request("PUT", path, json);
    }

    private static Request delete(String path) {
        return new Request("DELETE", path, null);
    }

    private static Set<Caller> pm() {
        return EnumSet.of(Caller.PRODUCT_MANAGER);
    }

    private static Set<Caller> po() {
        return EnumSet.of(Caller.PRODUCT_OWNER);
    }

    private static Set<Caller> pmOrPo() {
        return EnumSet.of(Caller.PRODUCT_MANAGER, Caller.PRODUCT_OWNER);
    }
}
