package io.tandem.command.demo;

import static io.tandem.command.demo.DemoIds.OBJ_CONVERSION;
import static io.tandem.command.demo.DemoIds.OBJ_MARKETS;
import static io.tandem.command.demo.DemoIds.OBJ_TRUST;
import static io.tandem.command.demo.DemoIds.PRODUCT;
import static io.tandem.command.demo.DemoIds.RM_3DS2;
import static io.tandem.command.demo.DemoIds.RM_ADDRESS;
import static io.tandem.command.demo.DemoIds.RM_GUEST;
import static io.tandem.command.demo.DemoIds.RM_LOCAL_PAYMENTS;
import static io.tandem.command.demo.DemoIds.RM_ONE_CLICK;
import static io.tandem.command.demo.DemoIds.RM_PAY_LATER;
import static io.tandem.command.demo.Story.CONTRIBUTOR;
import static io.tandem.command.demo.Story.PM;
import static io.tandem.command.demo.Story.PO;
import static io.tandem.command.demo.Story.VIEWER;

import io.tandem.command.productplan.CreateProductCommand;
import io.tandem.command.productplan.DefineObjectiveCommand;
import io.tandem.command.productplan.GrantRoleCommand;
import io.tandem.command.productplan.PlanRoadmapItemCommand;
import io.tandem.events.Horizon;
import io.tandem.events.Role;
import java.util.List;

/** Week 1, Monday and Tuesday: the PM creates the product, brings the team in, sets objectives and the roadmap. */
final class KickOffChapter {

    private KickOffChapter() {
    }

    static void tell(Story story) {
        story.on(0, 9, 5).as(PM, new CreateProductCommand(PRODUCT, "Tandem Checkout",
                "Paying for an order takes one confident click on any device, so nobody abandons a cart because"
                        + " checkout got in the way.", null));
        story.as(PM, new GrantRoleCommand(PRODUCT, PO, Role.PRODUCT_OWNER, null));
        story.as(PM, new GrantRoleCommand(PRODUCT, CONTRIBUTOR, Role.CONTRIBUTOR, null));
        story.as(PM, new GrantRoleCommand(PRODUCT, VIEWER, Role.VIEWER, null));

        story.on(0, 11, 0).as(PM, new DefineObjectiveCommand(PRODUCT, OBJ_CONVERSION, "Cut checkout abandonment",
                "Cart-to-order conversion from 61% to 70% by the end of the quarter", null));
        story.as(PM, new DefineObjectiveCommand(PRODUCT, OBJ_MARKETS, "Get paid in more markets",
                "Local payment methods live in NL and PL; declined payments below 3%", null));
        story.as(PM, new DefineObjectiveCommand(PRODUCT, OBJ_TRUST, "Make checkout trustworthy",
                "Payment-related support tickets down 40%; no P1 incident in checkout", null));

        story.on(1, 9, 30);
        plan(story, RM_ONE_CLICK, "One-click repeat purchase",
                "Returning customers pay with their stored card and address in one step.", Horizon.NOW,
                List.of(OBJ_CONVERSION), "Returning customers place 58% of orders and most of them drop out at the"
                        + " card form (funnel analytics, last quarter).");
        plan(story, RM_ADDRESS, "Address autocomplete",
                "Suggest validated addresses while the customer types.", Horizon.NOW,
                List.of(OBJ_CONVERSION, OBJ_TRUST), "Typos in addresses cause 12% of failed deliveries, and the"
                        + " address form is the slowest step on mobile.");
        plan(story, RM_LOCAL_PAYMENTS, "Local payment methods: iDEAL and BLIK",
                "Offer the payment methods customers in the Netherlands and Poland expect.", Horizon.NEXT,
                List.of(OBJ_MARKETS), "Sales lost two Dutch accounts last quarter over missing iDEAL.");
        plan(story, RM_3DS2, "3-D Secure 2 frictionless flow",
                "Use 3DS2 exemptions so most card payments skip the challenge step.", Horizon.NEXT,
                List.of(OBJ_MARKETS, OBJ_TRUST), "The challenge step is our largest drop-off in Germany, and the"
                        + " card schemes retire 3DS1 next year.");
        plan(story, RM_GUEST, "Guest checkout redesign",
                "Buy without creating an account; offer the account after the order.", Horizon.LATER,
                List.of(OBJ_CONVERSION), "Worth doing, but one-click serves more revenue first.");
        plan(story, RM_PAY_LATER, "Buy now, pay later",
                "Pay in 30 days or in instalments through a pay-later provider.", Horizon.LATER,
                List.of(OBJ_CONVERSION), "Asked for by two enterprise prospects; we need to know what it costs.");

        story.on(1, 14, 0).decide(PM, "one-click-first", "One-click repeat purchase before the guest checkout redesign",
                "Both reduce abandonment, and this quarter the team has room for one of them.",
                "Build one-click repeat purchase now; the guest checkout redesign waits on LATER.",
                "Guest buyers keep today's form for now. We report returning-customer conversion every week so we"
                        + " can tell whether the bet pays off.",
                RM_ONE_CLICK, RM_GUEST, OBJ_CONVERSION);
    }

    private static void plan(Story story, String id, String title, String description, Horizon horizon,
                             List<String> objectiveIds, String rationale) {
        story.as(PM, new PlanRoadmapItemCommand(PRODUCT, id, title, description, horizon, objectiveIds, rationale,
                                                null));
    }
}
