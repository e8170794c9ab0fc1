/**
 * The Dexie schema, version by version. Never edit a published version: add the next one,
 * with an upgrade function when existing rows must change. Tests open a database at an old
 * version and upgrade it (see database.migration.test.ts).
 */
import type { Transaction } from 'dexie';
import { newsSearchText } from './repositories/news-search-text';
import { memberSearchText } from './repositories/member-search-text';
import { memberSortKeyOf } from './repositories/member-sort-key';
import { tokenizeForSearch } from '../../shared/thai/search-tokens';
import { rebuildOverviewTotals } from './overview/overview-totals-rebuild';
import { rebuildNewsIndex } from './news-index/news-index-rebuild';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      news: 'id, status, category, updatedAt, dateline',
      events: 'id, start, end, type, districtCode',
      centres: 'id, tambonCode, districtCode',
      members: 'id, centreId, tambonCode, districtCode, lastName',
      partners: 'id, type, districtCode',
      attendance: 'id, eventId, memberId',
      attachments: 'id, sha256, ownerId',
      blobs: 'sha256',
      outbox: '++seq, [table+recordId]',
      conflicts: 'id, table, recordId, resolvedAt',
      syncState: 'key',
    },
  },
  {
    // v2: Thai word-segmented search tokens (multi-entry index) for news and people,
    // backfilled for rows written by v1.
    version: 2,
    stores: {
      news: 'id, status, category, updatedAt, dateline, *searchTokens',
      members: 'id, centreId, tambonCode, districtCode, lastName, *searchTokens',
    },
    upgrade: async (tx) => {
      await tx.table('news').toCollection().modify((row: Record<string, unknown>) => {
        row.searchTokens = tokenizeForSearch(newsSearchText(row));
      });
      await tx.table('members').toCollection().modify((row: Record<string, unknown>) => {
        row.searchTokens = tokenizeForSearch(memberSearchText(row));
      });
    },
  },
  {
    // v4 (news): revisions and workflow steps as append-only synced tables, an author index for
    // the list filter, and news tokens re-derived (they now carry the live-record marker).
    version: 4,
    stores: {
      news: 'id, status, category, updatedAt, dateline, *searchTokens, authorId',
      newsRevisions: 'id, newsId, createdAt',
      newsTransitions: 'id, newsId, at',
    },
    upgrade: async (tx) => {
      await tx.table('news').toCollection().modify((row: Record<string, unknown>) => {
        row.searchTokens = tokenizeForSearch(newsSearchText(row));
      });
    },
  },
  {
    // v5 (calendar): activities found by the UID of the .ics file they came from (duplicate
    // imports), recurring ones by their rule (IndexedDB leaves null out of an index, so the rrule
    // index holds only the series), organisers for the filter; icsUid filled in on older rows.
    version: 5,
    stores: {
      events: 'id, start, end, type, districtCode, icsUid, rrule, organiser',
    },
    upgrade: async (tx) => {
      await tx.table('events').toCollection().modify((row: Record<string, unknown>) => {
        if (row.icsUid === undefined) row.icsUid = null;
      });
    },
  },
  {
    // v6 (roster): people ordered by a Thai sort key (the 100,000-person list pages through it),
    // found by ID, partners by place, the PDPA audit trail; search tokens re-derived (whole-name
    // prefix tokens, phone suffixes; none for deleted people).
    version: 6,
    stores: {
      members: 'id, centreId, tambonCode, districtCode, lastName, *searchTokens, sortKey, nationalId, termEnd, [tambonCode+sortKey], [centreId+sortKey]',
      partners: 'id, type, districtCode, placeCode',
      auditEntries: 'id, memberId, at, action',
    },
    upgrade: async (tx) => {
      await tx.table('members').toCollection().modify((row: Record<string, unknown>) => {
        row.searchTokens = tokenizeForSearch(memberSearchText(row));
        const key = memberSortKeyOf(row);
        if (key === undefined) delete row.sortKey;
        else row.sortKey = key;
      });
    },
  },
  {
    // v7 (overview): the overview's counters per table and amphoe (kept by overview-totals-middleware in
    // every write's own transaction) and the log of what syncs brought; both local, never synced or
    // backed up. News found by the activity it reports on and by when it was published (the drill-downs).
    // Existing records are counted once here.
    version: 7,
    stores: {
      news: 'id, status, category, updatedAt, dateline, *searchTokens, authorId, eventId, publishedAt',
      overviewTotals: 'key',
      arrivals: '++seq, at',
    },
    upgrade: (tx) => rebuildOverviewTotals((name) => tx.table(name)),
  },
  {
    // v8 (encryption at rest, issue 14): people are no longer indexed by their national ID in clear (the keyed
    // tokens in searchTokens find them). No upgrade function: the app is locked while Dexie upgrades, so the
    // rows are sealed after unlock, resumably (at-rest/seal-existing-rows.ts).
    version: 8,
    stores: {
      members: 'id, centreId, tambonCode, districtCode, lastName, *searchTokens, sortKey, termEnd, [tambonCode+sortKey], [centreId+sortKey]',
    },
  },
  {
    // v9 (issue 13, news search): the news token index — posting lists by token, kept by
    // news-index-middleware in every news write's transaction — replaces the multi-entry index on
    // news.searchTokens (the tokens stay on the row: the middleware diffs them). Built here once.
    version: 9,
    stores: {
      news: 'id, status, category, updatedAt, dateline, authorId, eventId, publishedAt',
      newsIndex: '[token+part]',
    },
    upgrade: (tx) => rebuildNewsIndex((name) => tx.table(name)),
  },
  {
    // v10 (issue 13, import speed): people lose the single-field indexes nothing needs. Every index entry is
    // written with each person (a 20,000-row import, a province's first pull): the lookups by centre and by
    // tambon read the first part of [centreId+sortKey] and [tambonCode+sortKey] instead (Dexie's virtual
    // indexes), which hold live people only — every caller left the deleted out anyway; nothing looks people
    // up by amphoe or by family name alone.
    version: 10,
    stores: {
      members: 'id, *searchTokens, sortKey, termEnd, [tambonCode+sortKey], [centreId+sortKey]',
    },
  },
];

export const CURRENT_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
