package io.tandem.command.demo;

import static io.tandem.command.demo.DemoIds.BL_ADDRESS_LOOKUP;
import static io.tandem.command.demo.DemoIds.BL_BLIK;
import static io.tandem.command.demo.DemoIds.BL_CARD_FORM_BUG;
import static io.tandem.command.demo.DemoIds.BL_IDEAL;
import static io.tandem.command.demo.DemoIds.BL_SDK_UPGRADE;
import static io.tandem.command.demo.DemoIds.FB_ADDRESS_TYPO;
import static io.tandem.command.demo.DemoIds.FB_BLIK;
import static io.tandem.command.demo.DemoIds.FB_CARD_FORM;
import static io.tandem.command.demo.DemoIds.FB_CARD_FORM_IPHONE;
import static io.tandem.command.demo.DemoIds.FB_DARK_MODE;
import static io.tandem.command.demo.DemoIds.FB_IDEAL;
import static io.tandem.command.demo.DemoIds.FB_PAY_LATER;
import static io.tandem.command.demo.DemoIds.FB_RETYPING;
import static io.tandem.command.demo.DemoIds.OBJ_MARKETS;
import static io.tandem.command.demo.DemoIds.PRODUCT;
import static io.tandem.command.demo.DemoIds.RM_3DS2;
import static io.tandem.command.demo.DemoIds.RM_ADDRESS;
import static io.tandem.command.demo.DemoIds.RM_LOCAL_PAYMENTS;
import static io.tandem.command.demo.DemoIds.RM_ONE_CLICK;
import static io.tandem.command.demo.Story.CONTRIBUTOR;
import static io.tandem.command.demo.Story.PM;
import static io.tandem.command.demo.Story.PO;

import io.tandem.command.productplan.ChangeRoadmapItemStatusCommand;
import io.tandem.command.productplan.ChangeVisionCommand;
import io.tandem.command.productplan.CompleteBacklogItemCommand;
import io.tandem.command.productplan.HoldSyncMeetingCommand;
import io.tandem.command.productplan.LinkBacklogItemCommand;
import io.tandem.command.productplan.ReprioritizeBacklogItemCommand;
import io.tandem.command.productplan.RescheduleRoadmapItemCommand;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.Horizon;
import io.tandem.events.RoadmapItemStatus;
import io.tandem.events.Urgency;
import java.util.List;

/**
 * Weeks 2 and 3: work starts, feedback is triaged, local payments move forward, and the first sync meeting (about
 * three weeks ago) reviews it all.
 */
final class DeliveryChapter {

    private DeliveryChapter() {
    }

