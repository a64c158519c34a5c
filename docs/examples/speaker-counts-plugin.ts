// An example plugin (docs/plugins.md): a stage that adds a `speakerCounts`
// layer, how many attributions each speaker has in the article. It is run by
// test/plugins.test.ts through analyze(), so this file stays true.
//
// In your own package, import from 'recoupe' instead of '../../src/index.js'.
import { z } from 'zod';
import { defineLayer, type Stage } from '../../src/index.js';

// 1. Register the layer with the zod schema of what it prints: the analysis
//    JSON gets a `speakerCounts` field and the JSON Schema describes it.
export const SpeakerCount = z.object({
  speaker: z.string().describe('the resolved speaker, else the words that name them'),
  anonymous: z.boolean(),
  attributions: z.number().int().positive(),
});
export const speakerCountsLayer = defineLayer('speakerCounts', { schema: z.array(SpeakerCount) });

// 2. The stage: it declares what it reads and what it adds, and never
//    changes `doc.text` or another stage's layer.
export const speakerCountsStage: Stage = {
  name: 'speaker-counts',
  requires: ['attributions'],
  provides: ['speakerCounts'],
  run(doc) {
    const counts = new Map<string, z.infer<typeof SpeakerCount>>();
    for (const a of doc.attributions) {
      if (!a.source) continue;
      const speaker = a.source.resolved ?? a.source.text;
      const c = counts.get(speaker) ?? { speaker, anonymous: a.source.anonymous, attributions: 0 };
      c.attributions++;
      counts.set(speaker, c);
    }
    doc.set(
      speakerCountsLayer,
      [...counts.values()].sort((x, y) => y.attributions - x.attributions || x.speaker.localeCompare(y.speaker)),
    );
  },
};
