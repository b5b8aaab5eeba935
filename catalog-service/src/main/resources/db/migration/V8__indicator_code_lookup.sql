-- An indicator looked up by its code alone (/api/indicators/MEX_D_2.1.1B): the code lives in the state.
CREATE INDEX canonical_record_indicator_code ON canonical_record ((state ->> 'code'))
    WHERE record_type = 'indicator' AND merged_into IS NULL;
