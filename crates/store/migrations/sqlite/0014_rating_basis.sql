-- Căn cứ xếp loại: on what a yearly rating was given (cooperative groups are rated by local
-- criteria, so the basis is recorded with the rating).
ALTER TABLE annual_reports ADD COLUMN rating_basis TEXT;
