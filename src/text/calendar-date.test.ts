import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCalendarDate } from './calendar-date.js';

test('a calendar date is YYYY-MM-DD naming a day that exists', () => {
  for (const d of ['2018-01-31', '2024-02-29', '1999-12-31']) assert.equal(isCalendarDate(d), true, d);
  for (const d of ['2018-13-45', '2023-02-29', '2018-04-31', '2018-1-5', 'yesterday', '2018-01-01T00:00']) assert.equal(isCalendarDate(d), false, d);
});
