import { http, HttpResponse } from 'msw';
import { sampleFeed } from '../fixtures/sample-feed.ts';

export const FEED_URL = 'http://localhost/data/feed.json';
export const CONFIG_URL = 'http://localhost/config.json';

/** Default handlers: a small, valid feed. Tests override them with server.use(...). */
export const handlers = [http.get(FEED_URL, () => HttpResponse.json(sampleFeed))];
