// The STOMP connection: authenticated CONNECT, the product's four topics, automatic reconnects.

import { authorization } from './api.js';

const TOPICS = ['dashboard', 'decisions', 'alerts', 'presence'];

/**
 * Opens the live connection. handlers: onStatus(status, detail), onConnected(), onAuthFailed(message), and one
 * handler per topic: dashboard(view), decisions(entry), alerts(notice), presence(view).
 */
export function openLive(credentials, handlers) {
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const client = new window.StompJs.Client({
    brokerURL: `${scheme}://${window.location.host}/ws`,
    connectHeaders: { Authorization: authorization(credentials) },
    reconnectDelay: 2000,
    heartbeatIncoming: 10000,
    heartbeatOutgoing: 10000,
  });
  let productId = null;
  let subscriptions = [];

  function subscribeAll() {
    if (client.connected) {
      subscriptions.forEach((subscription) => subscription.unsubscribe());
    }
    subscriptions = [];
    if (!productId || !client.connected) {
      return;
    }
    TOPICS.forEach((topic) => {
      subscriptions.push(client.subscribe(`/topic/products/${productId}/${topic}`, (message) => {
        handlers[topic](JSON.parse(message.body));
      }));
    });
  }

  client.onConnect = () => {
    subscriptions = [];
    handlers.onStatus('live');
    subscribeAll();
    handlers.onConnected();
  };
  client.onStompError = (frame) => {
    const message = frame.headers.message || 'refused';
    if (message.startsWith('Authentication failed')) {
      client.deactivate();
      handlers.onAuthFailed(message);
    } else {
      handlers.onStatus('error', message);
    }
  };
  client.onWebSocketClose = () => {
    if (client.active) {
      handlers.onStatus('reconnecting');
    }
  };
  handlers.onStatus('connecting');
  client.activate();

  return {
    /** Switches the topics to another product (the new dashboard arrives at once). */
    watch(newProductId) {
      productId = newProductId;
      subscribeAll();
    },
    close() {
      client.deactivate();
    },
  };
}
