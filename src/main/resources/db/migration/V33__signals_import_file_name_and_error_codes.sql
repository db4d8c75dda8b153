-- Imports keep the name of the file the sender chose (sanitised: no path, no control characters, at most 200
-- characters), so the list and the status page say which file an import was.
ALTER TABLE signals_import ADD COLUMN file_name TEXT CHECK (length(file_name) BETWEEN 1 AND 200);

-- A bad row's problem as a code and, for a column with a fixed list of values, the value given, so pages say it in
-- the reader's language; message stays the English text the API has always answered.
ALTER TABLE signals_import_error ADD COLUMN code TEXT;
ALTER TABLE signals_import_error ADD COLUMN given TEXT;
