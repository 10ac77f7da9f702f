-- Case numbers for new cases; historic demo cases use numbers below the start.
CREATE SEQUENCE IF NOT EXISTS dispute_case_seq START WITH 100001;
