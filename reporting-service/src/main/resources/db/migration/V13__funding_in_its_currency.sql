-- Funding contributions in the currency each is stated in (an IATI contribution in euros is no US-dollar figure and
-- is never converted): the amount with its currency and value date, beside the US-dollar figure the portal's
-- totals have always been. And a contribution is outcome + partner + year + sequence: one document may state two
-- contributions of one partner in one year (an IATI activity's two incoming-funds transactions), and both are kept.
-- Existing rows are the first of their partner and year. A row with a US-dollar figure is that amount in USD; a row
-- without one (an amount in another currency, or no number) gets its amount and currency on the next rebuild
-- (POST /api/admin/rebuild) or the next change of its outcome's funding.
ALTER TABLE report_funding_contribution ADD COLUMN sequence INTEGER NOT NULL DEFAULT 1;
ALTER TABLE report_funding_contribution ADD COLUMN total_amount NUMERIC;
ALTER TABLE report_funding_contribution ADD COLUMN total_currency TEXT;
ALTER TABLE report_funding_contribution ADD COLUMN total_value_date DATE;
ALTER TABLE report_funding_contribution DROP CONSTRAINT report_funding_contribution_pkey;
ALTER TABLE report_funding_contribution ADD PRIMARY KEY (outcome_id, partner, year, sequence);
UPDATE report_funding_contribution SET total_amount = total_usd, total_currency = 'USD' WHERE total_usd IS NOT NULL;
CREATE INDEX report_funding_contribution_by_currency ON report_funding_contribution (office, year, total_currency);
