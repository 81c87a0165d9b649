-- Issue 4: ids and phone numbers were copied into a column of calls (search_ids, ~55 bytes) only to
-- be indexed. The index now holds the expression itself (the table keeps no copy); a search's LIKE
-- names the same expression (SEARCH_IDS in src/main/store/callFilter.ts) and scans the index alone.
-- LIKE ignores ASCII case, so the lower-casing the column had is not needed.
DROP INDEX calls_search;
ALTER TABLE calls DROP COLUMN search_ids;
CREATE INDEX calls_search ON calls ((id || ' ' || from_number || ' ' || to_number));
