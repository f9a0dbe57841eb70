-- When the yearly report and the financial statements were received: timeliness checks.
ALTER TABLE annual_reports ADD COLUMN received_on TEXT;
ALTER TABLE annual_reports ADD COLUMN statements_filed_on TEXT;
