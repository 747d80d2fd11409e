-- A company's description: free text for people (the admin console shows and edits it), apart from
-- its feature toggles in data. Empty when none was given.
ALTER TABLE companies ADD COLUMN description VARCHAR(1000) DEFAULT '' NOT NULL;
