// Compares two dashboards (the plan then and the plan now) item by item. Pure functions: data in, markers out.
//
// A marker is { kind, text, title }: kind is a CSS-friendly word (added, dropped, moved, status, reprioritized,
// shifted, completed, removed, gone), text the short badge ("new", "NEXT → NOW", "↑3"), title the longer explanation.

import { words } from './render.js';

export const HORIZONS = ['NOW', 'NEXT', 'LATER', 'DROPPED'];

/** How many backlog items the history view compares. */
export const BACKLOG_TOP = 10;

const marker = (kind, text, title) => ({ kind, text, title });

/** Where each roadmap item of a dashboard sits: id → { item, place } with place NOW, NEXT, LATER or DROPPED. */
export function roadmapPlaces(view) {
  const places = new Map();
  const roadmap = (view && view.roadmap) || {};
  [['now', 'NOW'], ['next', 'NEXT'], ['later', 'LATER'], ['dropped', 'DROPPED']].forEach(([key, place]) => {
    (roadmap[key] || []).forEach((item) => places.set(item.id, { item, place }));
  });
  return places;
}

/** A status change: in the "then" column where it went ("→ shipped"), in the "now" column from where. */
function statusMarker(before, after, side) {
  if (before.status === after.status) {
    return null;
  }
  const title = `Status changed from ${words(before.status)} to ${words(after.status)}`;
  return side === 'then' ? marker('status', `→ ${words(after.status)}`, title)
    : marker('status', `${words(before.status)} → ${words(after.status)}`, title);
}

/** The markers of a roadmap item in the "then" column, given where it is now. */
function thenRoadmapMarkers(entry, nowEntry) {
  if (!nowEntry) {
    return [marker('gone', 'gone', 'No longer on the roadmap')];
  }
  const marks = [];
  if (nowEntry.place !== entry.place) {
    marks.push(nowEntry.place === 'DROPPED'
      ? marker('dropped', 'dropped', 'Dropped since then')
      : marker('moved', `${entry.place} → ${nowEntry.place}`, `Moved from ${entry.place} to ${nowEntry.place} since then`));
  }
  return [...marks, statusMarker(entry.item, nowEntry.item, 'then')].filter(Boolean);
}

/** The markers of a roadmap item in the "now" column, given where it was then. */
function nowRoadmapMarkers(entry, thenEntry) {
  if (!thenEntry) {
    const marks = [marker('added', 'new', 'Planned since then')];
    return entry.place === 'DROPPED' ? [...marks, marker('dropped', 'dropped', 'Dropped since then')] : marks;
  }
  const marks = [];
  if (thenEntry.place !== entry.place) {
    marks.push(entry.place === 'DROPPED'
      ? marker('dropped', 'dropped', `Dropped since then (was ${thenEntry.place})`)
      : marker('moved', `${thenEntry.place} → ${entry.place}`, `Moved from ${thenEntry.place} to ${entry.place}`));
  }
  return [...marks, statusMarker(thenEntry.item, entry.item, 'now')].filter(Boolean);
}

/**
 * The roadmap then and now, by horizon: { then: {NOW: [{ item, markers }], …}, now: {…} }. An item keeps its
 * horizon's order; the dropped items are a fourth "horizon".
 */
export function compareRoadmap(thenView, nowView) {
  const thenPlaces = roadmapPlaces(thenView);
  const nowPlaces = roadmapPlaces(nowView);
  const side = (places, markers) => Object.fromEntries(HORIZONS.map((place) => [place,
    [...places.values()].filter((entry) => entry.place === place)
      .map((entry) => ({ item: entry.item, markers: markers(entry) }))]));
  return {
    then: side(thenPlaces, (entry) => thenRoadmapMarkers(entry, nowPlaces.get(entry.item.id))),
    now: side(nowPlaces, (entry) => nowRoadmapMarkers(entry, thenPlaces.get(entry.item.id))),
  };
}

const ids = (itemChanges) => new Set((itemChanges || []).map((change) => change.itemId));

function rankMarker(fromRank, toRank, explicit) {
  const up = fromRank - toRank;
  const text = up > 0 ? `↑${up}` : `↓${-up}`;
  return explicit
    ? marker('reprioritized', text, `Reprioritized from #${fromRank} to #${toRank}`)
    : marker('shifted', text, `From #${fromRank} to #${toRank}, moved by changes to other items`);
}

/** The markers of a backlog item in the "then" column: what became of it. */
function thenBacklogMarkers(item, nowRanks, backlogChanges) {
  if (!nowRanks.has(item.id)) {
    if (ids(backlogChanges.completed).has(item.id)) {
      return [marker('completed', 'done', 'Completed since then')];
    }
    return [ids(backlogChanges.removed).has(item.id)
      ? marker('removed', 'dropped', 'Removed from the backlog since then')
      : marker('gone', 'gone', 'No longer in the open backlog')];
  }
  const nowRank = nowRanks.get(item.id);
  return nowRank !== item.rank && ids(backlogChanges.reprioritized).has(item.id)
    ? [marker('reprioritized', `now #${nowRank}`, `Reprioritized from #${item.rank} to #${nowRank}`)]
    : [];
}

/** The markers of a backlog item in the "now" column: new, or how far it moved. */
function nowBacklogMarkers(item, thenRanks, backlogChanges) {
  if (!thenRanks.has(item.id)) {
    return [marker('added', 'new', 'Added since then')];
  }
  const thenRank = thenRanks.get(item.id);
  return thenRank === item.rank ? []
    : [rankMarker(thenRank, item.rank, ids(backlogChanges.reprioritized).has(item.id))];
}

/**
 * The top of the backlog then and now: { then: [{ item, markers }], now: […], thenMore, nowMore }, each side its first
 * {@link BACKLOG_TOP} items; rank movement compares whole backlogs. An explicit reprioritization (in changes) is told
 * apart from a shift caused by other items being added, moved or closed.
 */
export function compareBacklog(thenView, nowView, changes) {
  const thenBacklog = (thenView && thenView.backlog) || [];
  const nowBacklog = (nowView && nowView.backlog) || [];
  const backlogChanges = (changes && changes.backlog) || {};
  const thenRanks = new Map(thenBacklog.map((item) => [item.id, item.rank]));
  const nowRanks = new Map(nowBacklog.map((item) => [item.id, item.rank]));
  return {
    then: thenBacklog.slice(0, BACKLOG_TOP)
      .map((item) => ({ item, markers: thenBacklogMarkers(item, nowRanks, backlogChanges) })),
    now: nowBacklog.slice(0, BACKLOG_TOP)
      .map((item) => ({ item, markers: nowBacklogMarkers(item, thenRanks, backlogChanges) })),
    thenMore: Math.max(0, thenBacklog.length - BACKLOG_TOP),
    nowMore: Math.max(0, nowBacklog.length - BACKLOG_TOP),
  };
}
