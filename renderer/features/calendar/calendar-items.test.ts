import { describe, expect, it } from 'vitest';
import { openDeskData } from '../../db/desk-data';
import { createTestDatabase } from '../../db/test-database';
import { districtOf, matchesFilters, toCalendarItem } from './calendar-items';

const scope = { provinceCode: '57', districtCode: null };
const base = { place: '', description: '', expected: [], actual: [], rrule: null, exdates: [], allDay: false };

describe('calendar filters', () => {
  it('filter by type, district (own or by tambon) and organiser', async () => {
    const data = await openDeskData(createTestDatabase());
    const start = new Date(2022, 7, 5, 9).toISOString();
    const end = new Date(2022, 7, 5, 12).toISOString();
    await data.events.create({ ...base, title: 'อบรม', type: 'training', start, end, placeTambonCode: '570101', organiser: 'กกต.เชียงราย' }, scope);
    await data.events.create({ ...base, title: 'ประชุม', type: 'meeting', start, end, placeTambonCode: null, organiser: 'อำเภอแม่สาย', districtCode: '5708' }, scope);
    const occurrences = await data.events.occurrencesBetween(new Date(2022, 7, 1), new Date(2022, 8, 1));
    const titles = (filters: Parameters<typeof matchesFilters>[1]) => occurrences.filter((o) => matchesFilters(o, filters)).map((o) => o.event.title).sort();
    const none = { hiddenTypes: [], districtCode: '', organiser: '' };
    expect(titles(none)).toEqual(['ประชุม', 'อบรม']);
    expect(titles({ ...none, hiddenTypes: ['training'] })).toEqual(['ประชุม']);
    expect(titles({ ...none, districtCode: '5701' })).toEqual(['อบรม']);
    expect(titles({ ...none, districtCode: '5708' })).toEqual(['ประชุม']);
    expect(titles({ ...none, organiser: 'กกต.เชียงราย' })).toEqual(['อบรม']);
    expect(occurrences.map((o) => districtOf(o.event)).sort()).toEqual(['5701', '5708']);
    expect(new Set(occurrences.map((o) => toCalendarItem(o).key)).size).toBe(2);
  });
});
