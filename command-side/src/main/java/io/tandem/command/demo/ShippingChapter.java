package io.tandem.command.demo;

import static io.tandem.command.demo.DemoIds.BL_ADDRESS_A11Y;
import static io.tandem.command.demo.DemoIds.BL_ADDRESS_LOOKUP;
import static io.tandem.command.demo.DemoIds.BL_CARD_TOKEN;
import static io.tandem.command.demo.DemoIds.BL_IDEAL_REFUNDS;
import static io.tandem.command.demo.DemoIds.BL_NETWORK_TOKENS;
import static io.tandem.command.demo.DemoIds.BL_PAY_LATER_SPIKE;
import static io.tandem.command.demo.DemoIds.FB_3DS_SMS;
import static io.tandem.command.demo.DemoIds.FB_NEW_STREETS;
import static io.tandem.command.demo.DemoIds.FB_PAY_LATER;
import static io.tandem.command.demo.DemoIds.FB_ROUNDING;
import static io.tandem.command.demo.DemoIds.PRODUCT;
import static io.tandem.command.demo.DemoIds.RM_3DS2;
import static io.tandem.command.demo.DemoIds.RM_ADDRESS;
import static io.tandem.command.demo.DemoIds.RM_LOCAL_PAYMENTS;
import static io.tandem.command.demo.DemoIds.RM_PAY_LATER;
import static io.tandem.command.demo.Story.CONTRIBUTOR;
import static io.tandem.command.demo.Story.PM;
import static io.tandem.command.demo.Story.PO;

import io.tandem.command.productplan.AddBacklogItemCommand;
import io.tandem.command.productplan.ChangeRoadmapItemStatusCommand;
import io.tandem.command.productplan.CompleteBacklogItemCommand;
import io.tandem.command.productplan.DropRoadmapItemCommand;
import io.tandem.command.productplan.HoldSyncMeetingCommand;
import io.tandem.command.productplan.RemoveBacklogItemCommand;
import io.tandem.command.productplan.ReprioritizeBacklogItemCommand;
import io.tandem.events.BacklogItemKind;
import io.tandem.events.FeedbackChannel;
import io.tandem.events.RoadmapItemStatus;
import io.tandem.events.Urgency;
import java.util.List;

/**
 * Weeks 4 and 5: pay-later is dropped, address autocomplete ships, iDEAL starts, a support ticket is left
 * untriaged, and the second sync meeting (about a week ago) takes stock.
 */
final class ShippingChapter {

    private ShippingChapter() {
    }

    static void tell(Story story) {
        story.on(16, 9, 30).as(PM, new DropRoadmapItemCommand(PRODUCT, RM_PAY_LATER, "The provider wants 4% of"
                + " every order and demand is thin: two requests in five weeks. Invoice terms for enterprise"
                + " accounts are a sales-ops matter.", null));
        story.decide(PM, "drop-pay-later", "Drop buy now, pay later",
                "Pay-later was on LATER to learn its cost; the provider comparison is done.",
                "Take pay-later off the roadmap. Enterprise buyers who need invoice terms go through sales ops.",
                "The comparison spike is removed from the backlog; we revisit only if consumer demand shows up.",
                RM_PAY_LATER, BL_PAY_LATER_SPIKE);
        story.declineFeedback(PM, FB_PAY_LATER, "Pay-later is off the roadmap; sales ops offers invoice terms to"
                + " enterprise accounts.");
        story.on(16, 11, 0).as(PO, new RemoveBacklogItemCommand(PRODUCT, BL_PAY_LATER_SPIKE,
                "Its roadmap item was dropped; the comparison so far is kept in the wiki.", null));

        story.on(17, 14, 10).feedback(CONTRIBUTOR, FB_NEW_STREETS, FeedbackChannel.IN_APP, "cust-1603",
                Urgency.MEDIUM, "Address suggestions do not know the new-build streets in our district.");
        story.on(18, 9, 30).linkFeedback(PO, FB_NEW_STREETS, RM_ADDRESS,
                "The provider refreshes monthly; manual entry stays as the fallback.");
        story.on(18, 10, 0).as(PO, new CompleteBacklogItemCommand(PRODUCT, BL_ADDRESS_LOOKUP, null));
        story.on(18, 16, 0).as(PO, new CompleteBacklogItemCommand(PRODUCT, BL_ADDRESS_A11Y, null));
        story.on(19, 9, 30).decide(PO, "address-all-markets", "Release address autocomplete to all markets at once",
                "A staged rollout per market was possible; the lookup provider covers DE, NL and PL equally well"
                        + " and the manual form remains as a fallback.",
                "Enable autocomplete everywhere in one release and watch the failed-lookup rate daily for two weeks.",
                "No per-market flag to maintain. Above 5% failed lookups in a market we switch it back to the"
                        + " manual form.",
                RM_ADDRESS, BL_ADDRESS_LOOKUP);
        story.on(19, 10, 0).as(PM, new ChangeRoadmapItemStatusCommand(PRODUCT, RM_ADDRESS,
                RoadmapItemStatus.SHIPPED, null));
        story.on(20, 15, 40).feedback(CONTRIBUTOR, FB_ROUNDING, FeedbackChannel.SUPPORT_TICKET, "cust-1702",
                Urgency.HIGH, "The invoice total is one cent higher than the amount charged to the card.");

        story.on(21, 11, 0).as(PO, new CompleteBacklogItemCommand(PRODUCT, BL_CARD_TOKEN, null));
        story.on(22, 9, 15).as(PM, new ChangeRoadmapItemStatusCommand(PRODUCT, RM_LOCAL_PAYMENTS,
                RoadmapItemStatus.IN_PROGRESS, null));
        story.on(22, 10, 0).as(PO, new AddBacklogItemCommand(PRODUCT, BL_IDEAL_REFUNDS,
                "iDEAL refunds and partial refunds", BacklogItemKind.STORY, RM_LOCAL_PAYMENTS, null, null));
        story.as(PO, new ReprioritizeBacklogItemCommand(PRODUCT, BL_IDEAL_REFUNDS, 3,
                "Refunds must ship with iDEAL: support cannot refund bank transfers by hand at volume.", null));
        story.on(23, 15, 0).as(PO, new CompleteBacklogItemCommand(PRODUCT, BL_NETWORK_TOKENS, null));
        story.on(24, 13, 0).feedback(PO, FB_3DS_SMS, FeedbackChannel.INTERVIEW, "cust-1187", Urgency.MEDIUM,
                "Would pay from the phone more often if the bank's SMS step went away for small amounts.");
        story.linkFeedback(PO, FB_3DS_SMS, RM_3DS2, "Low-value exemptions remove exactly this step.");

        story.on(25, 10, 0).as(PO, new HoldSyncMeetingCommand(PRODUCT, DemoIds.of("meeting/sync-2"),
                "PM/PO sync: one-click release and the road to 3-D Secure 2", List.of(PM, PO),
                "Address autocomplete shipped to all markets, failed lookups at 2%. Pay-later dropped since the"
                        + " last sync. One-click: card tokens stored, the pay button is in review, release next"
                        + " week. iDEAL in progress with refunds split out. 3DS2 stays on NEXT until one-click"
                        + " ships. The one-cent invoice ticket from support still needs triage.", null));
    }
}
