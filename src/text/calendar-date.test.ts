import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isCalendarDate, leadingDay } from './calendar-date.js';

test('a calendar date is YYYY-MM-DD naming a day that exists', () => {
  for (const d of ['2018-01-31', '2024-02-29', '1999-12-31']) assert.equal(isCalendarDate(d), true, d);
  for (const d of ['2018-13-45', '2023-02-29', '2018-04-31', '2018-1-5', 'yesterday', '2018-01-01T00:00']) assert.equal(isCalendarDate(d), false, d);
});

test('the day a date value opens with, by its shape', () => {
  assert.equal(leadingDay('2024-03-02T08:00:00+01:00'), '2024-03-02');
  assert.equal(leadingDay('2024-03-02 08:00'), '2024-03-02');
  assert.equal(leadingDay('2018-13-45'), '2018-13-45');
  for (const v of ['2024-03-02x', '02/03/2024', 'yesterday']) assert.equal(leadingDay(v), undefined, v);
});
