-- Budget utilisation in the currency each amount is stated in (an IATI budget in EUR is not a US-dollar figure and
-- is never converted): planned and expenses with their currency, and expenses ÷ planned when they share one, else
-- the reason there is none. The *_usd columns keep the US-dollar figures the office roll-ups add up. Existing rows
-- get the new columns on the next rebuild (POST /api/admin/rebuild) or the next change of their budget.
ALTER TABLE report_budget ADD COLUMN planned_amount NUMERIC;
ALTER TABLE report_budget ADD COLUMN planned_currency TEXT;
ALTER TABLE report_budget ADD COLUMN expenses_amount NUMERIC;
ALTER TABLE report_budget ADD COLUMN expenses_currency TEXT;
ALTER TABLE report_budget ADD COLUMN utilisation_rate NUMERIC;
ALTER TABLE report_budget ADD COLUMN utilisation_reason TEXT;
