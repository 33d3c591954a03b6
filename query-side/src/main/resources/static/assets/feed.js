// The decision feed of the product on screen: newest first, no duplicates, and how far it has read the log.

import { fetchDecisionsAfter } from './api.js';
import { renderFeed } from './render.js';

const FEED_SIZE = 50;

export class DecisionFeed {
  constructor() {
    this.reset(null);
  }

  /** Starts over for another product (or none). */
  reset(productId) {
    this.productId = productId;
    this.entries = new Map();
    this.lastPosition = null;
    renderFeed([]);
  }

  /** Adds entries of this product (from the dashboard, a push or a catch-up) and shows the newest. */
  add(entries) {
    entries.filter((entry) => entry.productId === this.productId).forEach((entry) => {
      this.entries.set(entry.id, entry);
      this.lastPosition = Math.max(this.lastPosition ?? -1, entry.globalPosition);
    });
    const newestFirst = [...this.entries.values()]
      .sort((a, b) => b.globalPosition - a.globalPosition)
      .slice(0, FEED_SIZE);
    this.entries = new Map(newestFirst.map((entry) => [entry.id, entry]));
    renderFeed(newestFirst);
  }

  /**
   * After a reconnect: every decision after the last one seen (GET …/decisions?after=). Before the first dashboard
   * there is nothing to catch up on: the dashboard that arrives on subscribe carries the latest decisions.
   */
  async catchUp(credentials) {
    const { productId } = this;
    if (!productId || this.lastPosition === null) {
      return;
    }
    const missed = await fetchDecisionsAfter(credentials, productId, this.lastPosition);
    if (productId === this.productId) {
      this.add(missed);
    }
  }
}
