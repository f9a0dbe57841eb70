-- Ngày gửi phiếu tự chấm điểm: the date the yearly self-scoring sheet reached the office
-- (due 15 December of the year it scores). ISO date text, like the other report dates.
ALTER TABLE annual_reports ADD COLUMN self_assessment_sent_on TEXT;
