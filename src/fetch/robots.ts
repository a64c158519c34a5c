// robots.txt rules per origin (RFC 9309), fetched once per run and cached.
// 4xx: no rules, everything allowed; 429, 5xx or unreachable: everything disallowed.
import robotsParserCjs from 'robots-parser';
import { ROBOTS_TOKEN } from './user-agent.js';
import type { FetchResult } from './types.js';

export interface RobotsRules {
  allows(url: string): boolean;
  /** Crawl-delay for recoupe in ms, if the site asks for one. */
  crawlDelayMs: number | undefined;
  /** Why everything is refused (unreachable robots.txt), if so. */
  refusal?: string;
}

// robots-parser is CommonJS: its module.exports is the parser function.
const robotsParser = robotsParserCjs as unknown as (
  url: string,
  text: string,
) => {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
};

/** RFC 9309 §2.5: parse at least 500 KiB; anything longer is cut. */
export const ROBOTS_MAX_BYTES = 500 * 1024;

export class RobotsCache {
  private readonly byOrigin = new Map<string, Promise<RobotsRules>>();

  constructor(private readonly fetchRobots: (robotsUrl: string) => Promise<FetchResult>) {}

  rules(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    let p = this.byOrigin.get(origin);
    if (!p) this.byOrigin.set(origin, (p = this.load(origin)));
    return p;
  }

  private async load(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    const r = await this.fetchRobots(robotsUrl);
    if (!r.ok) {
      // 429 is the server asking to slow down, not a missing file.
      if (r.status !== undefined && r.status >= 400 && r.status < 500 && r.status !== 429) return { allows: () => true, crawlDelayMs: undefined };
      // No HTTP answer at all (offline, unknown host): the site is unreachable, whatever its robots.txt says.
      const refusal = r.status === undefined ? `site unreachable: ${r.reason}` : `robots.txt unreachable (${r.reason}), so the site is not crawled`;
      return { allows: () => false, crawlDelayMs: undefined, refusal };
    }
    const text = Buffer.from(r.bytes.subarray(0, ROBOTS_MAX_BYTES)).toString('utf8');
    const robot = robotsParser(robotsUrl, text);
    const delay = robot.getCrawlDelay(ROBOTS_TOKEN);
    return {
      // A redirect may leave the origin; such URLs are judged by their own robots.txt upstream.
      allows: (u: string) => robot.isAllowed(u, ROBOTS_TOKEN) !== false,
      crawlDelayMs: typeof delay === 'number' && delay > 0 ? delay * 1000 : undefined,
    };
  }
}