    static void tell(Story story) {
        story.on(5, 9, 15).as(PM, new ChangeRoadmapItemStatusCommand(PRODUCT, RM_ONE_CLICK,
                RoadmapItemStatus.IN_PROGRESS, null));
        story.on(5, 10, 40).linkFeedback(PO, FB_IDEAL, RM_LOCAL_PAYMENTS, "Second Dutch prospect asking for iDEAL.");
        story.on(6, 13, 30).feedback(PO, FB_RETYPING, FeedbackChannel.INTERVIEW, "cust-1187", Urgency.MEDIUM,
                "Repeat buyer: \"Why do I have to type my card number again every single time?\"");
        story.linkFeedback(PO, FB_RETYPING, RM_ONE_CLICK, null);
        story.on(7, 16, 20).feedback(CONTRIBUTOR, FB_ADDRESS_TYPO, FeedbackChannel.SUPPORT_TICKET, "cust-1311",
                Urgency.HIGH, "Parcel came back: the street name was misspelled at checkout and nothing warned"
                        + " the customer.");

        story.on(8, 9, 10).as(PM, new ChangeRoadmapItemStatusCommand(PRODUCT, RM_ADDRESS,
                RoadmapItemStatus.IN_PROGRESS, null));
        story.linkFeedback(PM, FB_ADDRESS_TYPO, BL_ADDRESS_LOOKUP, "Exactly what validated lookup prevents.");
        story.on(8, 10, 30).as(PO, new ReprioritizeBacklogItemCommand(PRODUCT, BL_ADDRESS_LOOKUP, 2,
                "Returned parcels cost us shipping twice; the address lookup goes right after the card-form fix.",
                null));

        story.on(9, 10, 0).as(PM, new ChangeVisionCommand(PRODUCT, "Paying for an order takes one confident click,"
                + " on any device and with the payment method people trust at home, so nobody abandons a cart"
                + " because checkout got in the way.", null));
        story.on(9, 15, 0).feedback(CONTRIBUTOR, FB_DARK_MODE, FeedbackChannel.SURVEY, "cust-1499", Urgency.LOW,
                "Would love a dark mode for the checkout page.");
        story.on(10, 9, 40).declineFeedback(PO, FB_DARK_MODE, "Not a checkout objective this quarter; passed on to"
                + " the design-system team, who own theming.");
        story.on(10, 11, 15).feedback(CONTRIBUTOR, FB_CARD_FORM_IPHONE, FeedbackChannel.SUPPORT_TICKET,
                "cust-1520", Urgency.HIGH, "On an iPhone the card form empties itself after pressing back.");
        story.duplicateFeedback(PO, FB_CARD_FORM_IPHONE, FB_CARD_FORM, "Same defect as the card-form report from"
                + " cust-1042; the fix is in progress.");
        story.on(10, 14, 0).feedback(CONTRIBUTOR, FB_BLIK, FeedbackChannel.SALES_CALL, "cust-2388", Urgency.HIGH,
                "Polish distributor wants BLIK before rolling our checkout out to its 40 stores.");

        story.on(11, 10, 30).as(PM, new RescheduleRoadmapItemCommand(PRODUCT, RM_LOCAL_PAYMENTS, Horizon.NOW,
                "Two deals (cust-2210, cust-2388) close only with iDEAL and BLIK, and sales needs a date this"
                        + " quarter.", null));
        story.linkFeedback(PM, FB_BLIK, BL_BLIK, null);
        story.decide(PM, "local-payments-now", "Bring local payment methods forward to NOW",
                "Two deals depend on iDEAL and BLIK; one-click is under way and address autocomplete is half done.",
                "Local payment methods move from NEXT to NOW; 3-D Secure 2 stays on NEXT.",
                "The team runs three NOW items for a few weeks; nothing new starts until one of them ships.",
                RM_LOCAL_PAYMENTS, RM_3DS2, OBJ_MARKETS);
        story.on(11, 14, 0).as(PO, new ReprioritizeBacklogItemCommand(PRODUCT, BL_IDEAL, 3,
                "iDEAL is now a NOW commitment with a signed deal waiting; it goes right behind the address lookup.",
                null));
        story.on(12, 10, 0).as(PO, new LinkBacklogItemCommand(PRODUCT, BL_SDK_UPGRADE, RM_3DS2, null));
        story.on(12, 16, 30).as(PO, new CompleteBacklogItemCommand(PRODUCT, BL_CARD_FORM_BUG, null));
        story.on(14, 10, 20).feedback(PM, FB_PAY_LATER, FeedbackChannel.EMAIL, "cust-2471", Urgency.MEDIUM,
                "Enterprise buyer asks whether they can pay in 30 days instead of by card.");

        story.on(15, 10, 0).as(PM, new HoldSyncMeetingCommand(PRODUCT, DemoIds.of("meeting/sync-1"),
                "PM/PO sync: local payments and the pay-later question", List.of(PM, PO, CONTRIBUTOR),
                "Local payment methods moved to NOW after the Rotterdam and Polish deals; the card-form bug is"
                        + " fixed; address autocomplete ships next week. Open: pay-later. The PM brings a go/no-go"
                        + " tomorrow. Action for the PO: split iDEAL refunds into their own backlog item.", null));
    }
}
